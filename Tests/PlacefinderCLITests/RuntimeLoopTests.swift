import Foundation
import PlacementStore
import TerminalUI
import Testing
@testable import placefinder

/// A terminal that plays a script of keys, waiting where told until a frame shows something, and keeps
/// what the runtime drew. The real runtime loop runs against it: keys in, frames out.
final class ScriptedTerminal: TerminalBackend {
    enum Step {
        case key(Key)
        case resize(Int, Int)
        /// Wait (up to the deadline) until the last frame satisfies the check.
        case until(String, (Buffer) -> Bool)
        /// Run something between keys (a colleague's write, a signal).
        case run(() -> Void)
    }

    var size: (width: Int, height: Int)
    var pendingSignal: Int32?
    private var steps: [Step]
    private(set) var lastFrame: Buffer?
    private(set) var frames = 0
    private(set) var repaints = 0
    private(set) var restored = 0
    /// The wait that never came true, if one timed out.
    private(set) var timedOut: String?
    private let deadline = Date().addingTimeInterval(60)

    init(width: Int = 100, height: Int = 30, _ steps: [Step]) {
        size = (width, height)
        self.steps = steps
    }

    var text: String { lastFrame?.lines().joined(separator: "\n") ?? "" }

    func draw(_ buffer: Buffer) {
        lastFrame = buffer
        frames += 1
    }

    func repaint() { repaints += 1 }
    func restore() { restored += 1 }

    func nextEvent(timeoutMs: Int) -> TerminalEvent? {
        while let step = steps.first {
            switch step {
            case .key(let key):
                steps.removeFirst()
                return .key(key)
            case .resize(let w, let h):
                steps.removeFirst()
                size = (w, h)
                return .resize(width: w, height: h)
            case .run(let work):
                steps.removeFirst()
                work()
            case .until(let what, let check):
                if let lastFrame, check(lastFrame) { steps.removeFirst(); return nil }
                if Date() > deadline {
                    timedOut = what
                    steps = []
                    return .key(.ctrl("c"))
                }
                usleep(UInt32(max(1, min(timeoutMs, 10))) * 1000)
                return nil
            }
        }
        return .key(.ctrl("c"))   // script over: quit
    }
}

/// Holds background loads until opened.
final class Gate: @unchecked Sendable {
    private let condition = NSCondition()
    private var closed = false
    func close() { condition.lock(); closed = true; condition.unlock() }
    func open() { condition.lock(); closed = false; condition.broadcast(); condition.unlock() }
    func pass() { condition.lock(); while closed { condition.wait() }; condition.unlock() }
}

@Suite(.serialized) struct RuntimeLoopTests {
    static let now = ISO8601DateFormatter().date(from: CLI.pinnedNow)!

    static func runtime(_ store: String) throws -> TerminalRuntime {
        TerminalRuntime(db: try PlacementDatabase(path: store, create: true), officer: "test-officer", clock: { now })
    }

    static func shows(_ text: String) -> (Buffer) -> Bool { { $0.lines().joined(separator: "\n").contains(text) } }

    @Test func keysInFramesOut() throws {
        let store = try WorkflowCLITests.demoStore()
        let terminal = ScriptedTerminal([
            .until("the dashboard", Self.shows("Urgent children")),
            .key(.char("3")),
            .until("the vacancy list", Self.shows("sort: available from")),
            .key(.char("q")),
        ])
        let signal = try Self.runtime(store).run(on: terminal, authority: "W06000002", redact: false)
        #expect(signal == nil && terminal.timedOut == nil, "waited for \(terminal.timedOut ?? "")")
        #expect(terminal.text.contains("sort: available from"))
        #expect(terminal.restored >= 1)
    }

