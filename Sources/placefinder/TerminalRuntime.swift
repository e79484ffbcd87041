import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PlacefinderApp
import PlacementCore
import PlacementStore
import TerminalUI

/// Runs the Elm loop on a terminal: events in, `update`, commands performed, `view` drawn.
/// Store reads, indexing and matching run on a background queue so a key press never waits for them.
/// The terminal is a `TerminalBackend`: ncurses in the app, a scripted fake in the tests.
final class TerminalRuntime: @unchecked Sendable {
    private let db: any PlacementStoring
    private let officer: String
    /// How another officer's commit is noticed: the server's notifications, or polling the store.
    private let changes: ChangeWatch
    private let clock: @Sendable () -> Date
    /// Reads a snapshot; given the last one, it re-reads only the tables that changed since.
    private let loader: @Sendable (any PlacementStoring, Date, AppData?) throws -> AppData
    /// Writes one audit entry or throws; a child's page opens only after it returns (tests pass a failing one).
    private let recorder: @Sendable (any PlacementStoring, AuditEntry) throws -> Void
    private let lastIndexed = LastSnapshot()
    private let inbox = Inbox()
    /// Versions of the records as last loaded — what the officer is looking at. Writes pass them, so a
    /// colleague's change in between is refused with "changed by … — reload" instead of overwritten.
    private let seen = SeenStamps()
    /// Loads and rankings in flight; more requests meanwhile coalesce into one more run (UI thread only).
    private var loads = Coalescer<Void>()
    private var matches = Coalescer<String>()
    private var reports = Coalescer<ReportQuery>()
    private var authority = ""
    /// The officer's language as of the last update: the words of the outcomes the writes report.
    private var language = Language.en
    private var terminal: (any TerminalBackend)?
    /// The first load was started before the terminal (`prefetch`); the initial model's load joins it.
    private var loadPrefetched = false
    /// The launch's first load, without the history (`AppDataLoader.loadCurrent`); nil: every load is whole.
    private let firstLoader: (@Sendable (any PlacementStoring, Date) throws -> AppData)?
    /// The first load left out the history: the next load, started once the first screen is drawn,
    /// reads the two tables it cut short and keeps the rest.
    private var historyOwed: Bool
    /// Loads started this session (the tests check that repeated reloads coalesce).
    private(set) var loadsStarted = 0
    /// No background work in flight or queued.
    var idle: Bool { inbox.awaiting == 0 && loads.isIdle && matches.isIdle && reports.isIdle }

    init(db: any PlacementStoring, officer: String, clock: @escaping @Sendable () -> Date = { Session.now },
         loader: @escaping @Sendable (any PlacementStoring, Date, AppData?) throws -> AppData = {
             try AppDataLoader.load($0, now: $1, previous: $2)
         },
         firstLoader: (@Sendable (any PlacementStoring, Date) throws -> AppData)? = { try AppDataLoader.loadCurrent($0, now: $1) },
         recorder: @escaping @Sendable (any PlacementStoring, AuditEntry) throws -> Void = TerminalRuntime.recordOrRefuse) {
        self.db = db
        changes = ChangeWatch(db)
        self.officer = officer
        self.clock = clock
        self.loader = loader
        self.firstLoader = firstLoader
        historyOwed = firstLoader != nil
        self.recorder = recorder
    }

    /// Writes the entry; on a store this account cannot write, the store only counts it as unrecorded,
    /// which for a child's page is a refusal like any other failed write.
    static func recordOrRefuse(_ store: any PlacementStoring, _ entry: AuditEntry) throws {
        guard let db = store as? PlacementDatabase else { return try store.audit([entry]) }
        let unrecordedBefore = db.unrecordedAuditEntries
        try db.audit([entry])
        if db.unrecordedAuditEntries > unrecordedBefore { throw StoreError.readOnly }
    }

