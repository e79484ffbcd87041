import Foundation
import GRDB
import PlacementCore

/// The postcode directory on PostgreSQL: rows go in many to a statement (the shipped file alone is 213,000
/// rows, and one round trip each would take longer than the rest of a store's set-up), and when the store
/// already holds records every provider, bed and child home is located again from the directory as it now
/// stands, as SQLite's `DerivedColumns.relocateAll` does, in the same transaction.
extension PostgresStore {
    /// Rows per INSERT: four parameters each, well under PostgreSQL's 65,535 per statement.
    static let postcodesPerStatement = 2_000

    static func insertPostcodes(_ rows: [StoredPostcode], in tx: PostgresTransaction) throws {
        // A file may repeat a postcode: the last row wins, as SQLite's one-row-at-a-time upsert gives (one
        // statement may not upsert a row twice).
        var last: [String: Int] = [:]
        for (n, row) in rows.enumerated() { last[row.postcode] = n }
        let unique = rows.enumerated().filter { last[$0.element.postcode] == $0.offset }.map(\.element)
        for start in stride(from: 0, to: unique.count, by: postcodesPerStatement) {
            let chunk = unique[start..<min(start + postcodesPerStatement, unique.count)]
            let tuples = (0..<chunk.count).map { "($\($0 * 4 + 1), $\($0 * 4 + 2), $\($0 * 4 + 3), $\($0 * 4 + 4))" }
            var values: [(any DatabaseValueConvertible)?] = []
            values.reserveCapacity(chunk.count * 4)
            for p in chunk { values += [p.postcode, p.latitude, p.longitude, p.authorityCode] }
            try tx.execute("""
                INSERT INTO postcodes (postcode, latitude, longitude, authority_code) VALUES \(tuples.joined(separator: ", "))
                ON CONFLICT (postcode) DO UPDATE SET
                    latitude = excluded.latitude, longitude = excluded.longitude, authority_code = excluded.authority_code
                """, values)
        }
    }

    /// Locates every stored provider, bed and child home again (only rows whose location changes are written).
    static func relocateAll(in tx: PostgresTransaction) throws {
        let providers = try tx.rows("SELECT id, postcode, authority_code, latitude, longitude, located_authority, location_precision FROM providers")
        let beds = try tx.rows("SELECT id, provider_id, postcode, latitude, longitude, located_authority, location_precision FROM vacancies")
        let homes = try tx.rows("""
            SELECT id, home_postcode, placing_authority, home_latitude, home_longitude, home_authority, home_precision FROM children
            """)
        var places: [String: (postcode: String, authority: String)] = [:]
        for row in providers { places[row[0]] = (row[1], row[2]) }
        let raw = providers.map { $0[1] as String } + beds.compactMap { $0[2] as String? } + homes.map { $0[1] as String }
        let locator = RecordLocator(known: try PostgresWorkflow(tx: tx).directoryRows(raw))

        var changes: [String: [(id: String, location: GeoLocation?)]] = [:]
        func note(_ table: String, _ row: Row, _ location: GeoLocation?) {
            let stored: [DatabaseValue] = [row[3], row[4], row[5], row[6]]
            let now = LocationColumns.arguments(location).map { $0?.databaseValue ?? .null }
            if stored != now { changes[table, default: []].append((row[0], location)) }
        }
        for row in providers { note("providers", row, locator.resolver.locate(raw: row[1], fallbackAuthority: row[2])) }
        for row in beds {
            guard let place = places[row[1]] else { continue }
            note("vacancies", row, locator.resolver.locate(raw: (row[2] as String?) ?? place.postcode, fallbackAuthority: place.authority))
        }
        for row in homes { note("children", row, locator.resolver.locate(raw: row[1], fallbackAuthority: row[2])) }

        let columns = [
            "providers": ("latitude", "longitude", "located_authority", "location_precision"),
            "vacancies": ("latitude", "longitude", "located_authority", "location_precision"),
            "children": ("home_latitude", "home_longitude", "home_authority", "home_precision"),
        ]
        for (table, rows) in changes.sorted(by: { $0.key < $1.key }) {
            let (lat, lon, authority, precision) = columns[table]!
            for start in stride(from: 0, to: rows.count, by: 1_000) {
                let chunk = rows[start..<min(start + 1_000, rows.count)]
                let tuples = (0..<chunk.count).map { n in "(" + (1...5).map { "$\(n * 5 + $0)" }.joined(separator: ", ") + ")" }
                var values: [(any DatabaseValueConvertible)?] = []
                for row in chunk {
                    values.append(row.id)
                    values += LocationColumns.arguments(row.location)
                }
                try tx.execute("""
                    UPDATE \(table) t SET \(lat) = v.lat::DOUBLE PRECISION, \(lon) = v.lon::DOUBLE PRECISION,
                        \(authority) = v.authority::TEXT, \(precision) = v.precision::TEXT
                    FROM (VALUES \(tuples.joined(separator: ", "))) AS v(id, lat, lon, authority, precision)
                    WHERE t.id = v.id
                    """, values)
            }
        }
    }
}
