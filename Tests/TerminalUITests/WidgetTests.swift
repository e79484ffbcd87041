import Testing
@testable import TerminalUI

@Suite struct WidgetTests {
    @Test func tabsNumberTitlesAndHighlightSelected() {
        var buffer = Buffer(area: Rect(width: 60, height: 1))
        Tabs(["Dashboard", "Children", "Vacancies"], selected: 1).render(in: buffer.area, buffer: &buffer)
        #expect(buffer.lines() == [" 1 Dashboard │ 2 Children │ 3 Vacancies"])
        #expect(buffer[1, 0].style.role == .normal)      // "1"
        #expect(buffer[15, 0].style.role == .selected)   // "2"
        #expect(buffer[15, 0].style.bold)
        #expect(lines(of: Tabs(["Dashboard", "Children"], selected: 0), width: 20, height: 1) == [" 1 Dashboard │ 2 Ch…"])
    }

    @Test func keyHintBarDropsWholeHintsWhenNarrow() {
        let bar = KeyHintBar([("q", "quit"), ("/", "search"), ("?", "help")])
        #expect(lines(of: bar, width: 40, height: 1) == ["q quit  / search  ? help"])
        #expect(lines(of: bar, width: 24, height: 1) == ["q quit  / search  ? help"])
        #expect(lines(of: bar, width: 23, height: 1) == ["q quit  / search  …"])
        #expect(lines(of: bar, width: 10, height: 1) == ["q quit  …"])
        #expect(lines(of: bar, width: 8, height: 1) == ["…"])
        var buffer = Buffer(area: Rect(width: 40, height: 1))
        bar.render(in: buffer.area, buffer: &buffer)
        #expect(buffer[0, 0].style.role == .accent)
        #expect(buffer[2, 0].style.role == .normal)
    }

