import Foundation
import Testing
import PlacementCore
import TerminalUI
@testable import PlacefinderApp

/// The match screen for C1005 (four ranked), opened from the children list with `m`.
func matchModel(width: Int = 80, height: Int = 24, child: String = "C1005", group: [String]? = nil) -> Model {
    var m = Fixtures.model(width: width, height: height, tab: .children)
    m.press(.char("/"))
    m.type(child.lowercased())
    m.press(.enter)
    let commands = m.press(.char("m"))
    #expect(commands == [.runMatch(childID: child)])
    _ = update(&m, .matchReady(childID: child, Fixtures.match(group ?? [child])))
    return m
}

@Suite struct MatchScreenTests {
    @Test func mEmitsRunMatchThenMatchReadyFillsTheScreen() {
        var m = Fixtures.model(tab: .children)
        m.press(.char("/"))
        m.type("c1005")
        m.press(.enter)
        #expect(m.press(.char("m")) == [.runMatch(childID: "C1005")])
        #expect(m.context == .matches)
        #expect(m.screenText.contains("Ranking…"))
        // A ranking for another child (a stale answer) is ignored.
        _ = update(&m, .matchReady(childID: "C1003", Fixtures.match(["C1003"])))
        #expect(m.match?.data == nil)
        let data = Fixtures.match(["C1005"])
        _ = update(&m, .matchReady(childID: "C1005", data))
        let text = m.screenText
        #expect(!text.contains("Ranking…"))
        #expect(text.contains("4 ranked, 26 excluded"))
        let first = data.candidates[0]
        #expect(text.contains(first.provider.name))
        #expect(text.contains(String(format: "%.1f", first.score)))
        #expect(text.contains("≈<1 mi"))                          // approximate road miles
        #expect(text.contains(first.reasons[0].en))                    // the explanation of the selected row
        #expect(text.contains("O≈"))                                // flags as one-letter codes (legend in help)
        m.press(.escape)
        #expect(m.match == nil && m.context == .childList)
    }

    @Test func matchFromChildPageReturnsThereAndFailureIsShown() {
        var m = Fixtures.model(tab: .children)
        m.press(.enter)                                             // C1001's page
        #expect(m.press(.char("m")) == [.runMatch(childID: "C1001")])
        _ = update(&m, .matchFailed("home postcode not found"))
        #expect(m.screenText.contains("home postcode not found"))
        m.press(.escape)
        #expect(m.context == .childPage)
    }

    @Test func explanationShowsFlagsInFullAndContributions() {
        var m = matchModel(width: 132, height: 43)
        m.press(.down)
        let text = m.screenText
        #expect(text.contains(MatchFlag.outOfArea.label))
        #expect(text.contains("distance from home"))
        #expect(text.contains("█"))
        #expect(text.contains("local authority") || text.contains("not-for-profit") || text.contains("private"))
    }

    @Test func xTogglesTheExcludedListWithDeclines() {
        var m = matchModel(width: 132, height: 43, child: "C1001")
        #expect(m.screenText.contains("No vacancy meets every hard constraint"))
        m.press(.char("x"))
        #expect(m.context == .matchExcluded)
        let lines = m.screen
        // P03 declined C1001 this morning (whole provider); P06 declined vacancy V105 on 14 Jun.
        #expect(lines.contains { $0.hasPrefix("V102") && $0.contains("declined 16 Jun") })
        #expect(lines.contains { $0.hasPrefix("V105") && $0.contains("declined 14 Jun") })
        // The ring-round so far comes first: every declined vacancy before any other.
        let rows = lines.filter { $0.hasPrefix("V1") }
        let firstOther = rows.firstIndex { !$0.contains("declined") } ?? rows.count
        #expect(firstOther > 0, "the first excluded row is a decline")
        m.press(.char("x"))
        #expect(m.context == .matches)
    }

    @Test func wTogglesPolicyWeights() {
        var m = matchModel()
        m.press(.char("w"))
        #expect(m.context == .weights)
        let text = m.screenText
        #expect(text.contains(MatchPolicy.default.name))
        #expect(text.contains("needs fit") && text.contains("4.0"))
        m.press(.char("w"))
        #expect(m.context == .matches)
    }

