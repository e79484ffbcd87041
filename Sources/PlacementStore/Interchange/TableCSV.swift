/// Any table as CSV through the export's writer (RFC 4180, CRLF), formula-like cells neutralised:
/// for reports, which are read in spreadsheets but never imported.
public enum TableCSV {
    public static func text(header: [String], rows: [[String]]) -> String {
        csvText(header: header, rows: rows, formulas: .neutralised)
    }
}
