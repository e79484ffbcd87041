/// A run of text in one style: the unit of styled prose in TextBlock.
public struct Span: Equatable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: Style
    /// The text field's insertion point is where this span starts: drawing it puts the buffer's
    /// `cursor` (the terminal's real cursor) there.
    public var caret: Bool

    public init(_ text: String, style: Style = .normal, caret: Bool = false) {
        self.text = text
        self.style = style
        self.caret = caret
    }

    public init(stringLiteral value: String) { self.init(value) }

    public var width: Int { displayWidth(of: text) }
}

extension Buffer {
    /// Writes spans one after another on a row; returns the x after the last.
    @discardableResult
    public mutating func set(x: Int, y: Int, spans: [Span], maxWidth: Int? = nil) -> Int {
        let limit = maxWidth.map { x + max(0, $0) }
        var col = x
        for span in spans {
            let room = limit.map { $0 - col }
            if let room, room <= 0 { break }
            if span.caret, area.contains(x: col, y: y) { cursor = Position(x: col, y: y) }
            col = set(x: col, y: y, string: span.text, style: span.style, maxWidth: room)
        }
        return col
    }
}
