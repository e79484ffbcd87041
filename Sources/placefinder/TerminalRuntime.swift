import Foundation
import NcursesTerminal
import PlacefinderApp
import PlacementCore
import PlacementStore
import TerminalUI

/// Runs the Elm loop on a real terminal: events in, `update`, commands performed, `view` drawn.
/// Store reads run on a background queue so the screen never freezes while data loads.
final class TerminalRuntime: @unchecked Sendable {
    private let db: PlacementDatabase
    private let officer: String
    private let inbox = Inbox()

    init(db: PlacementDatabase, officer: String) {
        self.db = db
        self.officer = officer
    }

    /// Returns the signal that ended the session, if one did.
    func run(authority: String, redact: Bool) -> Int32? {
        let terminal = NcursesTerminal(noColor: NcursesTerminal.noColorRequested())
        defer { terminal.restore() }
        var (model, commands) = Model.initial(size: terminal.size, officer: officer, authority: authority,
                                               now: Session.now, redact: redact)
        var running = perform(commands)
        var lastTick = Date()
        var seenVersion = try? db.dataVersion()
        while running {
            if let signal = terminal.pendingSignal { return signal }
            for message in inbox.drain() where running {
                running = perform(update(&model, message))
            }
            guard running else { break }
            terminal.draw(view(model))
            // Wait for keys briefly while a load is in flight, so its data shows as soon as it lands.
            if let event = terminal.nextEvent(timeoutMs: inbox.awaiting > 0 ? 15 : 250) {
                running = perform(update(&model, .event(event)))
            }
            if Date().timeIntervalSince(lastTick) >= 1 {
                lastTick = Date()
                running = running && perform(update(&model, .tick(Session.now)))
                // A colleague's commit changes SQLite's data_version: reload so their notices, holds
                // and calls show here within a second or two.
                let version = try? db.dataVersion()
                if running, version != seenVersion {
                    seenVersion = version
                    running = perform(update(&model, .storeChanged))
                }
            }
        }
        return terminal.pendingSignal
    }

    /// Performs commands; false when one of them is `.quit`.
    private func perform(_ commands: [Command]) -> Bool {
        for command in commands {
            switch command {
            case .quit:
                return false
            case .load:
                let (db, inbox) = (self.db, self.inbox)
                inbox.expect()
                DispatchQueue.global(qos: .userInitiated).async {
                    do {
                        inbox.post(.dataLoaded(try AppDataLoader.load(db, now: Session.now)), answering: true)
                    } catch {
                        inbox.post(.loadFailed(Self.describe(error)), answering: true)
                    }
                }
            case .audit(let action, let recordType, let recordID):
                // Recorded before the next frame: a view that cannot be audited is reported, not hidden.
                do {
                    try db.audit(action: action, recordType: recordType, recordID: recordID, detail: nil, user: officer)
                } catch {
                    inbox.post(.loadFailed("audit trail: \(Self.describe(error))"))
                }
            case .runMatch:
                // Placeholder until the runtime performs the workflow commands (issue 5, wired separately).
                inbox.post(.matchFailed("matching is not wired into this build yet"))
            case .logNotice, .recordContact, .hold, .releaseHold, .place:
                inbox.post(.commandFailed("saving is not wired into this build yet"))
            }
        }
        return true
    }

    static func describe(_ error: any Error) -> String {
        (error as? StoreError)?.description ?? "the store could not be read"
    }
}

/// Messages from background work to the UI loop.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [Msg] = []
    private var expected = 0

    /// How many answers to background work are still to come.
    var awaiting: Int {
        lock.lock()
        defer { lock.unlock() }
        return expected
    }

    func expect() {
        lock.lock()
        expected += 1
        lock.unlock()
    }

    func post(_ message: Msg, answering: Bool = false) {
        lock.lock()
        messages.append(message)
        if answering { expected -= 1 }
        lock.unlock()
    }

    func drain() -> [Msg] {
        lock.lock()
        defer { lock.unlock() }
        let taken = messages
        messages.removeAll()
        return taken
    }
}