    @Test func modalClearsItsAreaAndDrawsBorderedTitle() {
        var buffer = Buffer(area: Rect(width: 20, height: 7))
        for y in 0..<7 { buffer.set(x: 0, y: y, string: String(repeating: "x", count: 20)) }
        Modal(title: "Save?", width: 12, height: 5, content: TextBlock("Yes or no")).render(in: buffer.area, buffer: &buffer)
        #expect(buffer.lines() == [
            "xxxxxxxxxxxxxxxxxxxx",
            "xxxx┌ Save? ───┐xxxx",
            "xxxx│Yes or no │xxxx",
            "xxxx│          │xxxx",
            "xxxx│          │xxxx",
            "xxxx└──────────┘xxxx",
            "xxxxxxxxxxxxxxxxxxxx",
        ])
        #expect(buffer[4, 1].style.role == .accent)
        #expect(buffer[6, 1].style == .header)
    }

    @Test func modalOverWideGlyphsLeavesNoHalves() {
        var buffer = Buffer(area: Rect(width: 8, height: 3))
        for y in 0..<3 { buffer.set(x: 0, y: y, string: "日本日本") }
        Modal(title: "", width: 3, height: 3).render(in: buffer.area, buffer: &buffer)
        // The box covers columns 2…4, cutting the 日 at columns 4–5 in half.
        #expect(buffer.lines() == ["日┌─┐ 本", "日│ │ 本", "日└─┘ 本"])
    }

    @Test func blockWithoutBorderUsesTitleRow() {
        let block = Block(title: "Vacancies", bordered: false)
        #expect(block.inner(Rect(width: 10, height: 4)) == Rect(x: 0, y: 1, width: 10, height: 3))
        #expect(lines(of: block, width: 6, height: 1) == ["Vacan…"])
    }

    @Test func textBlockWrapsByDisplayWidth() {
        let text = TextBlock("Mae Ŵyn yn byw yng Nghaerdydd gyda'i nain")
        #expect(lines(of: text, width: 12, height: 5) == ["Mae Ŵyn yn", "byw yng", "Nghaerdydd", "gyda'i nain", ""])
        // Decomposed circumflex wraps identically.
        #expect(lines(of: TextBlock("Mae W\u{302}yn yn byw"), width: 10, height: 2) == ["Mae W\u{302}yn yn", "byw"])
        // Wide glyphs count two columns.
        #expect(lines(of: TextBlock("日本 日本 日本"), width: 9, height: 2) == ["日本 日本", "日本"])
        // Over-long words break; hard newlines break.
        #expect(lines(of: TextBlock("Llanfairpwllgwyngyll\nA"), width: 8, height: 4) == ["Llanfair", "pwllgwyn", "gyll", "A"])
    }

    @Test func textBlockKeepsSpanStylesAndScrolls() {
        let text = TextBlock(paragraphs: [[Span("Urgent:", style: .urgent), Span(" review placement")]])
        var buffer = Buffer(area: Rect(width: 10, height: 3))
        text.render(in: buffer.area, buffer: &buffer)
        #expect(buffer.lines() == ["Urgent:", "review", "placement"])
        #expect(buffer[0, 0].style == .urgent)
        #expect(buffer[0, 1].style == .normal)
        var scrolled = text
        scrolled.scroll = 2
        #expect(lines(of: scrolled, width: 10, height: 3) == ["placement", "", ""])
    }

    @Test func barGaugeUsesPartialBlocks() {
        #expect(BarGauge.bar(value: 0.5, width: 4) == "██  ")
        #expect(BarGauge.bar(value: 0.3, width: 4) == "█▎  ")     // 9.6/8 → 10 eighths
        #expect(BarGauge.bar(value: 0.5, width: 1) == "▌")
        #expect(BarGauge.bar(value: 1.0 / 16, width: 1) == "▏")   // half an eighth rounds up
        #expect(BarGauge.bar(value: 1, width: 3) == "███")
        #expect(BarGauge.bar(value: 0, width: 3) == "   ")
        #expect(BarGauge.bar(value: 7, width: 2) == "██")
        #expect(BarGauge.bar(value: -1, width: 2) == "  ")
        #expect(BarGauge.bar(value: .nan, width: 2) == "  ")
        #expect(lines(of: BarGauge(value: 0.55, label: "55%"), width: 10, height: 1) == ["███▎   55%"])
    }

    @Test func sparklineScalesToEightLevels() {
        #expect(Sparkline.line([0, 1, 2, 3, 4, 5, 6, 7, 8], width: 20) == " ▁▂▃▄▅▆▇█")
        #expect(Sparkline.line([0, 1, 2, 3, 4, 5, 6, 7, 8], width: 4) == "▅▆▇█")
        #expect(Sparkline.line([0.01, 100], width: 4) == "▁█")
        #expect(Sparkline.line([5, 5], max: 10, width: 4) == "▄▄")
        #expect(lines(of: Sparkline([1, 2]), width: 5, height: 1) == ["▄█"])
    }

    @Test func statusBarPlacesSegments() {
        let bar = StatusBar(left: "Placefinder", centre: "3 urgent", right: "12:05")
        #expect(lines(of: bar, width: 30, height: 1) == ["Placefinder 3 urgent     12:05"])
        #expect(lines(of: bar, width: 40, height: 1) == [pad("Placefinder", to: 16) + pad("3 urgent", to: 19) + "12:05"])
        // Narrow: right wins, left truncates, centre dropped.
        #expect(lines(of: bar, width: 12, height: 1) == ["Place… 12:05"])
    }

    @Test func formFieldShowsValueCursorAndError() {
        let field = FormField(label: "Surname", value: "Ŵyn", cursor: 3, error: "Required", focused: true)
        var buffer = Buffer(area: Rect(width: 30, height: 2))
        field.render(in: buffer.area, buffer: &buffer)
        #expect(buffer.lines() == ["Surname  Ŵyn", "         Required"])
        #expect(field.cursorPosition(in: buffer.area)! == (12, 0))
        #expect(buffer[12, 0].style.reverse)
        #expect(buffer[11, 0].style.reverse == false)
        #expect(buffer[20, 0].style.underline)
        #expect(buffer[0, 0].style.role == .accent)
        #expect(buffer[9, 1].style == .urgent)
        #expect(field.height == 2)

        let unfocused = FormField(label: "Surname", value: "Ŵyn", cursor: 3)
        #expect(unfocused.cursorPosition(in: buffer.area) == nil)
        #expect(lines(of: unfocused, width: 30, height: 2) == ["Surname  Ŵyn", ""])
    }

    @Test func formFieldScrollsToKeepCursorVisible() {
        let field = FormField(label: "Ab", value: "abcdefghij", cursor: 10, focused: true, labelWidth: 2)
        #expect(lines(of: field, width: 9, height: 1) == ["Ab  ghij"])
        #expect(field.cursorPosition(in: Rect(width: 9, height: 1))! == (8, 0))
        let atStart = FormField(label: "Ab", value: "abcdefghij", cursor: 0, focused: true, labelWidth: 2)
        #expect(lines(of: atStart, width: 9, height: 1) == ["Ab  abcde"])
    }
}
