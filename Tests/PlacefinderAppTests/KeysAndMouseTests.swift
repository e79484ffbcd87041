import Foundation
import Testing
import TerminalUI
@testable import PlacefinderApp

/// Issue 10, items 2, 9 and 14 as the officer meets them: digits type where something is focused, ids
/// open through `:`, and the mouse does what the keys do.
@Suite struct KeysAndMouseTests {
    static let ageField = VacancyFilter.age.rawValue

    static func filterPanelOnAge() -> Model {
        var m = Fixtures.model(tab: .vacancies)
        m.press(.char("f"))
        for _ in 0..<ageField { m.press(.down) }
        return m
    }

    // MARK: - Digits

    @Test func digitsTypeAnAgeInTheFilterPanel() {
        var m = Self.filterPanelOnAge()
        m.type("14")
        #expect(m.tab == .vacancies && m.filterPanel != nil, "no screen switch")
        #expect(VacancyFilter.fields[Self.ageField].options[m.vacancies.filters[Self.ageField]] == "age 14")
        #expect(m.screenText.contains("age 14"))
        // A fresh start after another key: 7 is age 7.
        m.press(.right)
        m.type("7")
        #expect(VacancyFilter.fields[Self.ageField].options[m.vacancies.filters[Self.ageField]] == "age 7")
    }

    @Test func digitsThatNameNothingChangeNothing() {
        var m = Fixtures.model(tab: .children)
        m.press(.char("f"))   // Status: no numbers among its values
        let before = m.children.filters
        m.type("4")
        #expect(m.tab == .children && m.filterPanel != nil && m.children.filters == before)
    }

    @Test func digitsStillSwitchScreensOutsideInputs() {
        var m = Fixtures.model(tab: .vacancies)
        m.type("4")
        #expect(m.tab == .notices)
    }

    @Test func anIDTypedWithoutColonDoesNotSwitchScreens() {
        var m = Fixtures.model(tab: .vacancies)
        m.type("C1001")
        #expect(m.tab == .vacancies, "the 1s are the id's, not tab 1")
        #expect(m.jump?.text == "C1001")
        m.press(.enter)
        #expect(m.tab == .children && m.children.open.map { m.data!.children[$0].id } == "C1001")
    }

    /// The other half of the decoder's property (`EscapeDecoderTests.noCSISequenceTypesOrCancels`): the
    /// only keys an `ESC[` sequence can decode to never switch screens or go back, on any screen.
    @Test func keysFromEscapeSequencesNeverSwitchScreensOrGoBack() {
        let contexts: [KeyContext] = [
            .dashboard, .vacancyList, .vacancySearch, .vacancyDetail, .childList, .childSearch, .childPage,
            .providerList, .providerSearch, .providerPage, .noticeList, .noticeDetail, .noticeForm, .matches,
            .matchExcluded, .weights, .contactForm, .confirm, .help, .filterPanel, .tooSmall, .jumpPrompt, .placeholder,
        ]
        let keys: [Key] = [.up, .down, .left, .right, .home, .end, .pageUp, .pageDown, .delete, .backTab] + (1...20).map { .function($0) }
        for context in contexts {
            for key in keys {
                let action = Keymap.action(for: key, in: context)
                if case .tab = action { Issue.record("\(key) switches screens in \(context.title)") }
                #expect(action != .back, "\(key) goes back in \(context.title)")
            }
        }
    }

    // MARK: - The : jump

    @Test func colonOpensAVacancyAProviderOrAChild() {
        var m = Fixtures.model(tab: .dashboard)
        m.press(.char(":"))
        m.type("v105")
        #expect(m.screen.last?.hasPrefix("Go to id:  v105") == true)
        m.press(.enter)
        #expect(m.jump == nil && m.tab == .vacancies && m.context == .vacancyDetail)
        #expect(m.vacancies.open.map { m.data!.vacancies[$0].id } == "V105")
        #expect(m.selectedVacancy?.id == "V105", "Esc goes back to the list on its row")

        m.press(.char(":"))
        m.type("P03")
        m.press(.enter)
        #expect(m.tab == .providers && m.providers.open.map { m.data!.providers[$0].id } == "P03")
    }

