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
        if language != .en, let rarer = rarerSentence(text, language) { text = rarer }
        text = Catalogue.phrase(text, language) + (suggestion.isEmpty ? "" : (language == .en ? "." : ";") + suggestion)
        guard let first = text.first else { return "usage mistake" }
        // Option names and placeholders keep their case; a sentence starts in lower case.
        return first.isUppercase && text.dropFirst().first?.isLowercase == true ? first.lowercased() + text.dropFirst() : text
    }

    /// argument-parser's other sentences (quotes already rewritten) in `language`, or nil for one it does not
    /// know: a value it cannot read (with the values allowed, or why), a value given to a flag, several
    /// unexpected arguments, one of several arguments missing.
    static func rarerSentence(_ text: String, _ language: Language) -> String? {
        /// `'a', 'b' or 'c'` as a plain list: its "or" and "and" are English.
        func list(_ values: Substring) -> String {
            values.replacingOccurrences(of: "' or '", with: "', '").replacingOccurrences(of: "' and '", with: "', '")
        }
        if text.hasPrefix("The value "), let invalid = text.range(of: " is invalid for ") {
            let value = String(text[text.index(text.startIndex, offsetBy: "The value ".count)..<invalid.lowerBound])
            var option = text[invalid.upperBound...]
            var choices: String?
            if let provide = option.range(of: ". Please provide one of ") {
                var values = option[provide.upperBound...]
                if values.hasPrefix("the following: ") { values = values.dropFirst("the following: ".count) }
                if values.hasSuffix(".") { values = values.dropLast() }
                choices = list(values)
                option = option[..<provide.lowerBound]
            }
            var why: String?
            if let colon = option.range(of: ": ") {
                why = Catalogue.phrase(String(option[colon.upperBound...]), language)
                option = option[..<colon.lowerBound]
            }
            return Message.cliUsageInvalidValue.text(language, ["value": value, "option": String(option)])
                + (why.map { ": " + $0 } ?? "") + (choices.map { Message.cliUsageOneOf.text(language, ["values": $0]) } ?? "")
        }
        if text.hasPrefix("The option "), let but = text.range(of: " does not take any value, but "), text.hasSuffix(" was specified.") {
            let option = text[text.index(text.startIndex, offsetBy: "The option ".count)..<but.lowerBound]
            let value = text[but.upperBound...].dropLast(" was specified.".count)
            return Message.cliUsageTakesNoValue.text(language, ["option": String(option), "value": String(value)])
        }
        if let colon = text.range(of: " unexpected arguments: "), let count = Int(text[..<colon.lowerBound]) {
            return Message.cliUsageUnexpectedArguments.text(language, ["count": String(count), "values": list(text[colon.upperBound...])])
        }
        if text.hasPrefix("Missing one of: ") {
            return Message.cliUsageMissingOneOf.text(language, ["values": list(text.dropFirst("Missing one of: ".count))])
        }
        return nil
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
