import PlacementCore
import Foundation

/// Vacancies in proportion to each provider kind, with beds, ages, fees and freshness by setting.
/// Cheap per record (no searching over vacancies), so 50,000 generate in well under a second in release.
struct DemoVacancyMaker {
    let providers: [DemoProvider]
    let today: Day
    let now: Date
    var rng: DemoRandom
    var postcodes: PostcodeBook
    /// Welsh neighbours of each Welsh authority, computed once: foster households spread over borders.
    private let welshNeighbours: [String: [String]]
    private let base: Double

    init(providers: [DemoProvider], geography: Geography, today: Day, now: Date, rng: DemoRandom, postcodes: PostcodeBook) {
        self.providers = providers
        self.today = today
        self.now = now
        self.rng = rng
        self.postcodes = postcodes
        var n: [String: [String]] = [:]
        for a in DemoPlaces.areas { n[a.code] = geography.neighbours(of: a.code).map(\.code).filter { $0.hasPrefix("W") } }
        welshNeighbours = n
        base = now.timeIntervalSince1970.rounded(.down)
    }

    mutating func make(count: Int, children: [DemoChild], placements: inout [Placement]) -> [Vacancy] {
        var index: [String: Int] = [:]
        for (i, p) in providers.enumerated() { index[p.provider.id] = i }

        // Some current placements came through a vacancy, now filled.
        var drafts: [(Vacancy, Int?)] = []
        let linkCap = count * 15 / 100
        for (i, p) in placements.enumerated() where p.isOpen && drafts.count < linkCap && rng.chance(0.5) {
            guard let pi = index[p.providerID] else { continue }
            var v = draft(pi)
            v.status = .filled
            v.availableFrom = min(v.availableFrom, p.start)
            drafts.append((v, i))
        }

        // Holds are for children still waiting, at most one each and for about half of them.
        var waiting = children.filter { $0.child.status != .placed }.map(\.child)
        rng.shuffle(&waiting)
        var holdsLeft = waiting.count / 2
        var held: Set<String> = []

        let table = WeightedTable(providers.map(\.kind.vacancyWeight))
        while drafts.count < count {
            var v = draft(table.draw(&rng))
            let r = rng.unit()
            if r < 0.04, holdsLeft > 0,
               let child = waiting.first(where: { !held.contains($0.id) && $0.acceptableSettings.contains(v.setting) }) {
                held.insert(child.id)
                holdsLeft -= 1
                let age = child.age(on: today)
                v.ageRange = min(v.ageRange.lowerBound, age)...max(v.ageRange.upperBound, age)
                v.status = .held
                v.availableFrom = today
                v.hold = Hold(childID: child.id, officer: rng.pick(DemoNames.officers), expiresAt: holdExpiry())
            } else if r < 0.14 {
                v.status = .filled
            } else if r < 0.22 {
                v.status = .withdrawn
            }
            drafts.append((v, nil))
        }

        rng.shuffle(&drafts)
        var vacancies: [Vacancy] = []
        vacancies.reserveCapacity(drafts.count)
        for (n, (v, placementIndex)) in drafts.enumerated() {
            var v = v
            v.id = DemoIDs.make("V", n + 1, width: 5)
            if let placementIndex { placements[placementIndex].vacancyID = v.id }
            vacancies.append(v)
        }
        return vacancies
    }

    /// Later today (holds are short: the officer is deciding now), or half an hour if the day is nearly over.
    private mutating func holdExpiry() -> Date {
        let endOfDay = Double((today.daysSinceEpoch + 1) * 86_400 - 60)
        let wanted = base + Double(rng.int(1...4) * 3_600)
        return Date(timeIntervalSince1970: endOfDay - base >= 1_800 ? min(wanted, endOfDay) : base + 1_800)
    }

