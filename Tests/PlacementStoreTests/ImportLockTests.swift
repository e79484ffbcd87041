import Foundation
import GRDB
import PlacementCore
import Synchronization
import Testing
@testable import PlacementStore

/// A large import reads and checks its file, and encodes its records, before it takes the write lock, so it
/// never holds colleagues up while it parses, locates or stages; a bad file is refused without waiting for the
/// lock at all.
@Suite struct ImportLockTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("fixtures/examples")

    @Test func aBadPostcodeFileIsRefusedByLineWhileAColleagueHoldsTheWriteLock() throws {
        let folder = try TempFolder()
        let path = folder.file("s.sqlite")
        let store = try PlacementDatabase(path: path, create: true)
        var text = try String(contentsOf: Self.examples.appendingPathComponent("postcodes.csv"), encoding: .utf8)
        text += "\"CF991ZZ\",\"CF99 1ZZ\",\"CF99 1ZZ\",\"198001\",\"\",\"W99999999\",\"W99999999\",\"W06000015\",\"W05001295\",\"1\",\"318234\",\"176221\",\"1\",\"W92000004\",\"W99999999\",\"W07000080\",north,-3.179090,\"W01001934\",\"W02000401\"\n"
        let file = URL(fileURLWithPath: folder.file("onspd.csv"))
        try Data(text.utf8).write(to: file)

        // A colleague's long write transaction holds the lock throughout.
        var config = Configuration()
        config.allowsUnsafeTransactions = true   // the transaction stays open across accesses, as in another process
        let colleague = try DatabaseQueue(path: path, configuration: config)
        try colleague.writeWithoutTransaction { db in try db.execute(sql: "BEGIN IMMEDIATE") }
        defer { try? colleague.writeWithoutTransaction { db in try db.execute(sql: "ROLLBACK") } }

        // Parsing inside the lock would wait out the busy timeout and report "busy"; outside, it names the line.
        let error = #expect(throws: ImportError.self) {
            try store.importFile(.postcodes, from: file, user: "alice", today: Day(iso: "2026-11-25")!)
        }
        #expect(error?.line == 14, "\(String(describing: error))")
        #expect(try store.counts().postcodes == 0)
    }

    static let today = Day(iso: "2026-11-25")!

    /// Every statement the store's writer connection runs, in order (the write transaction runs there).
    final class WriterLog: Sendable {
        let statements = Mutex<[String]>([])
        init(_ store: PlacementDatabase) throws {
            try store.pool.writeWithoutTransaction { db in
                db.trace { event in
                    if case .statement(let statement) = event { self.statements.withLock { $0.append(statement.sql) } }
                }
            }
        }

        /// The statements between the first BEGIN and the COMMIT after it.
        var firstTransaction: [String] {
            statements.withLock { all in
                guard let begin = all.firstIndex(where: { $0.hasPrefix("BEGIN") }) else { return [] }
                let end = all[begin...].firstIndex(where: { $0.hasPrefix("COMMIT") }) ?? all.endIndex
                return Array(all[begin..<end])
            }
        }
    }

    static func home(of id: String, in store: PlacementDatabase) throws -> (latitude: Double?, precision: String?) {
        try store.pool.read { db in
            let row = try #require(try Row.fetchOne(db, sql: "SELECT home_latitude, home_precision FROM children WHERE id = ?", arguments: [id]))
            return (row[0], row[1])
        }
    }

    /// Records are located in the postcode directory before the lock: the write transaction reads no postcode.
    @Test func aChildrenImportLooksUpNoPostcodeWhileItHoldsTheWriteLock() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.importFile(.postcodes, from: Self.examples.appendingPathComponent("postcodes.csv"), user: "alice", today: Self.today)
        let log = try WriterLog(store)

        #expect(try store.importFile(.children, from: Self.examples.appendingPathComponent("children.csv"), user: "alice", today: Self.today) == 6)
        let locked = log.firstTransaction
        #expect(locked.first?.hasPrefix("BEGIN IMMEDIATE") == true)
        #expect(locked.contains { $0.hasPrefix("INSERT INTO children") })
        #expect(!locked.contains { $0.contains("FROM postcodes") }, "\(locked)")
        // Located all the same: CF24 4HQ is in the directory.
        let home = try Self.home(of: "CH-001", in: store)
        #expect(home.latitude == 51.4913 && home.precision == "postcode")
    }

    /// A colleague loads the directory after the file was encoded: the import sees it changed and locates again.
    @Test func aDirectoryChangedBetweenEncodingAndTheLockIsUsed() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        let colleague = try PlacementDatabase(path: folder.file("s.sqlite"))
        var ran = false
        let report = try store.importFileReporting(.children, from: Self.examples.appendingPathComponent("children.csv"),
                                                   user: "alice", today: Self.today) {
            ran = true
            // Encoded already: CH-001's home is not in the (empty) directory yet.
            try colleague.importFile(.postcodes, from: Self.examples.appendingPathComponent("postcodes.csv"), user: "bob", today: Self.today)
        }
        #expect(ran && report.imported == 6 && report.rowsRead == 6)
        let home = try Self.home(of: "CH-001", in: store)
        #expect(home.latitude == 51.4913 && home.precision == "postcode")
    }

    /// Staging a postcode file writes only the import's temporary table: a colleague's write, which would fail at
    /// once if the import held the lock (no busy wait here), goes through between every two batches.
    @Test func aColleagueWritesWhileAPostcodeFileIsStaged() throws {
        let folder = try TempFolder()
        let path = folder.file("s.sqlite")
        let store = try PlacementDatabase(path: path, create: true)
        var config = Configuration()
        config.busyMode = .immediateError
        let colleague = try DatabaseQueue(path: path, configuration: config)
        var text = "pcds,lat,long,oslaua,doterm\n"
        for i in 0..<45 { text += "CF\(10 + i) 1AA,51.4,-3.1,W06000015,\n" }
        let file = URL(fileURLWithPath: folder.file("onspd.csv"))
        try Data(text.utf8).write(to: file)

        var batches = 0
        let imported = try store.importPostcodes(from: file, user: "alice", batchSize: 10) {
            batches += 1
            try colleague.write { db in
                try db.execute(sql: "INSERT INTO postcodes VALUES (?, 52.0, -3.5, 'W06000023')", arguments: ["LD\(batches) 1AA"])
            }
        }
        #expect(imported == 45 && batches == 5)
        #expect(try store.postcodeCount() == 50)
        #expect(try store.postcode("CF54 1AA")?.latitude == 51.4)
    }
}
