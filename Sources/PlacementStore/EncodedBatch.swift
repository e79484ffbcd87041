import GRDB
import PlacementCore

/// A batch's rows as the values bound to each INSERT: records located in the postcode directory, masks and
/// list columns computed. An import encodes in a read transaction before it takes the write lock, so the
/// locked part only checks references and inserts.
struct EncodedBatch {
    var providers: [StatementArguments] = []
    var children: [StatementArguments] = []
    var vacancies: [StatementArguments] = []
    var placements: [StatementArguments] = []
    var notices: [StatementArguments] = []
    var contacts: [StatementArguments] = []
    /// The store as the values were computed from it: compared again under the write lock.
    let basis: EncodingBasis
}

/// What encoded values depend on in the store: the postcode directory (a row of `table_versions` that
/// every postcode write bumps), the stored providers' places (their change counter, only for a batch with
/// beds whose provider is already stored) and the schema (need bits change only by migration).
struct EncodingBasis: Equatable {
    let postcodes: Int
    let providers: Int?
    let schema: Int

    static func read(for batch: RecordBatch, in db: Database) throws -> EncodingBasis {
        func version(_ name: String) throws -> Int {
            try Int.fetchOne(db.cachedStatement(sql: "SELECT version FROM table_versions WHERE name = ?"), arguments: [name]) ?? 0
        }
        let needsStoredProviders = !RecordLocator.storedProvidersWithoutBedPostcode(batch).isEmpty
        return EncodingBasis(postcodes: try version(PostcodeVersion.name),
                             providers: needsStoredProviders ? try version("providers") : nil,
                             schema: try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0)
    }
}

/// The postcode directory's change counter: a row of `table_versions` (no trigger, so no migration), bumped
/// by every write to `postcodes` in the same transaction.
enum PostcodeVersion {
    static let name = "postcodes"

    static func bump(in db: Database) throws {
        try db.execute(sql: """
            INSERT INTO table_versions (name, version) VALUES ('\(name)', 1)
            ON CONFLICT (name) DO UPDATE SET version = version + 1
            """)
    }
}

/// Computes each record's column values against the store as `db` sees it: the postcode directory rows the
/// batch needs are read once, at `init`.
struct RecordEncoder {
    private let bits: NeedBits
    private var locator: RecordLocator

    /// `batch.postcodes` are not written here: a batch carrying postcodes is encoded after they are inserted.
    init(for batch: RecordBatch, in db: Database) throws {
        bits = try NeedBits.load(db)
        locator = try RecordLocator(postcodes: try RecordLocator.postcodes(of: batch, in: db), providers: batch.providers, in: db)
    }

    func provider(_ p: Provider) throws -> StatementArguments {
        StatementArguments(try ProviderRow.arguments(p, location: locator.provider(p), bits: bits))
    }

    func child(_ c: Child) throws -> StatementArguments {
        StatementArguments(try ChildRow.arguments(c, home: locator.home(c), bits: bits))
    }

    /// A bed whose provider is stored, not in the batch, is located at that provider's place (read from `db`).
    mutating func vacancy(_ v: Vacancy, in db: Database) throws -> StatementArguments {
        StatementArguments(try VacancyRow.arguments(v, location: try locator.bed(v, in: db), bits: bits))
    }

    static func placement(_ p: Placement) -> StatementArguments { StatementArguments(PlacementRow.arguments(p)) }
    static func notice(_ n: ProviderNotice) -> StatementArguments { StatementArguments(NoticeRow.arguments(n)) }
    static func contact(_ c: Contact) -> StatementArguments { StatementArguments(ContactRow.arguments(c)) }
}

extension PlacementDatabase {
    /// Encodes every record of `batch` (see `RecordEncoder`), noting the basis it was computed from.
    static func encode(_ batch: RecordBatch, in db: Database) throws -> EncodedBatch {
        var encoded = EncodedBatch(basis: try EncodingBasis.read(for: batch, in: db))
        var encoder = try RecordEncoder(for: batch, in: db)
        encoded.providers = try batch.providers.map(encoder.provider)
        encoded.children = try batch.children.map(encoder.child)
        encoded.vacancies = try batch.vacancies.map { try encoder.vacancy($0, in: db) }
        encoded.placements = batch.placements.map(RecordEncoder.placement)
        encoded.notices = batch.notices.map(RecordEncoder.notice)
        encoded.contacts = batch.contacts.map(RecordEncoder.contact)
        return encoded
    }

    /// Inserts encoded rows, parents before the rows that refer to them (children before vacancies: a hold
    /// names a child).
    static func insert(_ encoded: EncodedBatch, audit: AuditEntry?, in db: Database) throws {
        try insertRows(ProviderRow.table, ProviderRow.written, encoded.providers, in: db)
        try insertRows(ChildRow.table, ChildRow.written, encoded.children, in: db)
        try insertRows(VacancyRow.table, VacancyRow.written, encoded.vacancies, in: db)
        try insertRows(PlacementRow.table, PlacementRow.written, encoded.placements, in: db)
        try insertRows(NoticeRow.table, NoticeRow.written, encoded.notices, in: db)
        try insertRows(ContactRow.table, ContactRow.written, encoded.contacts, in: db)
        if let audit { try append(audit, in: db) }
    }

    /// As above, encoding each record just before its insert: nothing but the batch is held in memory (the
    /// demo's 500,000 beds), for writes that are inside their transaction anyway.
    static func encodeAndInsert(_ batch: RecordBatch, audit: AuditEntry?, in db: Database) throws {
        var encoder = try RecordEncoder(for: batch, in: db)
        for p in batch.providers { try insertRow(ProviderRow.table, ProviderRow.written, try encoder.provider(p), in: db) }
        for c in batch.children { try insertRow(ChildRow.table, ChildRow.written, try encoder.child(c), in: db) }
        for v in batch.vacancies { try insertRow(VacancyRow.table, VacancyRow.written, try encoder.vacancy(v, in: db), in: db) }
        for p in batch.placements { try insertRow(PlacementRow.table, PlacementRow.written, RecordEncoder.placement(p), in: db) }
        for n in batch.notices { try insertRow(NoticeRow.table, NoticeRow.written, RecordEncoder.notice(n), in: db) }
        for c in batch.contacts { try insertRow(ContactRow.table, ContactRow.written, RecordEncoder.contact(c), in: db) }
        if let audit { try append(audit, in: db) }
    }

    private static func insertRows(_ table: String, _ columns: [String], _ rows: [StatementArguments], in db: Database) throws {
        guard !rows.isEmpty else { return }
        let statement = try insertStatement(table, columns, in: db)
        for row in rows {
            // Each row was built from the same column list: the argument check can be skipped safely.
            statement.setUncheckedArguments(row)
            try statement.execute()
        }
    }

    private static func insertRow(_ table: String, _ columns: [String], _ row: StatementArguments, in db: Database) throws {
        let statement = try insertStatement(table, columns, in: db)
        statement.setUncheckedArguments(row)
        try statement.execute()
    }

    private static func insertStatement(_ table: String, _ columns: [String], in db: Database) throws -> Statement {
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        return try db.cachedStatement(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks))")
    }
}
