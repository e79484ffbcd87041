import CSV
import Foundation
import PlacementStore
import Testing
@testable import placefinder

/// `placefinder report` on the demo store: the CSV reads back, and the JSON carries the text's figures.
@Suite(.serialized) struct ReportCLITests {
    static let store: String = {
        let path = try! CLI.temporaryDirectory().appendingPathComponent("demo.sqlite").path
        let made = try! CLI.run(["demo", "--no-tui", "--store", path])
        precondition(made.status == 0, made.stderr)
        return path
    }()

    @Test func csvParsesBackWithFigureAndBaselineSideBySide() throws {
        let out = try CLI.run(["report", "all", "--area", "W06000022", "--period", "FY2025", "--format", "csv", "--store", Self.store])
        #expect(out.status == 0, "\(out.stderr)")
        let reader = try CSVReader(string: out.stdout, hasHeaderRow: true)
        #expect(reader.headerRow == ["panel", "table", "row", "column", "value", "share_percent", "baseline", "baseline_value", "baseline_ref"])
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        #expect(rows.count > 100 && rows.allSatisfy { $0.count == 9 })
        // Newport's private share of residential nights, beside Table 4.2's 79%.
        let privateNights = try #require(rows.first { $0[0] == "residential-nights" && $0[2] == "private" })
        #expect(privateNights[6] == "79%" && privateNights[7] == "79" && privateNights[8] == "Table 4.2, Newport")
        #expect(Double(privateNights[4]) != nil)
        // Spend is priced from the demo's agreed costs; every panel appears.
        let spend = try #require(rows.first { $0[0] == "spend" && $0[1] == "All spend" && $0[2] == "total" && $0[3] == "£" })
        #expect((Double(spend[4]) ?? 0) > 0)
        #expect(Set(rows.map { $0[0] }).count == 10)
    }

    @Test func jsonHasTheSameFiguresAsTheText() throws {
        for area in ["gwent", "wales"] {
            let args = ["report", "all", "--area", area, "--period", "12m", "--store", Self.store]
            let text = try CLI.run(args).stdout
            let json = try CLI.run(args + ["--format", "json"])
            #expect(json.status == 0, "\(json.stderr)")
            let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
            #expect(document["area"] as? String == area)
            let panels = try #require(document["panels"] as? [[String: Any]])
            #expect(panels.count == 10)
            var checked = 0
            // Walk the text in order: each JSON row is a later line with its label and every figure.
            let lines = text.split(separator: "\n").map(String.init)
            var cursor = 0
            for panel in panels {
                for table in panel["tables"] as? [[String: Any]] ?? [] {
                    for row in table["rows"] as? [[String: Any]] ?? [] {
                        let label = row["label"] as! String
                        let values = (row["values"] as! [Double]).map(Self.shown)
                        // The text prints the row's label then its figures, in order.
                        let found = lines[cursor...].firstIndex { line in
                            line.hasPrefix("    " + label + " ")
                                && line.dropFirst(4 + label.count).split(separator: " ").prefix(values.count).map(String.init) == values
                        }
                        #expect(found != nil, "\(area): no line for \(label) \(values)")
                        cursor = (found ?? cursor) + 1
                        checked += 1
                    }
                }
            }
            #expect(checked > 80)
        }
    }

    @Test func unmetNeedCountsWhatTheMatchCommandRanks() throws {
        let out = try CLI.run(["report", "unmet-need", "--area", "wales", "--format", "json", "--store", Self.store])
        #expect(out.status == 0, "\(out.stderr)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(out.stdout.utf8)) as? [String: Any])
        let panel = try #require((document["panels"] as? [[String: Any]])?.first)
        let tables = try #require(panel["tables"] as? [[String: Any]])
        let rows = try #require(tables[1]["rows"] as? [[String: Any]])
        #expect(rows.count >= 3)
        // Fewest suitable first; each child's count is the match command's ranked count.
        let totals = rows.map { ($0["values"] as! [Double]).last! }
        #expect(totals == totals.sorted())
        for row in rows.prefix(3) {
            let label = row["label"] as! String
            let id = String(label.prefix { $0 != " " })
            #expect(label.range(of: #"^C\d+ \([A-Z]{1,2}\)$"#, options: .regularExpression) != nil, "\(label)")
            let match = try CLI.run(["match", id, "--json", "--store", Self.store])
            let ranked = try #require(try JSONSerialization.jsonObject(with: Data(match.stdout.utf8)) as? [String: Any])
            let count = (ranked["result"] as? [String: Any])?["rankedCount"] as? Int
            #expect(count.map(Double.init) == (row["values"] as! [Double]).last, "\(id)")
        }
    }

