import Crypto
import Foundation
import GRDB
import PlacementCore

/// Each audit entry carries SHA-256 over its own fields and the previous entry's hash, so changing,
/// removing or inserting an entry anywhere but the end breaks every hash after it. Someone who can write
/// the file can recompute the whole chain; recording the head elsewhere (`placefinder audit --head`) and
/// comparing it later (`placefinder check --audit-head`) catches that too.
///
/// A SQLite store is one chain. A regional PostgreSQL store (pg14) keeps one chain per authority, so that
/// authorities never queue on each other's appends: each row names its `chain`, and an entry's previous hash is
/// the previous entry of its own chain. The check walks every chain; the head covers every chain (`head(ofChains:)`).
enum AuditChain {
    /// The "previous hash" of the first entry.
    static let genesis = String(repeating: "0", count: 64)

    /// The fields exactly as stored (`at` as its stored text), each length-prefixed so no two
    /// different entries encode alike, then the previous hash.
    static func hash(id: Int64, at: String, user: String, action: String, recordType: String,
                     recordID: String?, detail: String?, previous: String) -> String {
        var text = "placefinder-audit-1\n\(id)\n"
        for field in [at, user, action, recordType, recordID, detail] {
            if let field { text += "\(field.utf8.count):\(field)\n" } else { text += "-\n" }
        }
        text += previous
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    /// The id, stored time and hash `entry` takes after `last` (the chain's last row: id, at, hash; nil, or a row
    /// of NULLs, when empty), as the values of an audit_log insert (id, at, os_user, action, record_type,
    /// record_id, detail, hash). The id is `id` when given (PostgreSQL's sequence), else the one after `last`'s.
    /// The time never goes back: a clock behind the last entry's is taken as that entry's time.
    /// Both backends append through this, so their chains are the same chain.
    static func link(_ entry: AuditEntry, after last: Row?, id given: Int64? = nil) -> (id: Int64, values: [(any DatabaseValueConvertible)?]) {
        let id = given ?? ((last?["id"] as Int64? ?? 0) + 1)
        var at = storedText(entry.at)
        if let lastAt: String = last?["at"], at < lastAt { at = max(storedText(Date()), lastAt) }
        let previous: String = last?["hash"] ?? genesis
        let hash = hash(id: id, at: at, user: entry.user, action: entry.action, recordType: entry.recordType,
                        recordID: entry.recordID, detail: entry.detail, previous: previous)
        return (id, [id, at, entry.user, entry.action, entry.recordType, entry.recordID, entry.detail, hash])
    }

    static func hash(of row: Row, previous: String) -> String {
        hash(id: row["id"], at: row["at"], user: row["os_user"], action: row["action"], recordType: row["record_type"],
             recordID: row["record_id"], detail: row["detail"], previous: previous)
    }

    /// The text GRDB stores for a date ("YYYY-MM-DD HH:MM:SS.SSS", UTC), which the hash covers.
    static func storedText(_ date: Date) -> String {
        String.fromDatabaseValue(date.databaseValue) ?? ""
    }

    /// The first entry whose stored hash is not the one its fields and its predecessor give, with why.
    static func firstBreak(in db: Database) throws -> AuditChainBreak? {
        // AUTOINCREMENT remembers the highest id ever issued: entries cut from the end leave it behind.
        let issued = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = 'audit_log'") ?? 0
        return try firstBreak(PlacementDatabase.rows(db, chainSelect), issued: issued)
    }

    static let chainSelect = "SELECT id, at, os_user, action, record_type, record_id, detail, hash FROM audit_log ORDER BY id"

    /// The chain check over rows of `chainSelect` from either backend, in id order; rows with a `chain` column
    /// (PostgreSQL, pg14) are checked chain by chain, each entry against the previous entry of its own chain.
    /// `issued` is the highest id the store ever gave out, when it keeps one (0 when not).
    static func firstBreak(_ rows: RowSource, issued: Int64) throws -> AuditChainBreak? {
        var tails: [String: (hash: String, at: String)] = [:]
        var lastID: Int64 = 0
        var found: AuditChainBreak?
        try rows { row in
            guard found == nil else { return }
            let id: Int64 = row["id"]
            let at: String = row["at"]
            let chain: String = row.hasColumn("chain") ? (row["chain"] as String? ?? "") : ""
            let tail = tails[chain]
            if let previousAt = tail?.at, at < previousAt {
                found = AuditChainBreak(entryID: id, reason: .outOfOrder)
                return
            }
            let expected = hash(of: row, previous: tail?.hash ?? genesis)
            guard let stored: String = row["hash"], stored == expected else {
                found = AuditChainBreak(entryID: id, reason: .hashMismatch)
                return
            }
            tails[chain] = (stored, at)
            lastID = id
        }
        if let found { return found }
        if issued > lastID { return AuditChainBreak(entryID: lastID + 1, reason: .missingAtEnd) }
        return nil
    }

    /// The head of a trail from each chain's last entry: with one chain, that entry's id and hash (as SQLite's
    /// head); with several, the highest id and SHA-256 over every chain's name, last id and hash, so a rewrite of
    /// any chain up to that id changes it. `check --audit-head` recomputes it from the entries up to the id.
    static func head(ofChains heads: [(chain: String, id: Int64, hash: String)]) -> AuditHead? {
        guard let top = heads.max(by: { $0.id < $1.id }) else { return nil }
        if heads.count == 1 { return AuditHead(entryID: top.id, hash: top.hash) }
        var text = "placefinder-audit-heads-1\n"
        for head in heads.sorted(by: { $0.chain < $1.chain }) {
            text += "\(head.chain.utf8.count):\(head.chain)\n\(head.id)\n\(head.hash)\n"
        }
        return AuditHead(entryID: top.id, hash: SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined())
    }

    static func head(in db: Database) throws -> AuditHead? {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1") else { return nil }
        return AuditHead(entryID: row["id"], hash: row["hash"] ?? "")
    }

    /// v5: adds the hash column, hashes the existing entries in order, and refuses from then on any insert
    /// that is not a new last entry in time order with a hash (REPLACE INTO included: it would delete
    /// an entry without firing the DELETE trigger).
    static func migrate(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE audit_log ADD COLUMN hash TEXT;
            DROP TRIGGER audit_log_no_update;
            """)
        var previous = genesis
        let rows = try Row.fetchAll(db, sql: "SELECT id, at, os_user, action, record_type, record_id, detail FROM audit_log ORDER BY id")
        let update = try db.makeStatement(sql: "UPDATE audit_log SET hash = ? WHERE id = ?")
        for row in rows {
            previous = hash(of: row, previous: previous)
            try update.execute(arguments: [previous, row["id"] as Int64])
        }
        try db.execute(sql: """
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
            CREATE TRIGGER audit_log_append_in_order BEFORE INSERT ON audit_log
                WHEN NEW.id IS NULL OR NEW.hash IS NULL OR length(NEW.hash) <> 64
                  OR NEW.id <= (SELECT COALESCE(MAX(id), 0) FROM audit_log)
                  OR NEW.at < (SELECT at FROM audit_log ORDER BY id DESC LIMIT 1)
                BEGIN SELECT RAISE(ABORT, 'the audit log only takes new entries at its end, in time order, with their hash'); END;
            PRAGMA application_id = \(StoreFile.applicationID);
            """)
    }
}

/// Where the audit chain first fails to hold.
public struct AuditChainBreak: Sendable, Hashable {
    public enum Reason: Sendable, Hashable { case hashMismatch, outOfOrder, missingAtEnd }
    public var entryID: Int64
    public var reason: Reason

    public var description: String { description(.en) }

    /// Where and how the chain fails, in `language` (`cli.check.chain.*`).
    public func description(_ language: Language) -> String {
        let message: Message = switch reason {
        case .hashMismatch: .cliCheckChainHashMismatch
        case .outOfOrder: .cliCheckChainOutOfOrder
        case .missingAtEnd: .cliCheckChainMissingAtEnd
        }
        return message.text(language, ["id": String(entryID)])
    }
}

/// The last entry of the audit chain: record it elsewhere and compare later.
public struct AuditHead: Sendable, Hashable {
    public var entryID: Int64
    public var hash: String

    /// `42:3f9c…` (the form `check --audit-head` takes).
    public var text: String { "\(entryID):\(hash)" }

    public init(entryID: Int64, hash: String) {
        self.entryID = entryID
        self.hash = hash
    }

    /// Parses `ID:HASH`.
    public init?(text: String) {
        let parts = text.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let id = Int64(parts[0]), parts[1].count == 64,
              parts[1].allSatisfy({ $0.isHexDigit }) else { return nil }
        self.init(entryID: id, hash: parts[1].lowercased())
    }
}

extension PlacementDatabase {
    /// The first break in the audit chain, or nil when every entry's hash holds.
    public func auditChainBreak() throws -> AuditChainBreak? {
        try read { db in try AuditChain.firstBreak(in: db) }
    }

    /// The current last entry and its hash; nil for an empty trail.
    public func auditHead() throws -> AuditHead? {
        try read { db in try AuditChain.head(in: db) }
    }

    /// Nil when entry `head.entryID` still has `head.hash`; else why not, in one line.
    public func auditHeadProblem(_ head: AuditHead) throws -> String? {
        try read { db in
            guard let stored = try String.fetchOne(db, sql: "SELECT hash FROM audit_log WHERE id = ?", arguments: [head.entryID]) else {
                return "audit entry \(head.entryID), recorded as a head earlier, is missing"
            }
            return stored == head.hash ? nil : "audit entry \(head.entryID) no longer has the hash recorded earlier (the trail was rewritten)"
        }
    }
}
