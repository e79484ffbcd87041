import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

/// An SSDA903 return through the store interface: the same import report and the same exported files from a
/// store file and a PostgreSQL store (skipped without a server).
@Suite(.enabled(if: TestPostgres.isConfigured, TestPostgres.unsetReason))
struct PostgresSSDA903Tests {
    @Test func aReturnImportsAndExportsAlikeOnBothBackends() throws {
        let folder = try TempFolder()
        func file(_ name: String, _ text: String) throws -> URL {
            let url = URL(fileURLWithPath: folder.file(name))
            try Data(text.utf8).write(to: url)
            return url
        }
        let (header, episodes) = (try file("header.csv", SSDA903Tests.header), try file("episodes.csv", SSDA903Tests.episodes))
        var reports: [SSDA903ImportReport] = [], returns: [SSDA903Files] = []
        for backend in [Backend.sqlite, .postgres] {
            let store = try backend.freshStore(in: folder)
            try store.insert(RecordBatch(providers: [Fixtures.provider()]))
            reports.append(try store.importSSDA903(header: header, episodes: episodes, uasc: nil, authority: nil, user: "officer1",
                                                   today: Day(iso: "2026-11-25")!))
            returns.append(try store.exportSSDA903(year: CollectionYear(startYear: 2025), authority: nil, user: "officer1"))
            // A second import of the same children is refused whole, on either backend.
            #expect(throws: ImportError.self) {
                try store.importSSDA903(header: header, episodes: episodes, uasc: nil, authority: nil, user: "officer1",
                                        today: Day(iso: "2026-11-25")!)
            }
            #expect(try store.children().count == 3)
        }
        #expect(reports[0] == reports[1] && reports[0].children == 3)
        #expect(returns[0] == returns[1] && returns[0].episodeCount == 6)
    }
}
