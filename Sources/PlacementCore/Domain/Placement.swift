import Foundation

/// One entry of a child's placement history.
public struct Placement: Sendable, Hashable, Codable, Identifiable {
    public enum Ending: String, Sendable, Codable, CaseIterable {
        case planned, breakdown
    }

    public var id: String
    public var childID: String
    public var providerID: String
    public var vacancyID: String?
    // The one-byte fields beside the four-byte start, so they share one word.
    public var start: Day
    public var endReason: EndReason?
    public var ending: Ending?
    public var placementType: PlacementType
    public var plannedEnd: Day?
    public var actualEnd: Day?
    /// Notice the provider gave, in hours; SSDA903 has no such field, Placefinder adds it.
    public var noticeHours: Int?
    /// The reg 12 locality tier at the start (0 in-county … 5 outside England and Wales).
    public var localityTier: Int
    /// Estimated road miles from home at the start.
    public var milesFromHome: Double
    /// Who made it here and what undoing it restores: nil on every imported placement, so kept out of line
    /// (8 bytes in each of the snapshot's placements instead of 136).
    private var madeHere: OutOfLine<MadeHere>?
    /// What the placement needed approved when it was made (reg 12(3), reg 11, exceptional circumstances).
    public var approvals: PlacementApprovals? { get { self[madeHere: \.approvals] } set { self[madeHere: \.approvals] = newValue } }
    /// Who made it in Placefinder, and when (nil for imported history); the approvals' who and when.
    public var placedBy: String? { get { self[madeHere: \.placedBy] } set { self[madeHere: \.placedBy] = newValue } }
    public var placedAt: Date? { get { self[madeHere: \.placedAt] } set { self[madeHere: \.placedAt] = newValue } }
    /// The placement whose start ended this one (so undoing that one re-opens this).
    public var endedBy: String? { get { self[madeHere: \.endedBy] } set { self[madeHere: \.endedBy] = newValue } }
    /// The child's status before this placement was made (restored if it is undone).
    public var childStatusBefore: ChildStatus? { get { self[madeHere: \.childStatusBefore] } set { self[madeHere: \.childStatusBefore] = newValue } }
    /// Set when the placement was undone: it stays in the history, marked as corrected.
    public var undone: PlacementUndo? { get { self[madeHere: \.undone] } set { self[madeHere: \.undone] = newValue } }
    /// The weekly cost agreed with the provider and its changes (nil: not recorded).
    public var cost: AgreedCost?
    public var purpose: PlacementPurpose?
    /// Bought under the all-Wales framework or spot-purchased (nil: not recorded, or the authority's own care).
    public var purchase: PurchaseRoute?
    /// ONS codes fixed at the start: the authority that placed the child and the one the bed is in, so
    /// reports do not move when a child's authority or a provider's address changes later (nil: not recorded).
    public var placingAuthority: String?
    public var bedAuthority: String?

    public init(id: String, childID: String, providerID: String, vacancyID: String? = nil, start: Day,
                plannedEnd: Day? = nil, actualEnd: Day? = nil, endReason: EndReason? = nil,
                noticeHours: Int? = nil, ending: Ending? = nil, placementType: PlacementType,
                localityTier: Int, milesFromHome: Double, approvals: PlacementApprovals? = nil,
                placedBy: String? = nil, placedAt: Date? = nil, endedBy: String? = nil,
                childStatusBefore: ChildStatus? = nil, undone: PlacementUndo? = nil, cost: AgreedCost? = nil,
                purpose: PlacementPurpose? = nil, purchase: PurchaseRoute? = nil, placingAuthority: String? = nil,
                bedAuthority: String? = nil) {
        self.id = id
        self.childID = childID
        self.providerID = providerID
        self.vacancyID = vacancyID
        self.start = start
        self.plannedEnd = plannedEnd
        self.actualEnd = actualEnd
        self.endReason = endReason
        self.noticeHours = noticeHours
        self.ending = ending
        self.placementType = placementType
        self.localityTier = localityTier
        self.milesFromHome = milesFromHome
        let madeHere = MadeHere(approvals: approvals, placedBy: placedBy, placedAt: placedAt, endedBy: endedBy,
                                childStatusBefore: childStatusBefore, undone: undone)
        self.madeHere = madeHere.isEmpty ? nil : OutOfLine(madeHere)
        self.cost = cost
        self.purpose = purpose
        self.purchase = purchase
        self.placingAuthority = placingAuthority
        self.bedAuthority = bedAuthority
    }

    /// The fields only a placement made in Placefinder has.
    private struct MadeHere: Hashable, Sendable {
        var approvals: PlacementApprovals?
        var placedBy: String?
        var placedAt: Date?
        var endedBy: String?
        var childStatusBefore: ChildStatus?
        var undone: PlacementUndo?

        var isEmpty: Bool { self == MadeHere() }
    }

