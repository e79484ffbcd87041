import Foundation
import PlacementCore

public enum ExportFormat: String, CaseIterable, Sendable {
    case csv, json
}

extension PlacementDatabase {
    /// The whole of one kind as CSV (which imports back) or JSON; the export is recorded in the audit trail.
    /// CSV cells a spreadsheet would run as formulas are neutralised unless `formulas` is `.raw`.
    public func export(_ kind: RecordKind, format: ExportFormat, user: String, formulas: FormulaCells) throws -> String {
        let (text, count) = try exportText(kind, format: format, formulas: formulas, postcodes: allPostcodes)
        try audit(action: "export", recordType: kind.rawValue, recordID: nil, detail: "\(count) records as \(format.rawValue)", user: user)
        return text
    }
}

extension PlacementStoring {
    /// The export's text and record count, from the store's own reads (either backend).
    func exportText(_ kind: RecordKind, format: ExportFormat, formulas: FormulaCells,
                    postcodes: () throws -> [StoredPostcode]) throws -> (text: String, count: Int) {
        switch kind {
        case .providers:
            let all = try providers()
            return (format == .csv ? Interchange.csv(providers: all, formulas: formulas) : Interchange.json(all), all.count)
        case .vacancies:
            let all = try vacancies()
            return (format == .csv ? Interchange.csv(vacancies: all, formulas: formulas) : Interchange.json(all), all.count)
        case .children:
            let all = try children()
            return (format == .csv ? Interchange.csv(children: all, formulas: formulas) : Interchange.json(all), all.count)
        case .placements:
            let all = try placements()
            return (format == .csv ? Interchange.csv(placements: all, formulas: formulas) : Interchange.json(all), all.count)
        case .postcodes:
            let all = try postcodes()
            return (format == .csv ? Interchange.csv(postcodes: all) : Interchange.json(all), all.count)
        case .notices:
            let all = try notices()
            return (format == .csv ? Interchange.csv(notices: all, formulas: formulas) : Interchange.json(all), all.count)
        case .contacts:
            let all = try contacts()
            return (format == .csv ? Interchange.csv(contacts: all, formulas: formulas) : Interchange.json(all), all.count)
        }
    }
}
