/// SSDA903 REASON_PLACE_CHANGE: why a placement ended. Wales's LAC census uses the same items.
public enum EndReason: String, Sendable, Codable, CaseIterable {
    case ALLEG, APPRR, CARPL, CHILD, CLOSE, CREQB, CREQO, CUSTOD, LAREQ, OTHER, PLACE, STAND

    /// The reason in words an officer would use (labels after the SSDA903 guidance).
    public var label: String { label(.en) }


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

    public var label: String { label(.en) }

}

extension EndReason: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.end.reason" }
}

extension PlacementType: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.placement.type" }
}
