import Foundation
import Testing
import PlacementCore
import TerminalUI
@testable import PlacefinderApp

/// The officer's loop (issue 10): selections stay on their record through writes and reloads, an open
/// ranking follows colleagues' writes, 80 columns keep every row identifiable, labels agree.
@Suite struct SelectionByIDTests {
    @Test func holdThenPlaceAimsAtTheBedJustHeldEvenWhenTheRankingReorders() {
        var m = matchModel(width: 132, height: 43)
        m.press(.down, .down)
        let held = m.match!.selected!.vacancy.id
        m.press(.char("h"))
        guard case .hold(let v, let c, let until)? = m.confirm else { Issue.record("no hold confirm"); return }
        #expect(m.press(.enter) == [.hold(vacancyID: v, childID: c, until: until)])
        #expect(update(&m, .commandSucceeded("\(held) held for C1005")) == [])
        #expect(update(&m, .storeChanged) == [.load, .runMatch(childID: "C1005")])
        // The new ranking puts the options in another order: the held bed is no longer the third row.
        var reranked = Fixtures.match(["C1005"])
        reranked.candidates.reverse()
        _ = update(&m, .dataLoaded(m.data!))
        _ = update(&m, .matchReady(childID: "C1005", reranked))
        #expect(m.match?.selected?.vacancy.id == held)
        #expect(m.match?.table.selected != 2)
        m.press(.char("p"))
        #expect(m.placeForm?.childID == "C1005" && m.placeForm?.vacancyID == held)
    }

    @Test func aRankingWithoutTheSelectedOptionKeepsTheNearestRow() {
        var m = matchModel(width: 132, height: 43)
        m.press(.down, .down)
        var fewer = Fixtures.match(["C1005"])
        let gone = m.match!.selected!.vacancy.id
        fewer.candidates.removeAll { $0.vacancy.id == gone }
        _ = update(&m, .matchReady(childID: "C1005", fewer))
        #expect(m.match?.table.selected == 2)
        fewer.candidates.removeLast(2)
        _ = update(&m, .matchReady(childID: "C1005", fewer))
        #expect(m.match?.table.selected == fewer.candidates.count - 1)
    }

    @Test func rAfterAWriteReloadsAndRanksAgainKeepingTheSelection() {
        var m = matchModel(width: 132, height: 43)
        m.press(.down)
        let chosen = m.match!.selected!.vacancy.id
        #expect(m.press(.char("r")) == [.load, .runMatch(childID: "C1005")])
        #expect(m.match?.selected?.vacancy.id == chosen, "the ranking on show stays until the new one lands")
        _ = update(&m, .matchReady(childID: "C1005", Fixtures.match(["C1005"])))
        #expect(m.match?.selected?.vacancy.id == chosen)
    }

    @Test func aLoggedNoticeIsSelectedWhenItArrives() {
        var m = Fixtures.model(tab: .notices)
        m.press(.down, .down)
        #expect(update(&m, .noticeLogged(id: "N06", "notice N06 logged")) == [])
        #expect(m.status == "notice N06 logged")
        _ = update(&m, .dataLoaded(Self.withNotice("N06", hoursAgo: 5)))
        let order = m.index!.work.noticeOrder
        #expect(m.data!.notices[order[m.notices.table.selected!]].id == "N06")
        // Later reloads keep it on N06, not on whichever row it was.
        _ = update(&m, .dataLoaded(Self.withNotice("N07", hoursAgo: 0, base: m.data!)))
        let again = m.index!.work.noticeOrder
        #expect(m.data!.notices[again[m.notices.table.selected!]].id == "N06")
    }

