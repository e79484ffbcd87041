import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

@main
struct Placefinder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placefinder",
        abstract: "Find the right placement for a looked-after child in Wales: ranked by needs, distance and locality.",
        discussion: """
            With no subcommand, opens the store given by --store, PLACEFINDER_STORE or \
            $XDG_DATA_HOME/placefinder/placefinder.sqlite.
            """,
        subcommands: [Open.self, Demo.self, Import.self, Export.self, Backup.self, Match.self, Bench.self,
                      NoticeCommand.self, ContactCommand.self, HoldCommand.self, PlaceCommand.self, AuditLog.self, Check.self],
        defaultSubcommand: Open.self
    )

    /// Every failure ends in one plain line and a non-zero exit: no stack traces, no personal data.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch let error as ImportError {
            fail(error.description)
        } catch let error as StoreError {
            fail(error.description)
        } catch let error as MatchError {
            fail(error.description)
        } catch let error as WorkflowError {
            fail(error.description)
        } catch let error as UserError {
            fail(error.message)
        } catch {
            // Help, version and usage errors are the argument parser's to print.
            exit(withError: error)
        }
    }

    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("placefinder: \(TerminalText.line(message))\n".utf8))
        Foundation.exit(1)
    }
}

/// A mistake by the user, said in one line.
struct UserError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}
