/// A key press, independent of any terminal library. The ncurses layer decodes
/// raw codes into this; the app's key bindings and help screens use it.
public enum Key: Hashable, Sendable {
    case char(Character)
    case enter, escape, tab, backTab, backspace, delete
    case up, down, left, right
    case pageUp, pageDown, home, end
    /// F1…F64.
    case function(Int)
    /// Ctrl plus a letter, stored lower-case: Ctrl-C is `.ctrl("c")`.
    case ctrl(Character)
    /// A code the decoder does not know, kept for logging.
    case unknown(Int32)
}

extension Key: CustomStringConvertible {
    /// The label help screens and key-hint bars show: "q", "Enter", "Esc",
    /// "PgUp", "Ctrl-C", "F1", "Space".
    public var description: String {
        switch self {
        case .char(" "): return "Space"
        case .char(let c): return String(c)
        case .enter: return "Enter"
        case .escape: return "Esc"
        case .tab: return "Tab"
        case .backTab: return "Shift-Tab"
        case .backspace: return "Backspace"
        case .delete: return "Del"
        case .up: return "Up"
        case .down: return "Down"
        case .left: return "Left"
        case .right: return "Right"
        case .pageUp: return "PgUp"
        case .pageDown: return "PgDn"
        case .home: return "Home"
        case .end: return "End"
        case .function(let n): return "F\(n)"
        case .ctrl(let c): return "Ctrl-" + String(c).uppercased()
        case .unknown(let code): return "Key \(code)"
        }
    }
}

/// What a mouse report means to the app: a left-button press, or a notch of the wheel.
/// Releases, drags and other buttons are dropped by the terminal layer.
public enum MouseKind: Sendable, Equatable {
    case click, wheelUp, wheelDown
}

/// What the terminal layer hands the app's loop: a key, a mouse event at a cell
/// (0-based column and row), or a new size after the terminal was resized
/// (re-layout and redraw everything).
public enum TerminalEvent: Sendable, Equatable {
    case key(Key)
    case mouse(x: Int, y: Int, kind: MouseKind)
    case resize(width: Int, height: Int)
}
