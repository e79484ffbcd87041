import PlacementCore
/// Chooses the provider for a historical placement the way placements actually fall out in Wales.
struct DemoProviderPicker {
    let geography: Geography
    let providers: [DemoProvider]
    private let byKind: [ProviderKind: [Int]]
    /// Providers made deliberately unstable: several recent breakdowns and same-day endings.
    let unstable: [Int]
    let indexByID: [String: Int]

    init(geography: Geography, providers: [DemoProvider], rng: inout DemoRandom) {
        self.geography = geography
        self.providers = providers
        indexByID = Dictionary(providers.indices.map { (providers[$0].provider.id, $0) }) { a, _ in a }
        var kinds: [ProviderKind: [Int]] = [:]
        for (i, p) in providers.enumerated() { kinds[p.kind, default: []].append(i) }
        byKind = kinds
        let homes = (kinds[.residentialPrivate] ?? []).filter { providers[$0].isWelsh }
        let agencies = kinds[.fosterAgency] ?? []
        unstable = rng.sample(homes, count: 2) + rng.sample(agencies, count: 1)
    }

    func pool(_ kind: ProviderKind) -> [Int] { byKind[kind] ?? [] }

    /// Residential nights of the last 12 months by (kind, Table 4.5 band), and foster nights by kind, as
    /// picked so far: each new placement goes where the mix is furthest behind the report, so even 150
    /// children land on its shares instead of scattering around them.
    private(set) var residentialNights: [Int: Double] = [:]
    private var fosterNights: [ProviderKind: Double] = [:]
    /// Residential providers by kind and Table 4.5 band from each home authority, built on first use.
    private var residentialByHome: [String: [Int: [Int]]] = [:]

    /// Table 4.3 (Wales, looked after) sector shares × Table 4.5 bands within each sector: (kind, band, %).
    static let residentialTargets: [(ProviderKind, LocalityBand, Double)] = [
        (.residentialLA, .inCounty, 12 * 0.98), (.residentialLA, .elsewhereInWales, 12 * 0.01), (.residentialLA, .outsideWales, 12 * 0.01),
        (.residentialPrivate, .inCounty, 86 * 0.20), (.residentialPrivate, .elsewhereInWales, 86 * 0.61),
        (.residentialPrivate, .outsideWales, 86 * 0.19),
        (.residentialThird, .inCounty, 2 * 0.52), (.residentialThird, .elsewhereInWales, 2 * 0.30), (.residentialThird, .outsideWales, 2 * 0.18),
    ]
    /// Table 4.8, Wales: council carers 49%, kinship 24%, third-sector agencies 4%, commercial agencies 23%.
    static let fosterTargets: [(ProviderKind, Double)] = [(.fosterLA, 49), (.kinship, 24), (.fosterThird, 4), (.fosterAgency, 23)]

