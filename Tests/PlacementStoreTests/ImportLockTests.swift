import Foundation
import GRDB
import PlacementCore
import Testing
@testable import PlacementStore

/// A large import reads and checks its file before it takes the write lock, so it never holds colleagues up
/// while it parses, and a bad file is refused without waiting for the lock at all.
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
}
