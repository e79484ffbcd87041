import Dispatch
import GRDB
import GRDBSQLite
import Synchronization

/// Moves SQLite's WAL checkpoints off the officer's commit. SQLite checkpoints inside the commit that takes the
/// log past 1,000 pages: copying them into the store and syncing it made that commit the slowest (a notice's
/// p99 6.5 ms against 2.9 ms on a disk that does not sync; `bench-store`). Here the writer never checkpoints;
/// its commit hook hands the work to a utility queue, which checkpoints PASSIVE on a connection of its own,
/// so it runs beside the next commits and never waits for a reader. A checkpoint is safe at any moment, and
/// a process that never gets to one leaves the log to the next (the last connection closed checkpoints too).
final class WALCheckpointer: Sendable {
    /// SQLite's own automatic threshold, so the log grows no larger than it did.
    static let pagesBeforeCheckpoint: Int32 = 1000

    private let path: String
    private let queue = DispatchQueue(label: "placefinder.wal-checkpoint", qos: .utility)
    /// (one queued, the store closed)
    private let state = Mutex((queued: false, stopped: false))

    init(path: String) { self.path = path }

    /// On the pool's writer connection, once: from now on its commits only ask for a checkpoint.
    func install(on db: Database) throws {
        try db.execute(sql: "PRAGMA wal_autocheckpoint = 0")
        // Retained for the life of the process: the hook may fire until SQLite closes the connection.
        let context = Unmanaged.passRetained(self).toOpaque()
        sqlite3_wal_hook(db.sqliteConnection, { context, _, _, pages in
            if pages >= WALCheckpointer.pagesBeforeCheckpoint, let context {
                Unmanaged<WALCheckpointer>.fromOpaque(context).takeUnretainedValue().request()
            }
            return SQLITE_OK
        }, context)
    }

    private func request() {
        let start = state.withLock { state in
            guard !state.queued, !state.stopped else { return false }
            state.queued = true
            return true
        }
        if start { queue.async { self.checkpoint() } }
    }

    private func checkpoint() {
        guard state.withLock({ state in state.queued = false; return !state.stopped }) else { return }
        // Read-write without create: a store removed or replaced meanwhile is never made again here.
        var connection: OpaquePointer?
        defer { sqlite3_close_v2(connection) }
        guard sqlite3_open_v2(path, &connection, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, nil) == SQLITE_OK else { return }
        // A new connection knows the store is in WAL mode only once it has read the header.
        guard sqlite3_exec(connection, "PRAGMA schema_version", nil, nil, nil) == SQLITE_OK else { return }
        // Busy (another process checkpointing) or a reader still on old pages: the next request tries again.
        _ = sqlite3_wal_checkpoint_v2(connection, nil, SQLITE_CHECKPOINT_PASSIVE, nil, nil)
    }

    /// Before the store closes: no checkpoint starts after this returns, and one running has finished.
    func stop() {
        state.withLock { $0.stopped = true }
        queue.sync {}
    }
}
