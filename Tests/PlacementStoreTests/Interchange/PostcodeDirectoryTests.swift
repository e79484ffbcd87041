import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

@Suite("ONS Postcode Directory reader")
struct PostcodeDirectoryTests {
    func write(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("onspd-\(UUID().uuidString).csv")
        try Data(text.utf8).write(to: url)
        return url
    }

    @Test func skipsTerminatedAndUnlocatedRowsAndFindsColumnsByName() throws {
        var batches: [[PostcodeRow]] = []
        try Interchange.readPostcodes(packageRoot.appendingPathComponent("fixtures/examples/postcodes.csv"), batchSize: 4) {
            batches.append($0)
        }
        #expect(batches.map(\.count) == [4, 4, 2])
        let rows = batches.flatMap { $0 }
        #expect(!rows.contains { $0.postcode == "CF10 1XX" })   // terminated 2005
        #expect(!rows.contains { $0.postcode == "SA99 9ZZ" })   // no grid reference
        #expect(rows.first == PostcodeRow(postcode: "CF10 1EP", latitude: 51.48158, longitude: -3.17909, authorityCode: "W06000015"))
        #expect(rows.contains { $0.postcode == "SA1 3SN" && $0.authorityCode == "W06000011" })
        #expect(rows.contains { $0.postcode == "HR3 5DQ" && $0.authorityCode == "E06000019" })
    }

    @Test func columnOrderDoesNotMatter() throws {
        let url = try write("""
        long,x,OSLAUA,doterm,lat,pcds,y
        -3.9613,a,W06000011,,51.6143,sa1 3sn,b
        -3.1,a,W06000015,202001,51.4,CF10 1XX,b
        0.000000,a,W06000011,,99.999999,SA99 9ZZ,b
        ,a,W06000011,,,SA99 9ZY,b
        -2.1,a,L99999999,,49.4,GY1 1AA,b

        """)
        defer { try? FileManager.default.removeItem(at: url) }
        var rows: [PostcodeRow] = []
        try Interchange.readPostcodes(url) { rows += $0 }
        #expect(rows == [PostcodeRow(postcode: "SA1 3SN", latitude: 51.6143, longitude: -3.9613, authorityCode: "W06000011")])
    }

    @Test func missingColumnAndBadRowsAreImportErrors() throws {
        let missing = try write("pcds,lat,long,doterm\nCF10 1EP,51.4,-3.1,\n")
        defer { try? FileManager.default.removeItem(at: missing) }
        #expect(throws: ImportError(file: missing.path, line: 1, message: "the header has no local authority column (oslaua, laua, lad25cd, lad24cd, lad23cd)")) {
            try Interchange.readPostcodes(missing) { _ in }
        }
        let bad = try write("pcds,lat,long,oslaua,doterm\nCF10 1EP,51.4,-3.1,W06000015,\n\"CF10\n1EQ\",51.4,-3.1,W06000015,\nCF10 1ER,north,-3.1,W06000015,\n")
        defer { try? FileManager.default.removeItem(at: bad) }
        var seen = 0
        do { try Interchange.readPostcodes(bad) { seen += $0.count }; Issue.record("expected an error") } catch let error as ImportError {
            #expect(error.line == 5 && error.column == "lat")
        }
        #expect(seen == 0)   // nothing is handed on from a batch that contains a bad row
    }

    /// Any code the ONS gives a live postcode is known (uk-areas.csv): a Kent district imports; a code no
    /// list has is an error naming it and its line, not a postcode ranked "elsewhere" by its prefix.
    @Test func anAreaCodePlacefinderDoesNotKnowIsNamed() throws {
        let url = try write("pcds,lat,long,oslaua,doterm\nTN23 1AA,51.14,0.87,E07000105,\nTN23 1AB,51.14,0.87,E07000999,\n")
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ImportError(file: url.path, line: 3, column: "oslaua",
                                    message: "E07000999 is not a local authority code Placefinder knows (fixtures/geo/uk-areas.csv)")) {
            try Interchange.readPostcodes(url) { _ in }
        }
    }

    @Test func invalidUTF8InTheDirectoryIsAnImportError() throws {
        var data = Data("pcds,lat,long,oslaua,doterm\nCF10 1EP,51.4,-3.1,W06000015,\nCF10 1EQ,51.4,-3.1,W06000015,".utf8)
        data.append(0xFF)
        data.append(contentsOf: Data("\n".utf8))
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("onspd-\(UUID().uuidString).csv")
        try data.write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        do { try Interchange.readPostcodes(url) { _ in }; Issue.record("expected an error") } catch let error as ImportError {
            #expect(error.line == 3 && error.message.contains("UTF-8"))
        }
    }

    @Test func errorsThrownByTheBodyStopTheRead() throws {
        struct Stop: Error {}
        var calls = 0
        #expect(throws: Stop.self) {
            try Interchange.readPostcodes(packageRoot.appendingPathComponent("fixtures/examples/postcodes.csv"), batchSize: 1) { _ in
                calls += 1
                throw Stop()
            }
        }
        #expect(calls == 1)
    }

    /// The PyPI package's columns (and NSPD's grid columns): OSGB36 grid references, no `doterm`,
    /// converted to WGS84 on the way in; Northern Ireland's Irish Grid rows are skipped as unlocated.
    @Test func gridReferenceFilesAreConvertedToLatitudeAndLongitude() throws {
        let url = try write("""
        pcd,laua,oseast1m,osnrth1m
        CF101EP,W06000015,318234,176221
        NP16 5DB,W06000021,353370,193650
        NPT 0AD,W06000022,331400,188200
        W1M 0AA,E09000033,528000,181000
        BT1 1AA,N09000003,146000,529000
        SA99 9ZZ,W06000011,,

        """)
        defer { try? FileManager.default.removeItem(at: url) }
        var rows: [PostcodeRow] = []
        try Interchange.readPostcodes(url) { rows += $0 }
        #expect(rows.map(\.postcode) == ["CF10 1EP", "NP16 5DB"])
        let expected = OSGrid.wgs84(easting: 318_234, northing: 176_221)
        #expect(rows[0] == PostcodeRow(postcode: "CF10 1EP", latitude: expected.latitude, longitude: expected.longitude, authorityCode: "W06000015"))
        // Cardiff city centre (Queen Street, about 51.4816 N 3.1791 W) is within a kilometre.
        let metres = Distance.greatCircleMiles(expected, Coordinate(latitude: 51.4816, longitude: -3.1791)) * 1609.344
        #expect(metres < 1_000, "\(metres) m")

        let nspd = try write("pcd7,lad25cd,east1m,north1m\nCF101AA,W06000015,318284,176230\nCF101AB,W06000015,9999999,176230\n")
        defer { try? FileManager.default.removeItem(at: nspd) }
        do { try Interchange.readPostcodes(nspd) { _ in }; Issue.record("expected an error") } catch let error as ImportError {
            #expect(error.line == 3 && error.column == "east1m")
        }
        let noPosition = try write("pcds,oslaua\nCF10 1AA,W06000015\n")
        defer { try? FileManager.default.removeItem(at: noPosition) }
        #expect(throws: ImportError(file: noPosition.path, line: 1, message: "the header has no position column (lat and long, oseast1m and osnrth1m, east1m and north1m)")) {
            try Interchange.readPostcodes(noPosition) { _ in }
        }
    }
}
