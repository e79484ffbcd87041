import Foundation

/// The process's peak resident memory (Linux `VmHWM`), resettable so each stage of a benchmark
/// reports its own peak rather than the largest so far.
public enum PeakMemory {
    /// Peak resident set since the start or the last `reset()`, in MiB; nil where /proc is missing.
    public static func mebibytes() -> Double? { status("VmHWM:") }

    /// The resident set now (Linux `VmRSS`), in MiB; nil where /proc is missing.
    public static func residentMebibytes() -> Double? { status("VmRSS:") }

    private static func status(_ field: String) -> Double? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix(field) }),
              let kib = Double(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "") else { return nil }
        return kib / 1024
    }

    /// Sets the peak back to the current resident size (writing 5 to clear_refs, Linux 4.0+).
    public static func reset() {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
    }

    public static var text: String { mebibytes().map { String(format: "%.0f MiB", $0) } ?? "n/a" }
}
