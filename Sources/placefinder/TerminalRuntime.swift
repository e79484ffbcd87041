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
    /// Versions of the records as last loaded — what the officer is looking at. Writes pass them, so a
    /// colleague's change in between is refused with "changed by … — reload" instead of overwritten.
    private let seen = SeenStamps()

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
                let (db, inbox, seen) = (self.db, self.inbox, self.seen)
                inbox.expect()
                DispatchQueue.global(qos: .userInitiated).async {
                    do {
                        let data = try AppDataLoader.load(db, now: Session.now)
                        seen.update(vacancies: try db.stamps(of: .vacancies), children: try db.stamps(of: .children))
                        inbox.post(.dataLoaded(data), answering: true)
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
            case .runMatch(let childID):
                background(Msg.matchFailed) { db, officer in
                    let (today, now) = (Session.today, Session.now)
                    let request = try db.matchRequest(childID: childID, today: today, now: now)
                    let engine = try db.matchEngine(today: today)
                    let outcome = engine.rankGroup(request)
                    // Every child of a sibling group was matched: each gets an entry.
                    try db.audit(request.children.map {
                        AuditEntry(user: officer, action: "match", recordType: "child", recordID: $0.id, detail: "policy: default")
                    })
                    return [.matchReady(childID: childID, MatchScreenData(result: outcome, engine: engine, top: 50))]
                }
            case .logNotice(let notice):
                let expected = notice.vacancyID.flatMap { seen.vacancy($0) }
                write { db, officer, now in
                    let draft = NoticeDraft(providerID: notice.providerID, kind: notice.kind, receivedAt: notice.receivedAt,
                                            childID: notice.childID, effectiveAt: notice.effectiveAt, reason: notice.reason,
                                            vacancyID: notice.vacancyID, text: notice.text)
                    let effects = try db.logNotice(draft, officer: officer, now: now, expectedVacancyVersion: expected)
                    return "notice \(effects.notice.id) logged"
                }
            case .recordContact(let contact):
                write { db, officer, now in
                    let draft = ContactDraft(childID: contact.childID, providerID: contact.providerID, vacancyID: contact.vacancyID,
                                             at: contact.at, outcome: contact.outcome, declineReason: contact.declineReason)
                    let saved = try db.recordContact(draft, officer: officer, now: now)
                    return "call \(saved.id) recorded"
                }
            case .hold(let vacancyID, let childID, let until):
                let expected = seen.vacancy(vacancyID)
                write { db, officer, now in
                    _ = try db.hold(vacancyID: vacancyID, childID: childID, officer: officer, now: now, until: until,
                                    expectedVersion: expected)
                    return "\(vacancyID) held for \(childID)"
                }
            case .releaseHold(let vacancyID):
                let expected = seen.vacancy(vacancyID)
                write { db, officer, now in
                    _ = try db.releaseHold(vacancyID: vacancyID, officer: officer, now: now, expectedVersion: expected)
                    return "hold on \(vacancyID) released"
                }
            case .place(let childID, let vacancyID, let start):
                let (vacancyVersion, childVersion) = (seen.vacancy(vacancyID), seen.child(childID))
                write { db, officer, now in
                    let effects = try db.place(childID: childID, vacancyID: vacancyID, start: start, officer: officer, now: now,
                                               expectedVacancyVersion: vacancyVersion, expectedChildVersion: childVersion)
                    return "\(childID) placed: placement \(effects.placement.id)"
                }
            }
        }
        return true
    }

    /// Runs store work off the UI loop and posts the messages it returns (or `failure` with a one-line reason).
    private func background(_ failure: @escaping @Sendable (String) -> Msg,
                            _ work: @escaping @Sendable (PlacementDatabase, String) throws -> [Msg]) {
        let (db, officer, inbox) = (self.db, self.officer, self.inbox)
        inbox.expect()
        DispatchQueue.global(qos: .userInitiated).async {
            do {
                let messages = try work(db, officer)
                for (n, message) in messages.enumerated() { inbox.post(message, answering: n == messages.count - 1) }
                if messages.isEmpty { inbox.post(.storeChanged, answering: true) }
            } catch {
                inbox.post(failure(Self.describe(error)), answering: true)
            }
        }
    }

    /// A write: one transaction in the store, then the outcome in the status line and a fresh snapshot.
    private func write(_ work: @escaping @Sendable (PlacementDatabase, String, Date) throws -> String) {
        background(Msg.commandFailed) { db, officer in
            [.commandSucceeded(try work(db, officer, Session.now)), .storeChanged]
        }
    }

    /// One line for the status bar: the store's and the workflow's own messages, ids only.
    static func describe(_ error: any Error) -> String {
        switch error {
        case let error as WorkflowError: error.description
        case let error as StoreError: error.description
        case let error as MatchError: error.description
        default: "the store could not be read or written"
        }
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

/// Record versions from the last load, shared between the loading queue and the UI loop.
final class SeenStamps: @unchecked Sendable {
    private let lock = NSLock()
    private var vacancies: [String: RecordStamp] = [:]
    private var children: [String: RecordStamp] = [:]

    func update(vacancies: [String: RecordStamp], children: [String: RecordStamp]) {
        lock.lock()
        (self.vacancies, self.children) = (vacancies, children)
        lock.unlock()
    }

    func vacancy(_ id: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return vacancies[id]?.version
    }

    func child(_ id: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return children[id]?.version
    }
}
