import Foundation
import PlacementCore

extension PlacementDatabase {
    /// A postcode resolver backed by the store's ONS Postcode Directory table: exact postcode, else the
    /// district centroid, else the authority centroid (see `PostcodeResolver`). Postcodes that do not
    /// parse fall back to the authority.
    public func resolver(geography: Geography = .wales) -> PostcodeResolver {
        PostcodeResolver(geography: geography) { [self] postcode in
            guard let row = try? self.postcode(postcode.value) else { return nil }
            return PostcodeRecord(postcode: postcode, coordinate: Coordinate(latitude: row.latitude, longitude: row.longitude),
                                  authorityCode: row.authorityCode)
        }
    }

    /// Locates many postcodes at once with one read of the postcode table, for building a match index.
    /// Returns a function the engine can call without touching the database again.
    public func locator(for postcodes: some Sequence<String>, geography: Geography = .wales) throws -> (String, String?) -> GeoLocation? {
        let wanted = Set(postcodes.compactMap { Postcode($0)?.value })
        let known = try postcodeRows(wanted)
        let resolver = PostcodeResolver(geography: geography) { known[$0.value] }
        return resolver.locate(raw:fallbackAuthority:)
    }

    func postcodeRows(_ wanted: Set<String>) throws -> [String: PostcodeRecord] {
        var found: [String: PostcodeRecord] = [:]
        // Query in chunks: SQLite limits the number of bound parameters.
        let list = wanted.sorted()
        for start in stride(from: 0, to: list.count, by: 500) {
            let chunk = Array(list[start..<min(start + 500, list.count)])
            for row in try postcodes(chunk) {
                guard let code = Postcode(row.postcode) else { continue }
                found[row.postcode] = PostcodeRecord(postcode: code, coordinate: Coordinate(latitude: row.latitude, longitude: row.longitude),
                                                     authorityCode: row.authorityCode)
            }
        }
        return found
    }
}