    @Test func cRecordsACallOutcome() {
        var m = matchModel()
        let selected = m.match!.selected!
        m.press(.char("c"))
        #expect(m.context == .contactForm)
        #expect(m.screenText.contains(selected.provider.name))
        m.press(.right)                                             // no answer → declined
        #expect(m.contactForm?.outcome == .declined)
        #expect(m.press(.enter) == [], "a decline needs a reason")
        #expect(m.screenText.contains("say why the provider declined"))
        m.type("no bed for her age")
        let commands = m.press(.enter)
        #expect(commands == [.recordContact(Contact(id: "", childID: "C1005", providerID: selected.provider.id, vacancyID: selected.vacancy.id,
                                                    at: Fixtures.now, outcome: .declined, declineReason: "no bed for her age", by: "ceri.jones"))])
        #expect(m.contactForm?.saving == true)
        _ = update(&m, .commandSucceeded("call recorded"))
        #expect(m.contactForm == nil && m.context == .matches)
    }

    @Test func contactColumnShowsWhoRangAndWhen() {
        let m = matchModel(width: 132, height: 43, child: "C1003")
        #expect(m.screenText.contains("offered 10:18 (ceri.jones)"))
        // The sibling group sees calls made about the lead child.
        let g = matchModel(width: 132, height: 43, child: "C1001", group: ["C1001", "C1002", "C1010"])
        #expect(g.screenText.contains("no answer 09:54 (alun.owen)"))
    }

    @Test func hHoldsUntilEndOfDayAfterConfirm() {
        var m = matchModel()
        let v = m.match!.selected!.vacancy.id
        m.press(.char("h"))
        #expect(m.context == .confirm)
        #expect(m.screenText.contains("today 23:59"))
        let endOfDay = Date(timeIntervalSince1970: 1_750_114_740)  // 16 Jun 2025 23:59 BST
        #expect(m.confirm == .hold(vacancyID: v, childID: "C1005", until: endOfDay))
        m.press(.escape)
        #expect(m.confirm == nil && m.context == .matches)
        m.press(.char("h"), .left)
        #expect(m.press(.enter) == [.hold(vacancyID: v, childID: "C1005", until: endOfDay.addingTimeInterval(-3600))])
    }

    @Test func hOffersReleaseWhenAlreadyHeldByThisOfficerForThisChild() {
        var m = matchModel()
        let v = m.match!.selected!.vacancy.id
        var data = Fixtures.data
        let i = data.vacancies.firstIndex { $0.id == v }!
        data.vacancies[i].status = .held
        data.vacancies[i].hold = Hold(childID: "C1005", officer: "ceri.jones", expiresAt: Fixtures.now.addingTimeInterval(3600))
        _ = update(&m, .dataLoaded(data))
        m.press(.char("h"))
        #expect(m.confirm == .release(vacancyID: v, childID: "C1005"))
        #expect(m.screenText.contains("Release"))
        #expect(m.press(.char("y")) == [.releaseHold(vacancyID: v)])
        // Held by a colleague: no confirm, the status line says who.
        data.vacancies[i].hold = Hold(childID: "C1003", officer: "alun.owen", expiresAt: Fixtures.now.addingTimeInterval(3600))
        _ = update(&m, .dataLoaded(data))
        m.press(.char("h"))
        #expect(m.confirm == nil)
        #expect(m.status == "held by alun.owen for C1003 until 11:30")
    }

    @Test func commandFailedShowsTheMessage() {
        var m = matchModel(width: 132, height: 43)
        _ = update(&m, .commandRefusedAsStale("changed by alun.owen at 10:42 — press r to reload"))
        #expect(m.screen.last!.contains("changed by alun.owen at 10:42 — press r to reload"))
    }

    @Test func aSavedCallRanksAgainAndTheOutcomeSurvivesTheReload() {
        var m = matchModel(width: 132, height: 43)
        #expect(update(&m, .commandSucceeded("call K0042 recorded")) == [])
        // Every write is followed by `.storeChanged`: reload, and rank again.
        #expect(update(&m, .storeChanged) == [.load, .runMatch(childID: "C1005")])
        _ = update(&m, .dataLoaded(m.data!))
        #expect(m.screen.last!.contains("call K0042 recorded"))
    }

    @Test func siblingsWhoCannotStayTogetherAreLabelledSeparated() {
        let m = matchModel(child: "C1001", group: ["C1001", "C1002", "C1010"])
        let text = m.screenText
        let warning = "!! " + GroupMatch.splitWarning(siblings: 3)
        #expect(text.contains(warning))
        #expect(view(m)[0, 3].style.role == .urgent)
        let wide = matchModel(width: 132, height: 43, child: "C1001", group: ["C1001", "C1002", "C1010"])
        #expect(wide.screenText.contains(warning))
        #expect(text.contains("X"))
        #expect(m.screen.contains { $0.hasPrefix("1 C1002") })
        #expect(text.contains(MatchFlag.separatesSiblings.label))
    }

    @Test func matchDataCarriesPolicyWeightsAndExclusions() {
        let d = Fixtures.match(["C1005"])
        #expect(d.policyName == MatchPolicy.default.name)
        #expect(d.weights.first?.factor == .needsFit)
        #expect(d.weights.count == Factor.allCases.count)
        #expect(d.together && d.message == nil)
        #expect(d.candidates.map(\.rank) == [1, 2, 3, 4])
        #expect(d.candidates.allSatisfy { !$0.contributions.isEmpty && $0.approximate })
        #expect(d.excluded.count == 26)
        let c1001 = Fixtures.match(["C1001"])
        #expect(c1001.excluded.contains { $0.declined && $0.vacancy.providerID == "P03" })
        #expect(c1001.excluded.allSatisfy { !$0.reasons.map(\.en).contains("provider declined this child") })
    }
}