    @Test func aChildJumpWaitsForTheAuditEntry() {
        var m = Fixtures.model(tab: .vacancies)
        for c in ":c1001" { _ = update(&m, .event(.key(.char(c)))) }
        let commands = update(&m, .event(.key(.enter)))
        #expect(commands.contains { if case .audit(_, "child", "C1001", _) = $0 { true } else { false } })
        #expect(m.children.open == nil, "no page before the view is recorded")
        #expect(m.pendingPage?.childID == "C1001")
    }

    @Test func anUnknownIDSaysSoAndChangesNothingElse() {
        var m = Fixtures.model(tab: .vacancies)
        m.press(.down)
        let before = (m.tab, m.vacancies.table, m.vacancies.open)
        m.press(.char(":"))
        m.type("X999")
        m.press(.enter)
        #expect(m.status == "No child, vacancy or provider has the id X999")
        #expect(m.jump?.text == "X999", "kept to correct")
        #expect(m.screenText.contains("No child, vacancy or provider has the id X999"))
        m.press(.escape)
        #expect(m.jump == nil)
        #expect(m.tab == before.0 && m.vacancies.table == before.1 && m.vacancies.open == before.2)
    }

    @Test func escCancelsAndDigitsTypeInThePrompt() {
        var m = Fixtures.model(tab: .vacancies)
        m.press(.char(":"), .char("4"), .char("2"), .backspace)
        #expect(m.jump?.text == "4" && m.tab == .vacancies)
        m.press(.escape)
        #expect(m.jump == nil && m.tab == .vacancies && m.status == nil)
    }

    @Test func helpListsTheJump() {
        var m = Fixtures.model(tab: .vacancies)
        m.press(.char("?"))
        #expect(m.screenText.contains("open a record by its id"))
    }

    // MARK: - Mouse

    static func click(_ m: inout Model, x: Int, y: Int) -> [Command] {
        update(&m, .event(.mouse(x: x, y: y, kind: .click)))
    }

    /// Where the view drew `text` (first occurrence).
    static func find(_ text: String, in m: Model) -> (x: Int, y: Int)? {
        for (y, line) in m.screen.enumerated() {
            if let r = line.range(of: text) { return (line.distance(from: line.startIndex, to: r.lowerBound), y) }
        }
        return nil
    }

    @Test func clickingATabSwitchesToIt() {
        var m = Fixtures.model(tab: .dashboard)
        let at = Self.find("3 Vacancies", in: m)!
        _ = Self.click(&m, x: at.x + 2, y: at.y)
        #expect(m.tab == .vacancies)
        let providers = Self.find("5 Providers", in: m)!
        _ = Self.click(&m, x: providers.x, y: providers.y)
        #expect(m.tab == .providers)
    }

    @Test func clickingARowSelectsItAndASecondClickOpensIt() {
        var m = Fixtures.model(tab: .vacancies)
        let g = Geometry(m)
        let third = m.vacancies.visible[2]
        _ = Self.click(&m, x: 5, y: g.table.y + 3)
        #expect(m.vacancies.table.selected == 2 && m.vacancies.open == nil)
        _ = Self.click(&m, x: 5, y: g.table.y + 3)
        #expect(m.vacancies.open == Int(third))
        // The header and the space under the last row do nothing.
        var n = Fixtures.model(tab: .vacancies)
        _ = Self.click(&n, x: 5, y: g.table.y)
        #expect(n.vacancies.table.selected == 0 && n.vacancies.open == nil)
    }

    @Test func clickingAChildRowTwiceOpensThroughTheGate() {
        var m = Fixtures.model(tab: .children)
        let y = Geometry(m).table.y + 1
        _ = Self.click(&m, x: 3, y: y)
        let commands = Self.click(&m, x: 3, y: y)
        #expect(commands.contains { if case .audit = $0 { true } else { false } } && m.children.open == nil)
    }

