import PropertyBased
import Testing
import TerminalUI
@testable import NcursesTerminal

/// The bytes each terminal family really sends, decoded as one burst (what ncurses hands back after
/// an Esc it could not match). Every sequence is one key or nothing: never Esc plus characters.
@Suite struct EscapeDecoderTests {
    static func decode(_ s: String, table: EscapeTable = .common) -> [TerminalEvent] {
        EscapeDecoder.decodeStream(s.unicodeScalars.map(\.value), table: table)
    }

    static func expectKeys(_ cases: [(String, Key)], _ family: String) {
        for (bytes, key) in cases {
            #expect(decode(bytes) == [.key(key)], "\(family): \(bytes.debugDescription)")
        }
    }

    @Test func xterm() {
        Self.expectKeys([
            ("\u{1B}[A", .up), ("\u{1B}[B", .down), ("\u{1B}[C", .right), ("\u{1B}[D", .left),
            ("\u{1B}OA", .up), ("\u{1B}OD", .left), ("\u{1B}[H", .home), ("\u{1B}[F", .end), ("\u{1B}OH", .home), ("\u{1B}OF", .end),
            ("\u{1B}OP", .function(1)), ("\u{1B}OS", .function(4)), ("\u{1B}[15~", .function(5)), ("\u{1B}[24~", .function(12)),
            ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}[3~", .delete), ("\u{1B}[Z", .backTab),
            // Modifiers are ignored: Ctrl-Up, Shift-End, Ctrl-Delete, Shift-F1, Alt-PgDn.
            ("\u{1B}[1;5A", .up), ("\u{1B}[1;2F", .end), ("\u{1B}[3;5~", .delete), ("\u{1B}[1;2P", .function(1)), ("\u{1B}[6;3~", .pageDown),
            ("\u{1B}O5A", .up), ("\u{1B}OM", .enter),
        ], "xterm")
    }

    @Test func tmuxAndScreen() {
        Self.expectKeys([
            ("\u{1B}[1~", .home), ("\u{1B}[4~", .end), ("\u{1B}OA", .up), ("\u{1B}[3~", .delete),
            ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown), ("\u{1B}OP", .function(1)), ("\u{1B}[Z", .backTab),
        ], "tmux/screen")
    }

    @Test func putty() {
        Self.expectKeys([
            ("\u{1B}[1~", .home), ("\u{1B}[4~", .end), ("\u{1B}[11~", .function(1)), ("\u{1B}[12~", .function(2)),
            ("\u{1B}[14~", .function(4)), ("\u{1B}[17~", .function(6)), ("\u{1B}[5~", .pageUp), ("\u{1B}[6~", .pageDown),
            ("\u{1B}[A", .up), ("\u{1B}OA", .up),
            // Numeric keypad in application mode: digits still type (an age on the keypad).
            ("\u{1B}Oq", .char("1")), ("\u{1B}Ot", .char("4")), ("\u{1B}Op", .char("0")),
        ], "PuTTY")
        #expect(Self.decode("\u{1B}[2~").isEmpty, "Insert has no meaning here: dropped")
    }

    @Test func rxvt() {
        Self.expectKeys([
            ("\u{1B}[7~", .home), ("\u{1B}[8~", .end), ("\u{1B}[11~", .function(1)), ("\u{1B}[a", .up), ("\u{1B}[d", .left),
            ("\u{1B}Oa", .up), ("\u{1B}[7$", .home), ("\u{1B}[8^", .end), ("\u{1B}[3$", .delete), ("\u{1B}[7@", .home),
        ], "rxvt")
    }

    @Test func linuxConsole() {
        Self.expectKeys([
            ("\u{1B}[[A", .function(1)), ("\u{1B}[[B", .function(2)), ("\u{1B}[[E", .function(5)),
            ("\u{1B}[1~", .home), ("\u{1B}[4~", .end), ("\u{1B}[3~", .delete), ("\u{1B}[17~", .function(6)),
        ], "Linux console")
        #expect(Self.decode("\u{1B}[G").isEmpty, "keypad 5: dropped")
        #expect(Self.decode("\u{1B}[[Z").isEmpty)
    }

    /// The issue's cases: End on a vacancy page, F1 in a form, keys typed straight after.
    @Test func sequencesThenTyping() {
        #expect(Self.decode("\u{1B}[4~x") == [.key(.end), .key(.char("x"))])
        #expect(Self.decode("ab\u{1B}[11~cd") == [.key(.char("a")), .key(.char("b")), .key(.function(1)), .key(.char("c")), .key(.char("d"))])
        #expect(Self.decode("\u{1B}[A\u{1B}[B\u{1B}[1~") == [.key(.up), .key(.down), .key(.home)])
    }

    @Test func unknownSequencesAreDroppedWhole() {
        for unknown in ["\u{1B}[99~", "\u{1B}[?1;2c", "\u{1B}[200~", "\u{1B}[1;5X", "\u{1B}OZ", "\u{1B}[I", "\u{1B}[O", "\u{1B}[38;5;1m"] {
            #expect(Self.decode(unknown).isEmpty, "\(unknown.debugDescription)")
            #expect(Self.decode(unknown + "4") == [.key(.char("4"))], "only what follows the sequence types")
        }
        // Cut short by a timeout: still nothing.
        #expect(Self.decode("\u{1B}[1").isEmpty)
        #expect(Self.decode("\u{1B}[1;5").isEmpty)
        #expect(Self.decode("\u{1B}O").isEmpty)
        // Broken by a control key: the partial sequence goes, the key stays.
        #expect(Self.decode("\u{1B}[1\r") == [.key(.enter)])
        // A run of parameters longer than any real sequence is garbage, dropped, not replayed.
        let long = "\u{1B}[" + String(repeating: "1;", count: 40) + "~"
        #expect(Self.decode(long).allSatisfy { !Self.typesOrCancels($0) })
    }

