import CNcursesw
import TerminalUI

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The only place Placefinder talks to ncurses: draws `Buffer`s (only the
/// cells that changed), reads keys and resizes, and puts the terminal back.
/// The app owns its loop:
///
///     let term = NcursesTerminal(noColor: NcursesTerminal.noColorRequested())
///     defer { term.restore() }
///     while term.pendingSignal == nil {
///         term.draw(render(size: term.size))
///         if let event = term.nextEvent(timeoutMs: 250) { … }
///     }
///
/// Not thread-safe: use it from one thread (ncurses is not re-entrant).
///
/// All calls into the shim's signal/restore state live in THIS file: that
/// state is `static` in a header, so each object file gets its own copy.
public final class NcursesTerminal: TerminalBackend {
    /// Whether colour pairs are in use (false with NO_COLOR or a monochrome terminal).
    public let usesColor: Bool
    private var previous: Buffer?
    private var restored = false
    private let colorCount: Int
    private var attrCache: [Style: attr_t] = [:]
    /// The common terminals' escape sequences plus this TERM's own, from terminfo.
    private var escapes = EscapeTable.common
    /// Events decoded but not yet handed out (one burst of input can hold several).
    private var queued: [TerminalEvent] = []
    /// How long to wait for the rest of an escape sequence, as ncurses' ESCDELAY.
    private static let escapeDelayMs: Int32 = 25

    /// True when `NO_COLOR` is set to a non-empty value (https://no-color.org).
    public static func noColorRequested(environment: [String: String]) -> Bool {
        guard let value = environment["NO_COLOR"] else { return false }
        return !value.isEmpty
    }

    /// Reads the process environment.
    public static func noColorRequested() -> Bool {
        guard let raw = getenv("NO_COLOR") else { return false }
        return raw.pointee != 0
    }

    /// Takes over the terminal. If the terminal cannot be opened (no TERM, not a
    /// tty) ncurses prints an error and exits, as `initscr` does.
    public init(noColor: Bool) {
        setlocale(LC_ALL, "")
        pf_install_signal_handlers()   // before initscr, or ncurses installs its own
        pf_register_atexit()
        initscr()
        pf_mark_screen_active()
        CrashGuard.screenTaken()
        cbreak()
        noecho()
        nonl()
        keypad(pf_stdscr(), true)
        curs_set(0)
        set_escdelay(Self.escapeDelayMs)
        escapes.merge(terminfo: Self.terminfoKeys())
        _ = pf_enable_mouse()

        var color = false
        if !noColor && has_colors() {
            start_color()
            let defaults = use_default_colors() == OK
            for role in Style.Role.allCases {
                let pair = Appearance.colorPair(for: role, colors: Int(pf_colors()))
                let fg = pair.fg == .terminalDefault && !defaults ? Appearance.Color.white : pair.fg
                let bg = pair.bg == .terminalDefault && !defaults ? Appearance.Color.black : pair.bg
                init_pair(Appearance.pairNumber(for: role), fg.rawValue, bg.rawValue)
            }
            color = true
        }
        usesColor = color
        colorCount = color ? Int(pf_colors()) : 0
    }

    deinit { restore() }

    /// Current terminal size in columns and rows.
    public var size: (width: Int, height: Int) {
        (width: Int(pf_maxx()), height: Int(pf_maxy()))
    }

    /// The signal number (SIGINT, SIGTERM, SIGHUP) caught since start, if any.
    /// The loop should `restore()` and exit when this is non-nil.
    public var pendingSignal: Int32? {
        let s = pf_pending_signal()
        return s == 0 ? nil : Int32(s)
    }

    /// Writes the cells of `buffer` that differ from the last drawn buffer
    /// (everything on the first draw, after a size change or a `repaint()`) and refreshes.
    /// The hardware cursor shows at `buffer.cursor` (a focused text field) and hides otherwise.
    public func draw(_ buffer: Buffer) {
        guard !restored else { return }
        let win = pf_stdscr()
        let base: Buffer
        if let previous, previous.area == buffer.area {
            base = previous
        } else {
            // First draw or new size: clear what lies outside the buffer too.
            werase(win)
            base = Buffer(area: Rect(x: -1, y: -1, width: 0, height: 0))
        }
        let changes = buffer.diff(from: base)
        var cc = cchar_t()
        var wide = [wchar_t](repeating: 0, count: Int(pf_ccharw_max()) + 1)
        for change in changes {
            // A cell is one grapheme: base character plus combining marks, up
            // to CCHARW_MAX code points, NUL-terminated.
            var n = 0
            for scalar in change.cell.symbol.unicodeScalars where n < wide.count - 1 {
                wide[n] = wchar_t(bitPattern: scalar.value)
                n += 1
            }
            if n == 0 { continue }
            wide[n] = 0
            let attrs = attributes(for: change.cell.style)
            let pair = usesColor ? Appearance.pairNumber(for: change.cell.style.role) : 0
            setcchar(&cc, wide, attrs, pair, nil)
            mvwadd_wch(win, Int32(change.y), Int32(change.x), &cc)
        }
        previous = buffer
        if let cursor = buffer.cursor, buffer.area.contains(x: cursor.x, y: cursor.y) {
            curs_set(1)
            wmove(win, Int32(cursor.y), Int32(cursor.x))
        } else {
            curs_set(0)
        }
        wnoutrefresh(win)
        doupdate()
    }

    /// Forgets what is on screen so the next `draw` repaints every cell
    /// (Ctrl-L, or something else wrote to the terminal); `clearok` makes
    /// ncurses clear the physical screen too instead of trusting its copy.
    public func repaint() {
        previous = nil
        clearok(pf_stdscr(), true)
    }

    /// Waits up to `timeoutMs` (negative: forever, 0: poll) for a key, a mouse event or a
    /// resize. Returns nil on timeout, or when a signal interrupted the wait (check `pendingSignal`).
    public func nextEvent(timeoutMs: Int) -> TerminalEvent? {
        guard !restored else { return nil }
        if !queued.isEmpty { return queued.removeFirst() }
        wtimeout(pf_stdscr(), Int32(clamping: timeoutMs))
        guard let first = readInput() else { return nil }
        switch first {
        case .event(let event):
            return event
        case .character(EscapeDecoder.escape):
            queued = readEscapeSequence()
            return queued.isEmpty ? nil : queued.removeFirst()
        case .character(let code):
            return .key(KeyDecoder.decode(code: Int32(bitPattern: code), isFunctionKey: false))
        }
    }

    /// One read from ncurses: a plain character, or an event ncurses decoded itself.
    private enum Input {
        case character(UInt32)
        case event(TerminalEvent)
    }

    private func readInput() -> Input? {
        var ch: wint_t = 0
        let result = wget_wch(pf_stdscr(), &ch)
        if result == ERR { return nil }
        let code = Int32(bitPattern: UInt32(ch))
        guard result == KeyCode.codeYes else { return .character(UInt32(ch)) }
        if code == KeyCode.resize {
            previous = nil
            let s = size
            return .event(.resize(width: s.width, height: s.height))
        }
        if code == KeyCode.mouse {
            var x: Int32 = 0, y: Int32 = 0
            switch pf_read_mouse(&x, &y) {
            case 1: return .event(.mouse(x: Int(x), y: Int(y), kind: .click))
            case 2: return .event(.mouse(x: Int(x), y: Int(y), kind: .wheelUp))
            case 3: return .event(.mouse(x: Int(x), y: Int(y), kind: .wheelDown))
            default: return .event(.key(.unknown(code)))
            }
        }
        return .event(.key(KeyDecoder.decode(code: code, isFunctionKey: true)))
    }

    /// ncurses handed back an Esc: either the Esc key, or the start of a sequence it did not know
    /// (it returns the rest at once). Reads the rest briefly and lets `EscapeDecoder` decide.
    private func readEscapeSequence() -> [TerminalEvent] {
        wtimeout(pf_stdscr(), Self.escapeDelayMs)
        var pending: [UInt32] = [EscapeDecoder.escape]
        var events: [TerminalEvent] = []
        while !pending.isEmpty {
            if pending[0] != EscapeDecoder.escape {
                events.append(.key(KeyDecoder.decode(code: Int32(bitPattern: pending.removeFirst()), isFunctionKey: false)))
                continue
            }
            switch EscapeDecoder.decode(pending, table: escapes, atEnd: false) {
            case .complete(let decoded, let consumed):
                events += decoded
                pending.removeFirst(consumed)
            case .incomplete:
                switch readInput() {
                case .character(let code): pending.append(code)
                case let other:
                    // Timeout, or a key ncurses decoded itself: what we hold is all of this sequence.
                    if case .complete(let decoded, let consumed) = EscapeDecoder.decode(pending, table: escapes, atEnd: true) {
                        events += decoded
                        pending.removeFirst(consumed)
                    }
                    if case .event(let event) = other { events.append(event) }
                }
            }
        }
        return events
    }

    /// The key sequences terminfo gives for this TERM (read after `initscr`).
    private static func terminfoKeys() -> [(sequence: String, key: Key)] {
        var caps: [(String, Key)] = [
            ("khome", .home), ("kend", .end), ("kpp", .pageUp), ("knp", .pageDown), ("kcuu1", .up), ("kcud1", .down),
            ("kcub1", .left), ("kcuf1", .right), ("kdch1", .delete), ("kcbt", .backTab), ("kent", .enter),
        ]
        for n in 1...12 { caps.append(("kf\(n)", .function(n))) }
        return caps.compactMap { name, key in
            guard let value = pf_tigetstr(name) else { return nil }
            return (String(cString: value), key)
        }
    }

    /// Gives the terminal back: `endwin`, echo on, cursor visible, previous
    /// signal handlers reinstated. Safe to call more than once; also run by
    /// `deinit`, an `atexit` hook, and (write/tcsetattr only) on fatal signals.
    public func restore() {
        guard !restored else { return }
        restored = true
        pf_endwin()
        pf_uninstall_signal_handlers()
    }

    private func attributes(for style: Style) -> attr_t {
        if let cached = attrCache[style] { return cached }
        var attrs = Appearance.attributes(for: style, color: usesColor)
        if usesColor, style.role == .muted, colorCount < 16 { attrs.insert(.dim) }
        var value = pf_a_normal()
        if attrs.contains(.bold) { value |= pf_a_bold() }
        if attrs.contains(.underline) { value |= pf_a_underline() }
        if attrs.contains(.reverse) { value |= pf_a_reverse() }
        if attrs.contains(.dim) { value |= pf_a_dim() }
        attrCache[style] = value
        return value
    }
}
