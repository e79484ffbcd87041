import Foundation
import GRDB
import Testing
@testable import PlacementStore
#if canImport(Glibc)
import Glibc
#endif

/// Sets the process umask under the store's own umask lock, so a store opening in a parallel test
/// cannot interleave with it. Returns the previous mask.
@discardableResult
func setUmask(_ mask: mode_t) -> mode_t {
    FilePrivacy.umaskLock.withLock { _ in umask(mask) }
}

/// umask is process-wide, so these run one at a time.
@Suite(.serialized) struct PrivacyTests {
    @Test func storeFilesAre0600AndFolder0700UnderALooseUmask() throws {
        let previous = setUmask(0o022)
        defer { setUmask(previous) }
        let folder = try TempFolder()
        let storeFolder = folder.file("nested/placefinder")
        let path = storeFolder + "/placefinder.sqlite"
        let store = try PlacementDatabase(path: path, create: true)
        try store.insert(Fixtures.fullBatch())   // make sure -wal and -shm exist and are written

        #expect(FilePrivacy.mode(of: storeFolder) == 0o700)
        for file in [path, path + "-wal", path + "-shm"] {
            #expect(FileManager.default.fileExists(atPath: file), "\(file) missing")
            #expect(FilePrivacy.mode(of: file) == 0o600, "\(file)")
        }
        // The umask is restored after opening.
        #expect(setUmask(0o022) == 0o022)
    }

    @Test func anExistingLooseStoreIsTightenedOnOpen() throws {
        let previous = setUmask(0o022)
        defer { setUmask(previous) }
        let folder = try TempFolder()
        let path = folder.file("old.sqlite")
        try PlacementDatabase(path: path, create: true).close()
        chmod(path, 0o644)                      // loosened by something else
        let store = try PlacementDatabase(path: path, create: true)
        #expect(FilePrivacy.mode(of: path) == 0o600)
        #expect(FilePrivacy.mode(of: path + "-wal") == 0o600)
        try store.close()
    }

    @Test func walFilesRecreatedByALaterProcessStayPrivate() throws {
        let previous = setUmask(0o022)
        defer { setUmask(previous) }
        let folder = try TempFolder()
        let path = folder.file("s.sqlite")
        try PlacementDatabase(path: path, create: true).close()
        // A plain read-write connection closing last checkpoints and removes -wal/-shm.
        try DatabaseQueue(path: path).close()
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
        // Another program opening the file under umask 022: SQLite copies the database's mode to -wal/-shm.
        let other = try DatabasePool(path: path)
        try other.write { db in try db.execute(sql: "INSERT INTO settings (key, value) VALUES ('k', 'v')") }
        #expect(FilePrivacy.mode(of: path + "-wal") == 0o600)
        #expect(FilePrivacy.mode(of: path + "-shm") == 0o600)
        try other.close()
    }

    @Test func backupIs0600() throws {
        let previous = setUmask(0o022)
        defer { setUmask(previous) }
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insert(Fixtures.fullBatch())
        let copy = folder.file("backups/copy.sqlite")
        try store.backup(to: copy)
        #expect(FilePrivacy.mode(of: copy) == 0o600)
        #expect(FilePrivacy.mode(of: folder.file("backups")) == 0o700)
    }
}
