import Testing
import PlacementCore
@testable import PlacementDemo

@Suite("Demo postcode book")
struct PostcodeBookTests {
    /// Many draws in one district give its real sampled postcodes again (the same home), each at one location.
    @Test func repeatedDrawsReuseRealPostcodesAtOneLocation() {
        var book = PostcodeBook(geography: .wales)
        var rng = DemoRandom(seed: 9, stream: 1)
        let site = DemoPlaces.englishSites[0]
        var drawn: [PostcodeRecord] = []
        for _ in 0..<20_000 { drawn.append(book.english(site, &rng)) }
        #expect(drawn.allSatisfy { $0.postcode.outward == site.outward && $0.authorityCode == site.authority })
        let real = Set((PostcodeBook.sample[site.outward] ?? []).map(\.postcode))
        #expect(book.records.count > 1 && book.records.allSatisfy { real.contains($0.postcode) })
        let byPostcode = Dictionary(grouping: drawn, by: \.postcode)
        #expect(byPostcode.count == book.records.count)
        #expect(byPostcode.values.allSatisfy { Set($0.map(\.coordinate)).count == 1 })
    }

    /// Every Welsh authority's demo postcodes are real postcodes the ONS places in that authority,
    /// located where the directory puts them (inside Wales's bounding box, near the district).
    @Test func everyWelshAuthorityGetsItsOwnRealPostcodes() {
        var book = PostcodeBook(geography: .wales)
        var rng = DemoRandom(seed: 5, stream: 2)
        for authority in Geography.wales.welshAuthorities.map(\.code) {
            for _ in 0..<40 {
                let r = book.inAuthority(authority, &rng)
                let sampled = PostcodeBook.sample[r.postcode.outward]?.first { $0.postcode == r.postcode }
                #expect(sampled?.authorityCode == authority, "\(r.postcode.value) for \(authority)")
                #expect(r.authorityCode == authority && sampled?.coordinate == r.coordinate)
                #expect((51.3...53.5).contains(r.coordinate.latitude) && (-5.4 ... -2.6).contains(r.coordinate.longitude))
            }
        }
    }

    @Test func everyEnglishSiteHasRealPostcodes() {
        for site in DemoPlaces.englishSites {
            #expect(!PostcodeBook.candidates(outward: site.outward, authority: site.authority).isEmpty, "\(site.outward)")
        }
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
