import Foundation
import Testing
import PlacementCore
import TerminalUI
@testable import PlacefinderApp

/// The shell in Welsh: top bar, tab bar, hint bar, help and the dashboard from the catalogue, the language
/// key that switches at once and keeps what is on screen, and the choice handed to the runtime to remember.
@Suite struct WelshShellTests {
    static func welsh(width: Int = 80, height: Int = 24, tab: Tab = .dashboard) -> Model {
        var m = Fixtures.model(width: width, height: height, tab: tab)
        m.language = .cy
        return m
    }

    /// The shell's screens in Welsh, pinned as golden files (`cy-…`), built as GoldenTests builds the English ones.
    static func screens(width: Int, height: Int) -> [(String, Model)] {
        var out: [(String, Model)] = []
        out.append(("cy-dashboard", welsh(width: width, height: height)))
        var help = welsh(width: width, height: height)
        help.press(.char("?"))
        out.append(("cy-help", help))
        var grid = welsh(width: width, height: height)
        grid.press(.tab, .tab, .down, .right)
        out.append(("cy-dashboard-grid", grid))
        // The bars over another tab: the tab bar's selection moves, the hint bar is the list's.
        out.append(("cy-shell-vacancies", welsh(width: width, height: height, tab: .vacancies)))
        out.append(("cy-shell-children", welsh(width: width, height: height, tab: .children)))
        var filter = welsh(width: width, height: height, tab: .vacancies)
        filter.press(.char("f"))
        out.append(("cy-shell-filter-panel", filter))
        return out
    }

    @Test(arguments: [(80, 24), (132, 43)])
    func welshScreensMatchGoldens(size: (Int, Int)) throws {
        for (name, model) in Self.screens(width: size.0, height: size.1) { try Golden.check(name, model) }
    }

    // MARK: - The language key

    @Test func theLanguageKeySwitchesAtOnceAndKeepsTabSelectionAndSearch() {
        var m = Fixtures.model(tab: .vacancies)
        m.press(.char("/"))
        m.type("gw")
        m.press(.enter, .down)
        let (query, selected, visible) = (m.vacancies.query, m.vacancies.table.selected, m.vacancies.visible)
        #expect(query == "gw" && selected == 1)

        let commands = m.press(.function(2))
        #expect(m.language == .cy)
        #expect(commands == [.rememberLanguage(.cy)])
        #expect(m.tab == .vacancies && m.vacancies.query == query && m.vacancies.table.selected == selected && m.vacancies.visible == visible)
        #expect(m.status == Message.languageSwitched.text(.cy))
        #expect(m.screen[1].contains("3 Lleoedd gwag") || m.screen[1].contains("3 Ll. gwag"))
        #expect(m.screen.last!.contains("Mae Placefinder yn Gymraeg nawr."))

        // Ctrl-T does the same, back to English.
        #expect(m.press(.ctrl("t")) == [.rememberLanguage(.en)])
        #expect(m.language == .en && m.vacancies.query == query && m.vacancies.table.selected == selected)
        #expect(m.screen[1].contains("3 Vacancies"))
        #expect(m.status == "Now showing Placefinder in English.")
    }

    @Test func theLanguageKeyWorksInATextFieldWithoutTypingAndKeepsWhatWasTyped() {
        var search = Fixtures.model(tab: .children)
        search.press(.char("/"))
        search.type("c10")
        search.press(.function(2))
        #expect(search.language == .cy && search.children.query == "c10" && search.children.focus == .search)

        // Mid-form: the notice form keeps every field typed so far, and stays open.
        var form = Fixtures.model(tab: .notices)
        form.press(.char("a"))
        form.type("bryn")
        form.press(.tab, .tab)
        form.type("rt")
        let before = form.noticeForm
        #expect(before != nil)
        #expect(form.press(.ctrl("t")) == [.rememberLanguage(.cy)])
        #expect(form.noticeForm == before && form.language == .cy)
        #expect(form.screenText.contains("bryn"))
    }

