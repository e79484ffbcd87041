import Foundation
import PlacementCore
import PlacementStore
import TerminalUI
import Testing
@testable import placefinder

/// `audit`, `report`, `backup` and the dashboard on a regional server, each as a role's own login (issue 12):
/// the real binary for the commands, the real terminal loop for the dashboard. Skipped without a server.
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PLACEFINDER_TEST_POSTGRES"] != nil,
                "PLACEFINDER_TEST_POSTGRES is unset: no PostgreSQL server to test against (.ci/run starts one and sets it)"))
struct PostgresRegionalCLITests {
    /// A server store holding the examples, with a Cardiff and a Swansea officer, a West Glamorgan
    /// commissioner (added with Swansea's code) and one for all Wales. Roles are the server's: names get a suffix.
    struct Server {
        let admin: String
        let gwen: String, sian: String, elin: String, dafydd: String

        init() throws {
            let admin = try PostgresCLITests.freshServerStore()
            self.admin = admin
            #expect(try CLI.run(["server", "init", admin]).status == 0)
            for kind in ["postcodes", "providers", "children", "vacancies", "placements"] {
                let done = try CLI.run(["import", kind, CLI.examples.appendingPathComponent("\(kind).csv").path, "--store", admin])
                #expect(done.status == 0, "import \(kind): \(done.stderr)")
            }
            let suffix = String(UUID().uuidString.prefix(8)).lowercased()
            func add(_ name: String, _ authority: String, _ role: String) throws -> String {
                let login = "\(name)_\(suffix)"
                let added = try CLI.run(["officer", "add", login, "--authority", authority, "--role", role, "--store", admin])
                #expect(added.status == 0, "\(added.stderr)")
                return Server.url(admin, as: login)
            }
            gwen = try add("gwen", "W06000015", "officer")
            sian = try add("sian", "W06000011", "officer")
            elin = try add("elin", "W06000011", "commissioner")
            dafydd = try add("dafydd", ReportArea.walesCode, "commissioner")
        }

        /// The same database as another login (the test cluster trusts local connections).
        static func url(_ url: String, as login: String) -> String {
            let start = url.range(of: "://")!.upperBound
            let at = url[start...].firstIndex(of: "@")!
            return String(url[..<start]) + login + String(url[at...])
        }
    }

    struct Entry: Decodable { let action: String; let recordType: String; let recordID: String?; let detail: String? }

    static func entries(_ output: CLI.Output) throws -> [Entry] {
        try JSONDecoder().decode([Entry].self, from: Data(output.stdout.utf8))
    }

    @Test func anOfficerListsTheirAuthoritysTrailAndTheReadingIsRecorded() throws {
        let server = try Server()
        #expect(try CLI.run(["hold", "VAC-001", "--child", "CH-001", "--store", server.gwen]).status == 0)
        let call = try CLI.run(["contact", "add", "--child", "CH-002", "--provider", "PRV-002", "--outcome", "no_answer", "--store", server.sian])
        #expect(call.status == 0, "\(call.stderr)")

        let gwens = try CLI.run(["audit", "--json", "--store", server.gwen])
        #expect(gwens.status == 0, "\(gwens.stderr)")
        let seen = try Self.entries(gwens)
        #expect(seen.contains { $0.action == "vacancy.hold" && $0.recordID == "VAC-001" })
        #expect(!seen.contains { $0.recordType.hasPrefix("contact") })
        #expect(!gwens.stdout.contains("CH-002") && !gwens.stdout.contains("CH-003"))
        #expect(try Self.entries(try CLI.run(["audit", "--json", "--store", server.sian])).contains { $0.recordType.hasPrefix("contact") })
        // Another authority's child is an unknown id to her: nothing listed, and the reading says so.
        let other = try CLI.run(["audit", "--child", "CH-002", "--store", server.gwen])
        #expect(other.status == 0 && other.stdout.hasSuffix("0 entries\n"), "\(other.stdout)\(other.stderr)")
        let trail = try Self.entries(try CLI.run(["audit", "--json", "--store", server.admin]))
        #expect(trail.contains { $0.action == "audit.read" && $0.detail == "child unknown id" })
        #expect(trail.filter { $0.action == "audit.read" }.count == 4)

        // The administrator prints the head of every chain, and check compares it on the server; an officer is
        // refused in one line (they read only their authority's chain).
        let head = try CLI.run(["audit", "--head", "--store", server.admin]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let gwensHead = try CLI.run(["audit", "--head", "--store", server.gwen])
        #expect(gwensHead.status != 0 && gwensHead.stdout.isEmpty && gwensHead.stderr.split(separator: "\n").count == 1,
                "\(gwensHead.stdout)\(gwensHead.stderr)")
        #expect(gwensHead.stderr.contains("administrator"))
        #expect(AuditHead(text: head) != nil, "\(head)")
        let held = try CLI.run(["check", "--audit-head", head, "--store", server.admin])
        #expect(!held.stdout.contains("still holds the head recorded earlier"), "\(held.stdout)")
        let forged = String(head.dropLast()) + (head.last == "0" ? "1" : "0")
        #expect(try CLI.run(["check", "--audit-head", forged, "--store", server.admin]).stdout.contains("PROBLEM  the audit trail still holds the head"))
    }

