import Foundation
import Testing

@Suite(.serialized) struct ImportExportCLITests {
    @Test func examplesImportAndExportRoundTrips() throws {
        let dir = try CLI.temporaryDirectory()
        let first = dir.appendingPathComponent("first.sqlite").path
        try CLI.importExamples(into: first)
        for kind in ["providers", "vacancies", "children", "placements", "postcodes"] {
            for format in ["csv", "json"] {
                let exported = try CLI.run(["export", kind, "--format", format, "--store", first])
                #expect(exported.status == 0, "\(exported.stderr)")
                #expect(!exported.stdout.isEmpty)
            }
        }
        // Export → import into a new store → export again: identical.
        let second = dir.appendingPathComponent("second.sqlite").path
        try CLI.initStore(second)
        for kind in ["postcodes", "providers", "children", "vacancies", "placements"] {
            let file = dir.appendingPathComponent("\(kind).csv")
            #expect(try CLI.run(["export", kind, "-o", file.path, "--store", first]).status == 0)
            let attributes = try FileManager.default.attributesOfItem(atPath: file.path)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "exports hold children's data")
            let imported = try CLI.run(["import", kind, file.path, "--store", second])
            #expect(imported.status == 0, "\(imported.stderr)")
        }
        for kind in ["providers", "vacancies", "children", "placements", "postcodes"] {
            let a = try CLI.run(["export", kind, "--store", first]).stdout
            let b = try CLI.run(["export", kind, "--store", second]).stdout
            #expect(a == b, "\(kind) did not round-trip")
        }
    }

    @Test func aBadRowImportsNothingAndNamesFileLineAndColumn() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.importExamples(into: store)
        let before = try CLI.run(["export", "vacancies", "--store", store]).stdout

        var lines = try String(contentsOf: CLI.examples.appendingPathComponent("vacancies.csv"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // New ids so only the bad row can fail; line 4 gets a reversed age range.
        lines = lines.enumerated().map { n, line in n == 0 || line.isEmpty ? line : line.replacingOccurrences(of: "VAC-", with: "NEW-") }
        var fields = lines[3].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        (fields[5], fields[6]) = ("15", "9")
        lines[3] = fields.joined(separator: ",")
        let bad = dir.appendingPathComponent("bad-vacancies.csv")
        try lines.joined(separator: "\n").write(to: bad, atomically: true, encoding: .utf8)

        let result = try CLI.run(["import", "vacancies", bad.path, "--store", store])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("placefinder: bad-vacancies.csv line 4, column age_"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").count == 1, "one line, no stack trace")
        #expect(try CLI.run(["export", "vacancies", "--store", store]).stdout == before, "nothing half-imported")
    }

    @Test func referencesToMissingRecordsAreRefusedWithTheLine() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.initStore(store)
        let result = try CLI.run(["import", "vacancies", CLI.examples.appendingPathComponent("vacancies.csv").path, "--store", store])
        #expect(result.status == 1)
        #expect(result.stderr.contains("vacancies.csv line 2, column provider_id: no provider"), "\(result.stderr)")
        #expect(try CLI.run(["export", "vacancies", "--store", store]).stdout.split(separator: "\n").count == 1, "header only")
    }

    @Test func mistakesGetOneLineAndANonZeroExit() throws {
        let dir = try CLI.temporaryDirectory()
        let missing = dir.appendingPathComponent("none.sqlite").path
        let cases: [[String]] = [
            ["export", "vacancies", "--store", missing],
            ["import", "vacancies", dir.appendingPathComponent("nope.csv").path, "--store", missing],
            ["match", "C9999", "--store", missing],
            ["backup", dir.appendingPathComponent("b.sqlite").path, "--store", missing],
        ]
        for arguments in cases {
            let result = try CLI.run(arguments)
            #expect(result.status != 0, "\(arguments)")
            #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
            #expect(!result.stderr.contains("Fatal error") && !result.stderr.contains("Stack"))
        }
        #expect(!FileManager.default.fileExists(atPath: missing), "a mistake creates no store")
    }

    @Test func backupCopiesTheStore() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.importExamples(into: store)
        let copy = dir.appendingPathComponent("copy.sqlite").path
        let result = try CLI.run(["backup", copy, "--store", store])
        #expect(result.status == 0, "\(result.stderr)")
        for kind in ["providers", "vacancies", "children", "placements"] {
            #expect(try CLI.run(["export", kind, "--store", copy]).stdout == CLI.run(["export", kind, "--store", store]).stdout)
        }
        #expect(try CLI.run(["backup", copy, "--store", store]).status == 1, "an existing backup is not overwritten silently")
    }
}
