import Foundation
import Testing
@testable import PlacementCore

/// The Welsh golden screens hold none of the catalogue's English: a view that forgets to pass the officer's
/// language (and falls back to English) would otherwise be locked into a Welsh golden unnoticed.
struct WelshGoldenSweepTests {
    /// English text an officer must not meet in Welsh: each catalogue phrase that differs from its Welsh and is
    /// long enough not to be a shared name or code, cut at its placeholders; and every standard need's name.
    static let englishPhrases: Set<String> = {
        var phrases = Set<String>()
        for entry in Catalogue.entries where entry.en != entry.cy {
            for fragment in PhraseTemplate(entry.en).literals {
                let phrase = fragment.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
                if phrase.count >= 12, phrase.contains(" "), !entry.cy.contains(phrase) { phrases.insert(phrase) }
            }
        }
        for need in NeedCatalogue.standard.definitions where need.name(.en) != need.name(.cy) {
            phrases.insert(need.name(.en))
        }
        return phrases
    }()

    @Test func noWelshGoldenShowsTheCataloguesEnglish() throws {
        let files = try FileManager.default.contentsOfDirectory(at: Golden.directory, includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("cy-") }
        #expect(files.count > 40)
        for file in files {
            // The screen's text, without the role map under it.
            let screen = try String(contentsOf: file, encoding: .utf8).components(separatedBy: "\n--- roles ---\n")[0]
            for phrase in Self.englishPhrases where screen.contains(phrase) {
                Issue.record("\(file.lastPathComponent) shows English: \"\(phrase)\"")
            }
        }
    }
}
