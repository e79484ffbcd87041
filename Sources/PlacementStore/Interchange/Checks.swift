import Foundation
import PlacementCore

/// Whole-record checks shared by CSV and JSON import: the domain's own `issues(...)` plus the
/// formats the files promise (postcodes, authority codes, ids, need codes). Field names are the
/// CSV column names. Problems for children never include the child's values.
enum RecordChecks {
    static func id(_ id: String, field: String = "id") -> [DomainIssue] {
        id.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? [.init(field: field, problem: "is required but empty")] : []
    }

    static func postcode(_ value: String, field: String, show: Bool) -> [DomainIssue] {
        normalisedPostcode(value) == value ? []
            : [.init(field: field, problem: (show ? "\"\(value)\" " : "") + "is not a UK postcode written like CF10 1AA")]
    }

    static func authority(_ value: String, field: String, show: Bool) -> [DomainIssue] {
        isAuthorityCode(value) ? []
            : [.init(field: field, problem: (show ? "\"\(value)\" " : "") + "is not a local authority ONS code (e.g. W06000015)")]
    }

    static func provider(_ p: Provider) -> [DomainIssue] {
        id(p.id) + postcode(p.postcode, field: "postcode", show: true)
            + authority(p.authorityCode, field: "authority_code", show: true) + p.issues()
            + (p.inspection.map { $0.rating.isPublished(by: p.regulator) } == false
                ? [.init(field: "inspection_rating", problem: "\(p.inspection!.rating.rawValue) is not a rating \(p.regulator.rawValue) publishes")] : [])
    }

    /// `today`, when given, bounds how far ahead a hold may lapse.
    static func vacancy(_ v: Vacancy, today: Day? = nil) -> [DomainIssue] {
        var found = id(v.id) + id(v.providerID, field: "provider_id")
        if let code = v.postcode { found += postcode(code, field: "postcode", show: true) }
        found += v.issues()
        if let hold = v.hold {
            found += id(hold.childID, field: "hold_child_id") + id(hold.officer, field: "hold_officer")
        }
        if let today { found += v.holdIssues(today: today) }
        return found
    }

    static func child(_ c: Child, today: Day) -> [DomainIssue] {
        var found = id(c.id) + postcode(c.homePostcode, field: "home_postcode", show: false)
            + authority(c.placingAuthority, field: "placing_authority", show: false)
        if let school = c.schoolPostcode { found += postcode(school, field: "school_postcode", show: false) }
        for (i, code) in c.safeguarding.avoidAuthorities.enumerated() where !isAuthorityCode(code) {
            found.append(.init(field: "avoid_authorities", problem: "item \(i + 1) is not a local authority ONS code"))
        }
        for (i, area) in c.safeguarding.avoidAreas.enumerated() where normalisedPostcode(area.postcode) != area.postcode {
            found.append(.init(field: "avoid_areas", problem: "item \(i + 1) is not a UK postcode written like CF10 1AA"))
        }
        var seen = Set<String>()
        for (i, need) in c.needs.enumerated() {
            if !NeedCatalogue.standard.contains(need.code) {
                found.append(.init(field: "needs", problem: "item \(i + 1) is not a need code in the catalogue"))
            } else if !seen.insert(need.code).inserted {
                found.append(.init(field: "needs", problem: "item \(i + 1) repeats a need code"))
            }
        }
        if let group = c.siblingGroup { found += id(group.groupID, field: "sibling_group") }
        // The domain's need problems name the code; ours above do not, so drop its duplicates.
        found += c.issues(today: today).filter { $0.field != "needs" }
        return found
    }

    static func placement(_ p: Placement) -> [DomainIssue] {
        id(p.id) + id(p.childID, field: "child_id") + id(p.providerID, field: "provider_id") + p.issues
    }
}

/// Reads every row of a CSV with `parse`, then checks it and that its id is new in the file.
func readAll<T>(_ data: Data, file: String, schema: FileLayout, id: (T) -> String,
                check: (T) -> [DomainIssue],
                parse: (CSVRecord) throws(ImportError) -> T) throws(ImportError) -> [T] {
    try readAllWithLines(data, file: file, schema: schema, id: id, check: check, parse: parse).values
}

/// What a CSV import read, so the command can say it: rows against lines, nothing silently lost.
struct ReadTally: Sendable, Equatable {
    /// Data rows that became records (blank spreadsheet rows are not counted).
    var rows = 0
    /// Physical lines after the header that hold data.
    var dataLines = 0
}

