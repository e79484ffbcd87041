import Foundation
import GRDB
import PlacementCore
import Testing
@testable import PlacementStore

private typealias W = WorkflowWorld

@Suite struct SnapshotTests {
    /// A colleague commits while the dashboard's load is half done: the snapshot still shows one moment —
    /// records, record versions and table counters from before the commit — so the next write names the
    /// version the officer saw, and the next load sees the commit.
    @Test func aCommitBetweenReadsCannotSlipPastTheVersions() throws {
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        let colleague = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        let before = try store.snapshot()

        let snapshot = try store.pool.read { db in
            try PlacementDatabase.snapshot(since: nil, in: db) { table in
                guard table == "placements" else { return }
                // After the first part read (placements), before the children and the beds: hold V1 for C2
                // and place C2.
                try colleague.hold(vacancyID: "V1", childID: "C2", officer: "ceri", now: W.now)
                try colleague.place(childID: "C2", vacancyID: "V2", start: W.today, officer: "ceri", now: W.now, approvals: W.panel)
            }
        }
        let v1 = try #require(snapshot.vacancies?.first { $0.id == "V1" })
        #expect(v1.hold == nil && snapshot.vacancyVersions?["V1"] == 1)
        #expect(snapshot.children?.first { $0.id == "C2" }?.status == .needsPlacement && snapshot.childVersions?["C2"] == 1)
        #expect(snapshot.placements?.count == 1)
        #expect(snapshot.tableVersions == before.tableVersions)

        // A write made with what that snapshot showed is refused, naming the colleague.
        #expect(throws: WorkflowError.self) {
            try store.hold(vacancyID: "V1", childID: "C3", officer: "alice", now: W.now, until: nil,
                           expectedVersion: snapshot.vacancyVersions?["V1"])
        }
        // And the next load, given the counters it saw, re-reads exactly the rows the commits changed.
        let next = try store.snapshot(since: snapshot.tableVersions)
        #expect(next.vacancyVersions == ["V1": 2, "V2": 2] && next.children?.map(\.id) == ["C2"])
        #expect(next.children?.first { $0.id == "C2" }?.status == .placed)
        #expect(next.placements?.count == 1 && next.laidOver(snapshot).placements?.count == 2)
        #expect(next.notices == nil && next.contacts == nil)
    }

    /// A launch's first read leaves out only what no first screen shows: beds filled or withdrawn and
    /// placements that ended before the day given (a placement that ended on that day stays); the whole read
    /// that follows has everything. On both backends.
    @Test(arguments: Backend.configured)
    func theCurrentSnapshotLeavesOutOnlyTheHistory(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        try store.place(childID: "C2", vacancyID: "V1", start: W.today, officer: "ceri", now: W.now, approvals: W.panel)
        let historyFrom = W.today.adding(days: -366)
        func endPL1(on day: Day) throws {
            switch store {
            case let sqlite as PlacementDatabase:
                try sqlite.pool.write { db in
                    try db.execute(sql: "UPDATE placements SET actual_end = ?, actual_end_day = ? WHERE id = 'PL1'",
                                   arguments: [day.iso, day.daysSinceEpoch])
                }
            case let postgres as PostgresStore:
                try postgres.write { tx in
                    try tx.execute("UPDATE placements SET actual_end = $1, actual_end_day = $2 WHERE id = 'PL1'", [day.iso, day.daysSinceEpoch])
                }
            default: Issue.record("a backend this test does not know")
            }
        }
        for (ended, kept) in [(historyFrom, true), (historyFrom.adding(days: -1), false)] {
            try endPL1(on: ended)
            let whole = try store.snapshot()
            let current = try store.currentSnapshot(historyFrom: historyFrom)
            #expect(current.historyDeferred && !whole.historyDeferred)
            #expect(Set(whole.vacancies!.map(\.id)) == ["V1", "V2", "V3"] && whole.vacancies!.first { $0.id == "V1" }?.status == .filled)
            #expect(current.vacancies!.map(\.id).sorted() == ["V2", "V3"])
            #expect(Set(current.vacancyVersions!.keys) == ["V2", "V3"] && Set(current.bedAuthority!.keys) == ["V2", "V3"])
            #expect(Set(whole.placements!.map(\.id)).count == 2)
            #expect(Set(current.placements!.map(\.id)) == Set(whole.placements!.filter { kept || $0.id != "PL1" }.map(\.id)))
            #expect(current.children == whole.children && current.providers == whole.providers)
            #expect(current.notices == whole.notices && current.contacts == whole.contacts)
            #expect(RowLogTests.counters(current) == RowLogTests.counters(whole))
            // The history that follows it, laid over it, is the whole read.
            let history = try store.historySnapshot(since: current.tableVersions, historyFrom: historyFrom).laidOver(current)
            RowLogTests.expectSame(history, whole, "\(backend)")
            #expect(!history.historyDeferred)
        }
    }

    /// The dashboard reads its snapshot in two transactions at once, each taking parts until none is left.
    /// Halves that saw the same commit give exactly what one transaction gives; a commit between the halves'
    /// starts moves the counters they are joined by, so such halves are never joined.
    @Test func halvesAreJoinedOnlyWhenTheySawTheSameCommit() throws {
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        func half(_ parts: [StoreSnapshot.Part]) throws -> StoreSnapshot {
            try store.pool.read { db in
                try StoreSnapshot.read(since: nil, from: SQLiteReads(db: db), next: StoreSnapshot.sequentially(parts))
            }
        }
        let whole = try store.pool.read { db in try PlacementDatabase.snapshot(since: nil, in: db) }
        let halves = try #require(try store.snapshotInHalves(since: nil))
        #expect(halves.tableVersions == whole.tableVersions)
        #expect(halves.vacancies == whole.vacancies && halves.providers == whole.providers)
        #expect(halves.children == whole.children && halves.placements == whole.placements)
        #expect(halves.notices == whole.notices && halves.contacts == whole.contacts)
        #expect(halves.vacancyVersions == whole.vacancyVersions && halves.childVersions == whole.childVersions)
        #expect(halves.bedAuthority == whole.bedAuthority)

        // A colleague places C2 after the beds half began and before the people half: not one moment.
        let beds = try half([.beds, .contacts, .notices])
        try store.place(childID: "C2", vacancyID: "V2", start: W.today, officer: "ceri", now: W.now, approvals: W.panel)
        let people = try half([.children, .placements])
        #expect(StoreSnapshot.joined(beds, people) == nil)
        // The store then reads it again and sees the placement on both sides.
        let again = try store.snapshot()
        #expect(again.children?.first { $0.id == "C2" }?.status == .placed)
        #expect(again.vacancies?.first { $0.id == "V2" }.map { again.vacancyVersions?[$0.id] } == 2)
    }

    /// The readers take the costliest part first, so the largest table never starts last: at 5,000 vacancies
    /// and 13,000 placements the placements, at 50,000 vacancies the beds.
    @Test func theCostliestPartIsReadFirst() throws {
        let wales = ["placements": 13_390, "children": 7_000, "providers": 200, "vacancies": 5_000, "contacts": 4_139, "notices": 40]
        #expect(StoreSnapshot.Part.costliestFirst(rows: wales) == [.placements, .children, .beds, .contacts, .notices])
        var large = wales
        large["vacancies"] = 50_000
        #expect(StoreSnapshot.Part.costliestFirst(rows: large).first == .beds)
        #expect(Set(StoreSnapshot.Part.costliestFirst(rows: [:])) == Set(StoreSnapshot.Part.allCases))
        // The estimates are the tables' rows as the store holds them.
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        let rows = try store.pool.read { db in try PlacementDatabase.rowEstimates(in: db) }
        let whole = try store.snapshot()
        #expect(rows["vacancies"] == whole.vacancies?.count && rows["children"] == whole.children?.count)
    }

    @Test func anUnchangedStoreIsNotReadAgain() throws {
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        let first = try store.snapshot()
        #expect(first.vacancies?.count == 3 && first.children?.count == 3 && first.notices == [])
        let again = try store.snapshot(since: first.tableVersions)
        #expect(StoreSnapshot.tables.allSatisfy { !again.reread($0) })

        try store.recordContact(ContactDraft(childID: "C2", providerID: "P2", at: W.now, outcome: .considering),
                                officer: "alice", now: W.now)
        let afterCall = try store.snapshot(since: again.tableVersions)
        #expect(afterCall.contacts?.count == 1)
        #expect(afterCall.vacancies == nil && afterCall.children == nil && afterCall.placements == nil && afterCall.notices == nil)
    }

    /// A change of schema (a repair, another build's migration) counts as a change to every table.
    @Test func aSchemaChangeRereadsEverything() throws {
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        let first = try store.snapshot()
        try store.pool.write { db in try db.execute(sql: "CREATE TABLE scratch (x)") }
        let next = try store.snapshot(since: first.tableVersions)
        #expect(StoreSnapshot.tables.allSatisfy { next.reread($0) })
    }

    /// A bed is in the authority of its own postcode, else of its provider's; located when written.
    @Test func bedAuthoritiesAreTheLocatedOnes() throws {
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        var atTheOffice = W.vacancy("V9", provider: "P1", beds: 1)
        atTheOffice.postcode = nil
        var unknownStreet = W.vacancy("V10", provider: "P1", beds: 1)
        unknownStreet.postcode = "NP20 9ZZ"              // not in the directory: its district's centre
        try store.insert(RecordBatch(vacancies: [atTheOffice, unknownStreet]))
        let authority = try #require(try store.snapshot().bedAuthority)
        #expect(authority["V1"] == "W06000011")          // SA1 1AA, Swansea, though P2's office is elsewhere
        #expect(authority["V9"] == "W06000015")          // P1's office, CF10 1AA, Cardiff
        #expect(authority["V10"] == "W06000015")         // district centre, with the recorded authority (as PostcodeResolver)

        // The directory learns the postcode: stored beds are located again, and the next load sees it.
        let before = try store.snapshot()
        try store.insert(RecordBatch(postcodes: [StoredPostcode(postcode: "NP20 9ZZ", latitude: 51.58, longitude: -3.0,
                                                                authorityCode: "W06000022")]))
        let after = try store.snapshot(since: before.tableVersions)
        #expect(after.bedAuthority?["V10"] == "W06000022")
        #expect(after.bedAuthority?["V9"] == "W06000015")
    }
}
