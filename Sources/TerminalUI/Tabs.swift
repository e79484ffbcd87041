/// The screen switcher: " 1 Dashboard │ 2 Children │ …". Numbers double as
/// the keys that select each tab, so the bar is also its own key hint.
public struct Tabs: Widget, Sendable {
    public var titles: [String]
    public var selected: Int
    public var style: Style = .normal
    public var highlightStyle: Style = Style(.selected, bold: true)
    public var divider: String = "│"

    public init(_ titles: [String], selected: Int) {
        self.titles = titles
        self.selected = selected
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        buffer.setStyle(area.row(0), style)
        var x = area.x
        for (i, title) in titles.enumerated() {
            if i > 0 {
                x = buffer.set(x: x, y: area.y, string: divider, style: style, maxWidth: area.right - x)
            }
            guard x < area.right else { break }
            let label = " \(i + 1) \(title) "
            let room = area.right - x
            // The last tab that does not fit is cut with an ellipsis, not mid-glyph.
            let shown = displayWidth(of: label) <= room ? label : truncate(label, toWidth: room)
            x = buffer.set(x: x, y: area.y, string: shown, style: i == selected ? highlightStyle : style, maxWidth: room)
        }
    }
}
