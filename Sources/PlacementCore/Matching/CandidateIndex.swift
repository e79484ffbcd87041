import Foundation

/// Vacancies prepared once for ranking many times: plain values in one contiguous array, capability
/// bits and unit vectors precomputed, so a ranking pass touches no strings or dictionaries.
public struct CandidateIndex: Sendable {
    /// The fields the hard constraints and scores read, with no reference-counted members.
    struct Compact {
        var unit: UnitVector
        var capabilities: NeedSet
        var availableFrom: Int32
        var confirmedAt: Double
        var holdExpiresAt: Double
        var fee: Int32
        var authority: Int32
        var provider: Int32
        var beds: Int16
        var maxSiblingGroup: Int16
        var ageMin: UInt8
        var ageMax: UInt8
        var genderMask: UInt8
        var settingBit: UInt8
        var welsh: WelshCapability
        var sector: Sector
        var setting: Setting
        var isOpen: Bool
        var takesEmergencies: Bool
        var approximate: Bool
    }

    public let vacancies: [Vacancy]
    public let providers: [Provider]
    public let locations: [GeoLocation]
    let compact: [Compact]
    /// Distinct authority codes of the candidates; `Compact.authority` indexes this.
    let authorityCodes: [String]
    let providerIndex: [String: Int32]
    let stability: [ProviderStability]
    /// Position of each vacancy by id, and the child each live hold is for (holds are few).
    public let position: [String: Int]
    let holds: [Int: String]
    /// Kinship vacancies and the children each carer is approved for (few, so kept aside).
    let kinship: [Int: Set<String>]
    public let catalogue: NeedCatalogue
    public let builtFor: Day

    /// Vacancies whose provider is unknown or whose location cannot be found are left out and listed
    /// in `unlocated`, so the officer can fix the data instead of losing a bed silently.
    public private(set) var unlocated: [String] = []

    /// Counts provider stability from `placements` itself; a store that aggregates it should pass `stability`.
    public init(vacancies: [Vacancy], providers: [Provider], placements: [Placement], today: Day,
                policy: MatchPolicy = .default, catalogue: NeedCatalogue = .standard,
                locate: (_ postcode: String, _ fallbackAuthority: String?) -> GeoLocation?) {
        self.init(vacancies: vacancies, providers: providers,
                  stability: ProviderStability.compute(placements, today: today, windowDays: policy.stabilityWindowDays),
                  today: today, catalogue: catalogue, locate: locate)
    }

    /// `stability` is each provider's record over the policy's stability window, by provider id
    /// (a provider missing from it has no history).
    public init(vacancies: [Vacancy], providers: [Provider], stability byProvider: [String: ProviderStability],
                today: Day, catalogue: NeedCatalogue = .standard,
                locate: (_ postcode: String, _ fallbackAuthority: String?) -> GeoLocation?) {
        self.providers = providers
        self.catalogue = catalogue
        self.builtFor = today
        let providerIndex = Dictionary(providers.enumerated().map { ($1.id, Int32($0)) }) { first, _ in first }
        self.providerIndex = providerIndex
        self.stability = providers.map { byProvider[$0.id] ?? .init() }
        let providerCaps = providers.map { catalogue.set($0.capabilities) }

        var authorityIndex: [String: Int32] = [:]
        var authorityCodes: [String] = []
        var kept: [Vacancy] = []
        var locations: [GeoLocation] = []
        var compact: [Compact] = []
        var unlocated: [String] = []
        kept.reserveCapacity(vacancies.count)
        compact.reserveCapacity(vacancies.count)
        for v in vacancies {
            guard let p = providerIndex[v.providerID],
                  let location = locate(v.postcode ?? providers[Int(p)].postcode, providers[Int(p)].authorityCode) else {
                unlocated.append(v.id)
                continue
            }
            let provider = providers[Int(p)]
            let authority: Int32
            if let known = authorityIndex[location.authorityCode] {
                authority = known
            } else {
                authority = Int32(authorityCodes.count)
                authorityIndex[location.authorityCode] = authority
                authorityCodes.append(location.authorityCode)
            }
            var genders: UInt8 = 0
            for g in v.gendersAccepted { genders |= Self.bit(g) }
            compact.append(Compact(
                unit: UnitVector(location.coordinate),
                capabilities: providerCaps[Int(p)].union(catalogue.set(v.extraCapabilities)),
                availableFrom: Int32(v.availableFrom.daysSinceEpoch),
                confirmedAt: v.lastConfirmedAt.timeIntervalSince1970,
                holdExpiresAt: v.hold?.expiresAt.timeIntervalSince1970 ?? 0,
                fee: Int32(clamping: v.weeklyFee),
                authority: authority,
                provider: p,
                beds: Int16(clamping: v.beds),
                maxSiblingGroup: Int16(clamping: v.maxSiblingGroup),
                ageMin: UInt8(clamping: v.ageRange.lowerBound),
                ageMax: UInt8(clamping: v.ageRange.upperBound),
                genderMask: genders,
                settingBit: Self.bit(v.setting),
                welsh: provider.welshLanguage,
                sector: provider.sector,
                setting: v.setting,
                isOpen: v.status == .open || v.status == .held,
                takesEmergencies: v.takesEmergencies,
                approximate: location.isApproximate))
            kept.append(v)
            locations.append(location)
        }
        self.vacancies = kept
        self.position = Dictionary(kept.enumerated().map { ($1.id, $0) }) { first, _ in first }
        self.holds = Dictionary(uniqueKeysWithValues: kept.enumerated().compactMap { i, v in v.hold.map { (i, $0.childID) } })
        self.kinship = Dictionary(uniqueKeysWithValues: kept.enumerated().compactMap { i, v in
            v.setting == .kinship ? (i, Set(v.connectedChildIDs)) : nil
        })
        self.locations = locations
        self.compact = compact
        self.authorityCodes = authorityCodes
        self.unlocated = unlocated
    }

    public var count: Int { vacancies.count }

    public func provider(of index: Int) -> Provider { providers[Int(compact[index].provider)] }
    public func stability(of index: Int) -> ProviderStability { stability[Int(compact[index].provider)] }

    static func bit(_ g: Gender) -> UInt8 { 1 << UInt8(Gender.allCases.firstIndex(of: g)!) }
    static func bit(_ s: Setting) -> UInt8 { 1 << UInt8(Setting.allCases.firstIndex(of: s)!) }
}
