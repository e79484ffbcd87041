import Foundation
import PlacementStore

/// How the dashboard notices another officer's commit, so it reloads without a key.
///
/// On PostgreSQL the server pushes each commit's table names (LISTEN/NOTIFY, `PostgresChangeListener`): the
/// loop checks every turn, so a change shows within the turn's wait plus one partial load. On SQLite, and on
/// PostgreSQL if the listening connection cannot be opened or drops, the store's change counter
/// (`dataVersion`) is polled once a tick instead, so nothing is missed either way; while pushed, the counter
/// is still read every 30 ticks, for a commit whose notification never came.
final class ChangeWatch: @unchecked Sendable {
    private let store: any PlacementStoring
    private var listener: PostgresChangeListener?
    private var seenVersion: Int?

    init(_ store: any PlacementStoring) { self.store = store }

    /// Starts listening (PostgreSQL) and notes the counter to poll against.
    func start() {
        if let server = store as? PostgresStore { listener = try? PostgresChangeListener(store: server) }
        seenVersion = try? store.dataVersion()
    }

    func stop() {
        listener?.close()
        listener = nil
    }

    /// True while the server pushes commits (the loop then looks for them more often than it polls).
    var isPushed: Bool { listener?.isListening == true }

    /// While the server pushes, the counter is still read once every this many polls: a commit whose process
    /// died between COMMIT and announcing it shows within half a minute instead of never.
    static let pollsBetweenChecksWhilePushed = 30
    private var pollsSinceCheck = 0

    /// True when someone else committed since the last call. `polling`: a tick is due, so the counter may be read.
    func committedElsewhere(polling: Bool) -> Bool {
        if let listener, listener.isListening {
            if !listener.take().tables.isEmpty { return true }
            guard polling else { return false }
            pollsSinceCheck += 1
            guard pollsSinceCheck >= Self.pollsBetweenChecksWhilePushed else { return false }
            pollsSinceCheck = 0
        } else if !polling {
            return false
        }
        let version = try? store.dataVersion()
        defer { seenVersion = version }
        return version != seenVersion
    }
}
