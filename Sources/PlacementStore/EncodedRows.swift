import GRDB

/// Records turned into column values before the write lock is taken, so the locked part of an import
/// is only SQLite's own work: one prepared INSERT run once a row. (Encoding a child, with its JSON lists,
/// costs more than inserting it.)
struct EncodedRows {
    let table: String
    let columns: [String]
    let rows: [[DatabaseValue]]

    init<Record: PersistableRecord>(_ records: [Record]) throws {
        table = Record.databaseTableName
        let dictionaries = try records.map { try $0.databaseDictionary }
        let names = dictionaries.first.map { $0.keys.sorted() } ?? []
        columns = names
        rows = dictionaries.map { dictionary in names.map { dictionary[$0] ?? .null } }
    }

    func insert(in db: Database) throws {
        guard !rows.isEmpty else { return }
        let names = columns.map { "\"\($0)\"" }.joined(separator: ", ")
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let statement = try db.makeStatement(sql: "INSERT INTO \"\(table)\" (\(names)) VALUES (\(marks))")
        for row in rows {
            // As many values as placeholders, by construction.
            statement.setUncheckedArguments(StatementArguments(row))
            try statement.execute()
        }
    }
}

/// An import's records, encoded in the order their references need (as `RecordBatch.insert`).
struct EncodedBatch {
    let parts: [EncodedRows]

    init(_ batch: RecordBatch) throws {
        parts = [
            try EncodedRows(batch.providers.map(ProviderRecord.init)),
            try EncodedRows(batch.children.map(ChildRecord.init)),
            try EncodedRows(batch.vacancies.map(VacancyRecord.init)),
            try EncodedRows(batch.placements.map(PlacementRecord.init)),
        ]
    }

    func insert(in db: Database) throws {
        for part in parts { try part.insert(in: db) }
    }
}
