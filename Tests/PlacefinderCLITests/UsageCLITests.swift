import Foundation
import Testing

/// Issue 10, item 15: usage mistakes are one line naming the fix with one exit status (64), `backup`
/// refuses a missing folder, `match` prints the ids `hold` and `place` take, ids work in any case.
@Suite struct UsageCLITests {
    static func examplesStore() throws -> String {
        let store = try CLI.temporaryDirectory().appendingPathComponent("examples.sqlite").path
        try CLI.importExamples(into: store)
        return store
    }

    @Test func aUsageMistakeIsOneLineNamingTheFixAndExits64() throws {
        let cases: [([String], String)] = [
            (["match"], "placefinder: missing CHILD-ID (see placefinder match --help)"),
            (["match", "C1", "--top", "0"], "placefinder: --top must be at least 1 (see placefinder match --help)"),
            (["match", "C1", "--top", "many"], "placefinder: the value 'many' is invalid for --top (see placefinder match --help)"),
            (["match", "C1", "--bogus"], "placefinder: unknown option --bogus (see placefinder match --help)"),
            (["notice", "add", "--kind", "vacancy_filled"], "placefinder: missing --provider (see placefinder notice add --help)"),
            (["hold", "V1"], "placefinder: give --child to hold, or --release (see placefinder hold --help)"),
            (["place", "C1"], "placefinder: missing VACANCY (see placefinder place --help)"),
            (["frobnicate"], "placefinder: unexpected argument 'frobnicate' (see placefinder --help)"),
            // A long list of allowed values is kept, on the one line.
            (["import", "foo", "x.csv"], "placefinder: the value 'foo' is invalid for KIND. Please provide one of the following: "
                + "providers, vacancies, children, placements, postcodes, notices, contacts, ssda903 (see placefinder import --help)"),
        ]
        for (arguments, line) in cases {
            let result = try CLI.run(arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr == line + "\n", "\(arguments)")
            #expect(result.stdout.isEmpty, "\(arguments)")
        }
        // Help is not a mistake; a refused command is not a usage mistake.
        #expect(try CLI.run(["match", "--help"]).status == 0)
        let store = try Self.examplesStore()
        let unknown = try CLI.run(["match", "NOPE", "--store", store])
        #expect(unknown.status == 1 && unknown.stderr == "placefinder: no child with id NOPE\n")
    }

    @Test func backupRefusesAMissingFolderAndCreatesNothing() throws {
        let store = try Self.examplesStore()
        let dir = try CLI.temporaryDirectory()
        let missing = dir.appendingPathComponent("not-yet").path
        let refused = try CLI.run(["backup", missing + "/copy.sqlite", "--store", store])
        #expect(refused.status == 1)
        #expect(refused.stderr == "placefinder: \(missing): no such folder; create it first (mkdir -m 700 \(missing)) or choose another DEST\n")
        #expect(!FileManager.default.fileExists(atPath: missing))
        let made = try CLI.run(["backup", dir.appendingPathComponent("copy.sqlite").path, "--store", store])
        #expect(made.status == 0, "\(made.stderr)")
    }

    @Test func matchTextShowsEachVacancyIdForHoldAndPlace() throws {
        let store = try Self.examplesStore()
        let json = try CLI.run(["match", "CH-001", "--json", "--store", store])
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as! [String: Any]
        let ranked = (object["result"] as! [String: Any])["ranked"] as! [[String: Any]]
        try #require(!ranked.isEmpty)
        let text = try CLI.run(["match", "CH-001", "--store", store])
        #expect(text.status == 0, "\(text.stderr)")
        let lines = text.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first { $0.contains("Score") && $0.contains("Provider") })
        #expect(header.contains("Vacancy"))
        for candidate in ranked {
            let rank = candidate["rank"] as! Int, id = candidate["vacancyId"] as! String
            // The candidate's own line: its rank, then its score, then its vacancy id.
            #expect(lines.contains { $0.hasPrefix(String(format: "%3d ", rank)) && $0.contains("  \(id) ") }, "\(id)")
        }
        #expect(lines.allSatisfy { $0.count <= 80 })
        // The id printed is the one `hold` takes.
        let first = ranked[0]["vacancyId"] as! String
        let hold = try CLI.run(["hold", first, "--child", "CH-001", "--store", store])
        #expect(hold.status == 0 && hold.stdout.hasPrefix("held \(first) for CH-001"), "\(hold.stderr)")
    }

    @Test func idsTypedInAnyCaseWorkEverywhere() throws {
        let store = try Self.examplesStore()
        let upper = try CLI.run(["match", "CH-001", "--json", "--store", store])
        let lower = try CLI.run(["match", "ch-001", "--json", "--store", store])
        #expect(lower.status == 0 && lower.stdout == upper.stdout, "\(lower.stderr)")
        let ranked = ((try JSONSerialization.jsonObject(with: Data(upper.stdout.utf8)) as! [String: Any])["result"] as! [String: Any])["ranked"] as! [[String: Any]]
        let vacancy = ranked[0]["vacancyId"] as! String, provider = ranked[0]["providerId"] as! String

        let call = try CLI.run(["contact", "add", "--child", "ch-001", "--provider", provider.lowercased(), "--outcome", "considering", "--store", store])
        #expect(call.status == 0 && call.stdout.contains("CH-001 / \(provider) considering"), "\(call.stderr)")
        let hold = try CLI.run(["hold", vacancy.lowercased(), "--child", "Ch-001", "--store", store])
        #expect(hold.status == 0 && hold.stdout.hasPrefix("held \(vacancy) for CH-001"), "\(hold.stderr)")
        let release = try CLI.run(["hold", vacancy.lowercased(), "--release", "--store", store])
        #expect(release.status == 0 && release.stdout.hasPrefix("released \(vacancy)"), "\(release.stderr)")
        let notice = try CLI.run(["notice", "add", "--provider", provider.lowercased(), "--kind", "vacancy_changed",
                                  "--vacancy", vacancy.lowercased(), "--fee", "900", "--store", store])
        #expect(notice.status == 0 && notice.stdout.contains("vacancy \(vacancy)"), "\(notice.stderr)")
        let audit = try CLI.run(["audit", "--child", "ch-001", "--store", store])
        #expect(audit.status == 0 && audit.stdout.contains("CH-001"), "\(audit.stderr)")
        // Place in the ranked vacancy (its hold released above), typed in lower case. It is out of county and a Key
        // Stage 4 school move: the panel's (reg 12(3)) and the nominated officer's (reg 11) approvals.
        let place = try CLI.run(["place", "ch-001", vacancy.lowercased(), "--panel-approval", "panel 25 Nov",
                                 "--ks4-approval", "J. Evans 25 Nov", "--store", store])
        #expect(place.status == 0 && place.stdout.hasPrefix("placed CH-001 in \(vacancy)"), "\(place.stderr)")
        // An id that is nobody's in any case is still refused by name.
        let nobody = try CLI.run(["place", "ch-999", vacancy, "--store", store])
        #expect(nobody.status == 1 && nobody.stderr == "placefinder: no child with id ch-999\n")
    }
}
