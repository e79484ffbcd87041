import Foundation
import GRDB
import PlacementCore

/// Tables whose rows carry a version for optimistic concurrency (schema v2).
public enum StampedTable: String, Sendable, CaseIterable {
    case children, vacancies, placements
}

/// Who last changed a record and its version: what a screen keeps so a later write can say
/// "changed by <officer> at <HH:mm> — reload" instead of overwriting a colleague's change.
public struct RecordStamp: Sendable, Hashable {
    /// 1 for a record never changed since it was imported; each workflow write adds one.
    public var version: Int
    /// Nil for rows not yet changed by a workflow write (imported, demo, or v1 rows).
    public var updatedBy: String?
    public var updatedAt: Date?

    public init(version: Int, updatedBy: String? = nil, updatedAt: Date? = nil) {
        self.version = version
        self.updatedBy = updatedBy
        self.updatedAt = updatedAt
    }
}

extension PlacementDatabase {
    /// Every row's stamp in `table`, by record id (one query; for a screen listing many records).
    public func stamps(of table: StampedTable) throws -> [String: RecordStamp] {
        try read { db in
            var found: [String: RecordStamp] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT id, version, updated_by, updated_at FROM \(table.rawValue)") {
                found[row["id"]] = try Self.stamp(from: row, table: table)
            }
            return found
        }
    }

    /// One record's stamp, or nil when there is no such record.
    public func stamp(of table: StampedTable, id: String) throws -> RecordStamp? {
        try read { db in try Self.stamp(of: table, id: id, in: db) }
    }

    /// SQLite's `PRAGMA data_version` on the store's writer connection: it changes whenever another
    /// process (another officer) commits, so a screen can poll it cheaply and reload only then.
    /// Commits made through this `PlacementDatabase` do not change it; the caller knows about those.
    public func dataVersion() throws -> Int {
        try StoreError.mapping {
            try pool.writeWithoutTransaction { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
        }
    }

    static func stamp(of table: StampedTable, id: String, in db: Database) throws -> RecordStamp? {
        guard let row = try Row.fetchOne(db, sql: "SELECT version, updated_by, updated_at FROM \(table.rawValue) WHERE id = ?",
                                         arguments: [id]) else { return nil }
        return try stamp(from: row, table: table)
    }

    static func stamp(from row: Row, table: StampedTable) throws -> RecordStamp {
        let r = RowReader(row: row, table: table.rawValue)
        return RecordStamp(version: try r.value("version"), updatedBy: try r.optional("updated_by"),
                           updatedAt: try r.optional("updated_at"))
    }

    /// Throws `WorkflowError.changedBy` when the record's version is not the one the officer saw.
    static func check(_ table: StampedTable, id: String, expected: Int?, in db: Database) throws {
        guard let expected, let current = try stamp(of: table, id: id, in: db), current.version != expected else { return }
        throw WorkflowError.changedBy(officer: current.updatedBy ?? "another officer", at: current.updatedAt)
    }

    /// Marks an updated row: one more version, by whom and when.
    static func touch(_ table: StampedTable, id: String, by officer: String, at now: Date, in db: Database) throws {
        try db.execute(sql: "UPDATE \(table.rawValue) SET version = version + 1, updated_by = ?, updated_at = ? WHERE id = ?",
                       arguments: [officer, now, id])
    }

    /// Marks a row this write created (version stays 1).
    static func stampNew(_ table: StampedTable, id: String, by officer: String, at now: Date, in db: Database) throws {
        try db.execute(sql: "UPDATE \(table.rawValue) SET updated_by = ?, updated_at = ? WHERE id = ?",
                       arguments: [officer, now, id])
    }

    /// The next id after the highest stored one with this prefix and digits only ("N0042" after "N0041"),
    /// at least `width` digits. The highest is kept by an insert trigger in `id_counters` (schema v4), so this
    /// is one indexed read at any table size. Run inside the write transaction so two officers never pick the
    /// same id (the write lock is held from the start: GRDB begins IMMEDIATE).
    static func nextID(table: String, width: Int, in db: Database) throws -> String {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT prefix, highest, digits FROM id_counters WHERE name = ?"),
                                         arguments: [table]) else {
            throw StoreError.unreadableValue(table: "id_counters", column: table)
        }
        let (prefix, highest, digits): (String, Int, Int) = (row[0], row[1], row[2])
        return WorkflowWrites.nextID(prefix: prefix, highest: highest, digits: digits, width: width)
    }
}
