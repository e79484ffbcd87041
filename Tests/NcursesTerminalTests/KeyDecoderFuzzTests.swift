import PropertyBased
import Testing
import TerminalUI
@testable import NcursesTerminal

/// `KeyDecoder.decode` is total: every Int32 code, with either flag, gives a `Key` without trapping,
/// and what it gives is consistent with the code. Checked exhaustively over every code that can
/// mean something (negative numbers near zero, all of Unicode, ncurses' key range) and by random
/// sampling across the whole of Int32 (all 2^32 codes would take minutes in a debug build).
@Suite struct KeyDecoderFuzzTests {
    static func check(_ code: Int32, functionKey: Bool) {
        let key = KeyDecoder.decode(code: code, isFunctionKey: functionKey)
        switch key {
        case .char(let c):
            #expect(!functionKey)
            #expect(c.unicodeScalars.count == 1 && c.unicodeScalars.first!.value == UInt32(code), "code \(code) → \(c)")
        case .unknown(let reported):
            #expect(reported == code)
        case .function(let n):
            #expect(functionKey && (1...64).contains(n) && Int32(n) + KeyCode.f0 == code)
        case .ctrl(let c):
            #expect(!functionKey && (0...31).contains(code) && c.isASCII)
        default:
            break
        }
        _ = key.description   // the help bar shows every key: naming one must not trap either
    }

    @Test func everyMeaningfulCodeDecodes() {
        for code in Int32(-70_000)...Int32(0x11_0000 + 70_000) {
            Self.check(code, functionKey: false)
            Self.check(code, functionKey: true)
        }
        for code in [Int32.min, Int32.min + 1, -1, 0, Int32.max - 1, Int32.max, 0xD800, 0xDFFF, 0x10_FFFF, 0x11_0000] {
            Self.check(code, functionKey: false)
            Self.check(code, functionKey: true)
        }
    }

    @Test func randomCodesAcrossInt32Decode() async {
        await propertyCheck(count: 20_000, input: Gen.int32(), Gen.bool()) { code, functionKey in
            Self.check(code, functionKey: functionKey)
        }
    }
}
