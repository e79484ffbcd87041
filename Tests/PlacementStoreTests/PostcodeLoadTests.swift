import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

/// Loading the ONS Postcode Directory: every row lands, a reissued postcode replaces the old one, and a
/// bad row anywhere in a streamed file leaves the store as it was. (Speed is measured by
/// scripts/bench-postcode-import.sh on a release build, not here.)
@Suite struct PostcodeLoadTests {
    @Test func hundredThousandPostcodesLoadAndReadBackExactly() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        let rows = (0..<100_000).map { i in
            StoredPostcode(postcode: "T\(i / 1000) \(i % 1000)", latitude: 51 + Double(i) / 1e6,
                           longitude: -3 - Double(i) / 1e6, authorityCode: "W06000015")
        }
        #expect(try store.insertPostcodes(rows) == 100_000)
        #expect(try store.postcodeCount() == 100_000)
        #expect(try store.postcode("T42 17") == rows[42_017])
    }

    @Test func aReissuedPostcodeReplacesItsLocation() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insertPostcodes([StoredPostcode(postcode: "CF10 1EP", latitude: 51.4, longitude: -3.1, authorityCode: "W06000015")])
        let moved = StoredPostcode(postcode: "CF10 1EP", latitude: 51.5, longitude: -3.2, authorityCode: "W06000014")
        try store.insertPostcodes([moved])
        #expect(try store.postcodeCount() == 1)
        #expect(try store.postcode("CF10 1EP") == moved)
    }

    /// The file streams in batches of 50,000; a bad last row must undo the batches already written.
    @Test func aBadRowAfterSeveralBatchesLeavesTheStoreUntouched() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        var text = "pcds,lat,long,oslaua,doterm\n"
        for i in 0..<120_000 { text += "CF\(10 + i / 4000) \(i % 10)\(letters[i / 10 % 20])\(letters[i / 200 % 20]),51.4,-3.1,W06000015,\n" }
        let good = URL(fileURLWithPath: folder.file("good.csv"))
        try Data(text.utf8).write(to: good)
        let bad = URL(fileURLWithPath: folder.file("bad.csv"))
        try Data((text + "CF99 9ZZ,51.4,west,W06000015,\n").utf8).write(to: bad)

        let error = importError { try store.importFile(.postcodes, from: bad, user: "test", today: exampleToday) }
        #expect(error?.line == 120_002 && error?.column == "long")
        #expect(try store.postcodeCount() == 0)
        #expect(try store.importFile(.postcodes, from: good, user: "test", today: exampleToday) == 120_000)
        #expect(try store.postcodeCount() == 120_000)
    }

    private let letters = Array("ABDEFGHJLNPQRSTUWXYZ")
}
