import PlacementCore
/// Chooses the provider for a historical placement the way placements actually fall out in Wales.
struct DemoProviderPicker {
    let geography: Geography
    let providers: [DemoProvider]
    private let byKind: [ProviderKind: [Int]]
    /// Providers made deliberately unstable: several recent breakdowns and same-day endings.
    let unstable: [Int]

    init(geography: Geography, providers: [DemoProvider], rng: inout DemoRandom) {
        self.geography = geography
        self.providers = providers
        var kinds: [ProviderKind: [Int]] = [:]
        for (i, p) in providers.enumerated() { kinds[p.kind, default: []].append(i) }
        byKind = kinds
        let homes = (kinds[.residentialPrivate] ?? []).filter { providers[$0].isWelsh }
        let agencies = kinds[.fosterAgency] ?? []
        unstable = rng.sample(homes, count: 2) + rng.sample(agencies, count: 1)
    }

    func pool(_ kind: ProviderKind) -> [Int] { byKind[kind] ?? [] }

    /// A provider for `setting` for a child from `home`. Residential placements follow the seed
    /// report's Table 4.5 (31% in-county, 53% elsewhere in Wales, 16% outside Wales); fostering
    /// follows Table 4.8 (49% council carers, 24% kinship, 23% agencies, 4% third sector).
    /// The provider's own setting wins if the wanted one has no provider at all.
    /// `favour` lists unstable providers still under their quota, offered only for a recent breakdown;
    /// they are used inside the locality or sector class already drawn, so the mix stays calibrated.
    func pick(_ setting: Setting, home: String, allowKinship: Bool, favour: [Int], _ rng: inout DemoRandom) -> Int {
        let candidates: [Int]
        switch setting {
        case .residential:
            let all = pool(.residentialPrivate) + pool(.residentialLA) + pool(.residentialThird)
            let r = rng.unit()
            let nearby = nearby(all, home)
            if r < 0.31 { candidates = prefer(local(all, home), else: prefer(nearby, else: all)) }
            else if r < 0.84 {
                let shaky = favour.filter { providers[$0].kind.isResidential && providers[$0].location.authorityCode != home }
                if !shaky.isEmpty, rng.chance(0.9) { return rng.pick(shaky) }
                candidates = prefer(all.filter { providers[$0].isWelsh && providers[$0].location.authorityCode != home }, else: all)
            }
            else { candidates = prefer(all.filter { !providers[$0].isWelsh }, else: all) }
        case .foster, .kinship:
            var table: [(ProviderKind, Double)] = [(.fosterLA, 49), (.fosterAgency, 23), (.fosterThird, 4)]
            if allowKinship { table.append((.kinship, setting == .kinship ? 1_000 : 24)) }
            let kind = rng.weighted(table)
            switch kind {
            case .fosterLA, .kinship: candidates = prefer(local(pool(kind), home), else: pool(kind))
            case .fosterAgency:
                let shaky = favour.filter { providers[$0].kind == .fosterAgency }
                if !shaky.isEmpty, rng.chance(0.9) { return rng.pick(shaky) }
                candidates = rng.chance(0.7) ? prefer(nearby(pool(kind), home), else: pool(kind)) : pool(kind)
            default: candidates = pool(kind)
            }
        default:
            let kind = ProviderKind.allCases.first { $0.setting == setting }!
            candidates = rng.chance(0.6) ? prefer(nearby(pool(kind), home), else: pool(kind)) : pool(kind)
        }
        if !candidates.isEmpty { return rng.pick(candidates) }
        let sameSetting = providers.indices.filter { providers[$0].kind.setting == setting }
        return sameSetting.isEmpty ? rng.below(providers.count) : rng.pick(sameSetting)
    }

    private func prefer(_ first: [Int], else fallback: [Int]) -> [Int] { first.isEmpty ? fallback : first }

    private func local(_ pool: [Int], _ home: String) -> [Int] {
        pool.filter { providers[$0].location.authorityCode == home }
    }

    private func nearby(_ pool: [Int], _ home: String) -> [Int] {
        pool.filter {
            let code = providers[$0].location.authorityCode
            return code == home || geography.borders(code, home)
        }
    }
}
