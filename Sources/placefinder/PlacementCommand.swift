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
        discussion: cliHelp(.cliAboutPlacementUndo))

    @Argument(help: optionHelp(.cliOptPlacementUndoId)) var id: String
    @Option(help: optionHelp(.cliOptPlacementUndoReason, valueName: "TEXT")) var reason: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let db = try storeOptions.openStore()
        let effects = try db.undoPlacement(id: id, reason: reason, officer: Session.officer, now: Session.now)
        let language = CommandLineLanguage.current
        var line = Message.cliUndoUndid.text(language, ["placement": effects.undone.id, "child": effects.child.id,
                                                        "status": effects.child.status.wordsOnCommandLine(language)])
        if !effects.reopened.isEmpty { line += Message.cliUndoReopened.text(language, ["placements": effects.reopened.map(\.id).joined(separator: ", ")]) }
        if let v = effects.vacancy {
            line += (v.beds == 1 ? Message.cliUndoBed : .cliUndoBeds).text(language, ["vacancy": v.id, "beds": String(v.beds),
                                                                                    "status": v.status.wordsOnCommandLine(language)])
        }
        say(line)
    }
}
