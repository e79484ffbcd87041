import ArgumentParser
import PlacementCore

// The command line's own words come from the catalogue (`cli.*` rows) in the language of this process
// (`CommandLineLanguage.current`), which is known before argument-parser reads any help or runs a command.

/// A message in the command line's language.
func cliText(_ message: Message, _ values: [String: String] = [:]) -> String {
    message.text(CommandLineLanguage.current, values)
}

/// A subcommand's abstract or discussion in the command line's language.
func cliHelp(_ message: Message, _ values: [String: String] = [:]) -> String { cliText(message, values) }

/// An option's, flag's or argument's `--help` line in the command line's language; `valueName` is what the
/// officer types (`id`, `YYYY-MM-DD`) and stays as it is.
func optionHelp(_ message: Message, valueName: String? = nil) -> ArgumentHelp {
    ArgumentHelp(cliText(message), valueName: valueName)
}

extension UserError {
    /// A refusal worded from the catalogue in the command line's language.
    init(_ message: Message, _ values: [String: String] = [:]) { self.init(cliText(message, values)) }
}

extension ValidationError {
    /// A usage mistake worded from the catalogue in the command line's language (`UsageMistake` adds the fix).
    init(_ message: Message, _ values: [String: String] = [:]) { self.init(cliText(message, values)) }
}

/// The few words argument-parser prints around our help text ("USAGE:", "OPTIONS:", "Show help
/// information.", "(default: …)"), said in the officer's language: argument-parser has no hook for them, so
/// the finished help is rewritten line by line. Only its fixed words are touched; ours are already said.
enum HelpChrome {
    static func text(_ help: String, _ language: Language) -> String {
        guard language != .en else { return help }
        let usage = Message.cliChromeUsage.text(language) + " "
        let shift = String(repeating: " ", count: max(0, usage.count - "USAGE: ".count))
        var inUsage = false
        var out: [String] = []
        for raw in help.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(raw)
            if line.hasPrefix("USAGE: ") {
                line = usage + line.dropFirst("USAGE: ".count)
                inUsage = true
            } else if inUsage, line.hasPrefix("       ") {
                line = shift + line
            } else {
                inUsage = false
            }
            if line.hasPrefix("OVERVIEW: ") { line = Message.cliChromeOverview.text(language) + " " + line.dropFirst("OVERVIEW: ".count) }
            switch line {
            case "ARGUMENTS:": line = Message.cliChromeArguments.text(language)
            case "OPTIONS:": line = Message.cliChromeOptions.text(language)
            case "SUBCOMMANDS:": line = Message.cliChromeSubcommands.text(language)
            default: break
            }
            line = defaultSubcommand(line, language)
            for (english, message) in phrases { line = line.replacingOccurrences(of: english, with: message.text(language)) }
            let seeHelp = " <subcommand>' for detailed help."
            if let range = line.range(of: "See '"), line.hasSuffix(seeHelp) {
                let command = line[range.upperBound...].dropLast(seeHelp.count)
                line = String(line[..<range.lowerBound]) + Message.cliChromeSeeHelp.text(language, ["command": String(command)])
            }
            // The placeholder in `placefinder <subcommand>` (usage) is a word too.
            line = line.replacingOccurrences(of: "<subcommand>", with: Message.cliChromeSubcommandPlaceholder.text(language))
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    /// Fixed words inside a line, longest first so "(default as flag:" is not cut by "(default:".
    static let phrases: [(String, Message)] = [
        ("Show help information.", .cliChromeShowHelp), ("(default as flag:", .cliChromeDefaultAsFlag),
        ("; default:", .cliChromeAndDefault), ("(default:", .cliChromeDefault), ("(values:", .cliChromeValues),
    ]

    /// `  open (default)          Open the store…`: the default subcommand's mark said in `language`, its
    /// abstract kept in the column argument-parser put it in (it measured the English mark), or moved to the
    /// next line in that column when the longer label leaves no two-space gap, as argument-parser does.
    static func defaultSubcommand(_ line: String, _ language: Language) -> String {
        let english = "(default)"
        guard let range = line.range(of: english) else { return line }
        let said = Message.cliChromeDefaultSubcommand.text(language)
        let label = String(line[..<range.lowerBound]) + said
        let after = line[range.upperBound...]
        let abstract = after.drop { $0 == " " }
        guard !abstract.isEmpty else { return label }
        let column = line.distance(from: line.startIndex, to: range.upperBound) + (after.count - abstract.count)
        let gap = column - label.count
        return gap >= 2 ? label + String(repeating: " ", count: gap) + abstract
            : label + "\n" + String(repeating: " ", count: column) + abstract
    }
}

extension CatalogueWorded {
    /// A coded value in a confirmation line: in English as stored (`notice_received`), which the README's examples
    /// and officers' scripts read; in Welsh its words from the catalogue.
    func wordsOnCommandLine(_ language: Language) -> String { language == .en ? rawValue : catalogueWords(language) }
}
