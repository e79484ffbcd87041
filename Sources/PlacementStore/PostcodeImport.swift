import Foundation
import GRDB

/// `import postcodes`: the ONS directory has ~2.7 M rows. They are read in batches and staged in a temporary
/// table of the writer connection, which SQLite keeps in a temporary file beyond a small page cache, so memory
/// stays flat however large the file. Staging writes only that temporary table, so colleagues' writes go on
/// meanwhile; a bad row stops the read and leaves the store as it was. Only then does one write transaction
/// copy the staged rows in (one `INSERT … SELECT`), locate stored records again and audit: all or nothing.
extension PlacementDatabase {
    /// `afterBatch` runs after each batch is staged, outside any transaction on the store (tests write there).
    /// Returns the number of rows read and imported.
    func importPostcodes(from url: URL, user: String, batchSize: Int = 50_000,
                         afterBatch: () throws -> Void = {}) throws -> Int {
        try StoreError.mapping {
            try pool.writeWithoutTransaction { db in
                let staging = try PostcodeStaging(db)
                defer { staging.close() }
                var staged = 0
                let kind = try Interchange.readPostcodeFile(url, batchSize: batchSize) { rows in
                    try staging.add(rows)
                    staged += rows.count
                    try afterBatch()
                }
                try db.inTransaction(.immediate) {
                    try staging.copyIntoDirectory()
                    // Records are located when written: those already stored move to their newly known postcodes.
                    try DerivedColumns.relocateAll(db)
                    try Self.append(AuditEntry(user: user, action: "import", recordType: "postcodes", recordID: nil,
                                               detail: "\(staged) postcodes from a \(kind) file"), in: db)
                    return .commit
                }
                return staged
            }
        }
    }
}

/// The temporary table a postcode import is staged in, keyed by postcode (a later row for the same postcode
/// replaces an earlier one, as the upsert of each row did), so the copy into `postcodes` runs in key order.
struct PostcodeStaging {
    private let db: Database
    private let previousTempStore: Int

    init(_ db: Database) throws {
        self.db = db
        previousTempStore = try Int.fetchOne(db, sql: "PRAGMA temp_store") ?? 0
        // On disk beyond the cache, whatever the build's default (changing it also drops any temporary table).
        try db.execute(sql: """
            PRAGMA temp_store = FILE;
            CREATE TEMP TABLE postcode_import (
                postcode TEXT PRIMARY KEY NOT NULL,
                latitude REAL NOT NULL,
                longitude REAL NOT NULL,
                authority_code TEXT NOT NULL
            ) WITHOUT ROWID;
            """)
    }

    /// Stages one batch in its own transaction, which writes only the temporary database: no lock on the store.
    func add(_ rows: [PostcodeRow]) throws {
        try db.inTransaction(.deferred) {
            let statement = try db.cachedStatement(sql: """
                INSERT OR REPLACE INTO temp.postcode_import (postcode, latitude, longitude, authority_code) VALUES (?, ?, ?, ?)
                """)
            for row in rows {
                // Four typed values for four placeholders: the argument check can be skipped safely.
                statement.setUncheckedArguments([row.postcode, row.latitude, row.longitude, row.authorityCode])
                try statement.execute()
            }
            return .commit
        }
    }

    /// Inside the caller's write transaction: every staged row into the directory, replacing stored ones.
    func copyIntoDirectory() throws {
        // `WHERE true` lets SQLite parse the ON CONFLICT clause after a SELECT.
        try db.execute(sql: """
            INSERT INTO postcodes (postcode, latitude, longitude, authority_code)
            SELECT postcode, latitude, longitude, authority_code FROM temp.postcode_import WHERE true ORDER BY postcode
            ON CONFLICT (postcode) DO UPDATE SET
                latitude = excluded.latitude, longitude = excluded.longitude, authority_code = excluded.authority_code
            """)
        try PostcodeVersion.bump(in: db)
    }

    /// Drops the table and restores the connection's setting; a failure here leaves only a temporary table.
    func close() {
        try? db.execute(sql: "DROP TABLE IF EXISTS temp.postcode_import")
        try? db.execute(sql: "PRAGMA temp_store = \(previousTempStore)")
    }
}
