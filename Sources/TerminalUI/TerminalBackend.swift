/// A cell position on the terminal (column, row), 0-based.
public struct Position: Equatable, Hashable, Sendable {
    public var x: Int
    public var y: Int
    public init(x: Int, y: Int) { self.x = x; self.y = y }
}

/// What an app's loop needs from a terminal. `NcursesTerminal` is the real one; tests drive the
/// loop with a fake that takes keys from a script and keeps every frame drawn.
public protocol TerminalBackend: AnyObject {
    /// Columns and rows now.
    var size: (width: Int, height: Int) { get }
    /// The signal (SIGINT, SIGTERM, SIGHUP) that asks the loop to end, if one arrived.
    var pendingSignal: Int32? { get }
    /// Shows `buffer`, with the real cursor at `buffer.cursor` (hidden when nil).
    func draw(_ buffer: Buffer)
    /// Forgets what is on screen so the next `draw` repaints every cell (Ctrl-L).
    func repaint()
    /// Waits up to `timeoutMs` for a key or a resize; nil on timeout.
    func nextEvent(timeoutMs: Int) -> TerminalEvent?
    /// Gives the terminal back. Safe to call more than once.
    func restore()
}
