import Foundation
import PlacementCore

/// One data row, with typed accessors that throw an `ImportError` naming the line and column.
///
/// Cells are trimmed of surrounding white space. When the row is `personal` (children), messages
/// never include the cell's value.
struct CSVRecord {
    let file: String
    let line: Int
    let fields: [String]
    let header: HeaderMap
    let personal: Bool

    func fail(_ column: String?, _ message: String) -> ImportError {
        ImportError(file: file, line: line, column: column, message: message)
    }

    /// `"value" ` quoted for messages, or nothing for personal rows.
    func shown(_ value: String) -> String {
        if personal { return "" }
        let cut = value.count > 40 ? String(value.prefix(40)) + "…" : value
        return "\"\(cut)\" "
    }

    /// The trimmed cell, "" when the column is absent or the row is short; a quote that a
    /// neutralised export put before a formula-like cell is removed (`FormulaCells.restore`).
    func text(_ column: String) -> String {
        guard let i = header.index[column], i < fields.count else { return "" }
        let field = fields[i]
        // Most cells have no surrounding space: skip Foundation's trim (millions of ONSPD cells).
        if let first = field.utf8.first, let last = field.utf8.last,
           first > 32, first < 128, last > 32, last < 128 { return FormulaCells.restore(field) }
        return FormulaCells.restore(field.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    func optional(_ column: String) -> String? {
        let value = text(column)
        return value.isEmpty ? nil : value
    }

    func required(_ column: String) throws(ImportError) -> String {
        guard let value = optional(column) else { throw fail(column, "is required but empty") }
        return value
    }

    func int(_ column: String) throws(ImportError) -> Int {
        try parseInt(column, try required(column))
    }

    func optionalInt(_ column: String) throws(ImportError) -> Int? {
        guard let raw = optional(column) else { return nil }
        return try parseInt(column, raw)
    }

    private func parseInt(_ column: String, _ raw: String) throws(ImportError) -> Int {
        guard let value = Int(raw) else { throw fail(column, "\(shown(raw))is not a whole number") }
        return value
    }

    func double(_ column: String) throws(ImportError) -> Double {
        try parseDouble(column, try required(column))
    }

    func optionalDouble(_ column: String) throws(ImportError) -> Double? {
        guard let raw = optional(column) else { return nil }
        return try parseDouble(column, raw)
    }

    private func parseDouble(_ column: String, _ raw: String) throws(ImportError) -> Double {
        guard let value = parsedNumber(raw) else { throw fail(column, "\(shown(raw))is not a number") }
        return value
    }

    func bool(_ column: String, default fallback: Bool) throws(ImportError) -> Bool {
        guard let raw = optional(column) else { return fallback }
        switch raw.lowercased() {
        case "yes", "y", "true", "1": return true
        case "no", "n", "false", "0": return false
        default: throw fail(column, "\(shown(raw))is not yes or no")
        }
    }

    func enumValue<E: RawRepresentable & CaseIterable>(_ column: String, _ type: E.Type) throws(ImportError) -> E
    where E.RawValue == String {
        try parseEnum(column, try required(column), type)
    }

    func optionalEnum<E: RawRepresentable & CaseIterable>(_ column: String, _ type: E.Type) throws(ImportError) -> E?
    where E.RawValue == String {
        guard let raw = optional(column) else { return nil }
        return try parseEnum(column, raw, type)
    }

    func parseEnum<E: RawRepresentable & CaseIterable>(_ column: String, _ raw: String, _ type: E.Type,
                                                       item: Int? = nil) throws(ImportError) -> E
    where E.RawValue == String {
        if let value = E(rawValue: raw) { return value }
        // Spreadsheet users type "Foster" or "ciw"; accept a case-insensitive match.
        if let value = E.allCases.first(where: { $0.rawValue.lowercased() == raw.lowercased() }) { return value }
        let expected = E.allCases.map(\.rawValue).joined(separator: ", ")
        let which = item.map { "item \($0) " } ?? ""
        throw fail(column, "\(which)\(shown(raw))is not a known value; expected one of: \(expected)")
    }

    func day(_ column: String) throws(ImportError) -> Day {
        try parseDay(column, try required(column))
    }

    func optionalDay(_ column: String) throws(ImportError) -> Day? {
        guard let raw = optional(column) else { return nil }
        return try parseDay(column, raw)
    }

    private func parseDay(_ column: String, _ raw: String) throws(ImportError) -> Day {
        guard let day = Day(iso: raw) else { throw fail(column, "\(shown(raw))is not a valid date (YYYY-MM-DD)") }
        return day
    }

    func timestamp(_ column: String) throws(ImportError) -> Date {
        try parseTimestamp(column, try required(column))
    }

    func optionalTimestamp(_ column: String) throws(ImportError) -> Date? {
        guard let raw = optional(column) else { return nil }
        return try parseTimestamp(column, raw)
    }

    private func parseTimestamp(_ column: String, _ raw: String) throws(ImportError) -> Date {
        guard let date = parsedTimestamp(raw) else {
            throw fail(column, "\(shown(raw))is not a timestamp with offset (e.g. 2025-06-03T09:30:00+01:00)")
        }
        return date
    }

    func postcode(_ column: String) throws(ImportError) -> String {
        try parsePostcode(column, try required(column))
    }

    func optionalPostcode(_ column: String) throws(ImportError) -> String? {
        guard let raw = optional(column) else { return nil }
        return try parsePostcode(column, raw)
    }

    func parsePostcode(_ column: String, _ raw: String, item: Int? = nil) throws(ImportError) -> String {
        guard let postcode = normalisedPostcode(raw) else {
            let which = item.map { "item \($0) " } ?? ""
            throw fail(column, "\(which)\(shown(raw))is not a UK postcode")
        }
        return postcode
    }

    func authority(_ column: String) throws(ImportError) -> String {
        try parseAuthority(column, try required(column))
    }

    func parseAuthority(_ column: String, _ raw: String, item: Int? = nil) throws(ImportError) -> String {
        let code = raw.uppercased()
        let which = item.map { "item \($0) " } ?? ""
        guard isAuthorityCode(code) else {
            throw fail(column, "\(which)\(shown(raw))is not a local authority ONS code (e.g. W06000015)")
        }
        // A record's authority decides its reg 12 rung: a well-formed code Placefinder does not know
        // is named, never ranked by its prefix (fixtures/geo/authorities.csv, lower-tier-codes.csv).
        guard Geography.wales.placingAuthority(code: code) != nil else {
            throw fail(column, "\(which)\(code) is not a local authority code Placefinder knows (add it to fixtures/geo)")
        }
        return code
    }

    /// A `;`-separated list; empty items are dropped.
    func list(_ column: String) -> [String] {
        splitList(text(column))
    }

    /// Need codes checked against the catalogue, each at most once.
    func needCodes(_ column: String, catalogue: NeedCatalogue = .standard) throws(ImportError) -> [String] {
        var seen = Set<String>()
        var codes: [String] = []
        for (i, raw) in list(column).enumerated() {
            let code = raw.uppercased()
            guard catalogue.contains(code) else { throw fail(column, "item \(i + 1) \(shown(raw))is not a need code in the catalogue") }
            guard seen.insert(code).inserted else { throw fail(column, "item \(i + 1) \(shown(raw))repeats a need code") }
            codes.append(code)
        }
        return codes
    }
}

func splitList(_ cell: String) -> [String] {
    cell.split(separator: ";").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
}

/// A finite decimal number ("12", "12.5", "-3.1"); rejects nan, inf and hex forms.
func parsedNumber(_ raw: String) -> Double? {
    guard raw.utf8.allSatisfy({ (48...57).contains($0) || $0 == 46 || $0 == 45 || $0 == 43 || $0 == 101 || $0 == 69 }),
          let value = Double(raw), value.isFinite else { return nil }
    return value
}

/// ISO 8601 date and time with an offset (`Z` or `+01:00`), optional fractional seconds.
/// Foundation's parser rolls 2025-02-30 over into March, so the date part is checked with `Day`.
func parsedTimestamp(_ raw: String) -> Date? {
    guard raw.count >= 20, Day(iso: String(raw.prefix(10))) != nil else { return nil }
    let last = raw.last!
    guard last == "Z" || last == "z" || raw.dropFirst(19).contains(where: { $0 == "+" || $0 == "-" }) else { return nil }
    return try? Date.ISO8601FormatStyle(includingFractionalSeconds: raw.contains(".")).parse(raw.uppercased())
}

/// Timestamps are written in UK local time with their offset, to whole seconds.
func formattedTimestamp(_ date: Date) -> String {
    Date.ISO8601FormatStyle(dateSeparator: .dash, dateTimeSeparator: .standard, timeSeparator: .colon,
                            timeZoneSeparator: .colon, includingFractionalSeconds: false,
                            timeZone: ukTimeZone).format(date)
}

let ukTimeZone = WorkflowTime.zone
