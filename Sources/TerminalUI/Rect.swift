/// A rectangle of terminal cells. Width and height are clamped at zero so that
/// arithmetic on small terminals degrades to empty areas instead of crashing.
public struct Rect: Equatable, Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int = 0, y: Int = 0, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public static let zero = Rect(width: 0, height: 0)

    public var left: Int { x }
    public var top: Int { y }
    /// One past the last column.
    public var right: Int { x + width }
    /// One past the last row.
    public var bottom: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }
    public var description: String { "Rect(x: \(x), y: \(y), w: \(width), h: \(height))" }

    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < right && py >= y && py < bottom
    }

    /// Shrinks every side by `margin`, never below an empty rect.
    public func inner(margin: Int) -> Rect { inner(horizontal: margin, vertical: margin) }

    public func inner(horizontal: Int, vertical: Int) -> Rect {
        let h = min(horizontal, width / 2), v = min(vertical, height / 2)
        return Rect(x: x + h, y: y + v, width: width - 2 * h, height: height - 2 * v)
    }

    /// The overlapping part, or an empty rect at our origin.
    public func intersection(_ other: Rect) -> Rect {
        let l = max(left, other.left), t = max(top, other.top)
        let r = min(right, other.right), b = min(bottom, other.bottom)
        guard r > l, b > t else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: l, y: t, width: r - l, height: b - t)
    }

    /// The single-row strip at offset `i` from the top (empty if outside).
    public func row(_ i: Int) -> Rect {
        guard i >= 0, i < height else { return Rect(x: x, y: y + max(0, i), width: width, height: 0) }
        return Rect(x: x, y: y + i, width: width, height: 1)
    }

    /// Stacks areas top to bottom by constraints.
    public func splitRows(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout(.vertical, constraints, spacing: spacing).split(self)
    }

    /// Places areas left to right by constraints.
    public func splitColumns(_ constraints: [Constraint], spacing: Int = 0) -> [Rect] {
        Layout(.horizontal, constraints, spacing: spacing).split(self)
    }

    /// A rect of the given size centred in this one, shrunk to fit.
    public func centred(width w: Int, height h: Int) -> Rect {
        let cw = min(max(0, w), width), ch = min(max(0, h), height)
        return Rect(x: x + (width - cw) / 2, y: y + (height - ch) / 2, width: cw, height: ch)
    }
}
