import Foundation
import PlacementCore
import PlacementDemo

/// The engine's side of scripts/bench-peers.sh: writes the index's columns and each child's request
/// tables to binary files (format below) so numpy and C score exactly what the engine scores, writes the
/// engine's top 50 for each child, and times `MatchEngine.rank` on the same requests in the same run.
///
/// File format, repeated to the end: a name (32 bytes, NUL-padded ASCII), a kind (1 byte: `d` for
/// float64, `q` for int64; then 7 bytes of padding), a count (int64), then `count` values; little-endian.
public enum PeerBenchmark {
    public static func run(size: Int, children: Int, runs: Int, seed: UInt64, today: Day, now: Date,
                           directory: URL) throws -> [String] {
        let data = DemoGenerator.generate(DemoOptions(seed: seed, providers: max(200, size / 25), vacancies: size,
                                                      children: 150, today: today, now: now))
        let index = CandidateIndex(vacancies: data.vacancies, providers: data.providers, placements: data.placements,
                                   today: today, locate: data.locator)
        let engine = MatchEngine(index: index)
        let requests = Array(data.children.filter { $0.status != .placed }.compactMap { child in
            try? MatchRequest.resolving(children: [child], today: today, now: now, contacts: data.contacts,
                                        history: data.placements.filter { $0.childID == child.id }, locate: data.locator).get()
        }.prefix(children))
        guard !requests.isEmpty else { throw EngineBenchmark.Failure(description: "no child needing placement in the generated data") }

        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try encode(index.peerColumns).write(to: directory.appendingPathComponent("index.bin"))
        try (index.vacancies.map(\.id).joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("ids.txt"),
                                                                               atomically: true, encoding: .utf8)
        var top: [String] = []
        for (n, request) in requests.enumerated() {
            try encode(engine.peerColumns(for: request))
                .write(to: directory.appendingPathComponent(String(format: "request-%03d.bin", n)))
            let result = engine.rank(request, explainTop: 0)
            top.append(([String(n), String(result.ranked.count)] + result.ranked.prefix(50).map { index.vacancies[$0.index].id })
                .joined(separator: " "))
        }
        try (top.joined(separator: "\n") + "\n").write(to: directory.appendingPathComponent("engine-top50.txt"),
                                                      atomically: true, encoding: .utf8)

        let bare = time(runs: runs, requests.count) { engine.rank(requests[$0], explainTop: 0).ranked.count }
        let explained = time(runs: runs, requests.count) { engine.rank(requests[$0], explainTop: 50).ranked.count }
        return [String(format: "engine vacancies=%d children=%d rank_ms=%.4f explained_ms=%.4f",
                       index.count, requests.count, bare, explained)]
    }

    /// Median milliseconds over `runs` passes over every request, after one pass to warm up.
    static func time(runs: Int, _ count: Int, _ body: (Int) -> Int) -> Double {
        var times: [Double] = []
        var sink = 0
        for run in 0...runs {
            for n in 0..<count {
                let clock = ContinuousClock.now
                sink &+= body(n)
                if run > 0 { times.append((ContinuousClock.now - clock).milliseconds) }
            }
        }
        precondition(sink >= 0)
        times.sort()
        return times[times.count / 2]
    }

    static func encode(_ columns: [(name: String, column: PeerColumn)]) -> Data {
        var out = Data()
        func append<T: FixedWidthInteger>(_ v: T) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        for (name, column) in columns {
            var label = Array(name.utf8.prefix(31))
            label += [UInt8](repeating: 0, count: 32 - label.count)
            out.append(contentsOf: label)
            switch column {
            case .doubles(let values):
                out.append(contentsOf: [UInt8(ascii: "d")] + [UInt8](repeating: 0, count: 7))
                append(Int64(values.count))
                for v in values { append(v.bitPattern) }
            case .integers(let values):
                out.append(contentsOf: [UInt8(ascii: "q")] + [UInt8](repeating: 0, count: 7))
                append(Int64(values.count))
                for v in values { append(v) }
            }
        }
        return out
    }
}
