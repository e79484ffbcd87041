import Foundation

/// The first thing wrong with an import file, pointing at the physical line and the column.
///
/// Messages say what is wrong with a field, never the personal value in it: rows about children
/// never echo their values, and other rows echo only codes, numbers and provider postcodes.
public struct ImportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file as the caller named it; `description` shows its last path component.
    public let file: String
    /// Physical line in the file (the header is line 1; quoted fields holding newlines count
    /// every line they span). 0 when the problem concerns the whole file (it cannot be opened).
    public let line: Int
    /// The column (header name) at fault, when one is.
    public let column: String?
    public let message: String

    public init(file: String, line: Int, column: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        let name = file.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? file
        var text = name
        if line > 0 { text += " line \(line)" }
        if let column { text += (line > 0 ? "," : "") + " column \(column)" }
        let oneLine = message.replacingOccurrences(of: "\r", with: " ").replacingOccurrences(of: "\n", with: " ")
        return text + ": " + oneLine
    }
}

/// The kinds of file Placefinder imports and exports.
public enum RecordKind: String, CaseIterable, Sendable {
    case providers, vacancies, children, placements, postcodes
    /// Export only: recorded through the workflow (`notice add`, `call add`), never imported.
    case notices, contacts

    /// Whether files of this kind can be imported.
    public var importable: Bool { self != .notices && self != .contacts }

    /// The conventional file name, e.g. `providers.csv`.
    public var fileName: String { rawValue + ".csv" }

    /// The columns in export order. For `postcodes`, the ONSPD columns Placefinder reads.
    public var columns: [String] { schema.columns.map(\.name) }

    /// Columns an import file must have (their cells may still be optional).
    public var requiredColumns: [String] { schema.columns.filter(\.required).map(\.name) }

    var schema: FileLayout {
        switch self {
        case .providers: ProviderFormat.schema
        case .vacancies: VacancyFormat.schema
        case .children: ChildFormat.schema
        case .placements: PlacementFormat.schema
        case .postcodes: PostcodeFormat.schema
        case .notices: NoticeFormat.schema
        case .contacts: ContactFormat.schema
        }
    }
}

/// One column of a format: its header name and whether the header must contain it.
struct ColumnSpec: Sendable {
    let name: String
    let required: Bool
    /// Written on export, ignored on import (e.g. authority names beside codes).
    let exportOnly: Bool
    init(_ name: String, required: Bool = false, exportOnly: Bool = false) {
        self.name = name
        self.required = required
        self.exportOnly = exportOnly
    }
}

struct FileLayout: Sendable {
    let columns: [ColumnSpec]
    /// Rows about a person whose values must never appear in error messages.
    let personal: Bool
}
