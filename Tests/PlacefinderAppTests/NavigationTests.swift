import Foundation
import Testing
import PlacementCore
import TerminalUI
@testable import PlacefinderApp

/// Getting around: from a notice to the child's matches, from a ranked row to the vacancy and its
/// provider, from the dashboard's grid to the vacancies behind a cell.
@Suite struct RankedVacancyPageTests {
    @Test func enterOnARankedRowShowsTheProviderAndEscKeepsTheRow() {
        var m = matchModel(width: 132, height: 43)
        m.press(.down, .down)
        let chosen = m.match!.selected!
        let provider = Fixtures.providers.first { $0.id == chosen.provider.id }!
        m.press(.enter)
        #expect(m.context == .matchVacancy)
        let text = m.screenText
        #expect(text.contains("Vacancy \(chosen.vacancy.id) · \(provider.name)"))
        #expect(text.contains("Ranked #3 for C1005"))
        #expect(text.contains("registration \(provider.registrationNumber)"))
        #expect(text.contains(provider.postcode))
        let phone = provider.contact.phone.isEmpty ? "none recorded" : provider.contact.phone
        #expect(m.screen.contains { $0.contains("Phone") && $0.contains(phone) })
        // The figures the engine scored, not a count of the page's own.
        let s = chosen.stability
        #expect(text.contains("as the ranking scored it (last 365 days)"))
        #expect(text.contains("\(Format.plural(s.placements, "placement")) · \(Format.plural(s.breakdowns, "breakdown"))"))
        #expect(text.contains(String(format: "stability score %.2f of 1", s.score)))
        m.press(.escape)
        #expect(m.context == .matches && m.match?.table.selected == 2)
        #expect(m.match?.selected?.vacancy.id == chosen.vacancy.id)
    }

    @Test func stabilityOnThePageIsTheEnginesForThatProvider() {
        let data = Fixtures.match(["C1005"])
        let placements = Fixtures.placements
        for c in data.candidates {
            let expected = ProviderStability.compute(placements, today: Fixtures.today, windowDays: 365)[c.provider.id] ?? ProviderStability()
            #expect(c.stability == expected, "\(c.provider.id)")
        }
    }

    @Test func callHoldAndPlaceFromThePageActOnThatVacancy() {
        var m = matchModel(width: 132, height: 43)
        m.press(.down, .enter)
        let id = m.match!.openVacancy!
        m.press(.char("p"))
        #expect(m.placeForm?.childID == "C1005" && m.placeForm?.vacancyID == id)
        m.press(.escape)
        #expect(m.context == .matchVacancy)
        m.press(.char("c"))
        #expect(m.contactForm?.vacancyID == id)
    }

    @Test func aReRankKeepsThePageOnTheSameVacancy() {
        var m = matchModel(width: 132, height: 43)
        m.press(.down, .enter)
        let id = m.match!.openVacancy!
        _ = update(&m, .matchReady(childID: "C1005", Fixtures.match(["C1005"])))
        #expect(m.context == .matchVacancy)
        #expect(m.screenText.contains("Vacancy \(id)"))
        m.press(.escape)
        #expect(m.match?.selected?.vacancy.id == id)
    }

    @Test func aVacancyDroppedByAReRankCannotBeActedOnFromItsPage() {
        var m = matchModel(width: 132, height: 43)
        m.press(.down, .enter)
        let id = m.match!.openVacancy!
        var data = Fixtures.match(["C1005"])
        data.candidates.removeAll { $0.vacancy.id == id }
        _ = update(&m, .matchReady(childID: "C1005", data))
        #expect(m.context == .matchVacancy && m.screenText.contains("Vacancy \(id)"))
        #expect(m.press(.char("p")).isEmpty)
        #expect(m.confirm == nil && m.status == noLongerRankedText)
        m.press(.char("c"))
        #expect(m.contactForm == nil)
    }

