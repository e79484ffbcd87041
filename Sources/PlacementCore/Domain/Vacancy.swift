import Foundation

public enum VacancyStatus: String, Sendable, Codable, CaseIterable {
    case open, held, filled, withdrawn
}

/// A bed held for a named child while the officer decides, so colleagues do not offer it elsewhere.
public struct Hold: Sendable, Hashable, Codable {
    public var childID: String
    public var officer: String
    public var expiresAt: Date
    public init(childID: String, officer: String, expiresAt: Date) {
        self.childID = childID
        self.officer = officer
        self.expiresAt = expiresAt
    }
}

/// A place a provider says it can offer.
public struct Vacancy: Sendable, Hashable, Codable, Identifiable {
    public var id: String
    public var providerID: String
    /// Where the bed is when it differs from the provider's office (a foster household); else nil.
    public var postcode: String?
    public var beds: Int
    public var ageRange: ClosedRange<Int>
    public var gendersAccepted: Set<Gender>
    /// The largest sibling group the vacancy can keep together.
    public var maxSiblingGroup: Int
    /// Need codes this vacancy meets beyond the provider's own capabilities.
    public var extraCapabilities: [String]
    // The one-byte fields beside the four-byte day, so the five share one word.
    public var availableFrom: Day
    public var setting: Setting
    public var takesEmergencies: Bool
    public var status: VacancyStatus
    /// How the bed is bought, when recorded.
    public var purchase: PurchaseMode?
    public var weeklyFee: Int
    public var lastConfirmedAt: Date
    /// Out of line: few beds are held at once (8 bytes in each of the snapshot's beds instead of 40).
    private var heldFor: OutOfLine<Hold>?
    public var hold: Hold? {
        get { heldFor?.value }
        set { heldFor = newValue.map(OutOfLine.init) }
    }
    /// For a kinship / connected-person carer: the children they are approved for (s.81 of the 2014 Act).
    /// Such a carer is a placement for those children only.
    public var connectedChildIDs: [String]
    /// ONS code of another authority (Welsh or English) that filled this bed outside Placefinder: recorded
    /// from an import or a provider's notice, naming no child (seed report 6.6). nil when not known.
    public var filledBy: String?

    public init(id: String, providerID: String, setting: Setting, postcode: String? = nil, beds: Int,
                ageRange: ClosedRange<Int>, gendersAccepted: Set<Gender> = Set(Gender.allCases),
                maxSiblingGroup: Int = 1, extraCapabilities: [String] = [], availableFrom: Day,
                takesEmergencies: Bool = false, weeklyFee: Int, lastConfirmedAt: Date,
                status: VacancyStatus = .open, hold: Hold? = nil, connectedChildIDs: [String] = [],
                purchase: PurchaseMode? = nil, filledBy: String? = nil) {
        self.id = id
        self.providerID = providerID
        self.setting = setting
        self.postcode = postcode
        self.beds = beds
        self.ageRange = ageRange
        self.gendersAccepted = gendersAccepted
        self.maxSiblingGroup = maxSiblingGroup
        self.extraCapabilities = extraCapabilities
        self.availableFrom = availableFrom
        self.takesEmergencies = takesEmergencies
        self.weeklyFee = weeklyFee
        self.lastConfirmedAt = lastConfirmedAt
        self.status = status
        self.heldFor = hold.map(OutOfLine.init)
        self.connectedChildIDs = connectedChildIDs
        self.purchase = purchase
        self.filledBy = filledBy
    }

    private enum CodingKeys: String, CodingKey {
        case id, providerID, setting, postcode, beds, ageRange, gendersAccepted, maxSiblingGroup, extraCapabilities
        case availableFrom, takesEmergencies, weeklyFee, lastConfirmedAt, status, hold, connectedChildIDs, purchase, filledBy
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(id: try c.decode(String.self, forKey: .id), providerID: try c.decode(String.self, forKey: .providerID),
                  setting: try c.decode(Setting.self, forKey: .setting), postcode: try c.decodeIfPresent(String.self, forKey: .postcode),
                  beds: try c.decode(Int.self, forKey: .beds), ageRange: try c.decode(ClosedRange<Int>.self, forKey: .ageRange),
                  gendersAccepted: try c.decode(Set<Gender>.self, forKey: .gendersAccepted),
                  maxSiblingGroup: try c.decode(Int.self, forKey: .maxSiblingGroup),
                  extraCapabilities: try c.decode([String].self, forKey: .extraCapabilities),
                  availableFrom: try c.decode(Day.self, forKey: .availableFrom),
                  takesEmergencies: try c.decode(Bool.self, forKey: .takesEmergencies),
                  weeklyFee: try c.decode(Int.self, forKey: .weeklyFee),
                  lastConfirmedAt: try c.decode(Date.self, forKey: .lastConfirmedAt),
                  status: try c.decode(VacancyStatus.self, forKey: .status), hold: try c.decodeIfPresent(Hold.self, forKey: .hold),
                  // Older exports have no connections: read them as none.
                  connectedChildIDs: try c.decodeIfPresent([String].self, forKey: .connectedChildIDs) ?? [],
                  purchase: try c.decodeIfPresent(PurchaseMode.self, forKey: .purchase),
                  filledBy: try c.decodeIfPresent(String.self, forKey: .filledBy))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(providerID, forKey: .providerID)
        try c.encode(setting, forKey: .setting)
        try c.encodeIfPresent(postcode, forKey: .postcode)
        try c.encode(beds, forKey: .beds)
        try c.encode(ageRange, forKey: .ageRange)
        try c.encode(gendersAccepted, forKey: .gendersAccepted)
        try c.encode(maxSiblingGroup, forKey: .maxSiblingGroup)
        try c.encode(extraCapabilities, forKey: .extraCapabilities)
        try c.encode(availableFrom, forKey: .availableFrom)
        try c.encode(takesEmergencies, forKey: .takesEmergencies)
        try c.encode(weeklyFee, forKey: .weeklyFee)
        try c.encode(lastConfirmedAt, forKey: .lastConfirmedAt)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(hold, forKey: .hold)
        try c.encode(connectedChildIDs, forKey: .connectedChildIDs)
        try c.encodeIfPresent(purchase, forKey: .purchase)
        try c.encodeIfPresent(filledBy, forKey: .filledBy)
    }

    /// Whole days since the provider last confirmed the vacancy.
    public func daysSinceConfirmed(now: Date) -> Int {
        max(0, Int(now.timeIntervalSince(lastConfirmedAt) / 86_400))
    }

    /// Whether the hold (if any) is still in force at `now`.
    public func isHeld(at now: Date) -> Bool {
        guard let hold else { return false }
        return hold.expiresAt > now
    }
}
