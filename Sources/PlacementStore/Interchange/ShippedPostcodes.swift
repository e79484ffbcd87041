import Foundation
import PlacementCore

/// Reads `fixtures/geo/postcodes-wales-border.txt`, the postcodes Placefinder ships (every postcode of
/// Wales and of the English authorities bordering it; format in the file's header and docs/geography.md).
/// Plain text, one postcode a line, grid references delta-coded within a postcode sector: 2.3 MB for
/// 212,000 postcodes, readable and diffable in git without a decompressor.
extension Interchange {
    public static func readShippedPostcodes(_ url: URL) throws(ImportError) -> [PostcodeRow] {
        let file = url.path
        guard let data = try? Data(contentsOf: url) else {
            throw ImportError(file: file, line: 0, message: "cannot be opened or read")
        }
        return try parseShippedPostcodes(data, file: file)
    }

    static func parseShippedPostcodes(_ data: Data, file: String) throws(ImportError) -> [PostcodeRow] {
        var rows: [PostcodeRow] = []
        rows.reserveCapacity(data.count / 10)
        var sector = "", authority = ""
        var easting = 0, northing = 0
        var lineNumber = 0
        var first = false
        for rawLine in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if rawLine.isEmpty || rawLine.first == UInt8(ascii: "#") { continue }
            let fields = rawLine.split(separator: UInt8(ascii: " "))
            func fail(_ message: String) -> ImportError { ImportError(file: file, line: lineNumber, message: message) }
            if rawLine.first == UInt8(ascii: "=") {
                // "=CF10 1 W06000015": sector (outward + space + digit) and authority.
                guard fields.count == 3 else { throw fail("a group line is '=SECTOR AUTHORITY', e.g. '=CF10 1 W06000015'") }
                sector = String(decoding: fields[0].dropFirst(), as: UTF8.self) + " " + String(decoding: fields[1], as: UTF8.self)
                authority = String(decoding: fields[2], as: UTF8.self)
                guard isAuthorityCode(authority) else { throw fail("\(authority) is not a local authority ONS code") }
                first = true
                continue
            }
            guard !sector.isEmpty else { throw fail("a postcode line comes before any '=SECTOR AUTHORITY' line") }
            guard fields.count == 1 || fields.count == 3, fields[0].count == 2 else {
                throw fail("a postcode line is 'UNIT EASTING NORTHING', e.g. 'AA 318284 176230'")
            }
            if fields.count == 3 {
                guard let de = Int(String(decoding: fields[1], as: UTF8.self)),
                      let dn = Int(String(decoding: fields[2], as: UTF8.self)) else {
                    throw fail("easting and northing must be whole metres")
                }
                easting = first ? de : easting + de
                northing = first ? dn : northing + dn
            } else if first {
                throw fail("the first postcode of a group needs its easting and northing")
            }
            first = false
            guard let postcode = normalisedPostcode(sector + String(decoding: fields[0], as: UTF8.self)) else {
                throw fail("\(sector)\(String(decoding: fields[0], as: UTF8.self)) is not a postcode")
            }
            guard OSGrid.isOnGrid(easting: Double(easting), northing: Double(northing)) else {
                throw fail("\(easting) \(northing) is outside the National Grid")
            }
            let c = OSGrid.wgs84(easting: Double(easting), northing: Double(northing))
            rows.append(PostcodeRow(postcode: postcode, latitude: c.latitude, longitude: c.longitude, authorityCode: authority))
        }
        return rows
    }
}

extension PlacementDatabase {
    /// Stores the shipped postcodes (one transaction) and locates any records already stored at them.
    /// No audit entry of its own: the command that creates the store records it in its entry.
    @discardableResult
    public func installShippedPostcodes(_ rows: [PostcodeRow]) throws -> Int {
        try write { db in
            let written = try Self.insertPostcodes(rows, in: db)
            try DerivedColumns.relocateAll(db)
            return written
        }
    }
}
