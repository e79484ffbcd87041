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

    /// Locates many postcodes at once with one read of the postcode table.
    /// Returns a function that answers without touching the database again.
    public func locator(for postcodes: some Sequence<String>, geography: Geography = .wales) throws -> (String, String?) -> GeoLocation? {
        let known = try read { db in try RecordLocator.directoryRows(postcodes, in: db) }
        let resolver = PostcodeResolver(geography: geography) { known[$0.value] }
        return resolver.locate(raw:fallbackAuthority:)
    }
}
