import Foundation
import Testing
import PlacementCore
import TerminalUI
@testable import PlacefinderApp

@Suite struct ShellTests {
    @Test func initialAsksForDataAndShowsLoading() {
        let (m, commands) = Model.initial(size: (80, 24), officer: "x", authority: "W06000002", now: Fixtures.now, redact: false)
        #expect(commands == [.load])
        #expect(m.screenText.contains("Loading…"))
        var n = m
        #expect(update(&n, .storeChanged) == [.load])
    }

    @Test func topBarShowsAuthorityOfficerCountsAndLondonTime() {
        let m = Fixtures.model()
        let top = m.screen[0]
        #expect(top.contains("Gwynedd"))
        #expect(top.contains("ceri.jones"))
        #expect(top.contains("3 urgent"))      // C1001, C1008 notices; C1003 needed within 7 days
        #expect(top.contains("27 open"))
        #expect(top.hasSuffix("10:30"))        // 09:30 UTC is 10:30 BST
    }

    @Test func numberKeysSwitchTabs() {
        var m = Fixtures.model()
        m.press(.char("2"))
        #expect(m.tab == .children)
        #expect(m.screenText.contains("Initials"))
        m.press(.char("4"))
        #expect(m.tab == .notices)
        #expect(m.screenText.contains("Notices from providers, newest first"))
        m.press(.char("6"))
        #expect(m.screenText.contains("Computing the reports"))
        m.press(.char("1"))
        #expect(m.tab == .dashboard && m.screenText.contains("Urgent children"))
        m.press(.char("3"))
        #expect(m.tab == .vacancies)
    }

    @Test func qAndCtrlCQuitButQTypesInSearch() {
        var m = Fixtures.model()
        #expect(m.press(.char("q")) == [.quit])
        m.press(.char("/"))
        #expect(m.press(.char("q")) == [])
        #expect(m.vacancies.query == "q")
        #expect(m.press(.ctrl("c")) == [.quit])
    }

    @Test func resizeTooSmallThenBack() {
        var m = Fixtures.model()
        _ = update(&m, .event(.resize(width: 60, height: 20)))
        let lines = m.screen
        #expect(lines.filter { !$0.isEmpty } == [String(repeating: " ", count: 14) + "terminal too small (need 80×24)"])
        #expect(lines.count == 20)
        #expect(m.press(.char("q")) == [.quit])
        _ = update(&m, .event(.resize(width: 80, height: 24)))
        #expect(m.screen[1].contains("3 Vacancies"))
        #expect(m.screen[4].hasPrefix("ID"))
        _ = update(&m, .event(.resize(width: 79, height: 30)))
        #expect(m.screenText.contains("terminal too small"))
    }

    @Test func helpListsEveryBindingOfTheCurrentScreen() {
        for (tab, context) in [(Tab.vacancies, KeyContext.vacancyList), (.children, .childList)] {
            var m = Fixtures.model(width: 132, height: 43, tab: tab)
            m.press(.char("?"))
            #expect(m.help?.context == context)
            let text = m.screenText
            for b in Keymap.bindings(for: context) {
                #expect(text.contains(b.keyLabel), "help lacks \(b.keyLabel)")
                #expect(text.contains(b.help), "help lacks \(b.help)")
            }
            m.press(.escape)
            #expect(m.help == nil)
        }
    }

    @Test func tickUpdatesClock() {
        var m = Fixtures.model()
        _ = update(&m, .tick(Fixtures.now.addingTimeInterval(3600 * 2 + 60)))
        #expect(m.screen[0].hasSuffix("12:31"))
    }

    @Test func loadFailureIsShown() {
        var (m, _) = Model.initial(size: (100, 24), officer: "x", authority: "W06000002", now: Fixtures.now, redact: false)
        _ = update(&m, .loadFailed("database is locked"))
        #expect(m.screen.last!.contains("database is locked"))
    }
}

@Suite struct VacancyScreenTests {
    @Test func defaultListShowsOpenAndHeldOnly() {
        let m = Fixtures.model()
        #expect(m.vacancies.visible.count == 28)
        let all = m.vacancies.visible.map { Fixtures.vacancies[Int($0)].status }
        #expect(all.allSatisfy { $0 == .open || $0 == .held })
    }

