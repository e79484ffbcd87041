import ArgumentParser
import Foundation
import PlacefinderBench
import PlacementCore
import PlacementDemo
import PlacementStore

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark the matching engine on generated data, or on a store's data (use a release build).",
        discussion: """
            With --store, ranks every waiting child of that store against its vacancies (read-only). \
            With --growth, builds demo stores of each --growth-sizes size and times the build, loading \
            the store as the dashboard's snapshot and as the engine, and ranking, with peak memory. \
            Results and the machine they came from are recorded in docs/performance.md.
            """)

    @Option(parsing: .upToNextOption, help: "Vacancy counts to rank.") var vacancies: [Int] = [50_000, 5_000]
    @Option(help: "Ranking runs per size.") var runs = 200
    @Option(help: "Explanations built per run.") var explain = 50
    @Option(help: "Seed for the generator.") var seed: UInt64 = 2026
    @Flag(help: "Also time the dashboard: key press to updated buffer on the largest size.") var ui = false
    @Option(help: ArgumentHelp("Write the engine's inputs for the peer benchmarks to this folder (scripts/bench-peers.sh).",
                               valueName: "folder")) var peers: String?
    @Option(help: "Children whose request tables --peers writes.") var children = 20

    @Option(name: .long, help: ArgumentHelp("Benchmark matching on this store's real data instead of generated data.", valueName: "path"))
    var store: String?
    @Flag(help: "Time demo build, store → snapshot, store → engine and matching as the store grows, with peak memory.")
    var growth = false
    @Option(name: .customLong("growth-sizes"), parsing: .upToNextOption, help: "Vacancy counts for --growth.")
    var growthSizes: [Int] = [5_000, 50_000, 500_000]

    func validate() throws {
        guard runs >= 1 else { throw ValidationError("--runs must be at least 1") }
        guard growthSizes.allSatisfy({ (1...1_000_000).contains($0) }) else { throw ValidationError("--growth-sizes must be 1 to 1,000,000") }
        if store != nil && growth { throw ValidationError("--store and --growth cannot be combined") }
    }

    func run() throws {
        do {
            if let peers {
                for size in vacancies {
                    let folder = URL(fileURLWithPath: peers).appendingPathComponent(String(size))
                    for line in try PeerBenchmark.run(size: size, children: children, runs: runs, seed: seed, today: Session.today,
                                                      now: Session.now, directory: folder) { print(line) }
                }
                return
            }
            if let store {
                try runOnStore(store)
            } else if growth {
                try runGrowth()
            } else {
                for line in try EngineBenchmark.run(sizes: vacancies, runs: runs, explain: explain, seed: seed,
                                                    today: Session.today, now: Session.now) { print(line) }
            }
        } catch let failure as EngineBenchmark.Failure {
            throw UserError(failure.description)
        }
        if ui && store == nil && !growth {
            print(DashboardBenchmark.run(vacancies: vacancies.max() ?? 50_000, runs: runs, seed: seed,
                                         today: Session.today, now: Session.now))
        }
    }

    /// Matching on a real store: the engine and every waiting child's request come from the store.
    private func runOnStore(_ path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { throw UserError("no store at \(path)") }
        let db = try PlacementDatabase(path: path, create: false, readOnly: true)
        defer { try? db.close() }
        let clock = ContinuousClock.now
        let (engine, requests) = try Self.engineAndRequests(db)
        let loadMs = (ContinuousClock.now - clock).milliseconds
        guard !requests.isEmpty else { throw UserError("no child in \(path) is waiting for a placement: nothing to rank") }
        let timing = RankTiming(engine: engine, requests: requests, runs: runs, explain: explain)
        print("matching benchmark on \(path): \(runs) runs over \(requests.count) waiting children, explanations for the top \(explain)")
        print(String(format: "%6d vacancies: ", engine.index.count) + timing.summary
              + String(format: " (store → engine and requests in %.1f ms; on average %d ranked, rest excluded; peak RSS ",
                       loadMs, timing.averageRanked) + PeakMemory.text + ")")
    }

    /// The engine over every vacancy, and a request for every child (or sibling group) still waiting.
    static func engineAndRequests(_ db: PlacementDatabase) throws -> (engine: MatchEngine, requests: [MatchRequest]) {
        let (today, now) = (Session.today, Session.now)
        let engine = try db.matchEngine(today: today)
        let waiting = try db.children().filter { $0.status != .placed }
        let requests = waiting.compactMap { try? db.matchRequest(childID: $0.id, today: today, now: now) }
        return (engine, requests)
    }

    private func runGrowth() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("placefinder-growth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let seed = self.seed
        let stages = GrowthBenchmark.Stages(
            build: { size, path in
                let (today, now) = (Session.today, Session.now)
                var clock = ContinuousClock.now
                // As the engine benchmark: a provider for every 25 vacancies, 150 children.
                let data = DemoGenerator.generate(DemoOptions(seed: seed, providers: min(20_000, max(200, size / 25)),
                                                              vacancies: size, children: 150, today: today, now: now))
                let generateMs = (ContinuousClock.now - clock).milliseconds
                clock = ContinuousClock.now
                try Demo.write(data, seed: seed, to: path).close()
                return (generateMs, (ContinuousClock.now - clock).milliseconds)
            },
            loadSnapshot: { path in
                let db = try PlacementDatabase(path: path, create: false)
                defer { try? db.close() }
                _ = try AppDataLoader.load(db, now: Session.now)
            },
            loadEngine: { path in
                let db = try PlacementDatabase(path: path, create: false)
                defer { try? db.close() }
                return try Self.engineAndRequests(db)
            })
        try GrowthBenchmark.run(sizes: growthSizes, runs: runs, explain: explain, folder: folder, stages: stages) { line in
            FileHandle.standardOutput.write(Data((line + "\n").utf8))
        }
    }
}
