import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

/// Corrections to placements: `placement undo`.
struct PlacementCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placement",
        abstract: cliHelp("Correct a placement: undo one made today by mistake."),
        subcommands: [PlacementUndoCommand.self])
}

struct PlacementUndoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "undo",
        abstract: cliHelp("Undo a placement made today: it stays in the history, marked undone with your reason."),
        discussion: """
            Only a placement made today (Europe/London) can be undone, and only while it is still the child's \\
            current placement. Any officer may undo it; the audit trail records who. The placement it ended \\
            is re-opened, the bed is returned and the child's status is restored.
            """)

    @Argument(help: "The placement's id (PL…).") var id: String
    @Option(help: ArgumentHelp("Why it is undone (required; kept with the placement).", valueName: "TEXT")) var reason: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let db = try storeOptions.openStore()
        let effects = try db.undoPlacement(id: id, reason: reason, officer: Session.officer, now: Session.now)
        var line = "undid \(effects.undone.id) for \(effects.child.id) (\(effects.child.status.rawValue))"
        if !effects.reopened.isEmpty { line += "; reopened \(effects.reopened.map(\.id).joined(separator: ", "))" }
        if let v = effects.vacancy { line += "; \(v.id) has \(v.beds) bed\(v.beds == 1 ? "" : "s") (\(v.status.rawValue))" }
        say(line)
    }
}
