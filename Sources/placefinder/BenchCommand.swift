import ArgumentParser
import Foundation
import PlacefinderApp
import PlacementCore
import TerminalUI

struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Benchmark the matching engine on generated data (use a release build).",
        discussion: "Results and the machine they came from are recorded in docs/performance.md.")

    @Option(parsing: .upToNextOption, help: "Vacancy counts to rank.") var vacancies: [Int] = [50_000, 5_000]
    @Option(help: "Ranking runs per size.") var runs = 200
    @Option(help: "Explanations built per run.") var explain = 50
    @Option(help: "Seed for the generator.") var seed: UInt64 = 2026
    @Flag(help: "Also time the dashboard: key press to updated buffer on the largest size.") var ui = false

    func run() throws {
        try benchMatching()
        if ui { try benchDashboard(vacancies: vacancies.max() ?? 50_000) }
    }

    /// Key press → `update` → `view` (a full Buffer), as the runtime does for every key.
    func benchDashboard(vacancies size: Int) throws {
        let (today, now) = (Session.today, Session.now)
        let data = DemoGenerator.generate(DemoOptions(seed: seed, providers: max(200, size / 25), vacancies: size,
                                                      children: 2_000, today: today, now: now))
        let authority = AppData.bedAuthorities(vacancies: data.vacancies, providers: data.providers, locate: Self.locator(data))
        let appData = AppData(children: data.children, providers: data.providers, vacancies: data.vacancies,
                              placements: data.placements, notices: data.notices, vacancyAuthority: authority, loadedAt: now)
        var clock = ContinuousClock.now
        var model = PlacefinderApp.Benchmark.model(data: appData, width: 132, height: 43, now: now)
        let loadMs = (ContinuousClock.now - clock).milliseconds
        var times: [Double] = []
        var previous = view(model)
        var changed: [Int] = []
        for round in 0..<(runs / PlacefinderApp.Benchmark.keys.count + 2) {
            for key in PlacefinderApp.Benchmark.keys {
                clock = ContinuousClock.now
                _ = update(&model, .event(.key(key)))
                let frame = view(model)
                let elapsed = (ContinuousClock.now - clock).milliseconds
                if round > 0 { times.append(elapsed) } // the first round warms up
                if key == .down { changed.append(frame.diff(from: previous).count) }
                previous = frame
            }
        }
        times.sort()
        changed.sort()
        print(String(format: "dashboard, %d vacancies at 132×43: key → buffer median %.3f ms, p90 %.3f ms, max %.3f ms over %d keys (data indexed in %.0f ms); cells changed per ↓ move: median %d of %d",
                     size, times[times.count / 2], times[times.count * 9 / 10], times[times.count - 1], times.count, loadMs,
                     changed[changed.count / 2], 132 * 43))
    }

    func benchMatching() throws {
        let (today, now) = (Session.today, Session.now)
        print("matching benchmark: \(runs) runs per size, explanations for the top \(explain)")
        for size in vacancies {
            let data = DemoGenerator.generate(DemoOptions(seed: seed, providers: max(200, size / 25), vacancies: size,
                                                          children: 150, today: today, now: now))
            let locate = Self.locator(data)
            var clock = ContinuousClock.now
            let index = CandidateIndex(vacancies: data.vacancies, providers: data.providers, placements: data.placements,
                                       today: today, locate: locate)
            let buildMs = (ContinuousClock.now - clock).milliseconds
            let engine = MatchEngine(index: index)
            let requests = data.children.filter { $0.status != .placed }.compactMap { child in
                try? MatchRequest.resolving(children: [child], today: today, now: now, contacts: data.contacts,
                                            history: data.placements.filter { $0.childID == child.id }, locate: locate).get()
            }
            guard !requests.isEmpty else { throw UserError("no child needing placement in the generated data") }
            var times: [Double] = []
            var ranked = 0
            for run in 0..<(runs + 10) {
                clock = ContinuousClock.now
                let result = engine.rank(requests[run % requests.count], explainTop: explain)
                let elapsed = (ContinuousClock.now - clock).milliseconds
                if run >= 10 { times.append(elapsed); ranked += result.ranked.count } // first 10 warm up
            }
            times.sort()
            print(String(format: "%6d vacancies: median %.3f ms, p90 %.3f ms, min %.3f ms, max %.3f ms (index built once in %.1f ms; on average %d ranked, rest excluded)",
                         index.count, times[times.count / 2], times[times.count * 9 / 10], times[0], times[times.count - 1],
                         buildMs, ranked / max(1, times.count)))
        }
    }

    /// Locates the generated data's postcodes exactly, as a store holding them would.
    static func locator(_ data: DemoDataset) -> (String, String?) -> GeoLocation? {
        let records = Dictionary(data.postcodes.map { ($0.postcode.value, $0) }) { first, _ in first }
        return PostcodeResolver { records[$0.value] }.locate(raw:fallbackAuthority:)
    }
}
