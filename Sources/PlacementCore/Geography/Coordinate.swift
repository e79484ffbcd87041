/// A WGS84 point in decimal degrees, as published in the ONS Postcode Directory (`lat`, `long`).
public struct Coordinate: Sendable, Hashable, Codable {
    public var latitude: Double
    public var longitude: Double

    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }
}
