import Foundation

/// Everything placing a child reads, as it stands before the placement.
public struct PlaceRecords: Sendable, Hashable {
    public var child: Child
    public var vacancy: Vacancy
    public var provider: Provider
    /// The child's placements, any provider; the open ones end on the new start day.
    public var placements: [Placement]
    /// Placement-ending notices about this child (any provider); the newest for the ending placement counts.
    public var notices: [ProviderNotice]
    /// Where the child's home is and where the bed is (for the reg 12 tier and the miles from home).
    public var home: GeoLocation
    public var bed: GeoLocation
    /// The child's safeguarding avoid-areas, located: a placement inside one is refused.
    public var avoidAreas: [ResolvedAvoidArea]
    /// The child's school, located (nil if none recorded): a Key Stage 4 school move needs approval.
    public var school: GeoLocation?

    public init(child: Child, vacancy: Vacancy, provider: Provider, placements: [Placement] = [],
                notices: [ProviderNotice] = [], home: GeoLocation, bed: GeoLocation, avoidAreas: [ResolvedAvoidArea] = [],
                school: GeoLocation? = nil) {
        self.child = child
        self.vacancy = vacancy
        self.provider = provider
        self.placements = placements
        self.notices = notices
        self.home = home
        self.bed = bed
        self.avoidAreas = avoidAreas
        self.school = school
    }
}

/// What a placement changes, each record already updated.
public struct PlaceEffects: Sendable, Hashable {
    public var placement: Placement
    /// The child's previous placements that this one ends (normally one).
    public var ended: [Placement]
    /// A bed fewer; filled at none; the hold released.
    public var vacancy: Vacancy
    public var child: Child

    public init(placement: Placement, ended: [Placement], vacancy: Vacancy, child: Child) {
        self.placement = placement
        self.ended = ended
        self.vacancy = vacancy
        self.child = child
    }
}

extension Workflow {
    /// Notice of 24 hours or less counts as a breakdown whatever the reason given (seed report 6.11, 5.58).
    public static let shortNoticeHours = 24

    /// SSDA903 placement type for a setting when nothing more specific is known.
    public static func placementType(for setting: Setting) -> PlacementType {
        switch setting {
        case .foster: .U4
        case .kinship: .U1
        case .residential: .K2
        case .secure: .K1
        case .parentAndChild: .R3
        case .supportedLodgings: .H5
        case .shortBreak: .Z1
        }
    }

    /// How a placement ends, from the provider's notice if there was one.
    /// With a notice: its reason and notice hours; a breakdown when the reason is typically a breakdown or
    /// the notice was 24 hours or less, else planned. With none: the authority moved the child as planned
    /// (CARPL, change to the care plan).
    public static func ending(after notice: ProviderNotice?) -> (reason: EndReason, hours: Int?, ending: Placement.Ending) {
        guard let notice else { return (.CARPL, nil, .planned) }
        let reason = notice.reason ?? .OTHER
        let hours = notice.noticeHours
        let breakdown = reason.isTypicallyBreakdown || (hours ?? .max) <= shortNoticeHours
        return (reason, hours, breakdown ? .breakdown : .planned)
    }

    /// The matching engine's own hard constraints (`ExclusionReasons`, same words) that `vacancy` fails for
    /// `child` placed on `start`: the engine itself is asked, over an index of this one vacancy, so the two
    /// can never disagree. Left to the caller or the officer: open status, beds and holds (checked before,
    /// with better messages), same-day emergencies (the officer has just agreed it with the provider) and
    /// declines. Avoid-areas count when given located (the store locates them).
    public static func hardConstraintFailures(child: Child, vacancy: Vacancy, provider: Provider, home: GeoLocation,
                                              bed: GeoLocation, start: Day, now: Date,
                                              avoidAreas: [ResolvedAvoidArea] = []) -> ExclusionReasons {
        var onStart = child
        onStart.urgency = .neededBy(start)
        let index = CandidateIndex(vacancies: [vacancy], providers: [provider], placements: [], today: start) { _, _ in bed }
        let result = MatchEngine(index: index).rank(MatchRequest(children: [onStart], home: home, avoidAreas: avoidAreas, today: start, now: now),
                                                    explainTop: 0)
        let decidedElsewhere: ExclusionReasons = [.notOpen, .heldByAnother, .tooFewBeds, .siblingCapacity,
                                                  .noSameDayEmergencies, .declined]
        return (result.excluded.first?.reasons ?? []).subtracting(decidedElsewhere)
    }

    /// Places a child: a new open placement, a bed taken, the previous placement ended, the hold released
    /// and the child `placed`. The checks are `placePreflight`'s, so a dialog built from the plan and this
    /// write cannot disagree; it also refuses when an approval the plan requires is missing.
    /// - Parameters:
    ///   - id: the new placement's id, chosen by the store.
    ///   - move: how the current placement ends when the child is placed and no notice says (required then).
    ///   - approvals: the reference texts for the approvals the plan requires (others are not recorded).
    ///   - terms: cost, purpose and framework or spot; what is not given comes from `PlacementTerms.proposed`
    ///     (the fee the provider asks; emergency when the child's need is).
    public static func place(_ records: PlaceRecords, id: String, start: Day, move: MoveKind? = nil,
                             approvals: PlacementApprovals = .none, terms: PlacementTerms = .none, officer: String = "", geography: Geography = .wales,
                             policy: MatchPolicy = .default, now: Date) throws(WorkflowError) -> PlaceEffects {
        let plan = placePreflight(records, id: id, start: start, move: move, officer: officer, geography: geography,
                                  policy: policy, now: now)
        if let refusal = plan.refusal(with: approvals) { throw refusal }
        var effects = plan.effects!
        effects.placement.approvals = approvals.kept(for: plan.required)
        let agreed = terms.filled(from: .proposed(child: records.child, vacancy: records.vacancy))
        effects.placement.cost = agreed.weeklyCost.map { AgreedCost(weekly: $0) }
        effects.placement.purpose = agreed.purpose
        effects.placement.purchase = agreed.purchase
        return effects
    }
}
