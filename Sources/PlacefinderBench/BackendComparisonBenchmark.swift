import Foundation
import PlacementCore
import PlacementStore

/// The same world in SQLite and PostgreSQL, timed side by side in one run: the dashboard's load (store →
/// AppData, handed in by the caller, which owns the loader) and a `match` as the command runs it (the
/// child's request, the engine over every vacancy, the ranking with explanations for the top 10).
public enum BackendComparisonBenchmark {
    public struct Contender {
        public let name: String
        public let store: any PlacementStoring
        public init(name: String, store: any PlacementStoring) {
            self.name = name
            self.store = store
        }
    }

    /// One line per contender: median and max of `runs` loads and matches, after one untimed warm-up of each.
    public static func run(title: String, contenders: [Contender], childID: String, runs: Int, today: Day, now: Date,
                           load: (any PlacementStoring) throws -> (vacancies: Int, children: Int)) throws -> [String] {
        var lines = [title]
        for contender in contenders {
            let store = contender.store
            let seen = try load(store)
            var loads: [Double] = [], matches: [Double] = []
            var ranked = 0
            func match() throws {
                let request = try store.matchRequest(childID: childID, today: today, now: now)
                let engine = try store.matchEngine(today: today)
                ranked = switch engine.rankGroup(request, explainTop: 10) {
                case .together(let result), .split(let result, _, _): result.ranked.count
                }
            }
            try match()
            for _ in 0..<runs {
                var clock = ContinuousClock.now
                _ = try load(store)
                loads.append((ContinuousClock.now - clock).milliseconds)
                clock = ContinuousClock.now
                try match()
                matches.append((ContinuousClock.now - clock).milliseconds)
            }
            lines.append(String(format: "  %@ (sees %d vacancies, %d children): dashboard load median %.0f ms (max %.0f); match median %.0f ms (max %.0f), %d ranked",
                                contender.name as NSString, seen.vacancies, seen.children, median(loads), loads.max() ?? 0,
                                median(matches), matches.max() ?? 0, ranked))
        }
        return lines
    }
}
