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
