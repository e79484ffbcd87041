import ArgumentParser
import Foundation
import NcursesTerminal
import PlacementCore
import PlacementStore

@main
struct Placefinder: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "placefinder",
        abstract: cliHelp("Find the right placement for a looked-after child in Wales: ranked by needs, distance and locality."),
        discussion: cliHelp(.cliAboutRoot),
        subcommands: [Open.self, Demo.self, Import.self, Export.self, Backup.self, Match.self, Bench.self, BenchStore.self, BenchLive.self, BenchRegional.self,
                      NoticeCommand.self, ContactCommand.self, ReferralCommand.self, HoldCommand.self, PlaceCommand.self, PlacementCommand.self, AuditLog.self, Check.self,
                      StoreCommand.self, ReportCommand.self, ServerCommand.self, OfficerCommand.self],
        defaultSubcommand: Open.self
    )

    /// Every failure ends in one plain line and a non-zero exit: no stack traces, no personal data.
    static func main() {
        LaunchTrace.mark(.main)
        // First: a crash or Ctrl-\ must never leave Swift's interactive backtracer on an officer's screen.
        // The file names the subcommand only: its arguments may be a child's id or a file named after them.
        // Its line is in the officer's language (an unknown --lang is refused below; till then, English).
        let said = CommandLineLanguage.current
        CrashGuard.install(command: subcommands().first { CommandLine.arguments.dropFirst().contains($0) } ?? "open",
                           line: { signal, path in CrashWording.line(signal: signal, path: path, language: said) })
        if let refusal = OfficerIdentity.refusal(environment: ProcessInfo.processInfo.environment, testBuild: Session.isTestBuild,
                                                 language: said) {
            fail(refusal)
        }
        // Over a file-size limit (ulimit -f) the kernel would kill the process mid-write with SIGXFSZ;
        // ignored, the write fails with EFBIG, SQLite rolls the transaction back and the officer gets one line.
        signal(SIGXFSZ, SIG_IGN)
        let arguments = Array(CommandLine.arguments.dropFirst())
        do throws(UnknownLanguage) {
            _ = try CommandLineLanguage.resolve(arguments: arguments, environment: ProcessInfo.processInfo.environment)
        } catch {
            fail(error.bilingualDescription)
        }
        let language = CommandLineLanguage.current
        do {
            var command = try parseAsRoot(CommandLineLanguage.parserArguments(arguments))
            try command.run()
        } catch let error as ImportError {
            fail(error.commandLineDescription(language))
        } catch let error as StoreError {
            fail(error.description(language))
        } catch let error as MatchError {
            fail(error.description(language))
        } catch let error as WorkflowError {
            fail(error.commandLineDescription(language))
        } catch let error as UserError {
            fail(error.message(language))
        } catch let error as UnknownLanguage {
            fail(error.bilingualDescription)
        } catch {
            // Help and version are the argument parser's to word; a usage mistake is one line of ours.
            // Either can quote what was typed, so it is escaped like every other text.
            let code = exitCode(for: error)
            if code == .validationFailure {
                let line = UsageMistake.line(parserMessage: message(for: error), arguments: arguments, language: language)
                FileHandle.standardError.write(Data((TerminalText.line(line) + "\n").utf8))
                Foundation.exit(UsageMistake.exitStatus)
            }
            // Help is argument-parser's layout around our catalogued words; its own few words are said too.
            let text = TerminalText.lines(HelpChrome.text(fullMessage(for: error), language))
            if code == .success { print(text) } else { FileHandle.standardError.write(Data((text + "\n").utf8)) }
            Foundation.exit(code.rawValue)
        }
    }

    static func subcommands() -> [String] {
        configuration.subcommands.map { $0._commandName }
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
