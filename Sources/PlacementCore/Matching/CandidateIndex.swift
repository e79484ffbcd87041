import Foundation

/// Vacancies prepared once for ranking many times: plain values in contiguous columns, capability
/// bits and unit vectors precomputed, providers as integer ordinals, so a ranking pass touches no
/// strings or dictionaries.
public struct CandidateIndex: Sendable {
    /// Structure of arrays: the pass over every vacancy reads only `gates` (32 bytes each); the other
    /// columns are read for the few that pass the hard constraints, or for the rare hold or avoid-area.
    struct Columns: Sendable {
        var gates: [Gate] = []
        var units: [UnitVector] = []
        var holdExpiresAt: [Double] = []
        var confirmedAt: [Double] = []
        var fee: [Int32] = []
        /// `Sector` ordinal in `allCases`.
        var sector: [UInt8] = []
        var approximate: [Bool] = []
        /// By provider ordinal: the stability score over the policy's window.
        var stabilityScore: [Double] = []
        /// By provider ordinal: the grade of the regulator's latest rating (0 best … 3), 4 when none is recorded.
        var ratingGrade: [UInt8] = []
        /// The worst grade any provider here is rated (0 when none is): ratings exclude only if it is bad enough.
        var worstGrade: UInt8 = 0
        var anyRated = false
        /// Each vacancy's place in id order (the last tie-break), so ordering compares no strings.
        var idRank: [Int32] = []
        /// Each vacancy's home (`residents.homes`), -1 when which home is not known; read only for a gate
        /// flagged `hasResidents`.
        var home: [Int32] = []
        var residents = ResidentHomes()
        var anyResidents = false
    }

    /// The fields every hard constraint except distance reads, packed.
    struct Gate {
        var capabilities: NeedSet
        var availableFrom: Int32
        var provider: Int32
        var authority: Int32
        var beds: Int16
        var maxSiblingGroup: Int16
        var ageMin: UInt8
        var ageMax: UInt8
        var genderMask: UInt8
        var settingBit: UInt8
        var flags: UInt8
        /// `WelshCapability` ordinal in `allCases` (none, some, fluent).
        var welsh: UInt8

        static let open: UInt8 = 1, takesEmergencies: UInt8 = 2, hasHold: UInt8 = 4, hasResidents: UInt8 = 8
    }

    public let vacancies: [Vacancy]
    public let providers: [Provider]
    public let locations: [GeoLocation]
    let columns: Columns
    /// Distinct authority codes of the candidates; `Gate.authority` indexes this.
    let authorityCodes: [String]
    /// Provider ordinal by id: per-request lookups (declines, breakdowns) touch only the few ids named.
    let providerOrdinal: [String: Int32]
    let stability: [ProviderStability]
    /// Position of each vacancy by id.
    public let position: [String: Int]
    /// By child id: the vacancies held for the child, and the kinship vacancies whose carer is approved
    /// for the child, so a request looks up its own children instead of scanning every hold.
    let holdsByChild: [String: [Int]]
    let kinshipByChild: [String: [Int]]
    public let catalogue: NeedCatalogue
    public let builtFor: Day

    /// Vacancies whose provider is unknown or whose location cannot be found are left out and listed
    /// in `unlocated`, so the officer can fix the data instead of losing a bed silently.
    public private(set) var unlocated: [String] = []

    /// Counts provider stability from `placements` itself; a store that aggregates it should pass `stability`.
    public init(vacancies: [Vacancy], providers: [Provider], placements: [Placement], today: Day,
                policy: MatchPolicy = .default, catalogue: NeedCatalogue = .standard, residents: [Resident] = [],
                locate: (_ postcode: String, _ fallbackAuthority: String?) -> GeoLocation?) {
        self.init(vacancies: vacancies, providers: providers,
                  stability: ProviderStability.compute(placements, today: today, windowDays: policy.stabilityWindowDays),
                  today: today, catalogue: catalogue, residents: residents, locate: locate)
    }

