import PlacementCore

/// Times `MatchEngine.rank` alone over a list of requests: the one timing loop every benchmark shares.
public struct RankTiming: Sendable {
    /// Sorted run times in milliseconds (warm-up runs left out).
    public let times: [Double]
    /// Vacancies ranked (not excluded) per run, on average.
    public let averageRanked: Int

    public init(engine: MatchEngine, requests: [MatchRequest], runs: Int, explain: Int, warmUp: Int = 10) {
        var times: [Double] = []
        var ranked = 0
        for run in 0..<(max(1, runs) + warmUp) {
            let clock = ContinuousClock.now
            let result = engine.rank(requests[run % requests.count], explainTop: explain)
            let elapsed = (ContinuousClock.now - clock).milliseconds
            if run >= warmUp { times.append(elapsed); ranked += result.ranked.count }
        }
        self.times = times.sorted()
        averageRanked = ranked / max(1, times.count)
    }

    public var median: Double { times[times.count / 2] }
    public var p90: Double { times[times.count * 9 / 10] }

    public var summary: String {
        String(format: "median %.3f ms, p90 %.3f ms, min %.3f ms, max %.3f ms", median, p90, times[0], times[times.count - 1])
    }
}