    /// A provider for `setting` for a child from `home`, for a placement giving `nights` in the last 12 months.
    /// Residential placements follow Tables 4.3 and 4.5 jointly (sector, then in-county / elsewhere in Wales /
    /// outside Wales); fostering follows Table 4.8. Placements before the year (no nights) are drawn at random.
    /// The provider's own setting wins if the wanted one has no provider at all.
    /// `favour` lists unstable providers still under their quota, offered only for a recent breakdown;
    /// they are used inside the class already chosen, so the mix stays calibrated.
    mutating func pick(_ setting: Setting, home: String, allowKinship: Bool, favour: [Int], nights: Int,
                       _ rng: inout DemoRandom) -> Int {
        var candidates: [Int] = []
        let w = Double(nights)
        switch setting {
        case .residential:
            let pools = residentialPools(home)
            let total = residentialNights.values.reduce(0, +) + w
            let keys = Self.residentialTargets.map { Self.classKey($0.0, $0.1) }
            let targets = Self.residentialTargets.map { $0.2 / 100 * total }
            var best: (key: Int, deficit: Double)?
            for (j, key) in keys.enumerated() where !(pools[key] ?? []).isEmpty {
                let deficit = w > 0 ? -Self.error(after: j, w, keys.map { residentialNights[$0, default: 0] }, targets)
                    : rng.unit() * Self.residentialTargets[j].2
                if best == nil || deficit > best!.deficit { best = (key, deficit) }
            }
            if let best {
                candidates = pools[best.key]!
                let shaky = favour.filter { candidates.contains($0) }
                if !shaky.isEmpty, rng.chance(0.9) { candidates = shaky }
            }
        case .foster, .kinship:
            var kind: ProviderKind = .fosterLA
            if setting == .kinship && allowKinship && !pool(.kinship).isEmpty {
                kind = .kinship
            } else {
                let total = fosterNights.values.reduce(0, +) + w
                let actual = Self.fosterTargets.map { fosterNights[$0.0, default: 0] }
                let targets = Self.fosterTargets.map { $0.1 / 100 * total }
                var best: (kind: ProviderKind, deficit: Double)?
                for (j, (k, share)) in Self.fosterTargets.enumerated() where (k != .kinship || allowKinship) && !pool(k).isEmpty {
                    let deficit = w > 0 ? -Self.error(after: j, w, actual, targets) : rng.unit() * share
                    if best == nil || deficit > best!.deficit { best = (k, deficit) }
                }
                kind = best?.kind ?? .fosterLA
            }
            switch kind {
            case .fosterLA, .kinship: candidates = prefer(local(pool(kind), home), else: pool(kind))
            case .fosterAgency:
                let shaky = favour.filter { providers[$0].kind == .fosterAgency }
                if !shaky.isEmpty, rng.chance(0.9) { return rng.pick(shaky) }
                candidates = rng.chance(0.7) ? prefer(nearby(pool(kind), home), else: pool(kind)) : pool(kind)
            default: candidates = pool(kind)
            }
        case .parentAndChild where nights > 0:
            // Parent-and-child units count as residential by their sector: the unit that keeps the mix nearest.
            candidates = nearestInMix(pool(.parentAndChild), home: home, nights: w)
        default:
            let kind = ProviderKind.allCases.first { $0.setting == setting }!
            candidates = rng.chance(0.6) ? prefer(nearby(pool(kind), home), else: pool(kind)) : pool(kind)
        }
        let sameSetting = candidates.isEmpty ? providers.indices.filter { providers[$0].kind.setting == setting } : []
        let chosen = !candidates.isEmpty ? rng.pick(candidates) : sameSetting.isEmpty ? rng.below(providers.count) : rng.pick(sameSetting)
        record(chosen, home: home, nights: nights)
        return chosen
    }

    /// Those of `pool` whose class (sector and band from `home`) keeps the residential mix nearest its targets.
    private func nearestInMix(_ pool: [Int], home: String, nights w: Double) -> [Int] {
        let keys = Self.residentialTargets.map { Self.classKey($0.0, $0.1) }
        let total = residentialNights.values.reduce(0, +) + w
        let targets = Self.residentialTargets.map { $0.2 / 100 * total }
        let actual = keys.map { residentialNights[$0, default: 0] }
        var best: [Int] = [], bestError = Double.infinity
        for i in pool {
            guard let key = mixKey(i, home: home), let j = keys.firstIndex(of: key) else { continue }
            let e = Self.error(after: j, w, actual, targets)
            if e < bestError - 1e-6 { (best, bestError) = ([i], e) } else if abs(e - bestError) <= 1e-6 { best.append(i) }
        }
        return best.isEmpty ? pool : best
    }

    /// The class a residential provider's nights count in for a child from `home`, as `record` counts them.
    private func mixKey(_ pi: Int, home: String) -> Int? {
        let p = providers[pi]
        let kind: ProviderKind? = switch p.kind {
        case .residentialLA, .residentialPrivate, .residentialThird: p.kind
        case .secure: .residentialLA
        case .parentAndChild: p.provider.sector == .private ? .residentialPrivate : .residentialThird
        default: nil
        }
        guard let kind else { return nil }
        var band = LocalityBand(geography.localityTier(home: home, placement: p.location.authorityCode))
        if kind == .residentialLA && band == .inCounty && p.provider.authorityCode != home { band = .elsewhereInWales }
        return Self.classKey(kind, band)
    }

