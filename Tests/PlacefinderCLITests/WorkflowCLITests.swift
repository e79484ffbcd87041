import Foundation
import PlacementStore
import Testing

@Suite(.serialized) struct WorkflowCLITests {
    static func json(_ arguments: [String]) throws -> [[String: Any]] {
        let result = try CLI.run(arguments)
        precondition(result.status == 0, result.stderr)
        return try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [[String: Any]]
    }

    static func demoStore() throws -> String {
        let store = try CLI.temporaryDirectory().appendingPathComponent("demo.sqlite").path
        let result = try CLI.run(["demo", "--no-tui", "--store", store])
        precondition(result.status == 0, result.stderr)
        return store
    }

    /// The phone call of seed report 6.11: a provider ends a placement today; the ring-round starts again.
    @Test func theSameDayNoticeStory() throws {
        let store = try Self.demoStore()
        let children = try Self.json(["export", "children", "--format", "json", "--store", store])
        let placements = try Self.json(["export", "placements", "--format", "json", "--store", store])
        let placed = Set(children.filter { $0["status"] as? String == "placed" }.map { $0["id"] as! String })
        let current = try #require(placements.first { $0["actualEnd"] == nil && placed.contains($0["childID"] as! String) })
        let child = current["childID"] as! String, provider = current["providerID"] as! String, oldID = current["id"] as! String

        // 09:00: the provider rings; the placement ends at 17:00 today.
        let notice = try CLI.run(["notice", "add", "--provider", provider, "--kind", "placement_ending", "--child", child,
                                  "--effective", "today 17:00", "--reason", "CREQB", "--text", "carer cannot continue", "--store", store])
        #expect(notice.status == 0, "\(notice.stderr)")
        #expect(notice.stdout.hasPrefix("logged notice N") && notice.stdout.contains("\(child) notice_received")
                && notice.stdout.contains("8 h notice") && notice.stdout.split(separator: "\n").count == 1)
        let after = try Self.json(["export", "children", "--format", "json", "--store", store]).first { $0["id"] as? String == child }!
        #expect(after["status"] as? String == "notice_received")
        #expect(after["urgency"] as? String == "emergency")

        // The ring-round: one provider declines, the best match is held.
        let match = try CLI.run(["match", child, "--json", "--store", store])
        #expect(match.status == 0, "\(match.stderr)")
        let ranked = ((try JSONSerialization.jsonObject(with: Data(match.stdout.utf8)) as! [String: Any])["result"] as! [String: Any])["ranked"] as! [[String: Any]]
        let best = try #require(ranked.first)
        let vacancy = best["vacancyId"] as! String, bestProvider = best["providerId"] as! String
        let decliner = ranked.map { $0["providerId"] as! String }.first { $0 != bestProvider && $0 != provider } ?? "P0001"
        let call = try CLI.run(["contact", "add", "--child", child, "--provider", decliner, "--outcome", "declined",
                                "--reason", "cannot meet needs", "--store", store])
        #expect(call.status == 0 && call.stdout.hasPrefix("recorded call K") && call.stdout.contains("declined"), "\(call.stderr)")
        let noReason = try CLI.run(["contact", "add", "--child", child, "--provider", decliner, "--outcome", "declined", "--store", store])
        #expect(noReason.status == 1 && noReason.stderr == "placefinder: a declined call needs --reason\n")

        let hold = try CLI.run(["hold", vacancy, "--child", child, "--store", store])
        #expect(hold.status == 0 && hold.stdout == "held \(vacancy) for \(child) until 23:59\n", "\(hold.stderr)")
        let other = children.first { $0["status"] as? String == "needs_placement" }!["id"] as! String
        let colleague = try CLI.run(["hold", vacancy, "--child", other, "--store", store], environment: ["PLACEFINDER_OFFICER": "colleague"])
        #expect(colleague.status == 1)
        #expect(colleague.stderr == "placefinder: vacancy \(vacancy) is held by test-officer for another child until 23:59\n")

        // 11:00: the child is placed in the held bed, with the approvals the ranking flagged.
        let options: [String: [String]] = ["out_of_area": ["--panel-approval", "Panel 25 Nov"],
                                           "key_stage_4_school_move": ["--ks4-approval", "J. Evans"],
                                           "for_profit": ["--exceptional-reason", "only bed that meets needs"]]
        let approvals = (best["flags"] as? [String] ?? []).flatMap { options[$0] ?? [] }
        let place = try CLI.run(["place", child, vacancy, "--store", store] + approvals)
        #expect(place.status == 0, "\(place.stderr)")
        #expect(place.stdout.hasPrefix("placed \(child) in \(vacancy) as PL") && place.stdout.contains("ended \(oldID): breakdown (CREQB, 8 h notice)"))
        let history = try Self.json(["export", "placements", "--format", "json", "--store", store]).filter { $0["childID"] as? String == child }
        let old = try #require(history.first { $0["id"] as? String == oldID })
        #expect(old["actualEnd"] as? String == "2026-11-25" && old["ending"] as? String == "breakdown")
        #expect(old["noticeHours"] as? Int == 8 && old["endReason"] as? String == "CREQB")
        let new = try #require(history.first { $0["vacancyID"] as? String == vacancy && $0["id"] as? String != oldID })
        #expect(new["actualEnd"] == nil && new["start"] as? String == "2026-11-25")
        let placedNow = try Self.json(["export", "children", "--format", "json", "--store", store]).first { $0["id"] as? String == child }!
        #expect(placedNow["status"] as? String == "placed")

