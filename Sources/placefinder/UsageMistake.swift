import ArgumentParser
import Foundation

/// A usage mistake (a missing or unknown argument, a bad option value, a `validate()` refusal) said in one
/// line that names the fix, with one exit status: 64, EX_USAGE from sysexits.h, which is also what the
/// argument parser uses. Every other failure exits 1 (README, "Exit status").
enum UsageMistake {
    static let exitStatus: Int32 = 64

    /// `placefinder: missing CHILD-ID (see placefinder match --help)`.
    static func line(parserMessage: String, arguments: [String]) -> String {
        let path = (["placefinder"] + commandPath(arguments)).joined(separator: " ")
        return "placefinder: \(describe(parserMessage)) (see \(path) --help)"
    }

    /// The parser's message in the project's words, on one line (a list of allowed values joined), `'<child-id>'` as `CHILD-ID`,
    /// `'--kind <kind>'` as `--kind`, starting in lower case.
    static func describe(_ message: String) -> String {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmingCharacters(in: .whitespaces) }
        var text = lines.first ?? ""
        // A long list of allowed values comes on the lines after "…one of the following:", one "- value" each.
        if text.hasSuffix(":"), lines.count > 1 {
            text += " " + lines.dropFirst().map { $0.hasPrefix("- ") ? String($0.dropFirst(2)) : $0 }.joined(separator: ", ")
        }
        if text.hasPrefix("Error: ") { text.removeFirst("Error: ".count) }
        text = rewriteQuoted(text)
        for (from, to) in [("Missing expected argument ", "missing "), ("Unknown option ", "unknown option "),
                           ("Unexpected argument ", "unexpected argument "), ("Missing value for ", "a value is needed for ")]
        where text.hasPrefix(from) {
            text = to + text.dropFirst(from.count)
        }
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
            guard let sub = command.configuration.subcommands.first(where: { $0._commandName == argument }) else { break }
            path.append(argument)
            command = sub
        }
        return path
    }
}
