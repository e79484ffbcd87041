import Testing
@testable import PlacementCore

@Suite("Distances")
struct DistanceTests {
    let cardiffCentre = Coordinate(latitude: 51.4816, longitude: -3.1791)
    let swanseaCentre = Coordinate(latitude: 51.6214, longitude: -3.9436)

    @Test func cardiffToSwanseaIsAbout35Miles() {
        let miles = Distance.greatCircleMiles(cardiffCentre, swanseaCentre)
        #expect(abs(miles - 35) <= 3.5, "got \(miles)")
        #expect(abs(Distance.greatCircleMiles(swanseaCentre, cardiffCentre) - miles) < 1e-9)
        #expect(Distance.greatCircleMiles(cardiffCentre, cardiffCentre) == 0)
    }

    @Test func roadEstimateAppliesFactorAndSpeed() {
        let straight = Distance.greatCircleMiles(cardiffCentre, swanseaCentre)
        #expect(Distance.roadFactor == 1.35)
        #expect(abs(Distance.estimatedRoadMiles(cardiffCentre, swanseaCentre) - straight * 1.35) < 1e-9)
        #expect(abs(Distance.estimatedDriveMinutes(roadMiles: 35) - 60) < 1e-9)
        #expect(Distance.estimatedDriveMinutes(roadMiles: -5) == 0)
    }

    @Test func unitVectorMatchesHaversineOnRandomPairs() {
        var rng = SplitMix64(seed: 0x5EED_CAFE)
        for _ in 0..<5_000 {
            let a = Coordinate(latitude: rng.double(in: -89...89), longitude: rng.double(in: -180...180))
            // Half the pairs near each other (the case that matters here), half anywhere.
            let near = rng.next() % 2 == 0
            let b = near
                ? Coordinate(latitude: min(89, max(-89, a.latitude + rng.double(in: -0.5...0.5))),
                             longitude: a.longitude + rng.double(in: -0.5...0.5))
                : Coordinate(latitude: rng.double(in: -89...89), longitude: rng.double(in: -180...180))
            let h = Distance.greatCircleMiles(a, b)
            let u = UnitVector(a).greatCircleMiles(to: UnitVector(b))
            #expect(abs(h - u) < 0.01, "\(a) \(b): \(h) vs \(u)")
        }
    }

    @Test func unitVectorAgreesOnWelshPair() {
        let u = UnitVector(cardiffCentre).greatCircleMiles(to: UnitVector(swanseaCentre))
        #expect(abs(u - Distance.greatCircleMiles(cardiffCentre, swanseaCentre)) < 0.01)
    }

    @Test func formatting() {
        #expect(Distance.formatMiles(18.2, approximate: false) == "18 mi")
        #expect(Distance.formatMiles(17.6, approximate: true) == "≈18 mi")
        #expect(Distance.formatMiles(0.2, approximate: false) == "<1 mi")
        #expect(Distance.formatMiles(0.2, approximate: true) == "≈<1 mi")
        #expect(Distance.formatMiles(.nan, approximate: false) == "? mi")
        #expect(Distance.formatMiles(-1, approximate: false) == "? mi")
    }
}

/// Small deterministic generator so failures reproduce exactly.
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func double(in range: ClosedRange<Double>) -> Double { Double.random(in: range, using: &self) }
}
