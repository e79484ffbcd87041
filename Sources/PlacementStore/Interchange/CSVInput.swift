import Foundation

/// Longest field accepted, in characters. Anything longer is a broken quote or not our file.
let maximumFieldLength = 10_000

/// Rows of one CSV file with the physical line each starts on; read failures become `ImportError`s
/// naming the file, the line and (once the header is known) the column.
struct CSVRowSource {
    private var reader: CSVByteReader
    let file: String
    private var readFailed: () -> Bool
    /// The header, once read, to name the column of a failure.
    var header: HeaderMap?

    init(data: Data, file: String) {
        reader = CSVByteReader(data: data)
        self.file = file
        readFailed = { false }
    }

    init(handle: FileHandle, file: String) {
        final class Flag: @unchecked Sendable { var raised = false }
        let flag = Flag()
        reader = CSVByteReader(handle: handle, failed: { flag.raised = true })
        self.file = file
        readFailed = { flag.raised }
    }

    var row: CSVByteReader { reader }

    /// Moves to the next row; false at the end of the file.
    mutating func next() throws(ImportError) -> Bool {
        let more: Bool
        do { more = try reader.next() } catch { throw importError(error) }
        if readFailed() { throw ImportError(file: file, line: reader.line, message: "could not be read") }
        return more
    }

    private func columnName(_ field: Int) -> String { header?.columnName(field) ?? "\(field + 1)" }

    private func importError(_ failure: CSVReadFailure) -> ImportError {
        switch failure {
        case .invalidUTF8(let line):
            return ImportError(file: file, line: line, message: "is not valid UTF-8 text (save the file as \"CSV UTF-8\")")
        case .unclosedQuote(let line, let field):
            return ImportError(file: file, line: line, column: columnName(field),
                               message: "a quote opened on this line is never closed")
        case .fieldTooLong(let line, let field):
            return ImportError(file: file, line: line, column: columnName(field),
                               message: "field is longer than \(maximumFieldLength) characters (is a quote left open?)")
        case .unreadable:
            return ImportError(file: file, line: reader.line, message: "could not be read")
        }
    }
}

/// A header mapped to column positions, found by name (case-insensitive, surrounding spaces ignored).
struct HeaderMap {
    let file: String
    let names: [String]
    let index: [String: Int]

    init(header: [String], line: Int, schema: FileLayout, file: String) throws(ImportError) {
        self.file = file
        var index: [String: Int] = [:]
        var names: [String] = []
        let known = Set(schema.columns.map(\.name))
        for (i, raw) in header.enumerated() {
            if raw.count > maximumFieldLength {
                throw ImportError(file: file, line: line, message: "header field \(i + 1) is longer than \(maximumFieldLength) characters")
            }
            let name = raw.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
            names.append(name)
            guard known.contains(name) else { continue }   // unknown extra columns are ignored
            if index[name] != nil {
                throw ImportError(file: file, line: line, column: name, message: "column appears twice in the header")
            }
            index[name] = i
        }
        for column in schema.columns where column.required && index[column.name] == nil {
            throw ImportError(file: file, line: line, column: column.name, message: "required column is missing from the header")
        }
        self.names = names
        self.index = index
    }

    /// How a message names the column at `position`: its header name when it is one the format reads
    /// (other header text may be anything, line breaks included), else its number.
    func columnName(_ position: Int) -> String {
        position < names.count && index[names[position]] == position ? names[position] : "\(position + 1)"
    }
}

/// Reads every data row of `source` against `schema`, calling `body` with each non-blank row.
/// Only the columns the schema reads become text; the others are checked as bytes and left empty.
func readRecords(_ source: inout CSVRowSource, schema: FileLayout,
                 _ body: (CSVRecord) throws(ImportError) -> Void) throws(ImportError) {
    guard try source.next(), !(source.row.fieldCount == 1 && source.row.isBlank(0)) else {
        throw ImportError(file: source.file, line: 1, message: "file is empty: the first line must be the header row")
    }
    let header = (0..<source.row.fieldCount).map(source.row.string)
    let map = try HeaderMap(header: header, line: source.row.line, schema: schema, file: source.file)
    source.header = map
    let readColumns = map.index.values.sorted()
    var fields = [String](repeating: "", count: map.names.count)
    while try source.next() {
        let row = source.row
        let line = row.line
        for i in 0..<row.fieldCount where row.fieldByteCount(i) > maximumFieldLength && row.string(i).count > maximumFieldLength {
            throw ImportError(file: source.file, line: line, column: map.columnName(i),
                              message: "field is longer than \(maximumFieldLength) characters (is a quote left open?)")
        }
        // Spreadsheets leave blank rows (",,,,"); skip them.
        if (0..<row.fieldCount).allSatisfy(row.isBlank) { continue }
        if row.fieldCount > map.names.count,
           (map.names.count..<row.fieldCount).contains(where: { !row.string($0).trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ImportError(file: source.file, line: line,
                              message: "row has \(row.fieldCount) fields but the header has \(map.names.count)")
        }
        if fields.count != row.fieldCount { fields = [String](repeating: "", count: row.fieldCount) }
        for i in readColumns where i < row.fieldCount { fields[i] = row.string(i) }
        try body(CSVRecord(file: source.file, line: line, fields: fields, header: map, personal: schema.personal))
    }
}

/// Reads in-memory CSV: checks UTF-8 first (reporting the line of the first bad byte), drops a BOM.
func readRecords(_ data: Data, file: String, schema: FileLayout,
                 _ body: (CSVRecord) throws(ImportError) -> Void) throws(ImportError) {
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    guard String(validating: bytes, as: UTF8.self) != nil else {
        throw ImportError(file: file, line: lineOfFirstInvalidUTF8(bytes),
                          message: "is not valid UTF-8 text (save the file as \"CSV UTF-8\")")
    }
    var source = CSVRowSource(data: data, file: file)
    try readRecords(&source, schema: schema, body)
}

/// The physical line holding the first byte that breaks UTF-8.
func lineOfFirstInvalidUTF8(_ bytes: Data.SubSequence) -> Int {
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    var line = 1
    var previousCR = false
    loop: while true {
        switch decoder.decode(&iterator) {
        case .scalarValue(let scalar):
            if scalar == "\r" { line += 1; previousCR = true }
            else { if scalar == "\n" && !previousCR { line += 1 }; previousCR = false }
        case .emptyInput: break loop
        case .error: break loop
        }
    }
    return line
}
