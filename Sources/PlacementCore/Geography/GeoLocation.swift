/// How a location was found, from most to least precise.
public enum LocationPrecision: String, Sendable, Codable {
    /// Full postcode found in the postcode directory.
    case postcode
    /// Postcode not found; centre of its district (e.g. CF10) used instead.
    case district
    /// Only the authority is known; its centroid is used.
    case authority
}

/// A resolved location. Distances from approximate locations are shown with "≈".
public struct GeoLocation: Sendable, Hashable, Codable {
    public var coordinate: Coordinate
    public var authorityCode: String
    public var precision: LocationPrecision

    public init(coordinate: Coordinate, authorityCode: String, precision: LocationPrecision) {
        self.coordinate = coordinate
        self.authorityCode = authorityCode
        self.precision = precision
    }

    public var isApproximate: Bool { precision != .postcode }
}

/// One postcode-directory row (ONSPD `pcds`, `lat`, `long`, `oslaua`), as the store supplies it.
public struct PostcodeRecord: Sendable, Hashable, Codable {
    public var postcode: Postcode
    public var coordinate: Coordinate
    public var authorityCode: String

    public init(postcode: Postcode, coordinate: Coordinate, authorityCode: String) {
        self.postcode = postcode
        self.coordinate = coordinate
        self.authorityCode = authorityCode
    }
}
