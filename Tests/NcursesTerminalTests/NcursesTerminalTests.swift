import Testing
import TerminalUI
@testable import NcursesTerminal

@Suite("KeyDecoder")
struct KeyDecoderTests {
    func fn(_ code: Int32) -> Key { KeyDecoder.decode(code: code, isFunctionKey: true) }
    func ch(_ code: Int32) -> Key { KeyDecoder.decode(code: code, isFunctionKey: false) }

    @Test func keyCodesMatchTheNcursesHeaders() {
        // Octal values from <curses.h>; guards the shim wrappers.
        #expect(KeyCode.codeYes == 0o400)
        #expect(KeyCode.down == 0o402)
        #expect(KeyCode.up == 0o403)
        #expect(KeyCode.f0 == 0o410)
        #expect(KeyCode.resize == 0o632)
    }

    @Test func arrows() {
        #expect(fn(KeyCode.up) == .up)
        #expect(fn(KeyCode.down) == .down)
        #expect(fn(KeyCode.left) == .left)
        #expect(fn(KeyCode.right) == .right)
    }

    @Test func paging() {
        #expect(fn(KeyCode.pageUp) == .pageUp)
        #expect(fn(KeyCode.pageDown) == .pageDown)
        #expect(fn(KeyCode.home) == .home)
        #expect(fn(KeyCode.end) == .end)
        #expect(fn(KeyCode.delete) == .delete)
    }

    @Test func enterVariants() {
        #expect(ch(13) == .enter)
        #expect(ch(10) == .enter)
        #expect(fn(KeyCode.enter) == .enter)
    }

    @Test func backspaceVariants() {
        #expect(fn(KeyCode.backspace) == .backspace)
        #expect(ch(127) == .backspace)
        #expect(ch(8) == .backspace)
    }

    @Test func escapeTabAndBackTab() {
        #expect(ch(27) == .escape)
        #expect(ch(9) == .tab)
        #expect(fn(KeyCode.backTab) == .backTab)
    }

    @Test func controlLetters() {
        #expect(ch(3) == .ctrl("c"))
        #expect(ch(1) == .ctrl("a"))
        #expect(ch(26) == .ctrl("z"))
        #expect(ch(12) == .ctrl("l"))
    }

    @Test func functionKeys() {
        #expect(fn(KeyCode.function(1)) == .function(1))
        #expect(fn(KeyCode.function(12)) == .function(12))
        #expect(fn(KeyCode.f0) == .unknown(KeyCode.f0))
    }

    @Test func printableAndWelshCharacters() {
        #expect(ch(Int32(Character("q").unicodeScalars.first!.value)) == .char("q"))
        #expect(ch(0x175) == .char("ŵ"))
        #expect(ch(0x177) == .char("ŷ"))
        #expect(ch(0xF4) == .char("ô"))
        #expect(ch(0x20) == .char(" "))
    }

    @Test func charactersAndKeyCodesShareNumbersButNotMeaning() {
        // U+0107 ć has the same value as KEY_BACKSPACE (0o407).
        #expect(KeyCode.backspace == 0x107)
        #expect(ch(0x107) == .char("ć"))
        #expect(fn(0x107) == .backspace)
    }

    @Test func unknownCodes() {
        #expect(fn(0o777) == .unknown(0o777))
        #expect(ch(0x85) == .unknown(0x85))   // C1 control
        #expect(ch(-1) == .unknown(-1))
    }
}

@Suite("Key descriptions")
struct KeyDescriptionTests {
    @Test(arguments: [
        (Key.char("q"), "q"), (.char("ŵ"), "ŵ"), (.char(" "), "Space"), (.char("?"), "?"),
        (.enter, "Enter"), (.escape, "Esc"), (.tab, "Tab"), (.backTab, "Shift-Tab"),
        (.backspace, "Backspace"), (.delete, "Del"),
        (.up, "Up"), (.down, "Down"), (.left, "Left"), (.right, "Right"),
        (.pageUp, "PgUp"), (.pageDown, "PgDn"), (.home, "Home"), (.end, "End"),
        (.function(1), "F1"), (.function(12), "F12"), (.ctrl("c"), "Ctrl-C"), (.unknown(999), "Key 999"),
    ])
    func description(key: Key, expected: String) {
        #expect(key.description == expected)
    }

    @Test func eventsCompare() {
        #expect(TerminalEvent.key(.up) == .key(.up))
        #expect(TerminalEvent.resize(width: 80, height: 24) != .resize(width: 100, height: 30))
    }
}

@Suite("Appearance")
struct AppearanceTests {
    @Test func noColorRolesMapToAttributes() {
        #expect(Appearance.monochromeAttributes(for: .normal) == [])
        #expect(Appearance.monochromeAttributes(for: .header) == .bold)
        #expect(Appearance.monochromeAttributes(for: .selected) == .reverse)
        #expect(Appearance.monochromeAttributes(for: .urgent) == [.bold, .underline])
        #expect(Appearance.monochromeAttributes(for: .warning) == .bold)
        #expect(Appearance.monochromeAttributes(for: .muted) == .dim)
        #expect(Appearance.monochromeAttributes(for: .good) == [])
        #expect(Appearance.monochromeAttributes(for: .accent) == .underline)
    }

    @Test func styleFlagsAddToRoleAttributes() {
        #expect(Appearance.attributes(for: Style(.muted, bold: true), color: false) == [.dim, .bold])
        #expect(Appearance.attributes(for: Style(.good, reverse: true), color: false) == .reverse)
    }

    @Test func withColourOnlyTheStyleFlagsBecomeAttributes() {
        #expect(Appearance.attributes(for: .selected, color: true) == [])
        #expect(Appearance.attributes(for: .header, color: true) == .bold)
        #expect(Appearance.attributes(for: .urgent, color: true) == .bold)
    }

    @Test func everyRoleHasItsOwnPair() {
        let pairs = Style.Role.allCases.map(Appearance.pairNumber(for:))
        #expect(Set(pairs).count == Style.Role.allCases.count)
        #expect(pairs.allSatisfy { $0 >= 1 })
    }

    @Test func greyOnlyWithSixteenColours() {
        #expect(Appearance.colorPair(for: .muted, colors: 256).fg == .brightBlack)
        #expect(Appearance.colorPair(for: .muted, colors: 8).fg == .terminalDefault)
    }
}

@Suite("NO_COLOR")
struct NoColorTests {
    @Test func unsetMeansColour() {
        #expect(NcursesTerminal.noColorRequested(environment: [:]) == false)
    }

    @Test func emptyMeansColour() {
        #expect(NcursesTerminal.noColorRequested(environment: ["NO_COLOR": ""]) == false)
    }

    @Test func anyValueMeansNoColour() {
        #expect(NcursesTerminal.noColorRequested(environment: ["NO_COLOR": "1"]) == true)
        #expect(NcursesTerminal.noColorRequested(environment: ["NO_COLOR": "0"]) == true)
    }
}
