import Foundation
import Testing
@testable import PlacementStore

/// What the officer reads from `store`, `import`, `export`, `audit`, `check`, `backup` and `--summary` on a
/// real temporary store, in Welsh; machine names (export headings, ids, codes) stay as documented.
extension WelshCLITests {
    /// Runs in Welsh and expects success.
    static func welsh(_ arguments: [String]) throws -> CLI.Output {
        let result = try CLI.run(arguments + ["--lang", "cy"])
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    @Test func storeImportExportAndBackupSpeakWelsh() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        #expect(try Self.welsh(["store", "init", "--store", store]).stdout == "crëwyd \(store)\n")
        let imported = try Self.welsh(["import", "providers", CLI.examples.appendingPathComponent("providers.csv").path, "--store", store])
        #expect(imported.stdout.hasPrefix("mewnforiwyd "), "\(imported.stdout)")
        #expect(imported.stdout.contains(" providers o providers.csv (darllenwyd "), "the kind keeps its machine name: \(imported.stdout)")
        #expect(!imported.stdout.contains("imported") && !imported.stdout.contains(" read"), "\(imported.stdout)")
        #expect(try Self.welsh(["store", "upgrade", "--store", store]).stdout.hasPrefix("mae \(store) ar sgema v"))

        // Exports are machine files: the same bytes whatever the language.
        let welshExport = try Self.welsh(["export", "providers", "--store", store])
        #expect(welshExport.stdout == (try CLI.run(["export", "providers", "--store", store])).stdout)
        #expect(welshExport.stdout.hasPrefix("id,"), "documented column names")

        let backup = dir.appendingPathComponent("copy.sqlite").path
        #expect(try Self.welsh(["backup", backup, "--store", store]).stdout == "copïwyd wrth gefn i \(backup) (gwiriad cywirdeb yn iawn)\n")
        let copy = dir.appendingPathComponent("copy2.sqlite").path
        #expect(try Self.welsh(["store", "copy", store, copy]).stdout.hasPrefix("copïwyd "))

        let folder = dir.appendingPathComponent("903")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false)
        let ssda903 = try Self.welsh(["export", "ssda903", "--year", "2026", folder.path, "--store", store])
        #expect(ssda903.stdout.hasPrefix("ysgrifennwyd header.csv (0 plentyn) ac episodes.csv (0 cyfnod) ar gyfer 2026-27"), "\(ssda903.stdout)")
    }

    @Test func auditAndCheckSpeakWelshOnARealStore() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.importExamples(into: store)
        let audit = try Self.welsh(["audit", "--store", store])
        let lines = audit.stdout.split(separator: "\n")
        #expect(lines.first?.hasPrefix("amser (DU) ") == true && lines.first?.contains("math o gofnod ") == true
                && lines.first?.hasSuffix("rhif cofnod  manylion") == true,
                "\(audit.stdout)")
        #expect(lines.last?.hasSuffix(" cofnod") == true, "\(audit.stdout)")
        #expect(!audit.stdout.contains("record type") && lines.last?.hasSuffix("entries") == false, "\(audit.stdout)")
        #expect(audit.stdout.contains("creu'r storfa") && !audit.stdout.contains("store.init"), "\(audit.stdout)")

        // Each action, record type and detail in Welsh (ids and codes as recorded); --json keeps the trail's names.
        _ = try Self.welsh(["hold", "VAC-001", "--child", "CH-001", "--store", store])
        _ = try Self.welsh(["match", "CH-001", "--store", store])
        _ = try Self.welsh(["report", "all", "--store", store])
        let trail = try Self.welsh(["audit", "--store", store]).stdout
        for said in ["mewnforio", "cadw lle", "paru", "adroddiad", "statws open→held; plentyn CH-001; tan ", "polisi: rhagosodiad",
                     "o gofnodion o ffeil CSV", "ardal ", "trywydd archwilio"] {
            #expect(trail.contains(said), "\(said) in \(trail)")
        }
        for english in ["vacancy.hold", " import ", "status ", "child CH-001", "until ", "policy:", "records from", "area ", "period ", "audit_log"] {
            #expect(!trail.contains(english), "\(english) in \(trail)")
        }
        let json = try Self.welsh(["audit", "--json", "--store", store]).stdout
        #expect(json.contains("\"vacancy.hold\"") && json.contains("status open→held"), "\(json)")

        // The examples, at the pinned clock, already break two rules (an expired hold, a notice): each named in Welsh.
        let before = try CLI.run(["check", "--store", store, "--lang", "cy"])
        #expect(before.stdout.hasPrefix("Yn gwirio \(store)\niawn     mae'r ffeil yn iach"), "\(before.stdout)")
        #expect(before.stdout.contains("iawn     mae'r trywydd archwilio'n ddi-dor"), "\(before.stdout)")
        #expect(before.stdout.contains("PROBLEM  nid oes unrhyw le gwag yn dal i gael ei gadw ar ôl i'r cadw lle ddod i ben\n         - mae lle gwag VAC-003"),
                "\(before.stdout)")
        #expect(before.stdout.hasSuffix("\n2 problem.\n"), "\(before.stdout)")
        for rule in ConsistencyRule.all { #expect(!before.stdout.contains(rule.rule), "\(rule.id) in English") }
        #expect(!before.stdout.contains("\nok ") && !before.stdout.contains("found"))

        // One more broken rule, and the exit status still says so.
        try PlacementDatabase(path: store).pool.write { db in try db.execute(sql: "UPDATE vacancies SET beds = -1 WHERE id = 'VAC-001'") }
        let broken = try CLI.run(["check", "--store", store, "--lang", "cy"])
        #expect(broken.status == 1)
        #expect(broken.stdout.contains("PROBLEM  nid oes gan unrhyw le gwag nifer negyddol o welyau\n         - mae gan le gwag VAC-001 nifer negyddol o welyau"),
                "\(broken.stdout)")
        #expect(broken.stdout.hasSuffix("\n3 problem.\n"), "\(broken.stdout)")
        #expect(broken.stdout.split(separator: "\n").count == before.stdout.split(separator: "\n").count + 1)
        let english = try CLI.run(["check", "--store", store])
        #expect(english.stdout.contains("PROBLEM  no vacancy has a negative number of beds\n         - vacancy VAC-001 has a negative number of beds"))
        #expect(english.stdout.hasSuffix("\n3 problems found.\n"), "English unchanged: \(english.stdout)")

        let badHead = try CLI.run(["check", "--audit-head", "1", "--store", store, "--lang", "cy"])
        #expect(badHead.status == 64 && badHead.stderr.contains("rhaid i --audit-head fod yn ID:HASH"), "\(badHead.stderr)")
    }

    @Test func theSummaryNamesAuthoritiesAndSettingsInWelsh() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.importExamples(into: store)
        let summary = try Self.welsh(["--summary", "--store", store])
        #expect(summary.stdout.hasPrefix("Storfa: \(store)\n"), "\(summary.stdout)")
        #expect(summary.stdout.contains("Lleoedd gwag agored yn ôl awdurdod a math o leoliad:"))
        #expect(summary.stdout.contains("Awdurdod") && summary.stdout.contains("maeth") && summary.stdout.contains("cyfan"))
        #expect(summary.stdout.contains("Abertawe") || summary.stdout.contains("Caerdydd"), "Welsh authority names: \(summary.stdout)")
        #expect(!summary.stdout.contains("open vacancies") && !summary.stdout.contains("foster"), "\(summary.stdout)")
        let english = try CLI.run(["--summary", "--store", store])
        #expect(english.stdout.contains("Open vacancies by authority and setting:") && english.stdout.contains("foster"))
    }

    /// A rarer import error (an SSDA903 code), said in Welsh and still pointing at file, line and column.
    @Test func aRareImportErrorInWelshNamesFileLineAndColumn() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.initStore(store)
        let (header, episodes) = try SSDA903CLITests.returnWithABadLegalStatus(in: dir)
        let result = try CLI.run(["import", "ssda903", "--header", header.path, "--episodes", episodes.path, "--store", store, "--lang", "cy"])
        #expect(result.status == 1)
        #expect(result.stderr == "placefinder: episodes.csv llinell 3, colofn LS: nid yw'n god statws cyfreithiol SSDA903 (C1, C2, V2…)\n",
                "\(result.stderr)")

        // A vacancy with a setting Placefinder does not know: the value is shown, the words are Welsh.
        let text = try String(contentsOf: CLI.examples.appendingPathComponent("vacancies.csv"), encoding: .utf8)
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let columns = lines[0].split(separator: ",").map(String.init)
        let setting = try #require(columns.firstIndex(of: "setting"))
        var fields = lines[2].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        fields[setting] = "castle"
        lines[2] = fields.joined(separator: ",")
        let bad = dir.appendingPathComponent("vacancies.csv")
        try lines.joined(separator: "\n").write(to: bad, atomically: true, encoding: .utf8)
        let setup = try CLI.run(["import", "providers", CLI.examples.appendingPathComponent("providers.csv").path, "--store", store])
        #expect(setup.status == 0, "\(setup.stderr)")
        let refused = try CLI.run(["import", "vacancies", bad.path, "--store", store, "--lang", "cy"])
        #expect(refused.status == 1)
        #expect(refused.stderr.hasPrefix("placefinder: vacancies.csv llinell 3, colofn setting: \"castle\" nid yw'n werth hysbys; disgwylir un o: "),
                "\(refused.stderr)")
        #expect(refused.stderr.split(separator: "\n").count == 1)
    }

    @Test func workflowConfirmationsSpeakWelsh() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.importExamples(into: store)
        let call = try Self.welsh(["call", "add", "--child", "CH-001", "--provider", "PRV-001", "--outcome", "declined",
                                   "--reason", "full", "--scope", "provider", "--store", store])
        #expect(call.stdout.contains("CH-001 / PRV-001 gwrthod (holl leoedd gwag y darparwr hwn)"), "\(call.stdout)")
        let none = try Self.welsh(["referral", "list", "--store", store])
        #expect(none.stdout == "does dim atgyfeiriad yn aros am ateb\n", "\(none.stdout)")
        let unknownPeriod = try CLI.run(["report", "all", "--period", "soon", "--store", store, "--lang", "cy"])
        #expect(unknownPeriod.status == 64 && unknownPeriod.stderr.contains("nid yw soon yn FY"), "\(unknownPeriod.stderr)")
    }
}

