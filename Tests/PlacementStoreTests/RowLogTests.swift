import Foundation
import GRDB
import PlacementCore
import PropertyBased
import Testing
@testable import PlacementStore

private typealias W = WorkflowWorld

/// The row log (schema v13): a reload reads only the rows commits changed, and those rows laid over the
/// snapshot before give exactly what a whole read gives, whatever the commits did.
@Suite struct RowLogTests {
    /// The change counters, without PostgreSQL's row log mark: where the next reload starts, which moves with
    /// any transaction on the server.
    static func counters(_ snapshot: StoreSnapshot) -> [String: Int] {
        snapshot.tableVersions.filter { $0.key != PostgresRowLog.mark }
    }

    /// Every field a dashboard reads from a snapshot, equal in `a` and `b`.
    static func expectSame(_ a: StoreSnapshot, _ b: StoreSnapshot, _ note: String = "",
                           sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.vacancies == b.vacancies, "vacancies \(note)", sourceLocation: sourceLocation)
        #expect(a.vacancyVersions == b.vacancyVersions, "vacancy versions \(note)", sourceLocation: sourceLocation)
        #expect(a.bedAuthority == b.bedAuthority, "bed authorities \(note)", sourceLocation: sourceLocation)
        #expect(a.placements == b.placements, "placements \(note)", sourceLocation: sourceLocation)
        #expect(a.children == b.children, "children \(note)", sourceLocation: sourceLocation)
        #expect(a.childVersions == b.childVersions, "child versions \(note)", sourceLocation: sourceLocation)
        #expect(a.providers == b.providers && a.notices == b.notices && a.contacts == b.contacts, "the rest \(note)",
                sourceLocation: sourceLocation)
        #expect(counters(a) == counters(b), "counters \(note)", sourceLocation: sourceLocation)
    }

    /// A colleague holds one bed: the reload reads that bed alone (not the table), and laid over the last
    /// snapshot it is the whole read.
    @Test func aReloadReadsOnlyTheRowsACommitChanged() throws {
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        let first = try store.snapshot()
        try store.hold(vacancyID: "V2", childID: "C1", officer: "ceri", now: W.now)
        let next = try store.snapshot(since: first.tableVersions)
        #expect(next.changedRowsOnly == ["vacancies": []])
        #expect(next.vacancies?.map(\.id) == ["V2"] && next.vacancyVersions == ["V2": 2])
        #expect(next.placements == nil && next.children == nil)
        Self.expectSame(next.laidOver(first), try store.snapshot())
    }

    /// Thousands of rows changed at once (an import, a repair) are read as the whole table, a pass that
    /// costs no more than looking them up one by one.
    @Test func aBulkChangeIsReadWhole() throws {
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        try store.insert(RecordBatch(vacancies: (10..<110).map { W.vacancy("V\($0)", beds: 1) }))
        let first = try store.snapshot()
        try store.pool.write { db in try db.execute(sql: "UPDATE vacancies SET weekly_fee = weekly_fee + 1") }
        let next = try store.snapshot(since: first.tableVersions)
        #expect(next.changedRowsOnly.isEmpty && next.vacancies?.count == 103)
        Self.expectSame(next.laidOver(first), try store.snapshot())
    }

    /// After the launch's first read: the history it left out comes with what changed since — a bed filled
    /// after the first read, a filled one opened again, a new one, one deleted by hand — in the order a
    /// whole read gives.
    @Test func theHistoryComesWithWhatChangedSinceTheFirstRead() throws {
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        try store.place(childID: "C2", vacancyID: "V1", start: W.today, officer: "ceri", now: W.now, approvals: W.panel)
        let historyFrom = W.today.adding(days: -366)
        let current = try store.currentSnapshot(historyFrom: historyFrom)
        #expect(current.vacancies?.map(\.id).contains("V1") == false)
        try store.place(childID: "C3", vacancyID: "V2", start: W.today, officer: "ceri", now: W.now, approvals: W.panel)
        try store.insert(RecordBatch(vacancies: [W.vacancy("V0", provider: "P1", beds: 2)]))
        try store.pool.write { db in
            try db.execute(sql: "UPDATE vacancies SET status = 'open' WHERE id = 'V1'")
            try db.execute(sql: "DELETE FROM vacancies WHERE id = 'V3'")
        }
        let history = try store.historySnapshot(since: current.tableVersions, historyFrom: historyFrom)
        #expect(!history.historyDeferred && history.changedRowsOnly["vacancies"] == ["V3"])
        Self.expectSame(history.laidOver(current), try store.snapshot())
    }

    // MARK: any sequence of commits

    /// One commit of a generated history: what it does to which row.
    enum Change: CaseIterable { case newBed, bedStatus, bedFee, deleteBed, endPlacement, childName, newPlacement }

    /// Commits drawn from a seed, each followed by a reload laid over the last; after each, the layered
    /// snapshot is the whole read. The first read is the launch's cut when `cut`, and the second completes it.
    static func checkLayering(seed: Int, commits: Int, cut: Bool) throws {
        var rng = FuzzRandom(seed: UInt64(truncatingIfNeeded: seed))
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        let historyFrom = W.today.adding(days: -366)
        var held = cut ? try store.currentSnapshot(historyFrom: historyFrom) : try store.snapshot()
        var owed = cut
        var made = 0
        for step in 0..<commits {
            let ids = try store.pool.read { db in try String.fetchAll(db, sql: "SELECT id FROM vacancies ORDER BY id") }
            let some = ids.randomElement(using: &rng) ?? "V1"
            let change = Change.allCases.randomElement(using: &rng)!
            if change == .newPlacement {
                // Through the workflow (it may refuse: the bed taken, the child placed; then nothing changed).
                let child = ["C1", "C2", "C3"].randomElement(using: &rng)!
                _ = try? store.place(childID: child, vacancyID: some, start: W.today, officer: "ceri", now: W.now, approvals: W.panel)
            }
            try store.pool.write { db in
                switch change {
                case .newBed:
                    made += 1
                    let provider = ["P1", "P2"].randomElement(using: &rng)!
                    // Ids that sort before, between and after the others, so rows land everywhere.
                    let id = ["V0\(made)", "V2\(made)", "V9\(made)"].randomElement(using: &rng)!
                    try PlacementDatabase.insert(RecordBatch(vacancies: [W.vacancy(id, provider: provider, beds: 1)]), audit: nil, in: db)
                case .bedStatus:
                    let status = ["open", "filled", "withdrawn"].randomElement(using: &rng)!
                    try db.execute(sql: "UPDATE vacancies SET status = ? WHERE id = ?", arguments: [status, some])
                case .bedFee:
                    try db.execute(sql: "UPDATE vacancies SET weekly_fee = weekly_fee + 7 WHERE id = ?", arguments: [some])
                case .deleteBed:
                    try db.execute(sql: "DELETE FROM vacancies WHERE id = ? AND id NOT IN (SELECT vacancy_id FROM placements)",
                                   arguments: [some])
                case .endPlacement:
                    let day = W.today.adding(days: -Int.random(in: 0...800, using: &rng))
                    try db.execute(sql: "UPDATE placements SET actual_end = ?, actual_end_day = ? WHERE id IN (SELECT id FROM placements LIMIT 1)",
                                   arguments: [day.iso, day.daysSinceEpoch])
                case .childName:
                    let child = ["C1", "C2", "C3"].randomElement(using: &rng)!
                    try db.execute(sql: "UPDATE children SET given_name = given_name || 'a' WHERE id = ?", arguments: [child])
                case .newPlacement:
                    break
                }
            }
            let next = owed ? try store.historySnapshot(since: held.tableVersions, historyFrom: historyFrom)
                            : try store.snapshot(since: held.tableVersions)
            owed = false
            held = next.laidOver(held)
            expectSame(held, try store.snapshot(), "after commit \(step), seed \(seed)")
        }
    }

    @Test func anySequenceOfCommitsLaysOverToTheWholeRead() async {
        await propertyCheck(count: 25, input: Gen.int(in: 0...Int.max), Gen.int(in: 0...1)) { seed, cut in
            #expect(throws: Never.self) { try Self.checkLayering(seed: seed, commits: 12, cut: cut == 1) }
        }
    }
}