/// As `readAll`, also returning the line each id stands on, so later checks (references into the
/// store) can point at the line too, and the tally of rows read.
///
/// The file's rows are first counted from its bytes (`RowCensus`), independently of the reader,
/// and the reader must then deliver exactly that many: an unterminated quote that swallows the
/// rest of the file into one field, or a reader that stops early, is an error rather than a
/// silent loss of rows.
func readAllWithLines<T>(_ data: Data, file: String, schema: FileLayout, id: (T) -> String,
                         check: (T) -> [DomainIssue],
                         parse: (CSVRecord) throws(ImportError) -> T) throws(ImportError)
-> (values: [T], lines: [String: Int], tally: ReadTally) {
    // The reader itself refuses a quote left open at the end of the file, naming where it opened.
    let census = RowCensus(data)
    var values: [T] = []
    var firstLine: [String: Int] = [:]
    try readRecords(data, file: file, schema: schema) { (record: CSVRecord) throws(ImportError) in
        if let i = record.fields.firstIndex(where: containsNUL) {
            let column = i < record.header.names.count ? record.header.names[i] : "\(i + 1)"
            throw record.fail(column, "holds a NUL byte; refused (is the file binary or damaged?)")
        }
        let value = try parse(record)
        if let issue = check(value).first { throw record.fail(issue.field, issue.problem) }
        let key = id(value)
        if let first = firstLine[key] {
            throw record.fail("id", "\(record.shown(key))is already used on line \(first); ids must be unique in the file")
        }
        firstLine[key] = record.line
        values.append(value)
    }
    if values.count != census.dataRowLines.count {
        let unread = census.dataRowLines.first { !firstLine.values.contains($0) } ?? census.dataRowLines.last ?? 1
        throw ImportError(file: file, line: unread,
                          message: "the file holds \(census.dataRowLines.count) rows but \(values.count) were read; nothing was imported")
    }
    return (values, firstLine, ReadTally(rows: values.count, dataLines: census.dataLines))
}

/// The rows of a CSV file counted from its bytes with RFC 4180's quoting rule (a `"` at the start
/// of a field opens a quoted field, `""` inside is a quote, a lone `"` closes it); CR, LF and CRLF
/// each end one physical line. This is the independent count the reader's rows are checked against.
struct RowCensus {
    /// The line each row after the header starts on, for rows holding anything but separators,
    /// white space and quotes (the reader skips such blank rows too).
    private(set) var dataRowLines: [Int] = []
    /// Physical lines spanned by the rows in `dataRowLines`.
    private(set) var dataLines = 0

    init(_ data: Data) {
        var bytes = data[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        var line = 1, rowStart = 1, rowIndex = 0
        var quoted = false, quoteJustClosed = false, atFieldStart = true, hasData = false, previousCR = false

        func endRow() {
            if rowIndex > 0 && hasData {
                dataRowLines.append(rowStart)
                dataLines += line - rowStart + 1
            }
            rowIndex += 1
            hasData = false
            atFieldStart = true
        }

        for byte in bytes {
            let isLF = byte == 10, isCR = byte == 13
            let continuesCRLF = isLF && previousCR
            previousCR = isCR
            if quoted {
                if byte == 34 {
                    quoted = false
                    quoteJustClosed = true
                } else {
                    if (isCR || isLF) && !continuesCRLF { line += 1 }
                    if !(isCR || isLF || byte == 32 || byte == 9) { hasData = true }
                }
                continue
            }
            if byte == 34 && quoteJustClosed {
                // `""` inside a quoted field: an escaped quote, still inside.
                quoted = true
                quoteJustClosed = false
                hasData = true
                continue
            }
            quoteJustClosed = false
            switch byte {
            case 34 where atFieldStart:
                quoted = true
                atFieldStart = false
            case 44:
                atFieldStart = true
            case 10, 13:
                if continuesCRLF { continue }
                endRow()
                line += 1
                rowStart = line
            case 32, 9:
                break
            default:
                hasData = true
                atFieldStart = false
            }
        }
        if !quoted { endRow() }
    }
}

/// What one import did: records written against rows and lines read, so a loss would show.
public struct ImportReport: Sendable, Equatable {
    public let imported: Int
    public let rowsRead: Int
    /// Physical lines after the header holding data (nil for streamed postcode files).
    public let dataLines: Int?

    /// `5 rows read from 5 lines, 5 imported`
    public var summary: String { summary(.en) }

    /// The summary in `language` (`cli.import.summary*`).
    public func summary(_ language: Language) -> String {
        let values = ["rows": String(rowsRead), "lines": dataLines.map(String.init) ?? "", "imported": String(imported)]
        let message: Message = switch (rowsRead == 1, dataLines) {
        case (_, nil): rowsRead == 1 ? .cliImportSummaryRow : .cliImportSummaryRows
        case (true, 1?): .cliImportSummaryRowLine
        case (true, _?): .cliImportSummaryRowLines
        case (false, 1?): .cliImportSummaryRowsLine
        case (false, _?): .cliImportSummaryRowsLines
        }
        return message.text(language, values)
    }
}
