import Foundation
import GRDB
import Testing
@testable import PlacementStore
#if canImport(Glibc)
import Glibc
#endif

/// Opening fails closed: only a Placefinder store is opened, and only `create: true` makes a new one.
@Suite(.serialized) struct StoreOpeningTests {
    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func aMissingStoreIsNotCreatedUnlessAsked() throws {
        let folder = try TempFolder()
        let path = folder.file("none/s.sqlite")
        #expect(throws: StoreError.missingStore(path: path)) { try PlacementDatabase(path: path, create: false) }
        #expect(throws: StoreError.missingStore(path: path)) { try PlacementDatabase(path: path, create: true, readOnly: true) }
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!FileManager.default.fileExists(atPath: folder.file("none")), "not even its folder")
        #expect(StoreError.missingStore(path: path).description.contains("placefinder store init"))
    }

    @Test func anEmptyFileIsRefusedAndLeftEmpty() throws {
        let folder = try TempFolder()
        let path = folder.file("s.sqlite")
        #expect(FileManager.default.createFile(atPath: path, contents: Data()))
        for create in [true, false] {
            #expect(throws: StoreError.notAPlacefinderStore(path: path, why: "the file is empty")) {
                try PlacementDatabase(path: path, create: create)
            }
        }
        #expect(Self.bytes(path) == Data())
        #expect(throws: StoreError.storeExists(path: path)) { try PlacementDatabase.create(at: path) }
    }

    @Test func anotherProgramsDatabaseIsRefusedUnchanged() throws {
        let folder = try TempFolder()
        // A rollback-journal SQLite file (the sqlite3 tool's default).
        let plain = folder.file("plain.sqlite")
        try DatabaseQueue(path: plain).write { db in try db.execute(sql: "CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x')") }
        let before = Self.bytes(plain)
        #expect(throws: StoreError.notAPlacefinderStore(path: plain, why: "an SQLite database, but not one Placefinder made")) {
            try PlacementDatabase(path: plain, create: true)
        }
        #expect(Self.bytes(plain) == before, "not switched to WAL, not migrated")

        // A WAL database with another program's application id, and one with none and no Placefinder tables.
        for (name, id) in [("other.sqlite", 42), ("bare.sqlite", 0)] {
            let path = folder.file(name)
            let queue = try DatabaseQueue(path: path)
            try queue.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA application_id = \(id); CREATE TABLE notes (t TEXT)")
            }
            try queue.close()
            #expect(throws: StoreError.self) { try PlacementDatabase(path: path, create: true) }
            let tables = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT name FROM sqlite_master") }
            #expect(tables == ["notes"], "\(name) was not migrated")
        }
    }

    @Test func symbolicLinksAtTheStoreOrItsSidecarsAreRefused() throws {
        let folder = try TempFolder()
        let real = folder.file("real.sqlite")
        try PlacementDatabase(path: real, create: true).close()
        chmod(real, 0o644)
        let link = folder.file("link.sqlite")
        #expect(symlink(real, link) == 0)
        #expect(throws: StoreError.symlink(path: link)) { try PlacementDatabase(path: link, create: true) }
        #expect(FilePrivacy.mode(of: real) == 0o644, "the link's target was not chmod-ed")

        let victim = folder.file("victim.txt")
        #expect(FileManager.default.createFile(atPath: victim, contents: Data("keep".utf8)))
        try? FileManager.default.removeItem(atPath: real + "-wal")   // checkpointed on close: nothing in it
        #expect(symlink(victim, real + "-wal") == 0)
        #expect(throws: StoreError.symlink(path: real + "-wal")) { try PlacementDatabase(path: real, create: true) }
        #expect(Self.bytes(victim) == Data("keep".utf8))
    }

    @Test func aFolderAtTheStorePathIsNamed() throws {
        let folder = try TempFolder()
        #expect(throws: StoreError.isDirectory(path: folder.path)) { try PlacementDatabase(path: folder.path, create: true) }
    }

    @Test func aStoreFromBeforeV5IsRecognisedAndMigrated() throws {
        let folder = try TempFolder()
        let path = folder.file("old.sqlite")
        try Self.makeV3Store(at: path, auditUsers: ["alice", "bob", "carol"])

        let store = try PlacementDatabase(path: path, create: true)
        #expect(try store.appliedMigrations().last == "v13")
        #expect(try store.pool.read { db in try Int32.fetchOne(db, sql: "PRAGMA application_id") } == StoreFile.applicationID)
        #expect(try store.auditChainBreak() == nil, "existing entries were hashed in order")
        #expect(try store.auditEntries().map(\.user) == ["alice", "bob", "carol"])
        try store.audit(action: "view", recordType: "child", recordID: "C1", detail: nil, user: "dave")
        #expect(try store.auditChainBreak() == nil)
    }

    @Test func aReadOnlyOpenNeverMigratesAndSaysWhatToDo() throws {
        let folder = try TempFolder()
        let path = folder.file("old.sqlite")
        try Self.makeV3Store(at: path, auditUsers: ["alice"])
        #expect(throws: StoreError.needsMigration(path: path)) { try PlacementDatabase(path: path, create: true, readOnly: true) }
        let applied = try DatabaseQueue(path: path).read { db in try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations") }
        #expect(applied == ["v1", "v2", "v3"])
    }

    @Test func aReadOnlyOpenDoesNotTightenModes() throws {
        let folder = try TempFolder()
        let path = folder.file("s.sqlite")
        try PlacementDatabase(path: path, create: true).close()
        chmod(path, 0o640)
        let store = try PlacementDatabase(path: path, create: true, readOnly: true)
        #expect(try store.counts().children == 0)
        #expect(FilePrivacy.mode(of: path) == 0o640)
    }

    @Test func sqliteFailuresBecomeOnePlainLine() {
        let cases: [(ResultCode, StoreError)] = [
            (.SQLITE_FULL, .diskFull), (.SQLITE_READONLY, .readOnly), (.SQLITE_READONLY_DIRECTORY, .readOnlyFolder),
            (.SQLITE_CORRUPT, .corrupt), (.SQLITE_CANTOPEN, .cannotOpen), (.SQLITE_IOERR_WRITE, .writeFailed),
        ]
        for (code, expected) in cases {
            let mapped = StoreError.from(DatabaseError(resultCode: code, message: "SELECT secret FROM children"))
            #expect(mapped as? StoreError == expected, "\(code)")
            let line = (mapped as? StoreError)?.description ?? ""
            #expect(!line.contains("\n") && !line.contains("SELECT") && !line.contains("code"), "\(line)")
        }
    }

    /// A store as Placefinder v3 left it: migrations v1–v3, no application id, unhashed audit entries.
    static func makeV3Store(at path: String, auditUsers: [String]) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA journal_mode = WAL") }
        try Schema.migrator.migrate(queue, upTo: "v3")
        try queue.write { db in
            for (i, user) in auditUsers.enumerated() {
                try db.execute(sql: "INSERT INTO audit_log (at, os_user, action, record_type) VALUES (?, ?, 'view', 'child')",
                               arguments: [Date(timeIntervalSince1970: 1_750_000_000 + Double(i)), user])
            }
        }
        try queue.close()
    }
}
