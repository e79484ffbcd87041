import Foundation
import PlacementCore
import PlacementDemo

/// Ranks every waiting child of a generated world in turn, timing `MatchEngine.rank` alone.
public enum EngineBenchmark {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// One line of figures per size; the index is built once per size, outside the timed runs.
    public static func run(sizes: [Int], runs: Int, explain: Int, seed: UInt64, today: Day, now: Date) throws -> [String] {
        var lines = ["matching benchmark: \(runs) runs per size, explanations for the top \(explain)"]
        for size in sizes {
            let data = DemoGenerator.generate(DemoOptions(seed: seed, providers: max(200, size / 25), vacancies: size,
                                                          children: 150, today: today, now: now))
            let locate = data.locator
            let clock = ContinuousClock.now
            let index = CandidateIndex(vacancies: data.vacancies, providers: data.providers, placements: data.placements,
                                       today: today, locate: locate)
            let buildMs = (ContinuousClock.now - clock).milliseconds
            let engine = MatchEngine(index: index)
            let requests = data.children.filter { $0.status != .placed }.compactMap { child in
                try? MatchRequest.resolving(children: [child], today: today, now: now, contacts: data.contacts,
                                            history: data.placements.filter { $0.childID == child.id }, locate: locate).get()
            }
            guard !requests.isEmpty else { throw Failure(description: "no child needing placement in the generated data") }
            let timing = RankTiming(engine: engine, requests: requests, runs: runs, explain: explain)
            lines.append(String(format: "%6d vacancies: ", index.count) + timing.summary
                         + String(format: " (index built once in %.1f ms; on average %d ranked, rest excluded)", buildMs, timing.averageRanked))
        }
        return lines
    }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1000 + Double(components.attoseconds) / 1e15 }
}

extension DemoDataset {
    /// Locates the generated data's postcodes exactly, as a store holding them would.
    var locator: (String, String?) -> GeoLocation? {
        let records = Dictionary(postcodes.map { ($0.postcode.value, $0) }) { first, _ in first }
        return PostcodeResolver { records[$0.value] }.locate(raw:fallbackAuthority:)
    }
}
