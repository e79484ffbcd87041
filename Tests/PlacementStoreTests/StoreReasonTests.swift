import Foundation
import GRDB
import PlacementCore
import Testing
@testable import PlacementStore

/// No refusal in English (issue 16): every reason the store words, and every message its triggers raise,
/// is said in Welsh by the catalogue lookup the command line and the dashboard use (`Catalogue.phrase`).
@Suite struct StoreReasonTests {
    /// A value for each placeholder, as an id or a login would be given.
    static func values(_ reason: StoreReason) -> [String: String] {
        Dictionary(Catalogue.placeholders(reason.english()).map { ($0, "pf_\($0)") }, uniquingKeysWith: { first, _ in first })
    }

    @Test func everyReasonIsSaidInWelsh() {
        for reason in StoreReason.allCases {
            let values = Self.values(reason)
            let english = reason.english(values)
            #expect(!english.contains("{"), "\(reason): a placeholder left unfilled")
            #expect(Catalogue.phrase(english, .cy) == reason.message.text(.cy, values), "\(reason) is not found by its English: \(english)")
            #expect(StoreReason(english: english) == reason || !values.isEmpty)
        }
        // Each reason reads differently, so looking one up by its English finds that one.
        #expect(Set(StoreReason.allCases.map { $0.english() }).count == StoreReason.allCases.count)
        #expect(StoreError.rejected(.roleMayNotDoThis) == .rejected(reason: "your database role may not do this"))
    }

    /// What SQLite's triggers raise reaches the officer as it is: each message must be one of the reasons.
    @Test func everySQLiteTriggerMessageIsAReason() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        let sql = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger'") }
        let messages = Set(sql.flatMap { Self.quoted(after: "RAISE(ABORT, '", in: $0) })
        #expect(messages.count >= 5, "\(messages)")
        for message in messages { #expect(StoreReason(english: message) != nil, "the trigger message \(message) has no StoreReason") }
    }

    /// The same for PostgreSQL's: `placefinder_refuse('…')` arguments and `RAISE EXCEPTION '…'` in every migration.
    @Test func everyPostgresTriggerMessageIsAReason() {
        let scripts = PostgresSchema.migrations.map { $0.sql() } + [PostgresMarket.script(columns: [(name: "id", defaultValue: nil)])]
        let messages = Set(scripts.flatMap { Self.quoted(after: "placefinder_refuse('", in: $0) + Self.quoted(after: "RAISE EXCEPTION '", in: $0) })
        #expect(messages.count >= 4, "\(messages)")
        for message in messages { #expect(StoreReason(english: message) != nil, "the trigger message \(message) has no StoreReason") }
    }

    /// The texts in single quotes that follow each `opening`.
    static func quoted(after opening: String, in text: String) -> [String] {
        text.components(separatedBy: opening).dropFirst().compactMap { $0.split(separator: "'", maxSplits: 1).first.map(String.init) }
    }
}
