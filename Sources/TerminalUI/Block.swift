/// A frame around a panel: optional box-drawing border and a title on the top
/// edge. Render the Block, then draw content into `inner(area)`.
public struct Block: Widget, Sendable {
    public var title: String?
    public var bordered: Bool
    public var borderStyle: Style
    public var titleStyle: Style

    public init(title: String? = nil, bordered: Bool = true, borderStyle: Style = .normal, titleStyle: Style = .header) {
        self.title = title
        self.bordered = bordered
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
    }

    /// The content area. Without a border a title still takes the first row.
    public func inner(_ area: Rect) -> Rect {
        if bordered { return area.inner(margin: 1) }
        guard title != nil, area.height > 0 else { return area }
        return Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        if bordered, area.width >= 2, area.height >= 2 {
            let horizontal = String(repeating: "─", count: area.width - 2)
            buffer.set(x: area.left, y: area.top, string: "┌" + horizontal + "┐", style: borderStyle)
            buffer.set(x: area.left, y: area.bottom - 1, string: "└" + horizontal + "┘", style: borderStyle)
            for y in (area.top + 1)..<(area.bottom - 1) {
                buffer.set(x: area.left, y: y, string: "│", style: borderStyle)
                buffer.set(x: area.right - 1, y: y, string: "│", style: borderStyle)
            }
        }
        if let title, !title.isEmpty {
            // "┌ Title ───┐": the title sits inside the corners with a space each side.
            let x = bordered ? area.left + 1 : area.left
            let room = bordered ? area.width - 2 : area.width
            let text = bordered ? " " + truncate(title, toWidth: max(0, room - 2)) + " " : truncate(title, toWidth: room)
            if room > (bordered ? 2 : 0) {
                buffer.set(x: x, y: area.top, string: text, style: titleStyle, maxWidth: room)
            }
        }
    }
}
