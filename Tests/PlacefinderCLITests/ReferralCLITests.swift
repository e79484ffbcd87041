import Foundation
import Testing

/// `placefinder referral send | list | respond`: the pack's files and their permissions, warnings before
/// sending, one line per refusal, answers, and the audit trail.
@Suite(.serialized) struct ReferralCLITests {
    static func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as! NSNumber).intValue
    }

    @Test func sendWritesThePackPrivatelyWarnsAndLogsOneReferralPerProvider() throws {
        let store = try WorkflowCLITests.demoStore()
        let child = try CallsCLITests.waitingChild(store)
        var providers: [String: String] = [:]
        for r in try CallsCLITests.ranked(child, store) where providers[r["providerId"] as! String] == nil {
            providers[r["providerId"] as! String] = r["vacancyId"] as? String
        }
        let vacancies = Array(providers.values.sorted().prefix(3))
        try #require(vacancies.count == 3)
        let out = try CLI.temporaryDirectory().appendingPathComponent("packs").path
        let sent = try CLI.run(["referral", "send", child.lowercased()] + vacancies.flatMap { ["--to", $0] }
                               + ["--deadline", "tomorrow 12:00", "-o", out, "--store", store])
        #expect(sent.status == 0, "\(sent.stderr)")
        #expect(sent.stderr.contains("warning: no information on risk to others recorded"))
        #expect(sent.stdout.hasPrefix("sent referral K"), "\(sent.stdout)")
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files.count == 2 && files.allSatisfy { $0.hasPrefix("referral-\(child)-20261125-0900.") })
        #expect(try Self.mode(out) == 0o700)
        for file in files { #expect(try Self.mode(out + "/" + file) == 0o600) }
        let markdown = try String(contentsOfFile: out + "/" + files.first { $0.hasSuffix(".md") }!, encoding: .utf8)
        #expect(markdown.contains("response due 2026-11-26 12:00"))

        // An existing folder keeps its permissions; a second pack the same minute does not overwrite the first.
        try FileManager.default.setAttributes([.posixPermissions: 0o750], ofItemAtPath: out)
        let again = try CLI.run(["referral", "send", child, "--to", vacancies[0], "--format", "md", "-o", out, "--store", store])
        #expect(again.status == 1)
        #expect(again.stderr.contains("has not yet answered referral"), "\(again.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == 2, "a refused send leaves no file")
        #expect(try Self.mode(out) == 0o750)

        let list = try CLI.run(["referral", "list", "--child", child, "--store", store])
        let lines = list.stdout.split(separator: "\n")
        #expect(lines.count == 3 && lines.allSatisfy { $0.contains("due 2026-11-26 12:00") && !$0.contains("OVERDUE") }, "\(list.stdout)")
        let ids = lines.map { String($0.split(separator: " ")[0]) }

        let offer = try CLI.run(["referral", "respond", ids[0].lowercased(), "--offer", "--fee", "4300", "--start", "2026-12-01", "--store", store])
        #expect(offer.status == 0 && offer.stdout.contains("offered, £4300/wk from 2026-12-01"), "\(offer.stderr)")
        let decline = try CLI.run(["referral", "respond", ids[1], "--decline", "no bed for an emergency", "--store", store])
        #expect(decline.status == 0 && decline.stdout.contains("declined (this vacancy only)"), "\(decline.stderr)")
        let question = try CLI.run(["referral", "respond", ids[2], "--question", "Is there a school place?", "--store", store])
        #expect(question.status == 0 && question.stdout.contains("considering"), "\(question.stderr)")
        let twice = try CLI.run(["referral", "respond", ids[0], "--decline", "changed our mind", "--store", store])
        #expect(twice.status == 1 && twice.stderr.contains("was already answered"), "\(twice.stderr)")
        #expect(try CLI.run(["referral", "list", "--child", child, "--store", store]).stdout.contains("question"))

        let audit = try CLI.run(["audit", "--child", child, "--store", store])
        #expect(audit.stdout.components(separatedBy: "referral.send").count - 1 == 3)
        #expect(audit.stdout.components(separatedBy: "referral.respond").count - 1 == 3)
    }

    @Test func usageMistakesSayWhatToDo() throws {
        let store = try WorkflowCLITests.demoStore()
        let none = try CLI.run(["referral", "send", "C0001", "-o", "/tmp/x", "--store", store])
        #expect(none.status == 64 && none.stderr.contains("--to"), "\(none.stderr)")
        let both = try CLI.run(["referral", "respond", "K0001", "--offer", "--question", "why?", "--store", store])
        #expect(both.status == 64, "\(both.stderr)")
        let format = try CLI.run(["referral", "send", "C0001", "--to", "V00001", "--format", "pdf", "-o", "/tmp/x", "--store", store])
        #expect(format.status == 1 && format.stderr.contains("--format: pdf is not one of json, md"), "\(format.stderr)")
    }
}
