import Testing
@testable import PlacementCore

@Suite("Postcode resolver")
struct PostcodeResolverTests {
    static let exact = Postcode("CF10 1EP")!
    static let exactCoordinate = Coordinate(latitude: 51.4807, longitude: -3.1803)

    let resolver = PostcodeResolver { postcode in
        postcode == PostcodeResolverTests.exact
            ? PostcodeRecord(postcode: postcode, coordinate: PostcodeResolverTests.exactCoordinate, authorityCode: "W06000015")
            : nil
    }

    @Test func exactHit() throws {
        let loc = try #require(resolver.locate(Self.exact, fallbackAuthority: "W06000011"))
        #expect(loc.precision == .postcode)
        #expect(!loc.isApproximate)
        #expect(loc.coordinate == Self.exactCoordinate)
        #expect(loc.authorityCode == "W06000015")
    }

    @Test func unknownPostcodeInKnownDistrictUsesDistrictCentroid() throws {
        let loc = try #require(resolver.locate(Postcode("LL57 9ZZ")!, fallbackAuthority: nil))
        #expect(loc.precision == .district)
        #expect(loc.isApproximate)
        #expect(loc.authorityCode == "W06000002")
        let (centre, _) = try #require(Geography.wales.districtCentroid("LL57"))
        #expect(loc.coordinate == centre)
    }

    @Test func districtPrecisionPrefersRecordedAuthority() throws {
        // CH7 is mostly Flintshire, but a record may say otherwise.
        let loc = try #require(resolver.locate(Postcode("CH7 9ZZ")!, fallbackAuthority: "W06000004"))
        #expect(loc.precision == .district)
        #expect(loc.authorityCode == "W06000004")
    }

    @Test func unknownDistrictWithFallbackUsesAuthorityCentroid() throws {
        let loc = try #require(resolver.locate(Postcode("EH1 1AA")!, fallbackAuthority: "W06000023"))
        #expect(loc.precision == .authority)
        #expect(loc.isApproximate)
        #expect(loc.authorityCode == "W06000023")
        #expect(loc.coordinate == Geography.wales.authority(code: "W06000023")?.centroid)
    }

    @Test func nothingKnownGivesNil() {
        #expect(resolver.locate(Postcode("EH1 1AA")!, fallbackAuthority: nil) == nil)
        #expect(resolver.locate(Postcode("EH1 1AA")!, fallbackAuthority: "X00000000") == nil)
    }

    @Test func authorityOnly() {
        #expect(resolver.locate(authority: "W06000015")?.precision == .authority)
        #expect(resolver.locate(authority: "nope") == nil)
    }

    @Test func rawRecordPostcodesParseOrFallBackToTheAuthority() {
        #expect(resolver.locate(raw: "cf10 1ep", fallbackAuthority: nil)?.precision == .postcode)
        #expect(resolver.locate(raw: "not a postcode", fallbackAuthority: "W06000023")?.authorityCode == "W06000023")
        #expect(resolver.locate(raw: "not a postcode", fallbackAuthority: nil) == nil)
    }
}
