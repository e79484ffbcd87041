import Foundation
import Testing
import PlacementCore
import TerminalUI
@testable import PlacefinderApp

/// The list, page, notice, report and match screens in Welsh (issue 16): golden screens at both sizes, and
/// no English text of their catalogue rows (l10n/screens.tsv) left in the body of any of them.
enum WelshScreens {
    /// The screens of l10n/screens.tsv, built in English by driving `update` as the English goldens are,
    /// then switched to Welsh: the language changes what is drawn, not the state.
    static func all(width: Int, height: Int) -> [(String, Model)] {
        let mine: Set = ["vacancies", "filter-panel", "vacancy-detail", "children", "child-page", "matches", "matches-excluded",
                         "matches-siblings-split", "notices", "providers", "provider-page"]
        var out = Screens.all(width: width, height: height).filter { mine.contains($0.0) }

        var matchVacancy = out.first { $0.0 == "matches" }!.1
        matchVacancy.press(.enter)
        out.append(("match-vacancy", matchVacancy))

        var notice = Fixtures.model(width: width, height: height, tab: .notices)
        notice.press(.enter)
        out.append(("notice-page", notice))

        var reports = Fixtures.model(width: width, height: height, tab: .dashboard)
        reports.press(.char("6"))
        reports.answerReports()
        out.append(("reports", reports))

        return out.map { name, model in
            var welsh = model
            welsh.language = .cy
            return (name, welsh)
        }
    }

    /// The screen's body (between the top bar and the hint bar), where these screens draw.
    static func bodyText(_ model: Model) -> String {
        let g = Geometry(model)
        return view(model).lines()[g.body.y..<g.body.bottom].joined(separator: "\n")
    }

    /// The part of the body these screens word themselves: the match screen's header and table (its reasons,
    /// flags and factors, and a split group's warning, are the core's), the reports' heading and status (the
    /// panels are the core's).
    static func ownText(_ name: String, _ model: Model) -> String {
        let g = Geometry(model)
        var rows = Array(view(model).lines()[g.body.y..<g.body.bottom])
        if name.hasPrefix("matches") {
            let layout = MatchLayout(model)
            let end = model.match?.showExcluded == true ? layout.table.y + 1 : layout.table.y + layout.table.height
            rows = Array(rows.prefix(end - g.body.y)).filter { !$0.hasPrefix("!! ") }
        }
        if name == "reports" { rows = Array(rows.prefix(2)) }
        return rows.joined(separator: "\n")
    }

    /// Words the fixture data itself holds (provider names, need names, notes): an English word there is data.
    static let dataText = (Fixtures.data.providers.map(\.name) + NeedCatalogue.standard.definitions.map(\.name)
        + Fixtures.data.notices.map(\.text) + Fixtures.data.children.map(\.fullName)).joined(separator: "\n")

    /// English fragments of the rows whose Welsh differs: the text between placeholders, trimmed, four
    /// letters or more, and not also part of the Welsh (a shared "(s) │" is no English left behind).
    static var englishFragments: [(key: String, text: String)] {
        let trim = CharacterSet(charactersIn: " ·:;,.()│!—–").union(.whitespaces)
        var out: [(key: String, text: String)] = []
        for entry in Catalogue.entries where entry.key.hasPrefix("screens.") && entry.en != entry.cy {
            for part in textBetweenPlaceholders(entry.en) {
                let text = part.trimmingCharacters(in: trim)
                if text.filter(\.isLetter).count >= 4 && !entry.cy.contains(text) { out.append((entry.key, text)) }
            }
        }
        return out
    }

    /// "sort: {sort} (s) │ {shown}" → ["sort: ", " (s) │ "].
    static func textBetweenPlaceholders(_ text: String) -> [String] {
        var parts: [String] = [], current = "", inside = false
        for ch in text {
            if ch == "{" { inside = true; parts.append(current); current = "" }
            else if ch == "}" { inside = false }
            else if !inside { current.append(ch) }
        }
        return parts + [current]
    }

