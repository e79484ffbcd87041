import ArgumentParser
import Foundation
import PlacefinderBench

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark the matching engine on generated data (use a release build).",
        discussion: "Results and the machine they came from are recorded in docs/performance.md.")

    @Option(parsing: .upToNextOption, help: "Vacancy counts to rank.") var vacancies: [Int] = [50_000, 5_000]
    @Option(help: "Ranking runs per size.") var runs = 200
    @Option(help: "Explanations built per run.") var explain = 50
    @Option(help: "Seed for the generator.") var seed: UInt64 = 2026
    @Flag(help: "Also time the dashboard: key press to updated buffer on the largest size.") var ui = false
    @Option(help: ArgumentHelp("Write the engine's inputs for the peer benchmarks to this folder (scripts/bench-peers.sh).",
                               valueName: "folder")) var peers: String?
    @Option(help: "Children whose request tables --peers writes.") var children = 20

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
            for line in try EngineBenchmark.run(sizes: vacancies, runs: runs, explain: explain, seed: seed,
                                                today: Session.today, now: Session.now) { print(line) }
        } catch let failure as EngineBenchmark.Failure {
            throw UserError(failure.description)
        }
        if ui {
            print(DashboardBenchmark.run(vacancies: vacancies.max() ?? 50_000, runs: runs, seed: seed,
                                         today: Session.today, now: Session.now))
        }
    }
}
