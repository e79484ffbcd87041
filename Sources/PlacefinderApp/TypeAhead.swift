import Foundation

/// Typing in a choice field (reason code, kind, setting, age, expiry hour) jumps to the first choice
/// whose code, or a word of whose label, starts with what was typed.
///
/// The typed text lives in the field's owner and is cleared by any key that is not typing (no clock:
/// `update` stays deterministic). A key that would make the text match nothing starts it afresh, so
/// "CR" reaches CREQB and a later "A" starts again at ALLEG.
struct TypeAhead: Sendable, Equatable {
    private(set) var typed = ""

    /// `options[i]` are the spellings of choice i: a code first, then labels matched word by word.
    mutating func jump(_ c: Character, _ options: [[String]]) -> Int? {
        if let i = Self.first(typed + String(c), options) { typed += String(c); return i }
        if let i = Self.first(String(c), options) { typed = String(c); return i }
        typed = ""
        return nil
    }

    mutating func reset() { typed = "" }

    static func first(_ prefix: String, _ options: [[String]]) -> Int? {
        let p = fold(prefix)
        guard !p.isEmpty else { return nil }
        // A code match wins over a word of a label: "C" is CARPL, not "carer's approval removed".
        if let i = options.firstIndex(where: { $0.first.map { fold($0).hasPrefix(p) } ?? false }) { return i }
        return options.firstIndex { spellings in
            spellings.dropFirst().contains { label in
                fold(label).split(whereSeparator: { $0 == " " || $0 == "(" || $0 == "-" }).contains { $0.hasPrefix(p) }
            }
        }
    }

    private static func fold(_ s: String) -> String {
        s.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
