import Foundation
import PlacementStore
import TerminalUI
import Testing
@testable import placefinder

/// Issue 13 through the real runtime on the demo store: the Reports tab shows the figures
/// `placefinder report all --format json` prints, for the officer's authority, their region and Wales; and the
/// place form's agreed cost, purpose and purchase are what the store records.
@Suite(.serialized) struct MarketRuntimeTests {
    static let officerAuthority = "W06000002"

    /// What the frames showed, page after page.
    final class Seen: @unchecked Sendable { var lines: [String] = [] }

    /// The tab's lines for the area on screen, page by page from the top to the end of the last panel.
    static func pages(_ seen: Seen) -> [ScriptedTerminal.Step] {
        var steps: [ScriptedTerminal.Step] = [.key(.home)]
        for _ in 0..<40 {
            steps += [.until("a page", { b in seen.lines += b.lines(); return true }), .key(.pageDown)]
        }
        return steps + [.until("the last page", { b in seen.lines += b.lines(); return true })]
    }

    @Test func theReportsTabShowsTheCLIsFiguresForTheAuthorityTheRegionAndWales() throws {
        let store = try WorkflowCLITests.demoStore()
        let shown = [Seen(), Seen(), Seen()]
        // Each area's figures, once they are in under its own heading (the last area's never show under it).
        func arrived(_ heading: String) -> (Buffer) -> Bool {
            { b in let t = b.lines().joined(separator: "\n"); return t.contains(heading) && t.contains("1. Residential nights by sector") }
        }
        var steps: [ScriptedTerminal.Step] = [.until("the dashboard", RuntimeLoopTests.shows("Urgent children")), .key(.char("6")),
                                              .until("Gwynedd's reports", arrived(" Gwynedd │"))]
        steps += Self.pages(shown[0])
        steps += [.key(.char("a")), .key(.home), .until("North Wales's reports", arrived(" North Wales (regional partnership board) │"))]
        steps += Self.pages(shown[1])
        steps += [.key(.char("a")), .key(.home), .until("Wales's reports", arrived(" Wales │"))]
        steps += Self.pages(shown[2])
        steps.append(.key(.char("q")))
        let terminal = ScriptedTerminal(width: 132, height: 43, steps)
        _ = try RuntimeLoopTests.runtime(store).run(on: terminal, authority: Self.officerAuthority, redact: false)
        #expect(terminal.timedOut == nil, "waited for \(terminal.timedOut ?? "")")

        for (area, seen) in zip([Self.officerAuthority, "north-wales", "wales"], shown) {
            let lines = seen.lines.map { Array($0) }
            let json = try CLI.run(["report", "all", "--area", area, "--period", "12m", "--format", "json", "--store", store])
            #expect(json.status == 0, "\(json.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            let panels = try #require(document["panels"] as? [[String: Any]])
            #expect(panels.count == 10)
            var cursor = 0, checked = 0
            for panel in panels {
                let number = panel["number"] as? Int
                let title = panel["title"] as? String ?? ""
                if let number {
                    #expect(seen.lines.contains { $0.contains("\(number). \(title)") }, "\(area): panel \(number) not shown")
                }
                for table in panel["tables"] as? [[String: Any]] ?? [] {
                    let columns = (table["columns"] as? [String])?.count ?? 1
                    for row in table["rows"] as? [[String: Any]] ?? [] {
                        let label = row["label"] as! String
                        let values = (row["values"] as! [Double]).map(ReportCLITests.shown)
                        // The tab shows the label (cut to its 30 columns) from column 4, the figures from column 34:
                        // the first, or every one for a table of several columns, in the same order as the JSON.
                        let head = Array("    " + label.prefix(26))
                        let wanted = Array(values.prefix(columns == 1 ? 1 : values.count))
                        let found = lines[cursor...].firstIndex { line in
                            guard line.count > 34, Array(line[0..<head.count]) == head else { return false }
                            let tokens = String(line[34...]).split(separator: " ").map(String.init)
                            return Array(tokens.prefix(wanted.count)) == wanted
                        }
                        #expect(found != nil, "\(area): the tab shows no line for \(label) \(values)")
                        cursor = found ?? cursor
                        checked += 1
                    }
                }
            }
            #expect(checked > 80, "\(area): \(checked) rows")
        }
    }

    /// A waiting child whose best bed needs at most the panel's approval (out of county).
    static func matchableChild(_ store: String) throws -> String {
        let children = try WorkflowCLITests.json(["export", "children", "--format", "json", "--store", store])
        for child in children where child["status"] as? String == "needs_placement" && child["siblingGroup"] == nil {
            let id = child["id"] as! String
            let out = try CLI.run(["match", id, "--json", "--top", "1", "--store", store])
            let object = try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any]
            guard let ranked = (object?["result"] as? [String: Any])?["ranked"] as? [[String: Any]], let first = ranked.first else { continue }
            let flags = Set(first["flags"] as? [String] ?? [])
            if flags.isDisjoint(with: ["key_stage_4_school_move", "for_profit", "separates_siblings"]) { return id }
        }
        throw CLIError("no waiting child has a match")
    }

    @Test func thePlaceFormsCostPurposeAndPurchaseReachTheStore() throws {
        let store = try WorkflowCLITests.demoStore()
        let child = try Self.matchableChild(store)
        let text = { (s: String) in s.map { ScriptedTerminal.Step.key(.char($0)) } }
        let steps: [ScriptedTerminal.Step] = [
            .until("the dashboard", RuntimeLoopTests.shows("Urgent children")),
            .key(.char("2")), .until("the children list", RuntimeLoopTests.shows("most urgent first")),
            .key(.char("/")),
        ] + text(child.lowercased()) + [
            .key(.enter), .key(.char("m")), .until("the ranked beds", RuntimeLoopTests.shows("Factors:")),
            .key(.char("p")), .until("the plan", RuntimeLoopTests.shows("This will:")),
        ] + text("Panel 7") + [                              // the panel's approval, if the bed is out of county
            .key(.tab),                                      // the weekly cost
        ] + Array(repeating: .key(.backspace), count: 8) + text("5250") + [
            .key(.tab), .key(.right), .key(.right),          // purpose: assessment
            .key(.tab), .key(.right), .key(.right),          // bought: spot purchase
            .until("the terms", RuntimeLoopTests.shows("‹ spot purchase ›")),
            .key(.enter), .until("placed", RuntimeLoopTests.shows("placed as")),
            .key(.char("q")),
        ]
        let terminal = ScriptedTerminal(width: 132, height: 43, steps)
        _ = try RuntimeLoopTests.runtime(store).run(on: terminal, authority: Self.officerAuthority, redact: false)
        #expect(terminal.timedOut == nil, "waited for \(terminal.timedOut ?? "")\n\(terminal.text)")
        let placements = try WorkflowCLITests.json(["export", "placements", "--format", "json", "--store", store])
        let placed = try #require(placements.last { $0["childID"] as? String == child && $0["actualEnd"] == nil })
        let cost = try #require(placed["cost"] as? [String: Any])
        #expect(cost["weekly"] as? Int == 5_250)
        #expect(placed["purpose"] as? String == "assessment")
        #expect(placed["purchase"] as? String == "spot")
    }
}

struct CLIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