    @Test func thePageScrollsAndHelpListsItsKeys() {
        var m = matchModel(width: 80, height: 24)
        m.press(.enter)
        m.press(.end)
        #expect(m.match!.vacancyScroll > 0)
        #expect(m.screenText.contains("Stability"))
        let help = Keymap.bindings(for: .matchVacancy).map(\.help)
        #expect(help.contains("back to the ranking (the same row)"))
        #expect(Keymap.bindings(for: .matches).contains { $0.action == .open && $0.keys == [.enter] })
    }
}

@Suite struct NoticeNavigationTests {
    /// The notices tab with the row of `id` selected (newest first: N02, N01, N03, N04, N05).
    func notices(selecting id: String) -> Model {
        var m = Fixtures.model(width: 132, height: 43, tab: .notices)
        let order = m.index!.work.noticeOrder.map { Fixtures.notices[$0].id }
        for _ in 0..<order.firstIndex(of: id)! { m.press(.down) }
        return m
    }

    @Test func mOnANoticeRanksForItsChildAndEscReturnsToTheNotices() {
        var m = notices(selecting: "N01")
        #expect(m.press(.char("m")) == [.runMatch(childID: "C1008")])
        #expect(m.context == .matches)
        m.press(.escape)
        #expect(m.context == .noticeList)
    }

    @Test func oOpensTheChildsPageThroughTheGate() {
        var m = notices(selecting: "N01")
        let commands = update(&m, .event(.key(.char("o"))))
        #expect(commands == [.audit(action: "view", recordType: "child", recordID: "C1008", token: 1)])
        #expect(m.peek == nil)                              // not before the view is recorded
        _ = update(&m, .auditRecorded(token: 1))
        #expect(m.context == .childPage && m.screenText.contains("Child C1008"))
        #expect(m.press(.char("m")) == [.runMatch(childID: "C1008")])
        m.press(.escape, .escape)
        #expect(m.context == .noticeList)
    }

    @Test func fromTheNoticePageEnterOpensTheChildAndMTheirMatches() {
        var m = notices(selecting: "N01")
        m.press(.enter)
        #expect(m.context == .noticeDetail)
        #expect(m.screenText.contains("Enter opens their page · m ranks vacancies for them"))
        #expect(m.press(.enter) == [.audit(action: "view", recordType: "child", recordID: "C1008", token: 1)])
        #expect(m.context == .childPage)
        m.press(.escape)
        #expect(m.context == .noticeDetail)
        #expect(m.press(.char("m")) == [.runMatch(childID: "C1008")])
    }

    @Test func aVacancyNoticeSaysItHasNoChildAndOpensItsVacancy() {
        var m = notices(selecting: "N02")
        #expect(m.press(.char("m")).isEmpty)
        #expect(m.match == nil && m.status == noChildStatus)
        m.press(.enter)
        #expect(m.screenText.contains(noChildText))
        #expect(m.press(.char("m")).isEmpty && m.status == noChildStatus)
        m.press(.char("o"))
        let v105 = Fixtures.vacancies.firstIndex { $0.id == "V105" }!
        #expect(m.peek == .vacancy(v105) && m.context == .vacancyDetail)
        m.press(.escape)
        #expect(m.context == .noticeDetail)
    }
}

@Suite struct DashboardGridTests {
    /// The dashboard with the grid focused (urgent → notices → grid).
    func grid(width: Int = 132, height: Int = 43) -> Model {
        var m = Fixtures.model(width: width, height: height, tab: .dashboard)
        m.press(.tab, .tab)
        return m
    }

    @Test func tabReachesTheGridAndArrowsMoveTheCell() {
        var m = grid()
        #expect(m.dashboard.focus == .grid && m.context == .dashboardGrid)
        let rows = m.index!.dashboard.gridRows
        #expect(DashboardGrid.cell(m)! == (rows[0], 0))
        m.press(.down, .right, .right)
        #expect(DashboardGrid.cell(m)! == (rows[1], 2))
        m.press(.left, .left, .left)
        #expect(DashboardGrid.cell(m)!.tier == 0)
        m.press(.end)
        #expect(DashboardGrid.cell(m)!.setting == rows.last!)
        m.press(.tab)
        #expect(m.dashboard.focus == .stale)
        m.press(.backTab)
        #expect(m.dashboard.focus == .grid)
    }

