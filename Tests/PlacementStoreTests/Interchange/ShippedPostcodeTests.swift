import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

/// fixtures/geo/postcodes-wales-border.txt: what every new store locates exactly.
@Suite("Shipped postcodes (Wales and bordering England)")
struct ShippedPostcodeTests {
    static let loaded = Result { () throws(ImportError) -> [PostcodeRow] in
        try Interchange.readShippedPostcodes(packageRoot.appendingPathComponent("fixtures/geo/postcodes-wales-border.txt"))
    }
    static let rows: [PostcodeRow] = (try? loaded.get()) ?? []
    static let byPostcode = Dictionary(rows.map { ($0.postcode, $0) }) { first, _ in first }

    @Test func coversWalesAndItsEnglishNeighboursOnly() throws {
        _ = try Self.loaded.get()
        #expect(Self.rows.count > 200_000)
        let codes = Set(Self.rows.map(\.authorityCode))
        let welsh = Set(Geography.wales.welshAuthorities.map(\.code))
        #expect(welsh.isSubset(of: codes))
        // Every code resolves to Wales or an English authority bordering Wales (districts to their county).
        for code in codes {
            let a = try Geography.wales.resolvedAuthority(code: code)
            #expect(a.nation == .wales || Geography.wales.welshAuthorities.contains { Geography.wales.borders($0.code, code) }, "\(code)")
        }
        #expect(Set(Self.rows.map(\.postcode)).count == Self.rows.count)
    }

    /// Known places, their authorities and where the ONS puts them (to within about 300 m of the landmark).
    @Test(arguments: [
        ("CF10 1EP", "W06000015", 51.4816, -3.1791),   // Cardiff city centre
        ("SA1 3SN", "W06000011", 51.6143, -3.9613),    // Swansea
        ("LL57 2DG", "W06000002", 53.2290, -4.1290),   // Bangor
        ("SY23 3BY", "W06000008", 52.4160, -4.0830),   // Aberystwyth
        ("NP16 5DB", "W06000021", 51.6420, -2.6740),   // Chepstow
        ("HR3 5DQ", "W06000023", 52.0750, -3.1250),    // Hay-on-Wye district, Powys side of the border
        ("HR1 2AA", "E06000019", 52.0560, -2.7160),    // Hereford
        ("GL16 8AA", "E07000080", 51.7950, -2.6150),   // Coleford, Forest of Dean
        ("CH1 1AA", "E06000050", 53.1900, -2.8900),    // Chester
    ])
    func knownPostcodes(postcode: String, authority: String, lat: Double, long: Double) throws {
        let row = try #require(Self.byPostcode[postcode], "\(postcode) missing")
        #expect(row.authorityCode == authority)
        let miles = Distance.greatCircleMiles(Coordinate(latitude: row.latitude, longitude: row.longitude),
                                              Coordinate(latitude: lat, longitude: long))
        #expect(miles < 2, "\(postcode) is \(miles) miles from \(lat),\(long)")
    }

    @Test func aDamagedLineIsNamed() {
        let text = "# header\n=CF10 1 W06000015\nAA 318284 176230\nAB 12 x\n"
        #expect(throws: ImportError(file: "f.txt", line: 4, message: "easting and northing must be whole metres")) {
            try Interchange.parseShippedPostcodes(Data(text.utf8), file: "f.txt")
        }
        #expect(throws: ImportError(file: "f.txt", line: 2, message: "X99 is not a local authority ONS code")) {
            try Interchange.parseShippedPostcodes(Data("# h\n=CF10 1 X99\n".utf8), file: "f.txt")
        }
    }

    @Test func deltasAccumulateWithinAGroupAndResetAtTheNext() throws {
        let text = "=CF10 1 W06000015\nAA 318284 176230\nAB 12 -52\nAD\n=CF10 2 W06000015\nAA 318000 176000\n"
        let rows = try Interchange.parseShippedPostcodes(Data(text.utf8), file: "f.txt")
        let ab = OSGrid.wgs84(easting: 318_296, northing: 176_178)
        #expect(rows.map(\.postcode) == ["CF10 1AA", "CF10 1AB", "CF10 1AD", "CF10 2AA"])
        #expect(rows[1].latitude == ab.latitude && rows[2].longitude == ab.longitude)
        #expect(rows[3].latitude == OSGrid.wgs84(easting: 318_000, northing: 176_000).latitude)
    }
}
