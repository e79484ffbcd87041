import Foundation
import Testing
@testable import PlacementCore

/// The core embeds fixtures/geo/*.csv via scripts/generate-geo-data.sh. If these
/// fail, someone edited one side only: edit the CSV, then re-run the script.
@Suite("Generated geo data matches fixtures")
struct GeoDataSyncTests {
    static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("fixtures/geo")

    static func fixture(_ name: String) throws -> String {
        let text = try String(contentsOf: fixtures.appendingPathComponent(name), encoding: .utf8)
        // The generated raw string drops exactly one trailing newline.
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    @Test(arguments: [
        ("authorities.csv", GeoData.authoritiesCSV),
        ("borders.csv", GeoData.bordersCSV),
        ("postcode-districts.csv", GeoData.postcodeDistrictsCSV),
        ("lower-tier-codes.csv", GeoData.lowerTierCodesCSV),
        ("uk-areas.csv", GeoData.ukAreasCSV),
    ])
    func embeddedEqualsFixture(file: String, embedded: String) throws {
        #expect(try Self.fixture(file) == embedded, "\(file) differs: run scripts/generate-geo-data.sh")
    }

    @Test func everyRowParses() throws {
        func dataLines(_ s: String) -> Int { s.split(separator: "\n").count - 1 }
        let geo = Geography.wales
        let uk = try Self.fixture("uk-areas.csv")
        #expect(GeoCSV.ukAreas(GeoData.ukAreasCSV).authorities.count + GeoCSV.ukAreas(GeoData.ukAreasCSV).lowerTierCodes.count
                == dataLines(uk))
        // Every UK area code is known, as the hand-kept list (Welsh names, borders) or from uk-areas.csv.
        for line in uk.split(separator: "\n").dropFirst() {
            let code = String(line.prefix { $0 != "," })
            #expect(geo.placingAuthority(code: code) != nil, "\(code)")
        }
        #expect(GeoCSV.borders(GeoData.bordersCSV).count == dataLines(try Self.fixture("borders.csv")))
        #expect(geo.districtCount == dataLines(try Self.fixture("postcode-districts.csv")))
        // Every border endpoint is a listed authority.
        for (a, b) in GeoCSV.borders(GeoData.bordersCSV) {
            #expect(geo.authority(code: a) != nil && geo.authority(code: b) != nil, "\(a),\(b)")
        }
    }
}
