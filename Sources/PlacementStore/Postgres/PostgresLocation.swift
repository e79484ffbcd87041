import Foundation
import PostgresNIO

/// Where a PostgreSQL store is, parsed from a `postgresql://` (or `postgres://`) URL in libpq's form:
/// `postgresql://[user[:password]@][host][:port][/database][?host=/socket/dir&sslmode=…]`.
/// A `host` that is a folder (in the authority or as `?host=`) means the server's Unix socket
/// `DIR/.s.PGSQL.PORT`; peer authentication then names the officer by their OS account.
public struct PostgresLocation: Sendable, Equatable {
    public enum Endpoint: Sendable, Equatable {
        case socket(path: String)
        case tcp(host: String, port: Int)
    }

    public enum TLSMode: String, Sendable, Equatable { case disable, prefer, require }

    public var endpoint: Endpoint
    public var user: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    /// True for a string the command line should treat as a server, not a file path.
    public static func isURL(_ text: String) -> Bool {
        text.hasPrefix("postgresql://") || text.hasPrefix("postgres://")
    }

    /// Nil unless `text` is a well-formed PostgreSQL URL. `defaultUser` is the OS account (libpq's default too).
    public init?(url text: String, defaultUser: String) {
        guard Self.isURL(text), let components = URLComponents(string: text) else { return nil }
        var query: [String: String] = [:]
        for item in components.queryItems ?? [] { query[item.name] = item.value ?? "" }
        let known: Set = ["host", "port", "user", "password", "dbname", "sslmode"]
        guard query.keys.allSatisfy(known.contains) else { return nil }
        let port = query["port"].flatMap(Int.init) ?? components.port ?? 5432
        guard (1...65_535).contains(port) else { return nil }
        let host = query["host"] ?? components.percentEncodedHost.flatMap { $0.removingPercentEncoding } ?? ""
        if host.isEmpty || host.hasPrefix("/") {
            let folder = host.isEmpty ? "/var/run/postgresql" : host
            endpoint = .socket(path: folder + "/.s.PGSQL.\(port)")
        } else {
            endpoint = .tcp(host: host, port: port)
        }
        user = query["user"] ?? components.user.flatMap { $0.removingPercentEncoding } ?? defaultUser
        password = query["password"] ?? components.password.flatMap { $0.removingPercentEncoding }
        let path = components.path.hasPrefix("/") ? String(components.path.dropFirst()) : components.path
        database = query["dbname"] ?? (path.isEmpty ? user : path.removingPercentEncoding ?? path)
        // libpq's default is "prefer"; a socket never uses TLS.
        guard let mode = TLSMode(rawValue: query["sslmode"] ?? "prefer") else { return nil }
        tls = mode
    }

    /// The URL without its password, for messages.
    public var display: String {
        switch endpoint {
        case .socket(let path):
            let folder = (path as NSString).deletingLastPathComponent
            return "postgresql://\(user)@/\(database)?host=\(folder)"
        case .tcp(let host, let port): return "postgresql://\(user)@\(host):\(port)/\(database)"
        }
    }

    func configuration() throws -> PostgresConnection.Configuration {
        switch endpoint {
        case .socket(let path):
            return PostgresConnection.Configuration(unixSocketPath: path, username: user, password: password, database: database)
        case .tcp(let host, let port):
            let tls: PostgresConnection.Configuration.TLS = switch self.tls {
            case .disable: .disable
            case .prefer: .prefer(try NIOSSLContext(configuration: .makeClientConfiguration()))
            case .require: .require(try NIOSSLContext(configuration: .makeClientConfiguration()))
            }
            return PostgresConnection.Configuration(host: host, port: port, username: user, password: password,
                                                    database: database, tls: tls)
        }
    }
}
