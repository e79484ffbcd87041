/// Small-number suppression for what a commissioner reads (issue 12), after the Welsh Government's practice
/// for its children looked after statistics (docs/reports.md, "Small numbers"): a figure resting on fewer than
/// five children is not shown (`*`), and where a hidden figure could be worked out by subtraction from a total
/// that is shown, the next smallest figure in the same line is hidden too.
///
/// Pure: the table is the number of children behind each cell. Every row's and every column's total is taken
/// as shown (other tables, shares and the panel's totals give most of them away), so the rule is that no row
/// or column may hold exactly one hidden cell.
public enum SmallNumbers {
    /// Fewer children than this behind a figure and it is hidden.
    public static let threshold = 5
    /// What a hidden figure is shown as.
    public static let marker = "*"

    /// Which cells to hide: `children[row][column]` is how many children a cell's figure rests on (rows of
    /// unequal length are read as missing cells, never hidden).
    /// A table whose figures do not add up along its rows and columns (calls, calls per child) gets the first
    /// step alone (`additive: false`).
    public static func suppressed(_ children: [[Int]], additive: Bool = true) -> [[Bool]] {
        var hidden = children.map { $0.map { $0 > 0 && $0 < threshold } }
        guard additive, hidden.contains(where: { $0.contains(true) }) else { return hidden }
        let lines = lines(children)
        var changed = true
        while changed {
            changed = false
            for line in lines where line.filter({ hidden[$0.row][$0.column] }).count == 1 {
                // The smallest other figure in the line that shows something; a zero only when there is none.
                let open = line.filter { !hidden[$0.row][$0.column] }
                let pick = open.filter { children[$0.row][$0.column] > 0 }.min { children[$0.row][$0.column] < children[$1.row][$1.column] }
                    ?? open.first
                guard let pick else { continue }
                hidden[pick.row][pick.column] = true
                changed = true
            }
        }
        return hidden
    }

    /// The lines whose totals are taken as shown: each row of two or more cells, each column of two or more.
    static func lines(_ table: [[Int]]) -> [[(row: Int, column: Int)]] {
        var out: [[(row: Int, column: Int)]] = []
        for r in table.indices where table[r].count >= 2 { out.append(table[r].indices.map { (r, $0) }) }
        let width = table.map(\.count).max() ?? 0
        for c in 0..<width {
            let column = table.indices.filter { c < table[$0].count }.map { (row: $0, column: c) }
            if column.count >= 2 { out.append(column) }
        }
        return out
    }

    /// The table with hidden figures zeroed and marked, and its shares dropped when any figure is hidden
    /// (a share and a shown figure give the total back). `children` as for `suppressed(_:)`, row by row.
    public static func apply(_ table: ReportTable, children: [[Int]], additive: Bool = true) -> ReportTable {
        let hidden = suppressed(children, additive: additive)
        guard hidden.contains(where: { $0.contains(true) }) else { return table }
        var out = table
        for r in out.rows.indices {
            let columns = r < hidden.count ? hidden[r].indices.filter { hidden[r][$0] && $0 < out.rows[r].values.count } : []
            for c in columns { out.rows[r].values[c] = 0 }
            out.rows[r].suppressed = columns.isEmpty ? nil : columns
            out.rows[r].share = nil
        }
        return out
    }
}

extension ReportRow {
    /// The figure in `column` as the report writes it: `*` when hidden as a small number.
    public func figure(_ column: Int) -> String {
        if suppressed?.contains(column) == true { return SmallNumbers.marker }
        return column < values.count ? ReportNumber.text(values[column]) : ""
    }
}
