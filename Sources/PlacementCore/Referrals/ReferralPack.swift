import Foundation

/// Information a referral should carry that the store does not hold for this child. Each is printed on the
/// pack itself and warned about before it is sent (seed report 6.13: "a full and honest description").
public enum MissingInformation: String, Sendable, Hashable, CaseIterable, Codable {
    case needs = "no-needs"
    case risks = "no-risks"
    case riskToOthers = "no-risk-to-others"
    case education = "no-education"
    case languageNotNamed = "language-not-named"
    case cultureAndFaith = "no-culture-or-faith"
    case livingAlongside = "no-living-alongside"
    case settings = "no-settings"
    case siblingsNotFound = "siblings-not-found"
    case childNumber = "no-child-number"

    public var text: String {
        switch self {
        case .needs: "no needs recorded"
        case .risks: "no risk information recorded"
        case .riskToOthers: "no information on risk to others recorded"
        case .education: "no education information recorded"
        case .languageNotNamed: "first language recorded as other, not named"
        case .cultureAndFaith: "no culture or faith information recorded"
        case .livingAlongside: "no information on who the child can live alongside recorded"
        case .settings: "no acceptable placement settings recorded"
        case .siblingsNotFound: "a sibling group is recorded but no sibling is in the store"
        case .childNumber: "the child's id has no number (the standard's childId is a number)"
        }
    }
}

/// One referral: a complete, consistent description of a child drawn from the store (nothing retyped),
/// as sections of text and as the Placements Data Standard v2's referral-stage fields. Pure: the caller
/// passes the records and the moment.
public struct ReferralPack: Sendable {
    public struct Section: Sendable, Hashable {
        public let key: ReferralSection
        public let lines: [String]
    }

    public let childID: String
    public let initials: String
    public let sections: [Section]
    public let missing: [MissingInformation]
    public let standard: PlacementsStandardRecord
    public let sentAt: Date
    public let sentBy: String
    public let responseDue: Date
    public let neededBy: Day

    /// Need codes read as risks to the child, with the standard's field for each.
    static let riskCodes: [(code: String, field: String)] = [
        ("SH", "riskSelfHarm"), ("CSE", "riskSexualExploitation"), ("CCE", "riskCriminalExploitation"),
        ("SUB", "riskDrugAlcohol"), ("MIS", "riskMissing"),
    ]

