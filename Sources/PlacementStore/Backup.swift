import Foundation
import GRDB
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension PlacementDatabase {
    /// Copies the store to `destination` with SQLite's online backup, which reads one consistent snapshot
    /// while other officers keep writing. The copy is written beside the destination, checked with
    /// `PRAGMA integrity_check`, made 0600, then moved into place, so a failed backup never leaves
    /// a half-written file under the requested name. An existing file is kept unless `overwrite` is true.
    public func backup(to destination: String, overwrite: Bool = false) throws {
        if !overwrite && FileManager.default.fileExists(atPath: destination) {
            throw StoreError.backupExists(path: destination)
        }
        try FilePrivacy.ensureFolder(for: destination)
        let partial = destination + ".partial-\(getpid())"
        defer { Self.removeDatabaseFiles(at: partial) }
        Self.removeDatabaseFiles(at: partial)

        try FilePrivacy.withPrivateUmask {
            try StoreError.mapping {
                let copy = try DatabaseQueue(path: partial)
                try pool.backup(to: copy)
                let problems = try copy.read { db in try Self.problems(in: db) }
                try copy.close()
                guard problems == ["ok"] else { throw StoreError.backupDamaged(path: destination) }
            }
        }
        try FilePrivacy.secure(databaseAt: partial)

        if overwrite {
            guard rename(partial, destination) == 0 else { throw StoreError.cannotSecure(path: destination) }
        } else {
            // link(2) fails if the name was taken meanwhile: no race with another officer's backup.
            guard link(partial, destination) == 0 else {
                if errno == EEXIST { throw StoreError.backupExists(path: destination) }
                throw StoreError.cannotSecure(path: destination)
            }
        }
    }

    private static func removeDatabaseFiles(at path: String) {
        for file in [path, path + "-wal", path + "-shm", path + "-journal"] { unlink(file) }
    }
}