    /// Set before any load: loads allocate on background threads; without a cap glibc gives each thread its
    /// own arena and the freed snapshots' memory stays scattered across them. Two arenas, as the snapshot
    /// and the index run two threads at a time: with one, those threads queued on its lock (launch 242–255 →
    /// 192–194 ms at 5,000 / 7,000; the peak at 50,000 / 20,000 the same, 140 MB). A fixed mmap threshold
    /// keeps every large array (a snapshot's columns) in its own mapping, returned to the system when freed.
    private static func boundMemory() {
        #if canImport(Glibc)
        _ = glibcMallopt(-8 /* M_ARENA_MAX */, 2)
        _ = glibcMallopt(-3 /* M_MMAP_THRESHOLD */, 128 * 1024)
        #endif
        growHeapInLargeSteps(true)
    }

    /// During the launch's first load a 32 MB top pad grows each arena in large steps: the first snapshot's
    /// small allocations otherwise grow the heap 128 KB at a time, a system call each (launch at 50,000 /
    /// 20,000 ≈ 410 → 360 ms). Afterwards glibc's 128 KB again, since the pad also keeps freed pages at the top
    /// of an arena resident (3–4 MB more at the peak).
    private static func growHeapInLargeSteps(_ large: Bool) {
        #if canImport(Glibc)
        _ = glibcMallopt(-2 /* M_TOP_PAD */, large ? 32 << 20 : 128 * 1024)
        #endif
    }

    /// Starts the first load as soon as the store is open, so it runs while ncurses starts and the first
    /// frame is drawn.
    func prefetch(authority: String) {
        Self.boundMemory()
        self.authority = authority
        if loads.request(()) { startLoad() }
        loadPrefetched = true
    }

    /// Runs until quit or a signal; returns the signal that ended the session, if one did.
    /// `pollSeconds` is how often a colleague's commit is looked for (and the clock ticks).
    func run(on terminal: any TerminalBackend, authority: String, redact: Bool, language: Language = .en,
             pollSeconds: Double = 1) -> Int32? {
        defer { terminal.restore() }
        Self.boundMemory()
        self.terminal = terminal
        self.authority = authority
        var (model, commands) = Model.initial(size: terminal.size, officer: officer, authority: authority,
                                               now: clock(), redact: redact, language: language)
        var running = perform(commands, language)
        var lastTick = Date()
        // `view` is pure, so a frame is drawn only after an update; redrawing an unchanged screen every turn
        // took a core from the loading queue while the first snapshot was read.
        var changed = true
        changes.start()
        defer { changes.stop() }
        while running {
            if let signal = terminal.pendingSignal { return signal }
            for (message, settles) in inbox.drain() where running {
                running = perform(update(&model, message), model.language)
                changed = true
                // The model holds the new snapshot now (the old one is freed): start a coalesced rerun.
                if running { settle(settles) }
            }
            guard running else { break }
            if changed {
                terminal.draw(view(model))
                if model.data != nil { LaunchTrace.mark(.frame) }
            }
            // The history's load waits for the first screen's frame, so the two do not share the cores.
            if historyOwed, loadsStarted > 0, loads.isIdle, loads.request(()) { startLoad() }
            changed = false
            // Wait for keys briefly while background work is in flight, so its answer shows as soon as it lands,
            // and while the server pushes commits, so one shows within a tenth of a second of arriving.
            if let event = terminal.nextEvent(timeoutMs: inbox.awaiting > 0 ? 4 : changes.isPushed ? 100 : 250) {
                running = perform(update(&model, .event(event)), model.language)
                changed = true
            }
            let polling = Date().timeIntervalSince(lastTick) >= pollSeconds
            if polling {
                lastTick = Date()
                running = running && perform(update(&model, .tick(clock())), model.language)
                changed = true
            }
            // A colleague's commit: pushed by the server (checked every turn, so it shows within the
            // turn's wait plus one partial load), or seen in the store's change counter once a poll.
            if running, changes.committedElsewhere(polling: polling) {
                running = perform(update(&model, .storeChanged), model.language)
                changed = true
            }
        }
        return terminal.pendingSignal
    }

