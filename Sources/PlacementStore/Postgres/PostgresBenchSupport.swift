import Foundation

extension PostgresStore {
    /// A new, empty database on the server `serverURL` points at (its role may create databases), and the URL
    /// that opens it: the regional benchmarks build their stores in databases of their own.
    public static func newDatabase(onServer serverURL: String, named name: String, defaultUser: String) throws -> String {
        guard PostgresRoles.isPlainName(name), let server = PostgresLocation(url: serverURL, defaultUser: defaultUser),
              var components = URLComponents(string: serverURL) else {
            throw StoreError.cannotConnect(server: "the server URL", why: StoreReason.notAUnderstoodURL.english())
        }
        let session = try PostgresSession(server)
        defer { session.close() }
        try session.execute("CREATE DATABASE \(name)")
        // `dbname` in the query wins over the path (PostgresLocation).
        components.queryItems = (components.queryItems ?? []).filter { $0.name != "dbname" } + [URLQueryItem(name: "dbname", value: name)]
        return components.string ?? serverURL
    }

    /// The same database under another login (an officer's role), as that officer's own process would open it.
    public func asLogin(_ role: String) throws -> PostgresStore {
        var other = location
        other.user = role
        return try PostgresStore(other)
    }
}

extension PostgresStore {
    /// What every other client connection to this database is doing at this instant, one label each (idle ones
    /// left out): the lock it waits for, named by what holds it in this schema, else PostgreSQL's wait event, else
    /// "running". The regional benchmark samples it during the day (issue 12's latency: waits, not CPU).
    /// Needs a login that sees other sessions (the server's owner in the benchmark).
    public func waitSample() throws -> [String] {
        try session.transaction(.readCommitted, readOnly: true) { tx in
            try tx.rows(Self.waitSampleSQL).map { $0[0] as String }
        }
    }

    /// Advisory keys as the audit append takes them (PostgresAuditChains.swift): 7283127, 7283128 with the chain.
    static let waitSampleSQL = """
        SELECT CASE
            WHEN a.state LIKE 'idle in transaction%' THEN 'between statements in a transaction (client)'
            WHEN l.locktype = 'advisory' AND l.objsubid = 1 AND l.classid = 0 AND l.objid = 7283127
                THEN 'audit lock 7283127 (the store''s one chain)'
            WHEN l.locktype = 'advisory' AND l.objsubid = 2 AND l.classid = 7283128 THEN 'audit chain lock of one authority'
            WHEN l.locktype = 'advisory' THEN 'advisory lock ' || l.classid || '/' || l.objid
            WHEN l.locktype = 'object' AND l.classid = 'pg_database'::regclass THEN 'NOTIFY queue lock (held until commit)'
            WHEN l.locktype IN ('tuple', 'transactionid') THEN 'row lock: ' || COALESCE(t.rel, 'a row being inserted')
            WHEN l.locktype IS NOT NULL THEN l.locktype || ' lock ' || COALESCE(l.relation::regclass::TEXT, '')
            WHEN a.wait_event_type IS NULL THEN 'running (CPU)'
            ELSE a.wait_event_type || ': ' || a.wait_event END
        FROM pg_stat_activity a
        LEFT JOIN LATERAL (SELECT * FROM pg_locks w WHERE w.pid = a.pid AND NOT w.granted LIMIT 1) l ON true
        LEFT JOIN LATERAL (SELECT string_agg(DISTINCT r.relation::regclass::TEXT, ',') AS rel FROM pg_locks r
                           WHERE r.pid = a.pid AND r.locktype = 'tuple') t ON true
        WHERE a.datname = current_database() AND a.backend_type = 'client backend' AND a.pid <> pg_backend_pid()
          AND a.state <> 'idle'
        """
}
