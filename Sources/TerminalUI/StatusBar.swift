/// One-line bar with left, centre and right segments. When space runs out the
/// right segment (usually the clock/sync state) wins, then the left, and the
/// centre only appears where it fits between them without overlap.
public struct StatusBar: Widget, Sendable {
    public var left: String
    public var centre: String
    public var right: String
    public var style: Style

    public init(left: String = "", centre: String = "", right: String = "", style: Style = Style(.header, reverse: true)) {
        self.left = left
        self.centre = centre
        self.right = right
        self.style = style
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let row = area.row(0)
        buffer.fill(row, with: Cell(symbol: " ", style: style))
        let rightText = truncate(right, toWidth: row.width)
        let rightWidth = displayWidth(of: rightText)
        let rightX = row.right - rightWidth
        buffer.set(x: rightX, y: row.y, string: rightText, style: style)

        let leftRoom = max(0, row.width - rightWidth - (rightWidth > 0 ? 1 : 0))
        let leftText = truncate(left, toWidth: leftRoom)
        let leftEnd = buffer.set(x: row.x, y: row.y, string: leftText, style: style)

        let centreWidth = displayWidth(of: centre)
        guard centreWidth > 0 else { return }
        let gapStart = leftText.isEmpty ? row.x : leftEnd + 1
        let gapEnd = rightWidth > 0 ? rightX - 1 : row.right
        guard gapEnd > gapStart else { return }
        let ideal = row.x + (row.width - centreWidth) / 2
        let text = truncate(centre, toWidth: gapEnd - gapStart)
        let x = min(max(ideal, gapStart), gapEnd - displayWidth(of: text))
        buffer.set(x: x, y: row.y, string: text, style: style)
    }
}