    @Test func aLoggedEndingPointsTheDashboardAtItsChild() {
        var m = Fixtures.model(tab: .dashboard)
        m.press(.down)                                          // C1003 in the urgent panel
        var data = Fixtures.data
        // C1005 (not urgent) gets a provider's notice: now urgent, and top of the queue.
        data.children[4].status = .noticeReceived
        data.children[4].urgency = .emergency
        data.notices.append(ProviderNotice(id: "N06", receivedAt: Fixtures.now, loggedBy: "ceri.jones", providerID: "P05",
                                           kind: .placementEnding, childID: "C1005", effectiveAt: Fixtures.at(6), reason: .CLOSE))
        _ = update(&m, .noticeLogged(id: "N06", "notice N06 logged"))
        _ = update(&m, .dataLoaded(data))
        #expect(m.press(.char("m")) == [.runMatch(childID: "C1005")])
        // Without a notice of one's own, a reload keeps the urgent panel on the child it was on.
        var other = Fixtures.model(tab: .dashboard)
        other.press(.down)
        _ = update(&other, .dataLoaded(data))
        #expect(other.press(.char("m")) == [.runMatch(childID: "C1003")])
    }

    @Test func aColleaguesNoticeDoesNotMoveTheSelectionOffItsNotice() {
        var m = Fixtures.model(tab: .notices)
        m.press(.down, .down)
        let order = m.index!.work.noticeOrder
        let chosen = m.data!.notices[order[m.notices.table.selected!]].id
        _ = update(&m, .dataLoaded(Self.withNotice("N06", hoursAgo: 0)))
        let now = m.index!.work.noticeOrder
        #expect(m.data!.notices[now[m.notices.table.selected!]].id == chosen)
        #expect(m.notices.table.selected == 3)
    }

    @Test func dashboardPanelsKeepTheirRecordAcrossAReload() {
        var m = Fixtures.model(tab: .dashboard)
        m.press(.tab)                                           // today's notices
        m.press(.down)
        let before = dashboardRecordID(m, m.index!.dashboard, .notices, m.dashboard.tables[DashboardPanel.notices.rawValue].selected!)
        _ = update(&m, .dataLoaded(Self.withNotice("N06", hoursAgo: 0)))
        let s = m.dashboard.tables[DashboardPanel.notices.rawValue].selected!
        #expect(dashboardRecordID(m, m.index!.dashboard, .notices, s) == before)
        #expect(s == 2)
    }

    @Test func aPeekedVacancyStaysOnItsRecordWhenTheArrayShifts() {
        var m = Fixtures.model(tab: .dashboard)
        m.dashboard.focus = .stale
        m.press(.enter)
        guard case .vacancy(let i)? = m.peek else { Issue.record("no vacancy opened"); return }
        let id = m.data!.vacancies[i].id
        var data = Fixtures.data
        data.vacancies.removeFirst()
        _ = update(&m, .dataLoaded(data))
        guard case .vacancy(let j)? = m.peek else { Issue.record("the page closed"); return }
        #expect(m.data!.vacancies[j].id == id)
    }

    @Test func anOpenChildPageStaysOnItsChildWhenTheArrayShifts() {
        var m = Fixtures.model(tab: .children)
        m.press(.down)
        let id = m.selectedChild!.id
        m.press(.enter)
        #expect(m.context == .childPage)
        var data = Fixtures.data
        data.children.removeAll { $0.id == "C1002" }
        _ = update(&m, .dataLoaded(data))
        #expect(m.children.open.map { m.data!.children[$0].id } == id)
        #expect(m.selectedChild?.id == id)
    }

    /// The fixture data with one more ending notice, received `hoursAgo` before now.
    static func withNotice(_ id: String, hoursAgo: Double, base: AppData = Fixtures.data) -> AppData {
        var data = base
        data.notices.append(ProviderNotice(id: id, receivedAt: Fixtures.at(-hoursAgo), loggedBy: "alun.owen", providerID: "P04",
                                           kind: .vacancyOpened, vacancyID: "V103"))
        return data
    }
}

@Suite struct LiveRankingTests {
    @Test func aColleaguesWriteRanksAnOpenMatchAgain() {
        var m = matchModel()
        #expect(update(&m, .storeChanged) == [.load, .runMatch(childID: "C1005")])
        m.press(.escape)
        #expect(update(&m, .storeChanged) == [.load], "no ranking is open: only the reload")
    }

