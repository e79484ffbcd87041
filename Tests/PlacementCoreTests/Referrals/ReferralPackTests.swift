import Foundation
import Testing
@testable import PlacementCore

/// Hand-made children for the referral pack: one with every section filled, and sparse ones that trip each
/// missing-information warning.
enum ReferralChildren {
    static let today = Day(iso: "2026-11-30")!
    static let now = WorkflowTime.date(today, hour: 10, minute: 5)!
    static let due = now.addingTimeInterval(24 * 3600)

    /// Every section filled from the record: needs with risks, school, Welsh, faith, a sibling, settings, safeguarding.
    static func full() -> Child {
        Child(id: "C0042", givenName: "Megan", familyName: "Pritchard", dateOfBirth: Day(iso: "2011-03-14")!, gender: .female,
              homePostcode: "CF10 1AA", placingAuthority: "W06000015", schoolPostcode: "CF14 3UZ", firstLanguage: .welsh,
              welshPlacement: .essential, legalStatus: .careOrder,
              needs: [.init(code: "CSE", level: .essential), .init(code: "SH", level: .important), .init(code: "MH", level: .important),
                      .init(code: "WEL", level: .essential), .init(code: "FTH", level: .desirable), .init(code: "EDU", level: .desirable)],
              siblingGroup: SiblingGroup(groupID: "G1", mustBePlacedTogether: true),
              safeguarding: SafeguardingConstraints(avoidAuthorities: ["W06000013"], minimumMilesFromHome: 10),
              acceptableSettings: [.foster, .residential], urgency: .neededBy(Day(iso: "2026-12-03")!), status: .needsPlacement)
    }

    static func sibling() -> Child {
        Child(id: "C0043", givenName: "Osian", familyName: "Pritchard", dateOfBirth: Day(iso: "2014-06-01")!, gender: .male,
              homePostcode: "CF10 1AA", placingAuthority: "W06000015", siblingGroup: SiblingGroup(groupID: "G1", mustBePlacedTogether: true),
              urgency: .neededBy(Day(iso: "2026-12-03")!), status: .needsPlacement)
    }

    /// Nothing recorded beyond the required fields: no needs, no school, first language "other", no settings,
    /// a sibling group with no sibling in the store, an id without a number.
    static func sparse() -> Child {
        Child(id: "KID", givenName: "Alex", familyName: "Jones", dateOfBirth: Day(iso: "2015-01-01")!, gender: .other,
              homePostcode: "LL11 1AA", placingAuthority: "W06000004", firstLanguage: .other,
              siblingGroup: SiblingGroup(groupID: "G9", mustBePlacedTogether: false),
              acceptableSettings: [], urgency: .emergency, status: .needsPlacement)
    }

    static func pack(_ child: Child, siblings: [Child] = []) -> ReferralPack {
        ReferralPack(child: child, siblings: siblings, today: today, sentAt: now, sentBy: "ceri.jones", responseDue: due)
    }
}

@Suite struct ReferralPackTests {
    @Test func everySectionIsDrawnFromTheRecord() {
        let pack = ReferralChildren.pack(ReferralChildren.full(), siblings: [ReferralChildren.sibling()])
        #expect(pack.sectionKeys == ReferralSection.allCases)
        func lines(_ key: ReferralSection) -> String { pack.sections.first { $0.key == key }!.lines.joined(separator: "\n") }
        #expect(lines(.child).contains("C0042 (MP), aged 15, female"))
        #expect(lines(.child).contains("Cardiff"))
        #expect(!lines(.child).contains("Megan"), "the pack names the child by id and initials only")
        #expect(lines(.neededBy) == "By 2026-12-03")
        #expect(lines(.needs).contains("essential: sexual exploitation risk"))
        #expect(lines(.needs).contains("important: therapeutic support"))
        #expect(lines(.risks).contains("sexual exploitation risk (essential)"))
        #expect(lines(.risks).contains("self-harm (important)"))
        #expect(lines(.education).contains("School in CF14"))
        #expect(lines(.education).contains("Key Stage 4"))
        #expect(lines(.education).contains("Education on site: desirable"))
        #expect(lines(.language).contains("First language: welsh"))
        #expect(lines(.language).contains("A Welsh-speaking placement: essential"))
        #expect(lines(.cultureAndFaith).contains("(desirable)"))
        #expect(lines(.siblings).contains("To be placed together with:"))
        #expect(lines(.siblings).contains("C0043 (OP), aged 12, male"))
        #expect(lines(.mustOffer).contains("Settings: foster home, residential home"))
        #expect(lines(.mustOffer).contains("Must meet: sexual exploitation risk, Welsh language"))
        #expect(lines(.mustOffer).contains("Not in: Bridgend"))
        #expect(lines(.mustOffer).contains("At least 10 miles from home"))
        // What the profile cannot yet say is still owned up to.
        #expect(pack.missing == [.riskToOthers, .livingAlongside])
    }

