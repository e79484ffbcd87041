/// A semantic style. Widgets say *what* a cell means (header, urgent, …), never
/// which colour it is: the ncurses layer maps roles to colour pairs, or to
/// bold/reverse/underline when NO_COLOR is set, so this library stays testable
/// and colour-blind-safe by construction.
public struct Style: Equatable, Hashable, Sendable {
    public enum Role: Equatable, Hashable, Sendable, CaseIterable {
        case normal, header, selected, urgent, warning, muted, good, accent
    }

    public var role: Role
    public var bold: Bool
    public var underline: Bool
    public var reverse: Bool

    public init(_ role: Role = .normal, bold: Bool = false, underline: Bool = false, reverse: Bool = false) {
        self.role = role
        self.bold = bold
        self.underline = underline
        self.reverse = reverse
    }

    public static let normal = Style()
    public static let header = Style(.header, bold: true)
    public static let selected = Style(.selected)
    public static let urgent = Style(.urgent, bold: true)
    public static let warning = Style(.warning)
    public static let muted = Style(.muted)
    public static let good = Style(.good)
    public static let accent = Style(.accent)

    /// Layers `other` on top of `self` (row style under cell style, selection over
    /// both): a non-normal role wins, attribute flags accumulate.
    public func patched(with other: Style) -> Style {
        Style(other.role == .normal ? role : other.role,
              bold: bold || other.bold,
              underline: underline || other.underline,
              reverse: reverse || other.reverse)
    }

    public func with(bold: Bool? = nil, underline: Bool? = nil, reverse: Bool? = nil) -> Style {
        Style(role, bold: bold ?? self.bold, underline: underline ?? self.underline, reverse: reverse ?? self.reverse)
    }
}
