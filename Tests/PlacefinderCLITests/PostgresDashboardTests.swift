import Foundation
import PlacementCore
@testable import PlacementStore
import TerminalUI
import Testing
@testable import placefinder

/// The dashboard on a regional store: `demo --store postgresql://…` builds the world with a login per authority,
/// each login sees its own authority's children, and another authority's commit reaches an open dashboard by
/// the server's notification alone (the loop's poll is an hour apart). Skipped without a server.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["PLACEFINDER_TEST_POSTGRES"] != nil,
                             "PLACEFINDER_TEST_POSTGRES is unset: no PostgreSQL server to test against (.ci/run starts one and sets it)"))
struct PostgresDashboardTests {
    static func login(_ name: String, to url: String) throws -> PostgresStore {
        var location = try #require(PostgresLocation(url: url, defaultUser: OfficerIdentity.account()))
        location.user = name
        return try PostgresStore(location)
    }

    @Test func theDemoGivesEveryAuthorityALoginAndAColleaguesCommitElsewhereShowsWithoutAKey() throws {
        let url = try PostgresCLITests.freshServerStore()
        let built = try CLI.run(["demo", "--no-tui", "--children", "60", "--vacancies", "80", "--providers", "40", "--store", url])
        #expect(built.status == 0, "\(built.stderr)")
        #expect(built.stderr.components(separatedBy: "demo_").count - 1 == 22, "\(built.stderr)")

        let cardiff = try Self.login("demo_cardiff", to: url), swansea = try Self.login("demo_swansea", to: url)
        #expect(try cardiff.loginAuthority() == "W06000015")
        let everyone = try PostgresStore(try #require(PostgresLocation(url: url, defaultUser: OfficerIdentity.account()))).children()
        #expect(Set(everyone.map(\.placingAuthority)).count > 2)
        #expect(try cardiff.children().map(\.id) == everyone.filter { $0.placingAuthority == "W06000015" }.map(\.id))
        #expect(try swansea.children().allSatisfy { $0.placingAuthority == "W06000011" })
        #expect(try cardiff.vacancies().map(\.id) == swansea.vacancies().map(\.id))

        let runtime = TerminalRuntime(db: cardiff, officer: "demo_cardiff", clock: { RuntimeLoopTests.now })
        func openVacancies(_ b: Buffer) -> String { b.lines()[0].components(separatedBy: "│").first { $0.contains("open vacanc") } ?? "" }
        var before = ""
        let provider = try #require(try swansea.providers().first)
        let script = ScriptedTerminal([
            .until("the dashboard", RuntimeLoopTests.shows("Urgent children")),
            .until("the top bar", { b in before = openVacancies(b); return !before.isEmpty }),
            .run {
                // Swansea's officer logs a provider's call opening a bed, in their own process and login.
                let draft = NoticeDraft(providerID: provider.id, kind: .vacancyOpened, receivedAt: RuntimeLoopTests.now,
                                        newVacancy: VacancyDraft(setting: .foster, ageRange: 0...17,
                                                                 availableFrom: Day(iso: "2026-11-25")!, weeklyFee: 600))
                _ = try? swansea.logNotice(draft, officer: "demo_swansea", now: RuntimeLoopTests.now)
            },
            .until("Swansea's new bed", { b in !before.isEmpty && openVacancies(b) != before }),
            .key(.char("q")),
        ])
        _ = runtime.run(on: script, authority: "W06000015", redact: false, pollSeconds: 3600)
        #expect(script.timedOut == nil, "waited for \(script.timedOut ?? "")")
    }

    /// A commit whose notification is never sent (its process died between COMMIT and announcing it; here a
    /// Placefinder connection's raw write, which defers its names and never announces them) is still found, by
    /// the change counter the watch reads every so many polls while pushed.
    @Test func aCommitWhoseNotificationNeverCameIsFoundByTheCounter() throws {
        let url = try PostgresCLITests.freshServerStore()
        try CLI.importExamples(into: url)
        let location = try #require(PostgresLocation(url: url, defaultUser: OfficerIdentity.account()))
        let watch = ChangeWatch(try PostgresStore(location))
        watch.start()
        defer { watch.stop() }
        #expect(watch.isPushed)
        let session = try PostgresSession(location)
        defer { session.close() }
        try session.execute("UPDATE vacancies SET weekly_fee = weekly_fee + 1")
        let seen = (1...ChangeWatch.pollsBetweenChecksWhilePushed).map { _ in watch.committedElsewhere(polling: true) }
        #expect(seen == Array(repeating: false, count: seen.count - 1) + [true])
        // Found once: the next check finds nothing new.
        #expect((1...ChangeWatch.pollsBetweenChecksWhilePushed).allSatisfy { _ in !watch.committedElsewhere(polling: true) })
    }
}

