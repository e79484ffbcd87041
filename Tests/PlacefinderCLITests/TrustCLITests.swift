import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 11 through the real binary: who is recorded, the group layout, read-only use, store faults,
/// and what the audit trail says about matches and its own reading.
@Suite(.serialized) struct TrustCLITests {
    static let usersGroup: gid_t = 100   // `users`: present on Debian and most Linux hosts
    static var runsAsRoot: Bool { geteuid() == 0 && getgrgid(usersGroup) != nil && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv") }

    /// Runs the binary as `nobody` with the `users` group, through setpriv, with `USER`, `LOGNAME` and `SUDO_USER`
    /// claiming to be alice and no PLACEFINDER_OFFICER: the account the kernel says is the one recorded.
    static func runAsNobody(_ arguments: [String], binary: String) throws -> CLI.Output {
        var env = ProcessInfo.processInfo.environment
        env["PLACEFINDER_OFFICER"] = nil
        env["PLACEFINDER_STORE"] = nil
        env["PLACEFINDER_NOW"] = CLI.pinnedNow
        for key in ["USER", "LOGNAME", "SUDO_USER"] { env[key] = "alice" }
        env["HOME"] = "/nonexistent"
        return try CLI.launch(URL(fileURLWithPath: "/usr/bin/setpriv"),
                              ["--reuid=65534", "--regid=65534", "--groups=\(usersGroup)", "--", binary] + arguments,
                              environment: env)
    }

    /// A folder `nobody` can enter, holding a copy of the binary `nobody` can run.
    static func sharedDirectory() throws -> (dir: URL, binary: String) {
        let dir = try CLI.temporaryDirectory()
        chmod(dir.path, 0o755)
        let binary = dir.appendingPathComponent("placefinder").path
        try FileManager.default.copyItem(atPath: CLI.binary.path, toPath: binary)
        chmod(binary, 0o755)
        return (dir, binary)
    }

    static func mode(_ path: String) -> (mode: mode_t, gid: gid_t)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (info.st_mode & 0o7777, info.st_gid)
    }

