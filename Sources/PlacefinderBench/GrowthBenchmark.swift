import Foundation
import PlacementCore

/// How time and memory grow with the store: for each size, build a demo store, load it back as
/// the dashboard's snapshot and as the matching engine, and rank every waiting child.
///
/// The stages that touch the store are handed in by the caller (the `placefinder` executable
/// owns the store and the snapshot loader); this times them and reads peak memory between them.
public enum GrowthBenchmark {
    public struct Stages {
        /// Generates a demo world of `vacancies` and writes it as a store at `path`; returns the
        /// milliseconds spent generating and writing.
        public var build: (_ vacancies: Int, _ path: String) throws -> (generateMs: Double, writeMs: Double)
        /// Reads the whole store into the dashboard's snapshot.
        public var loadSnapshot: (_ path: String) throws -> Void
        /// Reads the store into a matching engine and a request for every child waiting.
        public var loadEngine: (_ path: String) throws -> (engine: MatchEngine, requests: [MatchRequest])

        public init(build: @escaping (Int, String) throws -> (generateMs: Double, writeMs: Double),
                    loadSnapshot: @escaping (String) throws -> Void,
                    loadEngine: @escaping (String) throws -> (engine: MatchEngine, requests: [MatchRequest])) {
            self.build = build
            self.loadSnapshot = loadSnapshot
            self.loadEngine = loadEngine
        }
    }

    /// Two lines per size, handed to `report` as each size finishes (a 500,000 run takes minutes).
    /// Stores are written in `folder` and removed afterwards.
    public static func run(sizes: [Int], runs: Int, explain: Int, folder: URL, stages: Stages,
                           report: (String) -> Void) throws {
        report("growth benchmark: demo store build, store → snapshot, store → engine, \(runs) ranks; peak RSS per stage")
        for size in sizes {
            let path = folder.appendingPathComponent("growth-\(size).sqlite").path
            defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
            PeakMemory.reset()
            let built = try stages.build(size, path)
            let buildPeak = PeakMemory.text
            func mebibytes(_ file: String) -> Double {
                Double((try? FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0) / 1_048_576
            }
            // The file and its write-ahead log, which may hold much or all of a new store.
            let (storeMiB, walMiB) = (mebibytes(path), mebibytes(path + "-wal"))

            PeakMemory.reset()
            var clock = ContinuousClock.now
            try stages.loadSnapshot(path)
            let snapshotMs = (ContinuousClock.now - clock).milliseconds
            let snapshotPeak = PeakMemory.text

            PeakMemory.reset()
            clock = ContinuousClock.now
            let (engine, requests) = try stages.loadEngine(path)
            let engineMs = (ContinuousClock.now - clock).milliseconds
            guard !requests.isEmpty else { throw EngineBenchmark.Failure(description: "no child waiting in the \(size) store") }
            let timing = RankTiming(engine: engine, requests: requests, runs: runs, explain: explain)
            let matchPeak = PeakMemory.text

            report(String(format: "%7d vacancies: build %.2f s (generate %.2f s, write %.2f s; file %.1f MiB, WAL %.1f MiB; peak %@)",
                                size, (built.generateMs + built.writeMs) / 1000, built.generateMs / 1000, built.writeMs / 1000,
                                storeMiB, walMiB, buildPeak as NSString))
            report(String(format: "         store → snapshot %.2f s (peak %@); store → engine %.2f s; rank ", snapshotMs / 1000,
                                snapshotPeak as NSString, engineMs / 1000)
                         + timing.summary + " (peak \(matchPeak))")
        }
    }
}
