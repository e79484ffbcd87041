import ArgumentParser
import Foundation
import PlacefinderApp
import PlacementCore
import PlacementStore

/// `placefinder bench-live --store postgresql://…`: how soon another officer's dashboard learns of a commit on a
/// regional store. One connection writes (a ring-round call, a real workflow write); a second, as a dashboard
/// does, listens (LISTEN/NOTIFY) and on each notification re-reads what changed. Release build, demo store.
struct BenchLive: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-live",
        abstract: cliHelp(.cliHelpBenchLive), discussion: cliHelp(.cliAboutBenchLive))

    @Option(help: optionHelp(.cliOptBenchLiveRounds)) var rounds = 100
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        guard storeOptions.isServer, let writer = try storeOptions.openStore() as? PostgresStore,
              let reader = try storeOptions.openStore() as? PostgresStore else {
            throw UserError(.cliBenchLiveNeedsServer)
        }
        guard try writer.setting(Demo.demoMarker) == "true" else {
            throw UserError(.cliBenchLiveNeedsDemo)
        }
        let listener = try PostgresChangeListener(store: reader)
        var data = try AppDataLoader.load(reader, now: Session.now)
        guard let child = data.children.first(where: { $0.status != .placed }) ?? data.children.first, let provider = data.providers.first else {
            throw UserError(.cliBenchLiveNeedsRecords)
        }
        let clock = ContinuousClock()
        var commit: [Double] = [], notified: [Double] = [], reloaded: [Double] = []
        for _ in 0..<rounds {
            _ = listener.take()
            let start = clock.now
            try writer.recordContact(ContactDraft(childID: child.id, providerID: provider.id, at: Session.now, outcome: .noAnswer),
                                     officer: Session.officer, now: Session.now)
            commit.append((clock.now - start).milliseconds)
            var arrival: ContinuousClock.Instant?
            let deadline = clock.now.advanced(by: .seconds(5))
            while arrival == nil && clock.now < deadline {
                arrival = listener.take().since
                if arrival == nil { usleep(200) }
            }
            guard let arrival else { throw UserError(.cliBenchLiveNoNotification) }
            notified.append((arrival - start).milliseconds)
            data = try AppDataLoader.load(reader, now: Session.now, previous: data)
            reloaded.append((clock.now - start).milliseconds)
        }
        print("\(rounds) commits (a call logged) on one connection, a listening dashboard's connection on another:")
        for (name, values) in [("commit returned", commit), ("notification arrived", notified), ("changed table re-read", reloaded)] {
            print("  \(name): " + String(format: "p50 %.2f ms, p99 %.2f ms, max %.2f ms (from the start of the commit)",
                                           percentile(values, 0.5), percentile(values, 0.99), values.max() ?? 0))
        }
        print("  the dashboard checks for notifications every loop turn (at most 100 ms apart when idle), then indexes the data")
        listener.close()
    }

    private func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.down)))]
    }
}
