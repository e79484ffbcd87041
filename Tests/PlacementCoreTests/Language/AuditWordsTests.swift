import Foundation
import Testing
@testable import PlacementCore

/// The audit trail said in Welsh: entries stay as recorded, each part said by its own catalogue row.
struct AuditWordsTests {
    @Test func eachDetailPartIsSaidByItsOwnRow() {
        let rows = Message.allCases.filter { $0.entry.key.hasPrefix("core.audit.detail.") }
        #expect(rows.count > 40)
        for row in rows {
            let values = Dictionary(uniqueKeysWithValues: Catalogue.placeholders(row.entry.en).enumerated().map { ($1, "X\($0)") })
            #expect(AuditWords.detail(row.text(.en, values), .cy) == row.text(.cy, values), "\(row.entry.key)")
        }
    }

    @Test func englishIsAsRecordedAndAnUnknownPartStaysAsRecorded() {
        let recorded = "status open→held; child C1; until 17:00; something new"
        #expect(AuditWords.detail(recorded, .en) == recorded)
        #expect(AuditWords.detail(recorded, .cy) == "statws open→held; plentyn C1; tan 17:00; something new")
        #expect(AuditWords.detail("notice 23 h; next PL2", .cy) == "rhybudd 23 awr; nesaf PL2")
        #expect(AuditWords.action("vacancy.return_bed", .en) == "vacancy.return_bed")
        #expect(AuditWords.action("vacancy.return_bed", .cy) == "gwely wedi'i ddychwelyd")
        #expect(AuditWords.action("no.such.action", .cy) == "no.such.action")
    }

    /// Every action name the program writes to the trail has its Welsh words (read from the sources, so a new
    /// action cannot reach the trail in English only).
    @Test func everyActionTheProgramWritesHasWelshWords() throws {
        let sources = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Sources")
        let pattern = try NSRegularExpression(pattern: #"(?:action: (?:[a-z]+ \? )?|log\()"([a-z_.]+)"(?: : "([a-z_.]+)")?"#)
        var names = Set<String>()
        for case let file as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        where file.pathExtension == "swift" {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in pattern.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                for group in 1...2 {
                    if let range = Range(match.range(at: group), in: text) { names.insert(String(text[range])) }
                }
            }
        }
        #expect(names.count > 25 && names.contains("placement.start") && names.contains("vacancy.hold.extend"), "\(names.sorted())")
        for name in names { #expect(AuditWords.action(name, .cy) != name, "\(name) has no Welsh words") }
    }
}
