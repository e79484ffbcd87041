import PlacementCore
import Foundation

/// A generated provider with the facts later stages need (kept out of the public dataset).
struct DemoProvider {
    var provider: Provider
    var kind: ProviderKind
    var location: PostcodeRecord
    var isWelsh: Bool { location.authorityCode.hasPrefix("W") }
}

/// Providers across all 22 authorities plus English border and farther sites.
struct DemoProviderMaker {
    let geography: Geography
    var rng: DemoRandom
    var postcodes: PostcodeBook
    private var usedNames: Set<String> = []
    private var usedSlugs: Set<String> = []

    init(geography: Geography, rng: DemoRandom, postcodes: PostcodeBook) {
        self.geography = geography
        self.rng = rng
        self.postcodes = postcodes
    }

    mutating func make(count: Int) -> [DemoProvider] {
        let counts = ProviderKind.counts(total: count)
        // Build the list kind by kind (so every authority gets an in-house fostering service and a
        // kinship team first), then shuffle so ids do not group by kind.
        var plan: [(ProviderKind, Int)] = []
        for kind in ProviderKind.allCases {
            for ordinal in 0..<(counts[kind] ?? 0) { plan.append((kind, ordinal)) }
        }
        var welshOrder = DemoPlaces.areas.map(\.code)
        rng.shuffle(&welshOrder)
        var built: [(ProviderKind, PostcodeRecord, Int)] = []
        for (kind, ordinal) in plan { built.append((kind, location(kind, ordinal, welshOrder), ordinal)) }
        rng.shuffle(&built)
        var perAuthority: [String: Int] = [:]
        var result: [DemoProvider] = []
        for (i, (kind, location, ordinal)) in built.enumerated() {
            let key = "\(kind.rawValue)|\(location.authorityCode)"
            let nth = perAuthority[key, default: 0]
            perAuthority[key] = nth + 1
            result.append(provider(index: i, kind: kind, location: location, ordinal: ordinal, nthInAuthority: nth))
        }
        return result
    }

    // MARK: - Location

    private mutating func location(_ kind: ProviderKind, _ ordinal: Int, _ welshOrder: [String]) -> PostcodeRecord {
        switch kind {
        case .fosterLA, .kinship:
            // One in-house service and one kinship team per authority before any second.
            let code = ordinal < welshOrder.count ? welshOrder[ordinal] : weightedWelsh(privateBias: false)
            return postcodes.inAuthority(code, &rng)
        case .residentialPrivate:
            // Some homes over the border and farther in England, so out-of-Wales placements exist.
            let r = rng.unit()
            if r < 0.12 { return postcodes.english(rng.pick(DemoPlaces.borderSites), &rng) }
            if r < 0.18 { return postcodes.english(rng.pick(DemoPlaces.fartherSites), &rng) }
            return postcodes.inAuthority(weightedWelsh(privateBias: true), &rng)
        case .fosterAgency:
            if rng.chance(0.12) { return postcodes.english(rng.pick(DemoPlaces.borderSites), &rng) }
            return postcodes.inAuthority(weightedWelsh(privateBias: false), &rng)
        case .secure:
            // Wales has a single secure children's home (in Neath Port Talbot); others are in England.
            if ordinal == 0 { return postcodes.inAuthority("W06000012", &rng) }
            return postcodes.english(rng.pick(DemoPlaces.fartherSites), &rng)
        default:
            return postcodes.inAuthority(weightedWelsh(privateBias: false), &rng)
        }
    }

    private mutating func weightedWelsh(privateBias: Bool) -> String {
        let areas = DemoPlaces.areas
        return areas[rng.weighted(areas.map { $0.population * (privateBias ? $0.privateHomeBias : 1) })].code
    }

    // MARK: - Record

    private mutating func provider(index: Int, kind: ProviderKind, location: PostcodeRecord,
                                   ordinal: Int, nthInAuthority: Int) -> DemoProvider {
        let id = DemoIDs.make("P", index + 1, width: 4)
        let authority = geography.authority(code: location.authorityCode)
        let isWelsh = location.authorityCode.hasPrefix("W")
        let sector = sector(kind)
        let welsh = welshCapability(authority: location.authorityCode, councilRun: sector == .localAuthority)
        var capabilities = rng.sample(kind.capabilityPool, count: rng.int(kind.capabilityCount))
        if welsh == .fluent { capabilities.append("WEL") }
        // Catalogue order, so the same set always prints the same way.
        let order = NeedCatalogue.standard.definitions.map(\.code)
        capabilities.sort { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! }

        let name = uniqueName(baseName(kind, sector: sector, authority: authority, ordinal: ordinal,
                                       nth: nthInAuthority, welshShare: DemoPlaces.area(location.authorityCode)?.welshSpeakers ?? 0),
                              authority: authority)
        let provider = Provider(
            id: id, name: name, sector: sector, regulator: isWelsh ? .ciw : .ofsted,
            registrationNumber: isWelsh ? ciwNumber() : ofstedNumber(), serviceType: kind.serviceType,
            postcode: location.postcode.value, authorityCode: location.authorityCode, welshLanguage: welsh,
            capabilities: capabilities,
            contact: ContactDetails(name: "\(rng.pick(DemoNames.adults)) \(rng.pick(DemoNames.welshFamilies + DemoNames.englishFamilies))",
                                    phone: "01632 960\(DemoIDs.pad(index % 1000, 3))",
                                    email: "\(uniqueSlug(name))@example.org"))
        return DemoProvider(provider: provider, kind: kind, location: location)
    }

