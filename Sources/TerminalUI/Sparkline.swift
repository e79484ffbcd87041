/// A one-row trend (▁▂▃▄▅▆▇█), e.g. referrals per week. When there are more
/// values than columns the most recent ones (the end of the array) are shown.
public struct Sparkline: Widget, Sendable {
    public var values: [Double]
    /// Top of the scale; nil uses the largest value shown.
    public var max: Double?
    public var style: Style = .accent

    public init(_ values: [Double], max: Double? = nil) {
        self.values = values
        self.max = max
    }

    static let levels: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    /// The sparkline text for at most `width` values. Zero or less is a space;
    /// any positive value gets at least ▁ so it is not mistaken for none.
    public static func line(_ values: [Double], max top: Double? = nil, width: Int) -> String {
        let shown = values.suffix(Swift.max(0, width))
        let scale = top ?? shown.filter { !$0.isNaN }.max() ?? 0
        return String(shown.map { v -> Character in
            guard scale > 0, !v.isNaN, v > 0 else { return " " }
            let level = Int((Swift.min(v, scale) / scale * 8).rounded(.up))
            return levels[Swift.min(Swift.max(level, 1), 8) - 1]
        })
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        buffer.set(x: area.x, y: area.y, string: Sparkline.line(values, max: max, width: area.width), style: style)
    }
}
