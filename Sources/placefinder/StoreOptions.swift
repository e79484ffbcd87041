import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

/// `--store PATH`, accepted by every subcommand after its name.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: optionHelp(.cliOptStore, valueName: "path|url"))
    var store: String?

    var path: String {
        store ?? PlacementDatabase.defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    /// True when the store is a PostgreSQL server rather than a file.
    var isServer: Bool { PostgresLocation.isURL(path) }

    /// Opens an existing store of either kind: a `postgresql://` URL is the regional server, anything else a file.
    func openStore(readOnly: Bool = false) throws -> any PlacementStoring {
        if let server = try PostgresStore.open(url: path, defaultUser: OfficerIdentity.account()) { return server }
        return try readOnly ? openReadOnly() : openExisting()
    }

    /// An existing store of either kind at `path` (a file or a `postgresql://` URL), for writing.
    static func openAny(_ path: String) throws -> any PlacementStoring {
        if let server = try PostgresStore.open(url: path, defaultUser: OfficerIdentity.account()) { return server }
        return try warningAfterOpening(path) { try PlacementDatabase(path: path, create: false) }
    }

    /// Opens an existing store; a missing one is a clear message naming `placefinder store init`, never a new file.
    func openExisting() throws -> PlacementDatabase {
        try refuseServer()
        return try Self.warningAfterOpening(path) { try PlacementDatabase(path: path, create: false) }
    }

    /// Opens without writing anything (no migration, no chmod): works on a read-only file or folder.
    func openReadOnly() throws -> PlacementDatabase {
        try refuseServer()
        return try Self.warningAfterOpening(path) { try PlacementDatabase(path: path, create: false, readOnly: true) }
    }

    /// Commands built on SQLite alone (the dashboard, audit, check, bench) say so for a server URL, rather than
    /// take the URL for a file name.
    private func refuseServer() throws {
        if isServer { throw UserError(.cliPhraseUserSqliteOnly) }
    }

    /// One line on stderr when the store or its folder is open to accounts outside its layout; the command
    /// goes on. The modes are read before opening (which tightens a file we own) and reported once the
    /// file has proved to be a store: a refused file gets its refusal alone.
    static func warningAfterOpening(_ path: String, _ open: () throws -> PlacementDatabase) throws -> PlacementDatabase {
        let warning = PlacementDatabase.permissionWarning(for: path, language: CommandLineLanguage.current)
        let db = try open()
        if let warning {
            FileHandle.standardError.write(Data("placefinder: \(TerminalText.line(warning))\n".utf8))
        }
        return db
    }
}

/// The officer and the date: from the OS, overridable for tests and reproducible docs.
enum Session {
    /// The operating-system account of the real user id: who the audit trail says did it.
    /// Test builds (`swift build`, which CI and the tmux e2e use) honour `PLACEFINDER_OFFICER`;
    /// a release build refuses to start with it set (`Placefinder.main`).
    static var officer: String {
        #if DEBUG
        if let named = ProcessInfo.processInfo.environment["PLACEFINDER_OFFICER"], !named.isEmpty { return named }
        #endif
        return OfficerIdentity.account()
    }

    /// Test builds: `PLACEFINDER_NOW` (ISO 8601, e.g. 2026-11-25T09:00:00Z) pins the clock for tests and captures.
    static var now: Date {
        #if DEBUG
        if let raw = ProcessInfo.processInfo.environment["PLACEFINDER_NOW"], let pinned = ISO8601DateFormatter().date(from: raw) {
            return pinned
        }
        #endif
        return Date()
    }

    static var isTestBuild: Bool {
        #if DEBUG
        true
        #else
        false
        #endif
    }

    /// Today's date in Wales.
    static var today: Day { day(of: now) }

    static func day(of date: Date) -> Day { WorkflowTime.day(of: date) }
}

extension Session {
    /// One line when a reading command on a store this account can only read could not record itself.
    static func noteIfUnrecorded(_ store: any PlacementStoring) {
        guard let db = store as? PlacementDatabase, db.unrecordedAuditEntries > 0 else { return }
        FileHandle.standardError.write(Data("placefinder: \(cliText(.cliNoteUnrecorded))\n".utf8))
    }
}