    @Test func escapeAltAndTiming() {
        #expect(Self.decode("\u{1B}") == [.key(.escape)], "Esc alone (the wait timed out) is Esc")
        #expect(Self.decode("\u{1B}\u{1B}") == [.key(.escape), .key(.escape)])
        #expect(Self.decode("\u{1B}\u{1B}[A") == [.key(.escape), .key(.up)], "Esc, then an arrow")
        // Esc typed just before a key arrives glued to it under tmux (as Alt+key would): both keys act.
        #expect(Self.decode("\u{1B}4") == [.key(.escape), .key(.char("4"))])
        #expect(Self.decode("\u{1B}x\u{1B}[4~") == [.key(.escape), .key(.char("x")), .key(.end)])
        #expect(Self.decode("\u{1B}\r") == [.key(.escape), .key(.enter)])
        // Mid-sequence the decoder asks for more rather than guessing.
        let partial: [UInt32] = [0x1B, 0x5B, 0x31]
        #expect(EscapeDecoder.decode(partial, atEnd: false) == .incomplete)
        #expect(EscapeDecoder.decode([0x1B], atEnd: false) == .incomplete)
        #expect(EscapeDecoder.decode(partial + [0x7E, 0x61], atEnd: false) == .complete(events: [.key(.home)], consumed: 4))
    }

    @Test func mouseReports() {
        // X10: ESC [ M, then button, column, row, each + 32 (columns and rows from 1).
        #expect(Self.decode("\u{1B}[M !!") == [.mouse(x: 0, y: 0, kind: .click)])
        #expect(Self.decode("\u{1B}[M *%") == [.mouse(x: 9, y: 4, kind: .click)])
        #expect(Self.decode("\u{1B}[M`!!") == [.mouse(x: 0, y: 0, kind: .wheelUp)])
        #expect(Self.decode("\u{1B}[Ma!!") == [.mouse(x: 0, y: 0, kind: .wheelDown)])
        #expect(Self.decode("\u{1B}[M#!!").isEmpty, "a release")
        // SGR (1006): ESC [ < button ; column ; row M (press) or m (release).
        #expect(Self.decode("\u{1B}[<0;10;5M") == [.mouse(x: 9, y: 4, kind: .click)])
        #expect(Self.decode("\u{1B}[<0;10;5m").isEmpty)
        #expect(Self.decode("\u{1B}[<64;3;2M") == [.mouse(x: 2, y: 1, kind: .wheelUp)])
        #expect(Self.decode("\u{1B}[<65;3;2M") == [.mouse(x: 2, y: 1, kind: .wheelDown)])
        #expect(Self.decode("\u{1B}[<32;3;2M").isEmpty, "a drag")
        #expect(Self.decode("\u{1B}[<2;3;2M").isEmpty, "the right button")
    }

    @Test func terminfoEntriesAreMergedIn() {
        var table = EscapeTable.common
        #expect(Self.decode("\u{1B}[98~", table: table).isEmpty)
        table.merge(terminfo: [("\u{1B}[98~", .home), ("\u{7F}", .backspace), ("\u{1B}", .escape)])
        #expect(Self.decode("\u{1B}[98~", table: table) == [.key(.home)])
        #expect(table.keys.count == EscapeTable.common.keys.count + 1, "only full escape sequences are merged")
    }

    /// Keys that would type, go back or cancel (Esc, Backspace, Enter, Tab, characters: digits switch screens).
    static func typesOrCancels(_ event: TerminalEvent) -> Bool {
        switch event {
        case .key(.char), .key(.escape), .key(.backspace), .key(.enter), .key(.tab), .key(.ctrl): return true
        default: return false
        }
    }

    /// Any well-formed CSI sequence (parameters, intermediates, a final byte), known or not, decodes to at
    /// most one key and never to a character, Esc, Backspace, Enter or Tab: so never to a tab switch or a
    /// back/cancel, whatever the screen.
    @Test func noCSISequenceTypesOrCancels() async {
        let params = Gen.uint32(in: 0x30...0x3F).array(of: 0...8)
        let intermediates = Gen.uint32(in: 0x20...0x2F).array(of: 0...2)
        let final = Gen.uint32(in: 0x40...0x7E)
        await propertyCheck(count: 20_000, input: params, intermediates, final) { p, i, f in
            let events = EscapeDecoder.decodeStream([0x1B, 0x5B] + p + i + [f])
            #expect(events.count <= 1 && !events.contains(where: Self.typesOrCancels), "\(p) \(i) \(f) → \(events)")
        }
    }

    /// Whatever bytes follow `ESC [`, the first decode consumes at least the `ESC [` and yields nothing
    /// that types or cancels; the rest is fresh input.
    @Test func anyBytesAfterCSIIntroducer() async {
        await propertyCheck(count: 20_000, input: Gen.uint32(in: 0...0x10FFFF).array(of: 0...12)) { tail in
            guard case .complete(let events, let consumed) = EscapeDecoder.decode([0x1B, 0x5B] + tail, atEnd: true) else {
                Issue.record("atEnd always completes"); return
            }
            #expect(consumed >= 2 && consumed <= tail.count + 2)
            #expect(!events.contains(where: Self.typesOrCancels), "\(tail) → \(events)")
        }
    }
}
