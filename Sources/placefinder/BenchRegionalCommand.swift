import ArgumentParser
import Foundation
import PlacefinderBench
import PlacementCore
import PlacementDemo
import PlacementStore

/// `placefinder bench-regional --server URL`: issue 12's PostgreSQL benchmarks against one server (release
/// build; scripts/bench-regional.sh starts a throwaway server and runs this). Every store it builds is a new
/// database on that server, named `pf_bench_…`, so it never touches a real store.
struct BenchRegional: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-regional",
        abstract: cliHelp(.cliHelpBenchRegional), discussion: cliHelp(.cliAboutBenchRegional))

    @Option(help: optionHelp(.cliOptBenchRegionalServer, valueName: "url")) var server: String
    @Option(help: optionHelp(.cliOptBenchRegionalSeconds)) var seconds = 60.0
    @Option(name: .customLong("officers-per-authority"), help: optionHelp(.cliOptBenchRegionalOfficersPerAuthority)) var officersPerAuthority = 5
    @Option(help: optionHelp(.cliOptBenchRegionalRounds)) var rounds = 100
    @Option(help: optionHelp(.cliOptBenchRegionalChildren)) var children = 7_000
    @Option(parsing: .upToNextOption, help: optionHelp(.cliOptBenchRegionalVacancies)) var vacancies: [Int] = [2_000, 50_000]
    @Option(help: optionHelp(.cliOptBenchRegionalRuns)) var runs = 5
    @Option(help: optionHelp(.cliOptDemoSeed)) var seed: UInt64 = 2026

    func validate() throws {
        guard PostgresLocation.isURL(server) else { throw ValidationError(.cliBenchRegionalServerUrl) }
        guard seconds > 0, officersPerAuthority >= 1, rounds >= 0, runs >= 1 else {
            throw ValidationError(.cliBenchRegionalPositive)
        }
    }

    func run() throws {
        let tag = String(UInt64(Date().timeIntervalSince1970 * 1000) % 1_000_000_000)
        do {
            try regionalDay(tag: tag)
            for size in vacancies where size > 0 { try compare(vacancies: size, tag: tag) }
        } catch let failure as EngineBenchmark.Failure {
            throw UserError(failure.description)
        }
    }

    private func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

    /// A server store holding a demo world for all 22 authorities (2,000 vacancies, `children` children).
    private func serverStore(_ data: DemoDataset, name: String) throws -> PostgresStore {
        let url = try PostgresStore.newDatabase(onServer: server, named: name, defaultUser: Session.officer)
        let admin = try PostgresStore.initServer(url: url, defaultUser: Session.officer)
        try admin.insert(RecordBatch(data), audit: AuditEntry(user: Session.officer, action: "demo", recordType: "store", recordID: nil, detail: "seed \(seed)"))
        return admin
    }

    private func world(vacancies: Int) -> DemoDataset {
        DemoGenerator.generate(DemoOptions(seed: seed, providers: max(200, vacancies / 25), vacancies: vacancies,
                                           children: children, today: Session.today, now: Session.now))
    }

    private func regionalDay(tag: String) throws {
        let admin = try serverStore(world(vacancies: 2_000), name: "pf_bench_day_\(tag)")
        let officers = try RegionalDayBenchmark.officers(admin: admin, perAuthority: officersPerAuthority, prefix: "pfb\(tag)")
        let sampler = try WaitSampler(PostgresStore(admin.location))
        sampler.start()
        let (_, lines) = try RegionalDayBenchmark.run(admin: admin, officers: officers, seconds: seconds, seed: seed)
        lines.forEach(say)
        sampler.finish().forEach(say)
        // One racer per authority: its first officer.
        var racers: [RegionalDayBenchmark.Officer] = []
        for officer in officers where !racers.contains(where: { $0.authority == officer.authority }) { racers.append(officer) }
        if rounds > 0 { try LastBedRaceBenchmark.run(admin: admin, racers: racers, rounds: rounds).forEach(say) }
        for officer in officers { try officer.store.close() }
    }

    private func compare(vacancies size: Int, tag: String) throws {
        let data = world(vacancies: size)
        let folder = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("placefinder-bench-regional-\(tag)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let sqlite = try PlacementDatabase(path: folder.appendingPathComponent("compare-\(size).sqlite").path, create: true)
        try sqlite.insert(RecordBatch(data), audit: nil)
        let admin = try serverStore(data, name: "pf_bench_\(size)_\(tag)")
        let cardiff = "pfb\(tag)_cardiff_\(size)"
        try admin.addOfficer(cardiff, authority: "W06000015", role: .officer)
        let officer = try admin.asLogin(cardiff)
        guard let child = data.children.first(where: { $0.placingAuthority == "W06000015" && $0.status != .placed }) else {
            throw UserError(.cliBenchRegionalNoCardiffChild)
        }
        let lines = try BackendComparisonBenchmark.run(
            title: "\(size) vacancies, \(data.children.count) children, \(data.providers.count) providers: match for one waiting Cardiff child",
            contenders: [.init(name: "SQLite", store: sqlite), .init(name: "PostgreSQL as its owner", store: admin),
                         .init(name: "PostgreSQL as a Cardiff officer (row-level security, masked market)", store: officer)],
            childID: child.id, runs: runs, today: Session.today, now: Session.now) { store in
                let loaded = try AppDataLoader.load(store, now: Session.now)
                return (loaded.vacancies.count, loaded.children.count)
            }
        lines.forEach(say)
        for (name, store) in [("SQLite", sqlite as any PlacementStoring), ("PostgreSQL as its owner", admin),
                              ("PostgreSQL as a Cardiff officer", officer)] {
            say(try reloadAfterBedNotice(name, store))
        }
        try officer.close()
        try sqlite.close()
    }

    /// A notice on one bed, then the dashboard's reload, alternately through the row log and reading the market
    /// whole, as before it.
    private func reloadAfterBedNotice(_ name: String, _ store: any PlacementStoring) throws -> String {
        let start = try AppDataLoader.load(store, now: Session.now)
        guard let (logged, whole) = try BedNoticeReloads.run(store, from: start, runs: runs, officer: Session.officer, now: Session.now,
                                                             alsoWhole: true, reload: { try AppDataLoader.load(store, now: Session.now, previous: $0) })
        else { return "  \(name): no open bed" }
        return String(format: "  %@: reload after a notice on a bed median %.1f ms (max %.1f) through the row log, %.1f ms (max %.1f) reading the market whole",
                      name as NSString, median(logged), logged.max() ?? 0, median(whole), whole.max() ?? 0)
    }
}

