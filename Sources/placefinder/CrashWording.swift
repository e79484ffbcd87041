import Foundation
import PlacementCore

/// What an officer reads when Placefinder crashes (`CrashGuard`, which cannot read the catalogue: the
/// terminal layer knows no languages), worded once at start-up in the command line's language.
enum CrashWording {
    static func line(signal: Int32, path: String, language: Language) -> String {
        "placefinder: " + Message.cliCrashed.text(language, ["signal": name(signal, language), "path": path])
    }

    /// `SIGSEGV, a bad memory access`: the signal's name as the system gives it, then what it means.
    static func name(_ signal: Int32, _ language: Language) -> String {
        let (name, meaning): (String, Message) = switch signal {
        case SIGSEGV: ("SIGSEGV", .cliCrashMemory)
        case SIGBUS: ("SIGBUS", .cliCrashMemory)
        case SIGILL: ("SIGILL", .cliCrashCheck)
        case SIGTRAP: ("SIGTRAP", .cliCrashCheck)
        case SIGABRT: ("SIGABRT", .cliCrashAborted)
        case SIGFPE: ("SIGFPE", .cliCrashArithmetic)
        case SIGQUIT: ("SIGQUIT", .cliCrashQuit)
        default: ("", .cliCrashFatal)
        }
        return name.isEmpty ? meaning.text(language) : name + ", " + meaning.text(language)
    }
}
