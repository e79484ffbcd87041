import Testing
@testable import TerminalUI

/// Records which rows the table asked for, to prove virtual scrolling.
final class RecordingSource: TableRowSource {
    let count: Int
    private(set) var requested: [Int] = []
    init(count: Int) { self.count = count }
    func row(at index: Int) -> TableRow {
        requested.append(index)
        return TableRow(["Child \(index)", "\(index % 18)"])
    }
}

@Suite struct TableTests {
    let columns = [
        Column("Name", width: .fill(1)),
        Column("Age", width: .fixed(3), alignment: .right),
        Column("Authority", width: .percentage(25)),
        Column("Score", width: .fixed(5), alignment: .right),
    ]

    @Test func rendersHeaderAndAlignedRowsAt80Columns() {
        let table = Table(columns: columns, rows: [
            TableRow(["Ŵyn Jones", "9", "Gwynedd", "0.82"]),
            TableRow([TableCell("Siân ap Rhys"), "15", TableCell("Rhondda Cynon Taf, a very long name"), TableCell("1.00", style: .good)], style: .urgent),
        ])
        // 80 − 3 gaps = 77: Age 3, Score 5, Authority 25% = 19, Name fills 50.
        #expect(table.columnWidths(for: 80) == [50, 3, 19, 5])
        var buffer = Buffer(area: Rect(width: 80, height: 4))
        var state = TableState()
        table.render(in: buffer.area, buffer: &buffer, state: &state)
        let out = buffer.lines()
        #expect(out[0] == pad("Name", to: 51) + "Age " + pad("Authority", to: 20) + "Score")
        #expect(out[1] == pad("Ŵyn Jones", to: 51) + "  9 " + pad("Gwynedd", to: 20) + " 0.82")
        #expect(out[2] == pad("Siân ap Rhys", to: 51) + " 15 " + "Rhondda Cynon Taf,… " + " 1.00")
        #expect(out[3] == "")
        #expect(out.allSatisfy { displayWidth(of: $0) <= 80 })
        // Header style across the row; row style under a cell style.
        #expect(buffer[0, 0].style == .header)
        #expect(buffer[0, 2].style.role == .urgent)
        #expect(buffer[76, 2].style.role == .good)
        #expect(buffer[60, 2].style.role == .urgent)
    }

    @Test func selectionIsHighlightedAndKeptVisible() {
        let table = Table(columns: [Column("N")], rowCount: 100) { TableRow(["row \($0)"]) }
        var buffer = Buffer(area: Rect(width: 20, height: 6))   // header + 5 rows
        var state = TableState(selected: 0)
        state.moveSelection(by: 7, rowCount: 100)
        table.render(in: buffer.area, buffer: &buffer, state: &state)
        #expect(state.selected == 7 && state.offset == 3)
        #expect(buffer.lines() == ["N", "row 3", "row 4", "row 5", "row 6", "row 7"])
        #expect(buffer[0, 5].style.role == .selected)
        #expect(buffer[19, 5].style.role == .selected)   // whole row, not just text
        #expect(buffer[0, 4].style.role == .normal)

        // Moving up above the window scrolls back just enough.
        state.moveSelection(by: -5, rowCount: 100)
        buffer.reset()
        table.render(in: buffer.area, buffer: &buffer, state: &state)
        #expect(state.offset == 2)
        #expect(buffer.lines()[1] == "row 2")

        state.last(rowCount: 100)
        buffer.reset()
        table.render(in: buffer.area, buffer: &buffer, state: &state)
        #expect(state.offset == 95)
        #expect(buffer.lines().last == "row 99")

        state.first(rowCount: 100)
        #expect(state.selected == 0 && state.offset == 0)
    }

    @Test func pagingMovesByAScreenful() {
        var state = TableState(selected: 0)
        state.page(.down, visibleRows: 10, rowCount: 25)
        #expect(state.selected == 10 && state.offset == 10)
        state.page(.down, visibleRows: 10, rowCount: 25)
        #expect(state.selected == 20 && state.offset == 15)   // offset clamps at the end
        state.page(.down, visibleRows: 10, rowCount: 25)
        #expect(state.selected == 24 && state.offset == 15)
        state.page(.up, visibleRows: 10, rowCount: 25)
        #expect(state.selected == 14 && state.offset == 5)
        state.moveSelection(by: -100, rowCount: 25)
        #expect(state.selected == 0)
        state.moveSelection(by: 1, rowCount: 0)
        #expect(state.selected == nil)
    }

    @Test func fiftyThousandRowsTouchOnlyVisibleOnes() {
        let source = RecordingSource(count: 50_000)
        let table = Table(columns: [Column("Name"), Column("Age", width: .fixed(3), alignment: .right)], source: source)
        var buffer = Buffer(area: Rect(width: 40, height: 21))
        var state = TableState(selected: 25_000)
        table.render(in: buffer.area, buffer: &buffer, state: &state)
        #expect(source.requested.count == 20)
        #expect(source.requested == Array(24_981...25_000))
        #expect(buffer.lines().last == pad("Child 25000", to: 37) + " 16")

        state.last(rowCount: source.count)
        table.render(in: buffer.area, buffer: &buffer, state: &state)
        #expect(source.requested.count == 40)
        #expect(Array(source.requested.suffix(20)) == Array(49_980...49_999))
    }

    @Test func emptyTableShowsMessage() {
        var table = Table(columns: [Column("Name")], rows: [])
        table.emptyMessage = "No children match"
        var buffer = Buffer(area: Rect(width: 30, height: 3))
        var state = TableState(selected: 3)
        table.render(in: buffer.area, buffer: &buffer, state: &state)
        #expect(buffer.lines() == ["Name", "No children match", ""])
        #expect(state.selected == nil)
    }

    @Test func listViewScrollsLikeTable() {
        let list = ListView(items: (0..<10).map { "Item \($0)" })
        var buffer = Buffer(area: Rect(width: 10, height: 3))
        var state = ListState(selected: 5)
        list.render(in: buffer.area, buffer: &buffer, state: &state)
        #expect(buffer.lines() == ["Item 3", "Item 4", "Item 5"])
        #expect(buffer[9, 2].style.role == .selected)
    }
}