    private mutating func sector(_ kind: ProviderKind) -> Sector {
        switch kind {
        case .residentialPrivate, .fosterAgency: .private
        case .residentialLA, .fosterLA, .kinship, .secure: .localAuthority
        case .residentialThird, .fosterThird: .thirdSector
        case .parentAndChild: rng.chance(0.6) ? .private : .thirdSector
        case .supportedLodgings: rng.chance(0.6) ? .localAuthority : .thirdSector
        case .shortBreaks: rng.chance(0.5) ? .localAuthority : .thirdSector
        }
    }

    /// More Welsh-speaking care where more people speak Welsh (Gwynedd, Anglesey, Ceredigion, Carmarthenshire).
    private mutating func welshCapability(authority: String, councilRun: Bool) -> WelshCapability {
        guard let area = DemoPlaces.area(authority) else { return .none }
        let r = rng.unit()
        if r < area.welshSpeakers * (councilRun ? 1.0 : 0.7) { return .fluent }
        if r < area.welshSpeakers + 0.2 { return .some }
        return .none
    }

    private mutating func baseName(_ kind: ProviderKind, sector: Sector, authority: Authority?, ordinal: Int,
                                   nth: Int, welshShare: Double) -> String {
        let english = authority?.name ?? "County"
        let cymraeg = authority?.welshName ?? english
        switch kind {
        case .residentialPrivate: return houseName(welshShare: welshShare)
        case .residentialLA: return "\(houseName(welshShare: welshShare, plain: true)) (\(english) Council)"
        case .residentialThird: return "\(rng.pick(DemoNames.charities)) – \(houseName(welshShare: welshShare, plain: true))"
        case .fosterLA: return nth == 0 ? "Foster Wales \(cymraeg)" : "Foster Wales \(cymraeg) – \(DemoNames.directions[(nth - 1) % 6]) team"
        case .kinship: return nth == 0 ? "\(english) Kinship Care Team" : "\(english) Kinship Care Team (\(DemoNames.directions[(nth - 1) % 6]))"
        case .fosterAgency:
            let names = DemoNames.agencies
            return ordinal < names.count ? names[ordinal] : "\(names[ordinal % names.count]) – \(english) office"
        case .fosterThird: return "\(DemoNames.charities[ordinal % DemoNames.charities.count]) Fostering"
        case .parentAndChild: return "\(rng.pick(["Meithrin", "Cwtch", "Nyth", "Hafan", "Nurture"])) Parent and Child Centre"
        case .supportedLodgings:
            return sector == .localAuthority ? "\(english) Supported Lodgings" : "\(rng.pick(["Llwybrau", "Camau Nesaf", "Next Steps"])) Supported Lodgings"
        case .secure: return ordinal == 0 ? "Tŷ Diogel Secure Children's Home" : "Ridgeway Secure Children's Home"
        case .shortBreaks: return "\(rng.pick(["Seibiant", "Time Out", "Egwyl"])) Short Breaks – \(english)"
        }
    }

    private mutating func houseName(welshShare: Double, plain: Bool = false) -> String {
        if rng.chance(0.45 + welshShare * 0.5) {
            let house = rng.pick(DemoNames.welshHouses)
            return plain ? house : rng.pick([house, "\(house) Children's Home", "\(house) House"])
        }
        let house = rng.pick(DemoNames.englishHouses)
        return plain ? "\(house) House" : rng.pick(["\(house) House", "\(house) Lodge", "\(house) Children's Home"])
    }

    private mutating func uniqueName(_ base: String, authority: Authority?) -> String {
        var name = base
        if usedNames.contains(name) { name = "\(base), \(authority?.name ?? "England")" }
        var n = 2
        while usedNames.contains(name) { name = "\(base) \(n)"; n += 1 }
        usedNames.insert(name)
        return name
    }

    /// ASCII mailbox name from the provider's name ("Tŷ Gwyn" → "tygwyn").
    private mutating func uniqueSlug(_ name: String) -> String {
        let folded = name.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = String(folded.unicodeScalars.filter { ("a"..."z").contains($0) || ("0"..."9").contains($0) }
            .map(Character.init).prefix(28))
        if slug.isEmpty { slug = "placements" }
        var candidate = slug, n = 2
        while usedSlugs.contains(candidate) { candidate = "\(slug)\(n)"; n += 1 }
        usedSlugs.insert(candidate)
        return candidate
    }

    /// CIW service ids look like "SIN-00012345-ABCD".
    private mutating func ciwNumber() -> String {
        let letters = Array("ABCDEFGHJKLMNPQRSTUVWXYZ")
        let suffix = String((0..<4).map { _ in rng.pick(letters) })
        return "SIN-000\(DemoIDs.pad(rng.int(10_000...99_999), 5))-\(suffix)"
    }

    /// Ofsted unique reference numbers for social care look like "SC123456".
    private mutating func ofstedNumber() -> String { "SC\(rng.int(100_000...999_999))" }
}
