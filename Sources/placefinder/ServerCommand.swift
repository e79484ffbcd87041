import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

/// `placefinder server init URL`: a regional store on PostgreSQL with its roles and row-level security.
struct ServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "server", abstract: cliHelp(.cliHelpServer), subcommands: [ServerInit.self])
}

struct ServerInit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: cliHelp(.cliHelpServerInit), discussion: cliHelp(.cliAboutServerInit))

    @Argument(help: optionHelp(.cliOptServerInitUrl, valueName: "url")) var url: String

    func run() throws {
        guard PostgresLocation.isURL(url) else { throw UserError(.cliServerInitNeedsUrl) }
        let store = try PostgresStore.initServer(url: url, defaultUser: OfficerIdentity.account())
        try store.close()
        say(cliText(.cliServerCreated, ["server": store.location.display]))
    }
}

/// `placefinder officer add NAME --authority CODE [--role …]`: a login role for one officer.
struct OfficerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officer", abstract: cliHelp(.cliHelpOfficer), subcommands: [OfficerAdd.self])
}

extension OfficerRole: ExpressibleByArgument {}

struct OfficerAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: cliHelp(.cliHelpOfficerAdd), discussion: cliHelp(.cliAboutOfficerAdd))

    @Argument(help: optionHelp(.cliOptOfficerName)) var name: String
    @Option(help: optionHelp(.cliOptOfficerAuthority, valueName: "code")) var authority: String
    @Option(help: optionHelp(.cliOptOfficerRole)) var role: OfficerRole = .officer
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        guard storeOptions.isServer else { throw UserError(.cliOfficerNeedsServer) }
        guard let store = try storeOptions.openStore() as? PostgresStore else { return }
        try store.addOfficer(name, authority: authority, role: role)
        say(cliText(.cliOfficerAdded, ["name": name, "role": role.rawValue, "authority": authority]))
    }
}
