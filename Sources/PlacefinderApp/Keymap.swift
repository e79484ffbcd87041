import TerminalUI

public struct KeyBinding: Hashable, Sendable {
    /// Keys that trigger the action (empty for "any letter" typing, described only).
    public var keys: [Key]
    /// How help shows the keys ("Up/k", "1–6").
    public var keyLabel: String
    public var action: Action
    /// Help text.
    public var help: String
    /// Short label for the key-hint bar; nil keeps it out of the bar.
    public var hint: String?
    /// The key as the hint bar shows it (default: the first key).
    public var hintKey: String

    public init(_ keys: [Key], _ action: Action, _ help: String, hint: String? = nil, label: String? = nil, hintKey: String? = nil) {
        self.keys = keys
        self.hintKey = hintKey ?? keys.first?.description ?? ""
        self.action = action
        self.help = help
        self.hint = hint
        self.keyLabel = label ?? keys.map(\.description).joined(separator: "/")
    }
}

public enum Keymap {
    static let moveKeys: [KeyBinding] = [
        KeyBinding([.up, .char("k")], .up, "move up", hint: "move", hintKey: "↑↓"),
        KeyBinding([.down, .char("j")], .down, "move down"),
        KeyBinding([.pageUp], .pageUp, "page up"),
        KeyBinding([.pageDown], .pageDown, "page down"),
        KeyBinding([.home], .home, "first row"),
        KeyBinding([.end], .end, "last row"),
    ]

    static let scrollKeys: [KeyBinding] = [
        KeyBinding([.up, .char("k")], .up, "scroll up", hint: "scroll", hintKey: "↑↓"),
        KeyBinding([.down, .char("j")], .down, "scroll down"),
        KeyBinding([.pageUp], .pageUp, "page up"),
        KeyBinding([.pageDown], .pageDown, "page down"),
        KeyBinding([.home], .home, "top"),
        KeyBinding([.end], .end, "bottom"),
    ]

    static func listKeys(open: String) -> [KeyBinding] {
        [KeyBinding([.enter], .open, open, hint: "open")]
            + moveKeys
            + [
                KeyBinding([.char("/")], .search, "search (type to narrow the list)", hint: "search"),
                KeyBinding([.tab], .focusSearch, "move focus to the search field"),
                KeyBinding([.char("f")], .filter, "open the filter panel", hint: "filter"),
            ]
    }

    static func searchKeys(_ what: String) -> [KeyBinding] {
        [
            KeyBinding([], .typeText, "type to narrow the \(what); each key narrows", label: "letters"),
            KeyBinding([.backspace, .delete], .deleteChar, "delete a character (widens the list)", hint: "delete"),
            KeyBinding([.enter, .tab], .acceptSearch, "back to the list, keeping the search", hint: "keep"),
            KeyBinding([.escape], .clearSearch, "clear the search", hint: "clear"),
        ]
    }

    /// The bindings particular to `context`, in help order, as the screen that owns it declares them.
    public static func local(_ context: KeyContext) -> [KeyBinding] { Screens.bindings(context) }

    /// Keys that work on every screen (character keys only outside text fields).
    public static let global: [KeyBinding] = [
        KeyBinding((1...Screens.tabs.count).map { Key.char(Character(String($0))) }, .tab(0),
                   "switch screen (" + Tab.allCases.prefix(3).enumerated().map { "\($0 + 1) \($1.title)" }.joined(separator: ", ") + ", …)",
                   label: "1–\(Screens.tabs.count)"),
        KeyBinding([.char("?"), .function(1)], .help, "help for this screen", hint: "help"),
        KeyBinding([.char("q")], .quit, "quit", hint: "quit"),
        KeyBinding([.char(":")], .jump, "open a record by its id (:C0074, :V00043, :P0012)", hint: "go to id"),
        KeyBinding([.ctrl("c")], .quit, "quit (also from a text field)"),
        KeyBinding([.char("r")], .reload, "reload from the store now"),
        KeyBinding([.ctrl("l")], .repaint, "redraw the whole screen"),
    ]

    /// Every binding in force in `context`, local first: what `update` obeys and help lists.
    public static func bindings(for context: KeyContext) -> [KeyBinding] {
        let local = local(context)
        // A screen's own key wins (r re-ranks on the match screen): the global is not listed there.
        let taken = Set(local.flatMap(\.keys))
        let globals: [KeyBinding] = global.filter { $0.keys.allSatisfy { !taken.contains($0) } }.compactMap { binding in
            guard context.takesDigits || context == .help else { return binding }
            var b = binding
            // In a text field a character types itself (in the filter panel, a digit does); in help,
            // ? closes help instead.
            b.keys = binding.keys.filter { key in
                guard case .char(let c) = key else { return true }
                if !context.isTextEntry && context != .help { return !c.isNumber }
                return context == .help && c != "?" && binding.action != .help
            }
            if b.keys.isEmpty || (context == .help && binding.action == .help) { return nil }
            if b.keys != binding.keys {
                b.keyLabel = b.keys.map(\.description).joined(separator: "/")
                b.hintKey = b.keys[0].description
            }
            return b
        }
        return local + globals
    }

    /// The action bound to `key` in `context`, if any. Tab digits carry their screen number.
    public static func action(for key: Key, in context: KeyContext) -> Action? {
        for binding in bindings(for: context) where binding.keys.contains(key) {
            if case .tab = binding.action, case .char(let c) = key, let n = c.wholeNumberValue { return .tab(n) }
            if case .typeAhead = binding.action, case .char(let c) = key { return .typeAhead(c) }
            return binding.action
        }
        return nil
    }

    /// The key-hint bar for `context`.
    public static func hints(for context: KeyContext) -> [(key: String, label: String)] {
        bindings(for: context).compactMap { b in b.hint.map { (key: b.hintKey, label: $0) } }
    }
}
