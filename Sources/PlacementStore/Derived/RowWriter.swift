import GRDB
import PlacementCore

/// Inserts and updates of whole records through cached prepared statements (bulk loads insert 500,000 rows),
/// every derived v4 column computed here and nowhere else.
enum RowWriter {
    static func insert(_ table: String, _ columns: [String], _ values: [(any DatabaseValueConvertible)?], in db: Database) throws {
        let marks = Array(repeating: "?", count: columns.count).joined(separator: ", ")
        let statement = try db.cachedStatement(sql: "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(marks))")
        statement.setUncheckedArguments(StatementArguments(values))
        try statement.execute()
    }

    /// Every column but the id, matched on the id (the first column).
    static func update(_ table: String, _ columns: [String], _ values: [(any DatabaseValueConvertible)?], in db: Database) throws {
        let sets = columns.dropFirst().map { "\($0) = ?" }.joined(separator: ", ")
        let statement = try db.cachedStatement(sql: "UPDATE \(table) SET \(sets) WHERE \(columns[0]) = ?")
        statement.setUncheckedArguments(StatementArguments(Array(values.dropFirst()) + [values[0]]))
        try statement.execute()
    }
}

extension PlacementDatabase {
    static func insertChild(_ c: Child, locator: RecordLocator, bits: NeedBits, in db: Database) throws {
        try RowWriter.insert(ChildRow.table, ChildRow.written, ChildRow.arguments(c, home: locator.home(c), bits: bits), in: db)
    }

    static func saveChild(_ c: Child, in db: Database) throws {
        let locator = try RecordLocator(postcodes: [c.homePostcode], in: db)
        try RowWriter.update(ChildRow.table, ChildRow.written, ChildRow.arguments(c, home: locator.home(c), bits: try NeedBits.load(db)), in: db)
    }

    /// Inserts (`isNew`) or updates one vacancy, located again (one record: cheap, and the rule stays in one place).
    static func saveVacancy(_ v: Vacancy, isNew: Bool, in db: Database) throws {
        let providerPostcode = try String.fetchOne(db, sql: "SELECT postcode FROM providers WHERE id = ?", arguments: [v.providerID])
        var locator = try RecordLocator(postcodes: [v.postcode, providerPostcode].compactMap { $0 }, in: db)
        let values = try VacancyRow.arguments(v, location: try locator.bed(v, in: db), bits: try NeedBits.load(db))
        if isNew {
            try RowWriter.insert(VacancyRow.table, VacancyRow.written, values, in: db)
        } else {
            try RowWriter.update(VacancyRow.table, VacancyRow.written, values, in: db)
        }
    }

    static func insertPlacement(_ p: Placement, in db: Database) throws {
        try RowWriter.insert(PlacementRow.table, PlacementRow.written, PlacementRow.arguments(p), in: db)
    }

    static func updatePlacement(_ p: Placement, in db: Database) throws {
        try RowWriter.update(PlacementRow.table, PlacementRow.written, PlacementRow.arguments(p), in: db)
    }

    static func insertNotice(_ n: ProviderNotice, in db: Database) throws {
        try RowWriter.insert(NoticeRow.table, NoticeRow.written, NoticeRow.arguments(n), in: db)
    }

    static func insertContact(_ c: Contact, in db: Database) throws {
        try RowWriter.insert(ContactRow.table, ContactRow.written, ContactRow.arguments(c), in: db)
    }
}