    @Test func everyMissingInformationWarningOnASparseChild() {
        let pack = ReferralChildren.pack(ReferralChildren.sparse())
        #expect(pack.missing == [.needs, .risks, .riskToOthers, .education, .languageNotNamed, .cultureAndFaith, .livingAlongside,
                                 .settings, .siblingsNotFound, .childNumber])
        #expect(Set(pack.missing) == Set(MissingInformation.allCases), "the sparse child trips every warning")
        let markdown = ReferralDocument.markdown(pack)
        for gap in MissingInformation.allCases { #expect(markdown.contains("- \(gap.text)\n"), "\(gap) on the pack itself") }
        #expect(markdown.contains("no education information recorded"))
        #expect(pack.sections.first { $0.key == .neededBy }!.lines == ["Today, 2026-11-30 (emergency)"])
    }

    @Test func eachWarningGoesWhenItsInformationIsRecorded() {
        var child = ReferralChildren.sparse()
        child.id = "C7"
        #expect(!ReferralChildren.pack(child).missing.contains(.childNumber))
        child.needs = [.init(code: "AUT", level: .important)]
        #expect(!ReferralChildren.pack(child).missing.contains(.needs))
        #expect(!ReferralChildren.pack(child).missing.contains(.risks))
        child.schoolPostcode = "LL12 7AB"
        #expect(!ReferralChildren.pack(child).missing.contains(.education))
        child.firstLanguage = .english
        #expect(!ReferralChildren.pack(child).missing.contains(.languageNotNamed))
        child.needs.append(.init(code: "FTH", level: .important))
        #expect(!ReferralChildren.pack(child).missing.contains(.cultureAndFaith))
        child.acceptableSettings = [.foster]
        #expect(!ReferralChildren.pack(child).missing.contains(.settings))
        child.siblingGroup = nil
        #expect(ReferralChildren.pack(child).missing == [.riskToOthers, .livingAlongside])
        child.riskToOthers = [.sexual]
        child.livingCompanions = .solo
        child.associatesToAvoid = ["C0099"]
        let told = ReferralChildren.pack(child)
        #expect(told.missing.isEmpty)
        let text = told.sections.flatMap(\.lines).joined(separator: "\n")
        #expect(text.contains("Risk to others: sexual harm or exploitation of other children."))
        #expect(text.contains("Living alongside: solo placement recommended."))
        // The standard's options, and never who the associate is.
        let json = ReferralDocument.json(told)
        #expect(json.contains("\"riskToOthersSexual\" : \"Risk Present\"") || json.contains("\"riskToOthersSexual\": \"Risk Present\""))
        #expect(json.contains("Solo placement recommended"))
        #expect(!text.contains("C0099") && !json.contains("C0099"))
        // A child under school age has no school to record.
        var baby = child
        baby.schoolPostcode = nil
        baby.dateOfBirth = Day(iso: "2024-05-01")!
        #expect(!ReferralChildren.pack(baby).missing.contains(.education))
    }

    @Test func theMarkdownAndJSONCarryTheSameSectionsAndDeadline() throws {
        let pack = ReferralChildren.pack(ReferralChildren.full(), siblings: [ReferralChildren.sibling()])
        let markdown = ReferralDocument.markdown(pack)
        for section in ReferralSection.allCases { #expect(markdown.contains("## \(section.title)\n")) }
        #expect(markdown.contains("response due 2026-12-01 10:05 (UK time)"))
        let json = try JSONSerialization.jsonObject(with: Data(ReferralDocument.json(pack).utf8)) as! [String: Any]
        let referral = json["referral"] as! [String: Any]
        #expect(referral["childReference"] as? String == "C0042")
        #expect((referral["sections"] as! [[String: Any]]).map { $0["key"] as! String } == ReferralSection.allCases.map(\.rawValue))
        #expect(referral["missingInformation"] as? [String] == pack.missing.map(\.text))
        #expect(referral["responseDue"] as? String == "2026-12-01T10:05:00Z")
        #expect((json["PlacementAvailability"] as! [String: Any])["childId"] as? Int == 42)
        #expect((json["Risks"] as! [String: Any])["riskSexualExploitation"] as? String == "Risk Present")
        #expect((json["Risks"] as! [String: Any])["riskMissing"] as? String == "No known risk")
    }

    @Test func storeTextCannotBreakTheDocuments() throws {
        var child = ReferralChildren.full()
        child.id = "C\"1\n# x"
        let pack = ReferralChildren.pack(child)
        _ = try JSONSerialization.jsonObject(with: Data(ReferralDocument.json(pack).utf8))
        #expect(!ReferralDocument.markdown(pack).contains("\n# x"))
        #expect(ReferralDocument.fileName(pack, format: .md) == "referral-C1x-20261130-1005.md")
    }
}
