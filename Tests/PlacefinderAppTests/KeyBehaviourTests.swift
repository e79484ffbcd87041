import Foundation
import PlacementCore
import Testing
import TerminalUI
@testable import PlacefinderApp

/// Every key that help lists does something you can see: pressing it changes the screen (cells,
/// styles or the cursor) or asks the runtime for work. A binding that help advertises but `update`
/// ignores fails here, whatever the tables say.
@Suite struct KeyBehaviourTests {
    /// Models in each context, set up so that every advertised key can act: a row mid-list (so up,
    /// home and page up can move), a query typed (so delete and Esc have something to clear), a page
    /// scrolled a line (so scrolling up can), a form with text in its field.
    static func states() -> [(String, Model)] {
        var out: [(String, Model)] = []
        func add(_ name: String, _ m: Model) { out.append((name, m)) }

        for tab in [Tab.vacancies, .children, .providers] {
            var list = Fixtures.model(tab: tab)
            list.press(.char("/"), .char("e"), .enter, .down)
            add("\(tab.title) list", list)
            var search = list
            search.press(.char("/"), .char("a"))
            add("\(tab.title) search", search)
        }
        var vacancy = Fixtures.model(tab: .vacancies)
        vacancy.press(.enter, .down)
        add("vacancy detail", vacancy)
        var child = Fixtures.model(tab: .children)
        child.press(.enter, .down)
        add("child's page", child)
        var provider = Fixtures.model(tab: .providers)
        provider.press(.enter, .down)
        add("provider page", provider)
        provider.press(.pageDown)
        add("provider page, scrolled", provider)
        var filters = Fixtures.model(tab: .vacancies)
        filters.press(.char("f"), .down, .right)
        add("filter panel", filters)
        var ages = Fixtures.model(tab: .vacancies)
        ages.press(.char("f"), .down, .down, .down)
        add("filter panel, age", ages)
        var help = Fixtures.model(width: 80, height: 24, tab: .vacancies)
        help.press(.char("?"), .down)
        add("help", help)
        var dashboard = Fixtures.model(tab: .dashboard)
        dashboard.press(.down)
        add("dashboard", dashboard)
        var notices = Fixtures.model(tab: .notices)
        notices.press(.down)
        add("notices", notices)
        var notice = Fixtures.model(tab: .notices)
        notice.press(.enter, .down)
        add("notice", notice)
        var form = Fixtures.model(tab: .notices)
        form.press(.char("a"))
        form.type("ty")
        add("notice form, provider field", form)
        var kind = form
        kind.press(.tab)
        add("notice form, kind field", kind)
        var discardNotice = form
        discardNotice.press(.escape)
        add("discard notice?", discardNotice)
        var match = matchModel()
        match.press(.down)
        add("matches", match)
        var scrolled = match
        scrolled.press(.char("]"))
        add("matches, explanation scrolled", scrolled)
        var excluded = match
        excluded.press(.char("x"), .down)
        add("excluded", excluded)
        var weights = match
        weights.press(.char("w"))
        add("weights", weights)
        var call = match
        call.press(.char("c"))
        call.type("no room")
        add("call form", call)
        var discardCall = call
        discardCall.press(.escape)
        add("discard call?", discardCall)
        var confirm = match
        confirm.press(.char("h"))
        add("hold", confirm)
        var refer = match
        refer.press(.char(" "), .char("s"))
        add("referral send", refer)
        var answer = match
        var withReferral = Fixtures.data
        let referred = answer.match!.selected!
        withReferral.contacts.append(Contact(id: "K0900", childID: "C1005", providerID: referred.provider.id, vacancyID: referred.vacancy.id,
                                             at: Fixtures.now, outcome: .referred, by: "ceri.jones",
                                             referral: ReferralSent(sections: ReferralSection.allCases, responseDue: Fixtures.at(2))))
        _ = update(&answer, .dataLoaded(withReferral))
        answer.press(.char("o"))
        answer.type("1")
        add("referral answer", answer)
        var place = match
        place.press(.char("p"))
        place.placeForm!.start = place.today.adding(days: 1)
        _ = update(&place, .placementPlanned(PlaceFormTests.plan(place)))
        add("place form, start line", place)   // ←→ move the start; an approval line takes text instead
        place.press(.tab)
        place.type("x")
        add("place form", place)
        var undo = PlaceFormTests.placedToday()
        undo.press(.char("u"))
        undo.type("x")
        add("undo prompt", undo)
        var reports = Fixtures.model(tab: .dashboard)
        reports.press(.char("6"))
        add("reports", reports)
        reports.answerReports()
        reports.press(.down)
        add("reports, scrolled", reports)
        return out
    }

    @Test func everyListedKeyChangesTheScreenOrAsksForWork() {
        var silent: [String: Set<String>] = [:]    // context title → keys that did nothing in any of its states
        var acted: [String: Set<String>] = [:]
        for (name, state) in Self.states() {
            let context = state.context
            let before = view(state)
            for binding in Keymap.bindings(for: context) {
                // Scroll keys of a page or help that fits on the screen have nothing to scroll.
                if Self.movement.contains(binding.action), Self.fitsOnScreen(state) { continue }
                for key in binding.keys {
                    // The tab-switch key for the tab already shown has nothing to do.
                    if case .tab = binding.action, case .char(let c) = key,
                       Tab.allCases[(c.wholeNumberValue ?? 1) - 1] == state.tab, state.context != .help { continue }
                    var m = state
                    let commands = m.press(key)
                    let label = "\(key)"
                    if !commands.isEmpty || view(m) != before { acted[context.title, default: []].insert(label) }
                    else { silent[context.title, default: []].insert("\(label) (\(name))") }
                }
            }
        }
        for (context, keys) in silent {
            let dead = keys.filter { entry in !(acted[context] ?? []).contains(String(entry.prefix { $0 != " " })) }
            #expect(dead.isEmpty, "\(context): \(dead.sorted()) do nothing")
        }
        // Each state was in the context it was set up for, and they cover every screen's contexts.
        #expect(Set(Self.states().map { $0.1.context.title }).count >= 20)
    }

    static let movement: Set<Action> = [.up, .down, .pageUp, .pageDown, .home, .end]

    static func fitsOnScreen(_ m: Model) -> Bool {
        if let help = m.help { return Keymap.bindings(for: help.context).count + 2 <= m.height - 2 }
        if m.context == .noticeDetail { return pageLineCount(m) <= Geometry(m).pageText.height }
        return false
    }

    @Test func ctrlLAsksForARepaintAndRReloadsExceptWhereTheScreenUsesR() {
        var m = Fixtures.model(tab: .vacancies)
        #expect(m.press(.ctrl("l")) == [.repaint])
        #expect(m.press(.char("r")) == [.load])
        var match = matchModel()
        #expect(match.press(.char("r")) == [.load, .runMatch(childID: "C1005")])
        var filters = Fixtures.model(tab: .vacancies)
        filters.press(.char("f"), .right)
        #expect(filters.vacancies.filters.contains { $0 != 0 })
        #expect(filters.press(.char("r")) == [])
        #expect(filters.vacancies.filters.allSatisfy { $0 == 0 })
        // Typing r in a search field types it.
        var search = Fixtures.model(tab: .vacancies)
        search.press(.char("/"))
        #expect(search.press(.char("r")) == [] && search.vacancies.query == "r")
    }
}
