/// Turns a postcode into a location, degrading gracefully:
/// exact record → postcode-district centroid → authority centroid.
///
/// The exact lookup is a closure so the store (which holds the ONS Postcode
/// Directory) can supply it while PlacementCore stays free of I/O.
public struct PostcodeResolver: Sendable {
    public let geography: Geography
    private let lookup: @Sendable (Postcode) -> PostcodeRecord?

    public init(geography: Geography = .wales, lookup: @Sendable @escaping (Postcode) -> PostcodeRecord?) {
        self.geography = geography
        self.lookup = lookup
    }

    /// - Parameter fallbackAuthority: ONS code recorded alongside the postcode
    ///   (e.g. the provider's authority), used when the postcode is not found.
    /// - Returns: nil when neither the postcode, its district nor the fallback is known.
    public func locate(_ postcode: Postcode, fallbackAuthority: String?) -> GeoLocation? {
        if let record = lookup(postcode) {
            return GeoLocation(coordinate: record.coordinate, authorityCode: record.authorityCode, precision: .postcode)
        }
        let knownFallback = fallbackAuthority.flatMap { geography.authority(code: $0) }
        if let (centre, mainAuthority) = geography.districtCentroid(postcode.outward) {
            // Districts straddle authorities (CH7, NP16, HR3…), so a recorded
            // authority beats the district's majority guess for the ladder.
            return GeoLocation(coordinate: centre, authorityCode: knownFallback?.code ?? mainAuthority, precision: .district)
        }
        if let authority = knownFallback {
            return GeoLocation(coordinate: authority.centroid, authorityCode: authority.code, precision: .authority)
        }
        return nil
    }

    /// Locates a postcode as typed in a record: one that does not parse falls back to the authority.
    public func locate(raw: String, fallbackAuthority: String?) -> GeoLocation? {
        guard let postcode = Postcode(raw) else { return fallbackAuthority.flatMap { locate(authority: $0) } }
        return locate(postcode, fallbackAuthority: fallbackAuthority)
    }

    /// Locates an authority with no postcode at all (authority-centroid precision).
    public func locate(authority code: String) -> GeoLocation? {
        geography.authority(code: code).map {
            GeoLocation(coordinate: $0.centroid, authorityCode: $0.code, precision: .authority)
        }
    }
}
