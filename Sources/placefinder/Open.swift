import ArgumentParser
import Foundation
import NcursesTerminal
import PlacementCore
import PlacementStore

/// Opens the store in the terminal UI (or prints a summary with --summary, or when not on a terminal).
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: cliHelp(.cliHelpOpen))

    @OptionGroup var storeOptions: StoreOptions
    @OptionGroup var ui: UIOptions
    @Flag(help: optionHelp(.cliOptOpenReadOnly))
    var readOnly = false

    func run() throws {
        let db = try storeOptions.openStore(readOnly: readOnly)
        LaunchTrace.mark(.opened)
        try ui.present(db)
        Session.noteIfUnrecorded(db)
    }
}

/// Options shared by everything that opens the dashboard.
struct UIOptions: ParsableArguments {
    @Option(help: optionHelp(.cliOptUiAuthority, valueName: "code"))
    var authority: String?
    @Flag(help: optionHelp(.cliOptUiRedact)) var redact = false
    @Option(help: optionHelp(.cliOptUiLang, valueName: "cy|en"))
    var lang: String?
    @Flag(help: optionHelp(.cliOptUiSummary)) var summary = false

    func validate() throws {
        if let authority, Geography.wales.authority(code: authority) == nil {
            throw ValidationError(.cliUiUnknownAuthority, ["code": authority])
        }
    }

    func present(_ db: any PlacementStoring) throws {
        guard !summary, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else {
            say(try Summary.text(db, language: CommandLineLanguage.current))
            return
        }
        // On a regional server the login's own authority comes first: an officer opens on their own children.
        let login = try (db as? PostgresStore)?.loginAuthority()
        let stored = try db.setting(StoreSettingKey.officerAuthority)
        let code = authority ?? login ?? stored ?? "W06000015"
        // A setting that cannot be read is no reason not to open: the locale decides instead.
        let remembered = try? db.setting(StoreSettingKey.officerLanguage(Session.officer))
        let language = try Self.launchLanguage(flag: lang, environment: ProcessInfo.processInfo.environment, remembered: remembered)
        let runtime = TerminalRuntime(db: db, officer: Session.officer)
        runtime.prefetch(authority: code)
        let terminal = NcursesTerminal(noColor: NcursesTerminal.noColorRequested())
        if let signal = runtime.run(on: terminal, authority: code, redact: redact, language: language) {
            // The terminal is restored; leave with the conventional status for the signal.
            Foundation.exit(128 + signal)
        }
    }
}

extension UIOptions {
    /// The dashboard's language at launch, first found of: `--lang`, `PLACEFINDER_LANG`, the language this
    /// officer last switched to in the dashboard (`remembered`, the store's setting), the locale
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`), else English. A remembered value that is not a language is ignored:
    /// unlike the flag and the variable, the officer did not just type it.
    static func launchLanguage(flag: String?, environment: [String: String], remembered: String?) throws(UnknownLanguage) -> Language {
        let remembered = remembered.flatMap(Language.init(code:))?.rawValue
        return try Language.chosen(flag: flag, setting: environment["PLACEFINDER_LANG"],
                                   locale: [remembered] + ["LC_ALL", "LC_MESSAGES", "LANG"].map { environment[$0] })
    }
}

enum Summary {
    /// The store's counts and its open vacancies by authority and setting, in `language`: a Welsh authority by
    /// its Welsh name in Welsh, the settings' short headings from the catalogue (`cli.summary.setting.*`).
    static func text(_ db: any PlacementStoring, language: Language = .en) throws -> String {
        let counts = try db.counts()
        let rows = try db.openVacancyCounts()
        let settings = Setting.allCases
        var byAuthority: [String: [Setting: Int]] = [:]
        for row in rows { byAuthority[row.authorityCode, default: [:]][row.setting, default: 0] += row.count }
        var lines = [
            Message.cliSummaryStore.text(language, ["store": (db as? PlacementDatabase)?.path ?? (db as? PostgresStore)?.location.display ?? ""]),
            Message.cliSummaryCounts.text(language, ["children": String(counts.children), "providers": String(counts.providers),
                                                     "vacancies": String(counts.openVacancies), "placements": String(counts.placements),
                                                     "postcodes": String(counts.postcodes)]),
            "",
            Message.cliSummaryHeading.text(language),
        ]
        lines.append(Columns.pad(Message.cliSummaryAuthority.text(language), 28)
                     + settings.map { Columns.pad(Self.short($0).text(language), 7, right: true) }.joined()
                     + Columns.pad(Message.cliSummaryTotal.text(language), 7, right: true))
        let geography = Geography.wales
        let codes = byAuthority.keys.sorted { a, b in
            let (wa, wb) = (a.hasPrefix("W"), b.hasPrefix("W"))
            return wa != wb ? wa : a < b
        }
        for code in codes {
            let authority = geography.authority(code: code)
            let name = (language == .cy ? authority?.welshName : nil) ?? authority?.name ?? code
            let cells = settings.map { byAuthority[code]?[$0] ?? 0 }
            lines.append(Columns.pad(name, 28) + cells.map { Columns.pad($0 == 0 ? "·" : String($0), 7, right: true) }.joined()
                         + Columns.pad(String(cells.reduce(0, +)), 7, right: true))
        }
        return lines.joined(separator: "\n")
    }

    /// A setting's column heading, six characters at most.
    static func short(_ setting: Setting) -> Message {
        switch setting {
        case .residential: .cliSummarySettingResidential
        case .foster: .cliSummarySettingFoster
        case .kinship: .cliSummarySettingKinship
        case .parentAndChild: .cliSummarySettingParentAndChild
        case .supportedLodgings: .cliSummarySettingSupportedLodgings
        case .secure: .cliSummarySettingSecure
        case .shortBreak: .cliSummarySettingShortBreak
        }
    }
}
