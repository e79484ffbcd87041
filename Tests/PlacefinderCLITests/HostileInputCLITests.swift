import Foundation
import Testing

/// The real binary against hostile files and typed text (issue 11): nothing is lost quietly,
/// nothing reaches the terminal raw, no number crashes, no cell runs as a spreadsheet formula.
@Suite(.serialized) struct HostileInputCLITests {
    static let escapes = "\u{1B}[1A\u{1B}[2K\u{202E}"

    func store() throws -> (dir: URL, path: String) {
        let dir = try CLI.temporaryDirectory()
        let path = dir.appendingPathComponent("store.sqlite").path
        try CLI.initStore(path)
        return (dir, path)
    }

    /// True when no raw terminal control is in `text` (C0 but newline, C1, DEL, bidi controls).
    func isTerminalSafe(_ text: String) -> Bool {
        !text.unicodeScalars.contains { s in
            (s.value < 0x20 && s != "\n") || (0x7F...0x9F).contains(s.value)
                || (0x202A...0x202E).contains(s.value) || (0x2066...0x2069).contains(s.value)
        }
    }

    @Test func fiveRowFileWithAnUnterminatedQuoteImportsNothingAndSaysWhere() throws {
        let (dir, store) = try store()
        let lines = try String(contentsOf: CLI.examples.appendingPathComponent("providers.csv"), encoding: .utf8)
            .split(separator: "\n").prefix(6).map(String.init)
        var broken = lines
        broken[3] = broken[3].replacingOccurrences(of: ",rhodri@", with: ",\"rhodri@")
        let file = dir.appendingPathComponent("providers.csv")
        try (broken.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["import", "providers", file.path, "--store", store])
        #expect(result.status == 1)
        #expect(result.stderr.contains("providers.csv line 4, column contact_email:"))
        let export = try CLI.run(["export", "providers", "--store", store])
        #expect(export.stdout.split(separator: "\r\n").count == 1, "only the header: nothing was imported")

        try (lines.joined(separator: "\n") + "\n").write(to: file, atomically: true, encoding: .utf8)
        let good = try CLI.run(["import", "providers", file.path, "--store", store])
        #expect(good.stdout == "imported 5 providers from providers.csv (5 rows read from 5 lines, 5 imported)\n")
    }

    @Test func auditListingAndErrorsShowEscapesInsteadOfObeyingThem() throws {
        let (_, store) = try store()
        try CLI.importExamples(into: store)
        let forged = "CH-001" + Self.escapes
        #expect(try CLI.run(["audit", "--child", forged, "--store", store]).status == 0)
        let listing = try CLI.run(["audit", "--store", store])
        #expect(listing.status == 0)
        #expect(isTerminalSafe(listing.stdout))
        // What was typed is never stored (an officer may type a child's name): the entry says so.
        #expect(!listing.stdout.contains("CH-001\\x1B"))
        #expect(listing.stdout.contains("child unknown id"))

        let missing = try CLI.run(["match", "C\u{1B}]0;pwned\u{07}", "--store", store])
        #expect(missing.status == 1)
        #expect(isTerminalSafe(missing.stderr))
        #expect(missing.stderr.contains("C\\x1B]0;pwned\\x07"))

        // The argument parser's own messages quote what was typed.
        let usage = try CLI.run(["audit", "--no-such-\u{1B}[2J"])
        #expect(usage.status != 0)
        #expect(isTerminalSafe(usage.stderr) && usage.stderr.contains("--no-such-\\x1B[2J"))
    }

    @Test func matchShowsEscapesInProviderNames() throws {
        let (dir, store) = try store()
        var providers = try String(contentsOf: CLI.examples.appendingPathComponent("providers.csv"), encoding: .utf8)
        // The provider ranked first for CH-001.
        providers = providers.replacingOccurrences(of: "Teulu, Tŷ", with: "Teulu\(Self.escapes), Tŷ")
        let file = dir.appendingPathComponent("providers.csv")
        try providers.write(to: file, atomically: true, encoding: .utf8)
        for kind in ["postcodes", "providers", "children", "vacancies", "placements"] {
            let source = kind == "providers" ? file : CLI.examples.appendingPathComponent("\(kind).csv")
            let result = try CLI.run(["import", kind, source.path, "--store", store])
            try #require(result.status == 0, "\(result.stderr)")
        }
        let match = try CLI.run(["match", "CH-001", "--top", "50", "--include-excluded", "--store", store])
        #expect(match.status == 0)
        #expect(isTerminalSafe(match.stdout))
        // Made visible before the column is cut to width (beside the vacancy id), like any long name.
        #expect(match.stdout.contains("Teulu\\x1B[1A\\x1B["))
    }

    @Test func exportsNeutraliseFormulaCellsUnlessRawAndRoundTripExactly() throws {
        let (dir, store) = try store()
        var providers = try String(contentsOf: CLI.examples.appendingPathComponent("providers.csv"), encoding: .utf8)
        providers = providers.replacingOccurrences(of: "Siân Prosser,029 2000 0101", with: "=SUM(A1:A9)*0+1,+44 29 2000 0101")
        let file = dir.appendingPathComponent("providers.csv")
        try providers.write(to: file, atomically: true, encoding: .utf8)
        try #require(try CLI.run(["import", "providers", file.path, "--store", store]).status == 0)

        let export = try CLI.run(["export", "providers", "--store", store])
        #expect(export.stdout.contains(",'=SUM(A1:A9)*0+1,'+44 29 2000 0101,"))
        let raw = try CLI.run(["export", "providers", "--raw", "--store", store])
        #expect(raw.stdout.contains(",=SUM(A1:A9)*0+1,+44 29 2000 0101,"))

        let exported = dir.appendingPathComponent("exported.csv")
        try export.stdout.write(to: exported, atomically: true, encoding: .utf8)
        let second = dir.appendingPathComponent("second.sqlite").path
        try CLI.initStore(second)
        try #require(try CLI.run(["import", "providers", exported.path, "--store", second]).status == 0)
        #expect(try CLI.run(["export", "providers", "--raw", "--store", second]).stdout == raw.stdout)
    }

    @Test func hugeMilesAndLongHoldsAreRefused() throws {
        let (dir, store) = try store()
        try CLI.importExamples(into: store)
        let placements = try String(contentsOf: CLI.examples.appendingPathComponent("placements.csv"), encoding: .utf8)
            .split(separator: "\n").prefix(2).joined(separator: "\n")
            .replacingOccurrences(of: "PL-001", with: "PL-901").replacingOccurrences(of: ",3.2", with: ",1e308") + "\n"
        let file = dir.appendingPathComponent("placements.csv")
        try placements.write(to: file, atomically: true, encoding: .utf8)
        let result = try CLI.run(["import", "placements", file.path, "--store", store])
        #expect(result.status == 1)
        #expect(result.stderr.contains("line 2, column miles_from_home: must be 0–1000 miles"))

        let hold = try CLI.run(["hold", "VAC-001", "--child", "CH-001", "--until", "2026-12-10T12:00:00Z", "--store", store])
        #expect(hold.status == 1)
        #expect(hold.stderr.contains("at most 14 days"))
    }
}
