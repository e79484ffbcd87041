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
        let entry = AuditEntry(user: user, action: action, recordType: recordType, recordID: recordID, detail: detail)
        try write { db in try Self.append(entry, in: db) }
    }

    /// Entries matching every filter given, oldest first.
    public func auditEntries(recordID: String? = nil, user: String? = nil, since: Date? = nil) throws -> [AuditEntry] {
        try auditEntries(AuditQuery(recordID: recordID, user: user, since: since))
    }

    /// Entries matching every filter of `query`, oldest first.
    public func auditEntries(_ query: AuditQuery) throws -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: StatementArguments = []
        if let recordID = query.recordID { conditions.append("record_id = ?"); arguments += [recordID] }
        if let recordType = query.recordType { conditions.append("record_type = ?"); arguments += [recordType] }
        if let child = query.childID {
            // The child's own record and the records that belong to the child (placements, contacts,
            // notices about them), found through the store's ids: the log itself holds no contents.
            conditions.append("""
                ((record_type = 'child' AND record_id = ?)
                 OR (record_type IN ('placement', 'placements') AND record_id IN (SELECT id FROM placements WHERE child_id = ?))
                 OR (record_type IN ('contact', 'contacts') AND record_id IN (SELECT id FROM contacts WHERE child_id = ?))
                 OR (record_type IN ('notice', 'notices') AND record_id IN (SELECT id FROM notices WHERE child_id = ?)))
                """)
            arguments += [child, child, child, child]
        }
        if let user = query.user { conditions.append("os_user = ?"); arguments += [user] }
        if let since = query.since { conditions.append("at >= ?"); arguments += [since] }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        return try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM audit_log \(filter) ORDER BY id", arguments: arguments).map { row in
                let r = RowReader(row: row, table: "audit_log")
                return AuditEntry(id: try r.value("id"), at: try r.value("at"), user: try r.value("os_user"),
                                  action: try r.value("action"), recordType: try r.value("record_type"),
                                  recordID: try r.optional("record_id"), detail: try r.optional("detail"))
            }
        }
    }

    static func append(_ entry: AuditEntry, in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO audit_log (at, os_user, action, record_type, record_id, detail) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [entry.at, entry.user, entry.action, entry.recordType, entry.recordID, entry.detail])
    }
}
