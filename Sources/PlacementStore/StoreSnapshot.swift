import Foundation
import GRDB
import PlacementCore
import Synchronization

/// Everything the dashboard shows, as of ONE moment: records, each vacancy's and child's version (what a
/// later write checks for "changed by … — reload") and the tables' change counters all describe the same
/// commit, so a colleague's commit can never fall between the data and the versions. On SQLite it is read in
/// two read transactions at once that are joined only when they saw the same commit (`snapshotInHalves`),
/// else in one.
///
/// Read with `since:` a previous snapshot's `tableVersions`, a table that has not changed since is not read
/// again: its fields are nil and the caller keeps what it had. A large table a commit changed in a few rows is
/// read as those rows only (`changedRowsOnly`, the row log of schema v13); `laidOver` puts them in place.
public struct StoreSnapshot: Sendable {
    /// Per-table change counters (schema v4 triggers) at the moment of the read.
    public var tableVersions: [String: Int]
    public var children: [Child]?
    public var providers: [Provider]?
    public var vacancies: [Vacancy]?
    public var placements: [Placement]?
    public var notices: [ProviderNotice]?
    public var contacts: [Contact]?
    /// Record versions (1 until a workflow write changes the record), with `vacancies` / `children`.
    public var vacancyVersions: [String: Int]?
    public var childVersions: [String: Int]?
    /// Vacancy id → ONS code of the authority the bed is in, as located when written (the provider's recorded
    /// authority when it could not be located); with `vacancies`.
    public var bedAuthority: [String: String]?
    /// The login reads no child's record (a commissioner on a regional server: `ReaderScope.aggregates`), so
    /// the empty children, placements and calls say nothing about the store.
    public var childRecordsHidden = false
    /// Read by `currentSnapshot`: filled and withdrawn beds and placements ended before its day are not here.
    public var historyDeferred = false
    /// Tables read as their rows changed since `since` only, each with the ids changed that are no longer
    /// there: `vacancies` (and its versions and authorities), `placements` or `children` hold just those rows.
    public var changedRowsOnly: [String: Set<String>] = [:]

    public init(tableVersions: [String: Int], children: [Child]? = nil, providers: [Provider]? = nil,
                vacancies: [Vacancy]? = nil, placements: [Placement]? = nil, notices: [ProviderNotice]? = nil,
                contacts: [Contact]? = nil, vacancyVersions: [String: Int]? = nil, childVersions: [String: Int]? = nil,
                bedAuthority: [String: String]? = nil) {
        self.tableVersions = tableVersions
        self.children = children
        self.providers = providers
        self.vacancies = vacancies
        self.placements = placements
        self.notices = notices
        self.contacts = contacts
        self.vacancyVersions = vacancyVersions
        self.childVersions = childVersions
        self.bedAuthority = bedAuthority
    }

    /// The tables a snapshot reads.
    public static let tables = ["children", "providers", "vacancies", "placements", "notices", "contacts"]

    /// Whether `table` was read in this snapshot.
    public func reread(_ table: String) -> Bool {
        switch table {
        case "children": children != nil
        case "providers": providers != nil
        case "vacancies": vacancies != nil
        case "placements": placements != nil
        case "notices": notices != nil
        case "contacts": contacts != nil
        default: false
        }
    }
}

extension PlacementDatabase {
    /// The change counters first, then every table whose counter differs from `since` (all of them when
    /// `since` is nil), as of one commit: in two halves at once when they agree, else in one read transaction.
    public func snapshot(since previous: [String: Int]? = nil) throws -> StoreSnapshot {
        try snapshot(since: previous, history: .whole)
    }

    /// Without the history: at 50,000 beds about two in five are filled or withdrawn and a quarter of the
    /// placements ended over a year ago, none of it on the first screen.
    public func currentSnapshot(historyFrom: Day) throws -> StoreSnapshot {
        try snapshot(since: nil, history: .leaveOut(from: historyFrom))
    }

    /// After `currentSnapshot(historyFrom:)`: the rows it left out, and what changed since `since`.
    public func historySnapshot(since previous: [String: Int], historyFrom: Day) throws -> StoreSnapshot {
        try snapshot(since: previous, history: .complete(from: historyFrom))
    }

    private func snapshot(since previous: [String: Int]?, history: HistoryRead) throws -> StoreSnapshot {
        if let joined = try snapshotInHalves(since: previous, history: history) { return joined }
        return try read { db in try StoreSnapshot.read(since: previous, history: history, from: SQLiteReads(db: db)) }
    }