/// The last English an officer met in Welsh mode (issue 16): SQLite's integrity lines, a policy file that is
/// not JSON, a crash, a server that cannot be reached, an authority named in a report's reference, and the
/// developers' benchmarks' refusals.
extension WelshCLITests {
    @Test func checkSaysWhichOfSQLitesChecksFailedInWelshQuotingSQLite() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.importExamples(into: store)
        // An index whose definition no longer matches its entries, as a bad disk or a hand edit leaves it.
        try PlacementDatabase(path: store).pool.writeWithoutTransaction { db in
            try db.execute(sql: "CREATE INDEX pf_damaged ON vacancies(beds)")
            try db.execute(sql: "PRAGMA writable_schema = ON")
            try db.execute(sql: "UPDATE sqlite_master SET sql = 'CREATE INDEX pf_damaged ON vacancies(id)' WHERE name = 'pf_damaged'")
            try db.execute(sql: "PRAGMA writable_schema = OFF")
        }
        let welsh = try CLI.run(["check", "--store", store, "--lang", "cy"])
        #expect(welsh.status == 1)
        let lines = welsh.stdout.split(separator: "\n").map(String.init)
        let lead = try #require(lines.firstIndex(of: "PROBLEM  mae'r ffeil wedi'i difrodi (methodd gwiriad cywirdeb SQLite)"), "\(welsh.stdout)")
        #expect(lines[lead + 1].hasPrefix("         - mae gwiriad cywirdeb SQLite yn adrodd: “") && lines[lead + 1].contains("pf_damaged")
                && lines[lead + 1].hasSuffix("”"), "SQLite's words quoted under the Welsh line: \(welsh.stdout)")
        #expect(!lines.contains { $0.hasPrefix("         - ") && !$0.contains("“") && $0.contains("index") }, "no unquoted English: \(welsh.stdout)")
        let english = try CLI.run(["check", "--store", store])
        #expect(english.stdout.contains("PROBLEM  the file is damaged (SQLite's integrity check failed)\n         - SQLite's integrity check reports: “"),
                "\(english.stdout)")
    }

    @Test func aPolicyFileThatIsNotJSONIsNamedByLineAndColumnInWelsh() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.importExamples(into: store)
        let text = "{\n  \"name\": \"tân\",\n  \"weights\": { x }\n}\n"
        let policy = dir.appendingPathComponent("bad-policy.json")
        try text.write(to: policy, atomically: true, encoding: .utf8)
        // Where the stray x is, counted as an editor counts: line 3, column 16.
        let welsh = try CLI.run(["match", "CH-001", "--policy", policy.path, "--store", store, "--lang", "cy"])
        #expect(welsh.status == 1)
        #expect(welsh.stderr == "placefinder: bad-policy.json llinell 3, colofn 16: nid yw'n JSON dilys\n", "\(welsh.stderr)")
        let english = try CLI.run(["match", "CH-001", "--policy", policy.path, "--store", store])
        #expect(english.stderr == "placefinder: bad-policy.json line 3, column 16: is not valid JSON\n", "\(english.stderr)")
        // A key the policy does not know, named in Welsh.
        try #"{"weights": {"price": 1}}"#.write(to: policy, atomically: true, encoding: .utf8)
        let unknownKey = try CLI.run(["match", "CH-001", "--policy", policy.path, "--store", store, "--lang", "cy"])
        #expect(unknownKey.stderr == "placefinder: bad-policy.json: allwedd anhysbys price yn weights\n", "\(unknownKey.stderr)")
        // A value of the wrong kind is named by its place in the policy.
        try "{\"weights\": {\"distance\": \"far\"}}".write(to: policy, atomically: true, encoding: .utf8)
        let wrongType = try CLI.run(["match", "CH-001", "--policy", policy.path, "--store", store, "--lang", "cy"])
        #expect(wrongType.status == 1 && wrongType.stderr.hasPrefix("placefinder: bad-policy.json: ") && wrongType.stderr.contains("weights"),
                "\(wrongType.stderr)")
        #expect(!wrongType.stderr.contains("has the wrong type") && !wrongType.stderr.contains("Expected"), "\(wrongType.stderr)")
    }

    /// A listening socket on 127.0.0.1 that accepts and never answers: a PostgreSQL store there keeps a command waiting.
    static func silentServer() throws -> (socket: Int32, port: UInt16) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && listen(fd, 4) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        try #require(fd >= 0 && bound)
        return (fd, UInt16(bigEndian: address.sin_port))
    }

    @Test func aCrashIsSaidInWelsh() throws {
        let dir = try CLI.temporaryDirectory()
        let server = try Self.silentServer()
        defer { close(server.socket) }
        var env = ProcessInfo.processInfo.environment
        (env["PLACEFINDER_NOW"], env["PLACEFINDER_OFFICER"], env["XDG_STATE_HOME"]) = (CLI.pinnedNow, "test-officer", dir.path)
        let process = Process()
        process.executableURL = CLI.binary
        process.arguments = ["export", "vacancies", "--store", "postgresql://placefinder@127.0.0.1:\(server.port)/pf", "--lang", "cy"]
        process.environment = env
        let err = Pipe()
        (process.standardError, process.standardOutput) = (err, FileHandle.nullDevice)
        try process.run()
        // Once its connection arrives the command is past the crash guard (installed first thing), waiting for the server.
        let connection = accept(server.socket, nil, nil)
        #expect(connection >= 0)
        kill(process.processIdentifier, SIGQUIT)
        let said = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        close(connection)
        #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGQUIT)
        let crashes = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("placefinder").path)
        let file = try #require(crashes.first { $0.hasPrefix("crash-") }, "\(crashes)")
        #expect(said == "\nplacefinder: daeth i ben yn annisgwyl (SIGQUIT, gadael gyda Ctrl-\\); adferwyd y derfynell ac mae'r manylion yn "
                + dir.appendingPathComponent("placefinder/\(file)").path + "\n", "\(said)")
    }

    @Test func aServerThatCannotBeReachedIsSaidInWelsh() throws {
        // Port 9 (discard) on this machine: nothing listens, so the connection is refused at once.
        let url = "postgresql://placefinder@127.0.0.1:9/placefinder"
        let welsh = try CLI.run(["export", "vacancies", "--store", url, "--lang", "cy"])
        #expect(welsh.status == 1)
        #expect(welsh.stderr == "placefinder: methu cysylltu â storfa PostgreSQL \(url): ni atebodd unrhyw weinydd "
                + "(ydy e'n rhedeg, ac ydy'r cyfeiriad yn gywir?)\n", "\(welsh.stderr)")
        #expect(welsh.stderr.split(separator: "\n").count == 1)
        for word in Self.commonEnglish where Self.words(Substring(welsh.stderr)).contains(word) {
            Issue.record("English (\(word)) in: \(welsh.stderr)")
        }
        let english = try CLI.run(["export", "vacancies", "--store", url])
        #expect(english.stderr.hasPrefix("placefinder: could not connect to the PostgreSQL store \(url): no server answered"), "\(english.stderr)")
        // A URL that cannot be read is named by its option, in Welsh too.
        let unreadable = try CLI.run(["export", "vacancies", "--store", "postgresql://x@127.0.0.1:99999/pf", "--lang", "cy"])
        #expect(unreadable.stderr.hasPrefix("placefinder: methu cysylltu â storfa PostgreSQL URL --store: nid yw'n URL PostgreSQL"),
                "\(unreadable.stderr)")
    }

    @Test func aReportsReferenceNamesTheAuthorityInWelsh() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.importExamples(into: store)
        let welsh = try Self.welsh(["report", "residential-nights", "--area", "W06000022", "--store", store])
        #expect(welsh.stdout.hasPrefix("Adroddiadau ar gyfer Casnewydd, "), "the heading too: \(welsh.stdout)")
        #expect(welsh.stdout.contains("Tabl 4.2, Casnewydd") && !welsh.stdout.contains("Newport"), "\(welsh.stdout)")
        // Every panel, every reference: no English prose left.
        let all = try Self.welsh(["report", "all", "--area", "W06000022", "--store", store])
        for line in all.stdout.split(separator: "\n") {
            for word in Self.commonEnglish where Self.words(line).contains(word) { Issue.record("English (\(word)) in the Welsh report: \(line)") }
        }
        let board = try Self.welsh(["report", "residential-nights", "--area", "gwent", "--store", store])
        #expect(board.stdout.hasPrefix("Adroddiadau ar gyfer Gwent (bwrdd partneriaeth rhanbarthol), "), "\(board.stdout)")
        let english = try CLI.run(["report", "residential-nights", "--area", "W06000022", "--store", store])
        #expect(english.stdout.contains("Table 4.2, Newport"), "\(english.stdout)")
    }

    @Test func theBenchmarksRefuseInWelsh() throws {
        let runs = try CLI.run(["bench", "--runs", "0", "--lang", "cy"])
        #expect(runs.status == 64 && runs.stderr == "placefinder: rhaid i --runs fod yn 1 o leiaf (gweler placefinder bench --help)\n", "\(runs.stderr)")
        let both = try CLI.run(["bench", "--store", "x.sqlite", "--growth", "--lang", "cy"])
        #expect(both.stderr.contains("ni ellir cyfuno --store a --growth"), "\(both.stderr)")
        let server = try CLI.run(["bench-regional", "--server", "x.sqlite", "--lang", "cy"])
        #expect(server.stderr.contains("mae --server yn cymryd URL postgresql://"), "\(server.stderr)")
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("store.sqlite").path
        try CLI.initStore(store)
        let notDemo = try CLI.run(["bench-store", "--store", store, "--lang", "cy"])
        #expect(notDemo.status == 1 && notDemo.stderr.hasPrefix("placefinder: mae bench-store yn ysgrifennu hysbysiadau a galwadau"), "\(notDemo.stderr)")
        let live = try CLI.run(["bench-live", "--store", store, "--lang", "cy"])
        #expect(live.status == 1 && live.stderr.hasPrefix("placefinder: mae bench-live yn mesur LISTEN/NOTIFY"), "\(live.stderr)")
    }
}

