import Foundation
import PlacementCore
import TerminalUI

/// What the match screen shows, built by the runtime from the pure core's result with
/// `MatchScreenData(result:engine:top:)` and sent in `.matchReady`.
public struct MatchScreenData: Sendable {
    public struct Candidate: Sendable {
        /// The child this option is for: the lead child when the group stays together, each child when split.
        public var childID: String
        /// Rank within its list (per child when the siblings are split), from 1.
        public var rank: Int
        public var vacancy: Vacancy
        public var provider: Provider
        /// 0…100.
        public var score: Double
        public var roadMiles: Double
        /// The bed's location is approximate (district or authority centre): miles show "≈".
        public var approximate: Bool
        public var tier: LocalityTier
        public var authorityCode: String
        public var authorityName: String
        public var contributions: [FactorContribution]
        public var reasons: [Bilingual]
        public var flags: [MatchFlag]
        /// The provider's record as the engine scored it (over the policy's stability window).
        public var stability = ProviderStability()
        public var stabilityWindowDays = 365
        /// When the siblings are split in two homes: every child this home would take (the first is
        /// `childID`), and who is together and apart in the arrangement (`rank` is the arrangement's).
        public var partChildIDs: [String] = []
        public var arrangement: Bilingual?
    }

    public struct Excluded: Sendable {
        public var vacancy: Vacancy
        public var providerName: String
        /// The hard constraints failed, in words (a decline is carried by `declined`).
        public var reasons: [Bilingual]
        /// The provider (or this vacancy) declined the child: the screen shows "declined <date>".
        public var declined: Bool
    }

    public struct Weight: Sendable, Equatable {
        public var factor: Factor
        public var weight: Double
    }

    public var policyName: String
    /// Every factor with its weight, in the policy's order of importance.
    public var weights: [Weight]
    public var childIDs: [String]
    /// False when no single vacancy can take the sibling group: the candidates separate them.
    public var together: Bool
    /// Shown prominently when the siblings cannot stay together.
    public var message: Bilingual?
    public var candidates: [Candidate]
    public var excluded: [Excluded]
    public var rankedCount: Int

    public init(policyName: String, weights: [Weight], childIDs: [String], together: Bool, message: Bilingual?,
                candidates: [Candidate], excluded: [Excluded], rankedCount: Int) {
        self.policyName = policyName
        self.weights = weights
        self.childIDs = childIDs
        self.together = together
        self.message = message
        self.candidates = candidates
        self.excluded = excluded
        self.rankedCount = rankedCount
    }

    /// Builds the screen's data from a group match: the top `top` candidates of each list, and
    /// every excluded vacancy with its reasons (for a split, those of the ranking together).
    public init(result: GroupMatch, engine: MatchEngine, top: Int) {
        let policy = engine.policy
        policyName = policy.name
        weights = Factor.allCases.map { Weight(factor: $0, weight: policy.weight($0)) }
            .sorted { $0.weight != $1.weight ? $0.weight > $1.weight : Factor.allCases.firstIndex(of: $0.factor)! < Factor.allCases.firstIndex(of: $1.factor)! }
        switch result {
        case .together(let r):
            childIDs = r.childIDs
            together = true
            message = nil
            candidates = Self.candidates(r, childID: r.childIDs.first ?? "", engine: engine, top: top)
            excluded = Self.excluded(r, engine: engine)
            rankedCount = r.ranked.count
        case .split(let t, let arrangements, let perChild):
            childIDs = t.childIDs
            together = false
            message = Bilingual { GroupMatch.splitWarning(siblings: t.childIDs.count, language: $0) }
            // Two homes keeping the most together first (s.81); each child alone only when no two homes can.
            candidates = arrangements.isEmpty
                ? perChild.flatMap { Self.candidates($0, childID: $0.childIDs.first ?? "", engine: engine, top: top) }
                : arrangements.prefix(max(0, top)).enumerated().flatMap { n, a in
                    let label = Bilingual { l in a.label(language: l) { engine.index.vacancies[$0].id } }
                    return a.parts.map { part in
                        var c = Self.candidate(part.candidate, childID: part.childIDs[0], rank: n + 1, engine: engine)
                        c.partChildIDs = part.childIDs
                        c.arrangement = label
                        return c
                    }
                }
            excluded = Self.excluded(t, engine: engine)
            rankedCount = perChild.reduce(0) { $0 + $1.ranked.count }
        }
    }