    /// One of those fields; setting it makes a new box (or none, when all are nil), so copies stay apart.
    private subscript<Field>(madeHere field: WritableKeyPath<MadeHere, Field?>) -> Field? {
        get { madeHere?.value[keyPath: field] }
        set {
            var fields = madeHere?.value ?? MadeHere()
            fields[keyPath: field] = newValue
            madeHere = fields.isEmpty ? nil : OutOfLine(fields)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case id, childID, providerID, vacancyID, start, plannedEnd, actualEnd, endReason, noticeHours, ending
        case placementType, localityTier, milesFromHome, approvals, placedBy, placedAt, endedBy, childStatusBefore
        case undone, cost, purpose, purchase, placingAuthority, bedAuthority
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), childID: try c.decode(String.self, forKey: .childID),
                  providerID: try c.decode(String.self, forKey: .providerID),
                  vacancyID: try c.decodeIfPresent(String.self, forKey: .vacancyID), start: try c.decode(Day.self, forKey: .start),
                  plannedEnd: try c.decodeIfPresent(Day.self, forKey: .plannedEnd),
                  actualEnd: try c.decodeIfPresent(Day.self, forKey: .actualEnd),
                  endReason: try c.decodeIfPresent(EndReason.self, forKey: .endReason),
                  noticeHours: try c.decodeIfPresent(Int.self, forKey: .noticeHours),
                  ending: try c.decodeIfPresent(Ending.self, forKey: .ending),
                  placementType: try c.decode(PlacementType.self, forKey: .placementType),
                  localityTier: try c.decode(Int.self, forKey: .localityTier),
                  milesFromHome: try c.decode(Double.self, forKey: .milesFromHome),
                  approvals: try c.decodeIfPresent(PlacementApprovals.self, forKey: .approvals),
                  placedBy: try c.decodeIfPresent(String.self, forKey: .placedBy),
                  placedAt: try c.decodeIfPresent(Date.self, forKey: .placedAt),
                  endedBy: try c.decodeIfPresent(String.self, forKey: .endedBy),
                  childStatusBefore: try c.decodeIfPresent(ChildStatus.self, forKey: .childStatusBefore),
                  undone: try c.decodeIfPresent(PlacementUndo.self, forKey: .undone),
                  cost: try c.decodeIfPresent(AgreedCost.self, forKey: .cost),
                  purpose: try c.decodeIfPresent(PlacementPurpose.self, forKey: .purpose),
                  purchase: try c.decodeIfPresent(PurchaseRoute.self, forKey: .purchase),
                  placingAuthority: try c.decodeIfPresent(String.self, forKey: .placingAuthority),
                  bedAuthority: try c.decodeIfPresent(String.self, forKey: .bedAuthority))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(childID, forKey: .childID)
        try c.encode(providerID, forKey: .providerID)
        try c.encodeIfPresent(vacancyID, forKey: .vacancyID)
        try c.encode(start, forKey: .start)
        try c.encodeIfPresent(plannedEnd, forKey: .plannedEnd)
        try c.encodeIfPresent(actualEnd, forKey: .actualEnd)
        try c.encodeIfPresent(endReason, forKey: .endReason)
        try c.encodeIfPresent(noticeHours, forKey: .noticeHours)
        try c.encodeIfPresent(ending, forKey: .ending)
        try c.encode(placementType, forKey: .placementType)
        try c.encode(localityTier, forKey: .localityTier)
        try c.encode(milesFromHome, forKey: .milesFromHome)
        try c.encodeIfPresent(approvals, forKey: .approvals)
        try c.encodeIfPresent(placedBy, forKey: .placedBy)
        try c.encodeIfPresent(placedAt, forKey: .placedAt)
        try c.encodeIfPresent(endedBy, forKey: .endedBy)
        try c.encodeIfPresent(childStatusBefore, forKey: .childStatusBefore)
        try c.encodeIfPresent(undone, forKey: .undone)
        try c.encodeIfPresent(cost, forKey: .cost)
        try c.encodeIfPresent(purpose, forKey: .purpose)
        try c.encodeIfPresent(purchase, forKey: .purchase)
        try c.encodeIfPresent(placingAuthority, forKey: .placingAuthority)
        try c.encodeIfPresent(bedAuthority, forKey: .bedAuthority)
    }

    public var isOpen: Bool { actualEnd == nil }
    /// Undone the day it was made: kept in the history as corrected, counted nowhere else.
    public var isUndone: Bool { undone != nil }
    public var isBreakdown: Bool { ending == .breakdown }
    /// Same-day notice: 24 hours or less (seed report 6.11).
    public var isShortNotice: Bool { (noticeHours ?? .max) <= 24 }

    /// Whether the placement was running at any time during [from, to].
    public func overlaps(from: Day, to: Day) -> Bool {
        start <= to && (actualEnd ?? to) >= from
    }
}
