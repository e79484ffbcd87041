import Foundation
import GRDB
import PlacementCore

/// The reads of one PostgreSQL transaction, through the row decoders SQLite's reads use (`TableDecoding`).
/// Orders that SQL gives (providers by name, notices by time) compare bytes (`COLLATE "C"`), as SQLite's
/// BINARY does, so both backends list records identically.
struct PostgresReads: SnapshotReading {
    let tx: PostgresTransaction

    func source(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = []) throws -> RowSource {
        let rows = try tx.rows(sql, values)
        return { each in for row in rows { try each(row) } }
    }

    func tableVersions() throws -> [String: Int] {
        var versions: [String: Int] = [:]
        // A row per table and writer slot (pg14): a table's version is their sum.
        for row in try tx.rows("SELECT name, SUM(version)::BIGINT FROM table_versions GROUP BY name") { versions[row[0]] = row[1] }
        // A migration invalidates every table read before it, as SQLite's schema_version does. And where the next
        // reload's row log starts: this transaction's snapshot (REPEATABLE READ: the one every table here is
        // read at) had seen every transaction below its xmin end.
        let row = try tx.rows("""
            SELECT (SELECT COUNT(*) FROM placefinder_migrations), pg_snapshot_xmin(pg_current_snapshot())::TEXT::BIGINT
            """)[0]
        versions[PlacementDatabase.schemaKey] = row[0]
        versions[PostgresRowLog.mark] = row[1]
        return versions
    }

    func rowLogSince(_ table: String, previous: [String: Int]) -> Int? {
        PostgresRowLog.tables.contains(table) ? previous[PostgresRowLog.mark] : nil
    }

    /// nil past a quarter of the table's rows by the planner's estimate, and 64, as on SQLite.
    func loggedIDs(_ table: String, since version: Int) throws -> [String]? {
        guard PostgresRowLog.tables.contains(table) else { return nil }
        let rows = try tx.one(Int.self, "SELECT GREATEST(reltuples, 0)::BIGINT FROM pg_class WHERE oid = 'public.\(table)'::regclass") ?? 0
        let most = max(64, rows / 4)
        let logged: [String] = try tx.rows("SELECT id FROM row_log WHERE tbl = $1 AND version >= $2 LIMIT $3", [table, version, most + 1])
            .map { $0[0] }
        return logged.count > most ? nil : logged
    }

    func needBits() throws -> NeedBits {
        NeedBits(try tx.rows("SELECT code, bit FROM need_catalogue WHERE bit IS NOT NULL").map { (code: $0[0], bit: $0[1]) })
    }

    func providers(bits: NeedBits) throws -> Fetched<Provider> { try providers(where: "", [], bits: bits) }

