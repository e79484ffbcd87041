/// A coordinate as a unit vector on the sphere. Precompute once per vacancy;
/// then each distance is a subtraction, a square root and one asin — no trig
/// on the latitudes/longitudes — which matters when ranking tens of thousands.
public struct UnitVector: Sendable, Hashable {
    public var x, y, z: Double

    public init(_ c: Coordinate) {
        let φ = GeoMath.radians(c.latitude), λ = GeoMath.radians(c.longitude)
        let cφ = GeoMath.cos(φ)
        x = cφ * GeoMath.cos(λ)
        y = cφ * GeoMath.sin(λ)
        z = GeoMath.sin(φ)
    }

    /// Central angle from the chord: θ = 2·asin(chord/2); miles = θ·R.
    /// Mathematically identical to haversine and as stable for short distances.
    public func greatCircleMiles(to other: UnitVector) -> Double {
        let dx = x - other.x, dy = y - other.y, dz = z - other.z
        let chord = (dx * dx + dy * dy + dz * dz).squareRoot()
        return 2 * GeoMath.asin(min(1, chord / 2)) * Distance.earthRadiusMiles
    }
}