    @Test func theLanguageKeyIsBoundInEveryContextAndNoScreenTakesIt() {
        for state in KeyBehaviourTests.states().map(\.1) + [Fixtures.model(tab: .dashboard)] {
            for key in Keymap.languageKeys {
                #expect(Keymap.action(for: key, in: state.context) == .switchLanguage, "\(key) in \(state.context.title)")
            }
        }
    }

    @Test func theHintBarNamesTheTargetLanguageAndHelpListsTheKey() {
        var m = Fixtures.model(tab: .dashboard)
        #expect(m.screen.last!.contains("F2 Cymraeg  ? help  q quit"))
        m.language = .cy
        #expect(m.screen.last!.contains("F2 English  ? cymorth  q gadael"))
        m.press(.char("?"))
        #expect(m.screenText.contains("F2/Ctrl-T") && m.screenText.contains("dangos Placefinder yn Saesneg"))
        m.press(.escape)
        m.language = .en
        m.press(.char("?"))
        #expect(m.screenText.contains("show Placefinder in Welsh (Cymraeg)"))
    }

    // MARK: - Nothing in English

    /// Whole-word, case-sensitive: "At" must not match inside "Atgyfeiriadau".
    static func shows(_ text: String, in screen: String) -> Bool {
        let pattern = "(?<![\\p{L}\\p{N}])" + NSRegularExpression.escapedPattern(for: text) + "(?![\\p{L}\\p{N}])"
        return screen.range(of: pattern, options: .regularExpression) != nil
    }

