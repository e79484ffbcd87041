import CNcursesw
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What happens when Placefinder crashes (a Swift trap, a bad memory access, abort) or is sent
/// SIGQUIT (Ctrl-\): the terminal is put back, one line says what happened and where the details
/// are, the details go to a private (0600) crash file, and the process dies of the same signal.
///
/// Without this, Swift's runtime backtracer takes the signal: on a terminal it prints pages of
/// backtrace over the dashboard's alternate screen and waits 30 s at an interactive prompt, with
/// the terminal still in raw mode. The backtracer is configured only by `SWIFT_BACKTRACE` read at
/// process start, so rather than re-executing the program, `install()` replaces its handlers at
/// the top of `main` with this one, which does only async-signal-safe things (`write`, `open`,
/// `tcsetattr`, `sigaction`, `raise`; `backtrace` is warmed up at install so it never allocates in
/// the handler). Everything it writes is prepared at install time.
public enum CrashGuard {
    /// The signals handled: the crash signals Swift's backtracer takes, and SIGQUIT.
    static let signals: [Int32] = [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE, SIGQUIT]

    /// Where crash files go: `$XDG_STATE_HOME/placefinder/` (else `~/.local/state/placefinder/`),
    /// created 0700.
    public static func crashDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/placefinder" }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return home + "/.local/state/placefinder"
    }

    /// The line an officer reads on a crash, in English: `placefinder: crashed (SIGSEGV, a bad memory
    /// access); the terminal was restored and the details are in PATH`.
    public static func englishLine(signal: Int32, path: String) -> String {
        "placefinder: crashed (\(CrashState.name(signal))); the terminal was restored and the details are in \(path)"
    }

    /// Takes the crash signals from Swift's backtracer. Call first thing in `main`; calling again
    /// does nothing. `command` (the subcommand, never its arguments: they may be ids) goes in the file.
    /// `line` words what the officer reads for each handled signal (and for signal 0, any other), given
    /// the crash file's path; it is asked now, as the handler may not build text.
    public static func install(command: String, directory: String = crashDirectory(),
                               line: (_ signal: Int32, _ path: String) -> String = englishLine) {
        guard state == nil else { return }
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true,
                                                 attributes: [.posixPermissions: 0o700])
        let path = "\(directory)/crash-\(Int(Date().timeIntervalSince1970))-\(getpid()).txt"
        var shellModes = termios()
        let haveModes = tcgetattr(STDIN_FILENO, &shellModes) == 0
        let lines = ([0] + signals).map { ($0, "\n" + line($0, path) + "\n") }
        state = CrashState(path: path, command: command, shellModes: haveModes ? shellModes : nil, lines: lines)
        var frames = [UnsafeMutableRawPointer?](repeating: nil, count: 4)
        _ = backtrace(&frames, 4)   // loads libgcc's unwinder now, not inside the handler

        var action = sigaction()
        sigemptyset(&action.sa_mask)
        action.sa_flags = SA_SIGINFO
        action.__sigaction_handler.sa_sigaction = { signal, _, _ in CrashGuard.handle(signal) }
        for signal in signals { sigaction(signal, &action, nil) }
        // A parent may have blocked some of them (a blocked SIGQUIT would make Ctrl-\ do nothing).
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signal in signals { sigaddset(&unblock, signal) }
        sigprocmask(SIG_UNBLOCK, &unblock, nil)
    }

    /// The hook for the terminal: call once the screen is taken over (after `initscr`), so a crash
    /// leaves the alternate screen and puts back the terminal modes the shell had at start.
    public static func screenTaken() {
        guard let state else { return }
        var sequence = ""
        for capability in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            guard let value = tigetstr(capability), Int(bitPattern: value) != -1, Int(bitPattern: value) != 0 else { continue }
            sequence += String(cString: value)
        }
        state.setScreen(restore: sequence)
        #if DEBUG
        DebugCrash.armIfAsked()
        #endif
    }

    nonisolated(unsafe) static var state: CrashState?

    nonisolated(unsafe) static var handling: sig_atomic_t = 0

    /// Runs in the signal handler: nothing here may allocate or take a lock.
    static func handle(_ signal: Int32) {
        // The default action from now on: the re-raise below (and any fault in here) ends the process.
        Glibc.signal(signal, SIG_DFL)
        if handling == 0, let state {
            handling = 1
            state.restoreTerminal()
            state.writeCrashFile(signal: signal)
            state.sayWhatHappened(signal: signal)
        }
        // Re-raise so the exit status tells the truth (delivered once this handler returns).
        raise(signal)
    }
}

