import Foundation
import PlacementCore
import PlacementStore
import Testing

/// Writers are SIGKILLed at random moments, many times, while they log notices, calls, holds and
/// placements; the store must then be sound, hold every write a writer acknowledged, and have no
/// half-written workflow (a placement without its bed taken, or a bed taken without a placement).
@Suite(.serialized) struct CrashSafetyTests {
    struct Outcome: Sendable {
        let arguments: [String]
        let acknowledged: String?
        let killed: Bool
    }

    /// The backends the writers are killed on: a store file always, a PostgreSQL store when CI's server is set.
    static let backends = ProcessInfo.processInfo.environment["PLACEFINDER_TEST_POSTGRES"] == nil ? ["sqlite"] : ["sqlite", "postgresql"]

    /// A demo store on `backend`, as the `--store` the writers are given.
    static func demoStore(on backend: String) throws -> String {
        guard backend == "postgresql" else { return try WorkflowCLITests.demoStore() }
        let url = try PostgresCLITests.freshServerStore()
        let built = try CLI.run(["demo", "--no-tui", "--store", url])
        precondition(built.status == 0, built.stderr)
        return url
    }

    static func open(_ store: String) throws -> any PlacementStoring {
        try PostgresStore.open(url: store, defaultUser: OfficerIdentity.account()) ?? PlacementDatabase(path: store, create: true)
    }

