import Foundation
import PlacementCore
import PlacementStore

/// Last-bed races across authorities: each round puts one new one-bed vacancy on the market and one officer of
/// each authority, released together, tries to place their own child in it. Exactly one may win; the database
/// is then read (as its owner) to prove one placement and a filled bed, not just the officers' answers.
public enum LastBedRaceBenchmark {
    public static func run(admin: PostgresStore, racers: [RegionalDayBenchmark.Officer], rounds: Int) throws -> [String] {
        guard let provider = try admin.providers().first,
              let template = try admin.children().first(where: { $0.status != .placed }) else {
            throw EngineBenchmark.Failure(description: "the store has no provider or no waiting child to race with")
        }
        let now = Date()
        let today = WorkflowTime.day(of: now)
        var winners: [Int] = [], latencies: [Double] = [], refusals: [String: Int] = [:]
        var wrong: [String] = []
        for round in 0..<rounds {
            let bed = Vacancy(id: "RACE\(round)", providerID: provider.id, setting: .residential, beds: 1, ageRange: 0...25,
                              availableFrom: today, takesEmergencies: true, weeklyFee: 4_000, lastConfirmedAt: now)
            // One child per racer, alike but for the authority placing them.
            let children = racers.enumerated().map { i, racer in
                var child = template
                child.id = "RACE\(round)-\(i)"
                child.placingAuthority = racer.authority
                child.siblingGroup = nil
                child.safeguarding = SafeguardingConstraints()
                child.acceptableSettings = Setting.allCases
                child.needs = []
                child.welshPlacement = nil
                child.legalStatus = .careOrder
                child.status = .needsPlacement
                return child
            }
            try admin.insert(RecordBatch(vacancies: [bed], children: children))
            let outcome = Race(count: racers.count)
            let group = DispatchGroup()
            let gate = DispatchSemaphore(value: 0)
            for (i, racer) in racers.enumerated() {
                group.enter()
                Thread {
                    gate.wait()
                    let began = ContinuousClock.now
                    do {
                        _ = try racer.store.place(childID: children[i].id, vacancyID: bed.id, start: today, officer: racer.store.location.user,
                                                  now: now, approvals: PlacementApprovals(panel: "race", keyStage4: "race", exceptionalReason: "race"))
                        outcome.record(i, won: true, ms: (ContinuousClock.now - began).milliseconds, refusal: nil)
                    } catch {
                        outcome.record(i, won: false, ms: (ContinuousClock.now - began).milliseconds, refusal: Self.kind(of: error))
                    }
                    group.leave()
                }.start()
            }
            for _ in racers { gate.signal() }
            group.wait()
            let (won, times, refused) = outcome.result
            winners.append(won)
            latencies += times
            for (kind, n) in refused { refusals[kind, default: 0] += n }
            let stored = try admin.placements().filter { $0.vacancyID == bed.id && $0.undone == nil }.count
            let status = try admin.vacancies().first { $0.id == bed.id }?.status
            if won != 1 || stored != 1 || status != .filled {
                wrong.append("round \(round): \(won) winners, \(stored) placements, bed \(status.map { "\($0)" } ?? "missing")")
            }
        }
        let exact = winners.filter { $0 == 1 }.count
        var lines = [String(format: "last-bed races: %d rounds × %d authorities: exactly one winner in %d of %d rounds; place p50 %.1f ms, p99 %.1f ms",
                            rounds, racers.count, exact, rounds, RegionalDayBenchmark.percentile(latencies, 50),
                            RegionalDayBenchmark.percentile(latencies, 99))]
        lines.append("  losers were told: " + refusals.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }.joined(separator: ", "))
        if !wrong.isEmpty {
            throw EngineBenchmark.Failure(description: (lines + wrong).joined(separator: "\n") + "\nlast-bed races FAILED")
        }
        return lines
    }

    /// The error's case name only, never its ids: "vacancyNotOpen", "noBedsLeft", "busy".
    static func kind(of error: any Error) -> String {
        Mirror(reflecting: error).children.first?.label ?? String("\(error)".prefix { $0 != "(" })
    }

    final class Race: @unchecked Sendable {
        private let lock = NSLock()
        private var won = 0, times: [Double] = [], refused: [String: Int] = [:]
        init(count: Int) { times.reserveCapacity(count) }
        func record(_ racer: Int, won didWin: Bool, ms: Double, refusal: String?) {
            lock.lock()
            defer { lock.unlock() }
            if didWin { won += 1 }
            times.append(ms)
            if let refusal { refused[refusal, default: 0] += 1 }
        }
        var result: (Int, [Double], [String: Int]) {
            lock.lock()
            defer { lock.unlock() }
            return (won, times, refused)
        }
    }
}
