import GRDB

/// One ONSPD row as stored: the postcode normalised ("CF10 1AA"), its centroid and its authority.
/// Normalising is the geography module's job; the store keeps the text it is given.
public struct StoredPostcode: Sendable, Hashable, Codable {
    public var postcode: String
    public var latitude: Double
    public var longitude: Double
    public var authorityCode: String

    public init(postcode: String, latitude: Double, longitude: Double, authorityCode: String) {
        self.postcode = postcode
        self.latitude = latitude
        self.longitude = longitude
        self.authorityCode = authorityCode
    }
}

extension PlacementDatabase {
    /// The stored row for an already-normalised postcode, or nil.
    public func postcode(_ normalised: String) throws -> StoredPostcode? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM postcodes WHERE postcode = ?",
                                             arguments: [normalised]) else { return nil }
            let r = RowReader(row: row, table: "postcodes")
            return StoredPostcode(postcode: try r.value("postcode"), latitude: try r.value("latitude"),
                                  longitude: try r.value("longitude"), authorityCode: try r.value("authority_code"))
        }
    }

    public func postcodeCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM postcodes") ?? 0 }
    }

    /// Loads postcodes in one transaction; a postcode already stored is replaced (ONSPD is reissued quarterly).
    /// Returns how many rows were written.
    @discardableResult
    public func insertPostcodes(_ rows: some Sequence<StoredPostcode>) throws -> Int {
        try write { db in try Self.insertPostcodes(rows, in: db) }
    }

    /// One cached prepared statement for all rows: ONSPD has ~2.7 M of them.
    @discardableResult
    static func insertPostcodes(_ rows: some Sequence<StoredPostcode>, in db: Database) throws -> Int {
        let statement = try db.cachedStatement(sql: """
            INSERT INTO postcodes (postcode, latitude, longitude, authority_code) VALUES (?, ?, ?, ?)
            ON CONFLICT (postcode) DO UPDATE SET
                latitude = excluded.latitude, longitude = excluded.longitude, authority_code = excluded.authority_code
            """)
        var written = 0
        for row in rows {
            // Four typed values for four placeholders: the argument check can be skipped safely.
            statement.setUncheckedArguments([row.postcode, row.latitude, row.longitude, row.authorityCode])
            try statement.execute()
            written += 1
        }
        // Imports encoded against the directory before this write see that it changed and encode again.
        if written > 0 { try PostcodeVersion.bump(in: db) }
        return written
    }
}

extension PlacementDatabase {
    /// Every stored postcode in order (for export and for building a match index).
    public func allPostcodes() throws -> [StoredPostcode] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT postcode, latitude, longitude, authority_code FROM postcodes ORDER BY postcode").map {
                StoredPostcode(postcode: $0[0], latitude: $0[1], longitude: $0[2], authorityCode: $0[3])
            }
        }
    }
}

extension PlacementDatabase {
    /// The stored rows among these normalised postcodes.
    func postcodes(_ normalised: [String]) throws -> [StoredPostcode] {
        guard !normalised.isEmpty else { return [] }
        return try read { db in
            let marks = Array(repeating: "?", count: normalised.count).joined(separator: ",")
            return try Row.fetchAll(db, sql: "SELECT postcode, latitude, longitude, authority_code FROM postcodes WHERE postcode IN (\(marks))",
                                    arguments: StatementArguments(normalised)).map {
                StoredPostcode(postcode: $0[0], latitude: $0[1], longitude: $0[2], authorityCode: $0[3])
            }
        }
    }
}
