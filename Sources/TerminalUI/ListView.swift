/// A single-column selectable list with the same virtual scrolling and state
/// as Table: items come from a closure and only visible ones are built.
public struct ListView: StatefulWidget {
    public var count: Int
    public var item: (Int) -> Span
    public var block: Block?
    public var highlightStyle: Style = .selected
    public var highlightSymbol: String = ""

    public init(count: Int, block: Block? = nil, item: @escaping (Int) -> Span) {
        self.count = max(0, count)
        self.item = item
        self.block = block
    }

    public init(items: [String], block: Block? = nil) {
        self.init(count: items.count, block: block) { Span(items[$0]) }
    }

    public func visibleRowCount(in area: Rect) -> Int { (block?.inner(area) ?? area).height }

    public func render(in area: Rect, buffer: inout Buffer, state: inout ScrollState) {
        var inner = area
        if let block {
            block.render(in: area, buffer: &buffer)
            inner = block.inner(area)
        }
        guard !inner.isEmpty else { return }
        state.scrollToSelection(visibleRows: inner.height, rowCount: count)
        guard count > 0 else { return }
        let gutter = displayWidth(of: highlightSymbol)
        for index in state.offset..<min(count, state.offset + inner.height) {
            let y = inner.y + index - state.offset
            let span = item(index)
            let isSelected = state.selected == index
            let style = isSelected ? span.style.patched(with: highlightStyle) : span.style
            buffer.setStyle(inner.row(index - state.offset), style)
            if isSelected, gutter > 0 { buffer.set(x: inner.x, y: y, string: highlightSymbol, style: style, maxWidth: gutter) }
            buffer.set(x: inner.x + gutter, y: y, string: truncate(span.text, toWidth: inner.width - gutter), style: style)
        }
    }
}
