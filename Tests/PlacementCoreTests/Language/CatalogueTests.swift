import Foundation
import Testing
@testable import PlacementCore

/// The catalogue's promises: every message in both languages with the same placeholders, one key each,
/// and the embedded copy the same as l10n/*.tsv (run scripts/generate-catalogue.sh after editing them).
@Suite struct CatalogueTests {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("l10n")

    @Test func theEmbeddedCatalogueIsTheTSVFiles() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".tsv") }.sorted()
        var lines: [Substring] = []
        for name in names {
            let text = try String(contentsOf: Self.folder.appendingPathComponent(name), encoding: .utf8)
            let rows = text.split(separator: "\n", omittingEmptySubsequences: true)
            if lines.isEmpty { lines.append(rows[0]) }
            #expect(rows.first == lines.first, "l10n/\(name): the first line must be the header")
            lines += rows.dropFirst()
        }
        #expect(lines.joined(separator: "\n") + "\n" == CatalogueData.tsv + "\n", "l10n/*.tsv differ from the embedded catalogue: run scripts/generate-catalogue.sh")
    }

    /// The byte parser reads what splitting by lines and tabs reads: missing fields empty, blank lines and
    /// keyless rows skipped, the header dropped.
    @Test func theByteParserReadsEveryRowAsSplittingDoes() {
        let split = CatalogueData.tsv.split(separator: "\n").dropFirst().compactMap { line -> Catalogue.Entry? in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard let key = f.first, !key.isEmpty else { return nil }
            return Catalogue.Entry(key: key, en: f.count > 1 ? f[1] : "", cy: f.count > 2 ? f[2] : "", note: f.count > 3 ? f[3] : "")
        }
        #expect(Catalogue.entries == split)
        #expect(Catalogue.parse("key\ten\tcy\tnote\na\tA\n\nb\tŵ\tŷ\tn\n\tkeyless\nc") == [
            Catalogue.Entry(key: "a", en: "A", cy: "", note: ""), Catalogue.Entry(key: "b", en: "ŵ", cy: "ŷ", note: "n"),
            Catalogue.Entry(key: "c", en: "", cy: "", note: ""),
        ])
    }

    @Test func everyKeyIsOneCaseInOrder() {
        #expect(Catalogue.entries.count == Message.allCases.count)
        #expect(Set(Catalogue.entries.map(\.key)).count == Catalogue.entries.count, "a key is listed twice")
        for message in Message.allCases {
            // The case name is the key without its dots, camel-cased: tab.vacancies → tabVacancies.
            let camel = message.entry.key.split(separator: ".").enumerated()
                .map { $0.offset == 0 ? String($0.element) : $0.element.prefix(1).uppercased() + $0.element.dropFirst() }.joined()
            #expect(String(describing: message) == camel)
        }
    }

    /// A phrase is found by its English: two rows with the same English would let one area's Welsh shadow
    /// another's.
    @Test func noTwoPhrasesShareTheirEnglish() {
        let phrases = Catalogue.entries.filter { $0.key.contains(".phrase.") }
        let byEnglish = Dictionary(grouping: phrases, by: \.en).filter { $0.value.count > 1 }
        #expect(byEnglish.isEmpty, "phrases listed twice: \(byEnglish.values.map { $0.map(\.key) })")
    }

    @Test func everyMessageHasBothLanguagesWithTheSamePlaceholders() {
        for entry in Catalogue.entries {
            #expect(!entry.en.trimmingCharacters(in: .whitespaces).isEmpty, "\(entry.key) has no English")
            #expect(!entry.cy.trimmingCharacters(in: .whitespaces).isEmpty, "\(entry.key) has no Welsh")
            #expect(Catalogue.placeholders(entry.en).sorted() == Catalogue.placeholders(entry.cy).sorted(),
                    "\(entry.key): placeholders differ between English and Welsh")
        }
    }

    @Test func placeholdersAreFilledInOnePass() {
        #expect(Message.holdExpires.text(.cy, ["time": "14:00"]) == "cadw lle yn dod i ben 14:00")
        #expect(Message.holdExpires.text(.en, ["time": "{time}"]) == "hold ends {time}")
        #expect(Message.holdExpires.text(.en) == "hold ends {time}")
        #expect(Catalogue.placeholders("{a} and {b}") == ["a", "b"])
    }
}

@Suite struct LanguageChoiceTests {
    @Test func theFlagThenTheSettingThenTheLocale() throws {
        #expect(try Language.chosen(flag: "cy", setting: "en", locale: ["en_GB.UTF-8"]) == .cy)
        #expect(try Language.chosen(flag: nil, setting: "CY", locale: ["en_GB.UTF-8"]) == .cy)
        #expect(try Language.chosen(flag: nil, setting: nil, locale: [nil, "", "cy_GB.UTF-8"]) == .cy)
        #expect(try Language.chosen(flag: nil, setting: "", locale: ["en_GB.UTF-8", "cy_GB.UTF-8"]) == .en)
        #expect(try Language.chosen(flag: nil, setting: nil, locale: ["C.UTF-8"]) == .en)
        #expect(try Language.chosen(flag: nil, setting: nil, locale: []) == .en)
    }

    @Test func anUnknownLanguageIsNamed() {
        #expect(throws: UnknownLanguage(value: "fr")) { try Language.chosen(flag: "fr", setting: nil, locale: []) }
        #expect(UnknownLanguage(value: "x\u{1B}").description.hasPrefix("x\\x1B is not a language"))
    }
}

@Suite struct WelshCalendarTests {
    @Test func monthsAndWeekdays() {
        #expect(WelshCalendar.dayMonth(day: 30, month: 11) == "30 Tachwedd")
        #expect(WelshCalendar.dayMonth(day: 1, month: 1) == "1 Ionawr")
        #expect(WelshCalendar.dayMonth(day: 1, month: 13) == nil)
        #expect(WelshCalendar.months.count == 12 && WelshCalendar.shortMonths.count == 12)
        #expect(WelshCalendar.weekdays[1] == "Dydd Llun" && WelshCalendar.weekdays.count == 7)
    }
}
