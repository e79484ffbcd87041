import Foundation
import GRDB
import Synchronization

/// The Placefinder store: one SQLite file in WAL mode, shared by several officers' processes on one host.
/// All calls are synchronous; reads run concurrently, writes are serialised by SQLite.
public final class PlacementDatabase: Sendable {
    public let path: String
    let pool: DatabasePool
    /// Opened read-only because this account cannot write the file or its folder: audit entries for reading
    /// cannot be stored, and are counted instead so the command can say so.
    let cannotWrite: Bool
    let unrecorded = Mutex(0)
    /// Checkpoints the log off the commit; nil on a read-only open, whose only writes (audit entries of a
    /// one-off command) keep SQLite's own checkpoint.
    let checkpointer: WALCheckpointer?

    /// Opens and migrates the store at `path`.
    /// - `create`: make a new store when nothing is at `path` (only `store init` and `demo` do; by default a
    ///   missing store is an error, never a new file). An existing file is opened only if it is a
    ///   Placefinder store: an empty file, another program's file or a symbolic link is refused, never reused.
    /// - `readOnly`: never write while opening (no migration, no chmod) and work on a read-only file or folder.
    ///   Where the file and folder can be written, later writes (a command's audit entry) still succeed;
    ///   where they cannot, audit entries are counted in `unrecordedAuditEntries` and other writes throw.
    /// Throws `StoreError.newerSchema` when the file was written by a newer Placefinder.
    public init(path: String, create: Bool = false, readOnly: Bool = false) throws {
        self.path = path
        cannotWrite = readOnly && !StoreFile.canWrite(path)
        let state = try StoreFile.inspect(path)
        if state == .missing && (!create || readOnly) { throw StoreError.missingStore(path: path) }
        if readOnly {
            checkpointer = nil
            pool = try Self.openWithoutWriting(path)
            try StoreError.mapping { try pool.read { db in try StoreFile.verifyIdentity(db, path: path) } }
            try Self.requireCurrentSchema(pool, path: path)
            return
        }
        if state == .missing { try FilePrivacy.ensureFolder(for: path) } else { try StoreFile.verifyIdentityBeforeOpening(path) }
        let layout = StoreLayout.of(storeAt: path)
        let checkpointer = WALCheckpointer(path: path)
        self.checkpointer = checkpointer
        pool = try FilePrivacy.withUmask(layout.umask) {
            let pool: DatabasePool
            do {
                pool = try DatabasePool(path: path, configuration: Self.configuration)
                if state == .present { try pool.read { db in try StoreFile.verifyIdentity(db, path: path) } }
                // DatabasePool sets synchronous=NORMAL on its writer after prepareDatabase runs (GRDB's
                // setUpWALMode), so FULL must be set again here; the writer connection lives as long as the pool.
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA synchronous = FULL")
                    try checkpointer.install(on: db)
                }
            } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
                throw StoreError.notADatabase(path: path)
            } catch {
                throw StoreError.from(error)
            }
            try Self.migrate(pool)
            return pool
        }
        // The umask covered files created while opening; chmod also tightens a file that already existed loose.
        try FilePrivacy.secure(databaseAt: path, layout: layout)
    }

    /// Creates a new store at `path` and refuses if anything is already there (`placefinder store init`).
    /// With `group`, the folder becomes 2770 in that group and the files 0660, so the group's officers
    /// share it under their own accounts; without, the folder is 0700 and the files 0600.
    public static func create(at path: String, group: String? = nil) throws -> PlacementDatabase {
        var info = stat()
        guard lstat(path, &info) != 0 else { throw StoreError.storeExists(path: path) }
        if let group {
            guard let entry = getgrnam(group) else { throw StoreError.unknownGroup(name: group) }
            try FilePrivacy.ensureFolder(for: path, mode: 0o2770, gid: entry.pointee.gr_gid)
        }
        return try PlacementDatabase(path: path, create: true)
    }

    /// The newest schema version this build knows ("v5"), for `placefinder store upgrade`'s report.
    public static var schemaVersion: String { Schema.newest(of: Schema.migrator.migrations) }

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
            // No memory-mapped reads: every mapped page of the store counted in the dashboard's resident size
            // (36 MB at 50,000 vacancies), and the whole-table reads now cost the same CPU time through read(2).
            try db.execute(sql: "PRAGMA mmap_size = 0")
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
        checkpointer?.stop()
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
        let problems = try storageProblems(in: db)
        return problems.isEmpty ? ["ok"] : problems.map(\.description)
    }

    /// What SQLite's integrity and foreign-key checks find; empty when the file is sound.
    static func storageProblems(in db: Database) throws -> [StorageProblem] {
        var problems = try String.fetchAll(db, sql: "PRAGMA integrity_check").filter { $0 != "ok" }.map(StorageProblem.integrity)
        // Row ids and table names only: no record contents in the report.
        for row in try Row.fetchAll(db, sql: "PRAGMA foreign_key_check") {
            problems.append(.brokenReference(table: row[0], row: row[1], parent: row[2]))
        }
        return problems
    }

    // Every public call goes through these two, so GRDB errors (which quote SQL) become StoreErrors.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try StoreError.mapping { try pool.read(body) }
    }

    func write<T>(_ body: (Database) throws -> T) throws -> T {
        try StoreError.mapping { try pool.write(body) }
    }
}