/// Everything the handler needs, in memory it owns, prepared before any crash.
final class CrashState: @unchecked Sendable {
    private let path: UnsafeMutablePointer<CChar>
    private let header: UnsafeMutableBufferPointer<UInt8>
    /// What the officer reads, by signal: `lineSignals[i]` is said as `lines[i]`; the first (signal 0) for any other.
    private let lineSignals: UnsafeMutableBufferPointer<Int32>
    private let lines: UnsafeMutableBufferPointer<UnsafeMutableBufferPointer<UInt8>>
    private var screenRestore: UnsafeMutableBufferPointer<UInt8>?
    private var screenTaken: sig_atomic_t = 0
    private let modes: UnsafeMutablePointer<termios>?
    private let digits = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: 24)
    private let frames = UnsafeMutableBufferPointer<UnsafeMutableRawPointer?>.allocate(capacity: 64)

    init(path: String, command: String, shellModes: termios?, lines said: [(signal: Int32, line: String)]) {
        self.path = strdup(path)
        header = Self.bytes("placefinder crash report\ncommand: \(command)\npid: \(getpid())\n")
        lineSignals = .allocate(capacity: max(said.count, 1))
        _ = lineSignals.initialize(from: said.map(\.signal))
        lines = .allocate(capacity: max(said.count, 1))
        _ = lines.initialize(from: said.map { Self.bytes($0.line) })
        if let shellModes {
            let saved = UnsafeMutablePointer<termios>.allocate(capacity: 1)
            saved.initialize(to: shellModes)
            modes = saved
        } else {
            modes = nil
        }
    }

    private static func bytes(_ text: String) -> UnsafeMutableBufferPointer<UInt8> {
        let utf8 = Array(text.utf8)
        let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(utf8.count, 1))
        _ = buffer.initialize(from: utf8)
        return UnsafeMutableBufferPointer(rebasing: buffer[0..<utf8.count])
    }

    func setScreen(restore sequence: String) {
        screenRestore = Self.bytes(sequence)
        screenTaken = 1
    }

    func restoreTerminal() {
        guard screenTaken != 0 else { return }
        if let screenRestore, screenRestore.count > 0 { _ = write(STDOUT_FILENO, screenRestore.baseAddress, screenRestore.count) }
        if let modes { _ = tcsetattr(STDIN_FILENO, TCSADRAIN, modes) }
    }

    /// Static strings only: a `String` or `Array` literal here could allocate.
    static func name(_ signal: Int32) -> StaticString {
        switch signal {
        case SIGSEGV: "SIGSEGV, a bad memory access"
        case SIGBUS: "SIGBUS, a bad memory access"
        case SIGILL: "SIGILL, a failed check in the program"
        case SIGTRAP: "SIGTRAP, a failed check in the program"
        case SIGABRT: "SIGABRT, aborted"
        case SIGFPE: "SIGFPE, an arithmetic fault"
        case SIGQUIT: "SIGQUIT, quit with Ctrl-\\"
        default: "a fatal signal"
        }
    }

    func writeCrashFile(signal: Int32) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return }
        _ = write(fd, header.baseAddress, header.count)
        emit(fd, "signal: ")
        emit(fd, Self.name(signal))
        emit(fd, " (")
        emitNumber(fd, Int(signal))
        emit(fd, ")\ntime (seconds since 1970, UTC): ")
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        emitNumber(fd, Int(now.tv_sec))
        emit(fd, "\nstack (most recent first):\n")
        let count = backtrace(frames.baseAddress, Int32(frames.count))
        backtrace_symbols_fd(UnsafePointer(frames.baseAddress), count, fd)
        close(fd)
    }

    func sayWhatHappened(signal: Int32) {
        var chosen = 0
        for i in 0..<lineSignals.count where lineSignals[i] == signal { chosen = i }
        guard chosen < lines.count else { return }
        _ = write(STDERR_FILENO, lines[chosen].baseAddress, lines[chosen].count)
    }

    private func emit(_ fd: Int32, _ text: StaticString) {
        _ = write(fd, text.utf8Start, text.utf8CodeUnitCount)
    }

    private func emitNumber(_ fd: Int32, _ value: Int) {
        var n = max(value, 0), end = digits.count
        repeat {
            end -= 1
            digits[end] = UInt8(48 + n % 10)
            n /= 10
        } while n > 0 && end > 0
        _ = write(fd, digits.baseAddress! + end, digits.count - end)
    }
}

// glibc's <execinfo.h>, which the Glibc module does not import.
@_silgen_name("backtrace")
private func backtrace(_ frames: UnsafeMutablePointer<UnsafeMutableRawPointer?>?, _ size: Int32) -> Int32
@_silgen_name("backtrace_symbols_fd")
private func backtrace_symbols_fd(_ frames: UnsafePointer<UnsafeMutableRawPointer?>?, _ size: Int32, _ fd: Int32)

#if DEBUG
/// Debug builds only: `PLACEFINDER_DEBUG_CRASH=trap` makes the dashboard hit a Swift trap two
/// seconds after it starts, so the tmux check can prove what a crash looks like to an officer.
enum DebugCrash {
    static func armIfAsked() {
        guard ProcessInfo.processInfo.environment["PLACEFINDER_DEBUG_CRASH"] == "trap" else { return }
        DispatchQueue.global().asyncAfter(deadline: .now() + 2) {
            let missing: Int? = ProcessInfo.processInfo.environment["PLACEFINDER_DEBUG_CRASH_NEVER_SET"].map { Int($0) ?? 0 }
            print(missing!)   // a deliberate trap: force-unwrapping nil
        }
    }
}
#endif
