import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

extension RecordKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Import a CSV (or JSON export) file: all of it, or nothing.",
        discussion: """
            KIND is providers, vacancies, children, placements or postcodes (the ONS Postcode Directory CSV). \
            Formats: docs/data-format.md; examples: fixtures/examples/. One bad row imports nothing, and the \
            message names the file, line and column.
            """)

    @Argument(help: "providers | vacancies | children | placements | postcodes") var kind: RecordKind
    @Argument(help: "The file to import.") var file: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let url = URL(fileURLWithPath: file)
        guard FileManager.default.isReadableFile(atPath: url.path) else { throw UserError("\(url.lastPathComponent): no such readable file") }
        let db = try storeOptions.openStore()
        let report = try db.importFileReporting(kind, from: url, user: Session.officer, today: Session.today)
        say("imported \(report.imported) \(kind.rawValue) from \(url.lastPathComponent) (\(report.summary))")
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export one kind of record as CSV (which imports back) or JSON.",
        discussion: """
            Authorities appear as ONS codes (e.g. W06000015) with names alongside where useful. Notices and \
            contacts (calls) are export only; their corrections are rows of their own naming the row they replace.
            """)

    @Argument(help: "providers | vacancies | children | placements | postcodes | notices | contacts") var kind: RecordKind
    @Option(help: "csv or json") var format: ExportFormat = .csv
    @Option(name: [.short, .long], help: "Write to this file (created 0600) instead of standard output.") var output: String?
    @Flag(help: "Write cells exactly as stored, without the quote that stops a spreadsheet running =, +, -, @ cells as formulas.")
    var raw = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let db = try storeOptions.openStore(readOnly: true)
        let text = try db.export(kind, format: format, user: Session.officer, formulas: raw ? .raw : .neutralised)
        Session.noteIfUnrecorded(db)
        guard let output else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        // Exports hold children's data: owner-only, like the store.
        guard FileManager.default.createFile(atPath: output, contents: Data(text.utf8), attributes: [.posixPermissions: 0o600]) else {
            throw UserError("cannot write \(output)")
        }
    }
}

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Copy the store with SQLite's online backup: safe while colleagues are writing.")

    @Argument(help: "The backup file to create (0600).") var destination: String
    @Flag(help: "Replace the destination if it exists.") var overwrite = false
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
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
