import PropertyBased
import Testing
@testable import PlacementCore

/// Small-number suppression (what a commissioner sees): figures on fewer than 5 children are hidden, and
/// no hidden figure can be worked back from the row and column totals by subtraction, however many steps.
@Suite struct SmallNumbersTests {
    /// A table of children per cell, small counts common (0-9 half the time, else up to 60).
    static func table(rows: Int, columns: Int, seed: Int) -> [[Int]] {
        var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: seed))
        return (0..<rows).map { _ in
            (0..<columns).map { _ in rng.int(2) == 0 ? rng.int(10) : rng.int(61) }
        }
    }

    /// What someone holding the shown figures and every row's and column's total can recover: any line with
    /// one unknown gives it up, which may leave another line with one unknown, and so on.
    static func recovered(_ table: [[Int]], hidden: [[Bool]]) -> Set<[Int]> {
        var known = hidden.map { $0.map { !$0 } }
        var found: Set<[Int]> = []
        var changed = true
        while changed {
            changed = false
            for line in SmallNumbers.lines(table) {
                let unknown = line.filter { !known[$0.row][$0.column] }
                guard unknown.count == 1, let cell = unknown.first else { continue }
                known[cell.row][cell.column] = true
                found.insert([cell.row, cell.column])
                changed = true
            }
        }
        return found
    }

    @Test func noHiddenFigureCanBeWorkedOutFromTheTotals() async {
        await propertyCheck(count: 300, input: Gen.int(in: 1...6), Gen.int(in: 1...5), Gen.int(in: 0...Int.max)) { rows, columns, seed in
            let table = Self.table(rows: rows, columns: columns, seed: seed)
            let hidden = SmallNumbers.suppressed(table)
            for r in table.indices {
                for c in table[r].indices where table[r][c] > 0 && table[r][c] < 5 {
                    #expect(hidden[r][c], "a figure on \(table[r][c]) children is shown in \(table)")
                }
            }
            #expect(Self.recovered(table, hidden: hidden).isEmpty, "\(table) hiding \(hidden)")
            // Nothing is hidden in a table with no small figure.
            if !table.joined().contains(where: { $0 > 0 && $0 < 5 }) { #expect(!hidden.joined().contains(true)) }
        }
    }

    @Test func aHiddenTableShowsNoHiddenValueAnywhere() async {
        await propertyCheck(count: 200, input: Gen.int(in: 1...6), Gen.int(in: 1...4), Gen.int(in: 0...Int.max)) { rows, columns, seed in
            let children = Self.table(rows: rows, columns: columns, seed: seed)
            var table = ReportTable(title: "t", columns: (0..<columns).map { "c\($0)" },
                                    rows: children.enumerated().map { ReportRow(label: "r\($0.offset)", values: $0.element.map(Double.init)) })
            table.showsShares = columns == 1
            table.reshare()
            let shown = SmallNumbers.apply(table, children: children)
            let hidden = SmallNumbers.suppressed(children)
            for (r, row) in shown.rows.enumerated() {
                for c in row.values.indices {
                    if hidden[r][c] {
                        #expect(row.values[c] == 0 && row.figure(c) == SmallNumbers.marker)
                    } else {
                        #expect(row.values[c] == Double(children[r][c]) && row.figure(c) != SmallNumbers.marker)
                    }
                }
            }
            // A share and a shown figure would give the total back: a table with anything hidden has none.
            if hidden.joined().contains(true) { #expect(shown.rows.allSatisfy { $0.share == nil }) } else { #expect(shown == table) }
            // Nor does the text or the CSV carry a hidden figure.
            let csv = ReportExport.csvRows(ReportSet(area: .wales, areaLabel: "Wales", period: ReportPeriod(.today, today: Day(year: 2026, month: 11, day: 30)!),
                                                     panels: [ReportPanel(kind: .stability, tables: [shown])]))
            #expect(csv.filter { $0[4] == SmallNumbers.marker }.count == hidden.joined().filter { $0 }.count)
        }
    }

    @Test func theNextSmallestFigureInTheLineIsHiddenBesideASmallOne() {
        // 3 is small; the column's total is shown, so the next smallest (7) goes too; 40 stays.
        #expect(SmallNumbers.suppressed([[3], [40], [7]]) == [[true], [false], [true]])
        // Across a grid the second hiding can force a third and fourth (row and column of the 6).
        let grid = [[2, 30, 6], [20, 25, 40], [9, 50, 45]]
        let hidden = SmallNumbers.suppressed(grid)
        #expect(hidden[0][0] && hidden[0][2])
        #expect(Self.recovered(grid, hidden: hidden).isEmpty)
        // A lone small figure with only a zero beside it hides the zero: otherwise the total is the figure.
        #expect(SmallNumbers.suppressed([[0], [4]]) == [[true], [true]])
        // Figures that do not add up are hidden alone.
        #expect(SmallNumbers.suppressed([[3], [40], [7]], additive: false) == [[true], [false], [false]])
        // Zero children is not a small number: it is shown.
        #expect(SmallNumbers.suppressed([[0, 12], [6, 9]]) == [[false, false], [false, false]])
    }
}
