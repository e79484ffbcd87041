import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

extension RecordKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: cliHelp("Import a CSV (or JSON export) file, or an SSDA903 return: all of it, or nothing."),
        discussion: cliHelp(.cliAboutImport))

    @Argument(help: optionHelp(.cliOptImportKind)) var kind: InterchangeKind
    @Argument(help: optionHelp(.cliOptImportFile)) var file: String?
    @Option(help: optionHelp(.cliOptImportHeader)) var header: String?
    @Option(help: optionHelp(.cliOptImportEpisodes)) var episodes: String?
    @Option(help: optionHelp(.cliOptImportUasc)) var uasc: String?
    @Option(help: optionHelp(.cliOptImportAuthority)) var authority: String?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        switch kind {
        case .record:
            if file == nil { throw ValidationError(.cliUsageMissing, ["what": "FILE"]) }
            if header != nil || episodes != nil || uasc != nil || authority != nil {
                throw ValidationError(.cliImportSsda903OptionsOnly)
            }
        case .ssda903:
            if file != nil { throw ValidationError(.cliImportSsda903NoFile) }
            if header == nil { throw ValidationError(.cliUsageMissing, ["what": "--header FILE"]) }
            if episodes == nil { throw ValidationError(.cliUsageMissing, ["what": "--episodes FILE"]) }
        }
    }

    func run() throws {
        guard case .record(let kind) = kind, let file else { return try runSSDA903() }
        let url = try readable(file)
        let db = try storeOptions.openStore()
        let report = try db.importFileReporting(kind, from: url, user: Session.officer, today: Session.today)
        let language = CommandLineLanguage.current
        say(cliText(.cliImportImported, ["count": String(report.imported), "kind": kind.rawValue, "file": url.lastPathComponent,
                                         "summary": report.summary(language)]))
    }

    private func runSSDA903() throws {
        guard let header, let episodes else { return }
        let (headerURL, episodesURL) = (try readable(header), try readable(episodes))
        let uascURL = try uasc.map(readable)
        let db = try storeOptions.openStore()
        let report = try db.importSSDA903(header: headerURL, episodes: episodesURL, uasc: uascURL, authority: authority,
                                          user: Session.officer, today: Session.today)
        for line in report.lines(CommandLineLanguage.current) { say(line) }
    }

    private func readable(_ path: String) throws -> URL {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw UserError(.cliPhraseUserNoReadableFile, ["name": url.lastPathComponent]) }
        return url
    }
}

/// What `import` and `export` take: one of Placefinder's own files, or an SSDA903 return.
enum InterchangeKind: ExpressibleByArgument, Equatable {
    case record(RecordKind)
    case ssda903

    init?(argument: String) {
        if argument.lowercased() == "ssda903" { self = .ssda903 } else if let kind = RecordKind(argument: argument) { self = .record(kind) } else { return nil }
    }

    static var allValueStrings: [String] { RecordKind.allValueStrings + ["ssda903"] }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: cliHelp("Export one kind of record as CSV (which imports back) or JSON, or an SSDA903 return."),
        discussion: cliHelp(.cliAboutExport))

    @Argument(help: optionHelp(.cliOptExportKind)) var kind: InterchangeKind
    @Argument(help: optionHelp(.cliOptExportDirectory)) var directory: String?
    @Option(help: optionHelp(.cliOptExportFormat)) var format: ExportFormat = .csv
    @Option(name: [.short, .long], help: optionHelp(.cliOptExportOutput)) var output: String?
    @Flag(help: optionHelp(.cliOptExportRaw))
    var raw = false
    @Option(help: optionHelp(.cliOptExportYear))
    var year: Int?
    @Option(help: optionHelp(.cliOptExportAuthority)) var authority: String?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        switch kind {
        case .record:
            if directory != nil { throw ValidationError(.cliExportFolderSsda903Only, ["value": directory ?? ""]) }
            if year != nil || authority != nil { throw ValidationError(.cliExportYearAuthorityOnly) }
        case .ssda903:
            if directory == nil { throw ValidationError(.cliExportMissingDir) }
            if output != nil || format != .csv { throw ValidationError(.cliExportSsda903Csv) }
            if let year, !(2000...2100).contains(year) { throw ValidationError(.cliExportYearInvalid) }
        }
    }

    func run() throws {
        guard case .record(let kind) = kind else { return try runSSDA903() }
        let db = try storeOptions.openStore(readOnly: true)
        let text = try db.export(kind, format: format, user: Session.officer, formulas: raw ? .raw : .neutralised)
        Session.noteIfUnrecorded(db)
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        try writePrivate(text, to: output)
    }

    private func runSSDA903() throws {
        guard let directory else { return }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isFolder), isFolder.boolValue else {
            throw UserError(.cliPhraseUserNoSuchFolder, ["folder": directory, "again": directory])
        }
        let collection = year.map(CollectionYear.init(startYear:)) ?? CollectionYear(containing: Session.today)
        let db = try storeOptions.openStore(readOnly: true)
        let files = try db.exportSSDA903(year: collection, authority: authority, user: Session.officer)
        Session.noteIfUnrecorded(db)
        let folder = URL(fileURLWithPath: directory)
        try writePrivate(files.header, to: folder.appendingPathComponent("header.csv").path)
        try writePrivate(files.episodes, to: folder.appendingPathComponent("episodes.csv").path)
        say(cliText(.cliExportWroteSsda903, ["children": String(files.children), "episodes": String(files.episodeCount),
                                              "year": "\(collection.startYear)-\(String(collection.startYear + 1).suffix(2))"]))
    }

    /// Exports hold children's data: owner-only, like the store.
    private func writePrivate(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw UserError(.cliPhraseUserCannotWrite, ["path": path])
        }
    }
}

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: cliHelp("Copy the store with SQLite's online backup: safe while colleagues are writing."))

    @Argument(help: optionHelp(.cliOptBackupDestination)) var destination: String
    @Flag(help: optionHelp(.cliOptBackupOverwrite)) var overwrite = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try RegionalAccess.refuseServerBackup(storeOptions, language: CommandLineLanguage.current)
        // A mistyped folder must not become a new folder holding children's data where nobody looks.
        let folder = (destination as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if !folder.isEmpty && !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) {
            throw UserError(.cliPhraseUserNoSuchFolderDest, ["folder": folder, "again": folder])
        }
        let db = try storeOptions.openStore()
        try db.backup(to: destination, overwrite: overwrite)
        try db.audit(action: "backup", recordType: "store", recordID: nil, detail: nil, user: Session.officer)
        say(cliText(.cliBackupDone, ["path": destination]))
    }
}
