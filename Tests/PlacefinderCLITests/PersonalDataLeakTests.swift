import Foundation
import Testing

/// Seeds a store with children whose names and dates of birth appear nowhere else, then drives the
/// real binary through failing imports, failing commands and a successful flow, and checks that
/// those values never reach error output (nor the audit trail, Placefinder's only log).
@Suite(.serialized) struct PersonalDataLeakTests {
    /// Distinctive values: if any of these shows up in output, it came from a child's record.
    static let secrets = ["Zephyrina", "Quillfeather", "2011-04-17", "Barnabus", "Thistlewick", "2009-09-23", "Ŵyndham-Ffôs"]

    static let header = "id,given_name,family_name,date_of_birth,gender,home_postcode,placing_authority,placing_authority_name,school_postcode,first_language,welsh_placement,legal_status,needs,sibling_group,siblings_together,avoid_authorities,avoid_areas,min_miles_from_home,settings,needed_by,status"

    static let goodChildren = [
        "Z-1,Zephyrina,Quillfeather,2011-04-17,female,CF24 4HQ,W06000015,,,english,,care_order,TRM:essential,,,,,,foster;residential,2025-09-10,needs_placement",
        "Z-2,Barnabus,\"Thistlewick, Ŵyndham-Ffôs\",2009-09-23,male,CF24 4HQ,W06000015,,,english,,care_order,,,,,,,residential,2025-09-10,placed",
    ]

    /// A valid row for a new id, with one cell replaced: each breaks a different rule, and every
    /// row still carries the secret name and date of birth in its other cells.
    static func badRow(_ column: String, _ value: String, id: String = "Z-9") -> String {
        var cells = goodChildren[0].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[0] = id
        let names = header.split(separator: ",").map(String.init)
        cells[names.firstIndex(of: column)!] = value
        return cells.joined(separator: ",")
    }

