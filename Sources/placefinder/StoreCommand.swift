import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

/// `placefinder store init|upgrade`: the only commands (with `demo`) that create or migrate a store on purpose.
struct StoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "store", abstract: cliHelp("Create a new store, or upgrade an existing one."),
        subcommands: [StoreInit.self, StoreUpgrade.self, StoreCopy.self])
}

struct StoreInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: cliHelp("Create a new, empty store (refuses if anything is already at the path)."),
        discussion: """
            Without --group the store is for your account alone: folder 0700, files 0600. With --group the \
            group's members share it under their own accounts: folder 2770 (setgid) and files 0660 in that \
            group. See docs/operations.md.
            """)

    @Option(help: ArgumentHelp("Share the store with this group's members (folder 2770, files 0660).", valueName: "name"))
    var group: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        if storeOptions.isServer {
            if group != nil { throw UserError("--group shares a store file; a PostgreSQL store's officers are its database roles") }
            let server = try PostgresStore.create(url: storeOptions.path, defaultUser: OfficerIdentity.account())
            try server.close()
            print("created the Placefinder schema in \(server.location.display)")
            return
        }
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
        commandName: "upgrade", abstract: cliHelp("Bring an existing store to this version's schema (read-only commands will not)."))

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let db = try storeOptions.openStore()
        let schema = try db.appliedMigrations().last ?? "none"
        try db.close()
        print("\(storeOptions.isServer ? "the PostgreSQL store" : storeOptions.path) is at schema \(schema)")
    }
}

struct StoreCopy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy", abstract: cliHelp("Copy every record of one store into a new one: a file into a PostgreSQL server, or back."),
        discussion: """
            FROM is an existing store, TO a new one (a file that does not exist yet, or a PostgreSQL database with \
            no Placefinder schema): all of it is copied in one transaction, or nothing. Records, postcodes and \
            corrections are copied; record versions and the audit trail are not (TO's trail starts with the copy, \
            and FROM's records that it was copied). Either may be a postgresql:// URL.
            """)

    @Argument(help: ArgumentHelp("The store to copy from.", valueName: "from")) var from: String
    @Argument(help: ArgumentHelp("The new store to create and fill.", valueName: "to")) var to: String

    func run() throws {
        let source = try StoreOptions.openAny(from)
        let batch = try source.everything()
        let target: any PlacementStoring = PostgresLocation.isURL(to)
            ? try PostgresStore.create(url: to, defaultUser: OfficerIdentity.account())
            : try PlacementDatabase.create(at: to)
        let records = batch.providers.count + batch.vacancies.count + batch.children.count + batch.placements.count
            + batch.notices.count + batch.contacts.count
        try target.insert(batch, audit: AuditEntry(user: Session.officer, action: "store.copy", recordType: "store",
                                                   detail: "\(records) records and \(batch.postcodes.count) postcodes copied in"))
        try source.audit(action: "store.copy", recordType: "store", recordID: nil,
                         detail: "\(records) records and \(batch.postcodes.count) postcodes copied out", user: Session.officer)
        try target.close()
        say("copied \(records) records and \(batch.postcodes.count) postcodes")
    }
}
