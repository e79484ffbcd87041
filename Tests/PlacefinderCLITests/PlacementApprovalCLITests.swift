import Foundation
import Testing

/// `place` asks for the approvals the engine flagged, naming the option; `placement undo` corrects a
/// placement made today and the export shows both.
@Suite(.serialized) struct PlacementApprovalCLITests {
    static let options: [String: [String]] = ["out_of_area": ["--panel-approval", "Panel 25 Nov, minute 4"],
                                              "key_stage_4_school_move": ["--ks4-approval", "Nominated officer, 25 Nov"],
                                              "for_profit": ["--exceptional-reason", "only bed that meets the needs"]]

    /// A child waiting for a placement and an out-of-county bed the engine ranks for them, with its flags.
    /// `start` is the first day the bed is free (placing earlier is refused as not available in time).
    static func outOfCountyCandidate(store: String) throws -> (child: String, vacancy: String, flags: [String], start: [String])? {
        let children = try WorkflowCLITests.json(["export", "children", "--format", "json", "--store", store])
        for child in children where child["status"] as? String == "needs_placement" {
            let id = child["id"] as! String
            let match = try CLI.run(["match", id, "--json", "--top", "40", "--store", store])
            guard match.status == 0,
                  let object = try JSONSerialization.jsonObject(with: Data(match.stdout.utf8)) as? [String: Any],
                  let ranked = (object["result"] as? [String: Any])?["ranked"] as? [[String: Any]] else { continue }
            if let c = ranked.first(where: { ($0["flags"] as? [String] ?? []).contains("out_of_area") }) {
                let from = c["availableFrom"] as? String ?? CLI.pinnedNow
                return (id, c["vacancyId"] as! String, c["flags"] as! [String], from > "2026-11-25" ? ["--start", from] : [])
            }
        }
        return nil
    }

    @Test func theNewOptionsAndCommandHaveHelp() throws {
        let place = try CLI.run(["place", "--help"])
        #expect(place.status == 0)
        for option in ["--panel-approval", "--ks4-approval", "--exceptional-reason", "--breakdown", "--start"] {
            #expect(place.stdout.contains(option), "\(option)")
        }
        let undo = try CLI.run(["placement", "undo", "--help"])
        #expect(undo.status == 0 && undo.stdout.contains("--reason") && undo.stdout.contains("made today"))
        let both = try CLI.run(["place", "C1", "V1", "--planned-move", "--breakdown"])
        #expect(both.status != 0 && both.stderr.contains("--planned-move or --breakdown, not both"))
    }

    @Test func aPlacementNeedingApprovalIsRefusedUntilGivenThenUndone() throws {
        let store = try WorkflowCLITests.demoStore()
        let (child, vacancy, flags, start) = try #require(try Self.outOfCountyCandidate(store: store))

        let refused = try CLI.run(["place", child, vacancy, "--store", store] + start)
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("placefinder: needs --panel-approval: out of county, ") && refused.stderr.hasSuffix(" (reg 12(3))\n"),
                "\(refused.stderr)")
        #expect(try WorkflowCLITests.json(["export", "placements", "--format", "json", "--store", store])
                    .allSatisfy { $0["childID"] as? String != child || $0["vacancyID"] as? String != vacancy })

        // Only the panel given, when the bed also needs another: refused naming the next one.
        if flags.contains("for_profit") {
            let partial = try CLI.run(["place", child, vacancy, "--panel-approval", "Panel", "--store", store] + start)
            #expect(partial.status == 1 && partial.stderr.hasPrefix("placefinder: needs --exceptional-reason: for-profit provider"))
        }

        let approvals = flags.flatMap { Self.options[$0] ?? [] }
        let placed = try CLI.run(["place", child, vacancy, "--store", store] + start + approvals)
        #expect(placed.status == 0, "\(placed.stderr)")
        #expect(placed.stdout.contains("approvals recorded: --panel-approval"))
        let id = try #require(placed.stdout.split(separator: " ").dropFirst(5).first.map(String.init))
        #expect(id.hasPrefix("PL"))
        let csv = try CLI.run(["export", "placements", "--store", store])
        let row = try #require(csv.stdout.split(whereSeparator: \.isNewline).first { $0.hasPrefix(id + ",") })
        #expect(row.contains("Panel 25 Nov, minute 4") && row.contains("test-officer"))

        let noReason = try CLI.run(["placement", "undo", id, "--store", store])
        #expect(noReason.status != 0 && noReason.stderr.contains("--reason"))
        let undo = try CLI.run(["placement", "undo", id, "--reason", "wrong child selected", "--store", store])
        #expect(undo.status == 0, "\(undo.stderr)")
        #expect(undo.stdout.hasPrefix("undid \(id) for \(child) (needs_placement)") && undo.stdout.contains("\(vacancy) has "))
        let after = try WorkflowCLITests.json(["export", "placements", "--format", "json", "--store", store]).first { $0["id"] as? String == id }
        let undone = try #require(after?["undone"] as? [String: Any])
        #expect(undone["by"] as? String == "test-officer" && undone["reason"] as? String == "wrong child selected")
        #expect(try WorkflowCLITests.json(["export", "children", "--format", "json", "--store", store])
                    .first { $0["id"] as? String == child }?["status"] as? String == "needs_placement")

        let again = try CLI.run(["placement", "undo", id, "--reason", "again", "--store", store])
        #expect(again.status == 1 && again.stderr == "placefinder: placement \(id) is already undone\n")
        let tomorrow = try CLI.run(["placement", "undo", "PL00001", "--reason", "old", "--store", store])
        #expect(tomorrow.status == 1 && tomorrow.stderr.contains("only a placement made today can be undone"))
        let audit = try CLI.run(["audit", "--child", child, "--store", store])
        #expect(audit.stdout.contains("placement.undo") && !audit.stdout.contains("wrong child selected"))
        #expect(try CLI.run(["check", "--store", store]).status == 0)
    }
}
