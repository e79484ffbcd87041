import Foundation
import GRDB
import PlacementCore

/// Adding records and audit entries on PostgreSQL: the rows SQLite's writes store (`…Row.arguments`, located
/// by the same `RecordLocator`), in one transaction.
extension PostgresStore {
    public func insert(_ batch: RecordBatch, audit: AuditEntry?) throws {
        try write { tx in try Self.insert(batch, audit: audit, in: tx) }
    }

    static func insert(_ batch: RecordBatch, audit: AuditEntry?, in tx: PostgresTransaction) throws {
        if !batch.postcodes.isEmpty {
            // Records already stored are located again from the directory as it now stands (PostgresPostcodes.swift).
            let holdsRecords = try tx.one(Bool.self, "SELECT EXISTS (SELECT 1 FROM providers) OR EXISTS (SELECT 1 FROM children)") == true
            try insertPostcodes(batch.postcodes, in: tx)
            if holdsRecords { try relocateAll(in: tx) }
        }
        let reads = PostgresReads(tx: tx)
        let bits = try reads.needBits()
        let locator = try locator(for: batch, in: tx)
        for provider in batch.providers {
            try insertRow(ProviderRow.table, ProviderRow.written, ProviderRow.arguments(provider, location: locator.provider(provider), bits: bits), in: tx)
        }
        for child in batch.children {
            try insertRow(ChildRow.table, ChildRow.written, ChildRow.arguments(child, home: locator.home(child), bits: bits), in: tx)
        }
        for vacancy in batch.vacancies {
            try insertRow(VacancyRow.table, VacancyRow.written, VacancyRow.arguments(vacancy, location: locator.bed(vacancy), bits: bits), in: tx)
        }
        for placement in batch.placements { try insertRow(PlacementRow.table, PlacementRow.written, PlacementRow.arguments(placement), in: tx) }
        for notice in batch.notices { try insertRow(NoticeRow.table, NoticeRow.written, NoticeRow.arguments(notice), in: tx) }
        for contact in batch.contacts { try insertRow(ContactRow.table, ContactRow.written, ContactRow.arguments(contact), in: tx) }
        if let audit { try append(audit, in: tx) }
    }

    /// The locator SQLite's insert builds, from rows read in this transaction: the directory rows the batch
    /// needs and the places of stored providers its beds belong to.
    static func locator(for batch: RecordBatch, in tx: PostgresTransaction) throws -> RecordLocator {
        let inBatch = Set(batch.providers.map(\.id))
        let storedIDs = Array(Set(batch.vacancies.map(\.providerID)).subtracting(inBatch)).sorted()
        var places: [String: (postcode: String, authority: String)] = [:]
        for chunk in chunks(storedIDs) {
            for row in try tx.rows("SELECT id, postcode, authority_code FROM providers WHERE id IN (\(placeholders(chunk.count)))", chunk) {
                places[row[0]] = (row[1], row[2])
            }
        }
        let raw = RecordLocator.postcodes(of: batch) { places[$0]?.postcode }
        var known: [String: PostcodeRecord] = [:]
        for chunk in chunks(RecordLocator.wanted(raw)) {
            let sql = "SELECT postcode, latitude, longitude, authority_code FROM postcodes WHERE postcode IN (\(placeholders(chunk.count)))"
            for row in try tx.rows(sql, chunk) {
                if let (text, record) = RecordLocator.directoryRecord(row) { known[text] = record }
            }
        }
        return RecordLocator(known: known, providers: batch.providers, storedPlaces: places)
    }

    static func chunks(_ values: [String]) -> [[String]] {
        stride(from: 0, to: values.count, by: 500).map { Array(values[$0..<min($0 + 500, values.count)]) }
    }

    static func insertRow(_ table: String, _ columns: [String], _ values: [(any DatabaseValueConvertible)?],
                          in tx: PostgresTransaction) throws {
        try tx.execute("INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(placeholders(columns.count)))", values)
    }

    /// Every column but the id, matched on the id (the first column), as SQLite's `RowWriter.update`.
    static func updateRow(_ table: String, _ columns: [String], _ values: [(any DatabaseValueConvertible)?],
                          in tx: PostgresTransaction) throws {
        let sets = columns.dropFirst().enumerated().map { "\($1) = $\($0 + 1)" }.joined(separator: ", ")
        try tx.execute("UPDATE \(table) SET \(sets) WHERE \(columns[0]) = $\(columns.count)", Array(values.dropFirst()) + [values[0]])
    }

    // MARK: audit

    /// Appends in the caller's transaction to the end of the login's own chain (its authority's, pg14), linked
    /// exactly as SQLite's (`AuditChain.link`). `placefinder_audit_next()` locks that chain until commit, so the
    /// authority's other appenders queue for its end while other authorities' do not wait, and returns the
    /// chain's tail (row-level security may hide it from the login) and a new id from the trail's sequence.
    static func append(_ entry: AuditEntry, in tx: PostgresTransaction) throws {
        guard let next = try tx.rows("SELECT id, at, hash, next_id FROM placefinder_audit_next()").first else {
            throw StoreError.unreadableValue(table: "audit_log", column: "id")
        }
        let link = AuditChain.link(entry, after: next, id: next["next_id"])
        try tx.execute("INSERT INTO audit_log (id, at, os_user, action, record_type, record_id, detail, hash) VALUES (\(placeholders(8)))",
                       link.values)
    }

    public func audit(action: String, recordType: String, recordID: String?, detail: String?, user: String) throws {
        try audit([AuditEntry(user: user, action: action, recordType: recordType, recordID: recordID, detail: detail)])
    }

    public func audit(_ entries: [AuditEntry]) throws {
        try write { tx in for entry in entries { try Self.append(entry, in: tx) } }
    }

    public func auditEntries(_ query: AuditQuery) throws -> [AuditEntry] {
        let (filter, values) = query.sql
        return try read { tx in try tx.rows(numbered("SELECT * FROM audit_log \(filter) ORDER BY id"), values).map(AuditEntry.decode) }
    }

    /// The first break in any of the audit chains (nil when every hash holds), checked by the code SQLite's check uses.
    public func auditChainBreak() throws -> AuditChainBreak? {
        try read { tx in
            try Self.requireWholeTrail(tx)
            let rows = try tx.rows(Self.chainSelect)
            return try AuditChain.firstBreak({ each in for row in rows { try each(row) } }, issued: 0)
        }
    }
}
