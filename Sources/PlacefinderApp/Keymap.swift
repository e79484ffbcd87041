import TerminalUI

/// What a key does. `update` dispatches only through `Keymap`, and the help overlay and
/// key-hint bars are generated from the same tables, so help cannot drift from behaviour.
public enum Action: Hashable, Sendable {
    case quit, help, back, reload, repaint
    case tab(Int)
    case up, down, pageUp, pageDown, home, end
    case open, search, filter, sort, focusSearch
    case acceptSearch, clearSearch, deleteChar, typeText
    case fieldNext, fieldPrevious, fieldClear, resetFilters
    // Matches
    case runMatch, rerunMatch, toggleExcluded, toggleWeights, recordCall, holdOrRelease, place
    // Confirmations and forms
    case confirm, newNotice, nextField, previousField, submit
    // Dashboard
    case nextPanel, previousPanel, panelLeft, panelRight
}

/// Where the keyboard is: decides which bindings apply.
public enum KeyContext: Hashable, Sendable, CaseIterable {
    case placeholder, vacancyList, vacancySearch, vacancyDetail, childList, childSearch, childPage, filterPanel, help, tooSmall
    case dashboard, matches, matchExcluded, weights, contactForm, confirm
    case noticeList, noticeDetail, noticeForm, providerList, providerSearch, providerPage

