import Foundation

/// What the reports are computed from: the store's records as domain values, the authority each bed is in,
/// and (for unmet need) what the matching engine found for each waiting child. Pure: no clock, no I/O.
public struct ReportData: Sendable {
    public var children: [Child]
    public var providers: [Provider]
    public var vacancies: [Vacancy]
    public var placements: [Placement]
    public var notices: [ProviderNotice]
    public var contacts: [Contact]
    /// Vacancy id → ONS code of the authority the bed is in (the provider's when absent).
    public var bedAuthority: [String: String]
    /// Waiting child id → suitable vacancies by reg 12 tier, from `MatchEngine.rank`; nil when not run.
    public var suitable: [String: SuitableVacancies]?
    /// The day and moment the report is made for (now/today for "free beds now" and "where children live now").
    public var today: Day
    public var now: Date
    public var staleAfterDays: Int

    let providerByID: [String: Provider]
    let childByID: [String: Child]

    public init(children: [Child], providers: [Provider], vacancies: [Vacancy], placements: [Placement],
                notices: [ProviderNotice] = [], contacts: [Contact] = [], bedAuthority: [String: String] = [:],
                suitable: [String: SuitableVacancies]? = nil, today: Day, now: Date,
                staleAfterDays: Int = MatchPolicy.default.staleAfterDays) {
        self.children = children
        self.providers = providers
        self.vacancies = vacancies
        self.placements = placements
        self.notices = notices
        self.contacts = contacts
        self.bedAuthority = bedAuthority
        self.suitable = suitable
        self.today = today
        self.now = now
        self.staleAfterDays = staleAfterDays
        providerByID = Dictionary(providers.map { ($0.id, $0) }) { first, _ in first }
        childByID = Dictionary(children.map { ($0.id, $0) }) { first, _ in first }
    }

    public func provider(_ id: String) -> Provider? { providerByID[id] }
    public func child(_ id: String) -> Child? { childByID[id] }

    /// The authority that placed the child, fixed on the placement at its start; for a record without it,
    /// the child's placing authority today.
    func placingAuthority(of placement: Placement) -> String? {
        placement.placingAuthority ?? childByID[placement.childID]?.placingAuthority
    }

    /// The authority the bed was in at the start; for a record without it, the bed's or provider's today.
    func bedAuthority(of placement: Placement) -> String? {
        placement.bedAuthority ?? placement.vacancyID.flatMap { bedAuthority[$0] } ?? providerByID[placement.providerID]?.authorityCode
    }

    /// Placements that count in reports, placed by an authority in `area`. The one filter every panel uses.
    func countedPlacements(in area: ReportArea) -> [Placement] {
        placements.filter { $0.countsInReports && placingAuthority(of: $0).map(area.contains) == true }
    }

    func sector(of placement: Placement) -> ReportSector? {
        guard let provider = providerByID[placement.providerID] else { return nil }
        return ReportSector(provider: provider, placingAuthority: placingAuthority(of: placement) ?? "")
    }
}

/// What the matching engine found for one waiting child: suitable vacancies (passing every hard constraint)
/// by reg 12 tier; nil tiers when the child could not be matched (home not located).
public struct SuitableVacancies: Sendable, Hashable, Codable {
    public var byTier: [Int]
    public var unmatchedReason: String?

    public init(byTier: [Int], unmatchedReason: String? = nil) {
        self.byTier = byTier
        self.unmatchedReason = unmatchedReason
    }

    public var total: Int { byTier.reduce(0, +) }

    /// Counts the ranked candidates of a result by tier.
    public init(_ result: MatchResult) {
        var counts = [Int](repeating: 0, count: LocalityTier.allCases.count)
        for candidate in result.ranked { counts[candidate.tier.rawValue] += 1 }
        self.init(byTier: counts)
    }
}

extension Placement {
    /// Whether a placement counts in reports. A placement recorded as ending before it began is a
    /// mistake, not care given; nor is one undone the same day (`Workflow.undoPlacement`).
    public var countsInReports: Bool { !isUndone && (actualEnd.map { $0 >= start } ?? true) }
}

/// Who provides a placement, from the placing authority's point of view (Tables 4.2, 4.3).
public enum ReportSector: Int, Sendable, CaseIterable, Codable {
    case inHouse, otherCouncil, notForProfit, privateSector

    public init(provider: Provider, placingAuthority: String) {
        switch provider.sector {
        case .localAuthority: self = provider.authorityCode == placingAuthority ? .inHouse : .otherCouncil
        case .thirdSector: self = .notForProfit
        case .private: self = .privateSector
        }
    }

    public var label: String {
        switch self {
        case .inHouse: "in-house"
        case .otherCouncil: "other councils"
        case .notForProfit: "not-for-profit"
        case .privateSector: "private"
        }
    }

    /// The label in `language` (a catalogued phrase, `core.phrase.report.*`).
    public func label(_ language: Language) -> String { Catalogue.phrase(label, language) }
}

/// Where a placement is relative to the placing authority, as Table 4.5 groups it.
public enum LocalityBand: Int, Sendable, CaseIterable, Codable {
    case inCounty, elsewhereInWales, outsideWales

    public init(_ tier: LocalityTier) {
        switch tier {
        case .inCounty: self = .inCounty
        case .borderingWelsh, .otherWelsh: self = .elsewhereInWales
        case .borderingEnglish, .elsewhereInEngland, .outsideEnglandAndWales: self = .outsideWales
        }
    }

    public var label: String {
        switch self {
        case .inCounty: "in-county"
        case .elsewhereInWales: "elsewhere in Wales"
        case .outsideWales: "outside Wales"
        }
    }

    /// The label in `language` (a catalogued phrase, `core.phrase.report.*`).
    public func label(_ language: Language) -> String { Catalogue.phrase(label, language) }
}

/// The kind of care a placement gives, from its SSDA903 placement type.
public enum ReportSetting: Int, Sendable, CaseIterable, Codable {
    case childrensHome, otherResidential, foster, kinship, supportedLiving, other

    public init(_ type: PlacementType) {
        switch type {
        // Secure children's homes are children's homes (Table 4.4's "residential homes").
        case .K1, .K2: self = .childrensHome
        case .R1, .R3, .S1: self = .otherResidential
        case .U4, .U5, .U6: self = .foster
        case .U1, .U2, .U3: self = .kinship
        case .H5: self = .supportedLiving
        case .P1, .Z1: self = .other
        }
    }

    public var isResidential: Bool { self == .childrensHome || self == .otherResidential }

    public var label: String {
        switch self {
        case .childrensHome: "children's home"
        case .otherResidential: "other residential"
        case .foster: "foster care"
        case .kinship: "kinship care"
        case .supportedLiving: "supported living"
        case .other: "other"
        }
    }

    /// The label in `language` (a catalogued phrase, `core.phrase.report.*`).
    public func label(_ language: Language) -> String { Catalogue.phrase(label, language) }
}
