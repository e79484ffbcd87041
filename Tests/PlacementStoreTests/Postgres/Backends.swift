import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

/// The PostgreSQL server the tests may use: `PLACEFINDER_TEST_POSTGRES`, a URL to a database whose role may
/// create databases (CI starts a throwaway cluster with scripts/pg-cluster.sh and always sets it).
enum TestPostgres {
    static let url = ProcessInfo.processInfo.environment["PLACEFINDER_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    static var isConfigured: Bool { url != nil }
    static let unsetReason: Comment = "PLACEFINDER_TEST_POSTGRES is unset: no PostgreSQL server to test against (.ci/run starts one and sets it)"

    /// The URL of a new, empty database on the test server (each test its own, so tests run in parallel).
    /// The cluster is thrown away after the run, so databases are not dropped.
    static func freshDatabaseURL() throws -> String {
        guard let url, let admin = PostgresLocation(url: url, defaultUser: OfficerIdentity.account()) else {
            throw StoreError.cannotConnect(server: "PLACEFINDER_TEST_POSTGRES", why: "unset or not a PostgreSQL URL")
        }
        let name = "pf_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
        let session = try PostgresSession(admin)
        defer { session.close() }
        try session.execute("CREATE DATABASE \(name)")
        var components = URLComponents(string: url)!
        var items = (components.queryItems ?? []).filter { $0.name != "dbname" }
        items.append(URLQueryItem(name: "dbname", value: name))
        components.queryItems = items
        return components.string!
    }

    /// A new, empty Placefinder store on the test server.
    static func freshStore() throws -> PostgresStore {
        try PostgresStore(PostgresLocation(url: freshDatabaseURL(), defaultUser: OfficerIdentity.account())!, create: true)
    }
}

/// The backends a store test runs on: SQLite always, PostgreSQL when a test server is configured.
enum Backend: String, CustomTestStringConvertible, Sendable {
    case sqlite, postgres

    static var configured: [Backend] { TestPostgres.isConfigured ? [.sqlite, .postgres] : [.sqlite] }

    var testDescription: String { rawValue }

    /// A new, empty store of this backend; `folder` keeps a SQLite store's folder alive.
    func freshStore(in folder: TempFolder) throws -> any PlacementStoring {
        switch self {
        case .sqlite: try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        case .postgres: try TestPostgres.freshStore()
        }
    }
}