    /// Counts a placement's nights in the mix by the provider it went to (a sibling's copied history too).
    /// Secure homes count as councils' children's homes, parent-and-child units by their sector: the reports
    /// count both as residential.
    mutating func record(_ pi: Int, home: String, nights: Int) {
        guard nights > 0 else { return }
        let p = providers[pi], w = Double(nights)
        let kind: ProviderKind? = switch p.kind {
        case .residentialLA, .residentialPrivate, .residentialThird: p.kind
        case .secure: .residentialLA
        case .parentAndChild: p.provider.sector == .private ? .residentialPrivate : .residentialThird
        default: nil
        }
        if let kind {
            var band = LocalityBand(geography.localityTier(home: home, placement: p.location.authorityCode))
            // Another council's home nearby is not in-house: count it with the councils' other homes.
            if kind == .residentialLA && band == .inCounty && p.provider.authorityCode != home { band = .elsewhereInWales }
            residentialNights[Self.classKey(kind, band), default: 0] += w
        } else if [.fosterLA, .kinship, .fosterThird, .fosterAgency].contains(p.kind) {
            fosterNights[p.kind, default: 0] += w
        }
    }

    /// A children's home for a placement of `nights` now with `pi` that brings the residential mix nearer the
    /// report's, or nil; the accounting moves with it. (Choices made child by child overshoot: one long
    /// placement is several points of a small demo's nights, so short ones are moved afterwards.)
    mutating func rebalance(_ pi: Int, home: String, nights: Int, _ rng: inout DemoRandom) -> Int? {
        let keys = Self.residentialTargets.map { Self.classKey($0.0, $0.1) }
        let p = providers[pi]
        if p.kind == .secure || p.kind == .parentAndChild { return rebalanceWithinKind(pi, home: home, nights: nights, keys, &rng) }
        guard [.residentialLA, .residentialPrivate, .residentialThird].contains(p.kind) else { return nil }
        var band = LocalityBand(geography.localityTier(home: home, placement: p.location.authorityCode))
        if p.kind == .residentialLA && band == .inCounty && p.provider.authorityCode != home { band = .elsewhereInWales }
        guard let from = keys.firstIndex(of: Self.classKey(p.kind, band)) else { return nil }
        let total = residentialNights.values.reduce(0, +)
        let targets = Self.residentialTargets.map { $0.2 / 100 * total }
        var actual = keys.map { residentialNights[$0, default: 0] }
        actual[from] -= Double(nights)
        let pools = residentialPools(home)
        var best = (index: from, error: Self.error(after: from, Double(nights), actual, targets))
        for j in keys.indices where j != from && !(pools[keys[j]] ?? []).isEmpty {
            let e = Self.error(after: j, Double(nights), actual, targets)
            if e < best.error - 1e-6 { best = (j, e) }
        }
        guard best.index != from else { return nil }
        residentialNights[keys[from], default: 0] -= Double(nights)
        residentialNights[keys[best.index], default: 0] += Double(nights)
        return rng.pick(pools[keys[best.index]]!)
    }

    // MARK: Exchanges: two placements trade classes, a finer step than moving one

    /// The index in `residentialTargets` of the class a residential placement with `pi` counts in.
    func mixIndex(_ pi: Int, home: String) -> Int? {
        guard let key = mixKey(pi, home: home) else { return nil }
        return Self.residentialTargets.indices.first { Self.classKey(Self.residentialTargets[$0].0, Self.residentialTargets[$0].1) == key }
    }

    /// Providers a placement with `pi` for a child from `home` could go to instead and count in class `j`: any
    /// children's home of that class, or a secure home or parent-and-child unit for one already in such.
    mutating func options(_ pi: Int, home: String, inClass j: Int) -> [Int] {
        let key = Self.classKey(Self.residentialTargets[j].0, Self.residentialTargets[j].1)
        let kind = providers[pi].kind
        if kind == .secure || kind == .parentAndChild { return pool(kind).filter { mixKey($0, home: home) == key } }
        return residentialPools(home)[key] ?? []
    }

    /// The mix's error (`error(after:)`) with these nights moved between classes.
    func mixError(moving: [(from: Int, to: Int, nights: Double)]) -> Double {
        let keys = Self.residentialTargets.map { Self.classKey($0.0, $0.1) }
        let total = residentialNights.values.reduce(0, +)
        var actual = keys.map { residentialNights[$0, default: 0] }
        for m in moving {
            actual[m.from] -= m.nights
            actual[m.to] += m.nights
        }
        return Self.error(after: 0, 0, actual, Self.residentialTargets.map { $0.2 / 100 * total })
    }