    @Test func aHeldBedIsMarkedInTheRankingAndInVacancies() {
        var data = Fixtures.match(["C1005"])
        var held = data.candidates[1]
        held.vacancy.status = .held
        held.vacancy.hold = Hold(childID: "C1005", officer: "alun.owen", expiresAt: Fixtures.at(6.5))
        data.candidates[1] = held
        var m = matchModel()
        _ = update(&m, .matchReady(childID: "C1005", data))
        let row = m.screen.first { $0.contains(held.provider.name) && $0.contains("H") }
        #expect(row != nil, "the ranking marks the held bed")
        #expect(matchFlagCodes(held, now: Fixtures.now).hasPrefix("H"))
        #expect(!matchFlagCodes(data.candidates[0], now: Fixtures.now).contains("H"))
        // Vacancies: V107 is held in the fixtures.
        var v = Fixtures.model(tab: .vacancies)
        v.press(.char("/"))
        v.type("v107")
        v.press(.enter)
        #expect(v.screen.contains { $0.contains("V107") && $0.contains("held ") })
    }

    @Test func aStaleRefusalNamesTheKeyAndClearsAfterTheReload() {
        var m = matchModel()
        _ = update(&m, .commandRefusedAsStale("changed by alun.owen at 10:42 — press r to reload"))
        #expect(m.screen.last!.contains("press r to reload"))
        // The runtime's own reload (a colleague's commit) does not hide it before the officer has read it.
        _ = update(&m, .dataLoaded(m.data!))
        #expect(m.status != nil)
        #expect(m.press(.char("r")) == [.load, .runMatch(childID: "C1005")])
        _ = update(&m, .dataLoaded(m.data!))
        #expect(m.status == nil)
        // Any other refusal stays on show across reloads.
        _ = update(&m, .commandFailed("vacancy V101 is not held"))
        m.press(.char("r"))
        _ = update(&m, .dataLoaded(m.data!))
        #expect(m.status == "vacancy V101 is not held")
    }
}

@Suite struct EightyColumnTests {
    @Test func vacancyRowsShowTheirIdAndWholeProviderNames() {
        var m = Fixtures.model(width: 80, height: 24, tab: .vacancies)
        let rows = m.screen.dropFirst(5).prefix(18)
        #expect(rows.count == 18)
        for row in rows {
            #expect(row.range(of: #"^V1\d\d "#, options: .regularExpression) != nil, "no id in: \(row)")
        }
        m.press(.char("/"))
        m.type("hafan")
        #expect(m.screen.contains { $0.contains("Hafan Deg Parent & Child ") }, "a 24-character name is whole at 80 columns")
    }

