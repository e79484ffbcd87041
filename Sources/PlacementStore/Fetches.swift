import GRDB
import PlacementCore

/// Reads of whole records, in a stable order so screens and exports do not shuffle between runs.
/// Each table has one read (its `…Row.select` with an order), shared by these calls, the snapshot and
/// the workflow's reads inside write transactions.
extension PlacementDatabase {
    public func providers() throws -> [Provider] { try read { db in try Self.providers(in: db).values } }
    public func vacancies() throws -> [Vacancy] { try read { db in try Self.vacancies(in: db).values } }
    public func children() throws -> [Child] { try read { db in try Self.children(in: db).values } }
    public func child(id: String) throws -> Child? { try read { db in try Self.child(id, in: db) } }
    public func placements() throws -> [Placement] { try read { db in try Self.placements(in: db).values } }

    /// A child's placement history, oldest first.
    public func placements(childID: String) throws -> [Placement] { try read { db in try Self.placements(childID: childID, in: db) } }

    /// Provider notices, newest first.
    public func notices() throws -> [ProviderNotice] { try read { db in try Self.notices(in: db) } }

    /// All ring-round calls, in call order.
    public func contacts() throws -> [Contact] { try read { db in try Self.contacts(in: db) } }

    /// The ring-round for a child, in call order.
    public func contacts(childID: String) throws -> [Contact] {
        try read { db in try Self.all(db, ContactRow.select + " WHERE child_id = ? ORDER BY at, id", [childID], ContactRow.decode) }
    }

    // MARK: one read per table, inside any transaction

    static func all<T>(_ db: Database, _ sql: String, _ arguments: StatementArguments = [], _ decode: (Row) throws -> T) throws -> [T] {
        var found: [T] = []
        let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
        while let row = try rows.next() { found.append(try decode(row)) }
        return found
    }

    /// Each row of `sql` in turn, from a cursor (no table is held twice in memory).
    static func rows(_ db: Database, _ sql: String, _ arguments: StatementArguments = []) -> RowSource {
        { each in
            let rows = try Row.fetchCursor(db, sql: sql, arguments: arguments)
            while let row = try rows.next() { try each(row) }
        }
    }

    static func providers(in db: Database, where filter: String = "", _ arguments: StatementArguments = [],
                          bits: NeedBits? = nil) throws -> Fetched<Provider> {
        try TableDecoding.providers(rows(db, ProviderRow.select + filter + " ORDER BY name, id", arguments), bits: try bits ?? NeedBits.load(db))
    }

    static func vacancies(in db: Database, where filter: String = "", _ arguments: StatementArguments = [],
                          bits: NeedBits? = nil) throws -> Fetched<Vacancy> {
        try TableDecoding.vacancies(rows(db, VacancyRow.select + filter, arguments), bits: try bits ?? NeedBits.load(db))
    }

    static func children(in db: Database, where filter: String = "", _ arguments: StatementArguments = [],
                         bits: NeedBits? = nil) throws -> Fetched<Child> {
        try TableDecoding.children(rows(db, ChildRow.select + filter, arguments), bits: try bits ?? NeedBits.load(db))
    }

    static func placements(in db: Database, where filter: String = "", _ arguments: StatementArguments = []) throws -> Fetched<Placement> {
        try TableDecoding.placements(rows(db, PlacementRow.select + filter, arguments))
    }

    static func notices(in db: Database) throws -> [ProviderNotice] {
        try all(db, NoticeRow.select + " ORDER BY received_at DESC, id", [], NoticeRow.decode)
    }

    static func contacts(in db: Database) throws -> [Contact] {
        try all(db, ContactRow.select + " ORDER BY at, id", [], ContactRow.decode)
    }

    static func provider(_ id: String, in db: Database) throws -> Provider? {
        try providers(in: db, where: " WHERE id = ?", [id]).values.first
    }

    static func child(_ id: String, in db: Database) throws -> Child? {
        try children(in: db, where: " WHERE id = ?", [id]).values.first
    }

    static func vacancy(_ id: String, in db: Database) throws -> Vacancy? {
        try vacancies(in: db, where: " WHERE id = ?", [id]).values.first
    }

