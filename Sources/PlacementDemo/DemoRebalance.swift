/// The greedy search `DemoDemand` runs to bring each authority's residential nights nearer Table 4.1: at each
/// step the single move (a family to another authority) or swap (two families trade authorities) that lowers
/// the sum of squared misses most, weighted down by half when a family's homes have no like in its new
/// authority, the first in family order on a tie.
///
/// Trying every pair of families made a Wales-sized demo take minutes (5,000 families squared, 600 times).
/// A step's gain depends only on the two authorities and the nights that change hands, and is a parabola in
/// those nights, so for each family and each other authority only the families whose nights lie either side
/// of the parabola's peak need trying, found by binary search in that authority's families sorted by nights.
/// It picks exactly the step the exhaustive search picks (a test compares the two).
struct DemoRebalance {
    enum Step: Equatable {
        case move(family: Int, to: Int)
        case swap(Int, Int)
    }

    /// Each family's authority (an index into the authorities' targets), nights, and which authorities its
    /// homes have a like in (bit per authority).
    private(set) var authority: [Int]
    let nights: [Double]
    let fits: [UInt64]
    /// Nights each authority should have, and has.
    let target: [Double]
    private(set) var held: [Double]
    private(set) var count: [Int]

    init(authority: [Int], nights: [Double], fits: [UInt64], target: [Double]) {
        precondition(target.count <= 64 && authority.count == nights.count && nights.count == fits.count)
        self.authority = authority
        self.nights = nights
        self.fits = fits
        self.target = target
        held = Array(repeating: 0, count: target.count)
        count = Array(repeating: 0, count: target.count)
        for (a, n) in zip(authority, nights) {
            held[a] += n
            count[a] += 1
        }
    }

    func miss(_ a: Int, _ n: Double) -> Double {
        let d = n - target[a]
        return d * d
    }

    /// What the sum of squared misses falls by when `d` nights leave `a` for `b`.
    func gain(_ a: Int, _ b: Int, _ d: Double) -> Double {
        miss(a, held[a]) + miss(b, held[b]) - miss(a, held[a] - d) - miss(b, held[b] + d)
    }

    func fitsIn(_ family: Int, _ code: Int) -> Bool { fits[family] & (1 << UInt64(code)) != 0 }

    /// The best step, or nil when none lowers the misses.
    func bestStep() -> Step? {
        // Families of each authority sorted by nights, then by index, split by whether their homes have a
        // like in each other authority: byNights[b][a][1] are b's families that fit in a.
        var members = Array(repeating: [Int](), count: target.count)
        for f in authority.indices { members[authority[f]].append(f) }
        for b in members.indices { members[b].sort { (nights[$0], $0) < (nights[$1], $1) } }

        var best: (weighted: Double, key: (Int, Int, Int), step: Step)?
        func consider(_ weighted: Double, _ key: (Int, Int, Int), _ step: Step) {
            if let b = best, weighted < b.weighted || (weighted == b.weighted && key >= b.key) { return }
            best = (weighted, key, step)
        }
        let excess: [Double] = held.indices.map { held[$0] - target[$0] }
        // The largest gain any step from a to b can bring (the parabola's peak), to skip hopeless pairs.
        var pairs: [(a: Int, b: Int, peak: Double)] = []
        for a in held.indices {
            for b in held.indices where excess[a] > excess[b] {
                let spread = excess[a] - excess[b]
                pairs.append((a, b, spread * spread / 2))
            }
        }
        pairs.sort { $0.peak > $1.peak }
        var split: [Int: [[Int]]] = [:]
        for (a, b, peak) in pairs {
            // Rounding can lift a computed gain a little above the peak, by far less than this margin.
            let margin: Double = 1e-9 * (excess[a] * excess[a] + excess[b] * excess[b] + peak) + 1e-3
            if let best, peak + margin < best.weighted { break }
            let half = (excess[a] - excess[b]) / 2
            if split[b * 64 + a] == nil {
                split[b * 64 + a] = [members[b].filter { !fitsIn($0, a) }, members[b].filter { fitsIn($0, a) }]
            }
            let others = split[b * 64 + a]!
            for i in members[a] where nights[i] > 0 {
                let fitsThere = fitsIn(i, b)
                if count[a] > 1 {
                    let g = gain(a, b, nights[i])
                    if g > 1e-6 { consider(g * (fitsThere ? 1 : 0.5), (i, 0, b), .move(family: i, to: b)) }
                }
                for (fitsHere, list) in others.enumerated() where !list.isEmpty {
                    let weight = fitsThere && fitsHere == 1 ? 1.0 : 0.5
                    for j in nearest(list, to: nights[i] - half, below: nights[i]) {
                        let g = gain(a, b, nights[i] - nights[j])
                        if g > 1e-6 { consider(g * weight, (i, 1, j), .swap(i, j)) }
                    }
                }
            }
        }
        return best?.step
    }

    /// In `list` (sorted by nights, then index), the first family of the nights value just below `t` and of
    /// the one at or above it, keeping only nights below `limit`.
    private func nearest(_ list: [Int], to t: Double, below limit: Double) -> [Int] {
        func firstAtLeast(_ value: Double) -> Int {
            var lo = 0, hi = list.count
            while lo < hi {
                let mid = (lo + hi) / 2
                if nights[list[mid]] < value { lo = mid + 1 } else { hi = mid }
            }
            return lo
        }
        let at = firstAtLeast(t)
        var found: [Int] = []
        if at > 0 { found.append(list[firstAtLeast(nights[list[at - 1]])]) }
        if at < list.count, nights[list[at]] < limit { found.append(list[at]) }
        return found
    }

    mutating func apply(_ step: Step) {
        switch step {
        case let .move(i, to):
            let a = authority[i]
            held[a] -= nights[i]
            held[to] += nights[i]
            count[a] -= 1
            count[to] += 1
            authority[i] = to
        case let .swap(i, j):
            let (a, b) = (authority[i], authority[j])
            let d = nights[i] - nights[j]
            held[a] -= d
            held[b] += d
            authority[i] = b
            authority[j] = a
        }
    }
}
