import Foundation

/// One way to place a sibling group that no single vacancy takes whole: two homes, each taking part of the
/// group (s.81 of the 2014 Act asks that siblings live together where possible, so the parts are as large
/// as the vacancies allow).
public struct SiblingArrangement: Sendable {
    public struct Part: Sendable {
        /// In the group's order.
        public let childIDs: [String]
        /// The vacancy, ranked for this part of the group on its own (its explanation says why).
        public let candidate: RankedCandidate
    }

    /// The larger part first (the lead's part first when equal).
    public let parts: [Part]
    /// The parts' scores weighted by how many children each takes, 0…100.
    public let score: Double
    /// Pairs of siblings who would share a home: the first thing arrangements are ranked by.
    public let pairsTogether: Int

    /// Who lives with whom and who would be apart from whom, by child id, in `language`.
    public func label(language: Language = .en, vacancyID: (Int) -> String) -> String {
        let a = parts[0], b = parts[1]
        let values = ["first": Self.names(a.childIDs, language), "second": Self.names(b.childIDs, language),
                      "firstVacancy": vacancyID(a.candidate.index), "secondVacancy": vacancyID(b.candidate.index)]
        let message: Message = switch (a.childIDs.count > 1, b.childIDs.count > 1) {
        case (true, true): .coreArrangementBothTogether
        case (true, false): .coreArrangementFirstTogether
        case (false, true): .coreArrangementSecondTogether
        case (false, false): .coreArrangementNeitherTogether
        }
        return message.text(language, values)
    }

    /// "C1", "C1 and C2", "C1, C2 and C3" ("C1 a C2" in Welsh: ids take no mutation).
    static func names(_ ids: [String], _ language: Language = .en) -> String {
        ids.count < 2 ? ids.joined()
            : Message.coreListAnd.text(language, ["items": ids.dropLast().joined(separator: ", "), "last": ids.last!])
    }
}

extension MatchEngine {
    /// Groups larger than this are ranked child by child only: every way of splitting them in two is
    /// ranked, and 2^8 rankings is already more than an officer would wait for.
    public static let largestArrangedGroup = 8
    /// Alternatives kept for each way of splitting the group (the best pairing of homes, then the next).
    static let pairingsPerSplit = 3

    /// The ways to place the group in two homes, best first: most siblings sharing a home first, then
    /// score, then vacancy id. `ranked` holds each subgroup's ranking by member bit mask (bit k: child k),
    /// for every proper non-empty subgroup.
    func arrangements(of request: MatchRequest, ranked: [Int: MatchResult], limit: Int) -> [SiblingArrangement] {
        let n = request.children.count
        let all = (1 << n) - 1
        let ids = request.children.map(\.id)
        let idRank = index.columns.idRank
        func members(_ mask: Int) -> [String] { (0..<n).filter { mask & (1 << $0) != 0 }.map { ids[$0] } }
        func pairs(_ k: Int) -> Int { k * (k - 1) / 2 }
        var found: [(arrangement: SiblingArrangement, ranks: (Int32, Int32))] = []
        // Each split once: the part holding the lead child (bit 0) is `mask`.
        for mask in stride(from: 1, to: all, by: 2) {
            let rest = all ^ mask
            guard let a = ranked[mask]?.ranked.prefix(limit + Self.pairingsPerSplit), !a.isEmpty,
                  let b = ranked[rest]?.ranked.prefix(limit + Self.pairingsPerSplit), !b.isEmpty else { continue }
            let (sizeA, sizeB) = (mask.nonzeroBitCount, rest.nonzeroBitCount)
            var pairings: [(score: Double, a: RankedCandidate, b: RankedCandidate)] = []
            for x in a { for y in b where x.index != y.index {
                pairings.append(((Double(sizeA) * x.score + Double(sizeB) * y.score) / Double(n), x, y))
            } }
            pairings.sort { $0.score != $1.score ? $0.score > $1.score
                : (idRank[$0.a.index], idRank[$0.b.index]) < (idRank[$1.a.index], idRank[$1.b.index]) }
            for p in pairings.prefix(Self.pairingsPerSplit) {
                let partA = SiblingArrangement.Part(childIDs: members(mask), candidate: p.a)
                let partB = SiblingArrangement.Part(childIDs: members(rest), candidate: p.b)
                let parts = sizeB > sizeA ? [partB, partA] : [partA, partB]
                found.append((SiblingArrangement(parts: parts, score: p.score, pairsTogether: pairs(sizeA) + pairs(sizeB)),
                              (idRank[parts[0].candidate.index], idRank[parts[1].candidate.index])))
            }
        }
        found.sort { x, y in
            if x.arrangement.pairsTogether != y.arrangement.pairsTogether { return x.arrangement.pairsTogether > y.arrangement.pairsTogether }
            if x.arrangement.score != y.arrangement.score { return x.arrangement.score > y.arrangement.score }
            return x.ranks < y.ranks
        }
        return found.prefix(limit).map(\.arrangement)
    }

    /// `request` narrowed to the children in `mask` (bit k: child k), with their own history and avoid-areas.
    func subgroup(_ request: MatchRequest, _ mask: Int) -> MatchRequest {
        var sub = request
        sub.children = request.children.indices.filter { mask & (1 << $0) != 0 }.map { request.children[$0] }
        let ids = Set(sub.children.map(\.id))
        sub.history = request.history.filter { ids.contains($0.childID) }
        sub.avoidAreas = request.avoidAreas.filter { ids.contains($0.childID) }
        return sub
    }
}
