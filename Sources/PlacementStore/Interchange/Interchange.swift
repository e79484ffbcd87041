import Foundation
import PlacementCore

/// Import and export of Placefinder's files: CSV for officers editing in a spreadsheet (see
/// docs/data-format.md) and JSON for whole-store exports. Files in, domain values out, and back:
/// writing to the store is the store's job (in one transaction, so a bad row imports nothing).
public enum Interchange {
    // MARK: CSV import. The first bad row stops the read with its ImportError.

    public static func readProviders(_ data: Data, file: String) throws(ImportError) -> [Provider] {
        try readAll(data, file: file, schema: ProviderFormat.schema, id: \.id, check: RecordChecks.provider,
                    parse: ProviderFormat.parse)
    }

    /// `today`, when given, refuses holds lapsing more than `Limits.holdDays` after it.
    public static func readVacancies(_ data: Data, file: String, today: Day? = nil) throws(ImportError) -> [Vacancy] {
        try readAll(data, file: file, schema: VacancyFormat.schema, id: \.id, check: { RecordChecks.vacancy($0, today: today) },
                    parse: VacancyFormat.parse)
    }

    /// `today` decides whether a date of birth is in the future or out of the supported ages.
    public static func readChildren(_ data: Data, file: String, today: Day) throws(ImportError) -> [Child] {
        try readAll(data, file: file, schema: ChildFormat.schema, id: \.id,
                    check: { RecordChecks.child($0, today: today) }, parse: ChildFormat.parse)
    }

    public static func readPlacements(_ data: Data, file: String) throws(ImportError) -> [Placement] {
        try readAll(data, file: file, schema: PlacementFormat.schema, id: \.id, check: RecordChecks.placement,
                    parse: PlacementFormat.parse)
    }

    // MARK: CSV export: header row in the documented order, CRLF line ends, RFC 4180 quoting.

    /// `authorityName` fills the `authority_name` column (import ignores it); empty by default.
    /// `formulas`: cells a spreadsheet would run are neutralised unless `.raw` (see `FormulaCells`).
    public static func csv(providers: [Provider], authorityName: AuthorityNaming = AuthorityNames.geography,
                           formulas: FormulaCells = .neutralised) -> String {
        csvText(header: RecordKind.providers.columns, rows: providers.map { ProviderFormat.row($0, authorityName: authorityName) },
                formulas: formulas)
    }

    public static func csv(vacancies: [Vacancy], formulas: FormulaCells = .neutralised) -> String {
        csvText(header: RecordKind.vacancies.columns, rows: vacancies.map(VacancyFormat.row), formulas: formulas)
    }

    /// `authorityName` fills the `placing_authority_name` column (import ignores it); empty by default.
    public static func csv(children: [Child], authorityName: AuthorityNaming = AuthorityNames.geography,
                           formulas: FormulaCells = .neutralised) -> String {
        csvText(header: RecordKind.children.columns, rows: children.map { ChildFormat.row($0, authorityName: authorityName) },
                formulas: formulas)
    }

    public static func csv(placements: [Placement], formulas: FormulaCells = .neutralised) -> String {
        csvText(header: RecordKind.placements.columns, rows: placements.map(PlacementFormat.row), formulas: formulas)
    }
}
