import Foundation
import PlacementCore
import PlacementStore

/// The language the command line speaks: `--lang cy|en` on any subcommand, else `PLACEFINDER_LANG`, else
/// the locale (`Language.chosen`). `main` takes `--lang` out before parsing, so every subcommand accepts it
/// without declaring it; only the dashboard's (`open`, the default, and `demo`) declare and read their own.
enum CommandLineLanguage {
    /// The `--lang` value (`--lang cy` or `--lang=cy`, before any `--`) and the arguments without it.
    static func extract(_ arguments: [String]) -> (flag: String?, rest: [String]) {
        var flag: String?
        var rest: [String] = []
        var i = 0
        while i < arguments.count {
            let argument = arguments[i]
            if argument == "--" {
                rest += arguments[i...]
                break
            }
            if argument == "--lang", i + 1 < arguments.count {
                flag = arguments[i + 1]
                i += 2
                continue
            }
            if argument.hasPrefix("--lang=") {
                flag = String(argument.dropFirst("--lang=".count))
                i += 1
                continue
            }
            rest.append(argument)
            i += 1
        }
        return (flag, rest)
    }

    /// The subcommands that open the dashboard and so declare `--lang` themselves (`UIOptions`).
    static let declaring: Set<String> = ["open", "demo"]

    /// The arguments the parser gets: the dashboard's commands keep their `--lang`, the others lose it. Help
    /// asked of the root (`--help`, `-h`, `help …`) loses it too: kept, `--lang` would make argument-parser
    /// hand the request to the default subcommand (`open`, which declares it) or refuse it (`help`).
    static func parserArguments(_ arguments: [String]) -> [String] {
        let rest = extract(arguments).rest
        let path = UsageMistake.commandPath(rest)
        if path.isEmpty && asksRootForHelp(rest) { return rest }
        return path.isEmpty || Self.declaring.contains(path[0]) ? arguments : rest
    }

    /// `help …` as the first argument, or `--help`/`-h` with no subcommand named (arguments without `--lang`).
    static func asksRootForHelp(_ rest: [String]) -> Bool {
        rest.first == "help" || rest.prefix { $0 != "--" }.contains { $0 == "--help" || $0 == "-h" || $0 == "-help" }
    }

    /// The language asked for; an unknown `--lang` or `PLACEFINDER_LANG` is an error naming it.
    static func resolve(arguments: [String], environment: [String: String]) throws(UnknownLanguage) -> Language {
        try Language.chosen(flag: extract(arguments).flag, setting: environment["PLACEFINDER_LANG"],
                            locale: [environment["LC_ALL"], environment["LC_MESSAGES"], environment["LANG"]])
    }

    /// This process's language (English when the value was unknown: `main` has already refused it).
    static let current: Language = (try? resolve(arguments: Array(CommandLine.arguments.dropFirst()),
                                                 environment: ProcessInfo.processInfo.environment)) ?? .en
}

extension ImportError {
    /// "children.csv line 4, column needed_by: …" in `language`; the column keeps its documented name.
    func commandLineDescription(_ language: Language) -> String {
        guard language != .en else { return description }
        let name = file.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? file
        let place: String = switch (line > 0, column) {
        case (true, let column?): Message.cliImportLineColumn.text(language, ["file": name, "line": String(line), "column": column])
        case (true, nil): Message.cliImportLine.text(language, ["file": name, "line": String(line)])
        case (false, let column?): Message.cliImportColumn.text(language, ["file": name, "column": column])
        case (false, nil): name
        }
        let oneLine = message.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        return place + ": " + Catalogue.phrase(oneLine, language)
    }
}

extension UserError {
    /// The message in `language`: the command line's messages are catalogued phrases (`cli.phrase.*`).
    func message(_ language: Language) -> String { Catalogue.phrase(message, language) }
}

extension UnknownLanguage {
    /// Said in both languages, Welsh first: the officer's language is what could not be read.
    var bilingualDescription: String {
        Message.cliUnknownLanguage.text(.cy, ["value": VisibleText.line(value)]) + " / " + description
    }
}

/// A subcommand's help line in the command line's language (`cli.phrase.help.*`): argument-parser reads
/// `configuration` when it prints help, after `CommandLineLanguage.current` is known.
func cliHelp(_ english: String) -> String { Catalogue.phrase(english, CommandLineLanguage.current) }
