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

    /// The gap in English (`text(_:)` for either language).
    public var text: String { text(.en) }

    public func text(_ language: Language) -> String {
        let message: Message = switch self {
        case .needs: .coreReferralMissingNeeds
        case .risks: .coreReferralMissingRisks
        case .riskToOthers: .coreReferralMissingRiskToOthers
        case .education: .coreReferralMissingEducation
        case .languageNotNamed: .coreReferralMissingLanguageNotNamed
        case .cultureAndFaith: .coreReferralMissingCultureAndFaith
        case .livingAlongside: .coreReferralMissingLivingAlongside
        case .settings: .coreReferralMissingSettings
        case .siblingsNotFound: .coreReferralMissingSiblingsNotFound
        case .childNumber: .coreReferralMissingChildNumber
        }
        return message.text(language)
    }
}

/// One referral: a complete, consistent description of a child drawn from the store (nothing retyped),
/// as sections of text and as the Placements Data Standard v2's referral-stage fields. Pure: the caller
/// passes the records and the moment.
public struct ReferralPack: Sendable {
    public struct Section: Sendable, Hashable {
        public let key: ReferralSection
        /// Every line in both languages: one pack is written once and printed in Welsh, English or both.
        public let texts: [Bilingual]

        public init(key: ReferralSection, texts: [Bilingual]) {
            self.key = key
            self.texts = texts
        }

        /// The lines in English (`lines(_:)` for either language).
        public var lines: [String] { lines(.en) }

        public func lines(_ language: Language) -> [String] { texts.map { $0.text(language) } }
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
        func localAuthorityName(_ code: String, _ language: Language) -> String { geography.authority(code: code)?.name(language) ?? code }
        func line(_ message: Message, _ values: (Language) -> [String: String] = { _ in [:] }) -> Bilingual {
            Bilingual(message, values)
        }
        /// A need level as the pack says it: the coded word in English, as before; the Welsh word in Welsh.
        func said(_ level: NeedLevel, _ language: Language) -> String { language == .en ? level.rawValue : level.label(language) }
        let noneRecorded = line(.coreReferralNoneRecorded)
        var missing: [MissingInformation] = []
        var sections: [Section] = []

        sections.append(Section(key: .child, texts: [
            line(.coreReferralChildLine) { ["id": child.id, "initials": child.initials, "age": String(age),
                                           "gender": $0 == .en ? child.gender.rawValue : child.gender.label($0)] },
            line(.coreReferralPlacingAuthority) { ["authority": localAuthorityName(child.placingAuthority, $0)] },
            line(.coreReferralLegalStatus) { ["status": child.legalStatus.label($0)] },
            line(.coreReferralHomeArea) { _ in ["area": Self.outward(child.homePostcode)] },
        ]))
        let neededDay = neededBy
        let date = { (language: Language) in language == .cy ? WelshCalendar.date(neededDay) : neededDay.iso }
        sections.append(Section(key: .neededBy, texts: [
            child.urgency.isEmergency ? line(.coreReferralNeededToday) { ["date": date($0)] } : line(.coreReferralNeededBy) { ["date": date($0)] },
        ]))

        if child.needs.isEmpty { missing.append(.needs) }
        let needLines = child.needs.sorted { ($0.level, $0.code) < ($1.level, $1.code) }.map { n in
            line(.coreReferralNeedLine) { language in
                ["level": said(n.level, language), "name": catalogue.name(of: n.code, language),
                 "description": catalogue.definition(n.code)?.description(language) ?? n.code]
            }
        }
        sections.append(Section(key: .needs, texts: needLines.isEmpty ? [noneRecorded] : needLines))

        var riskLines = Self.riskCodes.compactMap { r in
            level(r.code).map { l in line(.coreReferralRiskLine) { ["name": catalogue.name(of: r.code, $0), "level": said(l, $0)] } }
        }
        if child.needs.isEmpty { missing.append(.risks) }
        if riskLines.isEmpty { riskLines = [child.needs.isEmpty ? noneRecorded : line(.coreReferralNoRiskAmongNeeds)] }
        // An empty list cannot tell "none" from "not asked": the pack says so and lists it as missing.
        if child.riskToOthers.isEmpty {
            riskLines.append(line(.coreReferralRiskToOthersNotRecorded))
            missing.append(.riskToOthers)
        } else {
            let risks = child.riskToOthers
            riskLines.append(line(.coreReferralRiskToOthers) { language in ["risks": risks.map { $0.label(language) }.joined(separator: "; ")] })
        }
        sections.append(Section(key: .risks, texts: riskLines))

