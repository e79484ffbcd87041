import Testing
@testable import TerminalUI

@Suite struct BufferTests {
    @Test func setClipsAtEdgeAndMaxWidth() {
        var buffer = Buffer(area: Rect(width: 5, height: 2))
        #expect(buffer.set(x: 0, y: 0, string: "abcdefg") == 5)
        #expect(buffer.set(x: 1, y: 1, string: "hello", maxWidth: 3) == 4)
        #expect(buffer.set(x: 0, y: 5, string: "off") == 0)
        #expect(buffer.lines() == ["abcde", " hel"])
    }

    @Test func setWritesStyleAndWideContinuation() {
        var buffer = Buffer(area: Rect(width: 6, height: 1))
        #expect(buffer.set(x: 0, y: 0, string: "日ŷ", style: .urgent) == 3)
        #expect(buffer[0, 0] == Cell(symbol: "日", style: .urgent))
        #expect(buffer[1, 0].isContinuation)
        #expect(buffer[2, 0].symbol == "ŷ")
        #expect(buffer[3, 0] == .blank)
        #expect(buffer.lines() == ["日ŷ"])
    }

    @Test func wideGlyphStraddlingEdgeBecomesSpace() {
        var buffer = Buffer(area: Rect(width: 4, height: 2))
        #expect(buffer.set(x: 0, y: 0, string: "xxxx") == 4)
        #expect(buffer.set(x: 0, y: 0, string: "abc日") == 4)
        #expect(buffer[3, 0].symbol == " ")
        #expect(buffer.lines()[0] == "abc")
        // Same through maxWidth, mid-buffer.
        buffer.set(x: 0, y: 1, string: "zzzz")
        #expect(buffer.set(x: 0, y: 1, string: "a日", maxWidth: 2) == 2)
        #expect(buffer.lines()[1] == "a zz")
    }

    @Test func overwritingHalfAWideGlyphBlanksTheOtherHalf() {
        var buffer = Buffer(area: Rect(width: 6, height: 1))
        buffer.set(x: 0, y: 0, string: "日本")
        buffer.set(x: 1, y: 0, string: "x")
        #expect(buffer.lines() == [" x本"])
        buffer.set(x: 2, y: 0, string: "y")
        #expect(buffer.lines() == [" xy"])
        #expect(buffer[3, 0].symbol == " ")
    }

    @Test func diffListsOnlyChangedCells() {
        var before = Buffer(area: Rect(width: 10, height: 3))
        before.set(x: 0, y: 0, string: "Placefinder")
        var after = before
        after.set(x: 2, y: 1, string: "ab")
        after.setStyle(Rect(x: 0, y: 0, width: 1, height: 1), .header)
        after.set(x: 5, y: 2, string: "日")
        let changes = after.diff(from: before)
        #expect(changes.map { "\($0.x),\($0.y),\($0.cell.symbol)" } == ["0,0,P", "2,1,a", "3,1,b", "5,2,日"])
        #expect(changes[0].cell.style == .header)
        #expect(after.diff(from: after).isEmpty)
        // Different size: everything is repainted.
        let other = Buffer(area: Rect(width: 4, height: 1))
        #expect(Buffer(area: Rect(width: 3, height: 1)).diff(from: other).count == 3)
    }

    @Test func fillAndSetStyleAreClipped() {
        var buffer = Buffer(area: Rect(width: 4, height: 2))
        buffer.fill(Rect(x: 2, y: 1, width: 10, height: 10), with: Cell(symbol: "#"))
        buffer.setStyle(Rect(x: -3, y: 0, width: 4, height: 1), .muted)
        #expect(buffer.lines() == ["", "  ##"])
        #expect(buffer[0, 0].style == .muted)
        #expect(buffer[1, 0].style == .normal)
    }

    @Test func buffersCanSitAtAnOffset() {
        var buffer = Buffer(area: Rect(x: 10, y: 5, width: 3, height: 1))
        #expect(buffer.set(x: 9, y: 5, string: "日ab") == 13)
        #expect(buffer.lines() == [" ab"])
    }
}
