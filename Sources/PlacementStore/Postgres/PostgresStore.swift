import Foundation
import GRDB
import PlacementCore

/// The Placefinder store on a PostgreSQL server (issue 12): the regional store several authorities share.
/// It conforms to `PlacementStoring` with SQLite's guarantees (every write one transaction, `snapshot` one
/// consistent read, record versions checked on write), writing and reading rows through the same row codecs.
/// What is not built yet throws `StoreError.notOnPostgres` naming it (see docs/operations.md).
public final class PostgresStore: Sendable {
    public let location: PostgresLocation
    let session: PostgresSession

    /// Connects and brings the schema up to date. Without `create`, a database with no Placefinder schema is
    /// refused (only `store init` creates one); a schema from a newer build is always refused.
    /// With `create`, a database that already holds one is refused (`store init` never reuses a store).
    public init(_ location: PostgresLocation, create: Bool = false) throws {
        self.location = location
        session = try PostgresSession(location)
        do {
            let present = try session.transaction(readOnly: true) { tx in
                try tx.one(Bool.self, "SELECT to_regclass('placefinder_migrations') IS NOT NULL") ?? false
            }
            if create && present { throw StoreError.storeExists(path: location.display) }
            if !create && !present { throw StoreError.missingStore(path: location.display) }
            try PostgresSchema.migrate(session)
        } catch {
            session.close()
            throw error
        }
    }

    /// Opens `text` as a PostgreSQL URL (`postgresql://…`); nil when it is not one.
    public static func open(url text: String, create: Bool = false, defaultUser: String) throws -> PostgresStore? {
        guard PostgresLocation.isURL(text) else { return nil }
        guard let location = PostgresLocation(url: text, defaultUser: defaultUser) else {
            throw StoreError.cannotConnect(server: "the --store URL", why: StoreReason.notAUnderstoodURLExample.english())
        }
        return try PostgresStore(location, create: create)
    }

    /// `placefinder store init --store postgresql://…`: the schema in a database that has none.
    public static func create(url text: String, defaultUser: String) throws -> PostgresStore {
        guard let store = try open(url: text, create: true, defaultUser: defaultUser) else {
            throw StoreError.cannotConnect(server: "the --store URL", why: StoreReason.notAPostgresURL.english())
        }
        return store
    }

    public func close() throws { session.close() }

    func read<T>(_ body: (PostgresTransaction) throws -> T) throws -> T {
        try session.transaction(.repeatableRead, readOnly: true, body)
    }

    func write<T>(_ body: (PostgresTransaction) throws -> T) throws -> T {
        try session.transaction(.readCommitted, readOnly: false, body)
    }

    public func appliedMigrations() throws -> [String] {
        // In the order this build applies them; one it does not know (refused on opening) would sort last.
        let order = Dictionary(uniqueKeysWithValues: PostgresSchema.known.enumerated().map { ($1, $0) })
        return try read { tx in
            try PostgresSchema.applied(tx).sorted { (order[$0] ?? .max, $0) < (order[$1] ?? .max, $1) }
        }
    }

    // MARK: settings

    public func setting(_ key: String) throws -> String? {
        try read { tx in try tx.one(String.self, "SELECT value FROM settings WHERE key = $1", [key]) }
    }

    public func setSetting(_ key: String, _ value: String?) throws {
        try write { tx in
            if let value {
                try tx.execute("INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                               [key, value])
            } else {
                try tx.execute("DELETE FROM settings WHERE key = $1", [key])
            }
        }
    }

    /// The authority the connected login places for (`officer add`), nil on a store without roles or for a
    /// login with no authority (the server's administrator).
    public func loginAuthority() throws -> String? {
        try read { tx in try tx.one(String.self, "SELECT placefinder_login_authority(session_user::TEXT)") }
    }

    /// Changes whenever anyone commits a counted change: the sum of the per-table counters.
    public func dataVersion() throws -> Int {
        try read { tx in try tx.one(Int.self, "SELECT COALESCE(SUM(version), 0)::BIGINT FROM table_versions") ?? 0 }
    }

    public func counts() throws -> StoreCounts {
        try read { tx in
            func count(_ sql: String) throws -> Int { try tx.one(Int.self, sql) ?? 0 }
            // A commissioner reads no child's table: their cover's counts (PostgresReports.swift).
            if case .aggregates = try Self.readerScope(tx) { return try Self.aggregateCounts(tx) }
            return StoreCounts(
                children: try count("SELECT COUNT(*) FROM children"),
                providers: try count("SELECT COUNT(*) FROM providers"),
                openVacancies: try count("SELECT COUNT(*) FROM vacancies WHERE status = 'open'"),
                placements: try count("SELECT COUNT(*) FROM placements"),
                postcodes: try count("SELECT COUNT(*) FROM postcodes"))
        }
    }
}
