import ArgumentParser
import Foundation
import PlacementStore

/// `placefinder store init|upgrade`: the only commands (with `demo`) that create or migrate a store on purpose.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: "Create a new store, or upgrade an existing one.",
        subcommands: [StoreInit.self, StoreUpgrade.self])
}

struct StoreInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create a new, empty store (refuses if anything is already at the path).",
        discussion: """
            Without --group the store is for your account alone: folder 0700, files 0600. With --group the \
            group's members share it under their own accounts: folder 2770 (setgid) and files 0660 in that \
            group. See docs/operations.md.
            """)

    @Option(help: ArgumentHelp("Share the store with this group's members (folder 2770, files 0660).", valueName: "name"))
    var group: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        // Read first: a missing or damaged postcode file must not leave a half-made store behind.
        let postcodes = try ShippedPostcodeFile.rows()
        let db = try PlacementDatabase.create(at: storeOptions.path, group: group)
        let written = try db.installShippedPostcodes(postcodes)
        try db.audit(action: "store.init", recordType: "store", recordID: nil,
                     detail: (group == nil ? "personal" : "shared with a group") + "; \(written) postcodes of Wales and bordering England",
                     user: Session.officer)
        try db.close()
        print("created \(storeOptions.path)" + (group.map { " for group \($0)" } ?? ""))
    }
}

struct StoreUpgrade: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "upgrade", abstract: "Bring an existing store to this version's schema (read-only commands will not).")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let db = try storeOptions.openExisting()
        try db.close()
        print("\(storeOptions.path) is at schema \(PlacementDatabase.schemaVersion)")
    }
}
