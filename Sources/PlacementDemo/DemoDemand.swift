import PlacementCore

/// Demand by placing authority as in Table 4.1 (issue 13 §3): Newport commissions a sixth of Wales's
/// residential nights, Merthyr Tydfil under 1%. Children are made in proportion to population, so the
/// histories are then traded between families: a family whose children spent the year in residential care
/// moves to an authority further behind its share, or swaps homes with a family there with fewer such
/// nights, until no move brings the nights nearer Table 4.1. Whole families move, with their home, school and
/// safeguarding areas; every authority keeps at least one family. Each placement keeps what the report counts (sector,
/// and in-county / elsewhere in Wales / outside Wales): a children's home is swapped for one of the same kind
/// and band from the new home, council fostering and kinship for the new council's own.
struct DemoDemand {
    var rng: DemoRandom

    /// Table 4.1's share of residential nights for each Welsh authority (fractions summing to 1).
    static let shares: [String: Double] = Baseline.residentialNights.mapValues { Double($0) / Double(Baseline.residentialNightsWales) }

    /// One family: the children who share a home (a sibling group, or a child alone) and their nights.
    private struct Family {
        var members: [Int]
        var authority: String
        var nights: Double
        /// Residential classes (kind and band) its placements must find again after a move.
        var classes: Set<Int>
    }

    mutating func apply(_ history: inout DemoHistoryMaker, children: inout [DemoChild], postcodes: inout PostcodeBook) {
        var families = Self.families(history, children)
        let total = families.reduce(0) { $0 + $1.nights }
        guard total > 0 else { return }
        let codes = Self.shares.keys.sorted()
        let column = Dictionary(uniqueKeysWithValues: codes.enumerated().map { ($1, $0) })
        var feasible: [String: Set<Int>] = [:]
        for code in codes { feasible[code] = Set(history.picker.residentialPools(code).filter { !$0.value.isEmpty }.keys) }
        // A family whose homes have no like in the new authority (no in-county home of that kind there) moves
        // only for twice the gain: its home then changes band, which the rebalance after must make up.
        let fits = families.map { f in
            codes.indices.reduce(UInt64(0)) { mask, k in f.classes.isSubset(of: feasible[codes[k]]!) ? mask | 1 << UInt64(k) : mask }
        }
        var search = DemoRebalance(authority: families.map { column[$0.authority]! }, nights: families.map(\.nights),
                                   fits: fits, target: codes.map { Self.shares[$0]! * total })
        // Best step first; each strictly lowers the sum of squared misses, so this ends.
        for _ in 0..<600 {
            guard let step = search.bestStep() else { break }
            search.apply(step)
        }
        let original = families.map(\.authority)
        for k in families.indices { families[k].authority = codes[search.authority[k]] }
        for k in families.indices where families[k].authority != original[k] {
            move(families[k], to: families[k].authority, &history, &children, &postcodes)
        }
        let homeByChild = Dictionary(children.map { ($0.child.id, $0.child.placingAuthority) }) { a, _ in a }
        history.picker.recount(history.placements.compactMap { p in
            guard let pi = history.picker.indexByID[p.providerID], let home = homeByChild[p.childID] else { return nil }
            return (pi, home, history.nightsInYear(p.start, p.actualEnd))
        })
    }

    private static func families(_ history: DemoHistoryMaker, _ children: [DemoChild]) -> [Family] {
        let picker = history.picker
        var byKey: [String: Family] = [:], order: [String] = []
        let childIndex = Dictionary(children.indices.map { (children[$0].child.id, $0) }) { a, _ in a }
        for (i, c) in children.enumerated() {
            let key = c.child.siblingGroup?.groupID ?? c.child.id
            if byKey[key] == nil { order.append(key); byKey[key] = Family(members: [], authority: c.child.placingAuthority, nights: 0, classes: []) }
            byKey[key]!.members.append(i)
        }
        for p in history.placements {
            guard let i = childIndex[p.childID], let pi = picker.indexByID[p.providerID] else { continue }
            let c = children[i]
            let key = c.child.siblingGroup?.groupID ?? c.child.id
            if ReportSetting(p.placementType).isResidential { byKey[key]!.nights += Double(history.nightsInYear(p.start, p.actualEnd)) }
            if let cls = residentialClass(picker, pi, home: c.child.placingAuthority) { byKey[key]!.classes.insert(cls) }
        }
        return order.map { byKey[$0]! }
    }

