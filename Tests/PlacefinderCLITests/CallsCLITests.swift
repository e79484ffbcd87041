import Foundation
import Testing

/// Calls with notes, call-backs and decline scopes; corrections of notices and calls, from the command line.
@Suite(.serialized) struct CallsCLITests {
    static func ranked(_ child: String, _ store: String) throws -> [[String: Any]] {
        let match = try CLI.run(["match", child, "--json", "--store", store])
        precondition(match.status == 0, match.stderr)
        return ((try JSONSerialization.jsonObject(with: Data(match.stdout.utf8)) as! [String: Any])["result"] as! [String: Any])["ranked"] as! [[String: Any]]
    }

    static func waitingChild(_ store: String) throws -> String {
        let children = try WorkflowCLITests.json(["export", "children", "--format", "json", "--store", store])
        return children.first { $0["status"] as? String == "needs_placement" }!["id"] as! String
    }

    @Test func aNoteAndACallBackOnAnyOutcomeAndAVacancyScopedDecline() throws {
        let store = try WorkflowCLITests.demoStore()
        let child = try Self.waitingChild(store)
        let before = try Self.ranked(child, store)
        // A provider with two vacancies in the ranking: declining one leaves the other.
        var seen: [String: [String]] = [:]
        for r in before { seen[r["providerId"] as! String, default: []].append(r["vacancyId"] as! String) }
        let (provider, vacancies) = try #require(seen.first { $0.value.count > 1 })

        let call = try CLI.run(["call", "add", "--child", child, "--provider", provider, "--vacancy", vacancies[0], "--outcome", "considering",
                                "--note", "manager checking the rota", "--call-back", "tomorrow 10:00", "--store", store])
        #expect(call.status == 0, "\(call.stderr)")
        #expect(call.stdout.hasSuffix("considering, call back 2026-11-26 10:00\n"), "\(call.stdout)")

        let decline = try CLI.run(["contact", "add", "--child", child, "--provider", provider, "--vacancy", vacancies[0], "--outcome", "declined",
                                   "--reason", "room too small", "--scope", "vacancy", "--store", store])
        #expect(decline.status == 0 && decline.stdout.contains("declined (this vacancy only)"), "\(decline.stderr)")
        let after = try Self.ranked(child, store).map { $0["vacancyId"] as! String }
        #expect(!after.contains(vacancies[0]))
        #expect(after.contains(vacancies[1]), "the provider's other vacancy stays in the ranking")

        // Widened by amendment: every vacancy of the provider goes; the original call is kept.
        let id = String(decline.stdout.split(separator: " ")[2].dropLast())
        let amend = try CLI.run(["call", "amend", id, "--scope", "provider", "--reason", "they meant every bed", "--store", store])
        #expect(amend.status == 0 && amend.stdout.hasPrefix("amended call \(id) as K") && amend.stdout.contains("all of this provider's vacancies"),
                "\(amend.stderr)")
        #expect(Set(try Self.ranked(child, store).map { $0["providerId"] as! String }).contains(provider) == false)
        let again = try CLI.run(["call", "amend", id, "--note", "x", "--reason", "x", "--store", store])
        #expect(again.status == 1 && again.stderr.hasPrefix("placefinder: \(id) has already been corrected by K"))

        let badScope = try CLI.run(["call", "add", "--child", child, "--provider", provider, "--outcome", "offered", "--scope", "vacancy", "--store", store])
        #expect(badScope.status == 1 && badScope.stderr == "placefinder: a decline scope does not apply to a call with outcome offered\n")
        let badTime = try CLI.run(["call", "add", "--child", child, "--provider", provider, "--outcome", "no_answer", "--call-back", "soonish", "--store", store])
        #expect(badTime.status == 1 && badTime.stderr.hasPrefix("placefinder: --call-back: not a time"))
    }

    @Test func withdrawingAndAmendingANotice() throws {
        let store = try WorkflowCLITests.demoStore()
        let children = try WorkflowCLITests.json(["export", "children", "--format", "json", "--store", store])
        let placements = try WorkflowCLITests.json(["export", "placements", "--format", "json", "--store", store])
        let placed = Set(children.filter { $0["status"] as? String == "placed" }.map { $0["id"] as! String })
        let current = try #require(placements.first { $0["actualEnd"] == nil && placed.contains($0["childID"] as! String) })
        let child = current["childID"] as! String, provider = current["providerID"] as! String

        let logged = try CLI.run(["notice", "add", "--provider", provider, "--kind", "placement_ending", "--child", child,
                                  "--effective", "today 17:00", "--reason", "CREQB", "--store", store])
        #expect(logged.status == 0, "\(logged.stderr)")
        let id = String(logged.stdout.split(separator: " ")[2])

        let amended = try CLI.run(["notice", "amend", id, "--effective", "2026-12-09T12:00", "--reason", "provider rang back", "--store", store])
        #expect(amended.status == 0, "\(amended.stderr)")
        #expect(amended.stdout.contains(": \(child) notice_received, ") && amended.stdout.hasSuffix("ends 2026-12-09\n"), "\(amended.stdout)")
        let urgency = try WorkflowCLITests.json(["export", "children", "--format", "json", "--store", store]).first { $0["id"] as? String == child }!["urgency"]
        #expect(urgency as? String == "2026-12-09")

        let amendedID = String(amended.stdout.split(separator: " ")[4].dropLast())
        let stale = try CLI.run(["notice", "withdraw", id, "--reason", "wrong child", "--store", store])
        #expect(stale.status == 1 && stale.stderr == "placefinder: \(id) has already been corrected by \(amendedID); correct \(amendedID) instead\n")
        let withdrawn = try CLI.run(["notice", "withdraw", amendedID, "--reason", "logged against the wrong child", "--store", store])
        #expect(withdrawn.status == 0 && withdrawn.stdout.hasSuffix(": \(child) placed, \(current["id"] as! String) no planned end\n"), "\(withdrawn.stdout)\(withdrawn.stderr)")
        let status = try WorkflowCLITests.json(["export", "children", "--format", "json", "--store", store]).first { $0["id"] as? String == child }!["status"]
        #expect(status as? String == "placed")

        let noReason = try CLI.run(["notice", "withdraw", amendedID, "--reason", " ", "--store", store])
        #expect(noReason.status == 1 && noReason.stderr.hasPrefix("placefinder: "))
        let audit = try CLI.run(["audit", "--store", store])
        #expect(audit.stdout.contains("notice.amend") && audit.stdout.contains("notice.withdraw") && !audit.stdout.contains("wrong child"))
    }
}
