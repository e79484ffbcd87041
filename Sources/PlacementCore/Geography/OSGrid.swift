/// Ordnance Survey National Grid (OSGB36) eastings and northings to WGS84 latitude and longitude.
///
/// The ONS directories publish every postcode's grid reference (`oseast1m`, `osnrth1m`, 1 m); only
/// some files carry latitude and longitude. Placefinder measures distance as great circles on WGS84,
/// so grid references are converted here, once, when a postcode is loaded: in core (not in a
/// generator script) because `placefinder import postcodes` meets grid references in NSPD and
/// package data at run time, and one tested implementation serves both.
///
/// Method: Ordnance Survey, "A guide to coordinates and coordinate systems in Great Britain"
/// (v3.6, 2020): Annex C (grid to latitude/longitude on the Airy 1830 ellipsoid, Transverse
/// Mercator with the National Grid's origin and scale), then Cartesian coordinates, the published
/// seven-parameter Helmert transformation OSGB36 → WGS84 (section 6.6, signs reversed from its
/// WGS84 → OSGB36 table), and back to latitude/longitude on GRS80 (= WGS84 to within 0.1 mm).
/// The Helmert step is accurate to a few metres across Great Britain (OS quotes ~5 m worst case),
/// far inside the tolerance of postcode centroids; OSTN15 would be centimetre-exact but needs a
/// 15 MB grid file for no gain here.
public enum OSGrid {
    /// WGS84 position of a National Grid reference in metres, rounded to six decimals (about 0.1 m,
    /// as ONSPD publishes) so every path that converts the same grid reference stores the same numbers.
    public static func wgs84(easting: Double, northing: Double) -> Coordinate {
        let (phi, lambda) = airyLatLongRadians(easting: easting, northing: northing)
        let (x, y, z) = cartesian(phi: phi, lambda: lambda, ellipsoid: .airy1830)
        let (x2, y2, z2) = helmertOSGB36toWGS84(x, y, z)
        let (phi2, lambda2) = geodetic(x: x2, y: y2, z: z2, ellipsoid: .grs80)
        return Coordinate(latitude: round6(GeoMath.degrees(phi2)), longitude: round6(GeoMath.degrees(lambda2)))
    }

    private static func round6(_ x: Double) -> Double { (x * 1_000_000).rounded() / 1_000_000 }

    /// OSGB36 latitude/longitude (Airy 1830) of a grid reference, in degrees: the projection step alone,
    /// checked against OS's worked example.
    public static func osgb36(easting: Double, northing: Double) -> Coordinate {
        let (phi, lambda) = airyLatLongRadians(easting: easting, northing: northing)
        return Coordinate(latitude: GeoMath.degrees(phi), longitude: GeoMath.degrees(lambda))
    }

    /// Whether a grid reference lies inside the National Grid's 700 km × 1300 km square.
    public static func isOnGrid(easting: Double, northing: Double) -> Bool {
        (0...700_000).contains(easting) && (0...1_300_000).contains(northing)
    }

    struct Ellipsoid {
        let a: Double, b: Double
        var e2: Double { 1 - (b * b) / (a * a) }
        static let airy1830 = Ellipsoid(a: 6_377_563.396, b: 6_356_256.909)
        static let grs80 = Ellipsoid(a: 6_378_137.000, b: 6_356_752.3141)
    }

    // National Grid projection constants (OS guide, Annex A).
    private static let f0 = 0.9996012717
    private static let phi0 = GeoMath.radians(49)
    private static let lambda0 = GeoMath.radians(-2)
    private static let e0 = 400_000.0, n0 = -100_000.0

    /// Meridional arc from the true origin (OS guide, Annex C, C1 "M").
    private static func meridionalArc(_ phi: Double, _ el: Ellipsoid) -> Double {
        let n = (el.a - el.b) / (el.a + el.b), n2 = n * n, n3 = n2 * n
        let dp = phi - phi0, sp = phi + phi0
        return el.b * f0 * ((1 + n + 1.25 * n2 + 1.25 * n3) * dp
            - (3 * n + 3 * n2 + 21.0 / 8 * n3) * GeoMath.sin(dp) * GeoMath.cos(sp)
            + (15.0 / 8 * n2 + 15.0 / 8 * n3) * GeoMath.sin(2 * dp) * GeoMath.cos(2 * sp)
            - 35.0 / 24 * n3 * GeoMath.sin(3 * dp) * GeoMath.cos(3 * sp))
    }