    /// Text entry: printable keys type instead of acting, so only non-character globals apply.
    public var isTextEntry: Bool {
        switch self {
        case .vacancySearch, .childSearch, .providerSearch, .noticeForm, .contactForm: true
        default: false
        }
    }

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
        case .dashboard: "Dashboard"
        case .matches: "Matches"
        case .matchExcluded: "Matches — excluded vacancies"
        case .weights: "Policy weights"
        case .contactForm: "Record a call"
        case .confirm: "Confirm"
        case .noticeList: "Notices"
        case .noticeDetail: "Notice"
        case .noticeForm: "New notice"
        case .providerList: "Providers"
        case .providerSearch: "Provider search"
        case .providerPage: "Provider page"
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
                KeyBinding([.char("m")], .runMatch, "rank vacancies for the selected child", hint: "match"),
                KeyBinding([.escape], .clearSearch, "clear the search"),
            ]
        case .providerList:
            return [KeyBinding([.enter], .open, "open the provider's page", hint: "open")] + moveKeys + [
                KeyBinding([.char("/")], .search, "search (type to narrow the list)", hint: "search"),
                KeyBinding([.tab], .focusSearch, "move focus to the search field"),
                KeyBinding([.char("s")], .sort, "next sort order", hint: "sort"),
                KeyBinding([.escape], .clearSearch, "clear the search"),
            ]
        case .providerSearch:
            return searchKeys("providers")
        case .providerPage:
            return [
                KeyBinding([.escape, .backspace], .back, "back to the providers", hint: "back"),
                KeyBinding([.enter], .open, "open the chosen vacancy's details", hint: "open vacancy"),
                KeyBinding([.up, .char("k")], .up, "previous vacancy", hint: "vacancy", hintKey: "↑↓"),
                KeyBinding([.down, .char("j")], .down, "next vacancy"),
                KeyBinding([.pageUp], .pageUp, "page up"),
                KeyBinding([.pageDown], .pageDown, "page down"),
                KeyBinding([.home], .home, "top"),
                KeyBinding([.end], .end, "bottom"),
            ]
        case .dashboard:
            return [
                KeyBinding([.enter], .open, "open the row's child page or vacancy", hint: "open"),
                KeyBinding([.tab], .nextPanel, "next panel", hint: "panel", hintKey: "Tab"),
                KeyBinding([.backTab], .previousPanel, "previous panel"),
                KeyBinding([.left, .char("h")], .panelLeft, "panel to the left"),
                KeyBinding([.right, .char("l")], .panelRight, "panel to the right"),
                KeyBinding([.char("m")], .runMatch, "rank vacancies for the selected child", hint: "match"),
            ] + moveKeys
        case .matches:
            return [
                KeyBinding([.escape, .backspace], .back, "back to where you came from", hint: "back"),
            ] + moveKeys + [
                KeyBinding([.char("c")], .recordCall, "record a call to the selected provider", hint: "call"),
                KeyBinding([.char("h")], .holdOrRelease, "hold the selected vacancy (or release your hold)", hint: "hold"),
                KeyBinding([.char("p")], .place, "place the child in the selected vacancy", hint: "place"),
                KeyBinding([.char("x")], .toggleExcluded, "show the excluded vacancies and why", hint: "excluded"),
                KeyBinding([.char("w")], .toggleWeights, "show the policy and its weights", hint: "weights"),
                KeyBinding([.char("r")], .rerunMatch, "rank again with the latest data"),
            ]
        case .matchExcluded:
            return [
                KeyBinding([.escape, .backspace], .back, "back to where you came from", hint: "back"),
                KeyBinding([.char("x")], .toggleExcluded, "back to the ranked vacancies", hint: "ranked"),
                KeyBinding([.char("w")], .toggleWeights, "show the policy and its weights", hint: "weights"),
            ] + scrollKeys
        case .weights:
            return [KeyBinding([.escape, .char("w")], .back, "close the weights", hint: "close")]
        case .contactForm:
            return [
                KeyBinding([.left, .right], .fieldNext, "change the outcome", hint: "outcome", hintKey: "←→"),
                KeyBinding([], .typeText, "type the reason (for a decline)", label: "letters"),
                KeyBinding([.backspace, .delete], .deleteChar, "delete a character"),
                KeyBinding([.enter], .submit, "save the call", hint: "save"),
                KeyBinding([.escape], .back, "cancel", hint: "cancel"),
            ]
        case .confirm:
            return [
                KeyBinding([.enter, .char("y")], .confirm, "go ahead", hint: "confirm"),
                KeyBinding([.escape, .char("n")], .back, "cancel", hint: "cancel"),
                KeyBinding([.right], .fieldNext, "hold: expiry an hour later", hint: "expiry", hintKey: "←→"),
                KeyBinding([.left], .fieldPrevious, "hold: expiry an hour earlier"),
            ]
        case .noticeList:
            return [KeyBinding([.enter], .open, "open the notice", hint: "open")] + moveKeys + [
                KeyBinding([.char("a")], .newNotice, "log a new notice (a provider's call)", hint: "new notice"),
            ]
        case .noticeDetail:
            return [KeyBinding([.escape, .backspace], .back, "back to the notices", hint: "back")] + scrollKeys
        case .noticeForm:
            return [
                KeyBinding([.tab], .nextField, "next field", hint: "field", hintKey: "Tab"),
                KeyBinding([.backTab], .previousField, "previous field"),
                KeyBinding([.up], .up, "choose in the list (or previous field)", hint: "choose", hintKey: "↑↓"),
                KeyBinding([.down], .down, "choose in the list (or next field)"),
                KeyBinding([.right], .fieldNext, "next value of a choice", hint: "change", hintKey: "←→"),
                KeyBinding([.left], .fieldPrevious, "previous value of a choice"),
                KeyBinding([], .typeText, "type to search or fill in the field", label: "letters"),
                KeyBinding([.backspace, .delete], .deleteChar, "delete a character"),
                KeyBinding([.enter], .submit, "log the notice (when nothing is wrong)", hint: "log"),
                KeyBinding([.escape], .back, "cancel", hint: "cancel"),
            ]
        case .vacancySearch:
            return searchKeys("vacancies")
        case .childSearch:
            return searchKeys("children")
        case .vacancyDetail:
            return [KeyBinding([.escape, .backspace], .back, "back", hint: "back")] + scrollKeys
        case .childPage:
            return [KeyBinding([.escape, .backspace], .back, "back", hint: "back"),
                    KeyBinding([.char("m")], .runMatch, "rank vacancies for this child", hint: "match")] + scrollKeys
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
        KeyBinding((1...6).map { Key.char(Character(String($0))) }, .tab(0), "switch screen (1 Dashboard, 2 Children, 3 Vacancies, …)", label: "1–6"),
        KeyBinding([.char("?"), .function(1)], .help, "help for this screen", hint: "help"),
        KeyBinding([.char("q")], .quit, "quit", hint: "quit"),
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
        return local + globals
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