    mutating func move(nights: Double, from: Int, to: Int) {
        let key = { (j: Int) in Self.classKey(Self.residentialTargets[j].0, Self.residentialTargets[j].1) }
        residentialNights[key(from), default: 0] -= nights
        residentialNights[key(to), default: 0] += nights
    }

    /// As `rebalance`, for a secure home or a parent-and-child unit: another of the same kind (a secure home in
    /// Wales rather than England, a not-for-profit unit rather than a private one) if that brings the mix nearer.
    private mutating func rebalanceWithinKind(_ pi: Int, home: String, nights: Int, _ keys: [Int], _ rng: inout DemoRandom) -> Int? {
        guard let fromKey = mixKey(pi, home: home), let from = keys.firstIndex(of: fromKey) else { return nil }
        let total = residentialNights.values.reduce(0, +)
        let targets = Self.residentialTargets.map { $0.2 / 100 * total }
        var actual = keys.map { residentialNights[$0, default: 0] }
        actual[from] -= Double(nights)
        var best = (index: from, error: Self.error(after: from, Double(nights), actual, targets), providers: [pi])
        for q in pool(providers[pi].kind) where q != pi {
            guard let key = mixKey(q, home: home), let j = keys.firstIndex(of: key) else { continue }
            let e = Self.error(after: j, Double(nights), actual, targets)
            if e < best.error - 1e-6 { best = (j, e, [q]) } else if j == best.index && j != from { best.providers.append(q) }
        }
        guard best.index != from else { return nil }
        residentialNights[keys[from], default: 0] -= Double(nights)
        residentialNights[keys[best.index], default: 0] += Double(nights)
        return rng.pick(best.providers)
    }

    /// How far the mix is from its targets once `w` nights go to class `j`: squared misses of the sector
    /// shares (Table 4.3) and the locality bands (Table 4.5), which the reports show, plus a small weight
    /// on each class's own target. Classes the mix cannot avoid (secure orders go where the secure homes
    /// are) are then made up for in the other classes of the same sector or band, not left as a miss.
    static func error(after j: Int, _ w: Double, _ actual: [Double], _ targets: [Double]) -> Double {
        var sector: [ProviderKind: Double] = [:], band: [LocalityBand: Double] = [:], joint = 0.0
        for k in actual.indices {
            let (kind, b, _) = residentialTargets[k]
            let d = actual[k] + (k == j ? w : 0) - targets[k]
            sector[kind, default: 0] += d
            band[b, default: 0] += d
            joint += d * d
        }
        return sector.values.reduce(0) { $0 + $1 * $1 } + band.values.reduce(0) { $0 + $1 * $1 } + joint / 16
    }

    /// Residential and foster nights counted again from scratch, after placements moved home (`DemoDemand`).
    mutating func recount(_ placements: [(providerIndex: Int, home: String, nights: Int)]) {
        residentialNights = [:]
        fosterNights = [:]
        for p in placements { record(p.providerIndex, home: p.home, nights: p.nights) }
    }

    static func classKey(_ kind: ProviderKind, _ band: LocalityBand) -> Int {
        (ProviderKind.allCases.firstIndex(of: kind)! << 2) | band.rawValue
    }

    mutating func residentialPools(_ home: String) -> [Int: [Int]] {
        if let known = residentialByHome[home] { return known }
        var pools: [Int: [Int]] = [:]
        for kind in [ProviderKind.residentialLA, .residentialPrivate, .residentialThird] {
            for i in pool(kind) {
                // A council's home is in-house only for its own children; for others it is another council's.
                let band = LocalityBand(geography.localityTier(home: home, placement: providers[i].location.authorityCode))
                if kind == .residentialLA && band == .inCounty && providers[i].provider.authorityCode != home { continue }
                pools[Self.classKey(kind, band), default: []].append(i)
            }
        }
        residentialByHome[home] = pools
        return pools
    }

    private func prefer(_ first: [Int], else fallback: [Int]) -> [Int] { first.isEmpty ? fallback : first }

    func local(_ pool: [Int], _ home: String) -> [Int] {
        pool.filter { providers[$0].location.authorityCode == home }
    }

    private func nearby(_ pool: [Int], _ home: String) -> [Int] {
        pool.filter {
            let code = providers[$0].location.authorityCode
            return code == home || geography.borders(code, home)
        }
    }
}