    private static func airyLatLongRadians(easting: Double, northing: Double) -> (Double, Double) {
        let el = Ellipsoid.airy1830, e2 = el.e2
        var phi = (northing - n0) / (el.a * f0) + phi0
        var m = meridionalArc(phi, el)
        // Iterate until the arc matches the northing to 0.01 mm (converges in a few steps).
        for _ in 0..<20 where abs(northing - n0 - m) >= 0.00001 {
            phi += (northing - n0 - m) / (el.a * f0)
            m = meridionalArc(phi, el)
        }
        let s = GeoMath.sin(phi), c = GeoMath.cos(phi), t = GeoMath.tan(phi)
        let t2 = t * t, t4 = t2 * t2, t6 = t4 * t2
        let nu = el.a * f0 / (1 - e2 * s * s).squareRoot()
        let rho = el.a * f0 * (1 - e2) / ((1 - e2 * s * s) * (1 - e2 * s * s).squareRoot())
        let eta2 = nu / rho - 1
        let sec = 1 / c
        let nu3 = nu * nu * nu, nu5 = nu3 * nu * nu, nu7 = nu5 * nu * nu
        let vii = t / (2 * rho * nu)
        let viii = t / (24 * rho * nu3) * (5 + 3 * t2 + eta2 - 9 * t2 * eta2)
        let ix = t / (720 * rho * nu5) * (61 + 90 * t2 + 45 * t4)
        let x = sec / nu
        let xi = sec / (6 * nu3) * (nu / rho + 2 * t2)
        let xii = sec / (120 * nu5) * (5 + 28 * t2 + 24 * t4)
        let xiia = sec / (5040 * nu7) * (61 + 662 * t2 + 1320 * t4 + 720 * t6)
        let de = easting - e0, de2 = de * de, de3 = de2 * de, de4 = de2 * de2
        let de5 = de4 * de, de6 = de3 * de3, de7 = de6 * de
        let lat = phi - vii * de2 + viii * de4 - ix * de6
        let lon = lambda0 + x * de - xi * de3 + xii * de5 - xiia * de7
        return (lat, lon)
    }

    private static func cartesian(phi: Double, lambda: Double, ellipsoid el: Ellipsoid) -> (Double, Double, Double) {
        let s = GeoMath.sin(phi)
        let nu = el.a / (1 - el.e2 * s * s).squareRoot()
        return (nu * GeoMath.cos(phi) * GeoMath.cos(lambda),
                nu * GeoMath.cos(phi) * GeoMath.sin(lambda),
                (1 - el.e2) * nu * s)
    }

    /// OSGB36 → WGS84: tx 446.448 m, ty −125.157 m, tz 542.060 m, scale −20.4894 ppm,
    /// rx 0.1502″, ry 0.2470″, rz 0.8421″ (OS guide table 6.6, inverted by changing signs).
    private static func helmertOSGB36toWGS84(_ x: Double, _ y: Double, _ z: Double) -> (Double, Double, Double) {
        let tx = 446.448, ty = -125.157, tz = 542.060
        let s = -20.4894e-6
        let arcsec = Double.pi / 180 / 3600
        let rx = 0.1502 * arcsec, ry = 0.2470 * arcsec, rz = 0.8421 * arcsec
        return (tx + (1 + s) * x - rz * y + ry * z,
                ty + rz * x + (1 + s) * y - rx * z,
                tz - ry * x + rx * y + (1 + s) * z)
    }

    private static func geodetic(x: Double, y: Double, z: Double, ellipsoid el: Ellipsoid) -> (Double, Double) {
        let e2 = el.e2
        let p = (x * x + y * y).squareRoot()
        var phi = GeoMath.atan2(z, p * (1 - e2))
        for _ in 0..<10 {
            let s = GeoMath.sin(phi)
            let nu = el.a / (1 - e2 * s * s).squareRoot()
            phi = GeoMath.atan2(z + e2 * nu * s, p)
        }
        return (phi, GeoMath.atan2(y, x))
    }
}
