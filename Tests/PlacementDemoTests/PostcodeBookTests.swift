import Testing
import PlacementCore
@testable import PlacementDemo

@Suite("Demo postcode book")
struct PostcodeBookTests {
    /// One district holds 3,600 inward codes; the old book redrew until it found an unused one and
    /// never returned once a district was full (500,000 vacancies hung). Now a repeat is the same home.
    @Test func aFullDistrictStillGivesPostcodesAndEachHasOneLocation() {
        var book = PostcodeBook(geography: .wales)
        var rng = DemoRandom(seed: 9, stream: 1)
        let site = DemoPlaces.englishSites[0]
        var drawn: [PostcodeRecord] = []
        for _ in 0..<20_000 { drawn.append(book.english(site, &rng)) }
        #expect(drawn.allSatisfy { $0.postcode.outward == site.outward && $0.authorityCode == site.authority })
        #expect(book.records.count <= 3_600 && book.records.count > 3_000)
        let byPostcode = Dictionary(grouping: drawn, by: \.postcode)
        #expect(byPostcode.count == book.records.count)
        #expect(byPostcode.values.allSatisfy { Set($0.map(\.coordinate)).count == 1 })
    }

    @Test func theSameSeedDrawsTheSamePostcodes() {
        func draw(_ seed: UInt64) -> [PostcodeRecord] {
            var book = PostcodeBook(geography: .wales)
            var rng = DemoRandom(seed: seed, stream: 1)
            return (0..<500).map { _ in book.inAuthority("W06000015", &rng) }
        }
        #expect(draw(3) == draw(3))
        #expect(draw(3) != draw(4))
    }
}
