import Foundation
import Testing
import PlacementCore
import TerminalUI
@testable import PlacefinderApp

/// Welsh words run longer than English; a column sized for the English must not cut the Welsh ("Rh…" for
/// "Rhif", "nosweith…", "Cymraeg rhu…", "lle gwag wedi ne…"): each list gives the Welsh its room or its short
/// form, as it does the English.
struct WelshColumnFitTests {
    /// The column headings, with the report's figure and share headings: a cut one counts on a heading line.
    static let headings: [String] = Catalogue.entries.filter { $0.key.contains(".col.") }.map(\.cy)
        + [Message.corePhraseReportNights, .screensReportsShare].map { $0.text(.cy) }

    /// Words a list puts in a column of their own, a provider's Welsh and a notice's kind: cut anywhere.
    static let columnWords: [String] = WelshCapability.allCases.map { $0.label(.cy) }
        + NoticeKind.allCases.flatMap { [$0.label(.cy), $0.shortLabel(.cy)] }

    /// The first cut word `text` shows ("Rh…"): a column word anywhere, a heading on a line that shows another
    /// heading whole (a provider's name cut to "Foster Wales Ca…" is not the heading "Cad.").
    static func cutWord(in text: String) -> String? {
        for line in text.split(separator: "\n").map(String.init) {
            let headingLine = headings.contains { $0.count >= 3 && contains(line, whole: $0) }
            for word in columnWords + (headingLine ? headings : []) where word.count >= 3 {
                for length in 2..<word.count where word.prefix(length).last != " " {
                    let cut = String(word.prefix(length)) + "…"
                    if contains(line, whole: cut) { return cut }
                }
            }
        }
        return nil
    }

    /// Whether `line` has `text` at its start or after a space, and at its end or before a space.
    static func contains(_ line: String, whole text: String) -> Bool {
        ranges(of: text, in: line).contains { range in
            (range.lowerBound == line.startIndex || line[line.index(before: range.lowerBound)] == " ")
                && (range.upperBound == line.endIndex || line[range.upperBound] == " ")
        }
    }

    static func ranges(of needle: String, in text: String) -> [Range<String.Index>] {
        var found: [Range<String.Index>] = [], from = text.startIndex
        while let range = text.range(of: needle, range: from..<text.endIndex) {
            found.append(range)
            from = range.upperBound
        }
        return found
    }

    @Test(arguments: [(132, 43), (80, 24)])
    func noWelshListCutsAColumnsWord(size: (Int, Int)) {
        for (name, model) in WelshScreens.all(width: size.0, height: size.1) {
            let body = WelshScreens.bodyText(model)
            #expect(Self.cutWord(in: body) == nil, "\(name) at \(size.0)×\(size.1) shows \"\(Self.cutWord(in: body) ?? "")\"")
        }
    }

    /// The check itself finds a cut heading, and passes a whole one.
    @Test func aCutHeadingIsFound() {
        #expect(Self.cutWord(in: "Rh… Derbyniwyd   Darparwr") == "Rh…")
        #expect(Self.cutWord(in: "Rhif Derbyniwyd   Darparwr") == nil)
        #expect(Self.cutWord(in: "  Pob sector   nosweith…   cyfran") == "nosweith…")
        #expect(Self.cutWord(in: "V112 Foster Wales Ca… cartref maeth") == nil)
        #expect(Self.cutWord(in: "Cartrefi Eryri  awdurdod lleol  Cymraeg rhu… AGC") == "Cymraeg rhu…")
    }

    /// A same-day ending keeps its hours in the notices list in both languages where the list is wide.
    @Test func theNoticesListKeepsASameDayEndingsHours() {
        for language in [Language.en, .cy] {
            var model = Fixtures.model(width: 132, height: 43, tab: .notices)
            model.language = language
            let body = WelshScreens.bodyText(model)
            let hours = language == .cy ? #/un dydd \(\d+ awr\)/# : #/same-day \(\d+ h\)/#
            #expect(body.contains(hours), "\(language): \(body)")
        }
    }
}
