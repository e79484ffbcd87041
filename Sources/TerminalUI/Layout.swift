/// How much space a segment wants along the split direction.
public enum Constraint: Equatable, Hashable, Sendable {
    /// Exactly `n` cells (shrunk only if the area is too small).
    case length(Int)
    /// `p`% of the available space, rounded down.
    case percentage(Int)
    /// At least `n` cells; grows if nothing says `.fill`.
    case min(Int)
    /// Shares leftover space with other fills in proportion to `weight`.
    case fill(Int)

    /// Table-friendly spelling of `.length`.
    public static func fixed(_ n: Int) -> Constraint { .length(n) }
}

public enum Direction: Equatable, Hashable, Sendable {
    case vertical, horizontal
}

/// Splits a Rect into segments, ratatui-style but with one simple, documented
/// rule set so results are predictable:
/// 1. every segment gets its base size (length n, floor of percentage, min n,
///    fill 0), handed out in order and clipped to what is left, so the
///    segments never overflow — when over-constrained, later segments shrink;
/// 2. leftover space goes to `.fill` segments by weight; if there are none, to
///    `.min` segments equally; if none either, to the last segment. Fractions
///    are shared by largest remainder, ties to the earlier segment.
/// The sizes therefore always sum to the area (minus spacing) exactly.
public struct Layout: Equatable, Sendable {
    public var direction: Direction
    public var constraints: [Constraint]
    /// Gap between adjacent segments (e.g. one column between table columns).
    public var spacing: Int

    public init(_ direction: Direction, _ constraints: [Constraint], spacing: Int = 0) {
        self.direction = direction
        self.constraints = constraints
        self.spacing = max(0, spacing)
    }

    public static func vertical(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(.vertical, constraints, spacing: spacing)
    }

    public static func horizontal(_ constraints: [Constraint], spacing: Int = 0) -> Layout {
        Layout(.horizontal, constraints, spacing: spacing)
    }

    public func split(_ area: Rect) -> [Rect] {
        let total = direction == .vertical ? area.height : area.width
        let sizes = Layout.sizes(constraints, total: total, spacing: spacing)
        var rects: [Rect] = []
        var pos = direction == .vertical ? area.y : area.x
        let end = pos + total
        for size in sizes {
            let start = min(pos, end)
            switch direction {
            case .vertical: rects.append(Rect(x: area.x, y: start, width: area.width, height: size))
            case .horizontal: rects.append(Rect(x: start, y: area.y, width: size, height: area.height))
            }
            pos = start + size + spacing
        }
        return rects
    }

    /// Segment lengths for `total` cells; the pure core of `split`.
    public static func sizes(_ constraints: [Constraint], total: Int, spacing: Int = 0) -> [Int] {
        guard !constraints.isEmpty else { return [] }
        let available = max(0, total - max(0, spacing) * (constraints.count - 1))
        var sizes: [Int] = []
        var remaining = available
        for c in constraints {
            let want: Int
            switch c {
            case .length(let n), .min(let n): want = max(0, n)
            case .percentage(let p): want = available * min(max(0, p), 100) / 100
            case .fill: want = 0
            }
            let got = min(want, remaining)
            sizes.append(got)
            remaining -= got
        }
        guard remaining > 0 else { return sizes }

        var weights = constraints.map { c -> Int in
            if case .fill(let w) = c { return max(0, w) }
            return 0
        }
        if weights.allSatisfy({ $0 == 0 }) {
            // Fills all weigh 0 (or none exist): fall back to mins, then the last.
            let hasFill = constraints.contains { if case .fill = $0 { return true }; return false }
            if hasFill {
                weights = constraints.map { if case .fill = $0 { return 1 }; return 0 }
            } else {
                weights = constraints.map { if case .min = $0 { return 1 }; return 0 }
            }
        }
        if weights.allSatisfy({ $0 == 0 }) {
            sizes[sizes.count - 1] += remaining
            return sizes
        }
        for (i, extra) in distribute(remaining, weights: weights).enumerated() { sizes[i] += extra }
        return sizes
    }

    /// Largest-remainder apportionment: exact sum, earlier index wins ties.
    static func distribute(_ amount: Int, weights: [Int]) -> [Int] {
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        var shares = weights.map { amount * $0 / sum }
        let remainders = weights.enumerated().map { (index: $0.offset, rem: amount * $0.element % sum) }
        var left = amount - shares.reduce(0, +)
        for r in remainders.sorted(by: { $0.rem != $1.rem ? $0.rem > $1.rem : $0.index < $1.index }) where left > 0 {
            if weights[r.index] > 0 { shares[r.index] += 1; left -= 1 }
        }
        return shares
    }
}
