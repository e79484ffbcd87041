import Foundation

/// Ranks every candidate vacancy for a child: hard constraints first (excluded, with reasons), then a
/// weighted sum of soft factors (0…100). Pure and deterministic: the same inputs give the same order.
public struct MatchEngine: Sendable {
    public let index: CandidateIndex
    public let policy: MatchPolicy
    public let geography: Geography

    public init(index: CandidateIndex, policy: MatchPolicy = .default, geography: Geography = .wales) {
        self.index = index
        self.policy = policy
        self.geography = geography
    }

    /// Ranks the vacancies for `request`; explanations are built for the first `explainTop`.
    public func rank(_ request: MatchRequest, explainTop: Int = 50) -> MatchResult {
        let profile = Profile(request: request, index: index, policy: policy, geography: geography)
        var ranked: [RankedCandidate] = []
        var excluded: [ExcludedCandidate] = []
        index.compact.withUnsafeBufferPointer { candidates in
            for i in candidates.indices {
                let c = candidates[i]
                let straight = profile.home.greatCircleMiles(to: c.unit)
                let reasons = profile.exclusions(c, at: i, straightMiles: straight)
                if !reasons.isEmpty {
                    excluded.append(ExcludedCandidate(index: i, reasons: reasons))
                    continue
                }
                let scores = profile.scores(c, straightMiles: straight)
                ranked.append(RankedCandidate(index: i, score: profile.total(scores), straightMiles: straight,
                                              tier: profile.tier(c), explanation: nil))
            }
        }
        ranked.sort { a, b in
            if a.score != b.score { return a.score > b.score }
            if a.straightMiles != b.straightMiles { return a.straightMiles < b.straightMiles }
            if a.tier != b.tier { return a.tier < b.tier }
            return index.vacancies[a.index].id < index.vacancies[b.index].id
        }
        let explained = min(explainTop, ranked.count)
        for r in 0..<explained {
            ranked[r].explanation = explain(ranked[r], profile: profile, request: request)
        }
        return MatchResult(policyName: policy.name, childIDs: request.children.map(\.id),
                           ranked: ranked, excluded: excluded, explained: explained)
    }

    /// For a group that must stay together: rank vacancies that take them all; if none can, say so
    /// and rank each child on their own, labelled as separating the siblings.
    public func rankGroup(_ request: MatchRequest, explainTop: Int = 50) -> GroupMatch {
        let together = rank(request, explainTop: explainTop)
        guard request.children.count > 1, together.ranked.isEmpty else { return .together(together) }
        let perChild = request.children.map { child in
            var single = request
            single.children = [child]
            single.history = request.history.filter { $0.childID == child.id }
            single.avoidAreas = request.avoidAreas.filter { $0.childID == child.id }
            return rank(single, explainTop: explainTop).withFlag(.separatesSiblings)
        }
        return .split(together: together, perChild: perChild)
    }

    /// The factor scores and plain-language reasons for one ranked candidate.
    func explain(_ candidate: RankedCandidate, profile: Profile, request: MatchRequest) -> Explanation {
        let i = candidate.index
        let c = index.compact[i]
        let scores = profile.scores(c, straightMiles: candidate.straightMiles)
        let total = profile.weightTotal
        let contributions = Factor.allCases.compactMap { factor -> FactorContribution? in
            guard let w = profile.weights[factor], w > 0 else { return nil }
            let s = scores[factor]
            return FactorContribution(factor: factor, score: s, weight: w, points: 100 * w * s / total)
        }
        let notes = ReasonWriter(engine: self, profile: profile, request: request, index: i,
                                 candidate: candidate, compact: c)
        return Explanation(contributions: contributions, reasons: notes.reasons(), flags: notes.flags())
    }
}

extension MatchResult {
    func withFlag(_ flag: MatchFlag) -> MatchResult {
        let ranked = self.ranked.map { r -> RankedCandidate in
            var r = r
            if let e = r.explanation {
                r.explanation = Explanation(contributions: e.contributions, reasons: e.reasons, flags: [flag] + e.flags)
            }
            return r
        }
        return MatchResult(policyName: policyName, childIDs: childIDs, ranked: ranked, excluded: excluded, explained: explained)
    }
}
