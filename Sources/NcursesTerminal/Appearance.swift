import TerminalUI

/// Terminal attributes in Swift terms, so role mapping is testable without
/// ncurses; `NcursesTerminal` converts them to `attr_t`.
public struct TextAttributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let bold = TextAttributes(rawValue: 1 << 0)
    public static let underline = TextAttributes(rawValue: 1 << 1)
    public static let reverse = TextAttributes(rawValue: 1 << 2)
    public static let dim = TextAttributes(rawValue: 1 << 3)
}

/// How a semantic `Style` looks on screen.
public enum Appearance {
    /// Attributes a role carries when colour is off (NO_COLOR or a monochrome
    /// terminal): meaning must survive without colour.
    public static func monochromeAttributes(for role: Style.Role) -> TextAttributes {
        switch role {
        case .normal, .good: return []
        case .header: return .bold
        case .selected: return .reverse
        case .urgent: return [.bold, .underline]
        case .warning: return .bold
        case .muted: return .dim
        case .accent: return .underline
        }
    }

    /// Attributes for a cell: the style's own flags, plus the role's
    /// monochrome attributes when colour is off.
    public static func attributes(for style: Style, color: Bool) -> TextAttributes {
        var attrs: TextAttributes = color ? [] : monochromeAttributes(for: style.role)
        if style.bold { attrs.insert(.bold) }
        if style.underline { attrs.insert(.underline) }
        if style.reverse { attrs.insert(.reverse) }
        return attrs
    }

    /// Colour-pair number for a role: 1… in `Style.Role.allCases` order.
    public static func pairNumber(for role: Style.Role) -> Int16 {
        Int16(Style.Role.allCases.firstIndex(of: role)! + 1)
    }

    /// Standard colour numbers (`COLOR_*`), -1 = terminal default.
    public enum Color: Int16, Sendable {
        case terminalDefault = -1, black = 0, red, green, yellow, blue, magenta, cyan, white
        case brightBlack = 8
    }

    /// Foreground/background for each role's pair. `colors` is the terminal's
    /// COLORS: grey (bright black) only exists with 16 or more.
    public static func colorPair(for role: Style.Role, colors: Int) -> (fg: Color, bg: Color) {
        switch role {
        case .normal: return (.terminalDefault, .terminalDefault)
        case .header: return (.cyan, .terminalDefault)
        case .selected: return (.black, .cyan)
        case .urgent: return (.red, .terminalDefault)
        case .warning: return (.yellow, .terminalDefault)
        case .muted: return (colors >= 16 ? .brightBlack : .terminalDefault, .terminalDefault)
        case .good: return (.green, .terminalDefault)
        case .accent: return (.magenta, .terminalDefault)
        }
    }
}
