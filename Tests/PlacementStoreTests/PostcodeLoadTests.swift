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

    /// `import postcodes` also takes a file in the format Placefinder ships (`store init` loads one), through the
    /// same staged path; a damaged line is named and nothing is stored.
    @Test func aShippedFormatFileImportsAsTheDirectoryDoes() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        let shipped = try String(contentsOf: packageRoot.appendingPathComponent("fixtures/geo/postcodes-wales-border.txt"), encoding: .utf8)
        let text = shipped.split(separator: "\n", omittingEmptySubsequences: false).prefix(3_000).joined(separator: "\n") + "\n"
        let expected = try Interchange.parseShippedPostcodes(Data(text.utf8), file: "f.txt")
        #expect(expected.count > 2_000)

        let bad = URL(fileURLWithPath: folder.file("bad.txt"))
        try Data((text + "ZZ 1 x\n").utf8).write(to: bad)
        let error = importError { try store.importFile(.postcodes, from: bad, user: "test", today: exampleToday) }
        #expect(error?.line == 3_001)
        #expect(try store.postcodeCount() == 0)

        let good = URL(fileURLWithPath: folder.file("good.txt"))
        try Data(text.utf8).write(to: good)
        #expect(try store.importFile(.postcodes, from: good, user: "test", today: exampleToday) == expected.count)
        #expect(try store.allPostcodes() == expected.sorted { $0.postcode < $1.postcode })
    }

    /// Imports encode records against the directory before taking the write lock and compare this counter
    /// under it: every way postcodes are written must move it.
    @Test func everyPostcodeWriteMovesTheDirectoryVersion() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        func version() throws -> Int {
            try store.pool.read { db in try EncodingBasis.read(for: RecordBatch(), in: db).postcodes }
        }
        var seen = [try version()]
        try store.insertPostcodes([Fixtures.postcode()])
        seen.append(try version())
        try store.installShippedPostcodes([Fixtures.postcode("SA1 1AA")])
        seen.append(try version())
        try store.insert(RecordBatch(postcodes: [Fixtures.postcode("LL57 1AA")]))
        seen.append(try version())
        _ = try store.importFile(.postcodes, from: packageRoot.appendingPathComponent("fixtures/examples/postcodes.csv"),
                                 user: "test", today: exampleToday)
        seen.append(try version())
        #expect(Set(seen).count == seen.count, "\(seen)")
    }
}
