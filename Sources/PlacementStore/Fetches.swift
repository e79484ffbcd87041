import GRDB
import PlacementCore

/// Reads of whole records, in a stable order so screens and exports do not shuffle between runs.
/// Each table has one read (its `…Row.select` with an order), shared by these calls, the snapshot and
/// the workflow's reads inside write transactions.
extension PlacementDatabase {
    public func providers() throws -> [Provider] { try read { db in try Self.providers(in: db).map(\.provider) } }
    public func vacancies() throws -> [Vacancy] { try read { db in try Self.vacancies(in: db).map(\.vacancy) } }
    public func children() throws -> [Child] { try read { db in try Self.children(in: db).map(\.child) } }
    public func child(id: String) throws -> Child? { try read { db in try Self.child(id, in: db) } }
    public func placements() throws -> [Placement] { try read { db in try Self.placements(in: db).map(\.placement) } }

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

    static func providers(in db: Database, where filter: String = "", _ arguments: StatementArguments = [],
                          bits: NeedBits? = nil) throws -> [(provider: Provider, location: GeoLocation?)] {
        let decoder = ProviderRow.Decoder(bits: try bits ?? NeedBits.load(db))
        return try all(db, ProviderRow.select + filter + " ORDER BY name, id", arguments, decoder.decode)
    }

    // Whole tables are read in storage order and put in order here: an ORDER BY on a text key walks its index
    // and looks every row up again (a third of the read). Ids are compared as bytes, as SQLite's BINARY does.

    static func vacancies(in db: Database, where filter: String = "", _ arguments: StatementArguments = [],
                          bits: NeedBits? = nil) throws -> [(vacancy: Vacancy, version: Int, location: GeoLocation?)] {
        let decoder = VacancyRow.Decoder(bits: try bits ?? NeedBits.load(db))
        return inOrder(try all(db, VacancyRow.select + filter, arguments, decoder.decode)) {
            Bytes.before(($0.vacancy.providerID, $0.vacancy.id), ($1.vacancy.providerID, $1.vacancy.id))
        }
    }

    static func children(in db: Database, where filter: String = "", _ arguments: StatementArguments = [],
                         bits: NeedBits? = nil) throws -> [(child: Child, version: Int, home: GeoLocation?)] {
        let decoder = ChildRow.Decoder(bits: try bits ?? NeedBits.load(db))
        return inOrder(try all(db, ChildRow.select + filter, arguments, decoder.decode)) { Bytes.before($0.child.id, $1.child.id) }
    }

    static func placements(in db: Database) throws -> [(placement: Placement, version: Int)] {
        inOrder(try all(db, PlacementRow.select, [], PlacementRow.decode)) { a, b in
            let (x, y) = (a.placement, b.placement)
            if x.childID != y.childID { return Bytes.before(x.childID, y.childID) }
            if x.start != y.start { return x.start < y.start }
            return Bytes.before(x.id, y.id)
        }
    }

    /// `rows` sorted by `before`, untouched when already in order (rows usually arrive in id order).
    static func inOrder<T>(_ rows: [T], by before: (T, T) -> Bool) -> [T] {
        var sorted = true
        for i in rows.indices.dropFirst() where before(rows[i], rows[i - 1]) {
            sorted = false
            break
        }
        if sorted { return rows }
        // Sort positions, not the (large) records, then gather once.
        let order = rows.indices.sorted { before(rows[$0], rows[$1]) }
        return order.map { rows[$0] }
    }

    static func notices(in db: Database) throws -> [ProviderNotice] {
        try all(db, NoticeRow.select + " ORDER BY received_at DESC, id", [], NoticeRow.decode)
    }

    static func contacts(in db: Database) throws -> [Contact] {
        try all(db, ContactRow.select + " ORDER BY at, id", [], ContactRow.decode)
    }

    static func provider(_ id: String, in db: Database) throws -> Provider? {
        try providers(in: db, where: " WHERE id = ?", [id]).first?.provider
    }

    static func child(_ id: String, in db: Database) throws -> Child? {
        try children(in: db, where: " WHERE id = ?", [id]).first?.child
    }

    static func vacancy(_ id: String, in db: Database) throws -> Vacancy? {
        try vacancies(in: db, where: " WHERE id = ?", [id]).first?.vacancy
    }

    static func placements(childID: String, in db: Database) throws -> [Placement] {
        try all(db, PlacementRow.select + " WHERE child_id = ? ORDER BY start_day, id", [childID], PlacementRow.decode).map(\.placement)
    }
}

/// Byte-wise string order (SQLite's BINARY collation), not Unicode order.
enum Bytes {
    static func before(_ a: String, _ b: String) -> Bool { a.utf8.lexicographicallyPrecedes(b.utf8) }

    static func before(_ a: (String, String), _ b: (String, String)) -> Bool {
        a.0 == b.0 ? before(a.1, b.1) : before(a.0, b.0)
    }
}
