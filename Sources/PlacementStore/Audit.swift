import Foundation
import GRDB

/// One line of the append-only audit log. `detail` says what was done ("status open→held"),
/// never what a record contains (no names, needs or notes): the log outlives corrections to records.
public struct AuditEntry: Sendable, Hashable {
    /// Assigned by the store; nil before the entry is appended.
    public var id: Int64?
    public var at: Date
    /// The OS account that acted; the caller supplies it (the store does not guess).
    public var user: String
    public var action: String
    public var recordType: String
    public var recordID: String?
    public var detail: String?

    public init(id: Int64? = nil, at: Date = Date(), user: String, action: String, recordType: String,
                recordID: String? = nil, detail: String? = nil) {
        self.id = id
        self.at = at
        self.user = user
        self.action = action
        self.recordType = recordType
        self.recordID = recordID
        self.detail = detail
    }
}

extension AuditEntry {
    /// One audit_log row (`SELECT *`) of either backend.
    static func decode(_ row: Row) throws -> AuditEntry {
        let r = RowReader(row: row, table: "audit_log")
        return AuditEntry(id: try r.value("id"), at: try r.value("at"), user: try r.value("os_user"),
                          action: try r.value("action"), recordType: try r.value("record_type"),
                          recordID: try r.optional("record_id"), detail: try r.optional("detail"))
    }
}

extension AuditQuery {
    /// The WHERE clause (with `?` placeholders; empty when no filter is given) and its values.
    var sql: (filter: String, values: [(any DatabaseValueConvertible)?]) {
        var conditions: [String] = []
        var values: [(any DatabaseValueConvertible)?] = []
        if let recordID { conditions.append("record_id = ?"); values.append(recordID) }
        if let recordType { conditions.append("record_type = ?"); values.append(recordType) }
        if let childID {
            // The child's own record and the records that belong to the child (placements, contacts,
            // notices about them), found through the store's ids: the log itself holds no contents.
            conditions.append("""
                ((record_type = 'child' AND record_id = ?)
                 OR (record_type IN ('placement', 'placements') AND record_id IN (SELECT id FROM placements WHERE child_id = ?))
                 OR (record_type IN ('contact', 'contacts') AND record_id IN (SELECT id FROM contacts WHERE child_id = ?))
                 OR (record_type IN ('notice', 'notices') AND record_id IN (SELECT id FROM notices WHERE child_id = ?)))
                """)
            values += [childID, childID, childID, childID]
        }
        if let user { conditions.append("os_user = ?"); values.append(user) }
        // Stored as text: the same text GRDB stores, so text order is time order on both backends.
        if let since { conditions.append("at >= ?"); values.append(AuditChain.storedText(since)) }
        return (conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND "), values)
    }
}

/// Filters for reading the audit trail; every filter given must match.
public struct AuditQuery: Sendable, Hashable {
    /// Entries about one record, whatever its type.
    public var recordID: String?
    /// Entries about one type of record ("child", "vacancy", "store", "providers"…).
    public var recordType: String?
    /// Entries about one child: their record and the placements, contacts and notices that belong to them
    /// (for a data-subject access request).
    public var childID: String?
    public var user: String?
    public var since: Date?

    public init(recordID: String? = nil, recordType: String? = nil, childID: String? = nil, user: String? = nil, since: Date? = nil) {
        self.recordID = recordID
        self.recordType = recordType
        self.childID = childID
        self.user = user
        self.since = since
    }
}

extension PlacementDatabase {
    /// Appends one entry in its own transaction.
    public func audit(action: String, recordType: String, recordID: String?, detail: String?, user: String) throws {
        try audit([AuditEntry(user: user, action: action, recordType: recordType, recordID: recordID, detail: detail)])
    }

    /// Entries matching every filter of `query`, oldest first.
    public func auditEntries(_ query: AuditQuery) throws -> [AuditEntry] {
        let (filter, values) = query.sql
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log \(filter) ORDER BY id", arguments: StatementArguments(values)).map(AuditEntry.decode)
        }
    }

    /// Appends in the caller's transaction, chained to the last entry (AuditChain). The id is the next
    /// after the last; a time earlier than the last entry's (an entry made before waiting for the write lock)
    /// is moved up to now, so the trail stays in time order.
    static func append(_ entry: AuditEntry, in db: Database) throws {
        let last = try Row.fetchOne(db, sql: "SELECT id, at, hash FROM audit_log ORDER BY id DESC LIMIT 1")
        let link = AuditChain.link(entry, after: last)
        try db.execute(sql: """
            INSERT INTO audit_log (id, at, os_user, action, record_type, record_id, detail, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: StatementArguments(link.values))
    }

    /// Appends several entries in one transaction (a sibling group's match records every child).
    /// On a store opened read-only by an account that cannot write it, nothing can be stored: the entries
    /// are counted in `unrecordedAuditEntries` for the command to report.
    public func audit(_ entries: [AuditEntry]) throws {
        if cannotWrite {
            unrecorded.withLock { $0 += entries.count }
            return
        }
        try write { db in for entry in entries { try Self.append(entry, in: db) } }
    }
}

extension PlacementDatabase {
    /// Audit entries this read-only session could not store (see `audit(_:)`).
    public var unrecordedAuditEntries: Int { unrecorded.withLock { $0 } }

    /// True when `name` is an account on this host or already appears in the audit trail
    /// (so `audit --user` records it, and records "unknown id" for anything else typed).
    public func isKnownOfficer(_ name: String) throws -> Bool {
        if getpwnam(name) != nil { return true }
        return try read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM audit_log WHERE os_user = ?)", arguments: [name]) ?? false
        }
    }
}
