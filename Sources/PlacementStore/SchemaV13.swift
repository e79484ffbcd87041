import GRDB

/// v13: a row log, so a reload reads only the rows a commit changed. Each insert, update or delete of a
/// logged table records the row's id with the table's change counter (`table_versions`, v4) at that moment,
/// one entry per row, replaced on its next change; a reader that saw counter N reads the rows logged at N
/// or later (`StoreSnapshot`, `RowSelection.changed`). The beds, the placements and the children: the large
/// tables, where a colleague's one change otherwise re-reads tens of thousands of rows.
extension Schema {
    static let loggedTables = ["vacancies", "placements", "children"]

    static func v13(_ db: Database) throws {
        try db.execute(sql: """
            CREATE TABLE row_log (
                tbl TEXT NOT NULL,
                id TEXT NOT NULL,
                version INTEGER NOT NULL,
                PRIMARY KEY (tbl, id)
            ) WITHOUT ROWID;
            CREATE INDEX row_log_by_version ON row_log(tbl, version);
            """)
        for table in loggedTables {
            // Delete then insert, not INSERT OR REPLACE: a trigger's conflict clause gives way to the outer
            // statement's (an outer INSERT OR IGNORE would leave an entry's counter behind).
            func log(_ row: String) -> String {
                """
                DELETE FROM row_log WHERE tbl = '\(table)' AND id = \(row).id;
                INSERT INTO row_log (tbl, id, version)
                    VALUES ('\(table)', \(row).id, (SELECT version FROM table_versions WHERE name = '\(table)'));
                """
            }
            try db.execute(sql: """
                CREATE TRIGGER \(table)_logged_insert AFTER INSERT ON \(table) BEGIN \(log("NEW")) END;
                CREATE TRIGGER \(table)_logged_update AFTER UPDATE ON \(table) BEGIN \(log("NEW")) END;
                CREATE TRIGGER \(table)_logged_rename AFTER UPDATE OF id ON \(table) WHEN OLD.id IS NOT NEW.id
                    BEGIN \(log("OLD")) END;
                CREATE TRIGGER \(table)_logged_delete AFTER DELETE ON \(table) BEGIN \(log("OLD")) END;
                """)
        }
    }
}