    /// `stability` is each provider's record over the policy's stability window, by provider id
    /// (a provider missing from it has no history). `residents`: the children placed now, in any home.
    public init(vacancies: [Vacancy], providers: [Provider], stability byProvider: [String: ProviderStability],
                today: Day, catalogue: NeedCatalogue = .standard, residents: [Resident] = [],
                locate: (_ postcode: String, _ fallbackAuthority: String?) -> GeoLocation?) {
        self.providers = providers
        self.catalogue = catalogue
        self.builtFor = today
        let providerIndex = Dictionary(providers.enumerated().map { ($1.id, Int32($0)) }) { first, _ in first }
        self.providerOrdinal = providerIndex
        let stability = providers.map { byProvider[$0.id] ?? .init() }
        self.stability = stability
        let providerCaps = providers.map { catalogue.set($0.capabilities) }

        var authorityIndex: [String: Int32] = [:]
        var authorityCodes: [String] = []
        var kept: [Vacancy] = []
        var locations: [GeoLocation] = []
        var columns = Columns()
        columns.stabilityScore = stability.map(\.score)
        columns.ratingGrade = providers.map { UInt8($0.inspection?.rating.grade ?? Self.unrated) }
        columns.worstGrade = columns.ratingGrade.filter { $0 < Self.unrated }.max() ?? 0
        columns.anyRated = providers.contains { $0.inspection != nil }
        var unlocated: [String] = []
        kept.reserveCapacity(vacancies.count)
        columns.gates.reserveCapacity(vacancies.count)
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
            var flags: UInt8 = 0
            if v.status == .open || v.status == .held { flags |= Gate.open }
            if v.takesEmergencies { flags |= Gate.takesEmergencies }
            if v.hold != nil { flags |= Gate.hasHold }
            columns.gates.append(Gate(
                capabilities: providerCaps[Int(p)].union(catalogue.set(v.extraCapabilities)),
                availableFrom: Int32(v.availableFrom.daysSinceEpoch),
                provider: p,
                authority: authority,
                beds: Int16(clamping: v.beds),
                maxSiblingGroup: Int16(clamping: v.maxSiblingGroup),
                ageMin: UInt8(clamping: v.ageRange.lowerBound),
                ageMax: UInt8(clamping: v.ageRange.upperBound),
                genderMask: genders,
                settingBit: Self.bit(v.setting),
                flags: flags,
                welsh: UInt8(WelshCapability.allCases.firstIndex(of: provider.welshLanguage)!)))
            columns.units.append(UnitVector(location.coordinate))
            columns.holdExpiresAt.append(v.hold?.expiresAt.timeIntervalSince1970 ?? 0)
            columns.confirmedAt.append(v.lastConfirmedAt.timeIntervalSince1970)
            columns.fee.append(Int32(clamping: v.weeklyFee))
            columns.sector.append(UInt8(Sector.allCases.firstIndex(of: provider.sector)!))
            columns.approximate.append(location.isApproximate)
            kept.append(v)
            locations.append(location)
        }
        self.vacancies = kept
        // Homes only matter when someone lives in one: a store without residents builds no keys.
        if !residents.isEmpty {
            var homeIndex: [String: Int32] = [:]
            columns.home = kept.indices.map { i in
                guard let key = Resident.homeKey(provider: providers[Int(columns.gates[i].provider)], bedPostcode: kept[i].postcode) else { return -1 }
                if let known = homeIndex[key] { return known }
                homeIndex[key] = Int32(homeIndex.count)
                return Int32(homeIndex.count - 1)
            }
            let byID = Dictionary(providers.map { ($0.id, $0) }) { first, _ in first }
            columns.residents = ResidentHomes(residents: residents, count: homeIndex.count, providers: byID) { homeIndex[$0] }
            for i in kept.indices where columns.home[i] >= 0 && columns.residents.homes[Int(columns.home[i])].count > 0 {
                columns.gates[i].flags |= Gate.hasResidents
                columns.anyResidents = true
            }
        }
        columns.idRank = [Int32](repeating: 0, count: kept.count)
        let ids = kept.map(\.id) // sorting by `kept[$0].id` would copy a whole vacancy per comparison
        for (rank, i) in ids.indices.sorted(by: { ids[$0] < ids[$1] }).enumerated() { columns.idRank[i] = Int32(rank) }
        self.position = Dictionary(kept.enumerated().map { ($1.id, $0) }) { first, _ in first }
        var holdsByChild: [String: [Int]] = [:], kinshipByChild: [String: [Int]] = [:]
        for (i, v) in kept.enumerated() {
            if let hold = v.hold { holdsByChild[hold.childID, default: []].append(i) }
            if v.setting == .kinship { for child in Set(v.connectedChildIDs) { kinshipByChild[child, default: []].append(i) } }
        }
        self.holdsByChild = holdsByChild
        self.kinshipByChild = kinshipByChild
        self.locations = locations
        self.columns = columns
        self.authorityCodes = authorityCodes
        self.unlocated = unlocated
    }

    public var count: Int { vacancies.count }

    public func provider(of index: Int) -> Provider { providers[Int(columns.gates[index].provider)] }
    public func stability(of index: Int) -> ProviderStability { stability[Int(columns.gates[index].provider)] }

    static func bit(_ g: Gender) -> UInt8 { 1 << UInt8(Gender.allCases.firstIndex(of: g)!) }
    static func bit(_ s: Setting) -> UInt8 { 1 << UInt8(Setting.allCases.firstIndex(of: s)!) }
    /// `Columns.ratingGrade` of a provider with no rating recorded.
    static let unrated = 4
    /// Read per candidate, so worked out once.
    static let kinshipBit = bit(.kinship)
}
