import Foundation

/// One named column of the engine's inputs, widened to 64 bits so any language reads it plainly.
public enum PeerColumn: Sendable {
    case doubles([Double])
    case integers([Int64])
}

/// The engine's inputs exactly as the ranking loop reads them, for the peer benchmarks
/// (scripts/bench-peers.sh: numpy and a plain C loop score the same arrays and must agree on the order).
/// The engine itself never reads these.
extension CandidateIndex {
    public var peerColumns: [(name: String, column: PeerColumn)] {
        let g = columns.gates
        func ints<T: BinaryInteger>(_ f: (Gate) -> T) -> PeerColumn { .integers(g.map { Int64(f($0)) }) }
        return [
            ("ux", .doubles(columns.units.map(\.x))), ("uy", .doubles(columns.units.map(\.y))), ("uz", .doubles(columns.units.map(\.z))),
            ("capabilities", ints { Int64(bitPattern: $0.capabilities.bits) }),
            ("availableFrom", ints(\.availableFrom)), ("provider", ints(\.provider)), ("authority", ints(\.authority)),
            ("beds", ints(\.beds)), ("maxSiblingGroup", ints(\.maxSiblingGroup)), ("ageMin", ints(\.ageMin)), ("ageMax", ints(\.ageMax)),
            ("genderMask", ints(\.genderMask)), ("settingBit", ints(\.settingBit)), ("flags", ints(\.flags)), ("welsh", ints(\.welsh)),
            ("holdExpiresAt", .doubles(columns.holdExpiresAt)), ("confirmedAt", .doubles(columns.confirmedAt)),
            ("fee", .integers(columns.fee.map(Int64.init))), ("sector", .integers(columns.sector.map(Int64.init))),
            ("stability", .doubles(columns.stabilityScore)),
            ("ratingGrade", .integers(columns.ratingGrade.map(Int64.init))), ("idRank", .integers(columns.idRank.map(Int64.init))),
            ("kinshipBit", .integers([Int64(Self.kinshipBit)])),
            ("constants", .doubles([Distance.roadFactor, Distance.earthRadiusMiles, Profile.importantNeedWeight])),
        ]
    }
}

extension MatchEngine {
    /// The request's side of the loop: the tables `Profile` builds once per ranking.
    public func peerColumns(for request: MatchRequest) -> [(name: String, column: PeerColumn)] {
        let p = Profile(request: request, engine: self)
        func flags(_ b: [Bool]) -> PeerColumn { .integers(b.map { $0 ? 1 : 0 }) }
        func unit(_ u: UnitVector?) -> PeerColumn { .doubles(u.map { [$0.x, $0.y, $0.z] } ?? []) }
        return [
            ("home", unit(p.home)), ("school", unit(p.school)),
            ("scalars", .integers([Int64(p.neededDay), p.emergency ? 1 : 0, Int64(p.youngest), Int64(p.oldest),
                                   Int64(p.genderMask), Int64(p.settingMask), Int64(p.groupSize),
                                   Int64(bitPattern: p.essential.bits), Int64(bitPattern: p.important.bits),
                                   Int64(bitPattern: p.desirable.bits), p.welshLevel == .essential ? 1 : 0,
                                   p.noNeedsRecorded ? 1 : 0, Int64(p.planMask), p.lacksSecureOrder ? 1 : 0, Int64(p.excludeGrade)])),
            ("needsPossible", .doubles([p.needsPossible])),
            ("minimumMiles", .doubles(p.minimumMiles.map { [$0] } ?? [])),
            ("avoidAreas", .doubles(p.avoidAreas.flatMap { [$0.0.x, $0.0.y, $0.0.z, $0.1] })),
            ("tiers", .integers(p.tiers.map { Int64($0.rawValue) })), ("avoidedAuthority", flags(p.avoidedAuthority)),
            ("declinedProvider", flags(p.declinedProvider)), ("brokeDownWith", flags(p.brokeDownWith)),
            ("declinedVacancy", .integers(p.declinedVacancy.map(Int64.init))),
            ("heldForGroup", .integers(p.heldForGroup.map(Int64.init))),
            ("kinshipForGroup", .integers(p.kinshipForGroup.map(Int64.init))),
            ("now", .doubles([p.now])),
            // In factor order (`Factor.allCases`): 100 × weight / total, 0 for a factor that does not apply.
            ("scale", .doubles(Factor.allCases.map { 100 * p.weights[$0] / p.weightTotal })),
            ("localityScores", .doubles(p.localityScores)), ("sectorScores", .doubles(p.sectorScores)),
            ("welshScores", .doubles(p.welshScores)), ("fees", .doubles(p.fees)),
            ("inspectionScores", .doubles(p.inspectionScores)),
            ("decay", .doubles([policy.fullScoreWithinMiles, policy.schoolFullScoreWithinMiles, policy.halfLifeMiles])),
        ]
    }
}
