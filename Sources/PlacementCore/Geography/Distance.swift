/// Straight-line and estimated road distances between coordinates, in miles.
/// All road figures are estimates and should be labelled as such.
public enum Distance {
    /// Mean radius of the Earth in statute miles (IUGG mean radius 6371.0 km).
    public static let earthRadiusMiles: Double = 3958.8

    /// Road distance ÷ straight-line distance ("route factor"). Olner (2015),
    /// "How wiggly is Britain?" (danolner.github.io/2015/07/routeFactor), routed
    /// ~5,500 random GB point pairs and found about 1.35 on average, higher for
    /// short trips; Wang et al. (2024, arXiv:2406.06490) report ~1.3 across
    /// motorway networks. Estuaries (Severn, Dyfi, Menai) can make it much worse.
    public static let roadFactor: Double = 1.35

    /// Assumed average door-to-door driving speed for time estimates: 35 mph.
    /// An assumption, not a measurement — a blend of urban, valley and rural
    /// A-road driving in Wales; real times vary widely (traffic, mountain roads).
    public static let assumedAverageSpeedMph: Double = 35

    /// Great-circle distance by the haversine formula.
    public static func greatCircleMiles(_ a: Coordinate, _ b: Coordinate) -> Double {
        let φ1 = GeoMath.radians(a.latitude), φ2 = GeoMath.radians(b.latitude)
        let dφ = φ2 - φ1
        let dλ = GeoMath.radians(b.longitude - a.longitude)
        let s1 = GeoMath.sin(dφ / 2), s2 = GeoMath.sin(dλ / 2)
        let h = s1 * s1 + GeoMath.cos(φ1) * GeoMath.cos(φ2) * s2 * s2
        // Clamp: rounding can push h a hair above 1 for antipodal points.
        return 2 * earthRadiusMiles * GeoMath.asin(min(1, h.squareRoot()))
    }

    /// Straight-line miles × `roadFactor`.
    public static func estimatedRoadMiles(_ a: Coordinate, _ b: Coordinate) -> Double {
        greatCircleMiles(a, b) * roadFactor
    }

    /// Minutes at `assumedAverageSpeedMph`.
    public static func estimatedDriveMinutes(roadMiles: Double) -> Double {
        max(0, roadMiles) / assumedAverageSpeedMph * 60
    }
}
