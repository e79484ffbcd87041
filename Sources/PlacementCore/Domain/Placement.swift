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
    public var start: Day
    public var plannedEnd: Day?
    public var actualEnd: Day?
    public var endReason: EndReason?
    /// Notice the provider gave, in hours; SSDA903 has no such field, Placefinder adds it.
    public var noticeHours: Int?
    public var ending: Ending?
    public var placementType: PlacementType
    /// The reg 12 locality tier at the start (0 in-county … 5 outside England and Wales).
    public var localityTier: Int
    /// Estimated road miles from home at the start.
    public var milesFromHome: Double
    /// What the placement needed approved when it was made (reg 12(3), reg 11, exceptional circumstances).
    public var approvals: PlacementApprovals?
    /// Who made it in Placefinder, and when (nil for imported history); the approvals' who and when.
    public var placedBy: String?
    public var placedAt: Date?
    /// The placement whose start ended this one (so undoing that one re-opens this).
    public var endedBy: String?
    /// The child's status before this placement was made (restored if it is undone).
    public var childStatusBefore: ChildStatus?
    /// Set when the placement was undone: it stays in the history, marked as corrected.
    public var undone: PlacementUndo?
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
        self.approvals = approvals
        self.placedBy = placedBy
        self.placedAt = placedAt
        self.endedBy = endedBy
        self.childStatusBefore = childStatusBefore
        self.undone = undone
        self.cost = cost
        self.purpose = purpose
        self.purchase = purchase
        self.placingAuthority = placingAuthority
        self.bedAuthority = bedAuthority
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
