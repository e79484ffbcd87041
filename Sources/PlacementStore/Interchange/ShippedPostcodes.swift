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
        var reader = ShippedPostcodeReader(data: data, file: file)
        while let row = try reader.next() { rows.append(row) }
        return rows
    }

    /// Whether `import postcodes` is given a file in the shipped format rather than a directory CSV: its first
    /// byte is a comment (`#`) or a group line (`=`), which no CSV header begins with.
    static func isShippedPostcodeFile(_ url: URL) -> Bool {
        guard let handle = try? FileHandle(forReadingFrom: url) else { return false }
        defer { try? handle.close() }
        let first = (try? handle.read(upToCount: 1))?.first
        return first == UInt8(ascii: "#") || first == UInt8(ascii: "=")
    }

    /// What `import postcodes` reads, in batches of `batchSize` rows: a directory CSV (streamed, see
    /// `readPostcodes`) or a file in the shipped format (mapped, not copied, and parsed a row at a time).
    /// Returns the file's kind, for the audit entry.
    static func readPostcodeFile(_ url: URL, batchSize: Int = 50_000,
                                 _ body: ([PostcodeRow]) throws -> Void) throws -> String {
        guard isShippedPostcodeFile(url) else {
            try readPostcodes(url, batchSize: batchSize, body)
            return "CSV"
        }
        guard let data = try? Data(contentsOf: url, options: .alwaysMapped) else {
            throw ImportError(file: url.path, line: 0, message: "cannot be opened or read")
        }
        var reader = ShippedPostcodeReader(data: data, file: url.path)
        var batch: [PostcodeRow] = []
        batch.reserveCapacity(min(max(1, batchSize), 100_000))
        while let row = try reader.next() {
            batch.append(row)
            if batch.count >= batchSize {
                try body(batch)
                batch.removeAll(keepingCapacity: true)
            }
        }
        if !batch.isEmpty { try body(batch) }
        return "shipped-format"
    }
}

/// The shipped format's rows one at a time, each line's failure naming that line.
struct ShippedPostcodeReader {
    private let data: Data
    private let file: String
    private var position: Data.Index
    private var sector = "", authority = ""
    private var easting = 0, northing = 0
    private var lineNumber = 0
    private var first = false

    init(data: Data, file: String) {
        self.data = data
        self.file = file
        position = data.startIndex
    }

    /// The next postcode, or nil at the end of the file.
    mutating func next() throws(ImportError) -> PostcodeRow? {
        while position < data.endIndex {
            let end = data[position...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            let rawLine = data[position..<end]
            position = end < data.endIndex ? data.index(after: end) : end
            lineNumber += 1
            if let row = try parse(rawLine) { return row }
        }
        return nil
    }

    private mutating func parse(_ rawLine: Data) throws(ImportError) -> PostcodeRow? {
        if rawLine.isEmpty || rawLine.first == UInt8(ascii: "#") { return nil }
        let fields = rawLine.split(separator: UInt8(ascii: " "))
        func fail(_ message: String) -> ImportError { ImportError(file: file, line: lineNumber, message: message) }
        if rawLine.first == UInt8(ascii: "=") {
            // "=CF10 1 W06000015": sector (outward + space + digit) and authority.
            guard fields.count == 3 else { throw fail("a group line is '=SECTOR AUTHORITY', e.g. '=CF10 1 W06000015'") }
            sector = String(decoding: fields[0].dropFirst(), as: UTF8.self) + " " + String(decoding: fields[1], as: UTF8.self)
            authority = String(decoding: fields[2], as: UTF8.self)
            guard isAuthorityCode(authority) else { throw fail("\(authority) is not a local authority ONS code") }
            first = true
            return nil
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
        return PostcodeRow(postcode: postcode, latitude: c.latitude, longitude: c.longitude, authorityCode: authority)
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