    /// Two read transactions side by side on two connections, each reading the change counters first, then
    /// taking the next unread part of the snapshot, the costliest first by the tables' sizes, until none is
    /// left, so neither waits on the other's share. Every commit to these tables moves a counter in the same
    /// transaction (schema v4's triggers), so two transactions that saw the same counters saw the same commit,
    /// and their parts are one snapshot; when a commit fell between their starts, nil.
    func snapshotInHalves(since previous: [String: Int]?, history: HistoryRead = .whole) throws -> StoreSnapshot? {
        let rows = try read { db in try Self.rowEstimates(in: db) }
        let queue = Mutex(StoreSnapshot.Part.costliestFirst(rows: rows)[...])
        let halves = Mutex<[Result<StoreSnapshot, any Error>?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let result = Result {
                try read { db in
                    try StoreSnapshot.read(since: previous, history: history, from: SQLiteReads(db: db),
                                           next: { queue.withLock { $0.popFirst() } })
                }
            }
            halves.withLock { $0[half] = result }
        }
        let results = halves.withLock { $0 }
        return StoreSnapshot.joined(try results[0]!.get(), try results[1]!.get())
    }

    /// Each table's highest rowid: its row count, near enough to share out the reading, at the cost of one
    /// index lookup each.
    static func rowEstimates(in db: Database) throws -> [String: Int] {
        var rows: [String: Int] = [:]
        for table in StoreSnapshot.Part.allCases.flatMap(\.tables) {
            rows[table] = try Int.fetchOne(db, sql: "SELECT max(rowid) FROM \(table)") ?? 0
        }
        return rows
    }

    static func tableVersions(in db: Database) throws -> [String: Int] {
        var versions: [String: Int] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT name, version FROM table_versions") { versions[row[0]] = row[1] }
        // A schema change (a repair, another build's migration) invalidates every table read before it.
        versions[schemaKey] = try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0
        return versions
    }

    static let schemaKey = "sqlite_schema"

    /// `afterRead` runs after each table is read (tests commit from another connection there).
    static func snapshot(since previous: [String: Int]?, in db: Database,
                         afterRead: (String) throws -> Void = { _ in }) throws -> StoreSnapshot {
        try StoreSnapshot.read(since: previous, from: SQLiteReads(db: db), afterRead: afterRead)
    }
}

extension StoreSnapshot {
    /// The parts a snapshot is read in; two readers share them out (`snapshotInHalves`).
    enum Part: CaseIterable, Sendable {
        case placements, children, beds, contacts, notices

        /// The tables the part reads: the beds are the vacancies with their providers (which locate them).
        var tables: [String] {
            switch self {
            case .placements: ["placements"]
            case .children: ["children"]
            case .beds: ["providers", "vacancies"]
            case .contacts: ["contacts"]
            case .notices: ["notices"]
            }
        }

        /// Microseconds to read one row of each table (release build, 5,000 vacancies and 7,000 children):
        /// children carry needs and constraints, contacts are short.
        private static let microsecondsPerRow: [String: Double] = [
            "placements": 3.0, "children": 3.9, "providers": 3.0, "vacancies": 2.8, "contacts": 1.7, "notices": 1.5,
        ]

        /// Every part, the costliest first by `rows` per table: two readers taking them in this order finish
        /// close together (largest first is within a third of the best split).
        static func costliestFirst(rows: [String: Int]) -> [Part] {
            func cost(_ part: Part) -> Double {
                part.tables.reduce(0) { $0 + Double(rows[$1] ?? 0) * (microsecondsPerRow[$1] ?? 1) }
            }
            return allCases.sorted { cost($0) > cost($1) }
        }
    }

    /// Two halves as one snapshot, when they were read at the same counters (the same commit); else nil.
    static func joined(_ a: StoreSnapshot, _ b: StoreSnapshot) -> StoreSnapshot? {
        guard a.tableVersions == b.tableVersions else { return nil }
        var both = a
        both.children = a.children ?? b.children
        both.providers = a.providers ?? b.providers
        both.vacancies = a.vacancies ?? b.vacancies
        both.placements = a.placements ?? b.placements
        both.notices = a.notices ?? b.notices
        both.contacts = a.contacts ?? b.contacts
        both.vacancyVersions = a.vacancyVersions ?? b.vacancyVersions
        both.childVersions = a.childVersions ?? b.childVersions
        both.bedAuthority = a.bedAuthority ?? b.bedAuthority
        both.changedRowsOnly.merge(b.changedRowsOnly) { mine, _ in mine }
        return both
    }