@Suite struct NoticeFormTests {
    static func form(width: Int = 80, height: Int = 24) -> Model {
        var m = Fixtures.model(width: width, height: height, tab: .notices)
        m.press(.char("a"))
        #expect(m.context == .noticeForm)
        return m
    }

    static func draft(_ m: Model) -> NoticeFormCheck { NoticeFormCheck(m.noticeForm!, model: m) }

    @Test func searchPicksAProvider() {
        var m = Self.form()
        m.type("gob")
        #expect(Self.draft(m).provider?.id == "P03")
        m.press(.backspace, .backspace, .backspace)
        m.type("care")
        #expect(Self.draft(m).providers.map { Fixtures.data.providers[$0].id } == ["P02", "P07"])
        #expect(Self.draft(m).provider == nil, "two match: nothing is chosen until the officer chooses")
        m.press(.down)
        #expect(Self.draft(m).provider?.id == "P02")
        m.press(.down)
        #expect(Self.draft(m).provider?.id == "P07")
        #expect(m.screenText.contains("→ Marches Care Group"))
        m.type("zzz")
        #expect(Self.draft(m).provider == nil)
        #expect(m.screenText.contains("no provider matches"))
    }

    @Test func endingRequiresChildReasonAndEffective() {
        var m = Self.form()
        m.type("bryn")
        #expect(m.press(.enter) == [])
        var text = m.screenText
        #expect(text.contains("choose the child"))
        #expect(text.contains("when does the placement end?"))
        #expect(text.contains("choose a reason"))
        // Only children placed with the provider can be chosen: Dyffryn has none.
        m.press(.escape, .char("y"), .char("a"))   // Esc asks before discarding what was typed
        m.type("dyff")
        m.press(.enter)
        text = m.screenText
        #expect(text.contains("no child is placed with this provider"))
    }

    /// Bryn Celyn, ending for C1008 (RT), reason CLOSE, effective as given.
    static func filled(effective: String, width: Int = 80, height: Int = 24) -> Model {
        var m = form(width: width, height: height)
        m.type("bryn")
        m.press(.tab, .tab)                     // kind → child
        m.type("rt")
        m.press(.tab)
        m.type(effective)
        m.press(.tab)
        for _ in 0...EndReason.allCases.firstIndex(of: .CLOSE)! { m.press(.right) }
        m.press(.tab)
        m.type("closing early")
        return m
    }

