import Foundation
import Testing

/// The command line in Welsh (issue 16): `--lang cy` on any subcommand, `PLACEFINDER_LANG`, or the locale;
/// errors stay one line naming file, line and column; English is unchanged when Welsh is not asked for.
@Suite struct WelshCLITests {
    /// The examples with one vacancy row (line 4) given a reversed age range.
    static func badVacancies(in dir: URL) throws -> URL {
        var lines = try String(contentsOf: CLI.examples.appendingPathComponent("vacancies.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        lines = lines.enumerated().map { n, line in n == 0 || line.isEmpty ? line : line.replacingOccurrences(of: "VAC-", with: "NEW-") }
        var fields = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        (fields[5], fields[6]) = ("15", "9")
        lines[3] = fields.joined(separator: ",")
        let bad = dir.appendingPathComponent("bad-vacancies.csv")
        try lines.joined(separator: "\n").write(to: bad, atomically: true, encoding: .utf8)
        return bad
    }

    @Test func aBadImportFileIsRefusedInWelshNamingFileLineAndColumn() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.importExamples(into: store)
        let bad = try Self.badVacancies(in: dir)
        let welsh = try CLI.run(["import", "vacancies", bad.path, "--store", store, "--lang", "cy"])
        #expect(welsh.status == 1)
        #expect(welsh.stderr.hasPrefix("placefinder: bad-vacancies.csv llinell 4, colofn age_"), "\(welsh.stderr)")
        #expect(welsh.stderr.contains("yn is nag age_min"), "the problem is Welsh too: \(welsh.stderr)")
        #expect(welsh.stderr.split(separator: "\n").count == 1, "one line")
        // The same from the environment and from the locale; English when neither asks for Welsh.
        let setting = try CLI.run(["import", "vacancies", bad.path, "--store", store], environment: ["PLACEFINDER_LANG": "cy"])
        #expect(setting.stderr == welsh.stderr)
        let locale = try CLI.run(["import", "vacancies", bad.path, "--store", store],
                                 environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "cy_GB.UTF-8", "PLACEFINDER_LANG": ""])
        #expect(locale.stderr == welsh.stderr)
        let english = try CLI.run(["import", "vacancies", bad.path, "--store", store, "--lang=en"], environment: ["PLACEFINDER_LANG": "cy"])
        #expect(english.stderr.hasPrefix("placefinder: bad-vacancies.csv line 4, column age_"), "--lang beats PLACEFINDER_LANG")
    }

    @Test func storeAndUsageMistakesInWelsh() throws {
        let dir = try CLI.temporaryDirectory()
        let missing = dir.appendingPathComponent("none.sqlite").path
        let store = try CLI.run(["export", "vacancies", "--store", missing, "--lang", "cy"])
        #expect(store.status == 1 && store.stderr.hasPrefix("placefinder: dim storfa yn \(missing)"), "\(store.stderr)")
        let usage = try CLI.run(["match", "--lang", "cy"])
        #expect(usage.status == 64)
        #expect(usage.stderr == "placefinder: CHILD-ID ar goll (gweler placefinder match --help)\n", "\(usage.stderr)")
        let english = try CLI.run(["match"])
        #expect(english.stderr == "placefinder: missing CHILD-ID (see placefinder match --help)\n", "\(english.stderr)")
        let unknown = try CLI.run(["export", "vacancies", "--lang", "fr", "--store", missing])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.contains("nid yw fr yn iaith") && unknown.stderr.contains("fr is not a language"), "\(unknown.stderr)")
        #expect(unknown.stderr.range(of: "nid yw fr")!.lowerBound < unknown.stderr.range(of: "fr is not")!.lowerBound, "Welsh first")
    }

    @Test func matchOutputInWelshAndEnglishUnchanged() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.importExamples(into: store)
        let welsh = try CLI.run(["match", "CH-001", "--top", "3", "--include-excluded", "--lang", "cy", "--store", store])
        #expect(welsh.status == 0, "\(welsh.stderr)")
        #expect(welsh.stdout.hasPrefix("Lleoedd addas i CH-001"), "\(welsh.stdout)")
        #expect(welsh.stdout.contains("\npolisi: ") && welsh.stdout.contains("wedi'u rhestru"))
        #expect(!welsh.stdout.contains(" by road") && !welsh.stdout.contains("ranked,"), "no English reasons or headings")
        let english = try CLI.run(["match", "CH-001", "--top", "3", "--include-excluded", "--store", store])
        #expect(english.stdout.hasPrefix("Matches for CH-001") && english.stdout.contains("by road"))
        let json = try CLI.run(["match", "CH-001", "--json", "--lang", "cy", "--store", store])
        #expect(json.stdout.contains("\"vacancyId\"") && json.stdout.contains("ar y ffordd"), "field names stay, reasons in Welsh")
    }
}