    /// The change counters first, then each part `next` hands out (every part in turn by default; it is asked
    /// when the last is read) that has a table whose counter differs from `previous` (all when nil); `source`
    /// must read inside one transaction for the result to describe one moment. A changed table the row log
    /// covers is read as its changed rows (`changedRowsOnly`); `history` says what the held snapshot left out.
    static func read(since previous: [String: Int]?, history: HistoryRead = .whole, from source: some SnapshotReading,
                     afterRead: (String) throws -> Void = { _ in },
                     next: () -> Part? = sequentially(Part.allCases)) throws -> StoreSnapshot {
        let versions = try source.tableVersions()
        let schemaKey = PlacementDatabase.schemaKey
        let sameSchema = previous?[schemaKey] == versions[schemaKey]
        func changed(_ table: String) -> Bool {
            if history.owedFrom != nil, table == "vacancies" || table == "placements" { return true }
            return !sameSchema || previous?[table] == nil || previous?[table] != versions[table]
        }
        var snapshot = StoreSnapshot(tableVersions: versions)
        if case .leaveOut = history { snapshot.historyDeferred = true }
        // Which of a changed table's rows to read; with the ids logged, those rows only.
        func selection(_ table: String) throws -> (rows: RowSelection, logged: [String]?) {
            if case .leaveOut(let day) = history { return (.current(historyFrom: day), nil) }
            guard sameSchema, let since = previous.flatMap({ source.rowLogSince(table, previous: $0) }),
                  let logged = try source.loggedIDs(table, since: since) else {
                return (.all, nil)
            }
            return (.logged(since: since, history: history.owedFrom), logged)
        }
        // The ids logged that the read did not find: rows gone, or no longer the reader's to see.
        func noteRemoved(_ table: String, logged: [String]?, read ids: some Sequence<String>) {
            guard let logged else { return }
            snapshot.changedRowsOnly[table] = Set(logged).subtracting(ids)
        }
        let bits = try source.needBits()
        while let part = next() {
            guard part.tables.contains(where: changed) else { continue }
            switch part {
            case .placements:
                let (rows, logged) = try selection("placements")
                snapshot.placements = try source.placements(rows: rows).values
                noteRemoved("placements", logged: logged, read: snapshot.placements!.lazy.map(\.id))
            case .children:
                let (selected, logged) = try selection("children")
                let rows = try source.children(bits: bits, rows: selected)
                snapshot.children = rows.values
                snapshot.childVersions = Dictionary(zip(rows.values.lazy.map(\.id), rows.versions)) { first, _ in first }
                noteRemoved("children", logged: logged, read: rows.values.lazy.map(\.id))
            case .beds:
                // Providers are read with the vacancies whichever changed: they locate the beds.
                snapshot.providers = try source.providers(bits: bits).values
                try afterRead("providers")
                guard changed("vacancies") else { continue }
                let (selected, logged) = try selection("vacancies")
                let rows = try source.vacancies(bits: bits, rows: selected)
                readBeds(rows, into: &snapshot)
                noteRemoved("vacancies", logged: logged, read: rows.values.lazy.map(\.id))
            case .contacts:
                snapshot.contacts = try source.contacts()
            case .notices:
                snapshot.notices = try source.notices()
            }
            try afterRead(part.tables.last!)
        }
        return snapshot
    }

    /// A source of parts that hands out `parts` in order, then nil.
    static func sequentially(_ parts: [Part]) -> () -> Part? {
        var rest = parts[...]
        return { rest.popFirst() }
    }

    private static func readBeds(_ rows: Fetched<Vacancy>, into snapshot: inout StoreSnapshot) {
        let providerAuthority = Dictionary((snapshot.providers ?? []).map { ($0.id, $0.authorityCode) }) { first, _ in first }
        snapshot.vacancies = rows.values
        var versions: [String: Int] = [:], authority: [String: String] = [:]
        versions.reserveCapacity(rows.values.count)
        authority.reserveCapacity(rows.values.count)
        for (i, vacancy) in rows.values.enumerated() {
            versions[vacancy.id] = rows.versions[i]
            if let located = rows.locations[i]?.authorityCode ?? providerAuthority[vacancy.providerID] {
                authority[vacancy.id] = located
            }
        }
        snapshot.vacancyVersions = versions
        snapshot.bedAuthority = authority
    }
}