    static func assertClean(_ output: CLI.Output, _ label: String, checkStdout: Bool = true) {
        for secret in secrets {
            #expect(!output.stderr.contains(secret), "\(label): stderr leaks \(secret): \(output.stderr)")
            if checkStdout { #expect(!output.stdout.contains(secret), "\(label): stdout leaks \(secret): \(output.stdout)") }
        }
    }

    @Test func namesAndDatesOfBirthNeverReachErrorsOrTheAuditTrail() throws {
        let dir = try CLI.temporaryDirectory()
        let store = dir.appendingPathComponent("private/store.sqlite").path
        try CLI.importExamples(into: store)
        let seed = dir.appendingPathComponent("seed-children.csv")
        try ([Self.header] + Self.goodChildren).joined(separator: "\n").write(to: seed, atomically: true, encoding: .utf8)
        let seeded = try CLI.run(["import", "children", seed.path, "--store", store])
        #expect(seeded.status == 0, "\(seeded.stderr)")
        let placement = dir.appendingPathComponent("seed-placements.csv")
        try """
            id,child_id,provider_id,vacancy_id,start,planned_end,actual_end,end_reason,notice_hours,ending,placement_type,locality_tier,miles_from_home
            ZP-1,Z-2,PRV-001,,2024-02-01,,,,,,K2,0,2.0
            """.write(to: placement, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", "placements", placement.path, "--store", store]).status == 0)

        // 1. Failing imports of children.csv rows that carry the secrets.
        let badRows: [(String, String)] = [
            ("impossible date", Self.badRow("date_of_birth", "2011-02-30")),
            ("future date", Self.badRow("date_of_birth", "2031-04-17")),
            ("date in another format", Self.badRow("date_of_birth", "17/04/2011")),
            ("name in the date column", Self.badRow("date_of_birth", "Zephyrina Quillfeather")),
            ("name in the postcode column", Self.badRow("home_postcode", "Quillfeather")),
            ("name in the gender column", Self.badRow("gender", "Zephyrina")),
            ("name in the authority column", Self.badRow("placing_authority", "Quillfeather")),
            ("name in the needs column", Self.badRow("needs", "Zephyrina:essential")),
            ("name in the avoid areas", Self.badRow("avoid_areas", "Quillfeather:5")),
            ("name in the settings", Self.badRow("settings", "Quillfeather")),
            ("name in needed_by", Self.badRow("needed_by", "Zephyrina")),
            ("name in the status", Self.badRow("status", "Quillfeather")),
            ("name in siblings_together", Self.badRow("siblings_together", "Zephyrina")),
            ("name in min miles", Self.badRow("min_miles_from_home", "Quillfeather")),
            ("no name at all", Self.badRow("given_name", "").replacingOccurrences(of: "Quillfeather", with: "")),
            ("existing id", Self.badRow("id", "Z-1", id: "Z-1")),
            ("extra fields", Self.badRow("status", "needs_placement") + ",Zephyrina,2011-04-17"),
            ("open quote", Self.badRow("given_name", "\"Zephyrina")),
            ("oversized field", Self.badRow("family_name", "\"" + String(repeating: "Quillfeather ", count: 1_000) + "\"")),
        ]
        for (label, row) in badRows {
            let file = dir.appendingPathComponent("children.csv")
            try ([Self.header, Self.goodChildren[0].replacingOccurrences(of: "Z-1", with: "Z-8"), row]).joined(separator: "\n")
                .write(to: file, atomically: true, encoding: .utf8)
            let result = try CLI.run(["import", "children", file.path, "--store", store])
            #expect(result.status == 1, "\(label) was imported")
            #expect(result.stderr.hasPrefix("placefinder: children.csv line"), "\(label): \(result.stderr)")
            Self.assertClean(result, label)
        }
        // Invalid UTF-8 inside the name.
        var latin1 = Data((Self.header + "\n").utf8)
        latin1.append(Data(Self.badRow("given_name", "Zephyrina").utf8).prefix(10))
        latin1.append(contentsOf: [0xD4, 0x79, 0x66])   // "Ôyf" in Latin-1
        latin1.append(Data(Self.badRow("given_name", "Zephyrina").utf8).dropFirst(10))
        let broken = dir.appendingPathComponent("latin1-children.csv")
        try latin1.write(to: broken)
        let utf8 = try CLI.run(["import", "children", broken.path, "--store", store])
        #expect(utf8.status == 1 && utf8.stderr.contains("UTF-8"), "\(utf8.stderr)")
        Self.assertClean(utf8, "invalid UTF-8")

        // The same children as JSON, broken in several ways.
        let exported = try CLI.run(["export", "children", "--format", "json", "--store", store]).stdout
        #expect(exported.contains("Zephyrina"), "the export is where the data belongs")
        let jsonCases: [(String, String)] = [
            ("json impossible date", exported.replacingOccurrences(of: "\"2011-04-17\"", with: "\"2011-02-30\"")),
            ("json name as the date", exported.replacingOccurrences(of: "\"2011-04-17\"", with: "\"Zephyrina Quillfeather\"")),
            ("json name as the postcode", exported.replacingOccurrences(of: "\"CF24 4HQ\"", with: "\"Quillfeather\"")),
            ("json name as the gender", exported.replacingOccurrences(of: "\"female\"", with: "\"Zephyrina\"")),
            ("json name where a number goes", exported.replacingOccurrences(of: "\"givenName\" : \"Zephyrina\"", with: "\"givenName\" : 2011")),
            ("json syntax", exported.replacingOccurrences(of: "\"Zephyrina\"", with: "\"Zephyrina")),
            ("json future birth", exported.replacingOccurrences(of: "\"2011-04-17\"", with: "\"2031-04-17\"")),
        ]
        try CLI.initStore(dir.appendingPathComponent("private/other.sqlite").path)
        for (label, text) in jsonCases {
            #expect(text != exported, "\(label): the replacement did nothing")
            let file = dir.appendingPathComponent("children.json")
            try text.write(to: file, atomically: true, encoding: .utf8)
            let result = try CLI.run(["import", "children", file.path, "--store", dir.appendingPathComponent("private/other.sqlite").path])
            #expect(result.status == 1, "\(label) was imported")
            Self.assertClean(result, label)
        }

        // 2. Failing commands.
        let badPolicy = dir.appendingPathComponent("policy.json")
        try #"{"name": "strict", "weights": {"distance": "Zephyrina"}}"#.write(to: badPolicy, atomically: true, encoding: .utf8)
        let notJSON = dir.appendingPathComponent("policy2.json")
        try "Zephyrina Quillfeather 2011-04-17".write(to: notJSON, atomically: true, encoding: .utf8)
        let commands: [(String, [String])] = [
            ("match an unknown id", ["match", "Z-404", "--store", store]),
            ("match a placed child", ["match", "Z-2", "--store", store]),
            ("match a placed child as JSON", ["match", "Z-2", "--json", "--store", store]),
            ("bad option", ["match", "Z-1", "--top", "0", "--store", store]),
            ("unknown option", ["match", "Z-1", "--colour", "--store", store]),
            ("policy with errors", ["match", "Z-1", "--policy", badPolicy.path, "--store", store]),
            ("policy that is not JSON", ["match", "Z-1", "--policy", notJSON.path, "--store", store]),
            ("export to an unwritable path", ["export", "children", "-o", "/proc/placefinder/children.csv", "--store", store]),
            ("export to a folder", ["export", "children", "-o", dir.path, "--store", store]),
            ("import a missing file", ["import", "children", dir.appendingPathComponent("none.csv").path, "--store", store]),
            ("audit with a bad date", ["audit", "--child", "Z-1", "--since", "2011-04-31", "--store", store]),
            ("backup over itself", ["backup", store, "--store", store]),
        ]
        for (label, arguments) in commands {
            let result = try CLI.run(arguments)
            #expect(result.status != 0, "\(label) succeeded")
            Self.assertClean(result, label)
        }

        // 3. A successful flow: match (table, JSON, comparison), check, audit. Lists show initials, never names.
        // Free text an officer types (a policy's name, a file's name) may name a child; it must stay out of the trail.
        let namedPolicy = dir.appendingPathComponent("policy-for-zephyrina.json")
        try #"{"name": "Zephyrina Quillfeather 2011-04-17"}"#.write(to: namedPolicy, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["match", "Z-1", "--policy", namedPolicy.path, "--store", store]).status == 0)
        let namedFile = dir.appendingPathComponent("Zephyrina-Quillfeather-2011-04-17.csv")
        try [Self.header, Self.goodChildren[0].replacingOccurrences(of: "Z-1", with: "Z-7")].joined(separator: "\n")
            .write(to: namedFile, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", "children", namedFile.path, "--store", store]).status == 0)

        for arguments in [["match", "Z-1", "--store", store], ["match", "Z-1", "--json", "--include-excluded", "--store", store],
                          ["match", "Z-1", "--compare", "--store", store], ["check", "--store", store],
                          ["audit", "--child", "Z-1", "--store", store], ["--store", store]] {
            let result = try CLI.run(arguments)
            #expect(result.stderr.isEmpty || arguments[0] == "check", "\(arguments): \(result.stderr)")
            Self.assertClean(result, "\(arguments)")
        }

        // 4. The audit trail (Placefinder's only log) holds ids and actions only.
        let trail = try CLI.run(["audit", "--json", "--store", store])
        #expect(trail.status == 0)
        #expect(trail.stdout.contains("Z-1"), "the match on Z-1 is recorded by id")
        Self.assertClean(trail, "audit trail")
        // Nothing else was written beside the store (no log files, no stray partial copies).
        let besides = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("private").path)
            .filter { !$0.hasPrefix("store.sqlite") && !$0.hasPrefix("other.sqlite") }
        #expect(besides.isEmpty, "\(besides)")
    }
}
