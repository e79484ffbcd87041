import PlacementCore

/// The placement market the seed report describes, laid over the generated world (issue 13 §2, §3):
/// what each placement cost, why it was made and how it was bought; the authorities fixed at its start; and
/// Welsh children's homes nearly full, a quarter of their occupied beds filled from England (para 6.6),
/// 603 places with 465 in use (para 6.4, 77%).
struct DemoMarket {
    var rng: DemoRandom
    let today: Day

    /// Para 6.4: 465 of 603 places in use.
    static let occupancy = Double(Baseline.childrensHomePlacesInUseWales) / Double(Baseline.childrensHomePlacesWales)
    /// Para 6.6: 110 of 435 children in Welsh homes placed by English authorities.
    static let fromEngland = Double(Baseline.childrenInWelshHomesFromEngland) / Double(Baseline.childrenInWelshHomes)
    /// English commissioners that place in Wales (ONS codes): border counties, the Midlands, the North West, London.
    static let englishCommissioners = [
        "E06000019", "E06000051", "E06000050", "E08000025", "E08000012", "E08000003", "E08000035",
        "E09000028", "E09000022", "E09000033", "E10000034", "E06000023",
    ]

    /// Cost, purpose, framework or spot and the start's authorities on every placement.
    mutating func terms(_ placements: inout [Placement], providers: [DemoProvider], children: [Child]) {
        let providerByID = Dictionary(providers.map { ($0.provider.id, $0) }) { a, _ in a }
        let authority = Dictionary(children.map { ($0.id, $0.placingAuthority) }) { a, _ in a }
        for i in placements.indices {
            guard let p = providerByID[placements[i].providerID] else { continue }
            let placing = authority[placements[i].childID]
            placements[i].placingAuthority = placing
            placements[i].bedAuthority = p.location.authorityCode
            let weekly = DemoMarket.fee(p.kind, &rng)
            placements[i].cost = AgreedCost(weekly: weekly, changes: uplifts(from: placements[i].start, to: placements[i].actualEnd ?? today,
                                                                            weekly: weekly))
            placements[i].purpose = purpose(placements[i])
            // A council's own care is not bought; agencies and homes under the framework or spot (para 5.10).
            if p.provider.sector != .localAuthority {
                placements[i].purchase = rng.chance(p.kind.setting == .residential ? 0.35 : 0.7) ? .framework : .spot
            }
        }
    }

    /// A fee uplift each 1 April the placement runs through (3%, to the nearest £10).
    private func uplifts(from start: Day, to end: Day, weekly: Int) -> [CostChange] {
        var out: [CostChange] = []
        var cost = Double(weekly)
        var year = start.month >= 4 ? start.year + 1 : start.year
        while let april = Day(year: year, month: 4, day: 1), april < end, april > start {
            cost *= 1.03
            out.append(CostChange(from: april, weeklyCost: Int((cost / 10).rounded()) * 10))
            year += 1
        }
        return out
    }

    private mutating func purpose(_ p: Placement) -> PlacementPurpose {
        let days = p.start.days(until: p.actualEnd ?? today)
        if ReportSetting(p.placementType) == .other { return .respite }
        if days <= 14 { return rng.chance(0.7) ? .emergency : .assessment }
        if days <= 180 { return rng.weighted([(PlacementPurpose.shortTerm, 55), (.assessment, 20), (.emergency, 15), (.stepDown, 10)]) }
        return rng.weighted([(PlacementPurpose.longTerm, 85), (.stepDown, 10), (.shortTerm, 5)])
    }

    /// Weekly fees by kind (pounds), rounded to £10, as `DemoVacancyMaker` asks them.
    static func fee(_ kind: ProviderKind, _ rng: inout DemoRandom) -> Int {
        let range: ClosedRange<Int> = switch kind {
        case .residentialPrivate: 3_500...9_000
        case .residentialLA: 3_500...6_000
        case .residentialThird: 4_000...7_000
        case .fosterLA: 400...700
        case .fosterAgency: 800...1_300
        case .fosterThird: 700...1_000
        case .kinship: 250...450
        case .secure: 7_000...12_000
        case .parentAndChild: 1_500...3_500
        case .supportedLodgings: 250...600
        case .shortBreaks: 300...1_200
        }
        return rng.int(range) / 10 * 10
    }

    /// Welsh children's homes nearly full: beds already filled outside the store, and then open beds, are
    /// recorded as filled by other authorities (a quarter of all occupied beds English) until free beds are
    /// 23% of places; each home's registered places are then what it holds: the store's children there, beds
    /// filled by others, and its open beds. Homes with none of these have no registration recorded.
    mutating func scarcity(_ vacancies: inout [Vacancy], providers: inout [DemoProvider], placements: [Placement]) {
        let homeKinds: Set<ProviderKind> = [.residentialPrivate, .residentialLA, .residentialThird, .secure]
        let homes = Set(providers.filter { $0.isWelsh && homeKinds.contains($0.kind) }.map(\.provider.id))
        var stored: [String: Int] = [:]
        for p in placements where homes.contains(p.providerID) && p.isOpen && p.start <= today
            && ReportSetting(p.placementType).isResidential {
            stored[p.providerID, default: 0] += 1
        }
        let linked = Set(placements.compactMap(\.vacancyID))
        let inHomes = vacancies.indices.filter { homes.contains(vacancies[$0].providerID) }
        let alreadyFilled = inHomes.filter { vacancies[$0].status == .filled && !linked.contains(vacancies[$0].id) }
        var open = inHomes.filter { vacancies[$0].status == .open }
        rng.shuffle(&open)
        // Beds that take same-day emergencies are filled last (popped from the end): the slack that lets an
        // emergency search still find a few homes, as the stories and the same-day notice need.
        open = open.filter { vacancies[$0].takesEmergencies } + open.filter { !vacancies[$0].takesEmergencies }
        let s = Double(stored.values.reduce(0, +))
        var filled = alreadyFilled.reduce(0) { $0 + vacancies[$1].beds }
        var free = open.reduce(0) { $0 + vacancies[$1].beds }
        var byOthers = alreadyFilled
        // Fill open beds until free ÷ places is no more than 1 − 77%.
        while let next = open.last, Double(free) > (1 - Self.occupancy) * (s + Double(filled + free)) {
            open.removeLast()
            vacancies[next].status = .filled
            vacancies[next].hold = nil
            filled += vacancies[next].beds
            free -= vacancies[next].beds
            byOthers.append(next)
        }
        // A quarter of the occupied beds English, the rest other Welsh authorities'.
        var english = Int((Self.fromEngland * (s + Double(filled))).rounded())
        rng.shuffle(&byOthers)
        let welsh = DemoPlaces.areas
        for i in byOthers {
            if english > 0 {
                vacancies[i].filledBy = rng.pick(Self.englishCommissioners)
                english -= vacancies[i].beds
            } else {
                vacancies[i].filledBy = welsh[rng.weighted(welsh.map(\.population))].code
            }
        }
        var held: [String: Int] = stored
        for i in inHomes where vacancies[i].status == .open || (vacancies[i].status == .filled && vacancies[i].filledBy != nil) {
            held[vacancies[i].providerID, default: 0] += vacancies[i].beds
        }
        for i in providers.indices where homes.contains(providers[i].provider.id) {
            if let places = held[providers[i].provider.id], places > 0 { providers[i].provider.registeredPlaces = places }
        }
    }
}
