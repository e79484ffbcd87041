import Testing
@testable import PlacementStore

@Suite struct PostgresLocationTests {
    @Test func aSocketFolderInTheQueryIsTheServersUnixSocket() throws {
        let location = try #require(PostgresLocation(url: "postgresql://postgres@/placefinder?host=/tmp/pg", defaultUser: "me"))
        #expect(location.endpoint == .socket(path: "/tmp/pg/.s.PGSQL.5432"))
        #expect(location.user == "postgres")
        #expect(location.database == "placefinder")
    }

    @Test func aHostNameIsTCPWithTLSPreferredAndThePortGiven() throws {
        let location = try #require(PostgresLocation(url: "postgresql://ann:secret@db.example.org:6432/wales", defaultUser: "me"))
        #expect(location.endpoint == .tcp(host: "db.example.org", port: 6432))
        #expect(location.password == "secret")
        #expect(location.tls == .prefer)
        #expect(!location.display.contains("secret"))
    }

    @Test func withoutAUserOrDatabaseTheOSAccountNamesBoth() throws {
        let location = try #require(PostgresLocation(url: "postgres://", defaultUser: "officer1"))
        #expect(location.user == "officer1")
        #expect(location.database == "officer1")
        #expect(location.endpoint == .socket(path: "/var/run/postgresql/.s.PGSQL.5432"))
    }

    @Test func filePathsAndUnknownOptionsAreNotServers() {
        #expect(!PostgresLocation.isURL("/home/me/placefinder.sqlite"))
        #expect(PostgresLocation(url: "postgresql://h/db?sslmode=sometimes", defaultUser: "me") == nil)
        #expect(PostgresLocation(url: "postgresql://h/db?application=x", defaultUser: "me") == nil)
    }

    @Test func scriptsAreCutAtSemicolonsOutsideQuotesAndFunctionBodies() {
        let parts = PostgresSchema.statements("""
            CREATE TABLE a (x TEXT DEFAULT ';');
            CREATE FUNCTION f() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$;
            SELECT 1
            """)
        #expect(parts.count == 3)
        #expect(parts[1].contains("RETURN NULL; END"))
    }

    @Test func placeholdersAreNumberedOutsideQuotes() {
        #expect(numbered("SELECT '?' WHERE a = ? AND b = ?") == "SELECT '?' WHERE a = $1 AND b = $2")
    }
}