    /// Background work that answered: free its slot and start the one queued meanwhile, if any.
    private func settle(_ settles: Settles?) {
        switch settles {
        case .load:
            // The first screen's load is done: back to glibc's pad (kept through the history's load too, it
            // raised that load's peak by about 3 MB).
            Self.growHeapInLargeSteps(false)
            releaseFreedMemory()
            if loads.finish() != nil { startLoad() }
        case .match: if let childID = matches.finish() { startMatch(childID) }
        case .reports: if let query = reports.finish() { startReports(query) }
        case nil: break
        }
    }

    /// Performs commands; false when one of them is `.quit`. `language` is the model's, after the update
    /// that asked for them.
    private func perform(_ commands: [Command], _ language: Language) -> Bool {
        self.language = language
        let say: @Sendable (Message, [String: String]) -> String = { message, values in message.text(language, values) }
        for command in commands {
            switch command {
            case .quit:
                return false
            case .load:
                if loadPrefetched {
                    loadPrefetched = false
                } else if loads.request(()) {
                    startLoad()
                }
            case .repaint:
                terminal?.repaint()
            case .audit(let action, let recordType, let recordID, let token):
                // Fail closed: the page it gates opens only on `.auditRecorded`. Off the UI thread, so a
                // store locked by a colleague's write never freezes the keyboard while SQLite waits.
                recordView(AuditEntry(user: officer, action: action, recordType: recordType, recordID: recordID), token: token)
            case .runMatch(let childID):
                if matches.request(childID) { startMatch(childID) }
            case .runReports(let area, let period):
                let query = ReportQuery(area: area, period: period)
                if reports.request(query) { startReports(query) }
            case .logNotice(let draft):
                let expected = draft.vacancyID.flatMap { seen.vacancy($0) }
                write { db, officer, now in
                    let effects = try db.logNotice(draft, officer: officer, now: now, expectedVacancyVersion: expected)
                    if effects.vacancyCreated, let vacancy = effects.vacancy {
                        return .noticeLogged(id: effects.notice.id, say(.shellDoneNoticeLoggedVacancy, ["notice": effects.notice.id, "vacancy": vacancy.id]))
                    }
                    return .noticeLogged(id: effects.notice.id, say(.shellDoneNoticeLogged, ["notice": effects.notice.id]))
                }
            case .recordContact(let contact):
                write { db, officer, now in
                    let draft = ContactDraft(childID: contact.childID, providerID: contact.providerID, vacancyID: contact.vacancyID,
                                             at: contact.at, outcome: contact.outcome, declineReason: contact.declineReason,
                                             note: contact.note, callBackAt: contact.callBackAt, declineScope: contact.declineScope)
                    let saved = try db.recordContact(draft, officer: officer, now: now)
                    return .commandSucceeded(say(.shellDoneCallRecorded, ["call": saved.id]))
                }
            case .sendReferral(let draft):
                let folder = PlacementDatabase.defaultReferralFolder(environment: ProcessInfo.processInfo.environment)
                write { db, officer, now in
                    let sent = try ReferralSender.send(draft, formats: ReferralFormat.allCases, folder: folder, store: db,
                                                       officer: officer, now: now, warn: { _ in })
                    return .commandSucceeded(sent.summary)
                }
            case .respondToReferral(let id, let response):
                write { db, officer, now in
                    let saved = try db.respondToReferral(id: id, response, officer: officer, at: now, now: now)
                    return .commandSucceeded(say(.shellDoneReferralAnswer, ["outcome": saved.outcome.rawValue, "referral": id, "entry": saved.id]))
                }
            case .withdrawNotice(let id, let reason):
                write { db, officer, now in
                    let effects = try db.withdrawNotice(id: id, reason: reason, officer: officer, now: now)
                    return .commandSucceeded(say(.shellDoneNoticeWithdrawn, ["notice": id, "entry": effects.notice.id]))
                }
            case .amendNotice(let id, let amendment, let reason):
                write { db, officer, now in
                    let effects = try db.amendNotice(id: id, amendment, reason: reason, officer: officer, now: now)
                    return .commandSucceeded(say(.shellDoneNoticeAmended, ["notice": id, "entry": effects.notice.id]))
                }
            case .amendContact(let id, let amendment, let reason):
                write { db, officer, now in
                    let saved = try db.amendContact(id: id, amendment, reason: reason, officer: officer, now: now)
                    return .commandSucceeded(say(.shellDoneCallAmended, ["call": id, "entry": saved.id]))
                }
            case .hold(let vacancyID, let childID, let until):
                let expected = seen.vacancy(vacancyID)
                write { db, officer, now in
                    _ = try db.hold(vacancyID: vacancyID, childID: childID, officer: officer, now: now, until: until,
                                    expectedVersion: expected)
                    return .commandSucceeded(say(.shellDoneHeld, ["vacancy": vacancyID, "child": childID]))
                }
            case .releaseHold(let vacancyID):
                let expected = seen.vacancy(vacancyID)
                write { db, officer, now in
                    _ = try db.releaseHold(vacancyID: vacancyID, officer: officer, now: now, expectedVersion: expected)
                    return .commandSucceeded(say(.shellDoneReleased, ["vacancy": vacancyID]))
                }
            case .planPlacement(let childID, let vacancyID, let start, let move):
                let clock = self.clock
                background(Msg.placementPlanFailed) { db, officer in
                    [.placementPlanned(try db.placePreflight(childID: childID, vacancyID: vacancyID, start: start, move: move,
                                                             officer: officer, now: clock()))]
                }
            case .place(let childID, let vacancyID, let start, let move, let approvals, let terms, let versions):
                // What the place form's plan read, so a colleague's change the plan already showed is not refused.
                let vacancyVersion = versions?.vacancy ?? seen.vacancy(vacancyID)
                let childVersion = versions?.child ?? seen.child(childID)
                write { db, officer, now in
                    let effects = try db.place(childID: childID, vacancyID: vacancyID, start: start, officer: officer, now: now,
                                               move: move, approvals: approvals, terms: terms,
                                               expectedVacancyVersion: vacancyVersion, expectedChildVersion: childVersion)
                    return .commandSucceeded(say(.shellDonePlaced, ["child": childID, "placement": effects.placement.id]))
                }
            case .rememberLanguage(let language):
                remember(language)
            case .undoPlacement(let placementID, let reason):
                write { db, officer, now in
                    let effects = try db.undoPlacement(id: placementID, reason: reason, officer: officer, now: now)
                    return .commandSucceeded(say(.shellDoneUndone, ["placement": placementID, "child": effects.child.id,
                                                                    "status": effects.child.status.label(language)]))
                }
            }
        }
        return true
    }

