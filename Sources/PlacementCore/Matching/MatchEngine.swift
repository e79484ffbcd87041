import Foundation

/// Ranks every candidate vacancy for a child: hard constraints first (excluded, with reasons), then a
/// weighted sum of soft factors (0…100). Pure and deterministic: the same inputs give the same order.
public struct MatchEngine: Sendable {
    public let index: CandidateIndex
    public let policy: MatchPolicy
    public let geography: Geography
    /// The reg 12 tier of each of the index's authorities, for a child placed by each Welsh authority:
    /// worked out once here so a ranking does no string work per authority.
    let tiersByPlacingAuthority: [String: [LocalityTier]]

    public init(index: CandidateIndex, policy: MatchPolicy = .default, geography: Geography = .wales) {
        self.index = index
        self.policy = policy
        self.geography = geography
        tiersByPlacingAuthority = Dictionary(geography.welshAuthorities.map { home in
            (home.code, index.authorityCodes.map { geography.localityTier(home: home.code, placement: $0) })
        }) { first, _ in first }
    }

    /// The tier of each of the index's authorities for a child placed by `home`.
    func tiers(home: String) -> [LocalityTier] {
        tiersByPlacingAuthority[home] ?? index.authorityCodes.map { geography.localityTier(home: home, placement: $0) }
    }

    /// Ranks the vacancies for `request`; explanations are built for the first `explainTop`.
    /// Every candidate is checked against every hard constraint (the excluded list names every reason);
    /// only those that pass are measured, scored and ordered.
    public func rank(_ request: MatchRequest, explainTop: Int = 50) -> MatchResult {
        let profile = Profile(request: request, engine: self)
        let n = index.count
        var passed: [Int32] = []
        var miles: [Double] = []
        var excluded: [ExcludedCandidate] = []
        passed.reserveCapacity(n)
        miles.reserveCapacity(n)
        excluded.reserveCapacity(n)
        let measureFirst = profile.distanceExcludes
        // Pass 1, every vacancy: the hard constraints on the packed gate; distance only for those that pass
        // (or for all when a safeguarding distance applies).
        profile.columns.gates.withUnsafeBufferPointer { gates in
            profile.columns.units.withUnsafeBufferPointer { units in
                for i in 0..<n {
                    var straight = measureFirst ? profile.home.greatCircleMiles(to: units[i]) : 0
                    let reasons = profile.exclusions(gates[i], at: i, straightMiles: straight)
                    if !reasons.isEmpty {
                        excluded.append(ExcludedCandidate(index: i, reasons: reasons))
                        continue
                    }
                    if !measureFirst { straight = profile.home.greatCircleMiles(to: units[i]) }
                    passed.append(Int32(i))
                    miles.append(straight)
                }
            }
        }
        // Pass 2, the candidates left: the weighted sum, factor by factor.
        var sums = [Double](repeating: 0, count: passed.count)
        passed.withUnsafeBufferPointer { candidates in
            miles.withUnsafeBufferPointer { miles in
                sums.withUnsafeMutableBufferPointer { profile.addTotals(candidates: candidates, miles: miles, into: $0) }
            }
        }
        let idRanks = profile.columns.idRank, gates = profile.columns.gates
        var keys = passed.indices.map { k in
            let i = Int(passed[k])
            return RankKey(score: Self.settled(sums[k]), straightMiles: miles[k], index: passed[k], idRank: idRanks[i],
                           tier: UInt8(profile.tiers[Int(gates[i].authority)].rawValue))
        }
        keys.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.straightMiles != b.straightMiles { return a.straightMiles < b.straightMiles }
            if a.tier != b.tier { return a.tier < b.tier }
            return a.idRank < b.idRank
        }
        var ranked = keys.map {
            RankedCandidate(index: Int($0.index), score: $0.score, straightMiles: $0.straightMiles,
                            tier: LocalityTier(rawValue: Int($0.tier))!, explanation: nil)
        }
        let explained = min(explainTop, ranked.count)
        for r in 0..<explained {
            ranked[r].explanation = explain(ranked[r], profile: profile, request: request)
        }
        return MatchResult(policyName: policy.name, childIDs: request.children.map(\.id),
                           ranked: ranked, excluded: excluded, explained: explained)
    }

    /// A score on a grid of a billionth of a point: two beds the policy scores equally can differ in
    /// the last bits of a sum taken in a different order or scale, and without this that noise (not
    /// distance, tier or id) would decide which comes first. Monotone, so it never reorders real gaps.
    @inline(__always) static func settled(_ score: Double) -> Double { (score * 1e9).rounded() / 1e9 }

    /// What the order reads, as plain values: score, then straight miles, then tier, then vacancy id.
    struct RankKey {
        var score: Double
        var straightMiles: Double
        var index: Int32
        var idRank: Int32
        var tier: UInt8
    }

    /// For a group that must stay together: rank vacancies that take them all; if none can, say so and
    /// offer the arrangements in two homes that keep the most siblings together (s.81), and each child
    /// ranked on their own, every option labelled as separating the siblings.
    public func rankGroup(_ request: MatchRequest, explainTop: Int = 50, arrangements limit: Int = 10) -> GroupMatch {
        let together = rank(request, explainTop: explainTop)
        let n = request.children.count
        guard n > 1, together.ranked.isEmpty else { return .together(together) }
        let singles = (0..<n).map { 1 << $0 }
        // Every subgroup when the group is small enough to arrange; else each child alone.
        let masks = n <= Self.largestArrangedGroup ? Array(1..<((1 << n) - 1)) : singles
        var ranked: [Int: MatchResult] = [:]
        for mask in masks {
            let explain = mask.nonzeroBitCount == 1 ? max(explainTop, limit + Self.pairingsPerSplit) : limit + Self.pairingsPerSplit
            ranked[mask] = rank(subgroup(request, mask), explainTop: explain).withFlag(.separatesSiblings)
        }
        let arranged = n <= Self.largestArrangedGroup ? arrangements(of: request, ranked: ranked, limit: limit) : []
        return .split(together: together, arrangements: arranged, perChild: singles.map { ranked[$0]! })
    }

    /// The factor scores and plain-language reasons for one ranked candidate.
    func explain(_ candidate: RankedCandidate, profile: Profile, request: MatchRequest) -> Explanation {
        let i = candidate.index
        let contributions = zip(Factor.allCases, Factor.table).compactMap { factor, definition -> FactorContribution? in
            let w = profile.weights[factor]
            guard w > 0 else { return nil }
            let s = definition.score(profile, i, candidate.straightMiles)
            return FactorContribution(factor: factor, score: s, weight: w, points: 100 * w / profile.weightTotal * s)
        }
        let notes = ReasonWriter(engine: self, profile: profile, request: request, index: i, candidate: candidate)
        return Explanation(contributions: contributions, lines: notes.reasons(), flags: notes.flags())
    }
}

extension MatchResult {
    func withFlag(_ flag: MatchFlag) -> MatchResult {
        let ranked = self.ranked.map { r -> RankedCandidate in
            var r = r
            if let e = r.explanation {
                r.explanation = Explanation(contributions: e.contributions, lines: e.lines, flags: [flag] + e.flags)
            }
            return r
        }
        return MatchResult(policyName: policyName, childIDs: childIDs, ranked: ranked, excluded: excluded, explained: explained)
    }
}