    @Test func aCommissionerGetsTheirBoardsCountsAndIsToldPlainlyAboutAnythingElse() throws {
        let server = try Server()
        let report = try CLI.run(["report", "all", "--store", server.elin])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("West Glamorgan") && report.stdout.contains("Waiting, by urgency"))
        #expect(!report.stdout.contains("CH-0"))
        let json = try CLI.run(["report", "unmet-need", "--format", "json", "--store", server.dafydd])
        #expect(json.status == 0 && json.stdout.contains("Waiting, by urgency") && !json.stdout.contains("CH-0"), "\(json.stderr)")

        let elsewhere = try CLI.run(["report", "all", "--area", "gwent", "--store", server.elin])
        #expect(elsewhere.status == 1 && elsewhere.stdout.isEmpty)
        #expect(elsewhere.stderr == "placefinder: you see the aggregates of West Glamorgan (regional partnership board) only, not Gwent (regional partnership board)\n")
        let welsh = try CLI.run(["report", "all", "--area", "gwent", "--lang", "cy", "--store", server.elin])
        #expect(welsh.stderr.hasPrefix("placefinder: dim ond cyfansymiau West Glamorgan (bwrdd partneriaeth rhanbarthol)"), "\(welsh.stderr)")

        // Off a terminal the dashboard is its summary: the market whole, children and placements as the board's counts.
        let summary = try CLI.run(["--summary", "--store", server.elin])
        #expect(summary.status == 0 && summary.stdout.contains("Open vacancies by authority and setting"), "\(summary.stderr)")

        let audit = try CLI.run(["audit", "--store", server.elin])
        #expect(audit.status == 1 && audit.stderr.hasPrefix("placefinder: a commissioner reads aggregates only") && audit.stdout.isEmpty)
    }

    @Test func anOfficersReportIsTheirAuthoritysAndABackupPointsToPostgresTools() throws {
        let server = try Server()
        let own = try CLI.run(["report", "all", "--store", server.gwen])
        #expect(own.status == 0 && own.stdout.contains("Cardiff"), "\(own.stderr)")
        let wales = try CLI.run(["report", "all", "--area", "wales", "--store", server.gwen])
        #expect(wales.status == 1 && wales.stderr.split(separator: "\n").count == 1)
        #expect(wales.stderr.contains("your own authority's reports (Cardiff), not Wales"), "\(wales.stderr)")
        let backup = try CLI.run(["backup", "copy.sqlite", "--store", server.admin])
        #expect(backup.status == 1 && backup.stderr.contains("pg_dump") && backup.stderr.split(separator: "\n").count == 1, "\(backup.stderr)")
    }

    /// The dashboard as a commissioner: it opens on the market, says there is no child's record to show, and
    /// its Reports tab shows the board's counts.
    @Test func aCommissionersDashboardOpensOnTheMarketWithNoChild() throws {
        let server = try Server()
        let store = try #require(try PostgresStore.open(url: server.elin, defaultUser: OfficerIdentity.account()))
        let admin = try #require(try PostgresStore.open(url: server.admin, defaultUser: OfficerIdentity.account()))
        let data = try AppDataLoader.load(store, now: RuntimeLoopTests.now)
        #expect(data.childRecordsHidden && data.children.isEmpty && data.placements.isEmpty && data.contacts.isEmpty)
        #expect(try data.vacancies.map(\.id) == admin.vacancies().map(\.id) && !data.providers.isEmpty)

        let runtime = TerminalRuntime(db: store, officer: "elin", clock: { RuntimeLoopTests.now })
        let script = ScriptedTerminal([
            .until("the dashboard", RuntimeLoopTests.shows("A commissioner sees no child's record.")),
            .key(.char("2")),
            .until("the children tab", RuntimeLoopTests.shows("Your area's figures are on the Reports tab (6)")),
            .key(.char("6")),
            .until("the board's figures, computed by the server", RuntimeLoopTests.shows("Nights by sector")),
            .key(.char("a")),
            .until("West Glamorgan's", RuntimeLoopTests.shows("West Glamorgan")),
            .key(.char("q")),
        ])
        _ = runtime.run(on: script, authority: "W06000011", redact: false, pollSeconds: 3600)
        #expect(script.timedOut == nil, "waited for \(script.timedOut ?? "") on\n\(script.text)")
        #expect(!script.text.contains("Could not compute the reports"))
    }
}
