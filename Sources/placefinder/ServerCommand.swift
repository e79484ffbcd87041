import ArgumentParser
import Foundation
import PlacementStore

/// `placefinder server init URL`: a regional store on PostgreSQL with its roles and row-level security.
struct ServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server", abstract: "Set up a regional store on a PostgreSQL server.", subcommands: [ServerInit.self])
}

struct ServerInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Create the schema, the officer roles and row-level security in a new database.",
        discussion: """
            Run as the server's administrator against an empty database. Creates the group roles \
            placefinder_officer, placefinder_manager, placefinder_commissioner and placefinder_admin (reused if the \
            server has them), their privileges (the audit trail is insert-only for all of them) and the policies \
            that keep each child's records with their placing authority. Then add officers with `placefinder officer add`.
            """)

    @Argument(help: ArgumentHelp("The new store's database, as postgresql://…", valueName: "url")) var url: String

    func run() throws {
        guard PostgresLocation.isURL(url) else { throw UserError("server init takes a postgresql:// URL; a store file is made by `placefinder store init`") }
        let store = try PostgresStore.initServer(url: url, defaultUser: OfficerIdentity.account())
        try store.close()
        say("created the Placefinder schema, roles and row-level security in \(store.location.display)")
    }
}

/// `placefinder officer add NAME --authority CODE [--role …]`: a login role for one officer.
struct OfficerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officer", abstract: "Manage officers' logins on a regional (PostgreSQL) store.", subcommands: [OfficerAdd.self])
}

extension OfficerRole: ExpressibleByArgument {}

struct OfficerAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Create an officer's database login, placing for one authority.",
        discussion: """
            NAME is the officer's login (lower-case letters, digits and _): over the server's Unix socket, the OS \
            account of the same name logs in by peer authentication; over TCP, set a password with \
            `ALTER ROLE NAME PASSWORD '…'` (stored as SCRAM). The officer sees their authority's children only.
            """)

    @Argument(help: "The officer's login name.") var name: String
    @Option(help: ArgumentHelp("The ONS code of the authority they place for.", valueName: "code")) var authority: String
    @Option(help: "officer, manager, commissioner or admin.") var role: OfficerRole = .officer
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        guard storeOptions.isServer else { throw UserError("officer add works on a PostgreSQL store: give --store postgresql://…") }
        guard let store = try storeOptions.openStore() as? PostgresStore else { return }
        try store.addOfficer(name, authority: authority, role: role)
        say("added \(name): \(role.rawValue) for \(authority)")
    }
}