    @Test func effectiveBeforeReceivedIsRejectedInlineAndNotSubmitted() {
        var m = Self.filled(effective: "today 09:00")
        #expect(m.screenText.contains("before the call was received (today 10:30)"))
        #expect(m.press(.enter) == [])
        #expect(m.noticeForm != nil && m.noticeForm?.saving == false)
        #expect(m.noticeForm?.field == .effective, "Enter goes to the field that is wrong")
    }

    @Test func validFormEmitsLogNoticeWithComputedFields() {
        var m = Self.filled(effective: "today 17:00")
        #expect(m.screenText.contains("notice given: same-day (6 h)"))
        let commands = m.press(.enter)
        let expected = NoticeDraft(providerID: "P02", kind: .placementEnding, receivedAt: Fixtures.now,
                                   childID: "C1008", effectiveAt: Date(timeIntervalSince1970: 1_750_089_600), reason: .CLOSE,
                                   text: "closing early")
        #expect(commands == [.logNotice(expected)])
        #expect(expected.effectiveAt!.timeIntervalSince(expected.receivedAt) == 6.5 * 3600)
        _ = update(&m, .commandFailed("the store is busy — try again"))
        #expect(m.noticeForm?.saving == false, "a refused save keeps the form")
        #expect(m.press(.enter) == [.logNotice(expected)])
        _ = update(&m, .commandSucceeded("notice logged"))
        #expect(m.noticeForm == nil && m.context == .noticeList)
    }

    @Test func vacancyNoticeNeedsOneOfTheProvidersVacancies() {
        var m = Self.form()
        m.type("dyff")
        m.press(.tab, .right, .right, .right)   // kind: vacancy filled
        #expect(m.noticeForm?.kind == .vacancyFilled)
        #expect(m.press(.enter) == [])
        #expect(m.screenText.contains("choose the vacancy"))
        #expect(m.noticeForm?.field == .vacancy, "Enter goes to the field that is wrong")
        m.press(.right)
        let draft = Self.draft(m)
        #expect(draft.vacancy?.providerID == "P06")
        guard case .logNotice(let n)? = m.press(.enter).first else { Issue.record("not submitted"); return }
        #expect(n.kind == .vacancyFilled && n.vacancyID == draft.vacancy?.id && n.childID == nil && n.reason == nil)
    }

    @Test func dateTimeParser() {
        let now = Fixtures.now
        #expect(WorkflowTime.parse("today 17:00", now: now) == Date(timeIntervalSince1970: 1_750_089_600))
        #expect(WorkflowTime.parse("Tomorrow 09:00", now: now) == Date(timeIntervalSince1970: 1_750_147_200))
        #expect(WorkflowTime.parse("2026-11-26 09:00", now: now) == Date(timeIntervalSince1970: 1_795_683_600))   // GMT in winter
        #expect(WorkflowTime.parse("2026-11-26T09:00", now: now) == Date(timeIntervalSince1970: 1_795_683_600))
        #expect(WorkflowTime.parse("17:00", now: now) == Date(timeIntervalSince1970: 1_750_089_600))
        #expect(WorkflowTime.parse("now", now: now) == now)
        for bad in ["", "tomorrow", "today 25:00", "today 9", "2026-13-01 09:00", "next week", "today 17:00 pm"] {
            #expect(WorkflowTime.parse(bad, now: now) == nil, "\(bad) should not parse")
        }
    }
}

