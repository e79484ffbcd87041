import Foundation

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

    /// The row as a live postcode, or nil for a row to skip: terminated (`doterm` set), without
    /// coordinates (empty, or ONSPD's 99.999999/0.000000 "no grid reference" placeholder), or in
    /// a pseudo-authority (Channel Islands L99999999, Isle of Man M99999999, or empty).
    static func parse(_ r: CSVRecord) throws(ImportError) -> PostcodeRow? {
        if r.optional("doterm") != nil { return nil }
        guard let latText = r.optional("lat"), let longText = r.optional("long") else { return nil }
        let postcode = try r.postcode("pcds")
        guard let lat = parsedNumber(latText) else { throw r.fail("lat", "\(r.shown(latText))is not a number") }
        guard let long = parsedNumber(longText) else { throw r.fail("long", "\(r.shown(longText))is not a number") }
        if lat > 90 { return nil }  // 99.999999: no grid reference
        guard (-90...90).contains(lat), (-180...180).contains(long) else {
            throw r.fail("long", "\(long) is not a longitude between -180 and 180")
        }
        let code = r.text("oslaua").uppercased()
        if code.isEmpty || code.hasSuffix("99999999") { return nil }
        guard isAuthorityCode(code) else { throw r.fail("oslaua", "\(r.shown(code))is not a local authority ONS code") }
        return PostcodeRow(postcode: postcode, latitude: lat, longitude: long, authorityCode: code)
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
        let stop = ImportError(file: file, line: -1, message: "stopped by the caller")
        do {
            try readRecords(&source, schema: PostcodeFormat.schema) {
                (record: CSVRecord) throws(ImportError) in
                guard let row = try PostcodeFormat.parse(record) else { return }
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
