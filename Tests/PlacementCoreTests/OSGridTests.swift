import Testing
@testable import PlacementCore

/// Grid references to WGS84 against points Ordnance Survey publishes.
@Suite("OS grid conversion")
struct OSGridTests {
    private func metres(_ a: Coordinate, _ b: Coordinate) -> Double {
        Distance.greatCircleMiles(a, b) * 1609.344
    }

    /// OS guide, Annex C worked example: projection alone, on Airy 1830 (to 1 cm).
    @Test func projectionMatchesTheWorkedExample() {
        let c = OSGrid.osgb36(easting: 651_409.903, northing: 313_177.270)
        let expected = Coordinate(latitude: 52 + 39.0 / 60 + 27.2531 / 3600, longitude: 1 + 43.0 / 60 + 4.5177 / 3600)
        #expect(metres(c, expected) < 0.01, "\(c)")
    }

    /// Full conversion (projection + Helmert) against OS-published ETRS89 positions (ETRS89 ≈ WGS84
    /// to within a metre) of the same points: within the 10 m the Helmert method promises.
    @Test(arguments: [
        // OSTN02 guide's worked example (Caister water tower).
        (651_409.792, 313_177.448, 52.658007833, 1.716073973),
        // OS grid reference TR143599 (Kent), from the OSTN02 documentation.
        (614_300.0, 159_900.0, 51.297880, 1.072628),
        // OSTN15 developer pack test point TP01 (Isles of Scilly), the far south-west corner.
        (91_492.146, 11_318.804, 49.92226393730, -6.29977752014),
    ])
    func wgs84MatchesPublishedPoints(easting: Double, northing: Double, lat: Double, long: Double) {
        let c = OSGrid.wgs84(easting: easting, northing: northing)
        let d = metres(c, Coordinate(latitude: lat, longitude: long))
        #expect(d < 10, "\(easting),\(northing) → \(c) is \(d) m off")
    }

    @Test func helmertShiftsByTheExpectedHundredMetres() {
        // OSGB36 and WGS84 differ by roughly 100 m in Wales; a missing or reversed Helmert step would
        // show as ~0 m or ~200 m here (Cardiff, CF10 1AA's grid reference).
        let grid = OSGrid.osgb36(easting: 318_284, northing: 176_230)
        let gps = OSGrid.wgs84(easting: 318_284, northing: 176_230)
        #expect((80...140).contains(metres(grid, gps)))
        #expect(gps.longitude < grid.longitude)  // WGS84 lies west of OSGB36 in Britain
    }
}