@Suite struct NoticesLogTests {
    @Test func newestFirstWithSameDayEndingsUrgent() {
        var m = Fixtures.model(width: 132, height: 43, tab: .notices)
        let lines = m.screen
        let order = ["Dyffryn Lodgings", "Bryn Celyn Care", "Foster Wales Cardiff", "Bryn Celyn Care", "Harbour View Homes"]
        let rows = lines.indices.filter { i in lines[i].contains("Received") }.first.map { Array(lines[($0 + 1)...($0 + 5)]) } ?? []
        #expect(rows.count == 5)
        for (row, name) in zip(rows, order) { #expect(row.contains(name)) }
        #expect(rows[1].contains("same-day (9 h)") && rows[1].contains("provider resigned or closed") && rows[1].contains("RT"))
        m.press(.down)                          // the selected row takes the selection style
        let buffer = view(m)
        // N05: 20 hours over midnight is short notice (urgent), but not same-day.
        let y = lines.firstIndex { $0.contains("Harbour View Homes") && $0.contains(" 20 h ") }!
        #expect(buffer[0, y].style.role == .urgent)
        m.press(.enter)
        #expect(m.context == .noticeDetail)
        #expect(m.screenText.contains("Home closing early after the inspection"))
        m.press(.escape)
        #expect(m.context == .noticeList)
    }
}

@Suite struct DashboardTests {
    @Test func appOpensOnTheDashboard() {
        var (m, _) = Model.initial(size: (80, 24), officer: "x", authority: "W06000002", now: Fixtures.now, redact: false)
        #expect(m.tab == .dashboard)
        _ = update(&m, .dataLoaded(Fixtures.data))
        #expect(m.context == .dashboard)
    }

    @Test func urgentQueueEmergenciesFirstThenByDeadline() {
        var m = Fixtures.model(width: 132, height: 43, tab: .dashboard)
        let ids = m.index!.dashboard.urgent.map { Fixtures.children[$0].id }
        #expect(ids == ["C1001", "C1003", "C1008"], "C1005, needed in 46 days, is not urgent")
        var text = m.screenText
        // C1001's notified ending has passed; C1008's is at 18:00 today; C1003 is needed in 4 days.
        #expect(text.contains("ended 15 Jun") && text.contains("4 days") && text.contains("today 18:00 (7 h)"))
        // Five days on, C1003's date has passed: overdue, in the urgent style.
        _ = update(&m, .tick(Fixtures.now.addingTimeInterval(6 * 86_400)))
        text = m.screenText
        #expect(text.contains("overdue 2 days"))
        let y = m.screen.firstIndex { $0.contains("overdue 2 days") }!
        let x = m.screen[y].distance(from: m.screen[y].startIndex, to: m.screen[y].range(of: "overdue")!.lowerBound)
        #expect(view(m)[x, y].style.role == .urgent)
    }

    @Test func panelsShowNoticesGridStaleHoldsAndUnstable() {
        let m = Fixtures.model(width: 132, height: 43, tab: .dashboard)
        let d = m.index!.dashboard
        #expect(d.todayNotices.map { Fixtures.notices[$0].id } == ["N02", "N01"])
        #expect(d.holdsToday.map { Fixtures.vacancies[$0].id } == ["V107"])
        #expect(d.unstable.map { Fixtures.children[$0].id } == ["C1001"])
        #expect(d.stale.count == m.data!.vacancies.filter { $0.status == .open && $0.daysSinceConfirmed(now: Fixtures.now) > 7 }.count)
        #expect(d.grid.joined().reduce(0, +) == 27)
        let text = m.screenText
        #expect(text.contains("V107") && text.contains("SA") && text.contains("16:30"))
    }

