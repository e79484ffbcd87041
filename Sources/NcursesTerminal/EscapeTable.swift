import TerminalUI

/// The escape sequences Placefinder understands, keyed by the bytes after ESC (`"[1~"` is Home).
/// ncurses decodes only what terminfo lists for `TERM`; a wrong TERM, tmux, or PuTTY's defaults send
/// other spellings of the same keys, so the common terminals' spellings are all here, and terminfo's
/// own (read at startup) are merged on top. Modifier parameters are stripped before lookup (see
/// `EscapeDecoder.normalised`), so `[1;5A` (Ctrl-Up) is found as `[A`.
public struct EscapeTable: Sendable, Equatable {
    public private(set) var keys: [String: Key]

    public init(_ keys: [String: Key]) { self.keys = keys }

    public subscript(body: String) -> Key? { keys[body] }

    /// Adds sequences terminfo gives for the current terminal (full sequences, starting with ESC).
    /// Anything else (`kbs` is often a single ^H or DEL) is not an escape sequence and is skipped.
    public mutating func merge(terminfo: [(sequence: String, key: Key)]) {
        for (sequence, key) in terminfo {
            guard sequence.count > 1, sequence.unicodeScalars.first == "\u{1B}" else { continue }
            keys[String(sequence.dropFirst())] = key
        }
    }

    /// xterm (and every terminal that copies it: GNOME, Konsole, iTerm2, Windows Terminal),
    /// tmux and screen, PuTTY, rxvt/urxvt and the Linux console.
    public static let common: EscapeTable = {
        var k: [String: Key] = [:]
        // Cursor keys: CSI (normal mode) and SS3 (application mode, after smkx); rxvt's shifted
        // CSI a–d and Ctrl SS3 a–d are the same keys as far as the app is concerned.
        for (final, key) in [("A", Key.up), ("B", .down), ("C", .right), ("D", .left)] {
            k["[" + final] = key
            k["O" + final] = key
        }
        for (final, key) in [("a", Key.up), ("b", .down), ("c", .right), ("d", .left)] {
            k["[" + final] = key
            k["O" + final] = key
        }
        // Home and End: xterm CSI/SS3 H F; VT220 (tmux, screen, PuTTY, Linux console) 1~ 4~;
        // rxvt 7~ 8~; the VT220 "Find"/"Select" names some terminals use for them.
        k["[H"] = .home; k["OH"] = .home; k["[1~"] = .home; k["[7~"] = .home
        k["[F"] = .end; k["OF"] = .end; k["[4~"] = .end; k["[8~"] = .end
        k["[3~"] = .delete
        k["[5~"] = .pageUp
        k["[6~"] = .pageDown
        k["[Z"] = .backTab
        // Keypad Enter in application mode.
        k["OM"] = .enter
        // F1–F4: xterm SS3 P–S (and CSI P–S once a modifier is stripped), PuTTY/rxvt 11~–14~,
        // Linux console [[A–[[E (F1–F5).
        for (n, final) in ["P", "Q", "R", "S"].enumerated() {
            k["O" + final] = .function(n + 1)
            k["[" + final] = .function(n + 1)
        }
        for n in 1...4 { k["[\(10 + n)~"] = .function(n) }
        for (n, final) in ["A", "B", "C", "D", "E"].enumerated() { k["[[" + final] = .function(n + 1) }
        // F5–F12, the VT220 numbering every family shares.
        for (n, code) in [5: 15, 6: 17, 7: 18, 8: 19, 9: 20, 10: 21, 11: 23, 12: 24] { k["[\(code)~"] = .function(n) }
        // The numeric keypad in application mode (PuTTY, rxvt, xterm with DECKPAM) types its characters,
        // so an age typed on the keypad is still digits.
        for (final, c) in zip("pqrstuvwxy", "0123456789") { k["O" + String(final)] = .char(c) }
        for (final, c) in zip("jklmno", "*+,-./") { k["O" + String(final)] = .char(c) }
        k["OX"] = .char("=")
        return EscapeTable(k)
    }()
}
