import Foundation
import PlacementCore
import PlacementStore

/// Issue 12's regional day: every officer of every authority (each their own login and connection, so row-level
/// security and the masked market apply) logs notices, calls, holds and placements against one PostgreSQL
/// server for a fixed time. Reports writes per second, commit latency, rows lost (committed, then missing) and
/// "deadlock"/"serialization" failures that reached an officer (the store retries them; none may surface).
public enum RegionalDayBenchmark {
    /// One officer's login, authority and share of that authority's waiting children.
    public struct Officer: Sendable {
        public let store: PostgresStore
        public let authority: String
        public var children: [String]
    }

    /// What the day committed, refused and lost.
    public struct Totals: Sendable {
        public var latencies: [String: [Double]] = [:]
        public var committed: (notices: Set<String>, contacts: Set<String>, placements: Set<String>) = ([], [], [])
        public var refusedByRules = 0
        public var surfacedRetries = 0
        public var otherFailures: [String: Int] = [:]
        public var seconds = 0.0
        public var writes: Int { latencies.values.reduce(0) { $0 + $1.count } }
    }

    /// Adds `perAuthority` officer logins for each of the 22 Welsh authorities (names `prefix_<n>`), each given
    /// an equal share of its authority's waiting children, and opens each one's own connection.
    public static func officers(admin: PostgresStore, perAuthority: Int, prefix: String) throws -> [Officer] {
        let waiting = Dictionary(grouping: try admin.children().filter { $0.status != .placed }, by: \.placingAuthority)
        var officers: [Officer] = []
        for (a, authority) in PartnershipBoard.byAuthority.keys.sorted().enumerated() {
            let pool = (waiting[authority] ?? []).map(\.id)
            for k in 0..<perAuthority {
                let name = "\(prefix)_\(a)_\(k)"
                try admin.addOfficer(name, authority: authority, role: .officer)
                let share = pool.enumerated().filter { $0.offset % perAuthority == k }.map(\.element)
                officers.append(Officer(store: try admin.asLogin(name), authority: authority, children: share))
            }
        }
        return officers
    }

