import Foundation
import GRDB
import PlacementCore
import Testing
@testable import PlacementStore

@Suite struct StabilityAggregateTests {
    /// Placements of every shape (running, ended in and before the window, starting after today, breakdowns,
    /// same-day and unknown notice): SQLite's aggregate equals `ProviderStability.compute` exactly.
    @Test(arguments: [("2026-11-25", 365), ("2025-06-30", 90), ("2026-01-01", 1000)])
    func theStoreAggregatesAsTheEngineCounts(today iso: String, window: Int) throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        let providers = (1...6).map { Fixtures.provider("P\($0)") }
        var random = SplitMix(seed: 9)
        let base = Fixtures.day("2024-01-01")
        let placements = (0..<400).map { i -> Placement in
            let start = base.adding(days: random.next(1200))
            let ended = random.next(3) > 0
            let end = ended ? start.adding(days: random.next(500)) : nil
            return Placement(id: "PL\(i)", childID: "C1", providerID: "P\(1 + random.next(6))", start: start,
                             actualEnd: end, endReason: ended ? .CREQB : nil,
                             noticeHours: ended && random.next(2) == 0 ? [0, 12, 24, 25, 720][random.next(5)] : nil,
                             ending: ended ? (random.next(3) == 0 ? .breakdown : .planned) : nil,
                             placementType: .K2, localityTier: 0, milesFromHome: 1)
        }
        try store.insert(RecordBatch(providers: providers, children: [Fixtures.child()], placements: placements))
        let today = Fixtures.day(iso)
        let expected = ProviderStability.compute(placements, today: today, windowDays: window)
        let aggregated = try store.providerStability(today: today, windowDays: window)
        #expect(aggregated == expected)
        #expect(expected.values.contains { $0.breakdowns > 0 } && expected.values.contains { $0.shortNoticeEndings > 0 })
    }
}

@Suite struct NextIDTests {
    /// The counter follows every insert — workflow, batch or import, any width — and ignores ids that are
    /// not the prefix and digits, as the scan it replaced did.
    @Test func countersFollowEveryInsert() throws {
        let folder = try TempFolder()
        let store = try WorkflowWorld.store(in: folder)
        func next(_ table: String, _ width: Int) throws -> String {
            try store.pool.read { db in try PlacementDatabase.nextID(table: table, width: width, in: db) }
        }
        #expect(try next("notices", 4) == "N0001")
        #expect(try next("placements", 5) == "PL00002")   // after PL1
        #expect(try next("vacancies", 5) == "V00004")     // after V3
        let notice = { (id: String) in ProviderNotice(id: id, receivedAt: WorkflowWorld.now, loggedBy: "x", providerID: "P1", kind: .vacancyFilled) }
        try store.insert(RecordBatch(notices: [notice("N0099"), notice("N12"), notice("NX100"), notice("N1000x")]))
        #expect(try next("notices", 4) == "N0100")
        try store.insert(RecordBatch(notices: [notice("N123456")]))
        #expect(try next("notices", 4) == "N123457")
        try store.insert(RecordBatch(notices: [notice("N0200")]))   // lower than the highest: no change
        #expect(try next("notices", 4) == "N123457")
        let logged = try store.logNotice(WorkflowWorld.sameDayEnding(), officer: "alice", now: WorkflowWorld.now)
        #expect(logged.notice.id == "N123457")
        #expect(try next("notices", 4) == "N123458")
    }

    /// One indexed row read, whatever the table holds: the plan touches `id_counters` only.
    @Test func nextIDDoesNotScanTheTable() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        let plan = try store.pool.read { db in
            try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT prefix, highest, digits FROM id_counters WHERE name = ?", arguments: ["notices"])
                .map { $0["detail"] as String }
        }
        #expect(plan.count == 1 && plan[0].contains("SEARCH id_counters USING PRIMARY KEY"))
    }
}

/// A small deterministic generator (SplitMix64) for test data.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(_ bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