/// Samples what the officers' connections wait for, every 100 ms through the day (`PostgresStore.waitSample`):
/// where commit latency goes, counted by the server rather than timed on a busy machine.
final class WaitSampler: @unchecked Sendable {
    private let store: PostgresStore
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var samples = 0
    private var stopped = false
    private let done = DispatchSemaphore(value: 0)

    init(_ store: PostgresStore) { self.store = store }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    func start() {
        Thread { [self] in
            while !locked({ stopped }) {
                if let labels = try? store.waitSample() {
                    locked {
                        samples += 1
                        for label in labels { counts[label, default: 0] += 1 }
                    }
                }
                usleep(100_000)
            }
            done.signal()
        }.start()
    }

    /// Stops sampling; one line per kind of wait, most frequent first, as a share of every busy connection seen.
    func finish() -> [String] {
        locked { stopped = true }
        done.wait()
        try? store.close()
        let total = counts.values.reduce(0, +)
        guard samples > 0, total > 0 else { return ["  waits sampled: none"] }
        var lines = [String(format: "  waits sampled every 100 ms (%d samples, %.1f officers' connections busy on average):",
                            samples, Double(total) / Double(samples))]
        for (label, n) in counts.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            lines.append(String(format: "    %5.1f %%  %@", 100 * Double(n) / Double(total), label))
        }
        return lines
    }
}
