import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What is at the store's path before SQLite is let near it. Opening fails closed: a missing store,
/// an empty file, another program's file or a symbolic link is refused, never turned into a new store.
enum StoreFile {
    /// "PLFD": written by the v5 migration with `PRAGMA application_id`, read back from header bytes 68–71.
    static let applicationID: Int32 = 0x504C_4644

    enum State { case missing, present }

    /// Checks the path and its -wal/-shm sidecars without opening them through SQLite.
    static func inspect(_ path: String) throws -> State {
        for sidecar in [path + "-wal", path + "-shm"] where isSymlink(sidecar) {
            throw StoreError.symlink(path: sidecar)
        }
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return .missing }
            throw StoreError.cannotOpen
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK: throw StoreError.symlink(path: path)
        case S_IFDIR: throw StoreError.isDirectory(path: path)
        case S_IFREG: break
        default: throw StoreError.notAPlacefinderStore(path: path, why: StoreReason.notARegularFile.english())
        }
        if info.st_size == 0 { throw StoreError.notAPlacefinderStore(path: path, why: StoreReason.emptyFile.english()) }
        guard let header = readHeader(path) else {
            throw StoreError.notAPlacefinderStore(path: path, why: StoreReason.unreadableFile.english())
        }
        if let why = headerProblem(header) { throw StoreError.notAPlacefinderStore(path: path, why: why) }
        return .present
    }

    /// Why a 100-byte SQLite header is not a Placefinder store's, or nil when it may be one.
    /// Application id 0 is allowed: stores from before v5 carry none, and a new id may still sit in the WAL.
    static func headerProblem(_ header: [UInt8]) -> String? {
        guard header.count == 100, header.starts(with: Array("SQLite format 3\0".utf8)) else {
            return StoreReason.notSQLite.english()
        }
        let id = header[68..<72].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        guard id == 0 || Int32(bitPattern: id) == applicationID else {
            return StoreReason.anotherProgramsDatabase.english()
        }
        return nil
    }

    /// Header bytes 18–19 are 2 in WAL mode. Stores are WAL; a copy made by the backup API may not be.
    static func isWAL(_ path: String) -> Bool {
        guard let header = readHeader(path), header.count == 100 else { return false }
        return header[18] == 2 && header[19] == 2
    }

    /// For a file not in WAL mode: opening a pool would switch it to WAL (a write), so its identity is
    /// checked first through a read-only connection, and another program's database is left untouched.
    static func verifyIdentityBeforeOpening(_ path: String) throws {
        guard !isWAL(path) else { return }
        var config = Configuration()
        config.readonly = true
        try StoreError.mapping {
            let queue = try DatabaseQueue(path: path, configuration: config)
            defer { try? queue.close() }
            try queue.read { db in try verifyIdentity(db, path: path) }
        }
    }

    /// After opening: the id is ours, or the file is a Placefinder store from before v5 (it has our migrations).
    static func verifyIdentity(_ db: Database, path: String) throws {
        if try Int32.fetchOne(db, sql: "PRAGMA application_id") == applicationID { return }
        let legacy = try db.tableExists("grdb_migrations") && db.tableExists("audit_log")
            && (try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM grdb_migrations WHERE identifier = 'v1')") ?? false)
        if !legacy { throw StoreError.notAPlacefinderStore(path: path, why: StoreReason.notMadeByPlacefinder.english()) }
    }

    static func isSymlink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// O_NOFOLLOW: a link swapped in after `lstat` is still not followed.
    static func readHeader(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var bytes = [UInt8](repeating: 0, count: 100)
        let count = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress, 100) }
        return count == 100 ? bytes : Array(bytes.prefix(max(0, count)))
    }

    static func folder(of path: String) -> String {
        let folder = (path as NSString).deletingLastPathComponent
        return folder.isEmpty ? "." : folder
    }

    /// True when this process can write the store and create files beside it.
    static func canWrite(_ path: String) -> Bool {
        access(path, W_OK) == 0 && !folderIsReadOnly(for: path)
    }

    /// True when this process cannot create files beside the store (so SQLite could not make a -shm there).
    static func folderIsReadOnly(for path: String) -> Bool {
        access(folder(of: path), W_OK) != 0
    }
}

extension PlacementDatabase {
    /// Opens without writing the store: no migration, no chmod. When this process can write the file and its
    /// folder the pool can write later (an audit entry); otherwise it is a read-only pool.
    /// In a folder this process cannot write, SQLite cannot create the -shm a WAL reader needs; when no
    /// writer is active (no -wal beside the store) the file is opened immutable instead.
    static func openWithoutWriting(_ path: String) throws -> DatabasePool {
        if StoreFile.canWrite(path) {
            return try FilePrivacy.withUmask(StoreLayout.of(storeAt: path).umask) {
                try StoreError.mapping { try DatabasePool(path: path, configuration: configuration) }
            }
        }
        var config = configuration
        config.readonly = true
        let walExists = FileManager.default.fileExists(atPath: path + "-wal")
        let target = StoreFile.folderIsReadOnly(for: path) && !walExists
            ? "file:" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path) + "?immutable=1"
            : path
        return try StoreError.mapping { try DatabasePool(path: target, configuration: config) }
    }

    /// A read-only open cannot migrate: an older schema is reported, a newer one refused.
    static func requireCurrentSchema(_ pool: DatabasePool, path: String) throws {
        let migrator = Schema.migrator
        try StoreError.mapping {
            let applied = try pool.read { db in try migrator.appliedIdentifiers(db) }
            if !applied.subtracting(migrator.migrations).isEmpty {
                throw StoreError.newerSchema(found: Schema.newest(of: applied), known: Schema.newest(of: migrator.migrations))
            }
            if !Set(migrator.migrations).subtracting(applied).isEmpty { throw StoreError.needsMigration(path: path) }
        }
    }
}
