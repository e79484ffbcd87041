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

    public init(child: Child, vacancy: Vacancy, provider: Provider, placements: [Placement] = [],
                notices: [ProviderNotice] = [], home: GeoLocation, bed: GeoLocation, avoidAreas: [ResolvedAvoidArea] = []) {
        self.child = child
        self.vacancy = vacancy
        self.provider = provider
        self.placements = placements
        self.notices = notices
        self.home = home
        self.bed = bed
        self.avoidAreas = avoidAreas
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
    /// and the child `placed`. Refuses a child already placed with no notice unless `plannedMove`, and any
    /// vacancy that fails a hard constraint (`hardConstraintFailures`).
    /// - Parameter id: the new placement's id, chosen by the store.
    public static func place(_ records: PlaceRecords, id: String, start: Day, plannedMove: Bool = false,
                             geography: Geography = .wales, now: Date) throws(WorkflowError) -> PlaceEffects {
        let child = records.child, vacancy = records.vacancy
        guard vacancy.providerID == records.provider.id else {
            throw .vacancyOfAnotherProvider(vacancyID: vacancy.id, providerID: records.provider.id)
        }
        if child.status == .placed && !plannedMove { throw .childAlreadyPlaced(childID: child.id) }
        guard vacancy.status == .open || vacancy.status == .held else {
            throw .vacancyNotOpen(vacancyID: vacancy.id, status: vacancy.status)
        }
        guard vacancy.beds > 0 else { throw .noBedsLeft(vacancyID: vacancy.id) }
        if let hold = vacancy.hold, vacancy.isHeld(at: now), hold.childID != child.id {
            throw .heldByAnother(vacancyID: vacancy.id, officer: hold.officer, until: hold.expiresAt)
        }
        let failures = hardConstraintFailures(child: child, vacancy: vacancy, provider: records.provider, home: records.home,
                                              bed: records.bed, start: start, now: now, avoidAreas: records.avoidAreas)
        if !failures.isEmpty { throw .unsuitable(vacancyID: vacancy.id, childID: child.id, reasons: failures.descriptions) }

        var ended: [Placement] = []
        for var open in records.placements where open.childID == child.id && open.isOpen {
            guard open.start <= start else { throw .endsBeforeStart(placementID: open.id) }
            let notice = records.notices
                .filter { $0.kind == .placementEnding && $0.childID == child.id && $0.providerID == open.providerID
                          && WorkflowTime.day(of: $0.receivedAt) >= open.start }
                .max { ($0.receivedAt, $0.id) < ($1.receivedAt, $1.id) }
            let (reason, hours, ending) = Self.ending(after: notice)
            open.actualEnd = start
            open.endReason = reason
            open.noticeHours = hours
            open.ending = ending
            ended.append(open)
        }

        let tier = geography.localityTier(home: child.placingAuthority, placement: records.bed.authorityCode)
        let miles = (Distance.estimatedRoadMiles(records.home.coordinate, records.bed.coordinate) * 10).rounded() / 10
        let placement = Placement(id: id, childID: child.id, providerID: records.provider.id, vacancyID: vacancy.id,
                                  start: start, placementType: placementType(for: vacancy.setting),
                                  localityTier: tier.rawValue, milesFromHome: miles)

        var taken = vacancy
        taken.beds -= 1
        taken.hold = nil
        taken.status = taken.beds == 0 ? .filled : .open
        var placed = child
        placed.status = .placed
        return PlaceEffects(placement: placement, ended: ended, vacancy: taken, child: placed)
    }
}