extension WelshCLITests {
    /// argument-parser's rarer usage sentences (a value it cannot read, a value given to a flag, extra
    /// arguments) in Welsh, one line naming the fix, as the common four already were.
    @Test func everyUsageMistakeIsSaidInWelsh() throws {
        let cases: [([String], String)] = [
            (["match", "C1", "--top", "many"], "placefinder: nid yw'r gwerth 'many' yn ddilys i --top (gweler placefinder match --help)"),
            (["import", "foo", "x.csv"], "placefinder: nid yw'r gwerth 'foo' yn ddilys i KIND; rhowch un o: "
                + "providers, vacancies, children, placements, postcodes, notices, contacts, ssda903 (gweler placefinder import --help)"),
            (["report", "all", "--format", "xml"], "placefinder: nid yw'r gwerth 'xml' yn ddilys i --format; rhowch un o: 'text', 'csv', 'json' "
                + "(gweler placefinder report --help)"),
            (["match", "C1", "--json=yes"], "placefinder: nid yw'r opsiwn --json yn cymryd gwerth, ond rhoddwyd 'yes' (gweler placefinder match --help)"),
            (["place", "C1", "V1", "V2", "V3"], "placefinder: 2 ymresymiad annisgwyl: 'V2', 'V3' (gweler placefinder place --help)"),
        ]
        for (arguments, line) in cases {
            let result = try CLI.run(arguments + ["--lang", "cy"])
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr == line + "\n", "\(arguments): \(result.stderr)")
            for word in Self.commonEnglish where Self.words(Substring(result.stderr)).contains(word) {
                Issue.record("\(arguments): English (\(word)) in \(result.stderr)")
            }
        }
    }
}
