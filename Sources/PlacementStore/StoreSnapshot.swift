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
/// again: its fields are nil and the caller keeps what it had.
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
        try snapshot(since: previous, historyFrom: nil)
    }

    /// Without the history: at 50,000 beds about two in five are filled or withdrawn and a quarter of the
    /// placements ended over a year ago, none of it on the first screen.
    public func currentSnapshot(historyFrom: Day) throws -> StoreSnapshot {
        try snapshot(since: nil, historyFrom: historyFrom)
    }

    private func snapshot(since previous: [String: Int]?, historyFrom: Day?) throws -> StoreSnapshot {
        if let joined = try snapshotInHalves(since: previous, historyFrom: historyFrom) { return joined }
        return try read { db in try StoreSnapshot.read(since: previous, from: SQLiteReads(db: db, historyFrom: historyFrom)) }
    }

    /// Two read transactions side by side on two connections, each reading the change counters first, then
    /// taking the next unread part of the snapshot, the costliest first by the tables' sizes, until none is
    /// left, so neither waits on the other's share. Every commit to these tables moves a counter in the same
    /// transaction (schema v4's triggers), so two transactions that saw the same counters saw the same commit,
    /// and their parts are one snapshot; when a commit fell between their starts, nil.
    func snapshotInHalves(since previous: [String: Int]?, historyFrom: Day? = nil) throws -> StoreSnapshot? {
        let rows = try read { db in try Self.rowEstimates(in: db) }
        let queue = Mutex(StoreSnapshot.Part.costliestFirst(rows: rows)[...])
        let halves = Mutex<[Result<StoreSnapshot, any Error>?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let result = Result {
                try read { db in
                    try StoreSnapshot.read(since: previous, from: SQLiteReads(db: db, historyFrom: historyFrom),
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

/// The reads a snapshot makes, inside one read transaction of either backend.
protocol SnapshotReading {
    func tableVersions() throws -> [String: Int]
    func needBits() throws -> NeedBits
    func providers(bits: NeedBits) throws -> Fetched<Provider>
    func vacancies(bits: NeedBits) throws -> Fetched<Vacancy>
    func children(bits: NeedBits) throws -> Fetched<Child>
    func placements() throws -> Fetched<Placement>
    func notices() throws -> [ProviderNotice]
    func contacts() throws -> [Contact]
    /// Set for `currentSnapshot`: only beds open or held (`liveBeds`), and placements running or ended on
    /// or after this day (`recentPlacements`); the snapshot says its history is deferred.
    var historyFrom: Day? { get }
}

extension SnapshotReading {
    var historyFrom: Day? { nil }
}

/// The SQL of the two filters `historyFrom` applies, one text for both backends (`placeholder`: `?` or `$1`).
enum HistoryFilter {
    static let liveBeds = " WHERE status IN ('open', 'held')"
    static func recentPlacements(_ placeholder: String) -> String { " WHERE actual_end_day IS NULL OR actual_end_day >= \(placeholder)" }
}

struct SQLiteReads: SnapshotReading {
    let db: Database
    var historyFrom: Day? = nil
    func tableVersions() throws -> [String: Int] { try PlacementDatabase.tableVersions(in: db) }
    func needBits() throws -> NeedBits { try NeedBits.load(db) }
    func providers(bits: NeedBits) throws -> Fetched<Provider> { try PlacementDatabase.providers(in: db, bits: bits) }
    func vacancies(bits: NeedBits) throws -> Fetched<Vacancy> {
        try PlacementDatabase.vacancies(in: db, where: historyFrom == nil ? "" : HistoryFilter.liveBeds, bits: bits)
    }
    func children(bits: NeedBits) throws -> Fetched<Child> { try PlacementDatabase.children(in: db, bits: bits) }
    func placements() throws -> Fetched<Placement> {
        guard let historyFrom else { return try PlacementDatabase.placements(in: db) }
        return try PlacementDatabase.placements(in: db, where: HistoryFilter.recentPlacements("?"), [historyFrom.daysSinceEpoch])
    }
    func notices() throws -> [ProviderNotice] { try PlacementDatabase.notices(in: db) }
    func contacts() throws -> [Contact] { try PlacementDatabase.contacts(in: db) }
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
        return both
    }

    /// The change counters first, then each part `next` hands out (every part in turn by default; it is asked
    /// when the last is read) that has a table whose counter differs from `previous` (all when nil); `source`
    /// must read inside one transaction for the result to describe one moment.
    static func read(since previous: [String: Int]?, from source: some SnapshotReading,
                     afterRead: (String) throws -> Void = { _ in },
                     next: () -> Part? = sequentially(Part.allCases)) throws -> StoreSnapshot {
        let versions = try source.tableVersions()
        let schemaKey = PlacementDatabase.schemaKey
        let sameSchema = previous?[schemaKey] == versions[schemaKey]
        func changed(_ table: String) -> Bool {
            !sameSchema || previous?[table] == nil || previous?[table] != versions[table]
        }
        var snapshot = StoreSnapshot(tableVersions: versions)
        snapshot.historyDeferred = source.historyFrom != nil
        let bits = try source.needBits()
        while let part = next() {
            guard part.tables.contains(where: changed) else { continue }
            switch part {
            case .placements:
                snapshot.placements = try source.placements().values
            case .children:
                let rows = try source.children(bits: bits)
                snapshot.children = rows.values
                snapshot.childVersions = Dictionary(zip(rows.values.lazy.map(\.id), rows.versions)) { first, _ in first }
            case .beds:
                // Providers are read with the vacancies whichever changed: they locate the beds.
                snapshot.providers = try source.providers(bits: bits).values
                try afterRead("providers")
                guard changed("vacancies") else { continue }
                readBeds(try source.vacancies(bits: bits), into: &snapshot)
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
