import Foundation
import GRDB
import PlacementCore
import Testing
@testable import PlacementStore

/// A v8 store (no inspections, no purchase modes) migrates to v10: its records read back unchanged with
/// neither recorded, and both can then be written, read and exported.
@Suite struct MigrationV10Tests {
    @Test func aV8StoreMigratesAndThenKeepsInspectionsAndPurchaseModes() throws {
        let folder = try TempFolder()
        let path = folder.file("v8.sqlite")
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v8")
        var batch = WorkflowWorld.batch
        batch.placements = []
        try queue.write { db in try LegacyStore.insertBeforeV10(batch, in: db) }
        try queue.close()

        let store = try PlacementDatabase(path: path)
        #expect(try store.appliedMigrations().last == "v13")
        let providers = try store.providers()
        #expect(providers.map(\.id) == batch.providers.map(\.id).sorted())
        #expect(providers.allSatisfy { $0.inspection == nil })
        #expect(try store.vacancies().allSatisfy { $0.purchase == nil })

        var rated = batch.providers[0]
        rated.id = "P-RATED"
        rated.inspection = Inspection(date: Day(iso: "2025-11-04")!, rating: .requiresImprovement)
        var bought = batch.vacancies[0]
        bought.id = "V-BOUGHT"
        bought.providerID = "P-RATED"
        bought.purchase = .allWalesFramework
        try store.insert(RecordBatch(providers: [rated], vacancies: [bought]))
        #expect(try store.providers().first { $0.id == "P-RATED" }?.inspection == rated.inspection)
        #expect(try store.vacancies().first { $0.id == "V-BOUGHT" }?.purchase == .allWalesFramework)
        let csv = try store.export(.providers, format: .csv, user: "alice")
        #expect(csv.contains(",2025-11-04,requires_improvement"))
    }
}
