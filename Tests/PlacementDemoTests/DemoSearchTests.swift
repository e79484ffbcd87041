import PropertyBased
import Testing
@testable import PlacementDemo

/// The demo's two greedy searches were made fast by reasoning about their gains; each must still choose the
/// step the plain search over every pair chooses (the plain searches below are the old code, kept as oracles).
@Suite("Demo generator's searches")
struct DemoSearchTests {
    // MARK: Families between authorities (DemoDemand)

    private static func exhaustiveStep(_ s: DemoRebalance) -> DemoRebalance.Step? {
        var best: (step: DemoRebalance.Step, gain: Double)?
        for i in s.authority.indices where s.nights[i] > 0 {
            let a = s.authority[i]
            if s.count[a] > 1 {
                for b in s.target.indices where b != a {
                    let gain = s.gain(a, b, s.nights[i])
                    let weighted = gain * (s.fitsIn(i, b) ? 1 : 0.5)
                    if gain > 1e-6, weighted > best?.gain ?? 0 { best = (.move(family: i, to: b), weighted) }
                }
            }
            for j in s.authority.indices where s.authority[j] != a && s.nights[j] < s.nights[i] {
                let b = s.authority[j]
                let gain = s.gain(a, b, s.nights[i] - s.nights[j])
                let weighted = gain * (s.fitsIn(i, b) && s.fitsIn(j, a) ? 1 : 0.5)
                if gain > 1e-6, weighted > best?.gain ?? 0 { best = (.swap(i, j), weighted) }
            }
        }
        return best?.step
    }

    private static func randomRebalance(_ seed: UInt64) -> DemoRebalance {
        var rng = DemoRandom(seed: seed, stream: 1)
        let codes = rng.int(2...8), families = rng.int(2...40)
        // Few distinct nights, so ties between families are common.
        let nightsChoices = (0..<rng.int(1...6)).map { _ in Double(rng.int(0...365)) }
        let nights = (0..<families).map { _ in rng.pick(nightsChoices) }
        let weights = (0..<codes).map { _ in rng.double(0.1...1) }
        let total = nights.reduce(0, +), sum = weights.reduce(0, +)
        return DemoRebalance(authority: (0..<families).map { _ in rng.below(codes) }, nights: nights,
                             fits: (0..<families).map { _ in rng.next() }, target: weights.map { $0 / sum * total })
    }

    @Test func theFastRebalanceTakesTheSameStepsAsTryingEveryPair() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            var fast = Self.randomRebalance(seed)
            for _ in 0..<30 {
                let step = fast.bestStep()
                #expect(step == Self.exhaustiveStep(fast), "seed \(seed)")
                guard let step else { break }
                fast.apply(step)
            }
        }
    }

    @Test func aMoveIsPreferredToASwapOfEqualGainForTheSameFamily() {
        // Two authorities, one short by exactly what family 0 holds: moving it alone, or swapping it for the
        // empty-handed family 2, gain the same; the move comes first, as in the plain search.
        let s = DemoRebalance(authority: [0, 0, 1], nights: [100, 50, 0], fits: [~0, ~0, ~0], target: [50, 100])
        #expect(s.bestStep() == .move(family: 0, to: 1))
        #expect(Self.exhaustiveStep(s) == .move(family: 0, to: 1))
    }

    // MARK: Placements between classes (DemoHistoryMaker.exchange)

    private static func exhaustivePair(_ classes: [Int?], _ nights: [Int], _ canGoTo: [UInt32], below: Double,
                                       _ error: (Int, Int, Int) -> Double) -> (Int, Int)? {
        var best: (a: Int, b: Int, error: Double)?
        for a in classes.indices {
            guard let ca = classes[a] else { continue }
            for b in classes.indices where b > a {
                guard let cb = classes[b], cb != ca, nights[a] != nights[b] else { continue }
                let e = error(ca, cb, nights[a] - nights[b])
                guard e < best?.error ?? below, canGoTo[a] & (1 << UInt32(cb)) != 0, canGoTo[b] & (1 << UInt32(ca)) != 0 else { continue }
                best = (a, b, e)
            }
        }
        return best.map { ($0.a, $0.b) }
    }

    @Test func theFastExchangeFindsThePairTryingEveryPairFinds() async {
        await propertyCheck(count: 300, input: Gen.uint64()) { seed in
            var rng = DemoRandom(seed: seed, stream: 2)
            let classCount = rng.int(2...9), count = rng.int(2...60)
            let classes: [Int?] = (0..<count).map { _ in rng.chance(0.1) ? nil : rng.below(classCount) }
            let nights = (0..<count).map { _ in rng.int(1...12) }
            let canGoTo = (0..<count).map { _ in UInt32(truncatingIfNeeded: rng.next()) }
            // The mix's error: squared misses of whole nights against targets that are not whole.
            let held = (0..<classCount).map { _ in Double(rng.int(0...40)) }
            let target = (0..<classCount).map { _ in rng.double(0...40) }
            let error = { (ca: Int, cb: Int, d: Int) -> Double in
                var after = held
                after[ca] -= Double(d)
                after[cb] += Double(d)
                return zip(after, target).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            }
            let now = zip(held, target).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }
            let fast = DemoExchangeSearch.bestPair(classes: classes, nights: nights, canGoTo: canGoTo, below: now, error: error)
            let plain = Self.exhaustivePair(classes, nights, canGoTo, below: now, error)
            #expect(fast.map { [$0.0, $0.1] } == plain.map { [$0.0, $0.1] }, "seed \(seed)")
        }
    }
}
