import Foundation
import Testing

/// `audit`, `check` and the loose-permissions warning, through the real binary.
@Suite(.serialized) struct SafetyCLITests {
    /// A store in a private (0700) folder, filled with the example files.
    static func exampleStore() throws -> (dir: URL, store: String) {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("private/store.sqlite").path
        try CLI.importExamples(into: store)
        return (dir, store)
    }

    @Test func auditListsEntriesInUKTimeAndRecordsItsOwnReading() throws {
        let (_, store) = try Self.exampleStore()
        let table = try CLI.run(["audit", "--store", store])
        #expect(table.status == 0, "\(table.stderr)")
        let lines = table.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first?.hasPrefix("time (UK)") == true)
        #expect(lines.contains { $0.contains("test-officer") && $0.contains("import") && $0.contains("children") })
        #expect(lines.last == "7 entries", "store init, 5 imports and this read: \(lines)")
        #expect(table.stderr.isEmpty, "a private store gets no warning: \(table.stderr)")

        // A child's entries (a match is recorded against the child) and the JSON form.
        #expect(try CLI.run(["match", "CH-001", "--store", store]).status == 0)
        let child = try CLI.run(["audit", "--child", "CH-001", "--json", "--store", store])
        #expect(child.status == 0, "\(child.stderr)")
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(child.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["action"] as? String } == ["match", "audit.read"], "\(entries)")
        // Audit times are the real clock (PLACEFINDER_NOW pins only the working day), in UK time with its offset.
        let time = try #require(entries.first?["time"] as? String)
        #expect(time.wholeMatch(of: /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|\+01:00)/) != nil, "\(time)")
        #expect(lines.dropFirst().allSatisfy { $0.wholeMatch(of: /\d{4}-\d\d-\d\d \d\d:\d\d:\d\d (GMT|BST) .*|\d+ entries/) != nil }, "\(lines)")
        #expect(entries.allSatisfy { $0["recordID"] as? String == "CH-001" && $0["recordType"] as? String == "child" })

        let byUser = try CLI.run(["audit", "--user", "nobody-else", "--since", "2026-01-01", "--store", store])
        #expect(byUser.stdout.hasSuffix("0 entries\n"), "\(byUser.stdout)")
        let bad = try CLI.run(["audit", "--since", "2025-02-30", "--store", store])
        #expect(bad.status != 0 && bad.stderr.contains("--since"), "\(bad.stderr)")
    }

    @Test func checkPassesAGoodStoreAndFailsABrokenOne() throws {
        let dir = try CLI.temporaryDirectory()
        let demo = dir.appendingPathComponent("private/demo.sqlite").path
        #expect(try CLI.run(["demo", "--no-tui", "--store", demo]).status == 0)
        let good = try CLI.run(["check", "--store", demo])
        #expect(good.status == 0, "\(good.stdout)\(good.stderr)")
        #expect(good.stdout.contains("No problems found."))
        #expect(good.stdout.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count == 11, "the file, the audit chain and 9 rules")

        // The example vacancy VAC-003 is held until 2025-09-02; at the pinned clock (2026-11-25) that hold has lapsed.
        // The example child CH-005 is "notice received", but notices cannot be imported from CSV, so none is recorded.
        let (_, store) = try Self.exampleStore()
        let stale = try CLI.run(["check", "--store", store])
        #expect(stale.status == 1)
        #expect(stale.stdout.contains("PROBLEM  no vacancy is still held after its hold expired\n         - vacancy VAC-003"), "\(stale.stdout)")
        #expect(stale.stdout.contains("PROBLEM  every child marked notice received has a placement-ending notice\n         - child CH-005"))
        #expect(stale.stdout.hasSuffix("2 problems found.\n"))
        let earlier = try CLI.run(["check", "--store", store], environment: ["PLACEFINDER_NOW": "2025-09-01T09:00:00Z"])
        #expect(earlier.status == 1 && earlier.stdout.hasSuffix("1 problem found.\n"), "\(earlier.stdout)")

        let missing = try CLI.run(["check", "--store", dir.appendingPathComponent("none.sqlite").path])
        #expect(missing.status == 1 && missing.stderr.split(separator: "\n").count == 1)
        let junk = dir.appendingPathComponent("junk.sqlite")
        try Data(repeating: 0x41, count: 8_192).write(to: junk)
        let notStore = try CLI.run(["check", "--store", junk.path])
        #expect(notStore.status == 1 && notStore.stderr.contains("not a Placefinder store"), "\(notStore.stderr)")
    }

    @Test func aLooseStoreGetsOneWarningLineAndTheCommandGoesOn() throws {
        let (dir, store) = try Self.exampleStore()
        let folder = dir.appendingPathComponent("private").path
        chmod(folder, 0o755)
        chmod(store, 0o644)
        let result = try CLI.run(["export", "providers", "--store", store])
        #expect(result.status == 0)
        #expect(result.stdout.contains("PRV-001"), "the command went on")
        let lines = result.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(result.stderr)")
        #expect(lines.first?.hasPrefix("placefinder: warning: \(store)") == true)
        #expect(result.stderr.contains("chmod 600 \(store)") && result.stderr.contains("chmod 700 \(folder)"))
        // Reading commands never chmod; opening to write tightens the file it owns; the folder is the administrator's to fix.
        let mode = try FileManager.default.attributesOfItem(atPath: store)[.posixPermissions] as? Int
        #expect(mode == 0o644)
        #expect(try CLI.run(["store", "upgrade", "--store", store]).status == 0)
        let again = try CLI.run(["export", "vacancies", "--store", store])
        #expect(again.status == 0)
        #expect(!again.stderr.contains("chmod 600") && again.stderr.contains("chmod 700"), "\(again.stderr)")
        chmod(folder, 0o700)
        #expect(try CLI.run(["export", "providers", "--store", store]).stderr.isEmpty)
    }
}
