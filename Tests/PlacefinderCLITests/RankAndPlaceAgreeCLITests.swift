import Foundation
import Testing

/// No wrong bed: every vacancy `match` ranks for a child is one `place` accepts on its suitability (the
/// ranking and the write locate beds and check avoid-areas the same way). Run on the example files, whose
/// CH-001 has an avoid-area around a bed with no postcode of its own.
@Suite struct RankAndPlaceAgreeCLITests {
    @Test func placeNeverRefusesARankedBedAsUnsuitable() throws {
        let folder = try CLI.temporaryDirectory()
        let store = folder.appendingPathComponent("examples.sqlite").path
        try CLI.importExamples(into: store)
        let children = try JSONSerialization.jsonObject(with: Data(try CLI.run(["export", "children", "--format", "json", "--store", store]).stdout.utf8)) as! [[String: Any]]
        var tried = 0
        for child in children.map({ $0["id"] as! String }) {
            let match = try CLI.run(["match", child, "--json", "--store", store])
            guard match.status == 0 else { continue }
            let result = (try JSONSerialization.jsonObject(with: Data(match.stdout.utf8)) as! [String: Any])["result"] as! [String: Any]
            for ranked in result["ranked"] as! [[String: Any]] {
                let scratch = folder.appendingPathComponent("scratch.sqlite").path
                #expect(try CLI.run(["backup", scratch, "--overwrite", "--store", store]).status == 0)
                let place = try CLI.run(["place", child, ranked["vacancyId"] as! String, "--planned-move",
                                         "--panel-approval", "panel", "--ks4-approval", "officer", "--exceptional-reason", "none nearer",
                                         "--store", scratch])
                #expect(!place.stderr.contains("does not suit"), "\(child): \(place.stderr)")
                tried += 1
            }
        }
        #expect(tried >= 3, "the examples rank a few beds")
    }
}
