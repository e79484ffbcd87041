import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

extension RecordKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: cliHelp("Import a CSV (or JSON export) file, or an SSDA903 return: all of it, or nothing."),
        discussion: """
            KIND is providers, vacancies, children, placements or postcodes (the ONS Postcode Directory CSV), \
            followed by the file; or ssda903 with --header and --episodes (and --uasc): the DfE's SSDA903 CSV \
            files. Formats: docs/data-format.md; examples: fixtures/examples/. One bad row imports nothing, and \
            the message names the file, line and column.
            """)

    @Argument(help: "providers | vacancies | children | placements | postcodes | ssda903") var kind: InterchangeKind
    @Argument(help: "The file to import (not for ssda903).") var file: String?
    @Option(help: "ssda903: the Header file (CHILD, SEX, DOB, …).") var header: String?
    @Option(help: "ssda903: the Episodes file (CHILD, DECOM, RNE, …).") var episodes: String?
    @Option(help: "ssda903: the UASC file, if any.") var uasc: String?
    @Option(help: "ssda903: the placing authority of every child (ONS code); default: each child's home postcode's.") var authority: String?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        switch kind {
        case .record:
            if file == nil { throw ValidationError("missing FILE") }
            if header != nil || episodes != nil || uasc != nil || authority != nil {
                throw ValidationError("--header, --episodes, --uasc and --authority are for ssda903 only")
            }
        case .ssda903:
            if file != nil { throw ValidationError("ssda903 takes --header FILE --episodes FILE, not a FILE argument") }
            if header == nil { throw ValidationError("missing --header FILE") }
            if episodes == nil { throw ValidationError("missing --episodes FILE") }
        }
    }

    func run() throws {
        guard case .record(let kind) = kind, let file else { return try runSSDA903() }
        let url = try readable(file)
        let db = try storeOptions.openStore()
        let report = try db.importFileReporting(kind, from: url, user: Session.officer, today: Session.today)
        say("imported \(report.imported) \(kind.rawValue) from \(url.lastPathComponent) (\(report.summary))")
    }

    private func runSSDA903() throws {
        guard let header, let episodes else { return }
        let (headerURL, episodesURL) = (try readable(header), try readable(episodes))
        let uascURL = try uasc.map(readable)
        let db = try storeOptions.openStore()
        let report = try db.importSSDA903(header: headerURL, episodes: episodesURL, uasc: uascURL, authority: authority,
                                          user: Session.officer, today: Session.today)
        for line in report.lines { say(line) }
    }

    private func readable(_ path: String) throws -> URL {
        let url = URL(fileURLWithPath: path)
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw UserError("\(url.lastPathComponent): no such readable file") }
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
        discussion: """
            Authorities appear as ONS codes (e.g. W06000015) with names alongside where useful. Notices and \
            contacts (calls) are export only; their corrections are rows of their own naming the row they replace. \
            `export ssda903 --year 2026 DIR` writes DIR/header.csv and DIR/episodes.csv for the collection year \
            1 April 2026 to 31 March 2027.
            """)

    @Argument(help: "providers | vacancies | children | placements | postcodes | notices | contacts | ssda903") var kind: InterchangeKind
    @Argument(help: "ssda903: the folder to write header.csv and episodes.csv in (it must exist).") var directory: String?
    @Option(help: "csv or json") var format: ExportFormat = .csv
    @Option(name: [.short, .long], help: "Write to this file (created 0600) instead of standard output.") var output: String?
    @Flag(help: "Write cells exactly as stored, without the quote that stops a spreadsheet running =, +, -, @ cells as formulas.")
    var raw = false
    @Option(help: "ssda903: the collection year, by the year it starts (2026: 1 April 2026 to 31 March 2027); default: the current one.")
    var year: Int?
    @Option(help: "ssda903: only this placing authority's children (ONS code).") var authority: String?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        switch kind {
        case .record:
            if directory != nil { throw ValidationError("unexpected argument \(directory ?? ""): a folder is for ssda903 only") }
            if year != nil || authority != nil { throw ValidationError("--year and --authority are for ssda903 only") }
        case .ssda903:
            if directory == nil { throw ValidationError("missing DIR (the folder to write header.csv and episodes.csv in)") }
            if output != nil || format != .csv { throw ValidationError("ssda903 writes CSV files into DIR; -o and --format do not apply") }
            if let year, !(2000...2100).contains(year) { throw ValidationError("--year must be a year such as 2026") }
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
            throw UserError("\(directory): no such folder; create it first (mkdir -m 700 \(directory))")
        }
        let collection = year.map(CollectionYear.init(startYear:)) ?? CollectionYear(containing: Session.today)
        let db = try storeOptions.openStore(readOnly: true)
        let files = try db.exportSSDA903(year: collection, authority: authority, user: Session.officer)
        Session.noteIfUnrecorded(db)
        let folder = URL(fileURLWithPath: directory)
        try writePrivate(files.header, to: folder.appendingPathComponent("header.csv").path)
        try writePrivate(files.episodes, to: folder.appendingPathComponent("episodes.csv").path)
        say("wrote header.csv (\(files.children) children) and episodes.csv (\(files.episodeCount) episodes) for \(collection.startYear)-\(String(collection.startYear + 1).suffix(2))")
    }

    /// Exports hold children's data: owner-only, like the store.
    private func writePrivate(_ text: String, to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw UserError("cannot write \(path)")
        }
    }
}

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: cliHelp("Copy the store with SQLite's online backup: safe while colleagues are writing."))

    @Argument(help: "The backup file to create (0600).") var destination: String
    @Flag(help: "Replace the destination if it exists.") var overwrite = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        try RegionalAccess.refuseServerBackup(storeOptions, language: CommandLineLanguage.current)
        // A mistyped folder must not become a new folder holding children's data where nobody looks.
        let folder = (destination as NSString).deletingLastPathComponent
        var isFolder: ObjCBool = false
        if !folder.isEmpty && !(FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue) {
            throw UserError("\(folder): no such folder; create it first (mkdir -m 700 \(folder)) or choose another DEST")
        }
        let db = try storeOptions.openStore()
        try db.backup(to: destination, overwrite: overwrite)
        try db.audit(action: "backup", recordType: "store", recordID: nil, detail: nil, user: Session.officer)
        say("backed up to \(destination) (integrity check ok)")
    }
}