    /// The old snapshot was just freed: hand its pages back to the system, so resident memory stays at
    /// one snapshot plus the next one loading, instead of ratcheting up with each reload.
    private func releaseFreedMemory() {
        #if canImport(Glibc)
        _ = glibcMallocTrim(0)
        #endif
    }

    /// Reads a snapshot and indexes it on the loading queue, so the UI thread only swaps it in.
    /// The launch's first load reads what the first screen shows; the next reads the history
    /// (started once the first screen is drawn).
    private func startLoad() {
        loadsStarted += 1
        let first = loadsStarted == 1 ? firstLoader : nil
        let bringsHistory = historyOwed && first == nil
        if bringsHistory { historyOwed = false }
        let (seen, authority, clock, loader, lastIndexed) = (self.seen, self.authority, self.clock, self.loader, self.lastIndexed)
        background(Msg.loadFailed, settles: .load) { db, _ in
            let now = clock()
            // Loads are coalesced, so one runs at a time: the last snapshot and its index are this one's base.
            let previous = lastIndexed.value
            let data = try first.map { try $0(db, now) } ?? loader(db, now, previous?.data)
            LaunchTrace.mark(.snapshot)
            // The versions a write will check were read in the snapshot's own transaction.
            seen.update(vacancies: data.vacancyVersions, children: data.childVersions)
            let indexed = IndexedData(data: data, authority: authority, now: now, previous: previous)
            lastIndexed.value = indexed
            LaunchTrace.mark(.indexed)
            if bringsHistory { LaunchTrace.mark(.history) }
            return [.dataIndexed(indexed)]
        }
    }

