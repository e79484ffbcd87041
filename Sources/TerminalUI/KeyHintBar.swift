/// "q quit  / search  ? help": keys in accent, labels muted. When narrow,
/// whole hints are dropped from the end (never half a label) and "…" marks
/// that more exist — the first hints are the most important ones.
public struct KeyHintBar: Widget, Sendable {
    public var hints: [(key: String, label: String)]
    public var keyStyle: Style = Style(.accent, bold: true)
    public var labelStyle: Style = .normal
    public var separator: String = "  "

    public init(_ hints: [(key: String, label: String)]) {
        self.hints = hints
    }

    /// How many leading hints fit in `width`, leaving room for "…" if cut.
    public func fittingCount(width: Int) -> Int {
        let sep = displayWidth(of: separator)
        let widths = hints.map { displayWidth(of: $0.key) + 1 + displayWidth(of: $0.label) }
        var best = 0
        var used = 0
        for k in 1...max(1, hints.count) where k <= hints.count {
            used += widths[k - 1] + (k > 1 ? sep : 0)
            let needed = used + (k < hints.count ? sep + 1 : 0)
            if needed <= width { best = k } else if used > width { break }
        }
        return best
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let n = fittingCount(width: area.width)
        var x = area.x
        for (i, hint) in hints.prefix(n).enumerated() {
            if i > 0 { x = buffer.set(x: x, y: area.y, string: separator, style: labelStyle) }
            x = buffer.set(x: x, y: area.y, string: hint.key, style: keyStyle)
            x = buffer.set(x: x, y: area.y, string: " " + hint.label, style: labelStyle)
        }
        if n < hints.count {
            if n > 0 { x = buffer.set(x: x, y: area.y, string: separator, style: labelStyle) }
            buffer.set(x: x, y: area.y, string: "…", style: .muted, maxWidth: area.right - x)
        }
    }
}