    static func candidates(_ r: MatchResult, childID: String, engine: MatchEngine, top: Int) -> [Candidate] {
        let index = engine.index
        return r.ranked.prefix(max(0, top)).enumerated().map { n, c in candidate(c, childID: childID, rank: n + 1, engine: engine) }
    }

    static func candidate(_ c: RankedCandidate, childID: String, rank: Int, engine: MatchEngine) -> Candidate {
        let index = engine.index
        let location = index.locations[c.index]
        let e = c.explanation
        return Candidate(childID: childID, rank: rank, vacancy: index.vacancies[c.index], provider: index.provider(of: c.index),
                         score: c.score, roadMiles: c.roadMiles, approximate: location.isApproximate, tier: c.tier,
                         authorityCode: location.authorityCode,
                         authorityName: engine.geography.authority(code: location.authorityCode)?.name ?? location.authorityCode,
                         contributions: e?.contributions ?? [], reasons: e?.lines ?? [], flags: e?.flags ?? [],
                         stability: index.stability(of: c.index), stabilityWindowDays: engine.policy.stabilityWindowDays)
    }

    /// Declined first (the ring-round so far), then fewest reasons first (nearest to possible), then by id.
    static func excluded(_ r: MatchResult, engine: MatchEngine) -> [Excluded] {
        let index = engine.index
        let ordered = r.excluded.sorted { a, b in
            let (da, db) = (a.reasons.contains(.declined), b.reasons.contains(.declined))
            if da != db { return da }
            let (na, nb) = (a.reasons.rawValue.nonzeroBitCount, b.reasons.rawValue.nonzeroBitCount)
            if na != nb { return na < nb }
            return index.vacancies[a.index].id < index.vacancies[b.index].id
        }
        return ordered.map { e in
            let v = index.vacancies[e.index]
            return Excluded(vacancy: v, providerName: index.provider(of: e.index).name,
                            reasons: e.reasons.subtracting(.declined).bilingual, declined: e.reasons.contains(.declined))
        }
    }
}

/// The match screen's state: open from `m` until Esc.
public struct MatchScreen: Sendable {
    public var childID: String
    /// Nil while the runtime ranks ("Ranking…").
    public var data: MatchScreenData?
    public var failure: String?
    public var table = ScrollState(selected: 0)
    public var showExcluded = false
    public var excludedScroll = 0
    /// First line of the selected option's explanation shown (it scrolls with [ and ]).
    public var detailScroll = 0
    public var showWeights = false
    /// The vacancy opened from the ranking (Enter), by id so a re-rank keeps it; Esc returns to the row.
    public var openVacancy: String?
    public var vacancyScroll = 0
    /// Vacancies marked for a referral (space), in the order marked (`Referrals.swift`).
    public var marked: [String] = []

    public init(childID: String) { self.childID = childID }

    public var selected: MatchScreenData.Candidate? {
        guard let data, let s = table.selected, s < data.candidates.count else { return nil }
        return data.candidates[s]
    }
}

/// A call outcome being recorded for the selected candidate's provider.
public struct ContactForm: Sendable, Equatable {
    public var childID: String
    public var providerID: String
    public var vacancyID: String?
    public var outcome: Contact.Outcome = .noAnswer
    public var reason = ""
    /// What was said (any outcome) and the call-back time as typed ("tomorrow 10:00").
    public var note = ""
    public var callBack = ""
    /// A decline's reach; the vacancy discussed unless the officer widens it.
    public var scope: DeclineScope = .vacancy
    public var focus: ContactField = .outcome
    /// Enter was pressed: show what is missing.
    public var attempted = false
    /// Sent to the runtime; closes on `.commandSucceeded`.
    public var saving = false

    public var error: String? {
        outcome == .declined && reason.trimmingCharacters(in: .whitespaces).isEmpty ? "say why the provider declined" : nil
    }
}

/// A write waiting for the officer's yes (placing has its own form, `PlaceForm`).
public enum Confirmation: Sendable, Equatable {
    case hold(vacancyID: String, childID: String, until: Date)
    case release(vacancyID: String, childID: String)

    public var command: Command {
        switch self {
        case .hold(let v, let c, let until): .hold(vacancyID: v, childID: c, until: until)
        case .release(let v, _): .releaseHold(vacancyID: v)
        }
    }
}

/// A record opened over another screen; Esc goes back to it.
public enum Peek: Sendable, Equatable {
    /// Index into `AppData.children`.
    case child(Int)
    /// Index into `AppData.vacancies`.
    case vacancy(Int)
}