    static func auditJSON(_ store: String, _ extra: [String] = []) throws -> [[String: Any]] {
        let result = try CLI.run(["audit", "--json", "--store", store] + extra)
        precondition(result.status == 0, result.stderr)
        return (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]]) ?? []
    }

    @Test func aGroupStoreRecordsEachOfficersOwnAccountNotTheOneTheyClaim() throws {
        guard Self.runsAsRoot else { return }
        let (dir, binary) = try Self.sharedDirectory()
        let store = dir.appendingPathComponent("shared/store.sqlite").path
        let created = try CLI.run(["store", "init", "--group", "users", "--store", store])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(Self.mode(dir.appendingPathComponent("shared").path)! == (0o2770, Self.usersGroup))
        #expect(Self.mode(store)! == (0o660, Self.usersGroup))

        // nobody, a member of the group, claims to be alice through every variable that used to name the officer.
        let imported = try Self.runAsNobody(["import", "providers", CLI.examples.appendingPathComponent("providers.csv").path,
                                             "--store", store], binary: binary)
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stderr.isEmpty, "the group layout is not warned about: \(imported.stderr)")
        for file in [store, store + "-wal", store + "-shm"] where FileManager.default.fileExists(atPath: file) {
            #expect(Self.mode(file)! == (0o660, Self.usersGroup), "\(file) stays the group's")
        }
        let entries = try Self.auditJSON(store)
        let importEntry = try #require(entries.first { $0["action"] as? String == "import" })
        #expect(importEntry["user"] as? String == "nobody", "\(importEntry)")
        #expect(!entries.contains { $0["user"] as? String == "alice" })
    }

    @Test func readingCommandsWorkOnAStoreTheOfficerMayOnlyReadAndChangeNothing() throws {
        guard Self.runsAsRoot else { return }
        let (dir, binary) = try Self.sharedDirectory()
        let folder = dir.appendingPathComponent("shared").path
        let store = folder + "/store.sqlite"
        #expect(try CLI.run(["store", "init", "--group", "users", "--store", store]).status == 0)
        try CLI.importExamples(into: store)
        // The group may read only: folder 2750, file 0640; no -wal or -shm after the last process closed.
        chmod(folder, 0o2750)
        chmod(store, 0o640)
        #expect(!FileManager.default.fileExists(atPath: store + "-wal"))
        let before = FileManager.default.contents(atPath: store)

        let check = try Self.runAsNobody(["check", "--store", store], binary: binary)
        #expect(check.stdout.contains("ok       the file is sound"), "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("2 problems found."), "the example store's two known problems: \(check.stdout)")
        let export = try Self.runAsNobody(["export", "providers", "--store", store], binary: binary)
        #expect(export.status == 0 && export.stdout.contains("PRV-001"), "\(export.stderr)")
        let match = try Self.runAsNobody(["match", "CH-001", "--store", store], binary: binary)
        #expect(match.status == 0, "\(match.stderr)")
        let audit = try Self.runAsNobody(["audit", "--store", store], binary: binary)
        #expect(audit.status == 0 && audit.stdout.contains("entries"), "\(audit.stderr)")
        let summary = try Self.runAsNobody(["open", "--read-only", "--summary", "--store", store], binary: binary)
        #expect(summary.status == 0 && summary.stdout.contains("open vacancies"), "\(summary.stderr)")
        for result in [export, match, audit] {
            #expect(result.stderr == "placefinder: note: the store is read-only for you, so this was not recorded in its audit trail\n")
        }

        #expect(FileManager.default.contents(atPath: store) == before, "nothing written")
        #expect(!FileManager.default.fileExists(atPath: store + "-wal") && !FileManager.default.fileExists(atPath: store + "-shm"))
        #expect(Self.mode(store)! == (0o640, Self.usersGroup), "nothing chmod-ed")
        // A command that writes says why it cannot, in one line.
        let hold = try Self.runAsNobody(["import", "providers", CLI.examples.appendingPathComponent("providers.csv").path, "--store", store],
                                        binary: binary)
        #expect(hold.status == 1 && hold.stderr.split(separator: "\n").count == 1, "\(hold.stderr)")
    }

    @Test func onlyStoreInitOrDemoCreatesAStore() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("new/store.sqlite").path
        let providers = CLI.examples.appendingPathComponent("providers.csv").path
        let refused = try CLI.run(["import", "providers", providers, "--store", store])
        #expect(refused.status == 1)
        #expect(refused.stderr == "placefinder: no store at \(store); create one with `placefinder store init --store \(store)` (or `placefinder demo` for a demo)\n")
        #expect(!FileManager.default.fileExists(atPath: store))

        #expect(try CLI.run(["store", "init", "--store", store]).status == 0)
        #expect(Self.mode(dir.appendingPathComponent("new").path)?.mode == 0o700 && Self.mode(store)?.mode == 0o600)
        let again = try CLI.run(["store", "init", "--store", store])
        #expect(again.status == 1 && again.stderr.contains("already exists"), "\(again.stderr)")
        #expect(try CLI.run(["import", "providers", providers, "--store", store]).status == 0)

        // An empty file at the path (a failed copy, a touch) is not a store, for any command.
        let empty = dir.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        for arguments in [["check"], ["backup", dir.appendingPathComponent("b.sqlite").path], ["export", "providers"],
                          ["import", "providers", providers], ["audit"], ["match", "CH-001"]] {
            let result = try CLI.run(arguments + ["--store", empty])
            #expect(result.status == 1 && result.stderr == "placefinder: \(empty) is not a Placefinder store (the file is empty); check the --store path\n",
                    "\(arguments): \(result.stdout)\(result.stderr)")
        }
        #expect(FileManager.default.contents(atPath: empty) == Data())
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("b.sqlite").path))

        // A symbolic link at the store's path is refused, and its target left as it was.
        let link = dir.appendingPathComponent("link.sqlite").path
        #expect(symlink(store, link) == 0)
        chmod(store, 0o640)
        let linked = try CLI.run(["export", "providers", "--store", link])
        #expect(linked.status == 1 && linked.stderr.contains("is a symbolic link"), "\(linked.stderr)")
        #expect(Self.mode(store)?.mode == 0o640)
    }

    @Test func aCorruptStoreIsAProblemForCheckAndOneLineForOthers() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.importExamples(into: store)
        // Keep the header page (so it is still recognisably a store); scribble over the rest.
        let handle = try FileHandle(forUpdating: URL(fileURLWithPath: store))
        let size = try handle.seekToEnd()
        try handle.seek(toOffset: 4_096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: Int(size) - 4_096))
        try handle.close()

        let check = try CLI.run(["check", "--store", store])
        #expect(check.status == 1)
        #expect(check.stdout.contains("PROBLEM  the file is damaged"), "\(check.stdout)\(check.stderr)")
        let export = try CLI.run(["export", "providers", "--store", store])
        #expect(export.status == 1)
        #expect(export.stderr == "placefinder: the store file is damaged (SQLite reports corruption); stop using it, keep a copy, and restore the latest backup (docs/operations.md)\n",
                "\(export.stderr)")
    }

    @Test func aFileSizeLimitEndsTheImportWithOneLineAndNothingSaved() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.initStore(store)
        var csv = "pcds,lat,long,oslaua,doterm\n"
        var n = 0
        outer: for district in 1...99 {
            for sector in 0...9 {
                for a in "ABDEFGHJLNPQRSTUWXYZ" {
                    for b in "ABDEFGHJLNPQRSTUWXYZ" {
                        csv += "CF\(district) \(sector)\(a)\(b),51.48,-3.18,W06000015,\n"
                        n += 1
                        if n == 60_000 { break outer }
                    }
                }
            }
        }
        let file = dir.appendingPathComponent("onspd.csv")
        try csv.write(to: file, atomically: true, encoding: .utf8)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        // ulimit -f counts KiB in bash: 1 MiB is less than 60,000 postcodes take in the store.
        process.arguments = ["-c", "ulimit -f 1024; exec \"$0\" \"$@\"", CLI.binary.path, "import", "postcodes", file.path, "--store", store]
        var env = ProcessInfo.processInfo.environment
        env["PLACEFINDER_OFFICER"] = "test-officer"
        process.environment = env
        let err = Pipe()
        process.standardError = err
        process.standardOutput = Pipe()
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "not killed by SIGXFSZ")
        #expect(process.terminationStatus == 1)
        #expect(stderr.hasPrefix("placefinder: the ") && stderr.split(separator: "\n").count == 1, "\(stderr)")
        #expect(stderr.contains("full") || stderr.contains("ulimit"), "\(stderr)")

        let after = try CLI.run(["export", "postcodes", "--store", store])
        #expect(after.status == 0 && after.stdout.split(separator: "\n").count == 1, "nothing half-imported: \(after.stderr)")
        let check = try CLI.run(["check", "--store", store])
        #expect(check.stdout.contains("ok       the file is sound"), "\(check.stdout)")
    }

    @Test func aSiblingGroupsMatchIsRecordedForEveryChild() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.importExamples(into: store)
        // CH-002 and CH-003 are the sibling group SIB-01 in the examples.
        let match = try CLI.run(["match", "CH-002", "--store", store])
        #expect(match.status == 0, "\(match.stderr)")
        let matches = try Self.auditJSON(store).filter { $0["action"] as? String == "match" }
        #expect(matches.compactMap { $0["recordID"] as? String } == ["CH-002", "CH-003"], "\(matches)")
    }

    @Test func auditFiltersRecordTheIdLookedUpNeverTheTextTyped() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.importExamples(into: store)
        #expect(try CLI.run(["audit", "--child", "Gwenllian Rhys", "--user", "Dafydd Jones", "--store", store]).status == 0)
        #expect(try CLI.run(["audit", "--child", "CH-001", "--user", "test-officer", "--store", store]).status == 0)
        let reads = try Self.auditJSON(store).filter { $0["action"] as? String == "audit.read" }
        #expect(reads.count == 3)
        #expect(reads[0]["detail"] as? String == "child unknown id, user unknown id" && reads[0]["recordID"] == nil, "\(reads[0])")
        #expect(reads[1]["detail"] as? String == "child CH-001, user test-officer" && reads[1]["recordID"] as? String == "CH-001")
        let everything = try CLI.run(["audit", "--json", "--store", store]).stdout
        #expect(!everything.contains("Gwenllian") && !everything.contains("Dafydd"))
    }

    @Test func theAuditHeadCanBeRecordedAndComparedLater() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("demo.sqlite").path
        #expect(try CLI.run(["demo", "--no-tui", "--store", store]).status == 0)
        let head = try CLI.run(["audit", "--head", "--store", store])
        #expect(head.status == 0)
        let text = head.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(text.wholeMatch(of: /\d+:[0-9a-f]{64}/) != nil, "\(text)")
        let same = try CLI.run(["check", "--audit-head", text, "--store", store])
        #expect(same.status == 0 && same.stdout.contains("ok       the audit trail is unbroken"), "\(same.stdout)")
        let id = text.split(separator: ":")[0]
        let other = try CLI.run(["check", "--audit-head", "\(id):" + String(repeating: "0", count: 64), "--store", store])
        #expect(other.status == 1 && other.stdout.contains("no longer has the hash recorded earlier"), "\(other.stdout)")
    }
}
