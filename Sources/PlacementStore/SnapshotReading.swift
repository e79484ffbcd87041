import GRDB
import PlacementCore

/// The reads a snapshot makes, inside one read transaction of either backend.
protocol SnapshotReading {
    func tableVersions() throws -> [String: Int]
    func needBits() throws -> NeedBits
    func providers(bits: NeedBits) throws -> Fetched<Provider>
    func vacancies(bits: NeedBits, rows: RowSelection) throws -> Fetched<Vacancy>
    func children(bits: NeedBits, rows: RowSelection) throws -> Fetched<Child>
    func placements(rows: RowSelection) throws -> Fetched<Placement>
    func notices() throws -> [ProviderNotice]
    func contacts() throws -> [Contact]
    /// The ids of `table`'s rows changed at `version` or later (the row log, schema v13 and pg17); nil when
    /// the store keeps no row log, or when so many changed that reading the whole table is as quick.
    func loggedIDs(_ table: String, since version: Int) throws -> [String]?
    /// Where the row log of `table` starts for a reader that holds a snapshot read at `previous`: SQLite's
    /// logs the table's change counter, PostgreSQL's a transaction id (`PostgresRowLog`).
    func rowLogSince(_ table: String, previous: [String: Int]) -> Int?
}

extension SnapshotReading {
    func loggedIDs(_ table: String, since version: Int) throws -> [String]? { nil }
    func rowLogSince(_ table: String, previous: [String: Int]) -> Int? { previous[table] }
}

/// How the snapshot a caller holds relates to the history (`PlacementStoring.currentSnapshot`).
enum HistoryRead: Equatable {
    /// Nothing left out, nothing owed.
    case whole
    /// A launch's first read: leave out filled and withdrawn beds and placements ended before the day.
    case leaveOut(from: Day)
    /// The held snapshot left that out (`leaveOut`): read it now, with whatever changed since.
    case complete(from: Day)

    /// The day before which the held snapshot lacks the history this read brings (`complete`).
    var owedFrom: Day? {
        guard case .complete(let day) = self else { return nil }
        return day
    }
}

/// Which rows of a table a snapshot reads. The two cuts are one SQL text for both backends.
enum RowSelection: Equatable {
    case all
    /// The first screen's rows: beds open or held, placements running or ended on or after the day.
    case current(historyFrom: Day)
    /// Rows the row log lists at counter `since` or later; with `history`, also the rows `current` leaves out.
    case logged(since: Int, history: Day?)

    /// The WHERE clause for `table` and its values; `placeholder(n)` spells the n-th (`?` or `$n`).
    func filter(_ table: String, placeholder: (Int) -> String) -> (sql: String, values: [Int]) {
        switch self {
        case .all:
            return ("", [])
        case .current(let day):
            guard let (cut, values) = Self.cut(table, day, placeholder(1)) else { return ("", []) }
            return (" WHERE " + cut, values)
        case .logged(let since, let history):
            let logged = "id IN (SELECT id FROM row_log WHERE tbl = '\(table)' AND version >= \(placeholder(1)))"
            guard let history, let (cut, values) = Self.cut(table, history, placeholder(2)) else { return (" WHERE " + logged, [since]) }
            return (" WHERE \(logged) OR NOT \(cut)", [since] + values)
        }
    }

    /// The rows the first screen needs, where a table has a history to leave out.
    private static func cut(_ table: String, _ day: Day, _ placeholder: String) -> (String, [Int])? {
        switch table {
        case "vacancies": ("(status IN ('open', 'held'))", [])
        case "placements": ("(actual_end_day IS NULL OR actual_end_day >= \(placeholder))", [day.daysSinceEpoch])
        default: nil
        }
    }
}

struct SQLiteReads: SnapshotReading {
    let db: Database
    func tableVersions() throws -> [String: Int] { try PlacementDatabase.tableVersions(in: db) }
    func needBits() throws -> NeedBits { try NeedBits.load(db) }
    func providers(bits: NeedBits) throws -> Fetched<Provider> { try PlacementDatabase.providers(in: db, bits: bits) }

    func vacancies(bits: NeedBits, rows: RowSelection) throws -> Fetched<Vacancy> {
        let (sql, values) = filter("vacancies", rows)
        return try PlacementDatabase.vacancies(in: db, where: sql, values, bits: bits)
    }

    func children(bits: NeedBits, rows: RowSelection) throws -> Fetched<Child> {
        let (sql, values) = filter("children", rows)
        return try PlacementDatabase.children(in: db, where: sql, values, bits: bits)
    }

    func placements(rows: RowSelection) throws -> Fetched<Placement> {
        let (sql, values) = filter("placements", rows)
        return try PlacementDatabase.placements(in: db, where: sql, values)
    }

    func notices() throws -> [ProviderNotice] { try PlacementDatabase.notices(in: db) }
    func contacts() throws -> [Contact] { try PlacementDatabase.contacts(in: db) }

    /// nil past a quarter of the table (its highest rowid, near enough its size) and 64 rows: one pass over
    /// the table then costs about what looking each row up by id does.
    func loggedIDs(_ table: String, since version: Int) throws -> [String]? {
        let most = max(64, (try Int.fetchOne(db, sql: "SELECT max(rowid) FROM \(table)") ?? 0) / 4)
        let logged = try String.fetchAll(db, sql: "SELECT id FROM row_log WHERE tbl = ? AND version >= ? LIMIT ?",
                                         arguments: [table, version, most + 1])
        return logged.count > most ? nil : logged
    }

    private func filter(_ table: String, _ rows: RowSelection) -> (String, StatementArguments) {
        let (sql, values) = rows.filter(table) { _ in "?" }
        return (sql, StatementArguments(values))
    }
}