    /// Issue 9: the launch shows the current beds first; the history (filled and withdrawn beds, old
    /// placements) follows in the next load without a key, and the list's total then counts every bed.
    @Test func theHistoryFollowsTheFirstScreenWithoutAKey() throws {
        let store = try WorkflowCLITests.demoStore()
        let vacancies = try WorkflowCLITests.json(["export", "vacancies", "--format", "json", "--store", store])
        let live = vacancies.filter { ["open", "held"].contains($0["status"] as? String) }.count
        #expect(live < vacancies.count, "the demo has filled or withdrawn beds")
        let history = Gate()
        history.close()
        let runtime = TerminalRuntime(db: try PlacementDatabase(path: store, create: true), officer: "test-officer", clock: { Self.now },
                                      loader: { db, now, previous in history.pass(); return try AppDataLoader.load(db, now: now, previous: previous) })
        let terminal = ScriptedTerminal(width: 132, height: 43, [
            .until("the dashboard", Self.shows("Urgent children")),
            .key(.char("3")),
            .until("the current beds only", Self.shows("\(live) of \(live)")),
            .run { history.open() },
            .until("every bed", Self.shows("\(live) of \(vacancies.count)")),
            .key(.char("q")),
        ])
        _ = runtime.run(on: terminal, authority: "W06000002", redact: false, pollSeconds: 3600)
        #expect(terminal.timedOut == nil, "waited for \(terminal.timedOut ?? "")")
        #expect(runtime.loadsStarted == 2)
    }

    @Test func repeatedReloadsWhileALoadRunsCoalesceIntoOneMoreLoad() throws {
        let store = try WorkflowCLITests.demoStore()
        // Loads wait at a gate the script opens, so the presses surely land while one is in flight.
        let gate = Gate()
        let runtime = TerminalRuntime(db: try PlacementDatabase(path: store, create: true), officer: "test-officer", clock: { Self.now },
                                      loader: { db, now, previous in gate.pass(); return try AppDataLoader.load(db, now: now, previous: previous) },
                                      firstLoader: nil)
        let terminal = ScriptedTerminal([.until("the dashboard", Self.shows("Urgent children")), .run { gate.close() }]
                                        + Array(repeating: .key(.char("r")), count: 20)
                                        + [.run { gate.open() }, .until("the reloads", { _ in runtime.idle }), .key(.char("q"))])
        _ = runtime.run(on: terminal, authority: "W06000002", redact: false, pollSeconds: 3600)
        #expect(terminal.timedOut == nil)
        // The first load; the first press starts one, the other 19 fold into one more after it.
        #expect(runtime.loadsStarted == 3, "\(runtime.loadsStarted) loads")
    }

    @Test func aColleaguesCommitShowsWithoutAKey() throws {
        let store = try WorkflowCLITests.demoStore()
        let placements = try WorkflowCLITests.json(["export", "placements", "--format", "json", "--store", store])
        let children = try WorkflowCLITests.json(["export", "children", "--format", "json", "--store", store])
        let placed = Set(children.filter { $0["status"] as? String == "placed" }.map { $0["id"] as! String })
        let current = try #require(placements.first { $0["actualEnd"] == nil && placed.contains($0["childID"] as! String) })
        let (child, provider) = (current["childID"] as! String, current["providerID"] as! String)
        let runtime = try Self.runtime(store)
        var urgentBefore = ""
        func urgent(_ b: Buffer) -> String { b.lines()[0].components(separatedBy: "│").first { $0.contains("urgent") } ?? "" }
        let script = ScriptedTerminal([
            .until("the dashboard", Self.shows("Urgent children")),
            .until("the top bar", { b in urgentBefore = urgent(b); return !urgentBefore.isEmpty }),
            .run {
                // A colleague logs a provider's call in another process.
                let out = try? CLI.run(["notice", "add", "--provider", provider, "--kind", "placement_ending", "--child", child,
                                        "--effective", "today 17:00", "--reason", "CREQB", "--store", store])
                precondition(out?.status == 0, out?.stderr ?? "")
            },
            .until("the colleague's notice", { b in !urgentBefore.isEmpty && urgent(b) != urgentBefore }),
            .key(.char("q")),
        ])
        _ = runtime.run(on: script, authority: "W06000002", redact: false, pollSeconds: 0.05)
        #expect(script.timedOut == nil, "waited for \(script.timedOut ?? "")")
        #expect(runtime.loadsStarted >= 2)
    }

