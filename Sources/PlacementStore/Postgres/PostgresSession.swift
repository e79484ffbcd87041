import Foundation
import GRDB
import PostgresNIO

/// The synchronous face of one PostgreSQL connection. `PlacementStoring` is synchronous (the CLI and the
/// dashboard's background queues call it and wait), PostgresNIO is asynchronous: each call here sends its
/// query on a dedicated one-thread event loop and blocks the calling thread on the future (`wait()`).
/// That is safe because no caller runs on that event loop, and cheap for a command-line program: one
/// connection per process, like one SQLite pool per process. Calls are serialised by a mutex held for a
/// whole transaction, so two threads of one process never interleave statements on the one connection.
final class PostgresSession: Sendable {
    /// One event-loop thread for every connection of the process; it lives as long as the process.
    static let eventLoops = MultiThreadedEventLoopGroup(numberOfThreads: 1)

    let location: PostgresLocation
    private let connection: PostgresConnection
    private let logger: Logger
    /// NSLock rather than a Mutex: the body returns any type, which a Mutex's `sending` result would restrict.
    private let exclusive = NSLock()
    /// The server process serving this connection: its own commits' notifications carry it.
    let backendPID: Int32

    init(_ location: PostgresLocation) throws {
        self.location = location
        var logger = Logger(label: "placefinder.postgres")
        logger.logLevel = .critical   // errors reach the officer as StoreError lines, never as logs with values
        self.logger = logger
        let configuration = try location.configuration()
        do {
            connection = try PostgresConnection.connect(on: Self.eventLoops.next(), configuration: configuration,
                                                        id: 1, logger: logger).wait()
        } catch {
            throw PostgresErrors.connecting(error, location: location)
        }
        do {
            let rows = try connection.query("SELECT pg_backend_pid()", logger: logger).wait()
            backendPID = try rows.first?.decode(Int32.self) ?? 0
            // This connection's commits are announced after they return (`announceChanges`, pg14).
            _ = try connection.query("SET placefinder.notify_after_commit = on", logger: logger).wait()
        } catch {
            try? connection.close().wait()
            throw PostgresErrors.mapped(error)
        }
    }

    /// Closes the connection (idempotent). Also run when the last reference goes: PostgresNIO requires a
    /// connection to be closed before it is released.
    func close() {
        exclusive.lock()
        defer { exclusive.unlock() }
        try? connection.close().wait()
    }

    deinit { try? connection.close().wait() }

    /// Runs `body` inside one transaction at `isolation`, committing if it returns and rolling back if it throws.
    /// A serialisation failure or deadlock (another officer's transaction won) runs the whole body again, up to
    /// five times, so the officer never sees one: the body must only read and write through `tx`.
    func transaction<T>(_ isolation: Isolation = .readCommitted, readOnly: Bool = false,
                        _ body: (PostgresTransaction) throws -> T) throws -> T {
        exclusive.lock()
        defer { exclusive.unlock() }
        var attempt = 0
        while true {
            attempt += 1
            do { try run("BEGIN ISOLATION LEVEL \(isolation.rawValue)" + (readOnly ? " READ ONLY" : ""), []) } catch {
                throw PostgresErrors.mapped(error)
            }
            do {
                let result = try body(PostgresTransaction(session: self))
                try run("COMMIT", [])
                if !readOnly { announceChanges() }
                return result
            } catch {
                _ = try? run("ROLLBACK", [])
                if attempt < 5, PostgresErrors.isRetryable(error) { continue }
                throw PostgresErrors.mapped(error)
            }
        }
    }

    /// Tells listening dashboards which tables the commit just made changed (collected in the session by the
    /// pg14 triggers), in a transaction of its own that waits for no flush: a NOTIFY sent inside the write
    /// would hold PostgreSQL's server-wide notification lock from its commit until that commit is on disk, and
    /// every other writer's commit would queue behind it. The write has committed whatever happens here: a
    /// failure (a store before pg14 has no such function; a dropped connection) is not the officer's.
    private func announceChanges() {
        _ = try? run("SELECT placefinder_announce_changes()", [])
    }

    /// One statement outside any transaction (schema set-up, `LISTEN`).
    func execute(_ sql: String) throws {
        exclusive.lock()
        defer { exclusive.unlock() }
        do { _ = try run(sql, []) } catch { throw PostgresErrors.mapped(error) }
    }

    enum Isolation: String { case readCommitted = "READ COMMITTED", repeatableRead = "REPEATABLE READ" }

    /// Sends one statement with `$1…` parameters and collects its rows as GRDB rows (see `OrderedRow`).
    @discardableResult
    fileprivate func run(_ sql: String, _ values: [DatabaseValue]) throws -> [Row] {
        var binds = PostgresBindings(capacity: values.count)
        for value in values {
            switch value.storage {
            case .null: binds.appendNull()
            case .int64(let n): binds.append(n)
            case .double(let d): binds.append(d)
            case .string(let s): binds.append(s)
            case .blob(let data): binds.append(ByteBuffer(bytes: data))
            }
        }
        let result = try connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).wait()
        var rows: [Row] = []
        for row in result {
            var columns: [(String, DatabaseValue)] = []
            columns.reserveCapacity(row.count)
            for cell in row { columns.append((cell.columnName, try Self.value(of: cell))) }
            rows.append(OrderedRow.make(columns))
        }
        return rows
    }

    /// A cell as the value SQLite would have stored: integers and booleans as INTEGER, floats as REAL, text.
    static func value(of cell: PostgresCell) throws -> DatabaseValue {
        guard cell.bytes != nil else { return .null }
        switch cell.dataType {
        case .int2, .int4, .int8, .oid: return try cell.decode(Int64.self).databaseValue
        case .bool: return (try cell.decode(Bool.self) ? 1 : 0).databaseValue
        case .float4, .float8: return try cell.decode(Double.self).databaseValue
        case .bytea: return Data(try cell.decode(ByteBuffer.self).readableBytesView).databaseValue
        case .void: return .null   // SELECT pg_advisory_xact_lock(…)
        default: return try cell.decode(String.self).databaseValue
        }
    }
}

/// The statements of one open transaction; only valid inside `PostgresSession.transaction`.
struct PostgresTransaction {
    fileprivate let session: PostgresSession

    /// Rows of one statement; `sql` uses `$1…` for `values`.
    @discardableResult
    func rows(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = []) throws -> [Row] {
        try session.run(sql, values.map { $0?.databaseValue ?? .null })
    }

    func execute(_ sql: String, _ values: [(any DatabaseValueConvertible)?] = []) throws {
        try rows(sql, values)
    }

    func one<T: DatabaseValueConvertible>(_ type: T.Type, _ sql: String, _ values: [(any DatabaseValueConvertible)?] = []) throws -> T? {
        guard let row = try rows(sql, values).first else { return nil }
        return row[0] as T?
    }
}

/// SQL written for SQLite with `?` placeholders, numbered for PostgreSQL (`$1`, `$2`…), outside quotes.
func numbered(_ sql: String) -> String {
    var out = "", n = 0, inQuote = false
    for c in sql {
        if c == "'" { inQuote.toggle() }
        if c == "?" && !inQuote {
            n += 1
            out += "$\(n)"
        } else {
            out.append(c)
        }
    }
    return out
}

/// `$1, $2, …, $n`.
func placeholders(_ count: Int, from first: Int = 1) -> String {
    (first..<(first + count)).map { "$\($0)" }.joined(separator: ", ")
}
