/// The frame widgets draw into: a grid of cells in absolute terminal
/// coordinates. Nothing here touches a terminal; the ncurses layer writes the
/// `diff` and tests read `lines()` back.
public struct Buffer: Equatable, Sendable {
    public let area: Rect
    public private(set) var cells: [Cell]
    /// Where the terminal's real cursor goes (the focused text field's insertion point); nil hides it.
    /// The last widget to claim it wins, so an overlay's field beats the screen's under it.
    public var cursor: Position?

    public init(area: Rect, cell: Cell = .blank) {
        self.area = area
        self.cells = Array(repeating: cell, count: area.width * area.height)
    }

    func index(x: Int, y: Int) -> Int? {
        guard area.contains(x: x, y: y) else { return nil }
        return (y - area.y) * area.width + (x - area.x)
    }

    /// Reads or replaces one cell; outside the area reads blank and writes nothing.
    /// Writing raw cells does not repair wide glyphs: prefer `set`.
    public subscript(x: Int, y: Int) -> Cell {
        get { index(x: x, y: y).map { cells[$0] } ?? .blank }
        set { if let i = index(x: x, y: y) { cells[i] = newValue } }
    }

    /// Writes `string` from (x, y), clipping at the buffer edge and after
    /// `maxWidth` columns. Control characters are dropped (tabs/newlines become
    /// spaces); a wide glyph that would straddle the limit becomes a space.
    /// Returns the x after the last column written.
    @discardableResult
    public mutating func set(x: Int, y: Int, string: String, style: Style = .normal, maxWidth: Int? = nil) -> Int {
        guard y >= area.top, y < area.bottom else { return x }
        let limit = min(area.right, maxWidth.map { x + max(0, $0) } ?? Int.max)
        var col = x
        for ch in string {
            guard col < limit, let glyph = renderable(ch) else {
                if col >= limit { break }
                continue
            }
            let w = displayWidth(of: glyph)
            if col + w > limit {
                // Half a wide glyph would be garbage on screen: pad instead.
                put(Cell(symbol: " ", style: style), x: col, y: y)
                col += 1
                break
            }
            if col < area.left {
                // Clipped on the left; a wide glyph cut in half leaves a space.
                if col + w > area.left { put(Cell(symbol: " ", style: style), x: area.left, y: y) }
                col += w
                continue
            }
            put(Cell(symbol: String(glyph), style: style), x: col, y: y)
            if w == 2 { put(Cell(symbol: "", style: style), x: col + 1, y: y) }
            col += w
        }
        return col
    }

    /// Places one cell, blanking the orphaned half of any wide glyph it overwrites.
    mutating func put(_ cell: Cell, x: Int, y: Int) {
        guard let i = index(x: x, y: y) else { return }
        let old = cells[i]
        if old.isContinuation, !cell.isContinuation, let left = index(x: x - 1, y: y) {
            cells[left].symbol = " "
        }
        if !old.isContinuation, displayWidth(of: old.symbol) == 2, !cell.isContinuation,
           let right = index(x: x + 1, y: y), cells[right].isContinuation {
            cells[right].symbol = " "
        }
        cells[i] = cell
    }

    /// Restyles every cell in `rect` (clipped), keeping the symbols.
    public mutating func setStyle(_ rect: Rect, _ style: Style) {
        let r = rect.intersection(area)
        for y in r.top..<r.bottom { for x in r.left..<r.right { cells[index(x: x, y: y)!].style = style } }
    }

    /// Layers `style` over the existing style of every cell in `rect`.
    public mutating func patchStyle(_ rect: Rect, _ style: Style) {
        let r = rect.intersection(area)
        for y in r.top..<r.bottom {
            for x in r.left..<r.right {
                let i = index(x: x, y: y)!
                cells[i].style = cells[i].style.patched(with: style)
            }
        }
    }

    /// Overwrites every cell in `rect` (clipped) — used to clear under overlays.
    public mutating func fill(_ rect: Rect, with cell: Cell = .blank) {
        let r = rect.intersection(area)
        guard !r.isEmpty else { return }
        for y in r.top..<r.bottom {
            // Wide glyphs cut by the rect's edges must not leave halves behind.
            if let i = index(x: r.left, y: y), cells[i].isContinuation, let l = index(x: r.left - 1, y: y) {
                cells[l].symbol = " "
            }
            if let i = index(x: r.right, y: y), cells[i].isContinuation { cells[i].symbol = " " }
            for x in r.left..<r.right { cells[index(x: x, y: y)!] = cell }
        }
    }

    /// Blanks the whole buffer.
    public mutating func reset() { fill(area) }

    /// The test backend: each row as text, continuation cells contributing
    /// nothing (the wide glyph already covers them), trailing spaces trimmed.
    public func lines() -> [String] {
        (0..<area.height).map { row in
            var line = ""
            for col in 0..<area.width { line += cells[row * area.width + col].symbol }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// Cells that differ from `previous`, in row-major order — what the terminal
    /// layer must write. Continuation cells are skipped because writing their
    /// wide glyph fills them. A different-sized previous buffer means repaint all.
    public func diff(from previous: Buffer) -> [(x: Int, y: Int, cell: Cell)] {
        var changes: [(x: Int, y: Int, cell: Cell)] = []
        let full = previous.area != area
        for row in 0..<area.height {
            for col in 0..<area.width {
                let i = row * area.width + col
                let cell = cells[i]
                if cell.isContinuation { continue }
                if full || previous.cells[i] != cell
                    || (displayWidth(of: cell.symbol) == 2 && col + 1 < area.width && previous.cells[i + 1] != cells[i + 1]) {
                    changes.append((x: area.x + col, y: area.y + row, cell: cell))
                }
            }
        }
        return changes
    }
}
