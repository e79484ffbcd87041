import ArgumentParser
import Foundation
import PlacefinderApp
import PlacementCore
import PlacefinderBench
import PlacementStore

/// `placefinder bench-store`: the store's own figures on a demo store — dashboard loads (store → AppData,
/// whole and after one commit) and workflow commits. Release build; it writes, so it refuses a real store.
struct BenchStore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-store",
        abstract: cliHelp(.cliHelpBenchStore), discussion: cliHelp(.cliAboutBenchStore))

    @Option(help: optionHelp(.cliOptBenchStoreLoads)) var loads = 20
    @Option(help: optionHelp(.cliOptBenchStoreCommits)) var commits = 500
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let db = try storeOptions.openExisting()
        guard try db.setting(Demo.demoMarker) == "true" else {
            throw UserError(.cliBenchStoreNeedsDemo)
        }
        let clock = ContinuousClock()
        var whole: [Double] = [], incremental: [Double] = []
        var data = try AppDataLoader.load(db, now: Session.now)
        for _ in 0..<loads {
            let start = clock.now
            data = try AppDataLoader.load(db, now: Session.now)
            whole.append((clock.now - start).milliseconds)
        }
        print(String(format: "load (store → AppData, %d vacancies, %d children): median %.1f ms, max %.1f ms",
                     data.vacancies.count, data.children.count, median(whole), whole.max() ?? 0))
        var indexing: [Double] = []
        for _ in 0..<loads {
            let start = clock.now
            _ = IndexedData(data: data, authority: "W06000015", now: Session.now)
            indexing.append((clock.now - start).milliseconds)
        }
        print(String(format: "index (AppData → every screen's index, two threads): median %.1f ms, max %.1f ms",
                     median(indexing), indexing.max() ?? 0))
        printHeapShares(db)
        for figures in try CommitBenchmark.run(db, count: commits, officer: Session.officer, now: Session.now) {
            print(figures.line)
        }
        var indexed = IndexedData(data: data, authority: "W06000015", now: Session.now)
        var reindexing: [Double] = []
        for _ in 0..<loads {
            try db.recordContact(ContactDraft(childID: data.children[0].id, providerID: data.providers[0].id, at: Session.now,
                                              outcome: .considering), officer: Session.officer, now: Session.now)
            let start = clock.now
            data = try AppDataLoader.load(db, now: Session.now, previous: data)
            let loaded = clock.now
            indexed = IndexedData(data: data, authority: "W06000015", now: Session.now, previous: indexed)
            incremental.append((loaded - start).milliseconds)
            reindexing.append((clock.now - loaded).milliseconds)
        }
        print(String(format: "reload after a call (only contacts re-read): median %.1f ms, max %.1f ms",
                     median(incremental), incremental.max() ?? 0))
        print(String(format: "index after a call (only the calls' part rebuilt): median %.1f ms, max %.1f ms",
                     median(reindexing), reindexing.max() ?? 0))
        try benchBedChanges(db, data: data)
    }

    /// A colleague's notice changes one bed's fee: the reload reads that bed's row (the row log), not the table.
    private func benchBedChanges(_ db: PlacementDatabase, data start: AppData) throws {
        guard let (reloads, _) = try BedNoticeReloads.run(db, from: start, runs: loads, officer: Session.officer, now: Session.now,
                                                          alsoWhole: false, reload: { try AppDataLoader.load(db, now: Session.now, previous: $0) })
        else { return }
        print(String(format: "reload after a notice on a bed (that bed, the providers and the notices re-read): median %.1f ms, max %.1f ms",
                     median(reloads), reloads.max() ?? 0))
    }

    /// The memory a dashboard's data and its index hold, each built alone: the resident set's growth, the heap
    /// trimmed before each reading (so what was freed is not counted).
    private func printHeapShares(_ db: PlacementDatabase) {
        func inUse() -> Double {
            #if canImport(Glibc)
            _ = glibcMallocTrim(0)
            #endif
            return PeakMemory.residentMebibytes() ?? 0
        }
        let before = inUse()
        guard let data = try? AppDataLoader.load(db, now: Session.now) else { return }
        let loaded = inUse()
        let index = IndexedData(data: data, authority: "W06000015", now: Session.now)
        let indexed = inUse()
        print(String(format: "resident: the data %.1f MB, its index %.1f MB (%d vacancies, %d placements, %d children)",
                     loaded - before, indexed - loaded, data.vacancies.count, data.placements.count, data.children.count))
        withExtendedLifetime((data, index)) {}
    }
}

