import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Milestones of the dashboard's launch, for `scripts/bench-launch.sh`: with `PLACEFINDER_LAUNCH_TRACE=FILE`
/// set, each is appended to FILE as `name wall-ns cpu-ns peak-kB` (CLOCK_REALTIME, so the script can subtract its own
/// start; the process's CPU time, every thread). Times only: no record, id or path is written. Unset, nothing
/// is recorded and each call is one check of a flag.
enum LaunchTrace {
    enum Milestone: String {
        /// `main` entered: the executable is loaded and its runtime started.
        case main
        /// The store is open and checked (identity, schema, permissions).
        case opened
        /// The snapshot is read (store → `AppData`).
        case snapshot
        /// The snapshot is indexed for the screens.
        case indexed
        /// The first frame with the store's data is drawn.
        case frame
        /// The load after the first, with the history the first left out, is indexed.
        case history
    }

    nonisolated(unsafe) private static let file: UnsafeMutablePointer<FILE>? = {
        guard let path = getenv("PLACEFINDER_LAUNCH_TRACE") else { return nil }
        return fopen(path, "a")
    }()
    private static let lock = NSLock()
    nonisolated(unsafe) private static var recorded: Set<String> = []

    /// Appends the milestone once (later calls for the same milestone are ignored: reloads reach them too).
    static func mark(_ milestone: Milestone) {
        guard let file else { return }
        var wall = timespec(), cpu = timespec()
        clock_gettime(CLOCK_REALTIME, &wall)
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &cpu)
        lock.lock()
        defer { lock.unlock() }
        guard recorded.insert(milestone.rawValue).inserted else { return }
        // The peak resident set so far (VmHWM, kB): where in the launch the memory peak is reached.
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        let line = "\(milestone.rawValue) \(Int(wall.tv_sec) * 1_000_000_000 + wall.tv_nsec) \(Int(cpu.tv_sec) * 1_000_000_000 + cpu.tv_nsec) \(usage.ru_maxrss)\n"
        fputs(line, file)
        fflush(file)
    }
}