    /// One writer process, killed after `killAfter` unless it finished first (nil: left to finish).
    static func runWriter(_ arguments: [String], killAfter: useconds_t?) -> Outcome {
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["PLACEFINDER_NOW"] = CLI.pinnedNow
        env["PLACEFINDER_OFFICER"] = "crash-test"
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return Outcome(arguments: arguments, acknowledged: nil, killed: false) }
        var killed = false
        if let killAfter {
            usleep(killAfter)
        } else {
            process.waitUntilExit()
        }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            killed = true
        }
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let finished = process.terminationReason == .exit && process.terminationStatus == 0
        return Outcome(arguments: arguments, acknowledged: finished ? output : nil, killed: killed && !finished)
    }

    final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var outcomes: [Outcome] = []
        func add(_ outcome: Outcome) {
            lock.lock()
            outcomes.append(outcome)
            lock.unlock()
        }
        var all: [Outcome] {
            lock.lock()
            defer { lock.unlock() }
            return outcomes
        }
    }

    @Test(arguments: backends)
    func randomKillsLoseNothingAcknowledgedAndLeaveNoHalfWrittenWorkflow(_ backend: String) throws {
        let store = try Self.demoStore(on: backend)
        let before = try Self.open(store)
        let vacancies = try before.vacancies().filter { $0.status == .open && $0.beds > 0 && $0.hold == nil }
        let waiting = try before.children().filter { $0.status != .placed }
        let initialPlacements = Set(try before.placements().map(\.id))
        let initialBeds = Dictionary(uniqueKeysWithValues: try before.vacancies().map { ($0.id, $0.beds) })
        try before.close()

        // Places: each waiting child into its best match (from the engine), so placing can succeed.
        var placeJobs: [[String]] = []
        var usedForPlacing = Set<String>()
        for child in waiting.prefix(12) {
            let match = try CLI.run(["match", child.id, "--json", "--top", "1", "--store", store])
            guard match.status == 0, let object = try? JSONSerialization.jsonObject(with: Data(match.stdout.utf8)) as? [String: Any],
                  let result = object["result"] as? [String: Any], let top = (result["ranked"] as? [[String: Any]])?.first,
                  let vacancy = top["vacancyId"] as? String else { continue }
            placeJobs.append(["place", child.id, vacancy, "--store", store])
            usedForPlacing.insert(vacancy)
        }
        let spare = vacancies.filter { !usedForPlacing.contains($0.id) }
        var jobs: [[String]] = []
        for n in 0..<90 {
            let v = spare[n % spare.count], child = waiting[n % waiting.count]
            switch n % 3 {
            case 0: jobs.append(["notice", "add", "--provider", v.providerID, "--kind", "vacancy_changed", "--vacancy", v.id,
                                 "--fee", String(1_000 + n), "--store", store])
            case 1: jobs.append(["contact", "add", "--child", child.id, "--provider", v.providerID, "--outcome", "no_answer", "--store", store])
            default: jobs.append(["hold", spare[(n * 7) % spare.count].id, "--child", child.id, "--store", store])
            }
        }
        jobs += placeJobs
        jobs.shuffle()

        // Three writers at a time; each killed at random within twice the time one writer takes here alone (a
        // server's writer connects for longer, a busy machine is slower): at startup, mid-transaction or after
        // commit, so some are killed and some finish.
        let collected = Collected()
        let started = Date()
        collected.add(Self.runWriter(jobs.removeFirst(), killAfter: nil))
        let window = useconds_t(max(0.08, 2 * Date().timeIntervalSince(started)) * 1_000_000)
        let all = jobs
        let lanes = 3
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            var generator = SystemRandomNumberGenerator()
            for job in stride(from: lane, to: all.count, by: lanes).map({ all[$0] }) {
                collected.add(Self.runWriter(job, killAfter: useconds_t.random(in: 0...window, using: &generator)))
            }
        }
        let outcomes = collected.all
        let killed = outcomes.filter(\.killed).count
        let acknowledged = outcomes.compactMap(\.acknowledged)

        // The store opens, is sound and passes every consistency rule (and, on a file, SQLite's own check).
        let after = try Self.open(store)
        if backend == "sqlite" { #expect(try after.integrityCheck() == ["ok"]) }
        let check = try CLI.run(["check", "--store", store])
        #expect(check.status == 0, "\(check.stdout)")

        // Every acknowledged write is there.
        let notices = Set(try after.notices().map(\.id)), contacts = Set(try after.contacts().map(\.id))
        let placements = try after.placements(), byID = Set(placements.map(\.id))
        let vacanciesAfter = Dictionary(uniqueKeysWithValues: try after.vacancies().map { ($0.id, $0) })
        var checked = 0
        for line in acknowledged {
            let words = line.split(separator: " ").map(String.init)
            if line.hasPrefix("logged notice ") { #expect(notices.contains(words[2]), "\(line)") }
            if line.hasPrefix("recorded call ") { #expect(contacts.contains(String(words[2].dropLast())), "\(line)") }
            if line.hasPrefix("placed ") { #expect(byID.contains(words[5]), "\(line)") }
            if line.hasPrefix("held ") {
                // A later placement may have filled the bed; otherwise the hold stands.
                let v = vacanciesAfter[words[1]]
                #expect(v?.hold != nil || v?.status == .filled, "\(line)")
            }
            checked += 1
        }

        // No half-written placement: each vacancy lost exactly one bed per new placement into it.
        let newPlacements = placements.filter { !initialPlacements.contains($0.id) }
        for (vacancyID, count) in Dictionary(grouping: newPlacements.compactMap(\.vacancyID), by: { $0 }).mapValues(\.count) {
            #expect(vacanciesAfter[vacancyID]!.beds == initialBeds[vacancyID]! - count, "\(vacancyID)")
        }
        for (id, v) in vacanciesAfter where !newPlacements.contains(where: { $0.vacancyID == id }) {
            #expect(v.beds == initialBeds[id], "\(id) lost a bed with no placement")
        }
        print("crash safety on \(backend): \(outcomes.count) writer runs, \(killed) killed mid-run, \(acknowledged.count) acknowledged writes all present, "
              + "\(newPlacements.count) new placements with beds balanced, \(checked) acknowledgements checked")
        #expect(killed > 0 && !acknowledged.isEmpty, "the test must both kill writers and let some finish")
    }
}
