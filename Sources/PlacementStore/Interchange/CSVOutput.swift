import PlacementCore
import CSV
import Foundation

/// Writes a header and rows with yaslab's CSVWriter: comma separator, CRLF record ends
/// (RFC 4180), fields holding a quote, comma or line break quoted with doubled quotes.
/// Cells that a spreadsheet would run as a formula are neutralised unless `formulas` is `.raw`.
func csvText(header: [String], rows: [[String]], formulas: FormulaCells = .neutralised) -> String {
    let stream = OutputStream(toMemory: ())
    let data: Data
    do {
        let writer = try CSVWriter(stream: stream, newline: .crlf)
        try writer.write(row: header)
        for row in rows {
            try writer.write(row: formulas == .raw ? row : row.map(FormulaCells.neutralise))
        }
        data = stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data ?? Data()
        withExtendedLifetime(writer) {}
    } catch {
        // An in-memory stream has nowhere to fail; reaching this is a programming error.
        preconditionFailure("CSV export to memory failed: \(error)")
    }
    return String(decoding: data, as: UTF8.self) + "\r\n"
}

/// Formula injection (OWASP "CSV Injection"): officers open exports in Excel, which runs a cell
/// beginning `=`, `+`, `-` or `@` (or a tab or CR before one) as a formula. A neutralised export
/// puts a single quote before such a cell, which Excel and LibreOffice show as text and hide.
///
/// Exactly which cells, so that export → import is the identity: a cell is *at risk* when, after
/// any number of leading `'`, it starts with `=`, `+`, `-`, `@`, tab or CR, and it is not a plain
/// decimal number (so `-3.5` in a numeric column is left alone). Export prefixes one `'` to every
/// cell at risk; import removes one leading `'` from every cell that is a `'` followed by a cell
/// at risk. A cell such as `'Tis` is at risk of neither and passes both ways unchanged.
public enum FormulaCells: String, Sendable, CaseIterable {
    case neutralised, raw

    static let triggers: Set<Character> = ["=", "+", "-", "@", "\t", "\r", "\r\n"]

    static func isAtRisk(_ cell: Substring) -> Bool {
        guard let first = cell.first(where: { $0 != "'" }), triggers.contains(first) else { return false }
        return parsedNumber(String(cell)) == nil
    }

    static func neutralise(_ cell: String) -> String {
        isAtRisk(cell[...]) ? "'" + cell : cell
    }

    /// Undoes `neutralise`; applied to every imported cell.
    static func restore(_ cell: String) -> String {
        cell.first == "'" && isAtRisk(cell.dropFirst()) ? String(cell.dropFirst()) : cell
    }
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