    @Test func scrollingMovesSelectionAndPages() {
        var m = Fixtures.model()
        m.press(.down, .char("j"))
        #expect(m.vacancies.table.selected == 2)
        m.press(.char("k"))
        #expect(m.vacancies.table.selected == 1)
        m.press(.pageDown)
        #expect(m.vacancies.table.selected == 1 + 18)
        m.press(.end)
        #expect(m.vacancies.table.selected == 27)
        let last = Fixtures.vacancies[Int(m.vacancies.visible[27])]
        let provider = Fixtures.providers.first { $0.id == last.providerID }!.name
        #expect(m.screen[22].hasPrefix(last.id + " "))
        #expect(m.screen[22].contains(String(provider.prefix(10))))
        m.press(.home)
        #expect(m.vacancies.table.selected == 0)
    }

    @Test func searchNarrowsIncrementallyAndEscClears() {
        var m = Fixtures.model()
        m.press(.char("/"))
        #expect(m.focus == .search)
        m.type("gwy")
        let narrowed = m.vacancies.visible.count
        #expect(narrowed > 0 && narrowed < 28)
        let scanned = m.vacancies.matches.count
        m.type("n")
        #expect(m.vacancies.lastSearchScanned == scanned, "a longer query scans only the previous matches")
        // Diacritics fold both ways: "ty gob" finds Tŷ Gobaith.
        m.press(.escape)
        #expect(m.vacancies.query.isEmpty && m.vacancies.visible.count == 28 && m.focus == .table)
        m.press(.char("/"))
        m.type("ty gob")
        #expect(!m.vacancies.visible.isEmpty)
        #expect(m.vacancies.visible.allSatisfy { Fixtures.vacancies[Int($0)].providerID == "P03" })
        m.press(.backspace, .backspace, .backspace)
        #expect(m.vacancies.query == "ty ")
        m.press(.enter)
        #expect(m.focus == .table && m.vacancies.query == "ty ")
        m.press(.tab)
        #expect(m.focus == .search)
    }

    @Test func searchCoversAuthorityCapabilitiesAndPostcode() {
        var m = Fixtures.model()
        m.press(.char("/"))
        m.type("swansea")
        #expect(m.vacancies.visible.allSatisfy { Fixtures.vacancies[Int($0)].providerID == "P04" })
        m.press(.escape, .char("/"))
        m.type("autism")
        #expect(m.vacancies.visible.contains { Fixtures.vacancies[Int($0)].providerID == "P03" })
        m.press(.escape, .char("/"))
        m.type("sy23")
        #expect(m.vacancies.visible.allSatisfy { Fixtures.vacancies[Int($0)].providerID == "P06" })
        #expect(!m.vacancies.visible.isEmpty)
    }

    @Test func filterBySettingNeedAndAge() {
        var m = Fixtures.model()
        m.press(.char("f"))
        #expect(m.filterPanel != nil)
        m.press(.char(" "), .char(" "))   // setting: foster home
        #expect(m.vacancies.visible.allSatisfy { Fixtures.vacancies[Int($0)].setting == .foster })
        #expect(m.screen[3].contains("foster home"))
        m.press(.down, .down, .down)       // child's age
        for _ in 0..<9 { m.press(.right) } // age 8
        #expect(m.vacancies.visible.allSatisfy { Fixtures.vacancies[Int($0)].ageRange.contains(8) })
        m.press(.down)                     // need
        m.press(.right)                    // autism (AUT)
        #expect(!m.vacancies.visible.isEmpty)
        for i in m.vacancies.visible {
            let v = Fixtures.vacancies[Int(i)]
            let p = Fixtures.providers.first { $0.id == v.providerID }!
            #expect((p.capabilities + v.extraCapabilities).contains("AUT"))
        }
        m.press(.char("x"))
        m.press(.char("r"))
        #expect(m.vacancies.visible.count == 28)
        m.press(.escape)
        #expect(m.filterPanel == nil)
    }

    @Test func filterShowsAllStatusesAndRegion() {
        var m = Fixtures.model()
        m.press(.char("f"), .up)           // wraps to Statuses
        m.press(.enter)
        #expect(m.vacancies.visible.count == 30)
        m.press(.char("r"), .down, .down, .down, .right) // Area: North Wales
        #expect(m.vacancies.visible.allSatisfy { Region.of(m.index!.vacancies.authorityCode[Int($0)]) == .north })
    }

