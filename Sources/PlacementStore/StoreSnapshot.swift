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
        if let joined = try snapshotInHalves(since: previous) { return joined }
        return try read { db in try Self.snapshot(since: previous, in: db) }
    }

    /// Two read transactions side by side on two connections: the beds and the workflow lists (providers,
    /// vacancies, notices, calls) in one, the people (children and placements) in the other, about half the
    /// work each. Each reads the change counters first. Every commit to these tables moves a counter in the
    /// same transaction (schema v4's triggers), so two transactions that saw the same counters saw the same
    /// commit, and their halves are one snapshot; when a commit fell between their starts, nil.
    func snapshotInHalves(since previous: [String: Int]?) throws -> StoreSnapshot? {
        let halves = Mutex<[Result<StoreSnapshot, any Error>?]>([nil, nil])
        DispatchQueue.concurrentPerform(iterations: 2) { half in
            let result = Result {
                try read { db in
                    try StoreSnapshot.read(since: previous, from: SQLiteReads(db: db),
                                           including: { StoreSnapshot.isPeopleTable($0) == (half == 1) })
                }
            }
            halves.withLock { $0[half] = result }
        }
        let results = halves.withLock { $0 }
        return StoreSnapshot.joined(try results[0]!.get(), try results[1]!.get())
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
}

struct SQLiteReads: SnapshotReading {
    let db: Database
    func tableVersions() throws -> [String: Int] { try PlacementDatabase.tableVersions(in: db) }
    func needBits() throws -> NeedBits { try NeedBits.load(db) }
    func providers(bits: NeedBits) throws -> Fetched<Provider> { try PlacementDatabase.providers(in: db, bits: bits) }
    func vacancies(bits: NeedBits) throws -> Fetched<Vacancy> { try PlacementDatabase.vacancies(in: db, bits: bits) }
    func children(bits: NeedBits) throws -> Fetched<Child> { try PlacementDatabase.children(in: db, bits: bits) }
    func placements() throws -> Fetched<Placement> { try PlacementDatabase.placements(in: db) }
    func notices() throws -> [ProviderNotice] { try PlacementDatabase.notices(in: db) }
    func contacts() throws -> [Contact] { try PlacementDatabase.contacts(in: db) }
}

extension StoreSnapshot {
    /// The tables the people half of `snapshotInHalves` reads.
    static func isPeopleTable(_ table: String) -> Bool { table == "children" || table == "placements" }

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

    /// The change counters first, then every table whose counter differs from `previous` (all when nil) and
    /// that `including` names (every table by default); `source` must read inside one transaction for the
    /// result to describe one moment.
    static func read(since previous: [String: Int]?, from source: some SnapshotReading,
                     afterRead: (String) throws -> Void = { _ in },
                     including: (String) -> Bool = { _ in true }) throws -> StoreSnapshot {
        let versions = try source.tableVersions()
        let schemaKey = PlacementDatabase.schemaKey
        let sameSchema = previous?[schemaKey] == versions[schemaKey]
        func changed(_ table: String) -> Bool {
            including(table) && (!sameSchema || previous?[table] == nil || previous?[table] != versions[table])
        }
        var snapshot = StoreSnapshot(tableVersions: versions)
        let bits = try source.needBits()
        // Providers are needed for bed authorities when vacancies are read; read them then too.
        if changed("providers") || changed("vacancies") {
            snapshot.providers = try source.providers(bits: bits).values
            try afterRead("providers")
        }
        if changed("vacancies") {
            let rows = try source.vacancies(bits: bits)
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
            try afterRead("vacancies")
        }
        if changed("children") {
            let rows = try source.children(bits: bits)
            snapshot.children = rows.values
            snapshot.childVersions = Dictionary(zip(rows.values.lazy.map(\.id), rows.versions)) { first, _ in first }
            try afterRead("children")
        }
        if changed("placements") {
            snapshot.placements = try source.placements().values
            try afterRead("placements")
        }
        if changed("notices") {
            snapshot.notices = try source.notices()
            try afterRead("notices")
        }
        if changed("contacts") { snapshot.contacts = try source.contacts() }
        return snapshot
    }
}