    /// - Parameters:
    ///   - siblings: the other children of the child's sibling group, as stored.
    ///   - today: the day the pack is written (ages, "needed today").
    public init(child: Child, siblings: [Child], catalogue: NeedCatalogue = .standard, geography: Geography = .wales,
                today: Day, sentAt: Date, sentBy: String, responseDue: Date) {
        childID = child.id
        initials = child.initials
        self.sentAt = sentAt
        self.sentBy = sentBy
        self.responseDue = responseDue
        neededBy = child.urgency.neededDay(today: today)
        let age = child.age(on: today)
        let codes = Set(child.needs.map(\.code))
        func level(_ code: String) -> NeedLevel? { child.needs.first { $0.code == code }?.level }
        func authorityName(_ code: String) -> String { geography.authority(code: code)?.name ?? code }
        var missing: [MissingInformation] = []
        var sections: [Section] = []

        sections.append(Section(key: .child, lines: [
            "Child \(child.id) (\(child.initials)), aged \(age), \(child.gender.rawValue)",
            "Placing authority: \(authorityName(child.placingAuthority))",
            "Legal status: \(child.legalStatus.label)",
            "Home area: \(Self.outward(child.homePostcode))",
        ]))
        sections.append(Section(key: .neededBy, lines: [
            child.urgency.isEmergency ? "Today, \(neededBy.iso) (emergency)" : "By \(neededBy.iso)",
        ]))

        if child.needs.isEmpty { missing.append(.needs) }
        let needLines = child.needs.sorted { ($0.level, $0.code) < ($1.level, $1.code) }.map { n in
            "\(n.level.rawValue): \(catalogue.name(of: n.code)) — \(catalogue.definition(n.code)?.description ?? n.code)"
        }
        sections.append(Section(key: .needs, lines: needLines.isEmpty ? ["None recorded."] : needLines))

        var riskLines = Self.riskCodes.compactMap { r in level(r.code).map { "\(catalogue.name(of: r.code)) (\($0.rawValue))" } }
        if child.needs.isEmpty { missing.append(.risks) }
        if riskLines.isEmpty { riskLines = [child.needs.isEmpty ? "None recorded." : "No risk to the child among the needs recorded."] }
        // An empty list cannot tell "none" from "not asked": the pack says so and lists it as missing.
        if child.riskToOthers.isEmpty {
            riskLines.append("Risk to others: not recorded.")
            missing.append(.riskToOthers)
        } else {
            riskLines.append("Risk to others: " + child.riskToOthers.map(\.label).joined(separator: "; ") + ".")
        }
        sections.append(Section(key: .risks, lines: riskLines))

        var education: [String] = []
        if let school = child.schoolPostcode { education.append("School in \(Self.outward(school)); a move away from it needs planning.") }
        if child.isKeyStage4(on: today) { education.append("Key Stage 4: a change of school needs a nominated officer's approval.") }
        if let edu = level("EDU") { education.append("Education on site: \(edu.rawValue).") }
        if child.schoolPostcode == nil && level("EDU") == nil && age >= 5 { missing.append(.education) }
        sections.append(Section(key: .education, lines: education.isEmpty ? ["None recorded."] : education))

        var language = ["First language: \(child.firstLanguage.rawValue)"]
        if let welsh = child.welshPlacement { language.append("A Welsh-speaking placement: \(welsh.rawValue).") }
        if let wel = level("WEL") { language.append("Care in Welsh: \(wel.rawValue).") }
        if codes.contains("UAS") { language.append("Unaccompanied asylum-seeking child: interpreters and immigration support.") }
        if let ld = level("LD") { language.append("Learning disability: adapted communication (\(ld.rawValue)).") }
        if let aut = level("AUT") { language.append("Autism: predictable routine and communication (\(aut.rawValue)).") }
        if child.firstLanguage == .other && !codes.contains("UAS") { missing.append(.languageNotNamed) }
        sections.append(Section(key: .language, lines: language))

        if let faith = level("FTH") {
            sections.append(Section(key: .cultureAndFaith, lines: ["\(catalogue.definition("FTH")?.description ?? "Faith, culture and diet") (\(faith.rawValue))."]))
        } else {
            missing.append(.cultureAndFaith)
            sections.append(Section(key: .cultureAndFaith, lines: ["None recorded."]))
        }

        var siblingLines: [String] = []
        if let group = child.siblingGroup {
            siblingLines.append(group.mustBePlacedTogether ? "To be placed together with:" : "Siblings (together where possible):")
            for s in siblings.sorted(by: { $0.id < $1.id }) {
                siblingLines.append("\(s.id) (\(s.initials)), aged \(s.age(on: today)), \(s.gender.rawValue)")
            }
            if siblings.isEmpty { missing.append(.siblingsNotFound) }
        } else {
            siblingLines.append("No sibling group recorded.")
        }
        sections.append(Section(key: .siblings, lines: siblingLines))

        var offer: [String] = []
        if child.acceptableSettings.isEmpty { missing.append(.settings) } else {
            offer.append("Settings: " + child.acceptableSettings.map(\.label).joined(separator: ", ") + " (first preferred)")
        }
        let essential = child.needs(at: .essential).map { catalogue.name(of: $0) }
        if !essential.isEmpty { offer.append("Must meet: " + essential.joined(separator: ", ")) }
        if child.welshPlacement == .essential { offer.append("Care in Welsh.") }
        if child.legalStatus == .secureOrder { offer.append("Secure accommodation (secure accommodation order).") }
        if !child.safeguarding.avoidAuthorities.isEmpty {
            offer.append("Not in: " + child.safeguarding.avoidAuthorities.map(authorityName).joined(separator: ", ") + " (safeguarding)")
        }
        if !child.safeguarding.avoidAreas.isEmpty { offer.append("Away from \(child.safeguarding.avoidAreas.count) area(s) named for safeguarding.") }
        if let miles = child.safeguarding.minimumMilesFromHome { offer.append("At least \(Int(miles.rounded())) miles from home (safeguarding).") }
        if let companions = child.livingCompanions {
            offer.append("Living alongside: \(companions.label).")
        } else {
            missing.append(.livingAlongside)
        }
        // Associates are other children: the pack gives their number, never who they are.
        if !child.associatesToAvoid.isEmpty {
            offer.append("Not with \(child.associatesToAvoid.count) named child(ren) the child must not live with: ask us before offering a home with other children.")
        }
        sections.append(Section(key: .mustOffer, lines: offer.isEmpty ? ["Nothing recorded beyond the sections above."] : offer))

        let number = Int(child.id.filter(\.isNumber).prefix(9))
        if number == nil { missing.append(.childNumber) }
        standard = PlacementsStandardRecord(child: child, childNumber: number ?? 0, siblingCount: siblings.count,
                                            preferredLocation: Self.preferredLocation(child, authorityName: authorityName),
                                            neededBy: neededBy, today: today)
        self.sections = sections
        self.missing = MissingInformation.allCases.filter(missing.contains)
    }

    /// The sections in the pack, as the ring-round log records them.
    public var sectionKeys: [ReferralSection] { sections.map(\.key) }

    /// "CF10" from "CF10 1AA": the pack names areas, never a street.
    static func outward(_ postcode: String) -> String {
        String(postcode.split(separator: " ").first ?? Substring(postcode)).uppercased()
    }

    static func preferredLocation(_ child: Child, authorityName: (String) -> String) -> String {
        if let miles = child.safeguarding.minimumMilesFromHome {
            return "At least \(Int(miles.rounded())) miles from \(outward(child.homePostcode)) (safeguarding)"
        }
        return "Near \(outward(child.homePostcode)), \(authorityName(child.placingAuthority))"
    }
}
