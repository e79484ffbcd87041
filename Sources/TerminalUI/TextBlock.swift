/// Wrapped prose: paragraphs of styled spans, word-wrapped by display width
/// (so Welsh diacritics count one column and CJK two). Runs of spaces between
/// words collapse to one at wrap time; "\n" inside a span forces a break; a
/// word longer than the width is broken at grapheme boundaries.
public struct TextBlock: Widget {
    public var paragraphs: [[Span]]
    public var block: Block?
    /// Wrapped lines skipped from the top, for scrolling long text.
    public var scroll: Int

    public init(paragraphs: [[Span]], block: Block? = nil, scroll: Int = 0) {
        self.paragraphs = paragraphs
        self.block = block
        self.scroll = scroll
    }

    /// Plain text in one style; each "\n" starts a new paragraph.
    public init(_ text: String, style: Style = .normal, block: Block? = nil) {
        self.init(paragraphs: [[Span(text, style: style)]], block: block)
    }

    public func render(in area: Rect, buffer: inout Buffer) {
        var inner = area
        if let block {
            block.render(in: area, buffer: &buffer)
            inner = block.inner(area)
        }
        guard !inner.isEmpty else { return }
        let lines = TextBlock.wrap(paragraphs, width: inner.width)
        for (row, line) in lines.dropFirst(max(0, scroll)).prefix(inner.height).enumerated() {
            buffer.set(x: inner.x, y: inner.y + row, spans: line, maxWidth: inner.width)
        }
    }

    /// The wrapped lines, each a list of spans no wider than `width`.
    public static func wrap(_ paragraphs: [[Span]], width: Int) -> [[Span]] {
        guard width > 0 else { return [] }
        var out: [[Span]] = []
        for paragraph in paragraphs {
            for hardLine in splitHardBreaks(paragraph) {
                out += wrapLine(hardLine, width: width)
            }
        }
        return out
    }

    private typealias Glyph = (char: Character, style: Style, width: Int)

    private static func splitHardBreaks(_ spans: [Span]) -> [[Glyph]] {
        var lines: [[Glyph]] = [[]]
        for span in spans {
            for c in span.text {
                if c == "\n" || c == "\r\n" { lines.append([]); continue }
                guard let g = renderable(c) else { continue }
                lines[lines.count - 1].append((g, span.style, displayWidth(of: g)))
            }
        }
        return lines
    }

    private static func wrapLine(_ glyphs: [Glyph], width: Int) -> [[Span]] {
        // Words are maximal runs of non-space glyphs; the separator keeps the
        // style of the first space so underlined gaps stay underlined.
        var words: [(glyphs: [Glyph], gapStyle: Style)] = []
        var current: [Glyph] = []
        var gapBefore = Style.normal
        for g in glyphs {
            if g.char == " " {
                if !current.isEmpty { words.append((current, gapBefore)); current = []; gapBefore = g.style }
            } else {
                current.append(g)
            }
        }
        if !current.isEmpty { words.append((current, gapBefore)) }
        guard !words.isEmpty else { return [[]] }

        var lines: [[Glyph]] = []
        var line: [Glyph] = []
        var used = 0
        for (word, gap) in words {
            let w = word.reduce(0) { $0 + $1.width }
            if !line.isEmpty, used + 1 + w <= width {
                line.append((" ", gap, 1))
                line += word
                used += 1 + w
                continue
            }
            if !line.isEmpty { lines.append(line); line = []; used = 0 }
            if w <= width { line = word; used = w; continue }
            // Too long for any line: hard-break it.
            for g in word {
                if used + g.width > width { lines.append(line); line = []; used = 0 }
                line.append(g)
                used += g.width
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines.map(spans(from:))
    }

    private static func spans(from glyphs: [Glyph]) -> [Span] {
        var result: [Span] = []
        for g in glyphs {
            if let last = result.last, last.style == g.style {
                result[result.count - 1].text.append(g.char)
            } else {
                result.append(Span(String(g.char), style: g.style))
            }
        }
        return result
    }
}
