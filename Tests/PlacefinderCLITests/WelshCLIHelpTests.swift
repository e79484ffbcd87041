import Foundation
import Testing

/// `--help --lang cy` on every subcommand (issue 16: "CLI help … in Welsh"), the developers' bench-* commands
/// included: an officer who works through Welsh meets no English in any help.
extension WelshCLITests {
    /// Every subcommand path below the root, found from the root's own help (so a new one is covered too).
    static func officerSubcommands() throws -> [[String]] {
        var found: [[String]] = []
        var queue: [[String]] = [[]]
        while !queue.isEmpty {
            let path = queue.removeFirst()
            guard path.count < 3 else { continue }   // placefinder has two levels; a misread help cannot loop
            let help = try CLI.run(path + ["--help"], environment: ["PLACEFINDER_LANG": "en"]).stdout
            for name in subcommandNames(help) where name != "help" {
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

    /// Words of English prose that Welsh text never uses (`a`, `i`, `am`, `to`… are Welsh words too).
    static let commonEnglish: Set<String> = ["the", "and", "of", "or", "with", "for", "are", "from", "this", "that", "each",
                                             "every", "when", "which", "show", "usage", "default", "see", "information"]

    /// A line's words of prose in lower case: what is typed as it is (`--available-from`, `<from>`, `FROM`,
    /// `docs/performance.md#store-and-load`, `vacancy_opened`) is not prose and is left out.
    static func words(_ line: Substring) -> Set<String> {
        let prose = line.split(separator: " ").filter { token in
            !token.contains { "-<>/_#=.@".contains($0) } || token.last == "." && !token.dropLast().contains { "-<>/_#=.@".contains($0) }
        }.filter { token in token.contains { $0.isLowercase } }
        return Set(prose.joined(separator: " ").lowercased().split { !$0.isLetter && $0 != "'" && $0 != "’" }.map(String.init))
    }

    @Test func everyOfficerSubcommandsHelpIsInWelsh() throws {
        let paths = try Self.officerSubcommands()
        // The subcommands the README lists, so a broken discovery cannot pass by finding none.
        for expected in [["audit"], ["check"], ["store", "init"], ["import"], ["export"], ["notice", "add"], ["place"], ["referral", "send"],
                         ["bench"], ["bench-store"], ["bench-live"], ["bench-regional"]] {
            #expect(paths.contains(expected), "\(expected) not found among \(paths)")
        }
        let fragments = try Self.englishOnlyFragments()
        #expect(fragments.count > 100, "the check compares against the catalogue's English")
        for path in [[]] + paths {
            let welsh = try CLI.run(path + ["--help", "--lang", "cy"])
            let english = try CLI.run(path + ["--help"], environment: ["PLACEFINDER_LANG": "en"])
            #expect(welsh.status == 0 && english.status == 0, "\(path)")
            let flat = Self.flattened(welsh.stdout)
            for fragment in fragments where flat.contains(fragment) {
                Issue.record("placefinder \(path.joined(separator: " ")) --help --lang cy shows English: \(fragment)")
            }
            // English that is in no catalogue row (a literal in code, argument-parser's own words) is caught by its commonest words.
            for line in welsh.stdout.split(separator: "\n") {
                for word in Self.commonEnglish where Self.words(line).contains(word) {
                    Issue.record("placefinder \(path.joined(separator: " ")) --help --lang cy has English (\(word)): \(line)")
                }
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

/// The root's help (issue 16): in Welsh however Welsh is asked for, aligned as in English, with no English line.
extension WelshCLITests {
    /// The root's help under a Welsh locale, the reference the other ways of asking must match.
    static func localeRootHelp(_ arguments: [String] = ["--help"]) throws -> CLI.Output {
        try CLI.run(arguments, environment: ["LC_ALL": "", "LC_MESSAGES": "", "LANG": "cy_GB.UTF-8", "PLACEFINDER_LANG": ""])
    }

    @Test func everyWayOfAskingForTheRootsHelpInWelshGivesIt() throws {
        let reference = try Self.localeRootHelp()
        #expect(reference.status == 0 && reference.stdout.contains("IS-ORCHMYNION:"), "the root's help, not open's: \(reference.stdout)")
        for arguments in [["--help", "--lang", "cy"], ["--lang", "cy", "--help"], ["-h", "--lang=cy"], ["help", "--lang", "cy"], ["--lang", "cy", "help"]] {
            let asked = try CLI.run(arguments)
            #expect(asked.status == 0 && asked.stderr.isEmpty, "\(arguments): \(asked.stderr)")
            #expect(asked.stdout == reference.stdout, "\(arguments) differs from the Welsh locale's root help:\n\(asked.stdout)")
        }
        #expect(try CLI.run(["help"], environment: ["PLACEFINDER_LANG": "cy"]).stdout == reference.stdout)
        // A subcommand's help through `help`, as under the locale and as `match --help --lang cy`.
        let match = try CLI.run(["help", "match", "--lang", "cy"])
        #expect(match.status == 0 && match.stdout.contains("DEFNYDD: placefinder match"), "\(match.stdout)\(match.stderr)")
        #expect(match.stdout == (try Self.localeRootHelp(["help", "match"])).stdout)
        #expect(match.stdout == (try CLI.run(["match", "--help", "--lang", "cy"])).stdout)
        // English is as it was: the root's help, argument-parser's words.
        let english = try CLI.run(["--help"], environment: ["PLACEFINDER_LANG": "en"])
        #expect(english.stdout.contains("SUBCOMMANDS:") && english.stdout.contains("See 'placefinder help <subcommand>' for detailed help."))
        #expect(try CLI.run(["help", "--lang", "en"]).stdout == english.stdout)
    }

    @Test func theWelshRootHelpListsEverySubcommandInWelshInTheEnglishColumns() throws {
        let welsh = try CLI.run(["--help", "--lang", "cy"]).stdout
        let english = try CLI.run(["--help"], environment: ["PLACEFINDER_LANG": "en"]).stdout
        func listing(_ help: String, _ heading: String) -> [Substring] {
            guard let section = help.components(separatedBy: heading + "\n").dropFirst().first else { return [] }
            return Array(section.split(separator: "\n", omittingEmptySubsequences: false).prefix { $0.hasPrefix("  ") })
        }
        // A subcommand's line (wrapped abstracts are indented further), its name and where its abstract starts.
        func named(_ lines: [Substring]) -> [(name: String, column: Int, text: String)] {
            lines.compactMap { line in
                let body = line.dropFirst(2)
                guard !body.hasPrefix(" "), let gap = body.range(of: "  ") else { return nil }
                let text = body[gap.upperBound...].drop { $0 == " " }
                return (String(body[..<gap.lowerBound].split(separator: " ")[0]), line.count - text.count, String(text))
            }
        }
        let cy = named(listing(welsh, "IS-ORCHMYNION:")), en = named(listing(english, "SUBCOMMANDS:"))
        #expect(cy.map(\.name) == en.map(\.name) && en.count > 20, "\(cy.map(\.name)) against \(en.map(\.name))")
        for (c, e) in zip(cy, en) {
            #expect(c.column == e.column, "\(c.name)'s abstract is not in the English column (\(c.column), not \(e.column))")
            #expect(c.text != e.text, "an English listing line in the Welsh help: \(c.name) \(c.text)")
        }
        #expect(welsh.contains("\n  open (rhagosodedig) "), "\(welsh)")
        #expect(welsh.contains("DEFNYDD: placefinder <is-orchymyn>\n"), "\(welsh)")
        let last = welsh.split(separator: "\n").last.map(String.init)
        #expect(last == "  Gweler 'placefinder help <is-orchymyn>' am gymorth manwl.", "\(last ?? "")")
        #expect(!welsh.contains("<subcommand>") && !welsh.contains("(default)"))
    }
}
