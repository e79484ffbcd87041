import TerminalUI

/// Turns the characters that follow an Esc into events, so that a sequence ncurses did not recognise
/// (Home sent as `ESC[1~` under TERM=xterm, PuTTY's F1 `ESC[11~`) is one key, not Esc plus `[`, `1`
/// and `~` (back, then a tab switch). Pure: fed arrays of code points, tested without a terminal.
///
/// The rules:
/// - A sequence in `EscapeTable` is its key; modifiers are ignored (Ctrl-Up is Up).
/// - Any other CSI (`ESC[` parameters, intermediates, final byte) or SS3 (`ESC O` + one byte) sequence
///   is consumed whole and dropped: it never reaches the app as keys. So is one cut short (a timeout
///   before its final byte) or broken by a control character.
/// - Mouse reports (X10 `ESC[M` + 3 bytes, SGR `ESC[<b;x;yM`) give a click or a wheel notch.
/// - Esc alone (nothing follows within the timeout), or followed by another Esc, is the Esc key.
/// - Esc followed at once by any other key is Esc, then that key. tmux (escape-time) and slow links glue
///   an Esc typed just before a key onto it, exactly as terminals send Alt+key; Placefinder binds no Alt
///   keys, so reading both as the two keys typed keeps "Esc, 4" working everywhere.
public enum EscapeDecoder {
    public static let escape: UInt32 = 0x1B

    public enum Outcome: Equatable, Sendable {
        /// The input is a prefix of a sequence: read more (or call again with `atEnd` after a timeout).
        case incomplete
        /// The first `consumed` code points decoded to `events` (often none: a dropped sequence).
        /// Anything after them is fresh input.
        case complete(events: [TerminalEvent], consumed: Int)
    }

    /// Decodes `input`, which starts with ESC. `atEnd` says nothing more is coming (the wait timed out).
    public static func decode(_ input: [UInt32], table: EscapeTable = .common, atEnd: Bool) -> Outcome {
        precondition(input.first == escape, "an escape sequence starts with ESC")
        guard input.count > 1 else { return atEnd ? .complete(events: [.key(.escape)], consumed: 1) : .incomplete }
        switch input[1] {
        case escape:
            return .complete(events: [.key(.escape)], consumed: 1)
        case 0x5B: // [
            return csi(input, table: table, atEnd: atEnd)
        case 0x4F: // O
            return ss3(input, table: table, atEnd: atEnd)
        default:
            // Esc, then a key (or Alt+key): the key is fresh input.
            return .complete(events: [.key(.escape)], consumed: 1)
        }
    }

    /// Decodes a whole stream (what arrived in one burst), each Esc-started run as above and every
    /// other code point as the character key it is. What tests and the fuzzer drive.
    public static func decodeStream(_ input: [UInt32], table: EscapeTable = .common) -> [TerminalEvent] {
        var events: [TerminalEvent] = []
        var rest = input[...]
        while let first = rest.first {
            if first == escape, case .complete(let decoded, let consumed) = decode(Array(rest), table: table, atEnd: true) {
                events += decoded
                rest = rest.dropFirst(consumed)
            } else {
                events.append(.key(KeyDecoder.decode(code: Int32(bitPattern: first), isFunctionKey: false)))
                rest = rest.dropFirst()
            }
        }
        return events
    }

    // MARK: - CSI

    private static func csi(_ input: [UInt32], table: EscapeTable, atEnd: Bool) -> Outcome {
        // Linux console F1–F5: ESC [ [ letter.
        if input.count > 2, input[2] == 0x5B {
            guard input.count > 3 else { return atEnd ? .complete(events: [], consumed: input.count) : .incomplete }
            guard isPrintableASCII(input[3]) else { return .complete(events: [], consumed: 3) }
            return keyOutcome("[[" + String(UnicodeScalar(UInt8(input[3]))), table: table, consumed: 4)
        }
        // X10 mouse: ESC [ M then button, column, row, each offset by 32.
        if input.count > 2, input[2] == 0x4D {
            guard input.count >= 6 else { return atEnd ? .complete(events: [], consumed: input.count) : .incomplete }
            let event = mouse(button: Int(input[3]) - 32, x: Int(input[4]) - 33, y: Int(input[5]) - 33, released: false)
            return .complete(events: event.map { [$0] } ?? [], consumed: 6)
        }
        var i = 2
        while i < input.count {
            let c = input[i]
            // rxvt ends Shift+key with $ after the number (ESC[7$ is Shift-Home), where elsewhere $ is an
            // intermediate byte (ESC[1$A): it is the end only if nothing of a sequence follows at once.
            if c == 0x24, i > 2, input[2..<i].allSatisfy(isDigit) {
                let last = i + 1 == input.count
                if last && !atEnd { return .incomplete }
                if last || !(0x20...0x7E).contains(input[i + 1]) {
                    return keyOutcome(normalised(text(input[1...i])), table: table, consumed: i + 1)
                }
            }
            if (0x40...0x7E).contains(c) {
                let body = text(input[1...i])
                if body.hasPrefix("[<") { return sgrMouse(body, consumed: i + 1) }
                return keyOutcome(normalised(body), table: table, consumed: i + 1)
            }
            // Parameters 0x30–0x3F and intermediates 0x20–0x2F continue the sequence, however long (it is
            // dropped whole); anything else (a control character, a non-ASCII key) breaks it: drop what
            // came so far, keep that one as fresh input.
            guard (0x20...0x3F).contains(c) else { return .complete(events: [], consumed: i) }
            i += 1
        }
        return atEnd ? .complete(events: [], consumed: input.count) : .incomplete
    }

