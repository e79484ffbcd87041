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
        #expect(lines.first?.hasPrefix("amser (DU) ") == true && lines.first?.hasSuffix("math o gofnod  rhif cofnod  manylion") == true,
                "\(audit.stdout)")
        #expect(lines.last?.hasSuffix(" cofnod") == true, "\(audit.stdout)")
        #expect(!audit.stdout.contains("record type") && lines.last?.hasSuffix("entries") == false, "\(audit.stdout)")
        #expect(audit.stdout.contains("store.init"), "action names and details stay as recorded (\"all entries\" is data)")

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
        let header = dir.appendingPathComponent("header.csv"), episodes = dir.appendingPathComponent("episodes.csv")
        try "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nA1,F,01/05/2012,,,,\n".write(to: header, atomically: true, encoding: .utf8)
        try """
            CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN
            A1,01/06/2025,S,C1,N1,U4,PR4,01/09/2025,X1,CREQB,CF10 1AA,CF11 9XR,
            A1,01/09/2025,P,C9,N1,K2,PR5,,,,CF10 1AA,SA1 1AA,

            """.write(to: episodes, atomically: true, encoding: .utf8)
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