    @Test func aFormulaInADeclineReasonIsNeutralisedInTheCSV() throws {
        let store = try CLI.temporaryDirectory().appendingPathComponent("demo.sqlite").path
        #expect(try CLI.run(["demo", "--no-tui", "--store", store]).status == 0)
        let children = try JSONSerialization.jsonObject(with: Data(try CLI.run(["export", "children", "--format", "json", "--store", store]).stdout.utf8)) as! [[String: Any]]
        let providers = try JSONSerialization.jsonObject(with: Data(try CLI.run(["export", "providers", "--format", "json", "--store", store]).stdout.utf8)) as! [[String: Any]]
        let child = children.first { ($0["status"] as? String) == "needs_placement" }!
        // Five providers decline with the same formula-like reason: today, in the child's authority, it is among
        // the reasons shown by name (the demo's long ring-rounds give many others over 12 months).
        for provider in providers.prefix(5) {
            let call = try CLI.run(["contact", "add", "--child", child["id"] as! String, "--provider", provider["id"] as! String,
                                    "--outcome", "declined", "--reason", "=cmd()", "--store", store])
            #expect(call.status == 0, "\(call.stderr)")
        }
        let out = try CLI.run(["report", "ring-round", "--area", child["placingAuthority"] as! String, "--period", "today",
                               "--format", "csv", "--store", store])
        let reader = try CSVReader(string: out.stdout, hasHeaderRow: true)
        var rows: [[String]] = []
        while let row = reader.next() { rows.append(row) }
        #expect(rows.contains { $0[1] == "Declines by reason" && $0[2] == "'=cmd()" && $0[4] == "5" })
    }

    @Test func badNamesAreaAndPeriodAreOneLineEach() throws {
        for (args, expected) in [(["report", "nights"], "nights is not a report"),
                                 (["report", "all", "--area", "Atlantis"], "--area: Atlantis is not a Welsh authority"),
                                 (["report", "all", "--period", "FY25"], "--period: FY25 is not")] {
            let out = try CLI.run(args + ["--store", Self.store])
            #expect(out.status != 0)
            #expect(out.stderr.contains(expected), "\(out.stderr)")
            #expect(out.stdout.isEmpty)
        }
    }

    @Test func theDefaultAreaIsTheOfficersAuthority() throws {
        let out = try CLI.run(["report", "stability", "--store", Self.store])
        #expect(out.status == 0, "\(out.stderr)")
        // The demo store's officer works for Cardiff (its officer_authority setting), as the dashboard opens.
        #expect(out.stdout.hasPrefix("Reports for Cardiff, last 12 months"))
        #expect(out.stdout.contains("5. Stability") && !out.stdout.contains("1. Residential"))
    }

    /// As the text prints a figure.
    static func shown(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        let f = NumberFormatter()
        f.numberStyle = .decimal
        f.groupingSeparator = ","
        f.decimalSeparator = "."
        f.usesGroupingSeparator = true
        f.minimumFractionDigits = rounded == rounded.rounded() ? 0 : 1
        f.maximumFractionDigits = 1
        return f.string(from: NSNumber(value: rounded))!
    }
}

/// The Reports tab in the real runtime loop: computed in the background, presses meanwhile coalesced.
@Suite(.serialized) struct ReportRuntimeTests {
    @Test func quickAreaPressesComputeTheFirstAndTheLastChoiceOnly() throws {
        let store = try WorkflowCLITests.demoStore()
        let runtime = try RuntimeLoopTests.runtime(store)
        let terminal = ScriptedTerminal([
            .until("the dashboard", RuntimeLoopTests.shows("Urgent children")),
            .key(.char("6")), .key(.char("a")), .key(.char("a")),
            .until("the Wales panels", RuntimeLoopTests.shows("Table 4.3, Wales")),
            .until("the runtime idle", { _ in runtime.idle }),
            .key(.char("q")),
        ])
        _ = runtime.run(on: terminal, authority: "W06000002", redact: false, pollSeconds: 3600)
        #expect(terminal.timedOut == nil, "waited for \(terminal.timedOut ?? "")")
        #expect(terminal.text.contains("Wales │ last 12 months") && terminal.text.contains("1. Residential nights by sector"))
        // Each computed report is audited (unmet need lists waiting children): Gwynedd's, then Wales's; the
        // board chosen in between was never computed.
        let entries = try PlacementDatabase(path: store).auditEntries(AuditQuery(recordType: "report"))
        #expect(entries.map { $0.detail ?? "" }.sorted() == ["area W06000002, period 12m", "area wales, period 12m"])
    }
}