    @Test func enterOnARowOpensThatChildOrVacancy() {
        var m = Fixtures.model(tab: .dashboard)
        m.press(.down)
        #expect(m.press(.enter) == [.audit(action: "view", recordType: "child", recordID: "C1003", token: 1)])
        #expect(m.context == .childPage)
        #expect(m.screenText.contains("Child C1003"))
        m.press(.escape)
        #expect(m.context == .dashboard && m.tab == .dashboard)
        m.press(.tab, .tab, .tab)                 // today's notices → the grid → stale vacancies
        #expect(m.dashboard.focus == .stale)
        m.press(.enter)
        let first = Fixtures.vacancies[m.index!.dashboard.stale[0]]
        #expect(m.peek == .vacancy(m.index!.dashboard.stale[0]))
        #expect(m.screenText.contains("Vacancy \(first.id)"))
        m.press(.escape, .backTab, .backTab)
        #expect(m.dashboard.focus == .notices)
        m.press(.down)                            // N01: the ending for C1008 → that child's page
        #expect(m.press(.enter) == [.audit(action: "view", recordType: "child", recordID: "C1008", token: 2)])
        m.press(.escape, .left)
        #expect(m.dashboard.focus == .urgent)
        #expect(m.press(.char("m")) == [.runMatch(childID: "C1003")])   // the urgent panel keeps its selection
    }
}

@Suite struct ProviderScreenTests {
    @Test func stabilityCountsAndSameDayHighlight() {
        var m = Fixtures.model(width: 132, height: 43, tab: .providers)
        let ix = m.index!.providers
        func s(_ id: String) -> ProviderStability { ix.stability[ix.byID[id]!] }
        #expect(s("P02").placements == 2 && s("P02").breakdowns == 1 && s("P02").shortNoticeEndings == 1)
        #expect(s("P03").placements == 3 && s("P03").breakdowns == 1 && s("P03").shortNoticeEndings == 0)
        #expect(s("P06").placements == 0)
        #expect(ix.openVacancies[ix.byID["P01"]!] == 4)
        m.press(.down)                                  // move off Bryn Celyn (first by name)
        let lines = m.screen
        let y = lines.firstIndex { $0.hasPrefix("Bryn Celyn Care") }!
        #expect(view(m)[0, y].style.role == .urgent)
        let t = lines.firstIndex { $0.hasPrefix("Tŷ Gobaith") }!
        #expect(view(m)[0, t].style.role == .normal)
        #expect(lines[y].contains("CIW · W0002345"))
        m.press(.char("s"), .char("s"))                 // short-notice endings first
        #expect(m.providerSort == .shortNotice)
        let first = m.providers.visible.prefix(2).map { Fixtures.providers[Int($0)].id }
        #expect(Set(first) == ["P02", "P04"])
    }

    @Test func searchNarrowsProviders() {
        var m = Fixtures.model(tab: .providers)
        m.press(.char("/"))
        m.type("ofsted")
        #expect(m.providers.visible.map { Fixtures.providers[Int($0)].id } == ["P07"])
        m.press(.escape)
        #expect(m.providers.visible.count == 8)
    }

    @Test func providerPageListsVacanciesAndHistoryAndOpensAVacancy() {
        var m = Fixtures.model(width: 132, height: 43, tab: .providers)
        m.press(.enter)                                 // Bryn Celyn Care
        #expect(m.context == .providerPage)
        let text = m.screenText
        #expect(text.contains("Provider P02 · Bryn Celyn Care"))
        #expect(text.contains("carer ended it because of the child's behaviour"))
        #expect(text.contains("same-day (4 h)"))
        #expect(text.contains("C1001 GJ") && !text.contains("Gwenllïan"))
        m.press(.down, .enter)
        let second = m.index!.providers.vacancies["P02"]![1]
        #expect(m.peek == .vacancy(second))
        #expect(m.context == .vacancyDetail)
        m.press(.escape)
        #expect(m.context == .providerPage)
        m.press(.escape)
        #expect(m.context == .providerList)
    }
}

@Suite struct WorkflowHelpTests {
    @Test func helpListsEveryBindingOnTheNewScreens() {
        var screens: [(Model, KeyContext)] = []
        let match = matchModel(width: 132, height: 43)
        screens.append((match, .matches))
        var excluded = match; excluded.press(.char("x")); screens.append((excluded, .matchExcluded))
        screens.append((Fixtures.model(width: 132, height: 43, tab: .dashboard), .dashboard))
        screens.append((Fixtures.model(width: 132, height: 43, tab: .notices), .noticeList))
        screens.append((Fixtures.model(width: 132, height: 43, tab: .providers), .providerList))
        screens.append((NoticeFormTests.form(width: 132, height: 43), .noticeForm))
        var confirm = match; confirm.press(.char("h")); screens.append((confirm, .confirm))
        var call = match; call.press(.char("c")); screens.append((call, .contactForm))
        for (model, context) in screens {
            var m = model
            #expect(m.context == context)
            m.press(.function(1))
            #expect(m.help?.context == context)
            let text = m.screenText
            for b in Keymap.bindings(for: context) {
                #expect(text.contains(b.keyLabel), "\(context) help lacks \(b.keyLabel)")
                #expect(text.contains(b.help), "\(context) help lacks \(b.help)")
            }
        }
    }
}