    private func startMatch(_ childID: String) {
        let clock = self.clock
        background(Msg.matchFailed, settles: .match) { db, officer in
            let now = clock()
            let today = WorkflowTime.day(of: now)
            let request = try db.matchRequest(childID: childID, today: today, now: now)
            let engine = try db.matchEngine(today: today)
            let outcome = engine.rankGroup(request)
            // Every child of a sibling group was matched: each gets an entry.
            try db.audit(request.children.map {
                AuditEntry(user: officer, action: "match", recordType: "child", recordID: $0.id, detail: "policy: default")
            })
            return [.matchReady(childID: childID, MatchScreenData(result: outcome, engine: engine, top: 50))]
        }
    }

    /// Reads the store and computes every panel off the UI loop; unmet need lists waiting children, so it is audited.
    private func startReports(_ query: ReportQuery) {
        let (clock, area, period, language) = (self.clock, query.area, query.period, self.language)
        background(Msg.reportsFailed, settles: .reports) { db, officer in
            let now = clock()
            // As `placefinder report` computes them for this login (a commissioner: the server's counts).
            let set = try RegionalAccess.reports(db, scope: try db.readerScope(), area: area, period: period,
                                                 panels: ReportPanelKind.allCases, now: now, language: language)
            try db.audit([AuditEntry(user: officer, action: "report", recordType: "report", recordID: "all",
                                     detail: "area \(area.key), period \(period.key)")])
            return [.reportsReady(set)]
        }
    }

    /// Runs store work off the UI loop and posts the messages it returns (or `failure` with a one-line
    /// reason); the last message carries `settles`, which frees a coalesced slot when the loop drains it.
    private func background(_ failure: @escaping @Sendable (String) -> Msg, settles: Settles? = nil,
                            _ work: @escaping @Sendable (any PlacementStoring, String) throws -> [Msg]) {
        let (db, officer, inbox, language) = (self.db, self.officer, self.inbox, self.language)
        inbox.expect()
        DispatchQueue.global(qos: .userInitiated).async {
            do {
                let messages = try work(db, officer)
                for (n, message) in messages.enumerated() {
                    inbox.post(message, answering: n == messages.count - 1, settles: settles)
                }
                if messages.isEmpty { inbox.post(.storeChanged, answering: true, settles: settles) }
            } catch {
                inbox.post(failure(Self.describe(error, language)), answering: true, settles: settles)
            }
        }
    }

    /// Stores the officer's language choice off the UI loop; a failure is said on the status line, and the
    /// switch itself stands. No reload follows: a setting changes nothing the dashboard shows.
    private func remember(_ language: Language) {
        let (db, officer, inbox, clock) = (self.db, self.officer, self.inbox, self.clock)
        inbox.expect()
        DispatchQueue.global(qos: .userInitiated).async {
            do {
                try db.setSetting(StoreSettingKey.officerLanguage(officer), language.rawValue)
                inbox.post(.tick(clock()), answering: true)   // an answer that changes nothing, so `idle` counts it
            } catch {
                inbox.post(.languageNotRemembered(Self.auditFailure(error, language)), answering: true)
            }
        }
    }

    /// Records a view off the UI loop and answers `.auditRecorded`, or `.auditFailed` with a few words the
    /// status line shows whole even at 80 columns (the store's full messages are longer).
    private func recordView(_ entry: AuditEntry, token: Int) {
        let (db, recorder, inbox, language) = (self.db, self.recorder, self.inbox, self.language)
        inbox.expect()
        DispatchQueue.global(qos: .userInitiated).async {
            do {
                try recorder(db, entry)
                inbox.post(.auditRecorded(token: token), answering: true)
            } catch {
                inbox.post(.auditFailed(token: token, reason: Self.auditFailure(error, language)), answering: true)
            }
        }
    }

