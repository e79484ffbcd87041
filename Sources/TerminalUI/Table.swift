/// A table column: header title, width rule and text alignment.
public struct Column: Equatable, Hashable, Sendable {
    public var title: String
    public var width: Constraint
    public var alignment: Alignment

    public init(_ title: String, width: Constraint = .fill(1), alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }
}

/// A scrolling, selectable table with virtual rows: only the rows inside the
/// window [offset, offset + visibleRows) are requested from the source, so
/// drawing cost depends on the screen height, not on the row count.
public struct Table<Source: TableRowSource>: StatefulWidget {
    public var columns: [Column]
    public var source: Source
    public var block: Block?
    public var columnSpacing: Int = 1
    public var headerStyle: Style = .header
    public var highlightStyle: Style = .selected
    /// Drawn before the selected row (e.g. "› "); other rows get equal padding.
    public var highlightSymbol: String = ""
    /// Shown in muted style when the source is empty.
    public var emptyMessage: String?

    public init(columns: [Column], source: Source, block: Block? = nil) {
        self.columns = columns
        self.source = source
        self.block = block
    }

    /// Column widths for a table `width` columns wide (after the highlight gutter).
    public func columnWidths(for width: Int) -> [Int] {
        Layout.sizes(columns.map(\.width), total: max(0, width - displayWidth(of: highlightSymbol)), spacing: columnSpacing)
    }

    /// Data rows that fit in `area` (what PgUp/PgDn should page by).
    public func visibleRowCount(in area: Rect) -> Int {
        max(0, (block?.inner(area) ?? area).height - 1)
    }

    public func render(in area: Rect, buffer: inout Buffer, state: inout ScrollState) {
        var inner = area
        if let block {
            block.render(in: area, buffer: &buffer)
            inner = block.inner(area)
        }
        guard !inner.isEmpty else { return }

        let gutter = displayWidth(of: highlightSymbol)
        let widths = columnWidths(for: inner.width)
        var xs: [Int] = []
        var x = inner.x + gutter
        for w in widths { xs.append(x); x += w + columnSpacing }

        // Header.
        buffer.setStyle(inner.row(0), headerStyle)
        for (i, column) in columns.enumerated() {
            drawText(column.title, alignment: column.alignment, x: xs[i], width: widths[i], y: inner.y, style: headerStyle, buffer: &buffer)
        }

        let visible = inner.height - 1
        let count = source.count
        state.scrollToSelection(visibleRows: visible, rowCount: count)
        if count == 0 {
            if let emptyMessage, visible > 0 {
                buffer.set(x: inner.x + gutter, y: inner.y + 1, string: truncate(emptyMessage, toWidth: inner.width - gutter), style: .muted)
            }
            return
        }
        guard visible > 0 else { return }

        for index in state.offset..<min(count, state.offset + visible) {
            let y = inner.y + 1 + index - state.offset
            let row = source.row(at: index)
            let isSelected = state.selected == index
            var rowStyle = row.style ?? .normal
            if isSelected { rowStyle = rowStyle.patched(with: highlightStyle) }
            buffer.setStyle(Rect(x: inner.x, y: y, width: inner.width, height: 1), rowStyle)
            if gutter > 0 {
                buffer.set(x: inner.x, y: y, string: isSelected ? highlightSymbol : "", style: rowStyle, maxWidth: gutter)
            }
            for (i, column) in columns.enumerated() where i < row.cells.count {
                let cell = row.cells[i]
                var style = rowStyle.patched(with: cell.style ?? .normal)
                if isSelected { style = style.patched(with: highlightStyle) }
                drawText(cell.text, alignment: column.alignment, x: xs[i], width: widths[i], y: y, style: style, buffer: &buffer)
            }
        }
    }

    private func drawText(_ text: String, alignment: Alignment, x: Int, width: Int, y: Int, style: Style, buffer: inout Buffer) {
        guard width > 0 else { return }
        let shown = truncate(text, toWidth: width)
        let dx = alignment.offset(textWidth: displayWidth(of: shown), in: width)
        buffer.set(x: x + dx, y: y, string: shown, style: style, maxWidth: width - dx)
    }
}

extension Table where Source == ArrayRowSource {
    public init(columns: [Column], rows: [TableRow], block: Block? = nil) {
        self.init(columns: columns, source: ArrayRowSource(rows), block: block)
    }
}

extension Table where Source == ClosureRowSource {
    public init(columns: [Column], rowCount: Int, block: Block? = nil, row: @escaping (Int) -> TableRow) {
        self.init(columns: columns, source: ClosureRowSource(count: rowCount, row: row), block: block)
    }
}
