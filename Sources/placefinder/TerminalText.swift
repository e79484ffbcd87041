import Foundation
import PlacementCore
import TerminalUI

/// Text the command line prints, made safe for a terminal.
///
/// Names, ids and free text come from CSV files and from what officers type; an escape sequence in
/// one could move the cursor, rewrite earlier lines (hiding an `audit` entry) or reverse what follows
/// (bidi overrides). The dashboard drops such characters; the command line shows them instead, so an
/// investigator sees that they are there. Which characters: exactly those the dashboard will not
/// draw (`TerminalUI.renderable`) — C0 and C1 controls, DEL, format characters such as the bidi
/// overrides U+202A–202E and isolates U+2066–2069, line and paragraph separators.
/// `--json` output is not passed through here: JSON escapes controls itself.
enum TerminalText {
    /// One line: every unsafe character, line breaks included, becomes a visible escape.
    static func line(_ text: String) -> String {
        // Fast path: ordinary text passes through untouched.
        if text.allSatisfy({ renderable($0) == $0 }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 8)
        for character in text {
            if renderable(character) == character {
                out.append(character)
            } else {
                for scalar in character.unicodeScalars { out += escape(scalar) }
            }
        }
        return out
    }

    /// Several lines: the line breaks between them stay, everything else as `line`.
    static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line(String($0)) }.joined(separator: "\n")
    }

    /// The same visible form as the plain-text reports use (`VisibleText.escape`).
    static func escape(_ scalar: Unicode.Scalar) -> String { VisibleText.escape(scalar) }
}

/// `print`, escaped for the terminal (keeps the line breaks the command meant).
func say(_ text: String) {
    print(TerminalText.lines(text))
}