    private mutating func draft(_ pi: Int) -> Vacancy {
        let p = providers[pi]
        let kind = p.kind, setting = kind.setting
        let maxSiblings: Int = switch setting {
        case .residential: rng.chance(0.9) ? 1 : 2
        case .foster: [1, 2, 3, 4][rng.weighted([50, 30, 15, 5])]
        case .kinship: rng.int(1...3)
        default: 1
        }
        let beds: Int = switch setting {
        case .residential: [1, 2, 3, 4][rng.weighted([40, 30, 20, 10])]
        case .foster: rng.chance(0.7) ? 1 : 2
        case .parentAndChild: rng.int(1...2)
        case .secure, .shortBreak: rng.int(1...3)
        default: 1
        }
        var genders = Set(Gender.allCases)
        if rng.chance(0.15) { genders = rng.pick([[.female], [.male], [.female, .other], [.male, .other]]) }
        var extras: [String] = []
        if rng.chance(0.2) {
            let options = kind.capabilityPool.filter { !p.provider.capabilities.contains($0) }
            if !options.isEmpty { extras = [rng.pick(options)] }
        }
        let confirmedSecondsAgo = rng.chance(0.75) ? rng.int(0...(7 * 86_400 - 1)) : rng.int((8 * 86_400)...(30 * 86_400))
        return Vacancy(
            id: "", providerID: p.provider.id, setting: setting, postcode: householdPostcode(p),
            beds: max(beds, maxSiblings), ageRange: ages(setting), gendersAccepted: genders,
            maxSiblingGroup: maxSiblings, extraCapabilities: extras,
            availableFrom: rng.chance(0.5) ? today : today.adding(days: rng.int(1...30)),
            takesEmergencies: rng.chance(setting == .secure ? 0.6 : 0.3), weeklyFee: fee(kind, p.provider.sector),
            lastConfirmedAt: Date(timeIntervalSince1970: base - Double(confirmedSecondsAgo)), status: .open,
            purchase: Self.purchase(p.provider))
    }

    /// How a bed is bought, from its provider's id (no draw): a council's own beds are not bought; of the rest
    /// most through the all-Wales framework, some under block contracts, some spot.
    static func purchase(_ p: Provider) -> PurchaseMode? {
        guard p.sector != .localAuthority else { return nil }
        return switch (Int(p.id.drop { !$0.isNumber }) ?? 0) % 20 {
        case 0...11: .allWalesFramework
        case 12...14: .blockContract
        default: .spot
        }
    }

    /// Foster and lodgings beds are in carers' homes, not at the agency office.
    private mutating func householdPostcode(_ p: DemoProvider) -> String? {
        guard [.foster, .kinship, .supportedLodgings].contains(p.kind.setting) else { return nil }
        guard p.isWelsh else { return postcodes.sameDistrict(as: p.location, &rng).postcode.value }
        let near = welshNeighbours[p.location.authorityCode] ?? []
        let code = near.isEmpty || rng.chance(0.75) ? p.location.authorityCode : rng.pick(near)
        return postcodes.inAuthority(code, &rng).postcode.value
    }

    private mutating func ages(_ setting: Setting) -> ClosedRange<Int> {
        switch setting {
        case .residential:
            let lo = rng.int(8...13)
            return lo...rng.int(max(15, lo + 3)...17)
        case .foster: return rng.weighted([(0...4, 15), (0...10, 15), (0...17, 25), (5...17, 15), (8...17, 10), (11...17, 15), (2...12, 5)])
        case .kinship: return 0...17
        case .parentAndChild: return rng.int(16...18)...rng.int(21...25)
        case .supportedLodgings: return rng.int(16...17)...21
        case .secure: return rng.int(10...12)...17
        case .shortBreak: return rng.int(0...8)...17
        }
    }

    /// Weekly fees by kind (`DemoMarket.fee`, shared with the agreed costs of placements).
    private mutating func fee(_ kind: ProviderKind, _ sector: Sector) -> Int { DemoMarket.fee(kind, &rng) }
}
