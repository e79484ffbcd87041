import PlacementCore
import TerminalUI

/// Words an officer reads on a key's line of help or in the hint bar, in both languages, always from the
/// catalogue (`Message`): there is no English-only binding, so no screen's keys can ship in one language.
public struct Wording: Hashable, Sendable {
    public let en: String
    public let cy: String

    public init(_ message: Message, _ values: [String: String] = [:]) {
        en = message.text(.en, values)
        cy = message.text(.cy, values)
    }

    /// Both languages worked out by one function (a message whose placeholders are themselves words).
    public init(_ text: (Language) -> String) {
        en = text(.en)
        cy = text(.cy)
    }

    public func text(_ language: Language) -> String { language == .cy ? cy : en }
}

public struct KeyBinding: Hashable, Sendable {
    /// Keys that trigger the action (empty for "any letter" typing, described only).
    public var keys: [Key]
    /// How help shows the keys ("Up/k", "1–6"): key names, or a word (`labelWording`).
    public var keyLabel: String
    /// A label that is a word rather than key names ("letters"), in both languages.
    public var labelWording: Wording?
    public var action: Action
    /// Help text, in both languages.
    public var helpWording: Wording
    /// Short label for the key-hint bar; nil keeps it out of the bar.
    public var hintWording: Wording?
    /// The key as the hint bar shows it (default: the first key).
    public var hintKey: String

    /// Help text in English (see `help(_:)`).
    public var help: String { helpWording.en }
    /// The hint in English (see `hint(_:)`).
    public var hint: String? { hintWording?.en }

    public func helpText(_ language: Language) -> String { helpWording.text(language) }
    public func hintText(_ language: Language) -> String? { hintWording?.text(language) }
    public func labelText(_ language: Language) -> String { labelWording?.text(language) ?? keyLabel }

    public init(_ keys: [Key], _ action: Action, _ help: Wording, hint: Wording? = nil, label: Wording? = nil, keyLabel: String? = nil,
                hintKey: String? = nil) {
        self.keys = keys
        self.hintKey = hintKey ?? keys.first?.description ?? ""
        self.action = action
        self.helpWording = help
        self.hintWording = hint
        self.labelWording = label
        self.keyLabel = keyLabel ?? label?.en ?? keys.map(\.description).joined(separator: "/")
    }

    /// A binding whose help and hint come from the catalogue. `label` names keys ("Space/Enter/→").
    public init(_ keys: [Key], _ action: Action, _ help: Message, hint: Message? = nil, label: String? = nil, hintKey: String? = nil) {
        self.init(keys, action, Wording(help), hint: hint.map { Wording($0) }, keyLabel: label, hintKey: hintKey)
    }

}

public enum Keymap {
    static let moveKeys: [KeyBinding] = [
        KeyBinding([.up, .char("k")], .up, .shellKeyMoveUp, hint: .shellKeyMoveHint, hintKey: "↑↓"),
        KeyBinding([.down, .char("j")], .down, .shellKeyMoveDown),
        KeyBinding([.pageUp], .pageUp, .shellKeyPageUp),
        KeyBinding([.pageDown], .pageDown, .shellKeyPageDown),
        KeyBinding([.home], .home, .shellKeyFirstRow),
        KeyBinding([.end], .end, .shellKeyLastRow),
    ]

    static let scrollKeys: [KeyBinding] = [
        KeyBinding([.up, .char("k")], .up, .shellKeyScrollUp, hint: .shellKeyScrollHint, hintKey: "↑↓"),
        KeyBinding([.down, .char("j")], .down, .shellKeyScrollDown),
        KeyBinding([.pageUp], .pageUp, .shellKeyPageUp),
        KeyBinding([.pageDown], .pageDown, .shellKeyPageDown),
        KeyBinding([.home], .home, .shellKeyTop),
        KeyBinding([.end], .end, .shellKeyBottom),
    ]

    /// A list's keys; `open` says what Enter opens (English only until its screen passes a `Message`).
    static func listKeys(open: Message) -> [KeyBinding] { listKeys(open: Wording(open)) }

    static func listKeys(open: Wording) -> [KeyBinding] {
        [KeyBinding([.enter], .open, open, hint: Wording(.shellKeyOpenHint))]
            + moveKeys
            + [
                KeyBinding([.char("/")], .search, .shellKeySearch, hint: .shellKeySearchHint),
                KeyBinding([.tab], .focusSearch, .shellKeyFocusSearch),
                KeyBinding([.char("f")], .filter, .shellKeyFilter, hint: .shellKeyFilterHint),
            ]
    }

    /// A search field's keys; `what` names the list ("vacancies"; English only until its screen passes a `Message`).
    static func searchKeys(_ what: Message) -> [KeyBinding] {
        searchKeys(Wording { language in Message.shellKeyTypeToNarrow.text(language, ["what": what.text(language)]) })
    }

    static func searchKeys(_ typing: Wording) -> [KeyBinding] {
        [
            KeyBinding([], .typeText, typing, label: Wording(.shellKeyLetters)),
            KeyBinding([.backspace, .delete], .deleteChar, .shellKeyDeleteChar, hint: .shellKeyDeleteHint),
            KeyBinding([.enter, .tab], .acceptSearch, .shellKeyKeepSearch, hint: .shellKeyKeepHint),
            KeyBinding([.escape], .clearSearch, .shellKeyClearSearch, hint: .shellKeyClearHint),
        ]
    }

    /// The bindings particular to `context`, in help order, as the screen that owns it declares them.
    public static func local(_ context: KeyContext) -> [KeyBinding] { Screens.bindings(context) }

    /// The language key: F2, after F1's help, and Ctrl-T for keyboards whose function keys need Fn. Neither
    /// is a character, so it works in every text field and form without typing; no screen binds either.
    public static let languageKeys: [Key] = [.function(2), .ctrl("t")]

    /// Keys that work on every screen (character keys only outside text fields).
    public static let global: [KeyBinding] = [
        KeyBinding((1...Screens.tabs.count).map { Key.char(Character(String($0))) }, .tab(0),
                   Wording { language in
                       Message.shellKeySwitchScreen.text(language, ["tabs": Tab.allCases.prefix(3).enumerated()
                           .map { "\($0 + 1) \($1.name(language))" }.joined(separator: ", ")])
                   },
                   keyLabel: "1–\(Screens.tabs.count)"),
        KeyBinding([.char("?"), .function(1)], .help, .shellKeyHelp, hint: .shellKeyHelpHint),
        KeyBinding(languageKeys, .switchLanguage, .shellKeyLanguage, hint: .languageSwitchHint),
        KeyBinding([.char("q")], .quit, .shellKeyQuit, hint: .shellKeyQuitHint),
        KeyBinding([.char(":")], .jump, .shellKeyJump, hint: .shellKeyJumpHint),
        KeyBinding([.ctrl("c")], .quit, .shellKeyQuitAnywhere),
        KeyBinding([.char("r")], .reload, .shellKeyReload),
        KeyBinding([.ctrl("l")], .repaint, .shellKeyRepaint),
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

    /// The key-hint bar for `context`, in `language`.
    public static func hints(for context: KeyContext, _ language: Language = .en) -> [(key: String, label: String)] {
        bindings(for: context).compactMap { b in b.hintText(language).map { (key: b.hintKey, label: $0) } }
    }
}
