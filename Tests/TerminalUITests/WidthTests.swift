import Testing
@testable import TerminalUI

@Suite struct WidthTests {
    @Test func softHyphenIsInvisible() {
        // "Llanfair" + U+00AD + "pwll": the soft hyphen is a format character and is dropped.
        #expect(displayWidth(of: "Llanfair\u{AD}pwll") == 12)
        #expect(displayWidth(of: "Llanfair­pwll") == 12)
    }

    @Test func welshDiacriticsAreOneColumn() {
        #expect(displayWidth(of: "Ŵyn") == 3)
        #expect(displayWidth(of: "W\u{302}yn") == 3)
        #expect(displayWidth(of: "y\u{302}") == 1)
        #expect(displayWidth(of: Character("y\u{302}")) == 1)
        for c in ["ŵ", "ŷ", "â", "ô", "ï", "ë", "w\u{302}", "o\u{302}", "i\u{308}"] {
            #expect(displayWidth(of: c) == 1, "\(c)")
        }
    }

    @Test func eastAsianAndEmojiAreTwoColumns() {
        #expect(displayWidth(of: "日本") == 4)
        #expect(displayWidth(of: "한국") == 4)
        #expect(displayWidth(of: "👍") == 2)
        #expect(displayWidth(of: "👍🏽") == 2)
        #expect(displayWidth(of: "❤️") == 2)          // text-default heart + VS16
        #expect(displayWidth(of: "❤") == 1)           // without VS16 it stays narrow
        #expect(displayWidth(of: "🏴󠁧󠁢󠁷󠁬󠁳󠁿") == 2)            // Welsh flag tag sequence
        #expect(displayWidth(of: "👨‍👩‍👧") == 2)          // ZWJ family is one glyph
    }

    @Test func controlsAreDroppedOrReplaced() {
        #expect(displayWidth(of: "a\u{7}b") == 2)
        #expect(displayWidth(of: "a\u{1B}b") == 2)
        #expect(displayWidth(of: "a\tb") == 3)
        var buffer = Buffer(area: Rect(width: 6, height: 1))
        let end = buffer.set(x: 0, y: 0, string: "a\u{1B}[b\tc")
        #expect(buffer.lines() == ["a[b c"])
        #expect(end == 5)
    }

    @Test func truncateAddsEllipsisOnlyWhenCut() {
        #expect(truncate("Caerdydd", toWidth: 8) == "Caerdydd")
        #expect(truncate("Caerdydd", toWidth: 5) == "Caer…")
        #expect(truncate("Ŵyn ap Rhys", toWidth: 4) == "Ŵyn…")
        #expect(truncate("日本語", toWidth: 4) == "日…")   // 日 + … = 3 columns; 日本 would not leave room
        #expect(truncate("abc", toWidth: 1) == "…")
        #expect(truncate("abc", toWidth: 0) == "")
        #expect(displayWidth(of: truncate("日本語テキスト", toWidth: 6)) <= 6)
    }
}
