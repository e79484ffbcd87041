import Foundation
import GRDB
import PlacementCore
import Synchronization
import Testing
@testable import PlacementStore

@Suite struct BackupTests {
    final class Flag: Sendable {
        let raised = Atomic<Bool>(false)
        let writes = Atomic<Int>(0)
    }

    /// Each write adds a child and a call about that child in one transaction, so any committed state
    /// has as many contacts as children, with ids W0…W(n-1).
    static func startWriter(_ store: PlacementDatabase, _ flag: Flag, done: DispatchSemaphore) {
        Thread {
            var i = 0
            while !flag.raised.load(ordering: .acquiring) {
                let child = Fixtures.plainChild("W\(i)")
                let call = Fixtures.contact("KW\(i)", child: child.id)
                do {
                    try store.insert(RecordBatch(children: [child], contacts: [call]))
                } catch {
                    Issue.record("writer failed: \(error)")
                    break
                }
                i += 1
                flag.writes.store(i, ordering: .releasing)
            }
            done.signal()
        }.start()
    }

    static func snapshot(of path: String) throws -> (children: Int, contacts: Int, ids: Set<String>, check: [String]) {
        let copy = try PlacementDatabase(path: path, create: true)
        defer { try? copy.close() }
        let (contacts, ids) = try copy.pool.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM contacts")!,
             try String.fetchSet(db, sql: "SELECT id FROM children WHERE id LIKE 'W%'"))
        }
        return (try copy.counts().children, contacts, ids, try copy.integrityCheck())
    }

    @Test func backupWhileAnotherOfficerWritesIsConsistent() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("live.sqlite"), create: true)
        try store.insert(RecordBatch(providers: [Fixtures.provider()], vacancies: [Fixtures.vacancy()]))
        try store.insertPostcodes((0..<20_000).map { Fixtures.postcode("ZZ\($0) 1AA") })   // a few MB to copy

        let flag = Flag()
        let done = DispatchSemaphore(value: 0)
        Self.startWriter(store, flag, done: done)
        while flag.writes.load(ordering: .acquiring) < 50 { usleep(1_000) }

        let during = folder.file("during.sqlite")
        try store.backup(to: during)
        let writesAfterBackup = flag.writes.load(ordering: .acquiring)
        flag.raised.store(true, ordering: .releasing)
        done.wait()

        let copy = try Self.snapshot(of: during)
        #expect(copy.check == ["ok"])
        #expect(copy.children >= 50)
        #expect(copy.contacts == copy.children)                                     // no torn transaction
        #expect(copy.ids == Set((0..<copy.children).map { "W\($0)" }))               // a prefix of the commits
        #expect(copy.children <= writesAfterBackup)
        print("PLACEFINDER: backup held \(copy.children) writes; \(writesAfterBackup) were committed when it returned")

        // Writer stopped: a fresh backup equals the live store exactly.
        let after = folder.file("after.sqlite")
        try store.backup(to: after)
        let restored = try PlacementDatabase(path: after, create: true)
        #expect(try restored.counts() == store.counts())
        #expect(try restored.children() == store.children())
        #expect(try restored.postcodeCount() == 20_000)
        #expect(try restored.integrityCheck() == ["ok"])
    }

    @Test func backupRefusesToOverwriteUnlessAsked() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("live.sqlite"), create: true)
        let target = folder.file("copy.sqlite")
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: target))

        #expect(throws: StoreError.backupExists(path: target)) { try store.backup(to: target) }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == "keep me")

        try store.insert(Fixtures.fullBatch())
        try store.backup(to: target, overwrite: true)
        #expect(try PlacementDatabase(path: target, create: true).counts() == store.counts())
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("partial") }
        #expect(leftovers.isEmpty)
    }
}
