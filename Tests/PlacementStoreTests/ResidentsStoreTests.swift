import Foundation
import GRDB
import PlacementCore
import Testing
@testable import PlacementStore

/// Issue 15 §2 in the store: the children living in each home are read in the engine's own read (one query),
/// the child's new profile fields round-trip, and an older store migrates to v12 with none recorded.
@Suite struct ResidentsStoreTests {
    typealias W = WorkflowWorld

    /// C1 lives in P1's home (V3 is its vacancy) and poses a risk of criminal exploitation; C2 is at risk of it.
    static var batch: RecordBatch {
        var b = W.batch
        b.children[0].riskToOthers = [.criminal]
        b.children[1].needs = [.init(code: "CCE", level: .important)]
        b.children[1].livingCompanions = .olderOnly
        b.children[1].associatesToAvoid = ["C3"]
        return b
    }

    @Test(arguments: Backend.configured) func theChildsProfileFieldsRoundTrip(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try backend.freshStore(in: folder)
        try store.insert(Self.batch)
        let read = try store.children().sorted { $0.id < $1.id }
        #expect(read == Self.batch.children.sorted { $0.id < $1.id })
        #expect(read[0].riskToOthers == [.criminal])
        #expect(read[1].livingCompanions == .olderOnly && read[1].associatesToAvoid == ["C3"])
    }

    @Test(arguments: Backend.configured) func aHomeWhereAChildWhoPosesTheRiskLivesIsExcludedWithItsReason(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try backend.freshStore(in: folder)
        try store.insert(Self.batch)
        let engine = try store.matchEngine(today: W.today, policy: .default)
        let result = engine.rank(try store.matchRequest(childID: "C2", today: W.today, now: W.now))
        let excluded = Dictionary(uniqueKeysWithValues: result.excluded.map { (engine.index.vacancies[$0.index].id, $0.reasons) })
        #expect(excluded["V3"] == .residentExploitation)
        #expect(Set(result.ranked.map { engine.index.vacancies[$0.index].id }) == ["V1", "V2"])
        // C3 lives nowhere: no one else is excluded, and the empty home says so.
        let v1 = try #require(result.ranked.first { engine.index.vacancies[$0.index].id == "V1" })
        #expect(v1.explanation?.reasons.contains("no other children living here now") == true)
    }

    @Test func anEndedOrUndonePlacementIsNoResident() throws {
        let folder = try TempFolder()
        var batch = Self.batch
        batch.placements[0].actualEnd = Day(iso: "2026-10-01")!
        batch.placements[0].endReason = .CARPL
        batch.placements[0].ending = .planned
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insert(batch)
        let residents = try store.read { db in try PlacementDatabase.residents(today: W.today, bits: try NeedBits.load(db), in: db) }
        #expect(residents.isEmpty)
        let engine = try store.matchEngine(today: W.today)
        #expect(engine.rank(try store.matchRequest(childID: "C2", today: W.today, now: W.now)).excluded.isEmpty)
    }

    @Test func theResidentsReadCarriesNoName() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insert(Self.batch)
        let residents = try store.read { db in try PlacementDatabase.residents(today: W.today, bits: try NeedBits.load(db), in: db) }
        #expect(residents == [Resident(childID: "C1", providerID: "P1", birthDay: Day(iso: "2012-05-01")!, gender: .female, riskToOthers: [.criminal])])
        #expect(!ResidentsQuery.sql(today: "?").contains("name"))
    }

    @Test func childrenCSVCarriesTheNewColumnsBothWays() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insert(Self.batch)
        let csv = try store.export(.children, format: .csv, user: "alice")
        let header = try #require(csv.split(whereSeparator: \.isNewline).first)
        #expect(header.hasSuffix("status,risk_to_others,living_companions,associates_to_avoid"))
        #expect(csv.contains(",needs_placement,,older_only,C3"))
        #expect(csv.contains(",placed,criminal_exploitation,,"))
        let other = try PlacementDatabase(path: folder.file("t.sqlite"), create: true)
        try other.insert(RecordBatch(providers: Self.batch.providers, postcodes: Self.batch.postcodes))
        let url = URL(fileURLWithPath: folder.file("children.csv"))
        try Data(csv.utf8).write(to: url)
        _ = try other.importFile(.children, from: url, user: "alice", today: W.today)
        #expect(try other.children().sorted { $0.id < $1.id } == Self.batch.children.sorted { $0.id < $1.id })
    }

    @Test func aBadLivingCompanionsValueNamesTheColumn() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insert(Self.batch)
        var csv = try store.export(.children, format: .csv, user: "alice")
        csv = csv.replacingOccurrences(of: ",older_only,", with: ",with_pets,")
        let url = URL(fileURLWithPath: folder.file("children.csv"))
        try Data(csv.utf8).write(to: url)
        #expect {
            try store.importFile(.children, from: url, user: "alice", today: W.today)
        } throws: { error in
            "\(error)".contains("living_companions") && "\(error)".contains("children.csv")
        }
    }

    @Test func aV10StoreMigratesToV12WithNothingRecorded() throws {
        let folder = try TempFolder()
        let path = folder.file("v10.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v10")
        let batch = W.batch
        try queue.write { db in
            try PlacementDatabase.insertPostcodes(batch.postcodes, in: db)
            let bits = try NeedBits.load(db)
            let locator = try RecordLocator(postcodes: try RecordLocator.postcodes(of: batch, in: db), providers: batch.providers, in: db)
            for c in batch.children {
                try RowWriter.insert(ChildRow.table, ChildRow.v4Written, ChildRow.v4Arguments(c, home: locator.home(c), bits: bits), in: db)
            }
        }
        try queue.close()
        let store = try PlacementDatabase(path: path)
        #expect(try store.appliedMigrations().last == "v13")
        let read = try store.children()
        #expect(read.sorted { $0.id < $1.id } == batch.children.sorted { $0.id < $1.id })
        #expect(read.allSatisfy { $0.riskToOthers.isEmpty && $0.livingCompanions == nil && $0.associatesToAvoid.isEmpty })
    }
}
