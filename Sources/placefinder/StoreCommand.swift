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
        discussion: cliHelp(.cliAboutStoreInit))

    @Option(help: optionHelp(.cliOptStoreInitGroup, valueName: "name"))
    var group: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        if storeOptions.isServer {
            if group != nil { throw UserError(.cliStoreGroupNotOnServer) }
            let server = try PostgresStore.create(url: storeOptions.path, defaultUser: OfficerIdentity.account())
            try server.close()
            say(cliText(.cliStoreCreatedSchema, ["server": server.location.display]))
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
        say(group.map { cliText(.cliStoreCreatedForGroup, ["path": storeOptions.path, "group": $0]) } ?? cliText(.cliStoreCreated, ["path": storeOptions.path]))
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
        say(storeOptions.isServer ? cliText(.cliStoreServerAtSchema, ["schema": schema]) : cliText(.cliStoreAtSchema, ["path": storeOptions.path, "schema": schema]))
    }
}

struct StoreCopy: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy", abstract: cliHelp("Copy every record of one store into a new one: a file into a PostgreSQL server, or back."),
        discussion: cliHelp(.cliAboutStoreCopy))

    @Argument(help: optionHelp(.cliOptStoreCopyFrom, valueName: "from")) var from: String
    @Argument(help: optionHelp(.cliOptStoreCopyTo, valueName: "to")) var to: String

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
        say(cliText(.cliStoreCopied, ["records": String(records), "postcodes": String(batch.postcodes.count)]))
    }
}