    static func placements(childID: String, in db: Database) throws -> [Placement] {
        try all(db, PlacementRow.select + " WHERE child_id = ? ORDER BY start_day, id", [childID]) { try PlacementRow.decode($0).placement }
    }
}

/// Rows handed one at a time to a decoder: a GRDB cursor on SQLite, a fetched result on PostgreSQL.
typealias RowSource = ((Row) throws -> Void) throws -> Void

/// Whole tables decoded from either backend's rows (each table's `…Row.select` columns), in the order every
/// reader sees them. Rows arrive in storage order and are put in order here: an ORDER BY on a text key walks
/// its index and looks every row up again (a third of SQLite's read). Ids compare as bytes (SQLite's BINARY).
enum TableDecoding {
    /// Providers come already ordered by name, id (the query's ORDER BY).
    static func providers(_ rows: RowSource, bits: NeedBits) throws -> Fetched<Provider> {
        let decoder = ProviderRow.Decoder(bits: bits)
        var fetched = Fetched<Provider>()
        try rows { row in
            let (provider, location) = try decoder.decode(row)
            fetched.append(provider, version: 0, location: location)
        }
        return fetched
    }

    static func vacancies(_ rows: RowSource, bits: NeedBits) throws -> Fetched<Vacancy> {
        let decoder = VacancyRow.Decoder(bits: bits)
        var fetched = Fetched<Vacancy>()
        try rows { row in
            let (vacancy, version, location) = try decoder.decode(row)
            fetched.append(vacancy, version: version, location: location)
        }
        // Providers compared by rank (a few thousand distinct ids sorted once), ids only within a provider.
        let providerIDs = Set(fetched.values.lazy.map(\.providerID)).sorted(by: Bytes.before)
        let rank = Dictionary(uniqueKeysWithValues: providerIDs.enumerated().map { ($1, $0) })
        return fetched.inOrder(key: { (rank[$0.providerID]!, $0.id) }) { a, b in a.0 != b.0 ? a.0 < b.0 : Bytes.before(a.1, b.1) }
    }

    static func children(_ rows: RowSource, bits: NeedBits) throws -> Fetched<Child> {
        let decoder = ChildRow.Decoder(bits: bits)
        var fetched = Fetched<Child>()
        try rows { row in
            let (child, version, home) = try decoder.decode(row)
            fetched.append(child, version: version, location: home)
        }
        return fetched.inOrder(key: \.id, before: Bytes.before)
    }

    static func placements(_ rows: RowSource) throws -> Fetched<Placement> {
        var fetched = Fetched<Placement>()
        try rows { row in
            let (placement, version) = try PlacementRow.decode(row)
            fetched.append(placement, version: version, location: nil)
        }
        return fetched.inOrder(key: TableOrder.placementKey, before: TableOrder.placementKeyBefore)
    }
}

/// Byte-wise string order (SQLite's BINARY collation), not Unicode order.
enum Bytes {
    static func before(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    static func before(_ a: (String, String), _ b: (String, String)) -> Bool {
        a.0 == b.0 ? before(a.1, b.1) : before(a.0, b.0)
    }
}

/// Records read from one table, with each row's version and stored location beside them (parallel arrays:
/// the records are never copied into and out of tuples).
struct Fetched<Value> {
    var values: [Value] = []
    var versions: [Int] = []
    var locations: [GeoLocation?] = []

    mutating func append(_ value: Value, version: Int, location: GeoLocation?) {
        values.append(value)
        versions.append(version)
        locations.append(location)
    }

    /// Sorted by `key`, untouched when already in order (rows usually arrive in id order). Keys are taken out
    /// once and positions sorted, so no record is copied while sorting.
    func inOrder<K>(key: (Value) -> K, before: (K, K) -> Bool) -> Fetched {
        let keys = values.map(key)
        var sorted = true
        for i in keys.indices.dropFirst() where before(keys[i], keys[i - 1]) {
            sorted = false
            break
        }
        if sorted { return self }
        let order = keys.indices.sorted { before(keys[$0], keys[$1]) }
        return Fetched(values: order.map { values[$0] }, versions: order.map { versions[$0] }, locations: order.map { locations[$0] })
    }
}
