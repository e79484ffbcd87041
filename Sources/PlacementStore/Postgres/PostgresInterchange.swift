import Foundation
import GRDB
import PlacementCore

/// Import and export on PostgreSQL through the shared interchange code: the file is parsed and checked as
/// for SQLite (`PlacementDatabase.prepareImport`), then references are checked and rows inserted in one
/// transaction; exports are the same text from the same reads.
extension PostgresStore {
    public func importFileReporting(_ kind: RecordKind, from url: URL, user: String, today: Day) throws -> ImportReport {
        if kind == .postcodes {
            var rows: [PostcodeRow] = []
            let format = try Interchange.readPostcodeFile(url) { rows += $0 }
            try insert(RecordBatch(postcodes: rows),
                       audit: AuditEntry(user: user, action: "import", recordType: "postcodes", recordID: nil,
                                         detail: "\(rows.count) postcodes from a \(format) file"))
            return ImportReport(imported: rows.count, rowsRead: rows.count, dataLines: nil)
        }
        let (parsed, audit) = try PlacementDatabase.prepareImport(kind, from: url, user: user, today: today)
        try write { tx in
            try PlacementDatabase.checkReferences(parsed, kind: kind, file: url.path) { table in
                Set(try tx.rows("SELECT id FROM \(table)").map { $0[0] as String })
            }
            try Self.insert(parsed.batch, audit: audit, in: tx)
        }
        return parsed.report
    }

    /// As SQLite's (`SSDA903Import.swift`): the files read and checked first, then one transaction reads the
    /// providers, directory rows and stored children it needs and writes the batch.
    public func importSSDA903(header: URL, episodes: URL, uasc: URL?, authority: String?, user: String,
                              today: Day) throws -> SSDA903ImportReport {
        let read = try SSDA903BatchBuilder.readFiles(header: header, episodes: episodes, uasc: uasc, authority: authority)
        return try write { tx in
            let reads = PostgresReads(tx: tx)
            var builder = SSDA903BatchBuilder(return: read, headerFile: header.path, episodesFile: episodes.path,
                                              authority: authority, providers: try reads.providers(bits: reads.needBits()).values,
                                              today: today)
            let directory = try PostgresWorkflow(tx: tx).directoryRows(builder.postcodes)
            try builder.build(directory: directory, storedChildren: Set(try tx.rows("SELECT id FROM children").map { $0[0] as String }))
            try Self.insert(builder.batch, audit: builder.audit(user: user), in: tx)
            return builder.finalReport
        }
    }

    public func export(_ kind: RecordKind, format: ExportFormat, user: String, formulas: FormulaCells) throws -> String {
        let (text, count) = try exportText(kind, format: format, formulas: formulas, postcodes: allPostcodes)
        try audit(action: "export", recordType: kind.rawValue, recordID: nil, detail: "\(count) records as \(format.rawValue)", user: user)
        return text
    }

    /// Every stored postcode in order (byte order, as SQLite's).
    public func allPostcodes() throws -> [StoredPostcode] {
        try read { tx in
            try tx.rows(#"SELECT postcode, latitude, longitude, authority_code FROM postcodes ORDER BY postcode COLLATE "C""#).map {
                StoredPostcode(postcode: $0[0], latitude: $0[1], longitude: $0[2], authorityCode: $0[3])
            }
        }
    }
}