    /// `[1;5A` → `[A`, `[3;5~` → `[3~`, rxvt `[7$` / `[7^` / `[7@` → `[7~`, `O5A` → `OA`: the key
    /// without its modifier, as the table spells it.
    static func normalised(_ body: String) -> String {
        guard let final = body.last else { return body }
        let introducer = body.first!
        var params = String(body.dropFirst().dropLast())
        var end = final
        if "$^@".contains(final), !params.isEmpty, params.allSatisfy(\.isNumber) { end = "~" }
        if let semicolon = params.firstIndex(of: ";") { params = String(params[..<semicolon]) }
        if end == "~" { return String(introducer) + params + "~" }
        // A letter final with a lone "1" (or a bare modifier digit, as in SS3 `O5A`) means the key itself.
        if params == "1" || (introducer == "O" && params.allSatisfy(\.isNumber)) { params = "" }
        return String(introducer) + params + String(end)
    }

    // MARK: - SS3

    private static func ss3(_ input: [UInt32], table: EscapeTable, atEnd: Bool) -> Outcome {
        var i = 2
        // Old xterms put a modifier digit between O and the final (ESC O 5 A).
        while i < input.count, isDigit(input[i]), i < 4 { i += 1 }
        guard i < input.count else { return atEnd ? .complete(events: [], consumed: input.count) : .incomplete }
        guard isPrintableASCII(input[i]) else { return .complete(events: [], consumed: i) }
        return keyOutcome(normalised(text(input[1...i])), table: table, consumed: i + 1)
    }

    // MARK: - Helpers

    private static func keyOutcome(_ body: String, table: EscapeTable, consumed: Int) -> Outcome {
        .complete(events: table[body].map { [.key($0)] } ?? [], consumed: consumed)
    }

    /// SGR (1006) report: `[<button;column;row` then M (press) or m (release), 1-based.
    private static func sgrMouse(_ body: String, consumed: Int) -> Outcome {
        let fields = body.dropFirst(2).dropLast().split(separator: ";", omittingEmptySubsequences: false).map { Int($0) }
        guard fields.count == 3, let b = fields[0], let x = fields[1], let y = fields[2] else {
            return .complete(events: [], consumed: consumed)
        }
        let event = mouse(button: b, x: x - 1, y: y - 1, released: body.last == "m")
        return .complete(events: event.map { [$0] } ?? [], consumed: consumed)
    }

    /// A left press is a click and bits 64+0/1 a wheel notch; releases, drags (bit 32) and the other
    /// buttons mean nothing here.
    static func mouse(button: Int, x: Int, y: Int, released: Bool) -> TerminalEvent? {
        guard !released, button >= 0, button & 32 == 0, x >= 0, y >= 0 else { return nil }
        switch button & ~(4 | 8 | 16) {   // shift, alt, ctrl
        case 0: return .mouse(x: x, y: y, kind: .click)
        case 64: return .mouse(x: x, y: y, kind: .wheelUp)
        case 65: return .mouse(x: x, y: y, kind: .wheelDown)
        default: return nil
        }
    }

    /// Bytes already checked to be printable ASCII, as text.
    private static func text(_ bytes: ArraySlice<UInt32>) -> String {
        String(decoding: bytes.map { UInt8($0) }, as: UTF8.self)
    }

    private static func isDigit(_ c: UInt32) -> Bool { (0x30...0x39).contains(c) }
    private static func isPrintableASCII(_ c: UInt32) -> Bool { (0x20...0x7E).contains(c) }
}
