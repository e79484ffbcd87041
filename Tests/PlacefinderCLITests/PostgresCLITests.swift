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
        let dashboard = try CLI.run(["--summary", "--store", server])
        #expect(dashboard.status == 1 && dashboard.stderr.contains("SQLite store file only"))
    }
}
