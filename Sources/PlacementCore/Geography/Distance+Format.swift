extension Distance {
    /// "18 mi", or "≈18 mi" when either end was located only approximately
    /// (postcode district or authority centroid rather than a full postcode).
    /// Whole miles: the inputs are never more precise than that. Total: a value no distance in Britain
    /// could have (negative, NaN, infinite, or past `implausibleMiles`, as in rows imported before range
    /// checks) is "? mi", never a trap converting it to Int.
    public static func formatMiles(_ miles: Double, approximate: Bool) -> String {
        let mark = approximate ? "≈" : ""
        guard miles.isFinite, miles >= 0, miles < implausibleMiles else { return "? mi" }
        if miles < 0.5 { return "\(mark)<1 mi" }
        return "\(mark)\(Int(miles.rounded())) mi"
    }
}

extension Distance {
    /// No road distance in the store can be this long; anything at or past it is shown as unknown.
    public static let implausibleMiles = 1_000_000.0
}
