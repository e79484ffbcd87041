import Foundation
import Testing

@Suite(.serialized) struct DemoMatchCLITests {
    static func demoStore() throws -> String {
        let store = try CLI.temporaryDirectory().appendingPathComponent("demo.sqlite").path
        let result = try CLI.run(["demo", "--no-tui", "--store", store])
        precondition(result.status == 0, result.stderr)
        return store
    }

    @Test func demoCoversAllTwentyTwoAuthorities() throws {
        let store = try Self.demoStore()
        let children = try CLI.run(["export", "children", "--store", store]).stdout
        let providers = try CLI.run(["export", "providers", "--store", store]).stdout
        let welsh = ["01", "02", "03", "04", "05", "06", "08", "09", "10", "11", "12", "13", "14", "15", "16", "18", "19", "20", "21", "22", "23", "24"]
        for code in welsh.map({ "W060000\($0)" }) {
            #expect(children.contains(code) && providers.contains(code), "\(code) missing from the demo")
        }
        let summary = try CLI.run(["--store", store])
        #expect(summary.status == 0)
        #expect(summary.stdout.contains("Cardiff") && summary.stdout.contains("Isle of Anglesey"))
    }

    @Test func theDemoNeverOverwritesARealStore() throws {
        let dir = try CLI.temporaryDirectory()
        let real = dir.appendingPathComponent("real.sqlite").path
        try CLI.importExamples(into: real)
        let result = try CLI.run(["demo", "--no-tui", "--store", real])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not a demo store"))
        #expect(try CLI.run(["export", "providers", "--store", real]).stdout.contains("PRV-001"))
    }

    @Test func matchPrintsARankedExplainedListAndJSON() throws {
        let store = try Self.demoStore()
        let children = try CLI.run(["export", "children", "--format", "json", "--store", store]).stdout
        let decoded = try JSONSerialization.jsonObject(with: Data(children.utf8)) as! [[String: Any]]
        let waiting = decoded.first { ($0["status"] as? String) == "needs_placement" && $0["siblingGroup"] == nil }!
        let id = waiting["id"] as! String

        let text = try CLI.run(["match", id, "--top", "5", "--store", store])
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("Matches for \(id)"))
        #expect(text.stdout.contains("policy: Placefinder default"))
        #expect(text.stdout.split(separator: "\n").allSatisfy { $0.count <= 80 }, "readable at 80 columns")

        let json = try CLI.run(["match", id, "--json", "--include-excluded", "--store", store])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let result = object["result"] as! [String: Any]
        let ranked = result["ranked"] as! [[String: Any]]
        #expect(!ranked.isEmpty)
        let scores = ranked.map { $0["score"] as! Double }
        #expect(scores == scores.sorted(by: >))
        #expect((ranked[0]["reasons"] as! [String]).first?.contains("need") == true)
        #expect((result["excluded"] as! [[String: Any]]).allSatisfy { !($0["reasons"] as! [String]).isEmpty })

        let unknown = try CLI.run(["match", "C-NOPE", "--store", store])
        #expect(unknown.status == 1 && unknown.stderr == "placefinder: no child with id C-NOPE\n")
    }

    @Test func aPlacedChildWithNoNoticeHasNothingToMatch() throws {
        let store = try Self.demoStore()
        let children = try CLI.run(["export", "children", "--format", "json", "--store", store]).stdout
        let decoded = try JSONSerialization.jsonObject(with: Data(children.utf8)) as! [[String: Any]]
        let placed = decoded.first { ($0["status"] as? String) == "placed" }!["id"] as! String
        let result = try CLI.run(["match", placed, "--store", store])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is placed and no notice has been received"))
    }

    @Test func aPolicyFileIsNamedInTheOutputAndBadOnesAreRefused() throws {
        let store = try Self.demoStore()
        let dir = try CLI.temporaryDirectory()
        let good = dir.appendingPathComponent("policy.json")
        try #"{"name": "Test policy", "weights": {"cost": 0.1}}"#.write(to: good, atomically: true, encoding: .utf8)
        let bad = dir.appendingPathComponent("bad.json")
        try #"{"weights": {"price": 1}}"#.write(to: bad, atomically: true, encoding: .utf8)
        let children = try CLI.run(["export", "children", "--format", "json", "--store", store]).stdout
        let decoded = try JSONSerialization.jsonObject(with: Data(children.utf8)) as! [[String: Any]]
        let id = decoded.first { ($0["status"] as? String) != "placed" }!["id"] as! String
        let ok = try CLI.run(["match", id, "--policy", good.path, "--store", store])
        #expect(ok.stdout.contains("policy: Test policy"), "\(ok.stderr)")
        let refused = try CLI.run(["match", id, "--policy", bad.path, "--store", store])
        #expect(refused.status == 1 && refused.stderr.contains("bad.json: unknown key price"), "\(refused.stderr)")
    }
}