    /// `fragment` as whole words in `text` (so "held" is not found in "Sheldon").
    static func containsWords(_ text: String, _ fragment: String) -> Bool {
        var search = text.startIndex..<text.endIndex
        while let r = text.range(of: fragment, range: search) {
            let before = r.lowerBound == text.startIndex ? nil : text[text.index(before: r.lowerBound)]
            let after = r.upperBound == text.endIndex ? nil : text[r.upperBound]
            if !(before?.isLetter ?? false) && !(after?.isLetter ?? false) { return true }
            search = r.upperBound..<text.endIndex
        }
        return false
    }
}

@Suite struct WelshScreensTests {
    @Test(arguments: [(80, 24), (132, 43)])
    func screensMatchWelshGoldens(size: (Int, Int)) throws {
        for (name, model) in WelshScreens.all(width: size.0, height: size.1) {
            try Golden.check("cy-" + name, model)
        }
    }

    @Test(arguments: [(80, 24), (132, 43)])
    func welshScreensShowNoEnglishOfTheirRows(size: (Int, Int)) {
        let fragments = WelshScreens.englishFragments
        #expect(fragments.count > 200, "the screens' rows give English to look for")
        for (name, model) in WelshScreens.all(width: size.0, height: size.1) {
            let text = WelshScreens.ownText(name, model)
            for f in fragments where WelshScreens.containsWords(text, f.text) && !WelshScreens.containsWords(WelshScreens.dataText, f.text) {
                Issue.record("\(name) at \(size) shows English \"\(f.text)\" (\(f.key))")
            }
        }
    }

    /// The Reports tab's panels (titles, columns, row labels, notes) are the core's report phrases, said in
    /// the officer's language as the command line's report says them; in English the same panels show them.
    @Test func theReportsPanelsAreInWelsh() throws {
        let phrases = Catalogue.entries.filter { $0.key.hasPrefix("core.phrase.report.") && $0.en != $0.cy && !$0.en.contains("{") }
            .map(\.en).filter { $0.filter(\.isLetter).count >= 6 }
        #expect(phrases.count > 40)
        let (_, reports) = try #require(WelshScreens.all(width: 132, height: 200).first { $0.0 == "reports" })
        var english = reports
        english.language = .en
        let welshText = WelshScreens.bodyText(reports), englishText = WelshScreens.bodyText(english)
        let shownInEnglish = phrases.filter { WelshScreens.containsWords(englishText, $0) }
        #expect(shownInEnglish.count > 15, "the English panels show \(shownInEnglish.count) of the phrases")
        for phrase in shownInEnglish where WelshScreens.containsWords(welshText, phrase) && !WelshScreens.containsWords(WelshScreens.dataText, phrase) {
            Issue.record("the Welsh Reports tab shows English \"\(phrase)\"")
        }
    }

    @Test func theSameScreensInEnglishShowTheEnglishRows() {
        // The check above can fail: English screens hold these fragments.
        let fragments = WelshScreens.englishFragments
        let english = WelshScreens.all(width: 132, height: 43).map { _, m in
            var m = m
            m.language = .en
            return WelshScreens.bodyText(m)
        }.joined(separator: "\n")
        let found = fragments.filter { WelshScreens.containsWords(english, $0.text) }
        #expect(found.count > 50, "only \(found.count) English fragments found on the English screens")
    }

    @Test func welshDatesAndAuthorityNamesOnTheLists() {
        let screens = Dictionary(uniqueKeysWithValues: WelshScreens.all(width: 132, height: 43).map { ($0.0, WelshScreens.bodyText($0.1)) })
        let months = WelshCalendar.shortMonths.joined(separator: "|")
        #expect(screens["vacancies"]!.range(of: "\\b\\d{1,2} (\(months))\\b", options: .regularExpression) != nil, "a Welsh short date in the list")
        #expect(screens["vacancies"]!.contains("Gwynedd") || screens["vacancies"]!.contains("Caerdydd"))
        let englishOnly = Geography.wales.welshAuthorities.filter { ($0.welshName ?? $0.name) != $0.name }.map(\.name)
        for name in englishOnly {
            #expect(!screens["children"]!.contains(name), "children list shows \(name) in Welsh mode")
            #expect(!screens["vacancies"]!.contains(name), "vacancy list shows \(name) in Welsh mode")
        }
    }
}
