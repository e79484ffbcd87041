import PlacementCore
/// SplitMix64 (Steele, Lea and Flood 2014). Our own generator because the standard library
/// promises neither a seedable generator nor stable `random(in:using:)` algorithms across versions:
/// the same seed must give the same demo data everywhere.
struct DemoRandom {
    private var state: UInt64

    /// Separate streams per section, so changing the vacancy count does not reshuffle the children.
    init(seed: UInt64, stream: UInt64) {
        state = seed ^ Self.mix(stream &+ 0x5DEE_CE66_D1CE_4E5B)
    }

    private static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        return Self.mix(state)
    }

    /// 0..<n by multiply-high (Lemire); the bias is below 2^-50 for our sizes, which a demo can bear.
    mutating func below(_ n: Int) -> Int {
        precondition(n > 0, "empty range")
        return Int(UInt64(n).multipliedFullWidth(by: next()).high)
    }

    mutating func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + below(range.count) }

    /// Uniform in [0, 1) with 53 random bits.
    mutating func unit() -> Double { Double(next() >> 11) * 0x1p-53 }

    mutating func double(_ range: ClosedRange<Double>) -> Double {
        range.lowerBound + unit() * (range.upperBound - range.lowerBound)
    }

    mutating func chance(_ p: Double) -> Bool { unit() < p }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// Index drawn in proportion to `weights` (linear scan: for short tables).
    mutating func weighted(_ weights: [Double]) -> Int {
        let total = weights.reduce(0, +)
        var x = unit() * total
        for (i, w) in weights.enumerated() {
            if x < w { return i }
            x -= w
        }
        return weights.count - 1
    }

    /// A value from (value, weight) pairs.
    mutating func weighted<T>(_ table: [(T, Double)]) -> T { table[weighted(table.map(\.1))].0 }

    /// Fisher-Yates.
    mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(i, below(i + 1))
        }
    }

    /// Up to `count` distinct items, kept in their original order (so catalogue order survives).
    mutating func sample<T>(_ items: [T], count: Int) -> [T] {
        var indices = Array(items.indices)
        shuffle(&indices)
        return indices.prefix(max(0, min(count, items.count))).sorted().map { items[$0] }
    }
}

/// Cumulative weights with binary search: O(log n) draws for the 50,000-vacancy case.
struct WeightedTable {
    private let cumulative: [Double]

    init(_ weights: [Double]) {
        var sum = 0.0
        cumulative = weights.map { sum += max(0, $0); return sum }
    }

    func draw(_ rng: inout DemoRandom) -> Int {
        let x = rng.unit() * (cumulative.last ?? 0)
        var lo = 0, hi = cumulative.count - 1
        while lo < hi {
            let mid = (lo + hi) / 2
            if cumulative[mid] > x { hi = mid } else { lo = mid + 1 }
        }
        return lo
    }
}