        // Placing again without a notice is refused in one line.
        let again = try CLI.run(["place", child, vacancy, "--store", store])
        #expect(again.status == 1 && again.stderr.hasPrefix("placefinder: \(child) is placed and no notice has been received"))
        #expect(again.stderr.split(separator: "\n").count == 1)
        #expect(again.stderr.contains("add --planned-move"))
    }

    @Test func everyWorkflowCommandHasHelpAndOneLineErrors() throws {
        for command in [["notice", "add"], ["contact", "add"], ["hold"], ["place"]] {
            let help = try CLI.run(command + ["--help"])
            #expect(help.status == 0 && help.stdout.contains("--store"), "\(command)")
        }
        let store = try Self.demoStore()
        let failures: [([String], String)] = [
            (["notice", "add", "--provider", "P-NOPE", "--kind", "vacancy_filled", "--vacancy", "V00001"], "placefinder: no provider with id P-NOPE\n"),
            (["notice", "add", "--provider", "P0001", "--kind", "ending"], "placefinder: --kind: ending is not one of placement_ending, vacancy_opened, vacancy_changed, vacancy_filled, vacancy_withdrawn\n"),
            (["notice", "add", "--provider", "P0001", "--kind", "placement_ending", "--child", "C0001", "--effective", "at teatime", "--reason", "CREQB"],
             "placefinder: --effective: not a time (use ISO 8601 such as 2026-11-25T17:00, or \"today 17:00\")\n"),
            (["contact", "add", "--child", "C-NOPE", "--provider", "P0001", "--outcome", "offered"], "placefinder: no child with id C-NOPE\n"),
            (["hold", "V-NOPE", "--child", "C0001"], "placefinder: no vacancy with id V-NOPE\n"),
            (["hold", "V00001", "--release"], ""),
            (["place", "C0001", "V-NOPE"], "placefinder: no vacancy with id V-NOPE\n"),
        ]
        for (arguments, message) in failures {
            let result = try CLI.run(arguments + ["--store", store])
            #expect(result.status == 1, "\(arguments)")
            if message.isEmpty {
                #expect(result.stderr.split(separator: "\n").count == 1, "\(arguments): \(result.stderr)")
            } else {
                #expect(result.stderr == message, "\(arguments)")
            }
        }
    }

    /// Two officers' processes write to one store at once: nothing is lost and nobody sees "locked".
    /// Several officers' processes write at once (issue 6): every row lands, nobody sees "database is locked".
    @Test func severalProcessesWriteAtOnce() throws {
        let officers = 4, each = 15
        let store = try Self.demoStore()
        let children = try Self.json(["export", "children", "--format", "json", "--store", store]).map { $0["id"] as! String }
        let vacancies = try Self.json(["export", "vacancies", "--format", "json", "--store", store])
        let open = vacancies.filter { $0["status"] as? String == "open" }
        let before = try PlacementDatabase(path: store, create: true)
        let (noticesBefore, contactsBefore) = (try before.notices().count, try before.contacts().count)
        try before.close()

        func script(officer: Int) -> String {
            var lines = ["PF=\"\(CLI.binary.path)\"", "S=\"\(store)\""]
            for n in 0..<each {
                let v = open[officer * each + n]
                lines.append("\"$PF\" notice add --provider \(v["providerID"] as! String) --kind vacancy_changed --vacancy \(v["id"] as! String) --fee \(1_000 + n) --store \"$S\" || echo FAILED notice \(n)")
                lines.append("\"$PF\" contact add --child \(children[officer * each + n]) --provider \(v["providerID"] as! String) --outcome no_answer --store \"$S\" || echo FAILED contact \(n)")
            }
            for n in 0..<3 {
                let v = open[100 + officer * 3 + n]
                lines.append("\"$PF\" hold \(v["id"] as! String) --child \(children[100 + officer]) --store \"$S\" || echo FAILED hold \(n)")
            }
            return lines.joined(separator: "\n")
        }
        var processes: [(Process, Pipe, Pipe)] = []
        for officer in 0..<officers {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", script(officer: officer)]
            var env = ProcessInfo.processInfo.environment
            env["PLACEFINDER_NOW"] = CLI.pinnedNow
            env["PLACEFINDER_OFFICER"] = "officer-\(officer)"
            process.environment = env
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            processes.append((process, out, err))
        }
        for (process, _, _) in processes { try process.run() }
        var outputs: [String] = []
        for (process, out, err) in processes {
            let stdout = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            outputs.append(stdout + stderr)
            #expect(stderr.isEmpty, "\(stderr)")
            #expect(!stdout.contains("FAILED"))
            #expect(stdout.split(separator: "\n").count == 2 * each + 3)
        }
        #expect(!outputs.joined().lowercased().contains("locked"))
        #expect(!outputs.joined().lowercased().contains("busy"))

        let after = try PlacementDatabase(path: store, create: true)
        #expect(try after.notices().count == noticesBefore + officers * each)
        #expect(try after.contacts().count == contactsBefore + officers * each)
        for officer in 0..<officers {
            let entries = try after.auditEntries(user: "officer-\(officer)")
            #expect(entries.filter { $0.action == "notice.log" }.count == each)
            #expect(entries.filter { $0.action == "contact.record" }.count == each)
            #expect(entries.filter { $0.action == "vacancy.hold" }.count == 3)
        }
        let held = try after.vacancies().filter { $0.hold?.officer.hasPrefix("officer-") == true }
        #expect(held.count == officers * 3)
        let changed = try after.vacancies().filter { v in open.prefix(officers * each).contains { $0["id"] as? String == v.id } }
        #expect(changed.count == officers * each && changed.allSatisfy { (1_000..<1_000 + each).contains($0.weeklyFee) })
        #expect(try after.integrityCheck() == ["ok"])
        print("concurrency: \(officers) processes × (\(each) notices + \(each) calls + 3 holds) = \(officers * (2 * each + 3)) writes, "
              + "all present, none failed, no 'locked' or 'busy'")
    }
}
