import Foundation
import Testing

/// `placefinder bench --store` ranks a real store's children against its vacancies; `--growth` times a
/// demo store at each size. Figures are not checked here (they come from release runs), only that each
/// mode reads what it should and fails plainly.
@Suite("bench command")
struct BenchCLITests {
    @Test func benchOnAStoreRanksThatStoresVacancies() throws {
        let store = try CLI.temporaryDirectory().appendingPathComponent("demo.sqlite").path
        #expect(try CLI.run(["demo", "--no-tui", "--vacancies", "321", "--store", store]).status == 0)
        let result = try CLI.run(["bench", "--store", store, "--runs", "3"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("matching benchmark on \(store)"))
        #expect(result.stdout.contains("   321 vacancies: median"), "\(result.stdout)")
    }

    @Test func benchOnAMissingStoreIsOneLine() throws {
        let missing = try CLI.temporaryDirectory().appendingPathComponent("none.sqlite").path
        let result = try CLI.run(["bench", "--store", missing])
        #expect(result.status == 1)
        #expect(result.stderr.split(separator: "\n").count == 1 && result.stderr.contains("no store at"))
        #expect(!FileManager.default.fileExists(atPath: missing))
    }

    @Test func growthReportsEverySize() throws {
        let result = try CLI.run(["bench", "--growth", "--growth-sizes", "200", "400", "--runs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        for size in ["    200 vacancies: build", "    400 vacancies: build"] { #expect(result.stdout.contains(size), "\(result.stdout)") }
        #expect(result.stdout.split(separator: "\n").filter { $0.hasPrefix("         store → snapshot") }.count == 2)
    }
}
