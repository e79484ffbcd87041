import CNcursesw
import TerminalUI

/// ncurses key codes (the `KEY_*` macros, which Swift cannot import), read
/// from the C shim so they always match the installed headers.
public enum KeyCode {
    public static let codeYes = Int32(pf_key_code_yes())
    public static let resize = Int32(pf_key_resize())
    public static let enter = Int32(pf_key_enter())
    public static let backspace = Int32(pf_key_backspace())
    public static let delete = Int32(pf_key_dc())
    public static let up = Int32(pf_key_up())
    public static let down = Int32(pf_key_down())
    public static let left = Int32(pf_key_left())
    public static let right = Int32(pf_key_right())
    public static let pageUp = Int32(pf_key_ppage())
    public static let pageDown = Int32(pf_key_npage())
    public static let home = Int32(pf_key_home())
    public static let end = Int32(pf_key_end())
    public static let backTab = Int32(pf_key_btab())
    public static let mouse = Int32(pf_key_mouse())
    /// `KEY_F(n)` is `f0 + n`; ncurses reserves room for 64.
    public static let f0 = Int32(pf_key_f0())
    public static func function(_ n: Int) -> Int32 { f0 + Int32(n) }
}

/// Turns what `wget_wch` returned into a `Key`. Pure, so it is tested without
/// a terminal. `isFunctionKey` is true when `wget_wch` said `KEY_CODE_YES`:
/// key codes and characters share a number space (ć is U+0107 = KEY_BACKSPACE),
/// so the flag, not the value, decides which table applies.
public enum KeyDecoder {
    public static func decode(code: Int32, isFunctionKey: Bool) -> Key {
        isFunctionKey ? decodeFunctionKey(code) : decodeCharacter(code)
    }

    static func decodeFunctionKey(_ code: Int32) -> Key {
        switch code {
        case KeyCode.up: return .up
        case KeyCode.down: return .down
        case KeyCode.left: return .left
        case KeyCode.right: return .right
        case KeyCode.pageUp: return .pageUp
        case KeyCode.pageDown: return .pageDown
        case KeyCode.home: return .home
        case KeyCode.end: return .end
        case KeyCode.enter: return .enter
        case KeyCode.backspace: return .backspace
        case KeyCode.delete: return .delete
        case KeyCode.backTab: return .backTab
        case KeyCode.function(1)...KeyCode.function(64): return .function(Int(code - KeyCode.f0))
        default: return .unknown(code)
        }
    }

    static func decodeCharacter(_ code: Int32) -> Key {
        switch code {
        case 27: return .escape
        case 13, 10: return .enter
        case 9: return .tab
        case 127, 8: return .backspace
        case 0: return .ctrl("@")
        case 1...26:
            // Ctrl-A is 1 … Ctrl-Z is 26 (Tab, Enter and Backspace handled above).
            return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 28...31:
            // Ctrl-\ Ctrl-] Ctrl-^ Ctrl-_
            return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x40)))
        default:
            guard code > 0, let scalar = Unicode.Scalar(UInt32(code)),
                  !scalar.properties.generalCategory.isControl else { return .unknown(code) }
            return .char(Character(scalar))
        }
    }
}

private extension Unicode.GeneralCategory {
    var isControl: Bool { self == .control || self == .surrogate || self == .unassigned }
}