    /// Why an audit entry was not written, and what to do.
    static func auditFailure(_ error: any Error, _ language: Language = .en) -> String {
        switch error as? StoreError {
        case .busy: Message.shellFailBusy.text(language)
        case .readOnly, .readOnlyFolder: Message.shellFailReadOnly.text(language)
        case .diskFull: Message.shellFailDiskFull.text(language)
        default: Message.shellFailStore.text(language)
        }
    }

    /// A write: one transaction in the store, then its outcome (for the status line) and a fresh snapshot.
    /// A refusal because a colleague changed the record since the last load says so, and which key reloads.
    private func write(_ work: @escaping @Sendable (any PlacementStoring, String, Date) throws -> Msg) {
        let (clock, language) = (self.clock, self.language)
        background(Msg.commandFailed) { db, officer in
            do {
                return [try work(db, officer, clock()), .storeChanged]
            } catch let error as WorkflowError {
                if case .changedBy = error { return [.commandRefusedAsStale(error.description(language))] }
                throw error
            }
        }
    }

    /// One line for the status bar in the officer's language: the store's and the workflow's own messages, ids only.
    static func describe(_ error: any Error, _ language: Language = .en) -> String {
        switch error {
        case let error as WorkflowError: error.description(language)
        case let error as StoreError: error.description(language)
        case let error as MatchError: error.description(language)
        case let error as UserError: error.message
        default: Message.cliRuntimeStoreUnreadable.text(language)
        }
    }
}

/// Which coalesced slot a background answer frees.
enum Settles: Sendable { case load, match, reports }

/// At most one run in flight; requests meanwhile collapse into one more run with the latest value.
/// Repeated `r` presses or a burst of colleagues' commits cost at most two loads, not one each.
struct Coalescer<Value> {
    private var running = false
    private var queued: Value?

    var isIdle: Bool { !running }

    /// True when the caller should start a run now; otherwise the request waits (the latest one wins).
    mutating func request(_ value: Value) -> Bool {
        if running { queued = value; return false }
        running = true
        return true
    }

    /// The run ended: returns the queued request to start now (still counted as running), if any.
    mutating func finish() -> Value? {
        guard let next = queued else { running = false; return nil }
        queued = nil
        return next
    }
}

/// Messages from background work to the UI loop.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [(Msg, Settles?)] = []
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

    func post(_ message: Msg, answering: Bool = false, settles: Settles? = nil) {
        lock.lock()
        messages.append((message, answering ? settles : nil))
        if answering { expected -= 1 }
        lock.unlock()
    }

    func drain() -> [(Msg, Settles?)] {
        lock.lock()
        defer { lock.unlock() }
        let taken = messages
        messages.removeAll()
        return taken
    }
}

/// Record versions from the last load, shared between the loading queue and the UI loop. Only the
/// version numbers are kept: they are all a write checks.
final class SeenStamps: @unchecked Sendable {
    private let lock = NSLock()
    private var vacancies: [String: Int] = [:]
    private var children: [String: Int] = [:]

    func update(vacancies: [String: Int], children: [String: Int]) {
        lock.lock()
        (self.vacancies, self.children) = (vacancies, children)
        lock.unlock()
    }

    func vacancy(_ id: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return vacancies[id]
    }

    func child(_ id: String) -> Int? {
        lock.lock()
        defer { lock.unlock() }
        return children[id]
    }
}

/// The last snapshot read, kept by the loading queue as the base of the next partial reload.
final class LastSnapshot: @unchecked Sendable {
    private let lock = NSLock()
    private var data: IndexedData?

    var value: IndexedData? {
        get { lock.lock(); defer { lock.unlock() }; return data }
        set { lock.lock(); data = newValue; lock.unlock() }
    }
}
