import GRDB
import PlacementCore

/// Locates records as they are written (v4 stores the result): a bed at its own postcode or its provider's,
/// a provider at its postcode, a child at home; each falls back to its recorded authority as `PostcodeResolver`
/// does. The postcode directory rows are read once per write, in that write's transaction.
struct RecordLocator {
    let resolver: PostcodeResolver
    private var providerPlaces: [String: (postcode: String, authority: String)]

    /// Reads the directory rows for `postcodes` and the places of providers `batchProviders` lacks, as needed.
    init(postcodes: some Sequence<String>, providers batchProviders: [Provider] = [], in db: Database) throws {
        self.init(known: try Self.directoryRows(postcodes, in: db), providers: batchProviders)
    }

    /// From directory rows already read (`directoryRecord`), the batch's providers and stored providers' places.
    init(known: [String: PostcodeRecord], providers batchProviders: [Provider] = [],
         storedPlaces: [String: (postcode: String, authority: String)] = [:]) {
        resolver = PostcodeResolver(geography: .wales) { known[$0.value] }
        providerPlaces = storedPlaces
        for p in batchProviders where providerPlaces[p.id] == nil { providerPlaces[p.id] = (p.postcode, p.authorityCode) }
    }

    /// A bed whose provider's place was given at `init` (nil for any other).
    func bed(_ v: Vacancy) -> GeoLocation? {
        guard let place = providerPlaces[v.providerID] else { return nil }
        return resolver.locate(raw: v.postcode ?? place.postcode, fallbackAuthority: place.authority)
    }

    func provider(_ p: Provider) -> GeoLocation? { resolver.locate(raw: p.postcode, fallbackAuthority: p.authorityCode) }

    func home(_ c: Child) -> GeoLocation? { resolver.locate(raw: c.homePostcode, fallbackAuthority: c.placingAuthority) }

    /// A bed whose provider is neither in the batch nor in the store cannot be located (the insert then fails on
    /// its foreign key anyway).
    mutating func bed(_ v: Vacancy, in db: Database) throws -> GeoLocation? {
        guard let place = try providerPlace(v.providerID, in: db) else { return nil }
        return resolver.locate(raw: v.postcode ?? place.postcode, fallbackAuthority: place.authority)
    }

    private mutating func providerPlace(_ id: String, in db: Database) throws -> (postcode: String, authority: String)? {
        if let known = providerPlaces[id] { return known }
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT postcode, authority_code FROM providers WHERE id = ?"), arguments: [id]) else {
            return nil
        }
        let place = (postcode: row[0] as String, authority: row[1] as String)
        providerPlaces[id] = place
        return place
    }

    /// Postcodes a batch needs looked up: beds' own, providers', children's homes, and the stored provider's
    /// for a bed with no postcode of its own whose provider is not in the batch (else it would be located
    /// only roughly, by district, while `place` locates it exactly: the two would disagree on an avoid-area).
    static func postcodes(of batch: RecordBatch, in db: Database) throws -> [String] {
        try postcodes(of: batch) { id in
            try String.fetchOne(db.cachedStatement(sql: "SELECT postcode FROM providers WHERE id = ?"), arguments: [id])
        }
    }

    /// As above, with `storedPostcode` looking up a stored provider's postcode by id.
    static func postcodes(of batch: RecordBatch, storedPostcode: (String) throws -> String?) rethrows -> [String] {
        var stored: [String] = []
        for id in storedProvidersWithoutBedPostcode(batch) {
            if let postcode = try storedPostcode(id) { stored.append(postcode) }
        }
        return batch.vacancies.compactMap(\.postcode) + batch.providers.map(\.postcode) + batch.children.map(\.homePostcode) + stored
    }

    /// Stored providers (not in the batch) of the batch's beds that have no postcode of their own, sorted.
    static func storedProvidersWithoutBedPostcode(_ batch: RecordBatch) -> [String] {
        let inBatch = Set(batch.providers.map(\.id))
        return Set(batch.vacancies.filter { $0.postcode == nil && !inBatch.contains($0.providerID) }.map(\.providerID)).sorted()
    }

    /// Normalised postcodes to look up in the directory for these raw ones, sorted.
    static func wanted(_ raw: some Sequence<String>) -> [String] {
        Array(Set(raw.compactMap { Postcode($0)?.value })).sorted()
    }

    /// One directory row (postcode, latitude, longitude, authority_code), keyed by its normalised postcode.
    static func directoryRecord(_ row: Row) -> (String, PostcodeRecord)? {
        let text: String = row[0]
        guard let code = Postcode(text) else { return nil }
        return (text, PostcodeRecord(postcode: code, coordinate: Coordinate(latitude: row[1], longitude: row[2]), authorityCode: row[3]))
    }

    /// Directory rows for these raw postcodes, keyed by normalised postcode (chunked: SQLite limits parameters).
    static func directoryRows(_ raw: some Sequence<String>, in db: Database) throws -> [String: PostcodeRecord] {
        let wanted = wanted(raw)
        var found: [String: PostcodeRecord] = [:]
        for start in stride(from: 0, to: wanted.count, by: 500) {
            let chunk = Array(wanted[start..<min(start + 500, wanted.count)])
            let marks = Array(repeating: "?", count: chunk.count).joined(separator: ",")
            let rows = try Row.fetchCursor(db, sql: "SELECT postcode, latitude, longitude, authority_code FROM postcodes WHERE postcode IN (\(marks))",
                                           arguments: StatementArguments(chunk))
            while let row = try rows.next() {
                if let (text, record) = directoryRecord(row) { found[text] = record }
            }
        }
        return found
    }
}
