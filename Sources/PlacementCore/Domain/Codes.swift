/// SSDA903 REASON_PLACE_CHANGE: why a placement ended. Wales's LAC census uses the same items.
public enum EndReason: String, Sendable, Codable, CaseIterable {
    case ALLEG, APPRR, CARPL, CHILD, CLOSE, CREQB, CREQO, CUSTOD, LAREQ, OTHER, PLACE, STAND

    /// The reason in words an officer would use (labels after the SSDA903 guidance).
    public var label: String {
        switch self {
        case .ALLEG: "allegation (s.47 enquiry)"
        case .APPRR: "carer's approval removed"
        case .CARPL: "change to the care plan"
        case .CHILD: "child asked to end it"
        case .CLOSE: "provider resigned or closed"
        case .CREQB: "carer ended it because of the child's behaviour"
        case .CREQO: "carer ended it for other reasons"
        case .CUSTOD: "child taken into custody"
        case .LAREQ: "authority ended it"
        case .OTHER: "other"
        case .PLACE: "change of placement status only"
        case .STAND: "concern about standards of care"
        }
    }

    /// Endings that are breakdowns unless recorded as planned: the placement ended against the plan.
    public var isTypicallyBreakdown: Bool {
        switch self {
        case .ALLEG, .APPRR, .CHILD, .CLOSE, .CREQB, .CREQO, .CUSTOD, .STAND: true
        case .CARPL, .LAREQ, .OTHER, .PLACE: false
        }
    }
}

/// SSDA903 PLACE: the type of a placement episode (the ones Placefinder records).
public enum PlacementType: String, Sendable, Codable, CaseIterable {
    case U1, U2, U3, U4, U5, U6, K1, K2, R1, R3, S1, H5, P1, Z1

    public var label: String {
        switch self {
        case .U1, .U2, .U3: "foster placement with relative or friend"
        case .U4, .U5, .U6: "foster placement with other carer"
        case .K1: "secure children's home"
        case .K2: "children's home"
        case .R1: "residential care home"
        case .R3: "family centre or mother-and-baby unit"
        case .S1: "residential school"
        case .H5: "semi-independent living"
        case .P1: "placed with parents"
        case .Z1: "other placement"
        }
    }
}
