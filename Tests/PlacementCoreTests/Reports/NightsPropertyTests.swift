import PropertyBased
import Testing
@testable import PlacementCore

/// Over random histories: the sectors' nights add up to all nights, and no child is counted for more
/// nights than the period has.
@Suite struct NightsPropertyTests {
    typealias W = ReportWorld

    static func history(children: Int, seed: Int) -> [Placement] {
        var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: seed))
        var out: [Placement] = []
        let first = W.d("2025-01-01")
        for c in 0..<children {
            for k in 0..<(1 + rng.int(4)) {
                let start = first.adding(days: rng.int(600))
                let end: Day? = rng.int(3) == 0 ? nil : start.adding(days: rng.int(200))
                out.append(W.placement("P\(c)-\(k)", child: "C\(c)", provider: W.providers[rng.int(4)].id, start.iso, end?.iso,
                                       type: [.K1, .K2, .R1, .S1][rng.int(4)], tier: LocalityTier.allCases[rng.int(6)]))
            }
        }
        return out
    }

    @Test func nightsBySectorSumToAllNightsAndFitThePeriod() async {
        await propertyCheck(count: 100, input: Gen.int(in: 1...12), Gen.int(in: 0...Int.max), Gen.int(in: 0...2)) { children, seed, which in
            let placements = Self.history(children: children, seed: seed)
            let kids = (0..<children).map { W.child("C\($0)") }
            let period = [W.fy2025, ReportPeriod(.last12Months, today: W.today), ReportPeriod(.today, today: W.today)][which]
            let panel = Reports.compute(W.data(children: kids, placements: placements), area: .wales, period: period,
                                        panels: [.residentialNights]).panels[0]
            let bySector = panel.tables[0].rows.reduce(0) { $0 + $1.values[0] }
            let total = panel.tables[1].rows[0].values[0]
            #expect(bySector == total)
            #expect(total == Double(Nights.perPlacement(placements, in: period).reduce(0) { $0 + $1.nights }))
            #expect(total <= Double(period.days * children))
            #expect(panel.trend?.values.reduce(0, +) == total || period.days == 0)
        }
    }
}