    @Test func sortCycles() {
        var m = Fixtures.model()
        #expect(m.sort == .availableFrom)
        var seen: [VacancySort] = []
        for _ in 0..<5 { m.press(.char("s")); seen.append(m.sort) }
        #expect(seen == [.fee, .confirmed, .locality, .provider, .availableFrom])
        m.press(.char("s"))
        #expect(m.screen[2].contains("sort: weekly fee"))
        let fees = m.vacancies.visible.map { Fixtures.vacancies[Int($0)].weeklyFee }
        #expect(fees == fees.sorted())
    }

    @Test func detailShowsProviderAndStability() {
        var m = Fixtures.model(width: 132, height: 43)
        m.press(.char("/"))
        m.type("bryn")
        m.press(.enter, .enter)
        #expect(m.context == .vacancyDetail)
        let text = m.screenText
        #expect(text.contains("CIW · registration W0002345"))
        #expect(text.contains("2 breakdowns") == false)
        #expect(text.contains("ending at ≤ 24 h notice") || text.contains("endings at ≤ 24 h notice"))
        #expect(text.contains("carer ended it because of the child's behaviour"))
        m.press(.escape)
        #expect(m.context == .vacancyList)
    }
}

@Suite struct ChildScreenTests {
    @Test func listShowsInitialsAndStabilityHighlight() {
        var m = Fixtures.model(tab: .children)
        m.press(.down)  // the selected row takes the selection style, so look at an unselected one
        let text = m.screenText
        #expect(text.contains("GJ"))
        #expect(!text.contains("Gwenllïan"))
        let buffer = view(m)
        let row = m.screen.firstIndex { $0.hasPrefix("C1001") }!
        let countX = m.screen[row].count - 1
        #expect(buffer[countX, row].style.role == .urgent)
        #expect(m.screen[row].hasSuffix("3"))
    }

    @Test func openingAChildEmitsAuditAndShowsTimeline() {
        var m = Fixtures.model(width: 132, height: 43, tab: .children)
        let commands = m.press(.enter)
        #expect(commands == [.audit(action: "view", recordType: "child", recordID: "C1001", token: 1)])
        let text = m.screenText
        #expect(text.contains("Gwenllïan Jones"))
        #expect(text.contains("same-day (4 h)"))
        #expect(text.contains("carer ended it because of the child's behaviour"))
        #expect(text.contains("≈12 mi est."))
        #expect(text.contains("3 placements · 2 breakdowns · 1 short-notice ending"))
        // Newest first.
        let lines = m.screen
        let feb = lines.firstIndex { $0.contains("11 Feb 2025 – 15 Jun 2025") }!
        let may = lines.firstIndex { $0.contains("1 May 2024 – 30 Sep 2024") }!
        #expect(feb < may)
        // Same-day notice in the urgent style, breakdown in warning.
        let buffer = view(m)
        let x = lines[feb + 1].range(of: "same-day").map { lines[feb + 1].distance(from: lines[feb + 1].startIndex, to: $0.lowerBound) }!
        #expect(buffer[x, feb + 1].style.role == .urgent)
        m.press(.escape)
        #expect(m.context == .childList)
    }

    @Test func childPageScrolls() {
        var m = Fixtures.model(tab: .children)
        m.press(.enter)
        let before = m.screen[3]
        m.press(.down, .down)
        #expect(m.children.pageScroll == 2)
        #expect(m.screen[3] != before)
        m.press(.end)
        let end = m.children.pageScroll
        m.press(.down)
        #expect(m.children.pageScroll == end)
        m.press(.home)
        #expect(m.children.pageScroll == 0)
    }

    @Test func searchAndFilterChildren() {
        var m = Fixtures.model(tab: .children)
        m.press(.char("/"))
        m.type("anglesey")
        #expect(m.children.visible.count == 1)
        m.press(.escape, .char("f"), .down, .down, .char(" "))
        #expect(m.children.visible.count == 1)  // 3+ placements: C1001
        #expect(m.selectedChild?.id == "C1001")
    }

    @Test func redactHidesNamesOnThePage() {
        var m = Fixtures.model(tab: .children, redact: true)
        m.press(.enter)
        #expect(!m.screenText.contains("Gwenllïan"))
        #expect(m.screenText.contains("GJ"))
    }
}
