extension Distance {
    /// "18 mi", or "≈18 mi" when either end was located only approximately
    /// (postcode district or authority centroid rather than a full postcode).
    /// Whole miles: the inputs are never more precise than that.
    public static func formatMiles(_ miles: Double, approximate: Bool) -> String {
        let mark = approximate ? "≈" : ""
        guard miles.isFinite, miles >= 0 else { return "? mi" }
        if miles < 0.5 { return "\(mark)<1 mi" }
        return "\(mark)\(Int(miles.rounded())) mi"
    }
}
