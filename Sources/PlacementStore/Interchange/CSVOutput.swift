import PlacementCore
import CSV
import Foundation

/// Writes a header and rows with yaslab's CSVWriter: comma separator, CRLF record ends
/// (RFC 4180), fields holding a quote, comma or line break quoted with doubled quotes.
func csvText(header: [String], rows: [[String]]) -> String {
    let stream = OutputStream(toMemory: ())
    let data: Data
    do {
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: header)
        for row in rows { try writer.write(row: row) }
        data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        withExtendedLifetime(writer) {}
    } catch {
        // An in-memory stream has nowhere to fail; reaching this is a programming error.
        preconditionFailure("CSV export to memory failed: \(error)")
    }
    return String(decoding: data, as: UTF8.self) + "\r\n"
}

/// Cells for export.
enum Cell {
    static func list(_ items: [String]) -> String { items.joined(separator: ";") }
    static func bool(_ value: Bool) -> String { value ? "yes" : "no" }
    static func number(_ value: Double) -> String {
        // Swift prints the shortest text that reads back to the same Double; drop a bare ".0".
        let text = String(value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
    static func optional(_ value: String?) -> String { value ?? "" }
}

/// The hook for authority names in exports: a function from ONS code to name. Import ignores the
/// name columns.
public typealias AuthorityNaming = (String) -> String?

public enum AuthorityNames {
    /// The name column is written empty.
    public static func none(_ code: String) -> String? { nil }
    /// English names from the embedded geography (the default for exports).
    public static func geography(_ code: String) -> String? { Geography.wales.authority(code: code)?.name }
}
