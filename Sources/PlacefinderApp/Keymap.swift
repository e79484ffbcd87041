import TerminalUI

/// What a key does. `update` dispatches only through `Keymap`, and the help overlay and
/// key-hint bars are generated from the same tables, so help cannot drift from behaviour.
public enum Action: Hashable, Sendable {
    case quit, help, back
    case tab(Int)
    case up, down, pageUp, pageDown, home, end
    case open, search, filter, sort, focusSearch
    case acceptSearch, clearSearch, deleteChar, typeText
    case fieldNext, fieldPrevious, fieldClear, resetFilters
}

/// Where the keyboard is: decides which bindings apply.
public enum KeyContext: Hashable, Sendable, CaseIterable {
    case placeholder, vacancyList, vacancySearch, vacancyDetail, childList, childSearch, childPage, filterPanel, help, tooSmall

    /// Text entry: printable keys type instead of acting, so only non-character globals apply.
    public var isTextEntry: Bool { self == .vacancySearch || self == .childSearch }

    public var title: String {
        switch self {
        case .placeholder: "This screen"
        case .vacancyList: "Vacancies"
        case .vacancySearch: "Vacancy search"
        case .vacancyDetail: "Vacancy detail"
        case .childList: "Children"
        case .childSearch: "Children search"
        case .childPage: "Child's page"
        case .filterPanel: "Filter panel"
        case .help: "Help"
        case .tooSmall: "Terminal too small"
        }
    }
}

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

    /// The bindings particular to `context`, in help order.
    public static func local(_ context: KeyContext) -> [KeyBinding] {
        switch context {
        case .placeholder, .tooSmall:
            return []
        case .vacancyList:
            return listKeys(open: "open the vacancy's details") + [
                KeyBinding([.char("s")], .sort, "next sort order", hint: "sort"),
                KeyBinding([.escape], .clearSearch, "clear the search"),
            ]
        case .childList:
            return listKeys(open: "open the child's page (recorded in the audit trail)") + [
                KeyBinding([.escape], .clearSearch, "clear the search"),
            ]
        case .vacancySearch:
            return searchKeys("vacancies")
        case .childSearch:
            return searchKeys("children")
        case .vacancyDetail:
            return [KeyBinding([.escape, .backspace], .back, "back to the vacancies", hint: "back")] + scrollKeys
        case .childPage:
            return [KeyBinding([.escape, .backspace], .back, "back to the children", hint: "back")] + scrollKeys
        case .filterPanel:
            return [
                KeyBinding([.up, .char("k")], .up, "previous field", hint: "field", hintKey: "↑↓"),
                KeyBinding([.down, .char("j")], .down, "next field"),
                KeyBinding([.char(" "), .enter, .right, .char("l")], .fieldNext, "next value", hint: "change", label: "Space/Enter/→", hintKey: "Space"),
                KeyBinding([.left, .char("h")], .fieldPrevious, "previous value", label: "←/h"),
                KeyBinding([.backspace, .delete, .char("x")], .fieldClear, "clear this field", hint: "clear", label: "Backspace/x"),
                KeyBinding([.char("r")], .resetFilters, "clear every filter", hint: "reset"),
                KeyBinding([.escape, .char("f")], .back, "close the panel (filters stay)", hint: "done"),
            ]
        case .help:
            return [
                KeyBinding([.up, .char("k")], .up, "scroll help up"),
                KeyBinding([.down, .char("j")], .down, "scroll help down"),
                KeyBinding([.escape, .char("?")], .back, "close help", hint: "close"),
            ]
        }
    }

    /// Keys that work on every screen (character keys only outside text fields).
    public static let global: [KeyBinding] = [
        KeyBinding((1...6).map { Key.char(Character(String($0))) }, .tab(0), "switch screen (2 Children, 3 Vacancies, …)", label: "1–6"),
        KeyBinding([.char("?"), .function(1)], .help, "help for this screen", hint: "help"),
        KeyBinding([.char("q")], .quit, "quit", hint: "quit"),
        KeyBinding([.ctrl("c")], .quit, "quit (also from a text field)"),
    ]

    /// Every binding in force in `context`, local first: what `update` obeys and help lists.
    public static func bindings(for context: KeyContext) -> [KeyBinding] {
        let globals: [KeyBinding] = global.compactMap { binding in
            guard context.isTextEntry || context == .help else { return binding }
            var b = binding
            // In a text field a character types itself; in help, ? closes help instead.
            b.keys = binding.keys.filter { key in
                if case .char(let c) = key { return context == .help && c != "?" && binding.action != .help }
                return true
            }
            if b.keys.isEmpty || (context == .help && binding.action == .help) { return nil }
            if b.keys != binding.keys {
                b.keyLabel = b.keys.map(\.description).joined(separator: "/")
                b.hintKey = b.keys[0].description
            }
            return b
        }
        return local(context) + globals
    }

    /// The action bound to `key` in `context`, if any. Tab digits carry their screen number.
    public static func action(for key: Key, in context: KeyContext) -> Action? {
        for binding in bindings(for: context) where binding.keys.contains(key) {
            if case .tab = binding.action, case .char(let c) = key, let n = c.wholeNumberValue { return .tab(n) }
            return binding.action
        }
        return nil
    }

    /// The key-hint bar for `context`.
    public static func hints(for context: KeyContext) -> [(key: String, label: String)] {
        bindings(for: context).compactMap { b in b.hint.map { (key: b.hintKey, label: $0) } }
    }
}
