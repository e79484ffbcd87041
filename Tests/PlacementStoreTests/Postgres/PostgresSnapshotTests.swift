import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

private typealias W = WorkflowWorld

@Suite(.enabled(if: TestPostgres.isConfigured, TestPostgres.unsetReason))
struct PostgresSnapshotTests {
    /// A colleague's connection commits while the snapshot is half read: the snapshot (one REPEATABLE READ
    /// transaction) still describes the moment before, counters included; the next one sees the commit.
    @Test func aCommitBetweenReadsCannotSlipIntoTheSnapshot() throws {
        let folder = try TempFolder()
        let store = try #require(try W.store(.postgres, in: folder) as? PostgresStore)
        let colleague = try PostgresStore(store.location)
        let before = try store.snapshot()
        let snapshot = try store.read { tx in
            try StoreSnapshot.read(since: nil, from: PostgresReads(tx: tx)) { table in
                guard table == "providers" else { return }
                try colleague.insert(RecordBatch(vacancies: [W.vacancy("V9", beds: 1)], children: [W.child("C9", status: .needsPlacement)]))
            }
        }
        #expect(snapshot.vacancies?.count == 3 && snapshot.vacancies?.contains { $0.id == "V9" } == false)
        #expect(snapshot.children?.count == 3)
        #expect(RowLogTests.counters(snapshot) == RowLogTests.counters(before))
        // The beds as the row log gives them (the new one at least), laid over the snapshot; the children whole.
        let next = try store.snapshot(since: snapshot.tableVersions)
        #expect(next.vacancies?.contains { $0.id == "V9" } == true && next.laidOver(snapshot).vacancies?.count == 4)
        #expect(next.children?.count == 4)
        #expect(next.placements == nil && next.notices == nil && next.contacts == nil && next.vacancyVersions?["V9"] == 1)
    }

    @Test func anUnchangedStoreIsNotReadAgainAndBedsAreLocated() throws {
        let folder = try TempFolder()
        let store = try W.store(.postgres, in: folder)
        let first = try store.snapshot()
        #expect(first.vacancies?.count == 3 && first.children?.count == 3 && first.notices == [])
        #expect(first.bedAuthority?["V1"] == "W06000011" && first.bedAuthority?["V3"] == "W06000011")
        let again = try store.snapshot(since: first.tableVersions)
        #expect(StoreSnapshot.tables.allSatisfy { !again.reread($0) })
    }

    /// Both backends give equal snapshots of the same records.
    @Test func bothBackendsSnapshotTheSameWorld() throws {
        let folder = try TempFolder()
        let sqlite = try W.store(.sqlite, in: folder).snapshot()
        let postgres = try W.store(.postgres, in: folder).snapshot()
        #expect(postgres.providers == sqlite.providers)
        #expect(postgres.vacancies == sqlite.vacancies)
        #expect(postgres.children == sqlite.children)
        #expect(postgres.placements == sqlite.placements)
        #expect(postgres.bedAuthority == sqlite.bedAuthority)
        #expect(postgres.vacancyVersions == sqlite.vacancyVersions && postgres.childVersions == sqlite.childVersions)
    }
}