    @Test func clickingANoticeSelectsThenOpens() {
        var m = Fixtures.model(tab: .notices)
        let y = Geometry(m).noticeTable.y + 2
        _ = Self.click(&m, x: 3, y: y)
        #expect(m.notices.table.selected == 1 && m.notices.open == nil)
        _ = Self.click(&m, x: 3, y: y)
        #expect(m.notices.open != nil)
    }

    @Test func clickingARankedRowSelectsItAndASecondClickOpensItsVacancy() {
        var m = matchModel(width: 132, height: 43)
        let second = m.match!.data!.candidates[1].vacancy.id
        let at = Self.find(second, in: m)!
        _ = Self.click(&m, x: at.x, y: at.y)
        #expect(m.match?.selected?.vacancy.id == second && m.match?.openVacancy == nil)
        _ = Self.click(&m, x: at.x, y: at.y)
        #expect(m.match?.openVacancy == second)
    }

    @Test func clickingADashboardRowFocusesItsPanelAndASecondClickOpensIt() {
        var m = Fixtures.model(width: 132, height: 43, tab: .dashboard)
        let d = m.index!.dashboard
        let vacancy = m.data!.vacancies[d.stale[1]].id
        let at = Self.find(vacancy, in: m)!
        _ = Self.click(&m, x: at.x, y: at.y)
        #expect(m.dashboard.focus == .stale && m.dashboard.tables[DashboardPanel.stale.rawValue].selected == 1)
        #expect(m.peek == nil)
        _ = Self.click(&m, x: at.x, y: at.y)
        #expect(m.peek == .vacancy(d.stale[1]))
    }

    @Test func theWheelMovesLikeTheArrows() {
        var m = Fixtures.model(tab: .vacancies)
        _ = update(&m, .event(.mouse(x: 0, y: 10, kind: .wheelDown)))
        _ = update(&m, .event(.mouse(x: 0, y: 10, kind: .wheelDown)))
        #expect(m.vacancies.table.selected == 2)
        _ = update(&m, .event(.mouse(x: 0, y: 10, kind: .wheelUp)))
        #expect(m.vacancies.table.selected == 1)
    }

    @Test func aClickNeverLeavesAHalfFilledForm() {
        var m = Fixtures.model(tab: .notices)
        m.press(.char("a"))
        m.type("Bryn")
        let at = Self.find("3 Vacancies", in: m)!
        _ = Self.click(&m, x: at.x, y: at.y)
        #expect(m.tab == .notices && m.noticeForm != nil)
    }

    @Test func clickingAFilterFieldMovesToItThenChangesIt() {
        var m = Fixtures.model(tab: .vacancies)
        m.press(.char("f"))
        let age = Self.find("Child's age", in: m)!
        _ = Self.click(&m, x: age.x, y: age.y)
        #expect(m.filterPanel?.cursor == Self.ageField && m.vacancies.filters[Self.ageField] == 0)
        _ = Self.click(&m, x: age.x, y: age.y)
        #expect(m.vacancies.filters[Self.ageField] == 1, "a second click steps the value, as Space")
        let border = Self.find("Filter vacancies", in: m)!
        _ = Self.click(&m, x: border.x, y: border.y)
        #expect(m.filterPanel?.cursor == Self.ageField && m.vacancies.filters[Self.ageField] == 1)
    }

    @Test func clickingTheSearchLineFocusesIt() {
        var m = Fixtures.model(tab: .vacancies)
        _ = Self.click(&m, x: 2, y: Geometry(m).searchRow.y)
        #expect(m.vacancies.focus == .search)
        _ = Self.click(&m, x: 5, y: Geometry(m).table.y + 1)
        #expect(m.vacancies.focus == .table && m.vacancies.open == nil, "a click on the list leaves the search, selecting")
    }
}