    @Test func enterOpensTheVacanciesBehindTheCellAsFilters() {
        var m = grid()
        let d = m.index!.dashboard
        // The fullest cell, so the list has something in it.
        let (row, tier) = d.gridRows.enumerated().flatMap { n, s in d.grid[s].indices.map { (n, $0) } }
            .max { d.grid[d.gridRows[$0.0]][$0.1] < d.grid[d.gridRows[$1.0]][$1.1] }!
        for _ in 0..<row { m.press(.down) }
        for _ in 0..<tier { m.press(.right) }
        let setting = Setting.allCases[d.gridRows[row]]
        let count = d.grid[d.gridRows[row]][tier]
        m.press(.enter)
        #expect(m.tab == .vacancies && m.context == .vacancyList)
        #expect(m.vacancies.visible.count == count)
        for i in m.vacancies.visible {
            let v = Fixtures.vacancies[Int(i)]
            #expect(v.setting == setting && v.status == .open && Int(m.index!.vacancies.tier[Int(i)]) == tier)
        }
        let summary = m.screen[3]
        #expect(summary.contains("Filters:") && summary.contains(setting.label) && summary.contains(LocalityTier.allCases[tier].label))
        // The officer clears them in the filter panel as any other filter.
        m.press(.char("f"), .char("r"), .escape)
        #expect(m.vacancies.visible.count == Fixtures.vacancies.filter { $0.status == .open || $0.status == .held }.count)
    }

    @Test func theGridScrollsWhenItsSettingsDoNotFit() {
        // Every setting with an open vacancy: more rows than an 80×24 panel shows.
        var data = Fixtures.data
        let open = data.vacancies.indices.filter { data.vacancies[$0].status == .open }
        for (k, setting) in Setting.allCases.enumerated() { data.vacancies[open[k]].setting = setting }
        var (m, _) = Model.initial(size: (80, 24), officer: Fixtures.officer, authority: Fixtures.authority, now: Fixtures.now, redact: false)
        _ = update(&m, .dataLoaded(data))
        m.press(.tab, .tab)
        let rows = m.index!.dashboard.gridRows
        let shown = DashboardGrid.visibleRows(m)
        try! #require(rows.count > shown, "the fixture needs more settings than an 80×24 panel shows")
        m.press(.end)
        let last = Setting.allCases[rows.last!].shortLabel(.en)
        let area = DashboardLayout(m).panels[DashboardPanel.grid.rawValue]
        let panel = m.screen[area.y..<(area.y + area.height)].map { line in String(line.prefix(area.width)) }
        #expect(panel.contains { $0.contains(last) })
        #expect(panel.last!.contains("of \(rows.count)"))
        #expect(m.dashboard.tables[DashboardPanel.grid.rawValue].offset == rows.count - shown)
    }

    @Test func theChosenCellTakesTheSelectionStyle() {
        let m = grid()
        let area = DashboardLayout(m).panels[DashboardPanel.grid.rawValue]
        let y = area.y + 2                                  // border, header, first setting
        let buffer = view(m)
        let selected = (area.x..<(area.x + area.width)).filter { buffer[$0, y].style.role == .selected }
        #expect(!selected.isEmpty)
    }
}

@Suite struct NavigationHelpTests {
    @Test func helpListsEveryBindingOfTheNewPlaces() {
        var page = matchModel(width: 132, height: 43); page.press(.enter)
        var grid = Fixtures.model(width: 132, height: 43, tab: .dashboard); grid.press(.tab, .tab)
        var notice = Fixtures.model(width: 132, height: 43, tab: .notices); notice.press(.enter)
        for (model, context) in [(page, KeyContext.matchVacancy), (grid, .dashboardGrid), (notice, .noticeDetail),
                                 (Fixtures.model(width: 132, height: 43, tab: .notices), .noticeList)] {
            var m = model
            #expect(m.context == context)
            m.press(.function(1))
            let text = m.screenText
            for b in Keymap.bindings(for: context) {
                #expect(text.contains(b.keyLabel), "\(context) help lacks \(b.keyLabel)")
                #expect(text.contains(b.help), "\(context) help lacks \(b.help)")
            }
        }
    }
}
