import Foundation
import PostgresNIO

/// Other officers' commits on a PostgreSQL store, pushed by the server the moment they commit
/// (`LISTEN placefinder_changes`; the triggers of migration pg11 send the changed table's name).
///
/// It has its own connection: a `LISTEN` sent on the store's connection could land inside another thread's
/// transaction and be lost with its rollback, and a listening connection never blocks the store's queries.
/// Notifications from the store's own connection are dropped: the dashboard reloads after its own writes
/// anyway. Bursts coalesce here: whatever arrived since the last `take()` is one set of table names.
public final class PostgresChangeListener: @unchecked Sendable {
    private let connection: PostgresConnection
    private let ownPID: Int32
    private let lock = NSLock()
    private var pending: Set<String> = []
    private var firstArrival: ContinuousClock.Instant?

    /// Listens for commits by every connection but `store`'s own.
    public convenience init(store: PostgresStore) throws {
        try self.init(store.location, ignoring: store.session.backendPID)
    }

    init(_ location: PostgresLocation, ignoring ownPID: Int32) throws {
        self.ownPID = ownPID
        var logger = Logger(label: "placefinder.postgres.listen")
        logger.logLevel = .critical
        do {
            connection = try PostgresConnection.connect(on: PostgresSession.eventLoops.next(), configuration: try location.configuration(),
                                                        id: 2, logger: logger).wait()
        } catch {
            throw PostgresErrors.connecting(error, location: location)
        }
        connection.addListener(channel: PostgresLiveSchema.channel) { [weak self] _, note in
            self?.arrived(table: note.payload, from: note.backendPID)
        }
        do {
            _ = try connection.query(PostgresQuery(unsafeSQL: "LISTEN " + PostgresLiveSchema.channel), logger: logger).wait()
        } catch {
            try? connection.close().wait()
            throw PostgresErrors.mapped(error)
        }
    }

    deinit { try? connection.close().wait() }

    public func close() { try? connection.close().wait() }

    /// False once the connection is gone (server restart, network): the caller should poll instead.
    public var isListening: Bool { !connection.isClosed }

    private func arrived(table: String, from pid: Int32) {
        guard pid != ownPID else { return }
        lock.lock()
        if pending.isEmpty { firstArrival = .now }
        pending.insert(table)
        lock.unlock()
    }

    /// The tables other connections changed since the last call (empty when none), and when the first of
    /// those notifications arrived.
    public func take() -> (tables: Set<String>, since: ContinuousClock.Instant?) {
        lock.lock()
        defer { lock.unlock() }
        let taken = (pending, firstArrival)
        pending = []
        firstArrival = nil
        return taken
    }
}