    /// Runs the day for `seconds` with every officer on a thread of its own, then checks every committed row is
    /// there and the audit chain holds (as the server's owner, who sees everything).
    public static func run(admin: PostgresStore, officers: [Officer], seconds: Double, seed: UInt64) throws -> (Totals, [String]) {
        let market = try admin.vacancies().filter { $0.status == .open }.map { (id: $0.id, provider: $0.providerID) }
        let providers = try admin.providers().map(\.id)
        guard !market.isEmpty, !providers.isEmpty else { throw EngineBenchmark.Failure(description: "the store has no open vacancies") }
        let abortsBefore = try admin.serverAborts()
        let collector = Collector()
        let group = DispatchGroup()
        let start = Date()
        let deadline = start.addingTimeInterval(seconds)
        for (index, officer) in officers.enumerated() {
            group.enter()
            let thread = Thread {
                collector.merge(officerDay(officer, market: market, providers: providers, until: deadline, seed: seed &+ UInt64(index)))
                group.leave()
            }
            thread.stackSize = 1 << 20
            thread.start()
        }
        group.wait()
        var day = collector.day
        day.seconds = Date().timeIntervalSince(start)

        let notices = Set(try admin.notices().map(\.id)), contacts = Set(try admin.contacts().map(\.id))
        let placements = Set(try admin.placements().map(\.id))
        let lost = day.committed.notices.subtracting(notices).count + day.committed.contacts.subtracting(contacts).count
            + day.committed.placements.subtracting(placements).count
        let chain = try admin.auditChainBreak()
        let aborts = try admin.serverAborts()
        var lines = [String(format: "regional day: %d officers (%d authorities), %.1f s: %d writes, %.1f writes/s; commit p50 %.1f ms, p99 %.1f ms",
                            officers.count, Set(officers.map(\.authority)).count, day.seconds, day.writes,
                            Double(day.writes) / day.seconds, percentile(day.latencies.values.flatMap { $0 }, 50),
                            percentile(day.latencies.values.flatMap { $0 }, 99))]
        for (kind, times) in day.latencies.sorted(by: { $0.key < $1.key }) {
            lines.append(String(format: "  %@: %d, p50 %.1f ms, p99 %.1f ms", kind, times.count, percentile(times, 50), percentile(times, 99)))
        }
        lines.append("  rows lost: \(lost); deadlock/serialization failures surfaced to officers: \(day.surfacedRetries); "
                     + "server aborts resolved by retrying: \(aborts.deadlocks - abortsBefore.deadlocks) deadlocks, "
                     + "\(aborts.rollbacks - abortsBefore.rollbacks) rollbacks in all; audit chain: \(chain == nil ? "intact" : "BROKEN")")
        lines.append("  refused by the workflow's rules (bed taken, held, unsuitable; expected): \(day.refusedByRules)"
                     + (day.otherFailures.isEmpty ? "" : "; other failures: " + day.otherFailures.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", ")))
        if lost > 0 || day.surfacedRetries > 0 || chain != nil {
            throw EngineBenchmark.Failure(description: lines.joined(separator: "\n") + "\nregional day FAILED: rows lost, retries surfaced or the chain broke")
        }
        return (day, lines)
    }

    /// One officer's writes until `deadline`: 40 % vacancy notices, 35 % calls, 20 % hold-and-release, 5 % placements.
    static func officerDay(_ officer: Officer, market: [(id: String, provider: String)], providers: [String], until deadline: Date,
                           seed: UInt64) -> Totals {
        var rng = SplitMix(seed)
        var day = Totals()
        var waiting = officer.children
        let name = officer.store.location.user
        let clock = ContinuousClock()
        func timed(_ kind: String, _ body: () throws -> Void) {
            let began = clock.now
            do {
                try body()
                day.latencies[kind, default: []].append((clock.now - began).milliseconds)
            } catch is WorkflowError {
                day.refusedByRules += 1
            } catch StoreError.busy {
                day.surfacedRetries += 1
            } catch {
                day.otherFailures["\(kind): \(error)", default: 0] += 1
            }
        }
        while Date() < deadline {
            let now = Date()
            let today = WorkflowTime.day(of: now)
            let bed = market[rng.below(market.count)]
            let roll = rng.below(100)
            if roll < 40 || waiting.isEmpty {
                timed("notice") {
                    let draft = NoticeDraft(providerID: bed.provider, kind: .vacancyChanged, receivedAt: now, vacancyID: bed.id,
                                            changes: VacancyChanges(weeklyFee: 3_000 + rng.below(3_000)))
                    day.committed.notices.insert(try officer.store.logNotice(draft, officer: name, now: now).notice.id)
                }
            } else if roll < 75 {
                let child = waiting[rng.below(waiting.count)]
                timed("call") {
                    let call = ContactDraft(childID: child, providerID: providers[rng.below(providers.count)], at: now, outcome: .noAnswer)
                    day.committed.contacts.insert(try officer.store.recordContact(call, officer: name, now: now).id)
                }
            } else if roll < 95 {
                let child = waiting[rng.below(waiting.count)]
                var held = false
                timed("hold") { try officer.store.hold(vacancyID: bed.id, childID: child, officer: name, now: now); held = true }
                if held { timed("release") { try officer.store.releaseHold(vacancyID: bed.id, officer: name, now: now) } }
            } else {
                let pick = rng.below(waiting.count)
                timed("place") {
                    let placed = try officer.store.place(childID: waiting[pick], vacancyID: bed.id, start: today, officer: name, now: now,
                                                         approvals: PlacementApprovals(panel: "regional benchmark", keyStage4: "regional benchmark",
                                                                                       exceptionalReason: "regional benchmark"))
                    day.committed.placements.insert(placed.placement.id)
                    waiting.remove(at: pick)
                }
            }
        }
        return day
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        return sorted[min(sorted.count - 1, max(0, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1))]
    }

    /// The officers' days, merged as each thread finishes.
    final class Collector: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var day = Totals()
        func merge(_ other: Totals) {
            lock.lock()
            defer { lock.unlock() }
            for (kind, times) in other.latencies { day.latencies[kind, default: []] += times }
            day.committed.notices.formUnion(other.committed.notices)
            day.committed.contacts.formUnion(other.committed.contacts)
            day.committed.placements.formUnion(other.committed.placements)
            day.refusedByRules += other.refusedByRules
            day.surfacedRetries += other.surfacedRetries
            for (kind, n) in other.otherFailures { day.otherFailures[kind, default: 0] += n }
        }
    }
}

/// A small seeded generator (SplitMix64): each officer's mix of actions is the same on every run.
struct SplitMix {
    var state: UInt64
    init(_ seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
}
