import Foundation
import GRDB
import PlacementCore

/// Imports one file into the store, all or nothing. Everything that can be done without the write lock is:
/// the whole file is parsed and checked, then its records are encoded (located in the postcode directory,
/// masks and list columns computed) in a read transaction. The write transaction checks references and
/// inserts; it encodes again only if the directory (or, for beds, a stored provider) changed in between.
extension PlacementDatabase {
    /// As `importFile`, also saying how many rows and lines were read (see `ImportReport`).
    public func importFileReporting(_ kind: RecordKind, from url: URL, user: String, today: Day) throws -> ImportReport {
        try importFileReporting(kind, from: url, user: user, today: today, beforeWrite: {})
    }

    /// `beforeWrite` runs after encoding, just before the write transaction begins (tests change the store there).
    func importFileReporting(_ kind: RecordKind, from url: URL, user: String, today: Day,
                             beforeWrite: () throws -> Void) throws -> ImportReport {
        guard kind.importable else {
            throw ImportError(file: url.path, line: 0, message: "\(kind.rawValue) are recorded through the workflow (notice add, call add), not imported")
        }
        if kind == .postcodes {
            let written = try importPostcodes(from: url, user: user)
            return ImportReport(imported: written, rowsRead: written, dataLines: nil)
        }
        let (parsed, audit) = try Self.prepareImport(kind, from: url, user: user, today: today)
        let file = url.path
        let encoded = try read { db in try Self.encode(parsed.batch, in: db) }
        try beforeWrite()
        try write { db in
            try Self.checkReferences(parsed, kind: kind, file: file, in: db)
            let unchanged = try EncodingBasis.read(for: parsed.batch, in: db) == encoded.basis
            try Self.insert(unchanged ? encoded : Self.encode(parsed.batch, in: db), audit: audit, in: db)
        }
        return parsed.report
    }

    /// What both backends do before their write transaction: refuse what cannot be imported, read and parse the
    /// whole file (all of it or nothing), and word the audit entry. Postcodes are read by the caller.
    static func prepareImport(_ kind: RecordKind, from url: URL, user: String, today: Day) throws -> (parsed: ParsedFile, audit: AuditEntry) {
        guard kind.importable else {
            throw ImportError(file: url.path, line: 0, message: "\(kind.rawValue) are recorded through the workflow (notice add, call add), not imported")
        }
        let file = url.path
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw ImportError(file: file, line: 0, message: "cannot be opened or read")
        }
        let parsed = try Self.parse(kind, data: data, file: file, json: url.pathExtension.lowercased() == "json", today: today)
        // Not the file's name: officers name files after children, and the audit log can never be corrected.
        let audit = AuditEntry(user: user, action: "import", recordType: kind.rawValue, recordID: nil,
                               detail: "\(parsed.count) records from a \(url.pathExtension.lowercased() == "json" ? "JSON" : "CSV") file")
        return (parsed, audit)
    }

    struct ParsedFile {
        var batch = RecordBatch()
        /// The line each id stands on (CSV only; JSON records are named by id).
        var lines: [String: Int] = [:]
        /// Rows and lines read (CSV only).
        var tally: ReadTally?
        var count: Int {
            batch.providers.count + batch.vacancies.count + batch.children.count + batch.placements.count
        }
        var report: ImportReport { ImportReport(imported: count, rowsRead: tally?.rows ?? count, dataLines: tally?.dataLines) }
    }

    static func parse(_ kind: RecordKind, data: Data, file: String, json: Bool, today: Day) throws(ImportError) -> ParsedFile {
        var parsed = ParsedFile()
        switch (kind, json) {
        case (.providers, false):
            (parsed.batch.providers, parsed.lines, parsed.tally) = try readAllWithLines(data, file: file, schema: ProviderFormat.schema, id: \.id,
                                                                          check: RecordChecks.provider, parse: ProviderFormat.parse)
        case (.vacancies, false):
            (parsed.batch.vacancies, parsed.lines, parsed.tally) = try readAllWithLines(data, file: file, schema: VacancyFormat.schema, id: \.id,
                                                                          check: { RecordChecks.vacancy($0, today: today) }, parse: VacancyFormat.parse)
        case (.children, false):
            (parsed.batch.children, parsed.lines, parsed.tally) = try readAllWithLines(data, file: file, schema: ChildFormat.schema, id: \.id,
                                                                         check: { RecordChecks.child($0, today: today) }, parse: ChildFormat.parse)
        case (.placements, false):
            (parsed.batch.placements, parsed.lines, parsed.tally) = try readAllWithLines(data, file: file, schema: PlacementFormat.schema, id: \.id,
                                                                           check: RecordChecks.placement, parse: PlacementFormat.parse)
        case (.providers, true): parsed.batch.providers = try Interchange.read(json: data, as: [Provider].self, file: file, today: today)
        case (.vacancies, true): parsed.batch.vacancies = try Interchange.read(json: data, as: [Vacancy].self, file: file, today: today)
        case (.children, true): parsed.batch.children = try Interchange.read(json: data, as: [Child].self, file: file, today: today)
        case (.placements, true): parsed.batch.placements = try Interchange.read(json: data, as: [Placement].self, file: file, today: today)
        case (.postcodes, _), (.notices, _), (.contacts, _): break
        }
        return parsed
    }

    /// Every id the file refers to must exist in the store (or, for new ids, must not yet).
    static func checkReferences(_ parsed: ParsedFile, kind: RecordKind, file: String, in db: Database) throws {
        try checkReferences(parsed, kind: kind, file: file) { table in Set(try String.fetchAll(db, sql: "SELECT id FROM \(table)")) }
    }

    /// As above, with `ids` giving every id stored in a table (either backend, inside its write transaction).
    static func checkReferences(_ parsed: ParsedFile, kind: RecordKind, file: String, ids: (String) throws -> Set<String>) throws {
        func fail(_ id: String, _ column: String, _ message: String) -> ImportError {
            if let line = parsed.lines[id] { return ImportError(file: file, line: line, column: column, message: message) }
            return ImportError(file: file, line: 0, column: column, message: "record \(id): " + message)
        }
        let table = kind.rawValue
        let existing = try ids(table)
        let newIDs: [String] = parsed.batch.providers.map(\.id) + parsed.batch.vacancies.map(\.id)
            + parsed.batch.children.map(\.id) + parsed.batch.placements.map(\.id)
        for id in newIDs where existing.contains(id) {
            throw fail(id, "id", "\(id) is already in the store (import adds new records only)")
        }
        if !parsed.batch.vacancies.isEmpty {
            let providers = try ids("providers"), children = try ids("children")
            for v in parsed.batch.vacancies {
                if !providers.contains(v.providerID) { throw fail(v.id, "provider_id", "no provider \(v.providerID) in the store") }
                if let hold = v.hold, !children.contains(hold.childID) { throw fail(v.id, "hold_child_id", "no child \(hold.childID) in the store") }
            }
        }
        if !parsed.batch.placements.isEmpty {
            let providers = try ids("providers"), children = try ids("children"), vacancies = try ids("vacancies")
            for p in parsed.batch.placements {
                if !children.contains(p.childID) { throw fail(p.id, "child_id", "no child \(p.childID) in the store") }
                if !providers.contains(p.providerID) { throw fail(p.id, "provider_id", "no provider \(p.providerID) in the store") }
                if let v = p.vacancyID, !vacancies.contains(v) { throw fail(p.id, "vacancy_id", "no vacancy \(v) in the store") }
            }
        }
    }
}
