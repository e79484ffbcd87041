import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

private typealias W = WorkflowWorld

/// The market's row log on a regional server (pg17): a reload reads the beds commits changed, laid over the
/// snapshot before it gives what a whole read gives, and a commit that was still running at the last read is
/// not missed, whichever connection made it.
@Suite(.enabled(if: TestPostgres.isConfigured, TestPostgres.unsetReason))
struct PostgresRowLogTests {
    @Test func aReloadReadsOnlyTheBedsACommitChanged() throws {
        let folder = try TempFolder()
        let store = try W.store(.postgres, in: folder)
        let first = try store.snapshot()
        try store.hold(vacancyID: "V2", childID: "C2", officer: "ceri", now: W.now)
        let next = try store.snapshot(since: first.tableVersions)
        // At least the held bed: a transaction running anywhere on the server when `first` was read (another
        // test's, here) makes the rows read a superset, never fewer.
        #expect(next.changedRowsOnly == ["vacancies": []])
        #expect(next.vacancies?.contains { $0.id == "V2" } == true && next.vacancyVersions?["V2"] == 2)
        RowLogTests.expectSame(next.laidOver(first), try store.snapshot())
    }

    /// A colleague's transaction changes a bed, a later one commits, and the read happens before the first
    /// commits: the read cannot see its change, and the next reload still brings it (its transaction id is at
    /// or above the read's xmin, though below ids the read saw committed).
    @Test func aCommitStillRunningAtTheLastReadComesWithTheNext() throws {
        let folder = try TempFolder()
        let store = try #require(try W.store(.postgres, in: folder) as? PostgresStore)
        let colleague = try PostgresStore(store.location)
        var first: StoreSnapshot?
        try colleague.write { tx in
            try tx.execute("UPDATE vacancies SET weekly_fee = 5000 WHERE id = 'V1'")
            try store.hold(vacancyID: "V2", childID: "C2", officer: "ceri", now: W.now)
            first = try store.snapshot()
        }
        let held = try #require(first)
        #expect(held.vacancies?.first { $0.id == "V1" }?.weeklyFee == 4_500)
        let next = try store.snapshot(since: held.tableVersions)
        #expect(next.changedRowsOnly["vacancies"] != nil && next.vacancies?.contains { $0.id == "V1" && $0.weeklyFee == 5_000 } == true)
        RowLogTests.expectSame(next.laidOver(held), try store.snapshot())
    }

    @Test func aDeletedBedIsTakenOutAndARenamedOneMoves() throws {
        let folder = try TempFolder()
        let store = try #require(try W.store(.postgres, in: folder) as? PostgresStore)
        let first = try store.snapshot()
        try store.write { tx in
            try tx.execute("DELETE FROM vacancies WHERE id = 'V3'")
            try tx.execute("UPDATE vacancies SET id = 'V7' WHERE id = 'V1'")
        }
        let next = try store.snapshot(since: first.tableVersions)
        #expect(next.changedRowsOnly == ["vacancies": ["V3", "V1"]])
        RowLogTests.expectSame(next.laidOver(first), try store.snapshot())
    }

    /// A server initialised before pg17 (its roles exist): opening it as the owner adds the log and grants it
    /// to the officers, whose reloads then read the beds changed.
    @Test func aServerMadeBeforeTheRowLogGrantsItWhenMigrated() throws {
        let (ann, _, sian) = try PostgresLiveTests.threeOfficers()
        var owner = sian.location
        let server = try #require(TestPostgres.url)
        owner.user = try #require(PostgresLocation(url: server, defaultUser: OfficerIdentity.account())).user
        let admin = try PostgresStore(owner)
        try admin.write { tx in
            try tx.execute("DROP TABLE row_log")
            try tx.execute("DROP FUNCTION placefinder_log_row() CASCADE")
            try tx.execute("DELETE FROM placefinder_migrations WHERE identifier = '\(PostgresRowLog.identifier)'")
        }
        try admin.close()
        try PostgresStore(owner).close()
        let first = try sian.snapshot()
        try ann.hold(vacancyID: "V2", childID: "C2", officer: "ann", now: W.now)
        let next = try sian.snapshot(since: first.tableVersions)
        #expect(next.changedRowsOnly == ["vacancies": []])
        RowLogTests.expectSame(next.laidOver(first), try sian.snapshot())
    }

    /// An officer reads the market through its masked view: another authority's hold comes through the row
    /// log masked, as a whole read shows it.
    @Test func anOfficersReloadReadsTheMaskedBedsThatChanged() throws {
        let (ann, _, sian) = try PostgresLiveTests.threeOfficers()
        let first = try sian.snapshot()
        try ann.hold(vacancyID: "V2", childID: "C2", officer: "ann", now: W.now)
        let next = try sian.snapshot(since: first.tableVersions)
        #expect(next.changedRowsOnly == ["vacancies": []])
        #expect(next.vacancies?.first { $0.id == "V2" }?.hold?.childID == PostgresMarket.anotherAuthority)
        RowLogTests.expectSame(next.laidOver(first), try sian.snapshot())
    }
}
