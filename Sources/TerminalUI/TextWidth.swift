// Display width in terminal columns, decided per grapheme cluster (Character),
// not per scalar: "y" + U+0302 is one column just like precomposed "ŷ".

/// The character actually written to a cell: whitespace controls become a space
/// so layout doesn't shift; other control and invisible format characters
/// (soft hyphen, bidi marks, stray ZWJ) are dropped because terminals disagree
/// on how wide they are. Returns nil when the character is dropped.
public func renderable(_ c: Character) -> Character? {
    guard let first = c.unicodeScalars.first else { return nil }
    if c == "\t" || c == "\n" || c == "\r" || c == "\r\n" { return " " }
    switch first.properties.generalCategory {
    case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned:
        // A format character that *starts* a visible cluster (rare) still drops,
        // keeping the rule simple and the width predictable.
        return nil
    case .nonspacingMark, .enclosingMark:
        // A combining mark with no base (start of string): nothing to attach to.
        return nil
    default:
        return c
    }
}

/// Columns a character occupies once rendered: 0 (dropped), 1 or 2.
public func displayWidth(of c: Character) -> Int {
    guard let r = renderable(c), let first = r.unicodeScalars.first else { return 0 }
    let scalars = r.unicodeScalars
    // Emoji shown as pictures are wide: default-emoji scalars, or a text-default
    // emoji forced to picture form with VS16 (U+FE0F), incl. keycaps and flags.
    if first.properties.isEmojiPresentation { return 2 }
    if first.properties.isEmoji, scalars.contains(where: { $0.value == 0xFE0F }) { return 2 }
    if isEastAsianWide(first.value) { return 2 }
    return 1
}

/// Columns a string occupies once rendered.
public func displayWidth(of s: String) -> Int {
    // Printable ASCII is one column a byte: most of what a screen draws, without Unicode property lookups.
    if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s.utf8.count }
    var total = 0
    for c in s { total += displayWidth(of: c) }
    return total
}

/// Cuts `s` to at most `width` columns, ending in "…" when anything was cut.
/// Never splits a wide glyph, so the result may be one column short.
public func truncate(_ s: String, toWidth width: Int) -> String {
    guard width > 0 else { return "" }
    if displayWidth(of: s) <= width { return s }
    var out = ""
    var used = 0
    for c in s {
        let w = displayWidth(of: c)
        if used + w > width - 1 { break }
        out.append(c)
        used += w
    }
    return out + "…"
}

/// East Asian Wide/Fullwidth blocks (Unicode EAW W/F), coarse by block: enough
/// for CJK, kana, Hangul and fullwidth forms, which is what names and addresses
/// actually contain.
private let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F,   // Hangul Jamo initial consonants
    0x2329...0x232A,   // angle brackets
    0x2E80...0x303E,   // CJK radicals, Kangxi, CJK symbols & punctuation
    0x3041...0x33FF,   // kana, Bopomofo, Hangul compat Jamo, enclosed CJK
    0x3400...0x4DBF,   // CJK extension A
    0x4E00...0x9FFF,   // CJK unified ideographs
    0xA000...0xA4CF,   // Yi
    0xA960...0xA97F,   // Hangul Jamo extended A
    0xAC00...0xD7A3,   // Hangul syllables
    0xF900...0xFAFF,   // CJK compatibility ideographs
    0xFE10...0xFE19,   // vertical forms
    0xFE30...0xFE6F,   // CJK compatibility forms, small forms
    0xFF00...0xFF60,   // fullwidth forms
    0xFFE0...0xFFE6,   // fullwidth signs
    0x16FE0...0x16FE4, // ideographic symbols
    0x17000...0x18CFF, // Tangut
    0x1B000...0x1B2FF, // kana supplement/extended, Nushu
    0x1F200...0x1F2FF, // enclosed ideographic supplement
    0x20000...0x2FFFD, // CJK extensions B–F
    0x30000...0x3FFFD, // CJK extension G+
]

private func isEastAsianWide(_ v: UInt32) -> Bool {
    if v < 0x1100 { return false }
    for r in wideRanges where r.contains(v) { return true }
    return false
}