    @Test func rankedAndNoticeRowsNameTheirRecord() {
        let m = matchModel()
        for c in m.match!.data!.candidates {
            #expect(m.screen.contains { $0.hasPrefix(String(format: "%2d ", c.rank) + c.vacancy.id + " ") }, "rank \(c.rank) lacks \(c.vacancy.id)")
        }
        let notices = Fixtures.model(width: 80, height: 24, tab: .notices)
        for n in Fixtures.notices { #expect(notices.screen.contains { $0.hasPrefix(n.id + " ") }) }
    }

    @Test func searchFindsAVacancyByIdInAnyCase() {
        var m = Fixtures.model(width: 80, height: 24, tab: .vacancies)
        m.press(.char("/"))
        m.type("v117")
        #expect(m.vacancies.visible.count == 1)
        #expect(m.selectedVacancy?.id == "V117")
    }

    @Test func flagsFitAndTheirLegendIsInHelp() {
        var m = matchModel()
        let c = m.match!.data!.candidates.first { $0.flags.count >= 2 }!
        let codes = matchFlagCodes(c, now: Fixtures.now)
        #expect(m.screen.contains { $0.contains(c.provider.name.prefix(10)) && $0.contains(codes) })
        m.press(.char("?"))
        for _ in 0..<12 { m.press(.down) }                          // the legend follows the keys
        let help = m.screenText
        #expect(help.contains("O out of area"))
        #expect(help.contains("H held"))
    }

    @Test func theExplanationScrolls() {
        var m = matchModel()
        let before = m.screenText
        #expect(m.press(.char("]")) == [])
        #expect(m.match?.detailScroll == 1)
        #expect(m.screenText != before)
        m.press(.char("["))
        #expect(m.match?.detailScroll == 0)
        m.press(.char("["))
        #expect(m.match?.detailScroll == 0)
        m.press(.char("]"))
        m.press(.down)
        #expect(m.match?.detailScroll == 0, "another option's explanation starts at its top")
    }

    @Test func helpAndQuitStayInTheHintBarBesideAStatus() {
        for (tab, width) in [(Tab.vacancies, 80), (.dashboard, 80), (.notices, 80), (.vacancies, 132)] {
            var m = Fixtures.model(width: width, height: width == 80 ? 24 : 43, tab: tab)
            m.status = "vacancy V101 is held by alun.owen until 17:00; only they can release it before then"
            let last = m.screen.last!
            #expect(last.contains("? help") && last.contains("q quit"), "\(tab): \(last)")
            #expect(last.contains("vacancy V101 is held"))
        }
        var m = matchModel()
        m.status = "changed by alun.owen at 10:42 — press r to reload"
        #expect(m.screen.last!.contains("? help") && m.screen.last!.contains("q quit"))
        #expect(m.screen.last!.contains("press r to reload"))
    }
}

@Suite struct LabelTests {
    @Test func theTopBarAndTheUrgentPanelCountTheSameChildren() {
        for width in [80, 132] {
            let m = Fixtures.model(width: width, height: width == 80 ? 24 : 43, tab: .dashboard)
            let urgent = Fixtures.children.filter { $0.isUrgent(today: Fixtures.today) }
            #expect(urgent.map(\.id).sorted() == ["C1001", "C1003", "C1008"])
            #expect(m.data?.urgentCount == urgent.count)
            #expect(m.screen[0].contains(width == 80 ? "3 urgent" : "3 urgent children"))
            #expect(m.screenText.contains("Urgent children (3)"))
            #expect(!m.index!.dashboard.urgent.contains { m.data!.children[$0].id == "C1005" }, "needed in 46 days: waiting, not urgent")
        }
    }

    @Test func anEndingLaterTodayShowsItsTimeNotEmergency() {
        let m = Fixtures.model(width: 80, height: 24, tab: .dashboard)
        // C1008's placement ends at 18:00 today (N01); now is 10:30.
        #expect(m.screen.contains { $0.contains("C1008") && $0.contains("today 18:00 (7 h)") })
        #expect(!m.screen.contains { $0.contains("C1008") && $0.contains("emergency") })
    }

    @Test func noticeThatSpansMidnightIsNotSameDay() {
        var m = Fixtures.model(width: 132, height: 43, tab: .notices)
        var data = Fixtures.data
        // Given at 16:00 yesterday for 10:00 today: 18 hours, over two days.
        data.notices.append(ProviderNotice(id: "N09", receivedAt: Fixtures.at(-18.5), loggedBy: "ceri.jones", providerID: "P04",
                                           kind: .placementEnding, childID: "C1003", effectiveAt: Fixtures.at(-0.5), reason: .STAND))
        _ = update(&m, .dataLoaded(data))
        let row = m.screen.first { $0.contains("Harbour View") && $0.contains("18 h") }
        #expect(row != nil)
        #expect(!(row ?? "").contains("same-day"))
        // N01 (08:45 for 18:00 the same day) is same-day.
        #expect(m.screen.contains { $0.contains("Bryn Celyn") && $0.contains("same-day (9 h)") })
    }
}
