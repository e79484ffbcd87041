import Foundation
import GRDB
import Testing
@testable import PlacementStore

private typealias W = WorkflowWorld

/// The log is checkpointed off the commit: the writer's own automatic checkpoint is off, so only the
/// background checkpointer can have copied the commits into the store file while the store is open.
@Suite struct WALCheckpointTests {
    @Test func commitsPastTheThresholdAreCheckpointedInTheBackground() throws {
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        #expect(try store.pool.writeWithoutTransaction { try Int.fetchOne($0, sql: "PRAGMA wal_autocheckpoint") } == 0)
        let fileSize = { (try? FileManager.default.attributesOfItem(atPath: store.path)[.size] as? Int) ?? 0 }
        let before = fileSize()
        // About 2,000 pages of new beds, in commits like an import's.
        for batch in 0..<20 {
            try store.insert(RecordBatch(vacancies: (0..<400).map { W.vacancy("V\(batch)-\($0)", beds: 1) }))
        }
        let deadline = Date().addingTimeInterval(20)
        while fileSize() <= before && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        #expect(fileSize() > before, "the store file never grew: no checkpoint ran while the store was open")
        try store.close()
    }
}
