/// The pair `DemoHistoryMaker.exchange` trades: of all pairs of movable placements in different classes, each
/// able to go to the other's class, the one whose trade lowers the residential mix's error most, the first in
/// placement order on a tie.
///
/// Trying every pair took most of a Wales-sized demo's time (2,000 placements squared, 40 times). A trade
/// changes only the two classes, by the difference of the two placements' nights, so the error depends on the
/// two classes and that difference alone; each pair of classes has at most 731 differences to try.
enum DemoExchangeSearch {
    /// Movable placement `k` is in class `classes[k]` (nil: not in the mix), gives `nights[k]` nights a year,
    /// and can go to class `t` when bit `t` of `canGoTo[k]` is set. `error(ca, cb, d)` is the mix's error once
    /// `d` nights leave class `ca` for `cb`. Returns the positions of the pair, lower first, or nil when no
    /// trade brings the error below `below`.
    static func bestPair(classes: [Int?], nights: [Int], canGoTo: [UInt32], below: Double,
                         error: (Int, Int, Int) -> Double) -> (Int, Int)? {
        // Positions by class, by the class they can go to, and by nights, in placement order.
        var lists: [Int: [Int: [Int]]] = [:]
        for k in classes.indices {
            guard let c = classes[k] else { continue }
            for t in 0..<32 where t != c && canGoTo[k] & (1 << UInt32(t)) != 0 {
                lists[c * 32 + t, default: [:]][nights[k], default: []].append(k)
            }
        }
        var best: (error: Double, trades: [(from: [Int], to: [Int])])?
        let used = Set(classes.compactMap { $0 }).sorted()
        for (n, ca) in used.enumerated() {
            for cb in used[(n + 1)...] {
                guard let xs = lists[ca * 32 + cb], let ys = lists[cb * 32 + ca] else { continue }
                var byDifference: [Int: [(Int, Int)]] = [:]
                for vx in xs.keys { for vy in ys.keys where vx != vy { byDifference[vx - vy, default: []].append((vx, vy)) } }
                for (d, values) in byDifference {
                    let e = error(ca, cb, d)
                    guard e < below, e <= best?.error ?? .infinity else { continue }
                    let trades = values.map { (xs[$0.0]!, ys[$0.1]!) }
                    if e == best?.error { best!.trades += trades } else { best = (e, trades) }
                }
            }
        }
        // The first pair in placement order: the lower of the two lists' first positions, with the other's.
        return best?.trades.map { t in (min(t.from[0], t.to[0]), max(t.from[0], t.to[0])) }.min { $0 < $1 }
    }
}
