import Foundation
import Testing

/// `--help --lang cy` on every subcommand an officer uses (issue 16: "CLI help … in Welsh"). The bench-*
/// commands are developer tools and are left out.
extension WelshCLITests {
    /// Every subcommand path below the root, found from the root's own help (so a new one is covered too).
    static func officerSubcommands() throws -> [[String]] {
        var found: [[String]] = []
        var queue: [[String]] = [[]]
        while !queue.isEmpty {
            let path = queue.removeFirst()
            guard path.count < 3 else { continue }   // placefinder has two levels; a misread help cannot loop
            let help = try CLI.run(path + ["--help"], environment: ["PLACEFINDER_LANG": "en"]).stdout
            for name in subcommandNames(help) where !name.hasPrefix("bench") && name != "help" {
                found.append(path + [name])
                queue.append(path + [name])
            }
        }
        return found
    }

    /// The names listed under SUBCOMMANDS: in argument-parser's help (up to the blank line before its
    /// "See 'placefinder help <subcommand>'" line).
    static func subcommandNames(_ help: String) -> [String] {
        guard let section = help.components(separatedBy: "SUBCOMMANDS:\n").dropFirst().first else { return [] }
        return section.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0.hasPrefix("  ") }.compactMap { line in
            // A name starts two columns in; wrapped abstracts are indented further.
            line.hasPrefix("   ") ? nil : line.split(separator: " ").first.map(String.init)
        }
    }

    /// Runs of spaces and line breaks as one space: help wraps at the terminal's width.
    static func flattened(_ text: String) -> String {
        text.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
    }

    /// The fixed English of every l10n/cli.tsv row whose Welsh differs (the text between its placeholders,
    /// two words and eight characters or more), leaving out any that a Welsh text of the catalogue also
    /// contains (an option name such as `--breakdown`, a code typed as it is).
    static func englishOnlyFragments() throws -> Set<String> {
        let folder = CLI.packageRoot.appendingPathComponent("l10n")
        var welsh: [String] = []
        var cli: [(en: String, cy: String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".tsv") {
            let rows = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8).split(separator: "\n").dropFirst()
            for row in rows {
                let fields = row.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
                guard fields.count >= 3 else { continue }
                welsh.append(flattened(fields[2]))
                if name == "cli.tsv" && fields[1] != fields[2] { cli.append((fields[1], fields[2])) }
            }
        }
        var fragments = Set<String>()
        for row in cli {
            for piece in row.en.split(separator: "{") {
                let literal = flattened(String(piece.split(separator: "}", maxSplits: 1).last ?? piece)).trimmingCharacters(in: .whitespaces)
                guard literal.count >= 8, literal.contains(" "), !welsh.contains(where: { $0.contains(literal) }) else { continue }
                fragments.insert(literal)
            }
        }
        return fragments
    }

    /// The description beside each option and argument in a help text, by its name (`--child`, `<kind>`).
    static func optionDescriptions(_ help: String) -> [String: String] {
        var found: [String: String] = [:]
        for line in help.split(separator: "\n") where line.hasPrefix("  -") || line.hasPrefix("  <") {
            let trimmed = line.drop { $0 == " " }
            guard let gap = trimmed.range(of: "  ") else { continue }
            let names = trimmed[..<gap.lowerBound].split(separator: " ").filter { $0.hasPrefix("--") || $0.hasPrefix("<") }
            guard let name = names.first else { continue }
            found[String(name)] = String(trimmed[gap.upperBound...]).trimmingCharacters(in: .whitespaces)
        }
        return found
    }

    @Test func everyOfficerSubcommandsHelpIsInWelsh() throws {
        let paths = try Self.officerSubcommands()
        // The subcommands the README lists, so a broken discovery cannot pass by finding none.
        for expected in [["audit"], ["check"], ["store", "init"], ["import"], ["export"], ["notice", "add"], ["place"], ["referral", "send"]] {
            #expect(paths.contains(expected), "\(expected) not found among \(paths)")
        }
        let fragments = try Self.englishOnlyFragments()
        #expect(fragments.count > 100, "the check compares against the catalogue's English")
        for path in [[]] + paths {
            // The root takes the language from the environment: with `--lang` (an option of its default
            // subcommand, `open`) argument-parser shows `open`'s help instead, which is checked as `open`.
            let welsh = try path.isEmpty ? CLI.run(["--help"], environment: ["PLACEFINDER_LANG": "cy"]) : CLI.run(path + ["--help", "--lang", "cy"])
            let english = try CLI.run(path + ["--help"], environment: ["PLACEFINDER_LANG": "en"])
            #expect(welsh.status == 0 && english.status == 0, "\(path)")
            let flat = Self.flattened(welsh.stdout)
            for fragment in fragments where flat.contains(fragment) {
                Issue.record("placefinder \(path.joined(separator: " ")) --help --lang cy shows English: \(fragment)")
            }
            // argument-parser's own words are said too.
            #expect(welsh.stdout.contains("DEFNYDD: placefinder"), "\(path): \(welsh.stdout)")
            for heading in ["USAGE:", "OPTIONS:", "ARGUMENTS:", "SUBCOMMANDS:", "OVERVIEW:", "Show help information.", "(default:"] {
                #expect(!welsh.stdout.contains(heading), "\(path) --help --lang cy: \(heading)")
            }
            // Every option's line is worded in Welsh, not only those catalogued: a new English literal fails here.
            let cy = Self.optionDescriptions(welsh.stdout), en = Self.optionDescriptions(english.stdout)
            #expect(!en.isEmpty && Set(cy.keys) == Set(en.keys), "\(path): \(en.keys) vs \(cy.keys)")
            for (name, text) in en where !text.isEmpty {
                #expect(cy[name] != text, "placefinder \(path.joined(separator: " ")) \(name) is English in Welsh help: \(text)")
            }
        }
    }
}
