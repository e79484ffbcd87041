import ArgumentParser
import Foundation
import PlacefinderBench
import PlacementCore
import PlacementDemo
import PlacementStore

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: cliHelp(.cliHelpBench), discussion: cliHelp(.cliAboutBench))

    @Option(parsing: .upToNextOption, help: optionHelp(.cliOptBenchVacancies)) var vacancies: [Int] = [50_000, 5_000]
    @Option(help: optionHelp(.cliOptBenchRuns)) var runs = 200
    @Option(help: optionHelp(.cliOptBenchExplain)) var explain = 50
    @Option(help: optionHelp(.cliOptDemoSeed)) var seed: UInt64 = 2026
    @Flag(help: optionHelp(.cliOptBenchUi)) var ui = false
    @Option(help: optionHelp(.cliOptBenchPeers, valueName: "folder")) var peers: String?
    @Option(help: optionHelp(.cliOptBenchChildren)) var children = 20

    @Option(name: .long, help: optionHelp(.cliOptBenchStore, valueName: "path"))
    var store: String?
    @Flag(help: optionHelp(.cliOptBenchGrowth))
    var growth = false
    @Option(name: .customLong("growth-sizes"), parsing: .upToNextOption, help: optionHelp(.cliOptBenchGrowthSizes))
    var growthSizes: [Int] = [5_000, 50_000, 500_000]

    func validate() throws {
        guard runs >= 1 else { throw ValidationError(.cliBenchRunsTooFew) }
        guard growthSizes.allSatisfy({ (1...1_000_000).contains($0) }) else { throw ValidationError(.cliBenchGrowthSizesRange) }
        if store != nil && growth { throw ValidationError(.cliBenchStoreAndGrowth) }
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
        guard FileManager.default.fileExists(atPath: path) else { throw UserError(.cliBenchNoStore, ["path": path]) }
        let db = try PlacementDatabase(path: path, create: false, readOnly: true)
        defer { try? db.close() }
        let clock = ContinuousClock.now
        let (engine, requests) = try Self.engineAndRequests(db)
        let loadMs = (ContinuousClock.now - clock).milliseconds
        guard !requests.isEmpty else { throw UserError(.cliBenchNothingToRank, ["path": path]) }
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