        var education: [Bilingual] = []
        if let school = child.schoolPostcode { education.append(line(.coreReferralSchoolIn) { _ in ["area": Self.outward(school)] }) }
        if child.isKeyStage4(on: today) { education.append(line(.coreReferralKeyStage4)) }
        if let edu = level("EDU") { education.append(line(.coreReferralEducationOnSite) { ["level": said(edu, $0)] }) }
        if child.schoolPostcode == nil && level("EDU") == nil && age >= 5 { missing.append(.education) }
        sections.append(Section(key: .education, texts: education.isEmpty ? [noneRecorded] : education))

        let first = child.firstLanguage
        var language = [line(.coreReferralFirstLanguage) { ["language": $0 == .en ? first.rawValue : first.label($0)] }]
        if let welsh = child.welshPlacement { language.append(line(.coreReferralWelshPlacement) { ["level": said(welsh, $0)] }) }
        if let wel = level("WEL") { language.append(line(.coreReferralCareInWelshLevel) { ["level": said(wel, $0)] }) }
        if codes.contains("UAS") { language.append(line(.coreReferralUnaccompanied)) }
        if let ld = level("LD") { language.append(line(.coreReferralLearningDisability) { ["level": said(ld, $0)] }) }
        if let aut = level("AUT") { language.append(line(.coreReferralAutism) { ["level": said(aut, $0)] }) }
        if child.firstLanguage == .other && !codes.contains("UAS") { missing.append(.languageNotNamed) }
        sections.append(Section(key: .language, texts: language))

        if let faith = level("FTH") {
            sections.append(Section(key: .cultureAndFaith, texts: [line(.coreReferralFaithLine) { language in
                ["description": catalogue.definition("FTH")?.description(language) ?? Message.coreNeedFthName.text(language), "level": said(faith, language)]
            }]))
        } else {
            missing.append(.cultureAndFaith)
            sections.append(Section(key: .cultureAndFaith, texts: [noneRecorded]))
        }

        var siblingLines: [Bilingual] = []
        if let group = child.siblingGroup {
            siblingLines.append(line(group.mustBePlacedTogether ? .coreReferralSiblingsTogether : .coreReferralSiblingsWherePossible))
            for s in siblings.sorted(by: { $0.id < $1.id }) {
                siblingLines.append(line(.coreReferralSiblingLine) { ["id": s.id, "initials": s.initials, "age": String(s.age(on: today)),
                                                                      "gender": $0 == .en ? s.gender.rawValue : s.gender.label($0)] })
            }
            if siblings.isEmpty { missing.append(.siblingsNotFound) }
        } else {
            siblingLines.append(line(.coreReferralNoSiblingGroup))
        }
        sections.append(Section(key: .siblings, texts: siblingLines))

        var offer: [Bilingual] = []
        if child.acceptableSettings.isEmpty { missing.append(.settings) } else {
            let settings = child.acceptableSettings
            offer.append(line(.coreReferralSettings) { language in ["settings": settings.map { $0.label(language) }.joined(separator: ", ")] })
        }
        let essential = child.needs(at: .essential)
        if !essential.isEmpty {
            offer.append(line(.coreReferralMustMeet) { language in ["needs": essential.map { catalogue.name(of: $0, language) }.joined(separator: ", ")] })
        }
        if child.welshPlacement == .essential { offer.append(line(.coreReferralCareInWelsh)) }
        if child.legalStatus == .secureOrder { offer.append(line(.coreReferralSecure)) }
        let avoided = child.safeguarding.avoidAuthorities
        if !avoided.isEmpty {
            offer.append(line(.coreReferralNotIn) { language in ["authorities": avoided.map { localAuthorityName($0, language) }.joined(separator: ", ")] })
        }
        let areas = child.safeguarding.avoidAreas.count
        if areas > 0 { offer.append(line(.coreReferralAwayFromAreas) { _ in ["count": String(areas)] }) }
        if let miles = child.safeguarding.minimumMilesFromHome {
            offer.append(line(.coreReferralMilesFromHome) { _ in ["miles": String(Int(miles.rounded()))] })
        }
        if let companions = child.livingCompanions {
            offer.append(line(.coreReferralLivingAlongside) { ["companions": companions.label($0)] })
        } else {
            missing.append(.livingAlongside)
        }
        // Associates are other children: the pack gives their number, never who they are.
        let associates = child.associatesToAvoid.count
        if associates > 0 { offer.append(line(.coreReferralAssociates) { _ in ["count": String(associates)] }) }
        sections.append(Section(key: .mustOffer, texts: offer.isEmpty ? [line(.coreReferralNothingBeyond)] : offer))

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