    /// The class (kind and band) a children's home placement from `home` is counted in, or nil for other care.
    private static func residentialClass(_ picker: DemoProviderPicker, _ pi: Int, home: String) -> Int? {
        let p = picker.providers[pi]
        guard [.residentialLA, .residentialPrivate, .residentialThird].contains(p.kind) else { return nil }
        var band = LocalityBand(picker.geography.localityTier(home: home, placement: p.location.authorityCode))
        if p.kind == .residentialLA && band == .inCounty && p.provider.authorityCode != home { band = .elsewhereInWales }
        return DemoProviderPicker.classKey(p.kind, band)
    }

    private mutating func move(_ family: Family, to code: String, _ history: inout DemoHistoryMaker,
                               _ children: inout [DemoChild], _ postcodes: inout PostcodeBook) {
        guard let from = family.members.first.map({ children[$0].child.placingAuthority }) else { return }
        let home = postcodes.inAuthority(code, &rng)
        var chosen: [String: Int] = [:]   // old provider → new, so siblings placed together stay together
        let ids = Set(family.members.map { children[$0].child.id })
        for k in history.placements.indices where ids.contains(history.placements[k].childID) {
            let p = history.placements[k]
            guard let pi = history.picker.indexByID[p.providerID] else { continue }
            let next: Int
            if let known = chosen[p.providerID] {
                next = known
            } else {
                next = replacement(pi, from: from, to: code, &history.picker)
                chosen[p.providerID] = next
            }
            let provider = history.picker.providers[next]
            history.placements[k].providerID = provider.provider.id
            history.placements[k].localityTier = history.geography.localityTier(home: code, placement: provider.location.authorityCode).rawValue
            history.placements[k].milesFromHome = (Distance.estimatedRoadMiles(home.coordinate, provider.location.coordinate) * 10).rounded() / 10
        }
        for i in family.members {
            var child = children[i].child
            child.placingAuthority = code
            child.homePostcode = home.postcode.value
            if child.schoolPostcode != nil { child.schoolPostcode = postcodes.sameDistrict(as: home, &rng).postcode.value }
            child.safeguarding.avoidAuthorities = child.safeguarding.avoidAuthorities.map { $0 == from ? code : $0 }
            for a in child.safeguarding.avoidAreas.indices {
                child.safeguarding.avoidAreas[a].postcode = postcodes.inAuthority(code, &rng).postcode.value
            }
            children[i] = DemoChild(child: child, home: home)
        }
    }

    /// The provider a placement goes to once its child's home is in `to`: a children's home of the same kind
    /// and band (the same one if it still is), the new council's own carers for council fostering and
    /// kinship, and the same provider for everything else (agencies, secure homes, lodgings).
    private mutating func replacement(_ pi: Int, from: String, to: String, _ picker: inout DemoProviderPicker) -> Int {
        if let cls = Self.residentialClass(picker, pi, home: from) {
            let pools = picker.residentialPools(to)
            var pool = pools[cls] ?? []
            if pool.isEmpty {
                // No like: the same kind in another band, elsewhere in Wales first.
                let kind = picker.providers[pi].kind
                pool = [LocalityBand.elsewhereInWales, .outsideWales, .inCounty].lazy
                    .compactMap { pools[DemoProviderPicker.classKey(kind, $0)] }.first { !$0.isEmpty } ?? []
            }
            return pool.contains(pi) || pool.isEmpty ? pi : rng.pick(pool)
        }
        let kind = picker.providers[pi].kind
        if kind == .fosterLA || kind == .kinship {
            let local = picker.local(picker.pool(kind), to)
            return local.isEmpty ? pi : rng.pick(local)
        }
        return pi
    }
}
