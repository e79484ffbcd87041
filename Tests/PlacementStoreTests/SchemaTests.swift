import Foundation
import PlacementCore
import GRDB
import Testing
@testable import PlacementStore

@Suite struct SchemaTests {
    static let tables: Set<String> = ["providers", "vacancies", "children", "placements", "notices", "contacts",
                                      "postcodes", "need_catalogue", "settings", "audit_log"]

    @Test func migrationFromEmptyCreatesAllTables() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        let names = try store.pool.read { db in
            try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        #expect(Self.tables.isSubset(of: names))
        #expect(try store.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13"])
        let catalogue = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT code FROM need_catalogue ORDER BY rowid") }
        #expect(catalogue == NeedCatalogueCodes.standard)
        let versioned = try store.pool.read { db in
            try ["children", "vacancies", "placements"].allSatisfy { table in
                try db.columns(in: table).contains { $0.name == "version" && $0.defaultValueSQL == "1" && $0.isNotNull }
            }
        }
        #expect(versioned)
        let stamped = try store.pool.read { db in
            try ["children", "vacancies", "placements"].allSatisfy { table in
                let names = try db.columns(in: table).map(\.name)
                return names.contains("updated_by") && names.contains("updated_at")
            }
        }
        #expect(stamped)
    }

    @Test func connectionsUseWalFullSyncForeignKeysAndBusyTimeout() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        let (journal, sync, fks, timeout) = try store.pool.read { db in
            (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
             try Int.fetchOne(db, sql: "PRAGMA foreign_keys"), try Int.fetchOne(db, sql: "PRAGMA busy_timeout"))
        }
        #expect(journal == "wal")
        #expect(sync == 2)            // FULL
        #expect(fks == 1)
        #expect(timeout == 10_000)    // milliseconds
        let writerSync = try store.pool.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") }
        #expect(writerSync == 2)
    }

    @Test func reopeningIsIdempotent() throws {
        let folder = try TempFolder()
        let path = folder.file("s.sqlite")
        let first = try PlacementDatabase(path: path, create: true)
        try first.insert(Fixtures.fullBatch())
        let schema = try first.pool.read { db in try String?.fetchAll(db, sql: "SELECT sql FROM sqlite_master ORDER BY name") }
        let counts = try first.counts()
        try first.close()

        let second = try PlacementDatabase(path: path, create: true)
        #expect(try second.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13"])
        #expect(try second.counts() == counts)
        #expect(try second.pool.read { db in try String?.fetchAll(db, sql: "SELECT sql FROM sqlite_master ORDER BY name") } == schema)
        #expect(try second.pool.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM need_catalogue") }
                == NeedCatalogueCodes.standard.count)
    }

    @Test func storeFromNewerSchemaIsRefusedWithOneClearLine() throws {
        let folder = try TempFolder()
        let path = folder.file("s.sqlite")
        try PlacementDatabase(path: path, create: true).close()
        // A later Placefinder would have recorded its own migrations.
        let raw = try DatabaseQueue(path: path)
        try raw.write { db in
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v98'), ('v99')")
        }
        try raw.close()

        #expect(throws: StoreError.newerSchema(found: "v99", known: PlacementDatabase.schemaVersion)) { try PlacementDatabase(path: path, create: true) }
        #expect(StoreError.newerSchema(found: "v5", known: "v3").description
                == "this store was written by a newer Placefinder (schema v5); this version knows up to v3")
        // Refusing must not touch the file: the newer migrations are still recorded.
        let identifiers = try DatabaseQueue(path: path).read { db in
            try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
        }
        #expect(identifiers.isSuperset(of: ["v98", "v99"]))
    }

    @Test func aFileThatIsNotSQLiteIsRefused() throws {
        let folder = try TempFolder()
        let path = folder.file("notes.sqlite")
        try Data(String(repeating: "not a database at all. ", count: 100).utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.notAPlacefinderStore(path: path, why: "not an SQLite database")) { try PlacementDatabase(path: path, create: true) }
    }

    @Test func integrityCheckSaysOk() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insert(Fixtures.fullBatch())
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func integrityCheckReportsBrokenReferencesWithoutContents() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insert(RecordBatch(providers: [Fixtures.provider()], vacancies: [Fixtures.vacancy()]))
        // Simulate a file edited with foreign keys off.
        try store.pool.writeWithoutTransaction { db in
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            try db.execute(sql: "DELETE FROM providers")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
        }
        let problems = try store.integrityCheck()
        #expect(problems.count == 1)
        #expect(problems.first?.contains("vacancies row") == true)
        #expect(problems.first?.contains("Tŷ Gwyn") == false)
    }
}

/// The standard catalogue's codes, in order (the migration must copy them all).
enum NeedCatalogueCodes {
    static var standard: [String] { PlacementCore.NeedCatalogue.standard.definitions.map(\.code) }
}
