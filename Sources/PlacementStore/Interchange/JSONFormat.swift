import Foundation
import PlacementCore

enum JSONFormat {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity",
                                                                     negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let raw = try decoder.singleValueContainer().decode(String.self)
            guard let date = parsedTimestamp(raw) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                        debugDescription: "not a timestamp with offset"))
            }
            return date
        }
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity",
                                                                       negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }

    /// The physical line on which each element of the top-level array starts.
    static func elementLines(_ data: Data) -> [Int] {
        var lines: [Int] = []
        var line = 1, depth = 0, inString = false, escaped = false, expectingValue = false
        var previousCR = false
        for byte in data {
            if byte == 13 || (byte == 10 && !previousCR) { line += 1 }
            previousCR = byte == 13
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true }
                else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case 9, 10, 13, 32: continue
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                if depth == 1 && expectingValue { lines.append(line); expectingValue = false }
                depth += 1
                if depth == 1 { expectingValue = true }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
            case UInt8(ascii: ","):
                if depth == 1 { expectingValue = true }
            default:
                if depth == 1 && expectingValue { lines.append(line); expectingValue = false }
                if byte == UInt8(ascii: "\"") { inString = true }
            }
        }
        return lines
    }

    static func importError(_ error: DecodingError, data: Data, file: String, personal: Bool) -> ImportError {
        let context: DecodingError.Context
        var message: String
        switch error {
        case .typeMismatch(let type, let c): context = c; message = "has the wrong type (expected \(describe(type)))"
        case .valueNotFound(let type, let c): context = c; message = "is missing (expected \(describe(type)))"
        case .keyNotFound(let key, let c):
            context = DecodingError.Context(codingPath: c.codingPath + [key], debugDescription: c.debugDescription)
            message = "is missing"
        case .dataCorrupted(let c):
            context = c
            message = c.codingPath.isEmpty ? "is not valid JSON (an array of records)" : "is not a valid value"
            // Our own messages (dates, timestamps) never carry the value; Foundation's may.
            if c.debugDescription.hasPrefix("not a ") { message = "is " + c.debugDescription }
        @unknown default:
            return ImportError(file: file, line: 1, message: "cannot be read")
        }
        _ = personal
        let path = context.codingPath
        guard let first = path.first, let index = first.intValue else {
            return ImportError(file: file, line: syntaxErrorLine(context) ?? 1, message: message)
        }
        let lines = elementLines(data)
        let line = index < lines.count ? lines[index] : 1
        let column = path.dropFirst().map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
        return ImportError(file: file, line: line, column: column.isEmpty ? nil : column, message: "record \(index + 1) " + message)
    }

    /// Foundation's JSON parser says "around line N" in its underlying error; use it when there.
    static func syntaxErrorLine(_ context: DecodingError.Context) -> Int? {
        guard let underlying = context.underlyingError else { return nil }
        let text = String(describing: underlying)
        guard let range = text.range(of: "line ") else { return nil }
        let digits = text[range.upperBound...].prefix(while: \.isNumber)
        return Int(digits)
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "text"
        case is Int.Type: "a whole number"
        case is Double.Type: "a number"
        case is Bool.Type: "true or false"
        default: "\(type)".contains("Array") ? "a list" : "an object"
        }
    }
}

extension Interchange {
    /// Pretty-printed JSON with sorted keys, dates as `YYYY-MM-DD` and timestamps as ISO 8601 (UTC).
    public static func json(_ values: some Encodable) -> String {
        do {
            return String(decoding: try JSONFormat.encoder().encode(values), as: UTF8.self) + "\n"
        } catch {
            // Domain values always encode (non-finite numbers are written as strings).
            preconditionFailure("JSON export failed: \(error)")
        }
    }

    /// Reads a JSON array written by `json(_:)`. Providers, vacancies, children and placements get
    /// the same record checks and unique-id rule as CSV import; errors name the line on which the
    /// bad record starts and the field path.
    public static func read<T: Decodable>(json: Data, as: [T].Type, file: String) throws(ImportError) -> [T] {
        try read(json: json, as: [T].self, file: file, today: .todayInUK())
    }

    public static func read<T: Decodable>(json: Data, as: [T].Type, file: String, today: Day) throws(ImportError) -> [T] {
        let personal = T.self == Child.self
        if let line = JSONFormat.lineOfEscapedNUL(json) {
            throw ImportError(file: file, line: line, message: "holds a NUL character (\\u0000); refused (is the file damaged?)")
        }
        let values: [T]
        do {
            values = try JSONFormat.decoder().decode([T].self, from: json)
        } catch let error as DecodingError {
            throw JSONFormat.importError(error, data: json, file: file, personal: personal)
        } catch {
            throw ImportError(file: file, line: 1, message: "is not valid JSON")
        }
        let check: ((T) -> [DomainIssue], (T) -> String)? = switch values {
        case is [Provider]: ({ RecordChecks.provider($0 as! Provider) }, { ($0 as! Provider).id })
        case is [Vacancy]: ({ RecordChecks.vacancy($0 as! Vacancy, today: today) }, { ($0 as! Vacancy).id })
        case is [Child]: ({ RecordChecks.child($0 as! Child, today: today) }, { ($0 as! Child).id })
        case is [Placement]: ({ RecordChecks.placement($0 as! Placement) }, { ($0 as! Placement).id })
        default: nil
        }
        guard let (issues, id) = check else { return values }
        lazy var lines = JSONFormat.elementLines(json)
        var seen: [String: Int] = [:]
        for (index, value) in values.enumerated() {
            let line = index < lines.count ? lines[index] : 1
            if let issue = issues(value).first {
                throw ImportError(file: file, line: line, column: issue.field, message: "record \(index + 1) \(issue.problem)")
            }
            if let first = seen[id(value)] {
                throw ImportError(file: file, line: line, column: "id",
                                  message: "record \(index + 1) repeats the id of record \(first + 1); ids must be unique in the file")
            }
            seen[id(value)] = index
        }
        return values
    }
}

extension JSONFormat {
    /// The line of the first `\u0000` escape, which would decode to a NUL in a string.
    static func lineOfEscapedNUL(_ json: Data) -> Int? {
        let needle = Array("\\u0000".utf8)
        let bytes = [UInt8](json)
        guard bytes.count >= needle.count else { return nil }
        var line = 1
        var i = 0
        while i <= bytes.count - needle.count {
            if bytes[i] == 10 { line += 1 }
            // A preceding backslash escapes this one ("\\u0000" is the text \u0000, harmless).
            if bytes[i] == 92 {
                if bytes[i + 1] == 92 { i += 2; continue }
                if Array(bytes[i..<(i + needle.count)]) == needle { return line }
            }
            i += 1
        }
        return nil
    }
}

extension Day {
    /// Today's date in the UK.
    static func todayInUK(now: Date = Date()) -> Day {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = ukTimeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1) ?? Day(daysSinceEpoch: 0)
    }
}
