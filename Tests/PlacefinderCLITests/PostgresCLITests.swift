import Foundation
import Testing
@testable import PlacementStore

/// The real binary on both backends: the same commands against a store file and a PostgreSQL store give the
/// same answers (skipped without `PLACEFINDER_TEST_POSTGRES`; CI always sets it).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["PLACEFINDER_TEST_POSTGRES"] != nil,
                "PLACEFINDER_TEST_POSTGRES is unset: no PostgreSQL server to test against (.ci/run starts one and sets it)"))
struct PostgresCLITests {
    /// A new, empty database on the test server, as a `--store` URL.
    static func freshServerStore() throws -> String {
        let url = ProcessInfo.processInfo.environment["PLACEFINDER_TEST_POSTGRES"]!
        let session = try PostgresSession(try #require(PostgresLocation(url: url, defaultUser: OfficerIdentity.account())))
        defer { session.close() }
        let name = "pf_cli_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        try session.execute("CREATE DATABASE \(name)")
        return url + (url.contains("?") ? "&" : "?") + "dbname=\(name)"
    }

    @Test func importMatchHoldAndPlaceAnswerAlikeOnBothBackends() throws {
        let file = try CLI.temporaryDirectory().appendingPathComponent("s.sqlite").path
        let server = try Self.freshServerStore()
        var answers: [[String]] = []
        for store in [file, server] {
            try CLI.importExamples(into: store)
            var lines: [String] = []
            for arguments in [["match", "CH-001", "--json"], ["export", "vacancies", "--format", "csv"],
                              ["hold", "VAC-001", "--child", "CH-001"], ["export", "children", "--format", "json"]] {
                let result = try CLI.run(arguments + ["--store", store])
                #expect(result.status == 0, "\(arguments) on \(store == file ? "SQLite" : "PostgreSQL"): \(result.stderr)")
                lines.append(result.stdout)
            }
            answers.append(lines)
        }
        #expect(answers[0] == answers[1])
        #expect(try CLI.run(["store", "init", "--store", server]).stderr.contains("already exists"))
        // The dashboard opens on the server too (here its summary, as off a terminal).
        let dashboard = try CLI.run(["--summary", "--store", server])
        #expect(dashboard.status == 0 && dashboard.stdout.contains("Open vacancies by authority and setting"), "\(dashboard.stderr)")
    }
}

extension PostgresCLITests {
    /// A file with workflow history (a hold, a withdrawn notice, a call) copied into PostgreSQL and back:
    /// every export of the three stores is the same, byte for byte.
    @Test func aStoreCopiedToTheServerAndBackExportsTheSame() throws {
        let folder = try CLI.temporaryDirectory()
        let file = folder.appendingPathComponent("s.sqlite").path, back = folder.appendingPathComponent("back.sqlite").path
        let server = try Self.freshServerStore()
        try CLI.importExamples(into: file)
        for arguments in [["hold", "VAC-001", "--child", "CH-001"],
                          ["notice", "add", "--provider", "PRV-003", "--kind", "vacancy_filled", "--vacancy", "VAC-004"],
                          ["contact", "add", "--child", "CH-002", "--provider", "PRV-002", "--outcome", "declined", "--reason", "full"]] {
            let result = try CLI.run(arguments + ["--store", file])
            #expect(result.status == 0, "\(arguments): \(result.stderr)")
        }
        let noticeID = try #require(try CLI.run(["export", "notices", "--format", "json", "--store", file]).stdout
            .split(separator: "\"").first { $0.hasPrefix("N") && $0.count == 5 })
        #expect(try CLI.run(["notice", "withdraw", String(noticeID), "--reason", "wrong bed", "--store", file]).status == 0)

        let there = try CLI.run(["store", "copy", file, server])
        #expect(there.status == 0 && there.stdout.hasPrefix("copied "), "\(there.stderr)")
        let home = try CLI.run(["store", "copy", server, back])
        #expect(home.status == 0, "\(home.stderr)")
        for kind in ["providers", "vacancies", "children", "placements", "postcodes", "notices", "contacts"] {
            // CSV: JSON writes a set (genders accepted) in each process's own hash order.
            let exports = try [file, server, back].map { try CLI.run(["export", kind, "--format", "csv", "--store", $0]).stdout }
            #expect(exports[0] == exports[1] && exports[1] == exports[2], "\(kind) differs")
            #expect(!exports[0].isEmpty)
        }
        #expect(try CLI.run(["store", "copy", file, server]).stderr.contains("already exists"))
        // `check` finds the same problems in the examples (an expired hold, a notice-received child) on both.
        let checks = try [file, server].map { try CLI.run(["check", "--store", $0]) }
        #expect(checks.map(\.status) == [1, 1])
        #expect(checks[0].stdout.split(separator: "\n").dropFirst(2) == checks[1].stdout.split(separator: "\n").dropFirst(2))
        #expect(checks[1].stdout.contains("2 problems found.") && checks[1].stdout.contains("pg_amcheck"))
    }
}
