/// A run of text in one style: the unit of styled prose in TextBlock.
public struct Span: Equatable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .normal) {
        self.text = text
        self.style = style
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
            col = set(x: col, y: y, string: span.text, style: span.style, maxWidth: room)
        }
        return col
    }
}
