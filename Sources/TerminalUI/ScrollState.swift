/// Selection and scroll position for Table and ListView, kept by the caller
/// between frames (ratatui's TableState/ListState). `offset` is the first
/// visible row; rendering nudges it so the selection stays on screen.
public struct ScrollState: Equatable, Hashable, Sendable {
    public var selected: Int?
    public var offset: Int

    public init(selected: Int? = nil, offset: Int = 0) {
        self.selected = selected
        self.offset = max(0, offset)
    }

    public enum PageDirection: Sendable { case up, down }

    /// Moves the selection by `delta` rows, clamped to the list (arrow keys).
    public mutating func moveSelection(by delta: Int, rowCount: Int) {
        guard rowCount > 0 else { selected = nil; return }
        let from = selected ?? (delta >= 0 ? -1 : rowCount)
        selected = min(max(0, from + delta), rowCount - 1)
    }

    /// PgUp/PgDn: moves selection and view by one screenful, keeping the
    /// selected row at the same place on screen where possible.
    public mutating func page(_ direction: PageDirection, visibleRows: Int, rowCount: Int) {
        let step = max(1, visibleRows)
        let delta = direction == .down ? step : -step
        moveSelection(by: delta, rowCount: rowCount)
        let maxOffset = max(0, rowCount - max(1, visibleRows))
        offset = min(max(0, offset + delta), maxOffset)
        scrollToSelection(visibleRows: visibleRows, rowCount: rowCount)
    }

    /// Home.
    public mutating func first(rowCount: Int) {
        selected = rowCount > 0 ? 0 : nil
        offset = 0
    }

    /// End.
    public mutating func last(rowCount: Int) {
        selected = rowCount > 0 ? rowCount - 1 : nil
    }

    /// Clamps selection and offset to the list and scrolls the minimum needed
    /// to bring the selection into the `visibleRows` window.
    public mutating func scrollToSelection(visibleRows: Int, rowCount: Int) {
        guard rowCount > 0 else { selected = nil; offset = 0; return }
        let visible = max(1, visibleRows)
        if let s = selected {
            let s = min(max(0, s), rowCount - 1)
            selected = s
            if s < offset { offset = s }
            if s >= offset + visible { offset = s - visible + 1 }
        }
        offset = min(max(0, offset), max(0, rowCount - visible))
    }
}

public typealias TableState = ScrollState
public typealias ListState = ScrollState
