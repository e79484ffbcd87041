import GRDB
import PlacementCore

/// Fills the v4 columns of rows written before v4 (migration), and locates every record again when the
/// postcode directory changes (a bed first placed at its district's centre moves to its postcode).
enum DerivedColumns {
    static func backfill(_ db: Database) throws {
        let bits = try NeedBits.load(db)
        let providers = try ProviderRecord.fetchAll(db, sql: "SELECT * FROM providers").map(\.value)
        let children = try ChildRecord.fetchAll(db, sql: "SELECT * FROM children").map(\.value)
        let vacancies = try VacancyRecord.fetchAll(db, sql: "SELECT * FROM vacancies").map(\.value)
        let placements = try PlacementRecord.fetchAll(db, sql: "SELECT * FROM placements").map(\.value)
        // Each old row rewritten whole through the v4 writer: the derived columns come from one place. Only
        // the v4 columns: later ones do not exist yet while this migration runs.
        var locator = try RecordLocator(postcodes: vacancies.compactMap(\.postcode) + providers.map(\.postcode) + children.map(\.homePostcode),
                                        providers: providers, in: db)
        for p in providers {
            try RowWriter.update(ProviderRow.table, ProviderRow.v4Written, ProviderRow.v4Arguments(p, location: locator.provider(p), bits: bits), in: db)
        }
        for c in children {
            try RowWriter.update(ChildRow.table, ChildRow.v4Written, ChildRow.v4Arguments(c, home: locator.home(c), bits: bits), in: db)
        }
        for v in vacancies {
            try RowWriter.update(VacancyRow.table, VacancyRow.v4Written,
                                 VacancyRow.v4Arguments(v, location: try locator.bed(v, in: db), bits: bits), in: db)
        }
        for p in placements {
            try RowWriter.update(PlacementRow.table, PlacementRow.v4Written, PlacementRow.v4Arguments(p), in: db)
        }
    }

    /// Locates every provider, bed and child home again from the directory as it now stands.
    static func relocateAll(_ db: Database) throws {
        var places: [String: (postcode: String, authority: String)] = [:]
        var postcodes: [String] = []
        let providerRows = try Row.fetchCursor(db, sql: "SELECT id, postcode, authority_code FROM providers")
        while let row = try providerRows.next() {
            let (id, postcode, authority): (String, String, String) = (row[0], row[1], row[2])
            places[id] = (postcode, authority)
            postcodes.append(postcode)
        }
        let beds = try Row.fetchAll(db, sql: "SELECT id, provider_id, postcode FROM vacancies")
        let homes = try Row.fetchAll(db, sql: "SELECT id, home_postcode, placing_authority FROM children")
        postcodes += beds.compactMap { $0[2] as String? } + homes.map { $0[1] as String }
        let locator = try RecordLocator(postcodes: postcodes, in: db)
        let columns = "latitude = ?, longitude = ?, located_authority = ?, location_precision = ?"
        func set(_ table: String, _ columns: String, _ id: String, _ location: GeoLocation?) throws {
            let statement = try db.cachedStatement(sql: "UPDATE \(table) SET \(columns) WHERE id = ?")
            statement.setUncheckedArguments(StatementArguments(LocationColumns.arguments(location) + [id]))
            try statement.execute()
        }
        for (id, place) in places {
            try set("providers", columns, id, locator.resolver.locate(raw: place.postcode, fallbackAuthority: place.authority))
        }
        for row in beds {
            let (id, providerID, postcode): (String, String, String?) = (row[0], row[1], row[2])
            guard let place = places[providerID] else { continue }
            try set("vacancies", columns, id, locator.resolver.locate(raw: postcode ?? place.postcode, fallbackAuthority: place.authority))
        }
        for row in homes {
            try set("children", "home_latitude = ?, home_longitude = ?, home_authority = ?, home_precision = ?", row[0],
                    locator.resolver.locate(raw: row[1], fallbackAuthority: row[2]))
        }
    }
}
