import Foundation
import GRDB
import PlacementCore
import Testing
@testable import PlacementStore

/// A store written by a v8 Placefinder migrates to v9: its records read back unchanged with the new fields not
/// recorded (nil, never guessed), and the store then learns cost, purpose, framework or spot, the authorities
/// at the start, registered places and beds filled by another authority.
@Suite struct MigrationV9Tests {
    typealias W = WorkflowWorld

    @Test func aV8StoreMigratesAndLearnsTheMarketFields() throws {
        let folder = try TempFolder()
        let path = folder.file("v8.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v8")
        let batch = W.batch
        try queue.write { db in
            // Rows as a v8 build wrote them: only the columns that existed then.
            try PlacementDatabase.insertPostcodes(batch.postcodes, in: db)
            let bits = try NeedBits.load(db)
            var locator = try RecordLocator(postcodes: try RecordLocator.postcodes(of: batch, in: db), providers: batch.providers, in: db)
            for p in batch.providers {
                try RowWriter.insert(ProviderRow.table, ProviderRow.v4Written, ProviderRow.v4Arguments(p, location: locator.provider(p), bits: bits), in: db)
            }
            for c in batch.children { try RowWriter.insert(ChildRow.table, ChildRow.v4Written, ChildRow.v4Arguments(c, home: locator.home(c), bits: bits), in: db) }
            for v in batch.vacancies {
                try RowWriter.insert(VacancyRow.table, VacancyRow.v4Written, VacancyRow.v4Arguments(v, location: try locator.bed(v, in: db), bits: bits), in: db)
            }
            for p in batch.placements {
                try RowWriter.insert(PlacementRow.table, PlacementRow.v4Written + PlacementRow.v7Columns,
                                     Array(PlacementRow.arguments(p).prefix(PlacementRow.v4Written.count + PlacementRow.v7Columns.count)), in: db)
            }
        }
        try queue.close()

        let store = try PlacementDatabase(path: path)
        #expect(try store.appliedMigrations().suffix(3) == ["v11", "v12", "v13"])
        #expect(try store.placements() == batch.placements)
        let old = try #require(try store.placements().first)
        #expect(old.cost == nil && old.purpose == nil && old.purchase == nil && old.placingAuthority == nil && old.bedAuthority == nil)
        #expect(try store.providers().allSatisfy { $0.registeredPlaces == nil })
        #expect(try store.vacancies().sorted { $0.id < $1.id } == batch.vacancies.sorted { $0.id < $1.id })

        // A placement made now fixes both authorities and records what was agreed (cost defaults to the fee).
        let placed = try store.place(childID: "C2", vacancyID: "V1", start: W.today, officer: "alice", now: W.now,
                                     approvals: W.panel, terms: PlacementTerms(purpose: .assessment, purchase: .framework))
        let stored = try #require(try store.placements(childID: "C2").first)
        #expect(stored == placed.placement)
        #expect(stored.placingAuthority == "W06000015" && stored.bedAuthority == "W06000011")
        #expect(stored.cost == AgreedCost(weekly: 4_500) && stored.purpose == .assessment && stored.purchase == .framework)

        // A provider's notice records the English authority that filled a bed, naming no child.
        let filled = try store.logNotice(NoticeDraft(providerID: "P2", kind: .vacancyFilled, receivedAt: W.now, vacancyID: "V2",
                                                     filledBy: "E08000025"), officer: "alice", now: W.now)
        #expect(filled.vacancy?.filledBy == "E08000025")
        #expect(try store.vacancies().first { $0.id == "V2" }?.filledBy == "E08000025")
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func costChangesRegisteredPlacesAndFilledBedsRoundTripThroughTheStore() throws {
        let folder = try TempFolder()
        var batch = W.batch
        batch.providers[1].registeredPlaces = 4
        batch.vacancies[2].status = .filled
        batch.vacancies[2].filledBy = "E06000019"
        batch.placements[0].cost = AgreedCost(weekly: 4_200, changes: [CostChange(from: Day(iso: "2026-04-01")!, weeklyCost: 4_400)])
        batch.placements[0].purpose = .longTerm
        batch.placements[0].purchase = .spot
        batch.placements[0].placingAuthority = "W06000015"
        batch.placements[0].bedAuthority = "W06000015"
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insert(batch)
        #expect(try store.placements() == batch.placements)
        #expect(try store.providers().first { $0.id == "P2" }?.registeredPlaces == 4)
        #expect(try store.vacancies().first { $0.id == "V3" }?.filledBy == "E06000019")
    }
}