    /// The literal English of a message: the longest run between its placeholders.
    static func englishWords(_ entry: Catalogue.Entry) -> String? {
        guard entry.en != entry.cy else { return nil }
        let runs = entry.en.split(separator: "{").map { $0.split(separator: "}", maxSplits: 1).last.map(String.init) ?? "" }
        let words = runs.map { $0.trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)) }
        return words.max { $0.count < $1.count }.flatMap { $0.count >= 2 ? $0 : nil }
    }

    @Test func noEnglishOfTheShellsMessagesIsDrawnInWelsh() {
        // The language key's hint names English in Welsh on purpose (language.name, language.switch.hint).
        let english = Catalogue.entries.filter { $0.key.hasPrefix("shell.") || $0.key.hasPrefix("tab.") || $0.key == "language.switched" }
            .compactMap(Self.englishWords)
        #expect(english.count > 150)
        for size in [(80, 24), (132, 43)] {
            for (name, model) in Self.screens(width: size.0, height: size.1) {
                // The dashboard and help are the shell's throughout; over a list tab, the filter panel's fields and
                // the list's own words are its screen's, so only the bars and the list's column heads are checked.
                let whole = name.hasPrefix("cy-dashboard") || name == "cy-help"
                let lines = model.screen
                // Over a list the hint bar's keys are the list's own; the top and tab bars are the shell's.
                let heads = name == "cy-shell-filter-panel" ? [] : [lines[4]]
                var text = whole ? model.screenText : ([lines[0], lines[1]] + heads).joined(separator: "\n")
                // Providers' registered names stay as registered ("Hafan Deg Parent & Child").
                for provider in Fixtures.data.providers { text = text.replacingOccurrences(of: provider.name, with: "") }
                let found = english.filter { Self.shows($0, in: text) }
                #expect(found.isEmpty, "\(name) at \(size): English \(found)")
            }
        }
    }

    /// Every context a screen declares (each file's `extension KeyContext`); a context reached in
    /// KeyBehaviourTests' states but missing here fails below, so a new one cannot skip the check.
    static let everyContext: [KeyContext] = [
        .placeholder, .help, .tooSmall, .jumpPrompt, .dashboard, .dashboardGrid, .filterPanel,
        .vacancyList, .vacancySearch, .vacancyDetail, .childList, .childSearch, .childPage,
        .providerList, .providerSearch, .providerPage, .noticeList, .noticeDetail, .noticeForm, .discardNotice,
        .matches, .matchExcluded, .matchVacancy, .weights, .contactForm, .discardCall, .correctionForm, .confirm,
        .referralSend, .referralResponse, .placeForm, .undoPrompt, .reports,
    ]

    @Test func everyBindingOfEveryContextHasWelsh() {
        let listed = Set(Self.everyContext)
        for (name, state) in KeyBehaviourTests.states() {
            #expect(listed.contains(state.context), "\(name): context \(state.context.title) is not in everyContext")
        }
        for context in Self.everyContext {
            for binding in Keymap.bindings(for: context) {
                // Every Wording comes from the catalogue (there is no English-only one), so a binding's Welsh
                // can only be missing by repeating the English.
                #expect(binding.helpWording.cy != binding.helpWording.en, "\(context.title): \(binding.help)")
            }
            #expect(context.name != nil, "\(context.title) has no Welsh heading")
        }
        // Every tab has a Welsh name: none is added in one language only.
        for tab in Tab.allCases { #expect(Tab.names[tab] != nil, "tab \(tab.title) has no catalogue name") }
    }

    // MARK: - Layout

    @Test func theWelshTabBarFitsEightyColumnsAndClicksFollowIt() {
        var m = Self.welsh(tab: .dashboard)
        let bar = m.screen[1]
        #expect(!bar.contains("…"))
        for n in 1...Tab.allCases.count { #expect(bar.contains("\(n) ")) }
        // A click on each tab's name opens it, in the bar as Welsh lays it out.
        for (n, tab) in Tab.allCases.enumerated() {
            let title = tab.shortName(.cy)
            let column = m.screen[1].range(of: "\(n + 1) \(title)").map { m.screen[1].distance(from: m.screen[1].startIndex, to: $0.lowerBound) }
            #expect(column != nil, "tab \(n + 1) not on the bar")
            guard let column else { continue }
            _ = update(&m, .event(.mouse(x: column + 2, y: 1, kind: .click)))
            #expect(m.tab == tab, "a click on \(title) opened \(m.tab.title)")
        }
    }

    @Test func welshLettersAreOneColumnWide() {
        for entry in Catalogue.entries where entry.key.hasPrefix("shell.") {
            #expect(displayWidth(of: entry.cy) == entry.cy.count, "\(entry.key): \(entry.cy)")
        }
        // Precomposed and combining forms alike: ŵ ŷ â ô each take one column.
        #expect(displayWidth(of: "ŵŷâêîôû") == 7)
        #expect(displayWidth(of: "w\u{302}y\u{302}") == 2)
        #expect(displayWidth(of: Message.shellKeyKeepSearch.text(.cy)) == Message.shellKeyKeepSearch.text(.cy).count)
    }

    @Test func theTopBarNamesTheAuthorityWelshFirst() {
        var cardiff = Fixtures.model(width: 132, height: 43, tab: .dashboard)
        cardiff.authority = "W06000015"
        #expect(cardiff.screen[0].contains("Caerdydd / Cardiff"))   // both shown: Welsh first in English too
        cardiff.language = .cy
        #expect(cardiff.screen[0].contains("Caerdydd / Cardiff"))
        _ = update(&cardiff, .event(.resize(width: 80, height: 24)))
        #expect(cardiff.screen[0].contains("Caerdydd") && !cardiff.screen[0].contains("Cardiff"))
    }

    @Test func welshDatesAndCounts() {
        let day = Day(iso: "2026-11-30")!
        #expect(Format.short(day, .cy) == "30 Tach" && Format.long(day, .cy) == "30 Tachwedd 2026")
        #expect(Format.short(day) == "30 Nov")
        #expect(Format.days(1, .cy) == "1 diwrnod" && Format.days(2, .cy) == "2 ddiwrnod" && Format.days(3, .cy) == "3 diwrnod")
        #expect(Format.days(1) == "1 day" && Format.days(2) == "2 days")
        #expect(Format.timeLeft(.overdue(days: 2), today: day, .cy) == "hwyr o 2 ddiwrnod")
    }

    @Test func aFailedRememberIsSaidAndTheSwitchStands() {
        var m = Fixtures.model(tab: .dashboard)
        m.press(.function(2))
        _ = update(&m, .languageNotRemembered(Message.shellFailReadOnly.text(.cy)))
        #expect(m.language == .cy)
        #expect(m.status == "Methu cofio'ch dewis iaith: darllen yn unig — holwch y gweinyddwr")
    }
}
