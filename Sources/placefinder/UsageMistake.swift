import ArgumentParser
import Foundation
import PlacementCore

/// A usage mistake (a missing or unknown argument, a bad option value, a `validate()` refusal) said in one
/// line that names the fix, with one exit status: 64, EX_USAGE from sysexits.h, which is also what the
/// argument parser uses. Every other failure exits 1 (README, "Exit status").
enum UsageMistake {
    static let exitStatus: Int32 = 64

    /// `placefinder: missing CHILD-ID (see placefinder match --help)`.
    static func line(parserMessage: String, arguments: [String], language: Language = .en) -> String {
        let path = (["placefinder"] + commandPath(CommandLineLanguage.extract(arguments).rest)).joined(separator: " ")
        return "placefinder: " + Message.cliUsageLine.text(language, ["mistake": describe(parserMessage, language: language), "command": path])
    }

    /// The parser's message in the project's words, on one line (a list of allowed values joined), `'<child-id>'` as `CHILD-ID`,
    /// `'--kind <kind>'` as `--kind`, starting in lower case.
    static func describe(_ message: String, language: Language = .en) -> String {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        var text = lines.first ?? ""
        // A long list of allowed values comes on the lines after "…one of the following:", one "- value" each.
        if text.hasSuffix(":"), lines.count > 1 {
            text += " " + lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }.joined(separator: ", ")
        }
        if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        text = rewriteQuoted(text)
        // The parser's own sentences are English; the common four are said in the officer's language.
        let said: [(String, Message)] = [("Missing expected argument ", .cliUsageMissing), ("Unknown option ", .cliUsageUnknownOption),
                                         ("Unexpected argument ", .cliUsageUnexpectedArgument), ("Missing value for ", .cliUsageValueNeeded)]
        // "Unknown option --lnag. Did you mean --lang?": the suggestion is said apart.
        var suggestion = ""
        if let range = text.range(of: ". Did you mean "), text.hasSuffix("?") {
            suggestion = " " + Message.cliUsageDidYouMean.text(language, ["what": String(text[range.upperBound...].dropLast())])
            text = String(text[..<range.lowerBound])
        }
        for (from, to) in said where text.hasPrefix(from) {
            text = to.text(language, ["what": String(text.dropFirst(from.count))])
        }
        text = Catalogue.phrase(text, language) + (suggestion.isEmpty ? "" : (language == .en ? "." : ";") + suggestion)
        guard let first = text.first else { return "usage mistake" }
        // Option names and placeholders keep their case; a sentence starts in lower case.
        return first.isUppercase && text.dropFirst().first?.isLowercase == true ? first.lowercased() + text.dropFirst() : text
    }

    /// `'<child-id>'` → `CHILD-ID`; `'--top <top>'` → `--top`; other quoted values keep their quotes.
    static func rewriteQuoted(_ text: String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "'") {
            out += rest[..<open]
            let after = rest.index(after: open)
            guard let close = rest[after...].firstIndex(of: "'") else { out += rest[open...]; return out }
            let quoted = rest[after..<close]
            if quoted.hasPrefix("<") && quoted.hasSuffix(">") {
                out += quoted.dropFirst().dropLast().uppercased()
            } else if quoted.hasPrefix("-") {
                out += quoted.split(separator: " ").first.map(String.init) ?? String(quoted)
            } else {
                out += "'" + quoted + "'"
            }
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }

    /// The subcommands typed, in order: `["notice", "add"]` for `placefinder notice add --kind …`.
    static func commandPath(_ arguments: [String]) -> [String] {
        var command: any ParsableCommand.Type = Placefinder.self
        var path: [String] = []
        for argument in arguments where !argument.hasPrefix("-") {
            // An alias (`call` for `contact`) names the same command.
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == argument || $0.configuration.aliases.contains(argument) })
            else { break }
            path.append(argument)
            command = sub
        }
        return path
    }
}
