extension Distance {
    /// "18 mi", or "≈18 mi" when either end was located only approximately
    /// (postcode district or authority centroid rather than a full postcode).
    /// Whole miles: the inputs are never more precise than that. Total: a value no distance in Britain
    /// could have (negative, NaN, infinite, or past `implausibleMiles`, as in rows imported before range
    /// checks) is "? mi", never a trap converting it to Int.
    /// In Welsh the unit is "mltr" (milltir).
    public static func formatMiles(_ miles: Double, approximate: Bool, language: Language = .en) -> String {
        let mark = approximate ? "≈" : ""
        let number: String
        if !miles.isFinite || miles < 0 || miles >= implausibleMiles { number = "?" }
        else if miles < 0.5 { number = "\(mark)<1" }
        else { number = "\(mark)\(Int(miles.rounded()))" }
        return Message.coreUnitMiles.text(language, ["miles": number])
    }
}

extension Distance {
    /// No road distance in the store can be this long; anything at or past it is shown as unknown.
    public static let implausibleMiles = 1_000_000.0
}
