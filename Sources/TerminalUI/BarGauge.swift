/// A one-row score bar for a 0…1 value, resolved to eighths of a cell with
/// the partial blocks ▏▎▍▌▋▊▉ so small differences between match scores show.
public struct BarGauge: Widget, Sendable {
    public var value: Double
    /// Optional text after the bar, e.g. "72%".
    public var label: String?
    public var style: Style = .good
    public var labelStyle: Style = .normal

    public init(value: Double, label: String? = nil) {
        self.value = value
        self.label = label
    }

    static let partials = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// The bar's text for `width` columns (without label), always `width` wide.
    public static func bar(value: Double, width: Int) -> String {
        guard width > 0 else { return "" }
        let v = value.isNaN ? 0 : min(max(value, 0), 1)
        let eighths = Int((v * Double(width * 8)).rounded())
        let full = eighths / 8, part = eighths % 8
        var s = String(repeating: "█", count: full) + partials[part]
        s += String(repeating: " ", count: width - full - (part > 0 ? 1 : 0))
        return s
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        var barWidth = area.width
        if let label, !label.isEmpty {
            let lw = displayWidth(of: label)
            if lw + 2 <= area.width {
                barWidth = area.width - lw - 1
                buffer.set(x: area.x + barWidth + 1, y: area.y, string: label, style: labelStyle)
            }
        }
        buffer.set(x: area.x, y: area.y, string: BarGauge.bar(value: value, width: barWidth), style: style)
    }
}
