/// Minimal parser for the embedded geography CSVs. The files are ours and kept
/// simple (no quoting, no commas inside fields), so a full CSV parser is not
/// needed in the pure core; GeoDataSyncTests checks every row parses.
enum GeoCSV {
    /// Data rows (header dropped), each split on commas; blank lines skipped.
    static func rows(_ text: String) -> [[String]] {
        text.split(separator: "\n", omittingEmptySubsequences: true)
            .dropFirst()
            .map { line in
                line.split(separator: ",", omittingEmptySubsequences: false)
                    .map { String($0).trimmingASCIIWhitespace() }
            }
            .filter { !($0.count == 1 && $0[0].isEmpty) }
    }

    static func authorities(_ text: String) -> [Authority] {
        rows(text).compactMap { f in
            guard f.count == 6, let nation = Nation(rawValue: f[3]),
                  let lat = Double(f[4]), let lon = Double(f[5]) else { return nil }
            return Authority(code: f[0], name: f[1], welshName: f[2].isEmpty ? nil : f[2],
                             nation: nation, centroid: Coordinate(latitude: lat, longitude: lon))
        }
    }

    static func borders(_ text: String) -> [(String, String)] {
        rows(text).compactMap { f in f.count == 2 ? (f[0], f[1]) : nil }
    }

    /// (code a directory may carry, authority that places children there): districts of two-tier
    /// counties and codes retired by reorganisations.
    static func lowerTierCodes(_ text: String) -> [(String, String)] {
        rows(text).compactMap { f in f.count == 4 ? (f[0], f[2]) : nil }
    }

    /// Every UK area code (fixtures/geo/uk-areas.csv): the authorities and counties with their centres,
    /// and the districts and retired codes with the authority that places children there.
    static func ukAreas(_ text: String) -> (authorities: [Authority], lowerTierCodes: [(String, String)]) {
        var authorities: [Authority] = []
        var lower: [(String, String)] = []
        for f in rows(text) {
            guard f.count == 7, let nation = Nation(rawValue: f[2]),
                  let easting = Double(f[5]), let northing = Double(f[6]) else { continue }
            if f[3] == f[0] {
                authorities.append(Authority(code: f[0], name: f[1], welshName: nil, nation: nation,
                                             centroid: OSGrid.wgs84(easting: easting, northing: northing)))
            } else {
                lower.append((f[0], f[3]))
            }
        }
        return (authorities, lower)
    }

    static func districts(_ text: String) -> [DistrictCentroid] {
        rows(text).compactMap { f in
            guard f.count == 4, let lat = Double(f[1]), let lon = Double(f[2]) else { return nil }
            return DistrictCentroid(district: f[0], coordinate: Coordinate(latitude: lat, longitude: lon),
                                    authorityCode: f[3])
        }
    }
}

/// Approximate centre of a postcode district (outward code) and the authority
/// most of it lies in. Districts can straddle authorities and even the border.
public struct DistrictCentroid: Sendable, Hashable, Codable {
    public var district: String
    public var coordinate: Coordinate
    public var authorityCode: String

    public init(district: String, coordinate: Coordinate, authorityCode: String) {
        self.district = district
        self.coordinate = coordinate
        self.authorityCode = authorityCode
    }
}
