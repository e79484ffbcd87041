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

    static func vacancies(in db: Database, where filter: String = "", _ arguments: StatementArguments = [],
                          bits: NeedBits? = nil) throws -> [(vacancy: Vacancy, version: Int, location: GeoLocation?)] {
        let decoder = VacancyRow.Decoder(bits: try bits ?? NeedBits.load(db))
        return try all(db, VacancyRow.select + filter + " ORDER BY provider_id, id", arguments, decoder.decode)
    }

    static func children(in db: Database, where filter: String = "", _ arguments: StatementArguments = [],
                         bits: NeedBits? = nil) throws -> [(child: Child, version: Int, home: GeoLocation?)] {
        let decoder = ChildRow.Decoder(bits: try bits ?? NeedBits.load(db))
        return try all(db, ChildRow.select + filter + " ORDER BY id", arguments, decoder.decode)
    }

    static func placements(in db: Database) throws -> [(placement: Placement, version: Int)] {
        try all(db, PlacementRow.select + " ORDER BY child_id, start_day, id", [], PlacementRow.decode)
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
