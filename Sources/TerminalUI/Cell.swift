/// One terminal column. `symbol` is a single grapheme cluster; the column to the
/// right of a double-width glyph holds "" so that x coordinates stay equal to
/// terminal columns and the diff never writes half a glyph.
public struct Cell: Equatable, Hashable, Sendable {
    public var symbol: String
    public var style: Style

    public init(symbol: String = " ", style: Style = .normal) {
        self.symbol = symbol
        self.style = style
    }

    public static let blank = Cell()

    /// True for the trailing half of a wide glyph.
    public var isContinuation: Bool { symbol.isEmpty }
}
