import Foundation
import Testing

/// `placefinder import ssda903` and `export ssda903`, as a user types them.
@Suite(.serialized) struct SSDA903CLITests {
    /// Demo → export 903 → import into an empty store → export 903: byte-identical. The empty store is given
    /// the demo's postcodes first (a real store has the ONS directory), so children and providers are located.
    @Test func demoReturnRoundTripsByteForByte() throws {
        let dir = try CLI.temporaryDirectory()
        let demo = dir.appendingPathComponent("demo.sqlite").path
        #expect(try CLI.run(["demo", "--no-tui", "--store", demo]).status == 0)
        let first = dir.appendingPathComponent("first"), second = dir.appendingPathComponent("second")
        for folder in [first, second] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false) }

        let exported = try CLI.run(["export", "ssda903", "--year", "2026", first.path, "--store", demo])
        #expect(exported.status == 0, "\(exported.stderr)")
        #expect(exported.stdout.hasPrefix("wrote header.csv (150 children) and episodes.csv ("), "\(exported.stdout)")
        let attributes = try FileManager.default.attributesOfItem(atPath: first.appendingPathComponent("episodes.csv").path)
        #expect((attributes[.posixPermissions] as? Int) == 0o600, "returns hold children's data")

        let postcodes = dir.appendingPathComponent("postcodes.csv").path
        #expect(try CLI.run(["export", "postcodes", "-o", postcodes, "--store", demo]).status == 0)
        let empty = dir.appendingPathComponent("empty.sqlite").path
        try CLI.initStore(empty)
        #expect(try CLI.run(["import", "postcodes", postcodes, "--store", empty]).status == 0)
        let imported = try CLI.run(["import", "ssda903", "--header", first.appendingPathComponent("header.csv").path,
                                    "--episodes", first.appendingPathComponent("episodes.csv").path, "--store", empty])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("imported 150 children and "), "\(imported.stdout)")

        #expect(try CLI.run(["export", "ssda903", "--year", "2026", second.path, "--store", empty]).status == 0)
        for name in ["header.csv", "episodes.csv"] {
            let a = try Data(contentsOf: first.appendingPathComponent(name))
            let b = try Data(contentsOf: second.appendingPathComponent(name))
            #expect(a == b, "\(name) did not round-trip")
        }
    }

    /// An SSDA903 return in `dir` whose episodes file's line 3 has an unknown legal status (LS `C9`).
    static func returnWithABadLegalStatus(in dir: URL) throws -> (header: URL, episodes: URL) {
        let header = dir.appendingPathComponent("header.csv"), episodes = dir.appendingPathComponent("episodes.csv")
        try "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,F,01/05/2012,,,,\n".write(to: header, atomically: true, encoding: .utf8)
        try """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            A1,01/06/2025,S,C1,N1,U4,PR4,01/09/2025,X1,CREQB,CF10 1AA,CF11 9XR,
            A1,01/09/2025,P,C9,N1,K2,PR5,,,,CF10 1AA,SA1 1AA,

            """.write(to: episodes, atomically: true, encoding: .utf8)
        return (header, episodes)
    }

    @Test func aBadEpisodeImportsNothingAndNamesFileLineAndColumn() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.initStore(store)
        let (header, episodes) = try Self.returnWithABadLegalStatus(in: dir)
        let result = try CLI.run(["import", "ssda903", "--header", header.path, "--episodes", episodes.path, "--store", store])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("placefinder: episodes.csv line 3, column LS: "), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line, no stack trace")
        #expect(try CLI.run(["export", "children", "--store", store]).stdout.split(separator: "\r\n").count == 1, "nothing imported")
    }

    @Test func usageMistakesNameTheFix() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.initStore(store)
        let noEpisodes = try CLI.run(["import", "ssda903", "--header", "h.csv", "--store", store])
        #expect(noEpisodes.status == 64)
        #expect(noEpisodes.stderr.contains("missing --episodes FILE"), "\(noEpisodes.stderr)")
        let noFolder = try CLI.run(["export", "ssda903", "--store", store])
        #expect(noFolder.status == 64)
        let yearOnProviders = try CLI.run(["export", "providers", "--year", "2026", "--store", store])
        #expect(yearOnProviders.status == 64)
    }
}
