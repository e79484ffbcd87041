import Foundation
import GRDB

/// The Placefinder store: one SQLite file in WAL mode, shared by several officers' processes on one host.
/// All calls are synchronous; reads run concurrently, writes are serialised by SQLite.
public final class PlacementDatabase: Sendable {
    public let path: String
    let pool: DatabasePool

    /// Opens (creating if needed) and migrates the store at `path`.
    /// Throws `StoreError.newerSchema` when the file was written by a newer Placefinder.
    public init(path: String) throws {
        self.path = path
        try FilePrivacy.ensureFolder(for: path)
        pool = try FilePrivacy.withPrivateUmask {
            let pool: DatabasePool
            do {
                pool = try DatabasePool(path: path, configuration: Self.configuration)
                // DatabasePool sets synchronous=NORMAL on its writer after prepareDatabase runs (GRDB's
                // setUpWALMode), so FULL must be set again here; the writer connection lives as long as the pool.
                try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = FULL") }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
                throw StoreError.notADatabase(path: path)
            } catch {
                throw StoreError.from(error)
            }
            try Self.migrate(pool)
            return pool
        }
        // The umask covered files created while opening; chmod also tightens a file that already existed loose.
        try FilePrivacy.secure(databaseAt: path)
    }

    static var configuration: Configuration {
        var config = Configuration()
        config.journalMode = .wal            // readers never block the writer, nor the writer the readers
        config.foreignKeysEnabled = true
        // Other officers' writes hold the lock briefly; wait rather than fail at once.
        config.busyMode = .timeout(10)
        // GRDB 7 already begins every write transaction IMMEDIATE (Configuration.defaultTransactionKind is
        // gone), so a writer takes the lock up front and never fails mid-transaction on a lock upgrade.
        config.prepareDatabase { db in
            // Placement records must survive a power cut on the council host: fsync every commit.
            // (Re-applied to the writer after opening: see init.)
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // Read pages straight from the page cache rather than copying each through read(2): whole-table
            // reads (the dashboard, a match) spent a fifth of their time in the kernel copying pages.
            try db.execute(sql: "PRAGMA mmap_size = 1073741824")
        }
        config.label = "Placefinder"
        return config
    }

    private static func migrate(_ pool: DatabasePool) throws {
        let migrator = Schema.migrator
        try StoreError.mapping {
            let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
            let unknown = applied.subtracting(migrator.migrations)
            if !unknown.isEmpty {
                throw StoreError.newerSchema(found: Schema.newest(of: applied),
                                             known: Schema.newest(of: migrator.migrations))
            }
            try migrator.migrate(pool)
        }
    }

    /// Closes every connection; later calls throw. Lets the last process checkpoint and remove the -wal file.
    public func close() throws {
        try StoreError.mapping { try pool.close() }
    }

    /// Identifiers of the migrations applied to this file (for diagnostics and tests).
    public func appliedMigrations() throws -> [String] {
        try read { db in try Schema.migrator.appliedMigrations(db) }
    }

    /// `["ok"]` when SQLite's integrity check and the foreign-key check both pass; else one line per problem.
    public func integrityCheck() throws -> [String] {
        try read { db in try Self.problems(in: db) }
    }

    static func problems(in db: Database) throws -> [String] {
        var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check")
        if problems == ["ok"] { problems = [] }
        // Row ids and table names only: no record contents in the report.
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
            let table: String = row[0]
            let rowid: Int64? = row[1]
            let parent: String = row[2]
            problems.append("\(table) row \(rowid.map(String.init) ?? "?") refers to a missing \(parent) record")
        }
        return problems.isEmpty ? ["ok"] : problems
    }

    // Every public call goes through these two, so GRDB errors (which quote SQL) become StoreErrors.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try StoreError.mapping { try pool.read(body) }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try StoreError.mapping { try pool.write(body) }
    }
}
