import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

/// `--store PATH`, accepted by every subcommand after its name.
struct StoreOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The store file (default: PLACEFINDER_STORE, else $XDG_DATA_HOME/placefinder/placefinder.sqlite).", valueName: "path"))
    var store: String?

    var path: String {
        store ?? PlacementDatabase.defaultPath(environment: ProcessInfo.processInfo.environment)
    }

    /// Opens an existing store; a missing one is a clear message, not a new empty file.
    func openExisting() throws -> PlacementDatabase {
        guard FileManager.default.fileExists(atPath: path) else {
            throw UserError("no store at \(path) (run `placefinder demo` for a demo store, or `placefinder import` to fill a new one with --store)")
        }
        Self.warnIfOpenToOthers(path)
        return try PlacementDatabase(path: path)
    }

    /// One line on stderr when the store or its folder is readable or writable by other accounts
    /// (or the file belongs to another account); the command goes on.
    static func warnIfOpenToOthers(_ path: String) {
        guard let warning = PlacementDatabase.permissionWarning(for: path) else { return }
        FileHandle.standardError.write(Data("placefinder: \(TerminalText.line(warning))\n".utf8))
    }

    /// Opens the store, creating it if needed (import fills new stores).
    func openOrCreate() throws -> PlacementDatabase {
        Self.warnIfOpenToOthers(path)
        return try PlacementDatabase(path: path)
    }
}

/// The officer and the date: from the OS, overridable for tests and reproducible docs.
enum Session {
    /// The operating-system user: who the audit trail says did it.
    static var officer: String {
        let env = ProcessInfo.processInfo.environment
        // SUDO_USER: an officer running Placefinder as the store's service account (`sudo -u placefinder`,
        // see docs/operations.md) is recorded as themselves, not as the service account.
        for key in ["PLACEFINDER_OFFICER", "SUDO_USER", "USER", "LOGNAME"] {
            if let named = env[key], !named.isEmpty { return named }
        }
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }

    /// `PLACEFINDER_NOW` (ISO 8601, e.g. 2026-11-25T09:00:00Z) pins the clock for tests and captures.
    static var now: Date {
        if let raw = ProcessInfo.processInfo.environment["PLACEFINDER_NOW"], let pinned = ISO8601DateFormatter().date(from: raw) {
            return pinned
        }
        return Date()
    }

    /// Today's date in Wales.
    static var today: Day { day(of: now) }

    static func day(of date: Date) -> Day { WorkflowTime.day(of: date) }
}
