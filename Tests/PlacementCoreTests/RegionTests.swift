import Testing
import PlacementCore

@Suite struct RegionTests {
    @Test func everyWelshAuthorityIsInExactlyOneRegionAndNoOtherCodeIs() {
        let welsh = Geography.wales.welshAuthorities.map(\.code)
        #expect(welsh.count == 22)
        #expect(Set(Region.byAuthority.keys) == Set(welsh))
        #expect(Region.of("E06000001") == nil)
        // Each region has authorities; the capital region is the largest (ten authorities).
        let sizes = Dictionary(grouping: welsh) { Region.of($0)! }.mapValues(\.count)
        #expect(sizes == [.north: 6, .mid: 2, .southWest: 4, .southEast: 10])
    }
}
