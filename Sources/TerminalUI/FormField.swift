/// A labelled single-line input: "Label  value" on the first row and, when
/// validation failed, the error message on the second. The field is pure: when focused it puts
/// `cursorPosition(in:)` into the buffer's `cursor`, and the terminal layer moves the real cursor there.
public struct FormField: Widget, Sendable {
    public var label: String
    public var value: String
    /// Cursor as a Character index into `value` (0…count); nil hides it.
    public var cursor: Int?
    public var error: String?
    public var focused: Bool
    /// Columns reserved for the label so fields in a form line up; nil fits the label.
    public var labelWidth: Int?

    public init(label: String, value: String, cursor: Int? = nil, error: String? = nil, focused: Bool = false, labelWidth: Int? = nil) {
        self.label = label
        self.value = value
        self.cursor = cursor
        self.error = error
        self.focused = focused
        self.labelWidth = labelWidth
    }

    /// Rows this field needs: one, plus one for an error.
    public var height: Int { error == nil ? 1 : 2 }

    private func valueArea(_ area: Rect) -> Rect {
        let lw = min(area.width, (labelWidth ?? displayWidth(of: label)) + 2)
        return Rect(x: area.x + lw, y: area.y, width: area.width - lw, height: min(1, area.height))
    }

    /// First Character index shown, scrolled so the cursor stays inside the field.
    private func scrollStart(fieldWidth: Int) -> Int {
        guard let cursor, fieldWidth > 0 else { return 0 }
        let chars = Array(value)
        let c = min(max(0, cursor), chars.count)
        var start = 0
        // The cursor cell itself needs a column, hence "< fieldWidth".
        while start < c, displayWidth(of: String(chars[start..<c])) >= fieldWidth { start += 1 }
        return start
    }

    /// Screen position of the text cursor, if focused and visible.
    public func cursorPosition(in area: Rect) -> (x: Int, y: Int)? {
        guard focused, let cursor else { return nil }
        let field = valueArea(area)
        guard !field.isEmpty else { return nil }
        let chars = Array(value)
        let c = min(max(0, cursor), chars.count)
        let start = scrollStart(fieldWidth: field.width)
        return (field.x + displayWidth(of: String(chars[start..<c])), field.y)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        guard !area.isEmpty else { return }
        let labelStyle = focused ? Style(.accent, bold: true) : Style.normal
        let field = valueArea(area)
        buffer.set(x: area.x, y: area.y, string: truncate(label, toWidth: field.x - area.x - 2), style: labelStyle)
        // The underlined run shows the field's extent even when empty.
        let valueStyle = Style(focused ? .normal : .muted, underline: true)
        buffer.fill(field, with: Cell(symbol: " ", style: valueStyle))
        let start = scrollStart(fieldWidth: field.width)
        let shown = String(Array(value)[start...])
        buffer.set(x: field.x, y: field.y, string: shown, style: valueStyle, maxWidth: field.width)
        if let pos = cursorPosition(in: area) , pos.x < field.right {
            // Also drawn as a reversed cell, so the cursor shows in snapshots.
            buffer.patchStyle(Rect(x: pos.x, y: pos.y, width: 1, height: 1), Style(reverse: true))
            buffer.cursor = Position(x: pos.x, y: pos.y)
        }
        if let error, area.height > 1 {
            buffer.set(x: field.x, y: area.y + 1, string: truncate(error, toWidth: area.right - field.x), style: .urgent)
        }
    }
}
