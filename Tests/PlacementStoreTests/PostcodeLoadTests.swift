import Foundation
import Testing
@testable import PlacementStore

@Suite struct PostcodeLoadTests {
    /// ONSPD has ~2.7 M rows; this measures 100k in one transaction and prints the time.
    @Test func hundredThousandPostcodesLoadInOneTransaction() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"))
        let rows = (0..<100_000).map { i in
            StoredPostcode(postcode: "T\(i / 1000) \(i % 1000)", latitude: 51 + Double(i) / 1e6,
                           longitude: -3 - Double(i) / 1e6, authorityCode: "W06000015")
        }
        let clock = ContinuousClock()
        let start = clock.now
        let written = try store.insertPostcodes(rows)
        let elapsed = clock.now - start
        #expect(written == 100_000)
        print("PLACEFINDER: inserted 100000 postcodes in \(elapsed)")
        #expect(try store.postcodeCount() == 100_000)
        #expect(try store.postcode("T42 17")?.latitude == 51 + 42_017 / 1e6)
        #expect(elapsed < .seconds(30))   // a gross regression (one transaction per row) would take minutes
    }
}
