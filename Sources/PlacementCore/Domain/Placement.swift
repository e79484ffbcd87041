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

    public init(id: String, childID: String, providerID: String, vacancyID: String? = nil, start: Day,
                plannedEnd: Day? = nil, actualEnd: Day? = nil, endReason: EndReason? = nil,
                noticeHours: Int? = nil, ending: Ending? = nil, placementType: PlacementType,
                localityTier: Int, milesFromHome: Double) {
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
    }

    public var isOpen: Bool { actualEnd == nil }
    public var isBreakdown: Bool { ending == .breakdown }
    /// Same-day notice: 24 hours or less (seed report 6.11).
    public var isShortNotice: Bool { (noticeHours ?? .max) <= 24 }

    /// Whether the placement was running at any time during [from, to].
    public func overlaps(from: Day, to: Day) -> Bool {
        start <= to && (actualEnd ?? to) >= from
    }
}
