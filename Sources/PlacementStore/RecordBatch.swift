import GRDB
import PlacementCore

/// Records to add in one transaction: all are stored, or none.
public struct RecordBatch: Sendable, Hashable {
    public var providers: [Provider]
    public var vacancies: [Vacancy]
    public var children: [Child]
    public var placements: [Placement]
    public var notices: [ProviderNotice]
    public var contacts: [Contact]
    public var postcodes: [StoredPostcode]

    public init(providers: [Provider] = [], vacancies: [Vacancy] = [], children: [Child] = [],
                placements: [Placement] = [], notices: [ProviderNotice] = [], contacts: [Contact] = [],
                postcodes: [StoredPostcode] = []) {
        self.providers = providers
        self.vacancies = vacancies
        self.children = children
        self.placements = placements
        self.notices = notices
        self.contacts = contacts
        self.postcodes = postcodes
    }

    public var isEmpty: Bool {
        providers.isEmpty && vacancies.isEmpty && children.isEmpty && placements.isEmpty
            && notices.isEmpty && contacts.isEmpty && postcodes.isEmpty
    }
}

extension PlacementDatabase {
    /// Inserts the batch in one IMMEDIATE transaction, parents before the rows that refer to them
    /// (children before vacancies because a hold names a child; postcodes before all, so records are located
    /// against them). A duplicate id or a missing reference
    /// rolls everything back. `audit`, when given, is appended in the same transaction.
    public func insert(_ batch: RecordBatch, audit: AuditEntry? = nil) throws {
        try write { db in try Self.insert(batch, audit: audit, in: db) }
    }

    static func insert(_ batch: RecordBatch, audit: AuditEntry?, in db: Database) throws {
        // The directory first, so the records below are located against it; records already stored are
        // located again when it changes.
        if !batch.postcodes.isEmpty {
            try Self.insertPostcodes(batch.postcodes, in: db)
            if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM providers) OR EXISTS (SELECT 1 FROM children)") == true {
                try DerivedColumns.relocateAll(db)
            }
        }
        try Self.encodeAndInsert(batch, audit: audit, in: db)
    }
}