    @Test func ctrlLRepaintsAndTheCursorFollowsTheSearchField() throws {
        let store = try WorkflowCLITests.demoStore()
        var cursorWhileTyping: Position?
        var cursorAfterEsc: Position? = Position(x: -1, y: -1)
        let terminal = ScriptedTerminal([
            .until("the dashboard", Self.shows("Urgent children")),
            .key(.ctrl("l")),
            .key(.char("3")), .key(.char("/")), .key(.char("a")), .key(.char("b")),
            .until("the query", { b in
                guard b.lines()[2].contains("Search  ab") else { return false }
                cursorWhileTyping = b.cursor
                return true
            }),
            .key(.escape),
            .until("the cleared query", { b in
                guard !b.lines()[2].contains("Search") else { return false }
                cursorAfterEsc = b.cursor
                return true
            }),
            .key(.char("q")),
        ])
        _ = try Self.runtime(store).run(on: terminal, authority: "W06000002", redact: false)
        #expect(terminal.timedOut == nil, "waited for \(terminal.timedOut ?? "")")
        #expect(terminal.repaints == 1)
        // Row 2 is the search row: "Search  ab" then the cursor just after the b.
        #expect(cursorWhileTyping == Position(x: "Search  ab".count, y: 2))
        #expect(cursorAfterEsc == nil)
    }

    /// Children tab, Enter on the first child, then wait for `until`.
    static func openFirstChild(until what: String, _ check: @escaping (Buffer) -> Bool) -> ScriptedTerminal {
        ScriptedTerminal([
            .until("the dashboard", shows("Urgent children")),
            .key(.char("2")),
            .until("the children list", shows("most urgent first")),
            .key(.enter),
            .until(what, check),
            .key(.char("q")),
        ])
    }

    @Test func aChildsPageOpensOnceItsViewIsInTheAuditTrail() throws {
        let store = try WorkflowCLITests.demoStore()
        let terminal = Self.openFirstChild(until: "the page", Self.shows("Placement history"))
        _ = try Self.runtime(store).run(on: terminal, authority: "W06000002", redact: false)
        #expect(terminal.timedOut == nil, "waited for \(terminal.timedOut ?? "")")
        let views = try PlacementDatabase(path: store, create: true).auditEntries(user: "test-officer").filter { $0.action == "view" }
        #expect(views.count == 1 && views.first?.recordType == "child")
    }

    @Test func aChildsPageStaysClosedWhenItsViewCannotBeRecorded() throws {
        let store = try WorkflowCLITests.demoStore()
        // The store stays locked past SQLite's busy timeout (as when a colleague's long write holds it).
        let runtime = TerminalRuntime(db: try PlacementDatabase(path: store, create: true), officer: "test-officer", clock: { Self.now },
                                      recorder: { _, _ in throw StoreError.busy })
        var frameAtRefusal = ""
        let terminal = Self.openFirstChild(until: "the refusal") { b in
            frameAtRefusal = b.lines().joined(separator: "\n")
            return b.lines().last!.hasPrefix("Not opened, view not recorded: store busy — try again")
        }
        _ = runtime.run(on: terminal, authority: "W06000002", redact: false)
        #expect(terminal.timedOut == nil, "waited for \(terminal.timedOut ?? "")")
        #expect(!frameAtRefusal.contains("Placement history") && frameAtRefusal.contains("most urgent first"))
        #expect(!terminal.text.contains("Placement history"))
        let views = try PlacementDatabase(path: store, create: true).auditEntries(user: "test-officer").filter { $0.action == "view" }
        #expect(views.isEmpty)
    }

    @Test func aSignalEndsTheLoopAndRestoresTheTerminal() throws {
        let store = try WorkflowCLITests.demoStore()
        var terminal: ScriptedTerminal!
        terminal = ScriptedTerminal([
            .until("the dashboard", Self.shows("Urgent children")),
            .run { terminal.pendingSignal = 15 },
            .until("never", { _ in false }),
        ])
        let signal = try Self.runtime(store).run(on: terminal, authority: "W06000002", redact: false)
        #expect(signal == 15)
        #expect(terminal.restored >= 1 && terminal.timedOut == nil)
    }
}