    func providers(where filter: String, _ values: [(any DatabaseValueConvertible)?], bits: NeedBits) throws -> Fetched<Provider> {
        try TableDecoding.providers(source(ProviderRow.select + filter + #" ORDER BY name COLLATE "C", id COLLATE "C""#, values), bits: bits)
    }

    func vacancies(bits: NeedBits, rows: RowSelection) throws -> Fetched<Vacancy> {
        let (sql, values) = filter("vacancies", rows)
        return try vacancies(where: sql, values, bits: bits)
    }

    func vacancies(where filter: String, _ values: [(any DatabaseValueConvertible)?], bits: NeedBits) throws -> Fetched<Vacancy> {
        try TableDecoding.vacancies(source(VacancyRow.select + filter, values), bits: bits)
    }

    func children(bits: NeedBits, rows: RowSelection) throws -> Fetched<Child> {
        let (sql, values) = filter("children", rows)
        return try children(where: sql, values, bits: bits)
    }

    func children(where filter: String, _ values: [(any DatabaseValueConvertible)?], bits: NeedBits) throws -> Fetched<Child> {
        try TableDecoding.children(source(ChildRow.select + filter, values), bits: bits)
    }

    func placements(rows: RowSelection) throws -> Fetched<Placement> {
        let (sql, values) = filter("placements", rows)
        return try TableDecoding.placements(source(PlacementRow.select + sql, values))
    }

    /// `.logged` reaches only the tables `PostgresRowLog` logs.
    private func filter(_ table: String, _ rows: RowSelection) -> (String, [(any DatabaseValueConvertible)?]) {
        let (sql, values) = rows.filter(table) { "$\($0)" }
        return (sql, values.map { $0 })
    }

    func placements(childID: String) throws -> [Placement] {
        try tx.rows(PlacementRow.select + #" WHERE child_id = $1 ORDER BY start_day, id COLLATE "C""#, [childID])
            .map { try PlacementRow.decode($0).placement }
    }

    func notices() throws -> [ProviderNotice] {
        try tx.rows(NoticeRow.select + #" ORDER BY received_at COLLATE "C" DESC, id COLLATE "C""#).map(NoticeRow.decode)
    }

    func contacts() throws -> [Contact] {
        try tx.rows(ContactRow.select + #" ORDER BY at COLLATE "C", id COLLATE "C""#).map(ContactRow.decode)
    }

    func contacts(childID: String) throws -> [Contact] {
        try tx.rows(ContactRow.select + #" WHERE child_id = $1 ORDER BY at COLLATE "C", id COLLATE "C""#, [childID]).map(ContactRow.decode)
    }

    func provider(_ id: String, bits: NeedBits) throws -> Provider? { try providers(where: " WHERE id = $1", [id], bits: bits).values.first }
    func child(_ id: String, bits: NeedBits) throws -> Child? { try children(where: " WHERE id = $1", [id], bits: bits).values.first }
    func vacancy(_ id: String, bits: NeedBits) throws -> Vacancy? { try vacancies(where: " WHERE id = $1", [id], bits: bits).values.first }
}

extension PostgresStore {
    /// One REPEATABLE READ transaction: every table the snapshot reads sees the same moment.
    public func snapshot(since previous: [String: Int]?) throws -> StoreSnapshot {
        try read { tx in try Self.snapshot(since: previous, history: .whole, in: tx) }
    }

    /// As on SQLite: beds open or held, placements running or ended since `historyFrom`, for the first
    /// screen. A commissioner's snapshot (the masked market, no placements) is read whole, as before.
    public func currentSnapshot(historyFrom: Day) throws -> StoreSnapshot {
        try read { tx in try Self.snapshot(since: nil, history: .leaveOut(from: historyFrom), in: tx) }
    }

    /// The history `currentSnapshot` left out and whatever changed since: the beds as their rows logged since
    /// with the history, placements (not logged here) and any other changed table whole.
    public func historySnapshot(since previous: [String: Int], historyFrom: Day) throws -> StoreSnapshot {
        try read { tx in try Self.snapshot(since: previous, history: .complete(from: historyFrom), in: tx) }
    }

    public func providers() throws -> [Provider] {
        try read { tx in let r = PostgresReads(tx: tx); return try r.providers(bits: r.needBits()).values }
    }

    public func vacancies() throws -> [Vacancy] {
        try read { tx in let r = PostgresReads(tx: tx); return try r.vacancies(bits: r.needBits(), rows: .all).values }
    }

    public func children() throws -> [Child] {
        try read { tx in let r = PostgresReads(tx: tx); return try r.children(bits: r.needBits(), rows: .all).values }
    }

    public func child(id: String) throws -> Child? {
        try read { tx in let r = PostgresReads(tx: tx); return try r.child(id, bits: r.needBits()) }
    }

    public func placements() throws -> [Placement] { try read { tx in try PostgresReads(tx: tx).placements(rows: .all).values } }
    public func placements(childID: String) throws -> [Placement] { try read { tx in try PostgresReads(tx: tx).placements(childID: childID) } }
    public func notices() throws -> [ProviderNotice] { try read { tx in try PostgresReads(tx: tx).notices() } }
    public func contacts() throws -> [Contact] { try read { tx in try PostgresReads(tx: tx).contacts() } }
    public func contacts(childID: String) throws -> [Contact] { try read { tx in try PostgresReads(tx: tx).contacts(childID: childID) } }
}

extension PostgresStore {
    /// As SQLite's (`IDSpelling.swift`): the exact id, else the one id equal to it ignoring ASCII case.
    public func storedID(_ typed: String, of kind: NamedRecord) throws -> String {
        try read { tx in
            if try tx.one(String.self, "SELECT id FROM \(kind.rawValue) WHERE id = $1", [typed]) != nil { return typed }
            let found = try tx.rows("SELECT id FROM \(kind.rawValue) WHERE lower(id) = lower($1) LIMIT 2", [typed])
            return found.count == 1 ? found[0][0] : typed
        }
    }

    public func stamps(of table: StampedTable) throws -> [String: RecordStamp] {
        try read { tx in
            var found: [String: RecordStamp] = [:]
            for row in try tx.rows("SELECT id, version, updated_by, updated_at FROM \(table.rawValue)") {
                found[row["id"]] = try PlacementDatabase.stamp(from: row, table: table)
            }
            return found
        }
    }

    public func stamp(of table: StampedTable, id: String) throws -> RecordStamp? {
        try read { tx in try PostgresWorkflow(tx: tx).stamp(of: table, id: id) }
    }
}

extension PostgresStore {
    /// As SQLite's (`Summary.swift`): open vacancies per authority (the bed's own postcode's, else its provider's)
    /// and setting.
    public func openVacancyCounts() throws -> [(authorityCode: String, setting: Setting, count: Int)] {
        try read { tx in
            let rows = try tx.rows("""
                SELECT COALESCE(pc.authority_code, p.authority_code) AS authority_code, v.setting, COUNT(*) AS n
                FROM vacancies v
                JOIN providers p ON p.id = v.provider_id
                LEFT JOIN postcodes pc ON pc.postcode = v.postcode
                WHERE v.status = 'open'
                GROUP BY 1, 2
                ORDER BY COALESCE(pc.authority_code, p.authority_code) COLLATE "C", v.setting COLLATE "C"
                """)
            return try rows.map { row in
                let r = RowReader(row: row, table: "vacancies")
                return (authorityCode: try r.value("authority_code"), setting: try r.code("setting"), count: try r.value("n"))
            }
        }
    }
}
