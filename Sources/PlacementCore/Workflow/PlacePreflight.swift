import Foundation

/// What placing a child would do, worked out without writing: the dialog is built from it and the write
/// (`Workflow.place`) runs it too, so what the officer is offered is exactly what will succeed.
public struct PlacePlan: Sendable, Equatable {
    public var childID: String
    public var vacancyID: String
    public var start: Day
    /// The officer's answer it was worked out for.
    public var move: MoveKind?
    /// Why the placement cannot be made whatever the approvals (nil when it can).
    public var refusal: WorkflowError?
    /// The records as the write would leave them (nil when refused); approvals are added by the write.
    public var effects: PlaceEffects?
    /// The hold the placement releases (for this child; another child's live hold refuses instead).
    public var holdReleased: Hold?
    /// The approvals this placement needs before it starts, in a fixed order.
    public var required: [ApprovalNeed]
    /// The child is placed and no provider's notice says how that ends: the officer must say whether
    /// it is a planned move or a breakdown (`MoveKind`).
    public var asksMoveKind: Bool
    /// The reg 12 tier of the bed for this child.
    public var tier: LocalityTier
    /// The versions of the vacancy and the child the plan was worked out from (set by the store): the write
    /// names them, so it is refused if either changed after the officer read the plan.
    public var vacancyVersion: Int? = nil
    public var childVersion: Int? = nil

    /// The required approvals `approvals` lacks.
    public func missing(_ approvals: PlacementApprovals) -> [ApprovalNeed] {
        required.filter { approvals[$0.kind] == nil }
    }

    /// Why placing with `approvals` would be refused: the plan's own refusal, else the first missing approval.
    public func refusal(with approvals: PlacementApprovals) -> WorkflowError? {
        if let refusal { return refusal }
        return missing(approvals).first.map { .approvalMissing(kind: $0.kind, why: $0.why) }
    }

    public func willSucceed(with approvals: PlacementApprovals) -> Bool { refusal(with: approvals) == nil }
}

extension Workflow {
    /// Every check `place` makes, in the same order, and what it would change. Pure.
    /// - Parameters:
    ///   - id: the id the new placement would get (the store's next id; any text for a dialog).
    ///   - move: the officer's answer when `asksMoveKind` (nil refuses such a child, as before).
    ///   - officer: recorded as who made the placement.
    public static func placePreflight(_ records: PlaceRecords, id: String, start: Day, move: MoveKind? = nil,
                                      officer: String, geography: Geography = .wales, policy: MatchPolicy = .default,
                                      now: Date) -> PlacePlan {
        let child = records.child, vacancy = records.vacancy
        let tier = geography.localityTier(home: child.placingAuthority, placement: records.bed.authorityCode)
        let required = requiredApprovals(records, start: start, tier: tier, policy: policy)
        let liveHold = vacancy.hold.flatMap { vacancy.isHeld(at: now) ? $0 : nil }
        var plan = PlacePlan(childID: child.id, vacancyID: vacancy.id, start: start, move: move, refusal: nil, effects: nil,
                             holdReleased: vacancy.hold, required: required,
                             asksMoveKind: child.status == .placed, tier: tier)
        func refuse(_ error: WorkflowError) -> PlacePlan {
            plan.refusal = error
            plan.holdReleased = nil
            return plan
        }

        guard vacancy.providerID == records.provider.id else {
            return refuse(.vacancyOfAnotherProvider(vacancyID: vacancy.id, providerID: records.provider.id))
        }
        if child.status == .placed && move == nil { return refuse(.childAlreadyPlaced(childID: child.id)) }
        guard vacancy.status == .open || vacancy.status == .held else {
            return refuse(.vacancyNotOpen(vacancyID: vacancy.id, status: vacancy.status))
        }
        guard vacancy.beds > 0 else { return refuse(.noBedsLeft(vacancyID: vacancy.id)) }
        if let hold = liveHold, hold.childID != child.id {
            return refuse(.heldByAnother(vacancyID: vacancy.id, officer: hold.officer, until: hold.expiresAt))
        }
        let failures = hardConstraintFailures(child: child, vacancy: vacancy, provider: records.provider, home: records.home,
                                              bed: records.bed, start: start, now: now, avoidAreas: records.avoidAreas)
        if !failures.isEmpty {
            return refuse(.unsuitable(vacancyID: vacancy.id, childID: child.id, reasons: failures.descriptions))
        }

        var ended: [Placement] = []
        for var open in records.placements where open.childID == child.id && open.isOpen && !open.isUndone {
            guard open.start <= start else { return refuse(.endsBeforeStart(placementID: open.id)) }
            let notice = records.notices
                .filter { $0.kind == .placementEnding && $0.childID == child.id && $0.providerID == open.providerID
                          && WorkflowTime.day(of: $0.receivedAt) >= open.start }
                .max { ($0.receivedAt, $0.id) < ($1.receivedAt, $1.id) }
            var (reason, hours, ending) = Self.ending(after: notice)
            if notice == nil && move == .breakdown { (reason, ending) = (.OTHER, .breakdown) }
            open.actualEnd = start
            open.endReason = reason
            open.noticeHours = hours
            open.ending = ending
            open.endedBy = id
            ended.append(open)
        }

        let miles = (Distance.estimatedRoadMiles(records.home.coordinate, records.bed.coordinate) * 10).rounded() / 10
        let placement = Placement(id: id, childID: child.id, providerID: records.provider.id, vacancyID: vacancy.id,
                                  start: start, placementType: placementType(for: vacancy.setting),
                                  localityTier: tier.rawValue, milesFromHome: miles, placedBy: officer, placedAt: now,
                                  childStatusBefore: child.status, placingAuthority: child.placingAuthority,
                                  bedAuthority: records.bed.authorityCode)
        var taken = vacancy
        taken.beds -= 1
        taken.hold = nil
        taken.status = taken.beds == 0 ? .filled : .open
        var placed = child
        placed.status = .placed
        plan.effects = PlaceEffects(placement: placement, ended: ended, vacancy: taken, child: placed)
        return plan
    }

    /// The approvals the matching engine flags for this bed (`MatchFlag.outOfArea`, `.keyStage4SchoolMove`,
    /// `.forProfit`), worked out the same way: out of county; a Key Stage 4 child on the start day whose
    /// school is `policy.schoolMoveMiles` or more by road from the bed; a for-profit provider.
    public static func requiredApprovals(_ records: PlaceRecords, start: Day, tier: LocalityTier,
                                         policy: MatchPolicy = .default) -> [ApprovalNeed] {
        var out: [ApprovalNeed] = []
        if tier.isOutOfArea {
            out.append(ApprovalNeed(kind: .panel, why: WorkflowPhrase.outOfCounty.english(["tier": tier.label])))
        }
        if let school = records.school, records.child.isKeyStage4(on: start) {
            let miles = UnitVector(school.coordinate).greatCircleMiles(to: UnitVector(records.bed.coordinate)) * Distance.roadFactor
            if miles >= policy.schoolMoveMiles {
                out.append(ApprovalNeed(kind: .keyStage4, why: WorkflowPhrase.keyStage4SchoolMove.english(["miles": String(Int(miles.rounded()))])))
            }
        }
        if records.provider.profitStatus == .forProfit {
            out.append(ApprovalNeed(kind: .exceptionalReason, why: WorkflowPhrase.forProfitProvider.english()))
        }
        return out
    }
}
