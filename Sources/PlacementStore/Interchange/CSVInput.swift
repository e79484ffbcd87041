import CSV
import Foundation

/// Longest field accepted, in characters. Anything longer is a broken quote or not our file.
let maximumFieldLength = 10_000

/// Rows from a CSV source (yaslab's CSVReader), with the physical line each row starts on.
///
/// CSVReader does not count lines, so this does: a row takes one line plus one for every line
/// break inside its quoted fields (CRLF counts once). CSVReader reports undecodable UTF-8 by
/// ending the row early and setting `error` (and, on file streams, sets `cannotReadFile` at the
/// end of the file), so `error` is checked after every row.
final class CSVRowSource {
    private let reader: CSVReader
    let file: String
    private var nextLine = 1

    init(reader: CSVReader, file: String) {
        self.reader = reader
        self.file = file
    }

    func next() throws(ImportError) -> (line: Int, fields: [String])? {
        let row = reader.next()
        let line = nextLine
        switch reader.error {
        case nil:
            break
        case CSVError.cannotReadFile?:
            // BinaryReader reports reaching the end of a file stream this way; the row is complete.
            break
        case CSVError.unicodeDecoding?:
            let partial = row.map(Self.lineBreaks(in:)) ?? 0
            throw ImportError(file: file, line: line + partial, message: "is not valid UTF-8 text (save the file as \"CSV UTF-8\")")
        default:
            throw ImportError(file: file, line: line, message: "could not be read")
        }
        guard let row else { return nil }
        nextLine += 1 + Self.lineBreaks(in: row)
        return (line, row)
    }

    static func lineBreaks(in fields: [String]) -> Int {
        var count = 0
        for field in fields {
            // Fast path: most fields hold no line break at all.
            guard field.utf8.contains(10) || field.utf8.contains(13) else { continue }
            var previousCR = false
            for byte in field.utf8 {
                if byte == 13 { count += 1; previousCR = true }
                else { if byte == 10 && !previousCR { count += 1 }; previousCR = false }
            }
        }
        return count
    }

    static func lineBreaks(in fields: [String]?) -> Int { fields.map { lineBreaks(in: $0) } ?? 0 }
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
}

/// Reads every data row of `source` against `schema`, calling `body` with each non-blank row.
func readRecords(_ source: CSVRowSource, schema: FileLayout,
                 _ body: (CSVRecord) throws(ImportError) -> Void) throws(ImportError) {
    guard let first = try source.next(),
          !(first.fields.count == 1 && first.fields[0].trimmingCharacters(in: .whitespacesAndNewlines).isEmpty) else {
        throw ImportError(file: source.file, line: 1, message: "file is empty: the first line must be the header row")
    }
    let (headerLine, header) = first
    let map = try HeaderMap(header: header, line: headerLine, schema: schema, file: source.file)
    while let (line, fields) = try source.next() {
        for (i, field) in fields.enumerated() where field.count > maximumFieldLength {
            let column = i < map.names.count ? map.names[i] : "\(i + 1)"
            throw ImportError(file: source.file, line: line, column: column,
                              message: "field is longer than \(maximumFieldLength) characters (is a quote left open?)")
        }
        // Spreadsheets leave blank rows (",,,,"); skip them.
        if fields.allSatisfy({ $0.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }) { continue }
        if fields.count > map.names.count,
           fields[map.names.count...].contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            throw ImportError(file: source.file, line: line,
                              message: "row has \(fields.count) fields but the header has \(map.names.count)")
        }
        try body(CSVRecord(file: source.file, line: line, fields: fields, header: map, personal: schema.personal))
    }
}

/// Reads in-memory CSV: checks UTF-8 first (reporting the line of the first bad byte), drops a BOM.
func readRecords(_ data: Data, file: String, schema: FileLayout,
                 _ body: (CSVRecord) throws(ImportError) -> Void) throws(ImportError) {
    var bytes = data[...]
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    guard let text = String(validating: bytes, as: UTF8.self) else {
        throw ImportError(file: file, line: lineOfFirstInvalidUTF8(bytes),
                          message: "is not valid UTF-8 text (save the file as \"CSV UTF-8\")")
    }
    let reader: CSVReader
    do { reader = try CSVReader(string: text, hasHeaderRow: false) } catch {
        throw ImportError(file: file, line: 1, message: "cannot be read as CSV")
    }
    try readRecords(CSVRowSource(reader: reader, file: file), schema: schema, body)
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
