/// One table cell's text, optionally styled on its own (e.g. an urgent date).
public struct TableCell: Equatable, Hashable, Sendable, ExpressibleByStringLiteral {
    public var text: String
    public var style: Style?

    public init(_ text: String, style: Style? = nil) {
        self.text = text
        self.style = style
    }

    public init(stringLiteral value: String) { self.init(value) }
}

public struct TableRow: Equatable, Hashable, Sendable, ExpressibleByArrayLiteral {
    public var cells: [TableCell]
    /// Applied under each cell's own style.
    public var style: Style?

    public init(_ cells: [TableCell], style: Style? = nil) {
        self.cells = cells
        self.style = style
    }

    public init(_ texts: [String], style: Style? = nil) {
        self.init(texts.map { TableCell($0) }, style: style)
    }

    public init(arrayLiteral elements: TableCell...) { self.init(elements) }
}

/// Rows on demand, so a 50,000-row caseload never has to be materialised:
/// the table asks only for the rows it is about to draw.
public protocol TableRowSource {
    var count: Int { get }
    func row(at index: Int) -> TableRow
}

/// Rows already in memory.
public struct ArrayRowSource: TableRowSource, Sendable {
    public var rows: [TableRow]
    public init(_ rows: [TableRow]) { self.rows = rows }
    public var count: Int { rows.count }
    public func row(at index: Int) -> TableRow { rows[index] }
}

/// Rows produced by a closure (e.g. formatting a record fetched by index).
public struct ClosureRowSource: TableRowSource {
    public let count: Int
    let make: (Int) -> TableRow
    public init(count: Int, row: @escaping (Int) -> TableRow) {
        self.count = max(0, count)
        self.make = row
    }
    public func row(at index: Int) -> TableRow { make(index) }
}
