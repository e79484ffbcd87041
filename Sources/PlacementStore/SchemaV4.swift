import GRDB
import PlacementCore

/// v4 stores what is read: list columns also as integer bit masks (bit positions from `need_catalogue.bit`;
/// `verbatim_lists` flags the rare list the mask cannot give back exactly — another order, an unknown code,
/// ids — so only those lists' JSON is parsed),
/// days as integers, timestamps as seconds, each bed's, provider's and child's home location as located when
/// written; plus per-table change counters (a reload reads only what changed) and id counters (`nextID`
/// without a scan), both kept by triggers so every process's writes count.
extension Schema {
    /// Tables whose changes are counted in `table_versions`.
    static let countedTables = ["children", "providers", "vacancies", "placements", "notices", "contacts"]

    /// Workflow-created ids: table → prefix (N0042, V00123, K0007, PL00280).
    static let idPrefixes: [(table: String, prefix: String)] = [
        ("notices", "N"), ("vacancies", "V"), ("contacts", "K"), ("placements", "PL"),
    ]

    static func v4(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE need_catalogue ADD COLUMN bit INTEGER;

            ALTER TABLE providers ADD COLUMN capability_mask INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE providers ADD COLUMN verbatim_lists INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE providers ADD COLUMN latitude REAL;
            ALTER TABLE providers ADD COLUMN longitude REAL;
            ALTER TABLE providers ADD COLUMN located_authority TEXT;
            ALTER TABLE providers ADD COLUMN location_precision TEXT;

            ALTER TABLE vacancies ADD COLUMN capability_mask INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE vacancies ADD COLUMN gender_mask INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE vacancies ADD COLUMN verbatim_lists INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE vacancies ADD COLUMN available_day INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE vacancies ADD COLUMN confirmed_seconds REAL NOT NULL DEFAULT 0;
            ALTER TABLE vacancies ADD COLUMN hold_expires_seconds REAL;
            ALTER TABLE vacancies ADD COLUMN latitude REAL;
            ALTER TABLE vacancies ADD COLUMN longitude REAL;
            ALTER TABLE vacancies ADD COLUMN located_authority TEXT;
            ALTER TABLE vacancies ADD COLUMN location_precision TEXT;

            ALTER TABLE children ADD COLUMN essential_mask INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE children ADD COLUMN important_mask INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE children ADD COLUMN desirable_mask INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE children ADD COLUMN settings_mask INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE children ADD COLUMN verbatim_lists INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE children ADD COLUMN birth_day INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE children ADD COLUMN needed_day INTEGER;
            ALTER TABLE children ADD COLUMN home_latitude REAL;
            ALTER TABLE children ADD COLUMN home_longitude REAL;
            ALTER TABLE children ADD COLUMN home_authority TEXT;
            ALTER TABLE children ADD COLUMN home_precision TEXT;

            ALTER TABLE placements ADD COLUMN start_day INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE placements ADD COLUMN planned_end_day INTEGER;
            ALTER TABLE placements ADD COLUMN actual_end_day INTEGER;

            CREATE TABLE table_versions (
                name TEXT PRIMARY KEY NOT NULL,
                version INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID;

            CREATE TABLE id_counters (
                name TEXT PRIMARY KEY NOT NULL,
                prefix TEXT NOT NULL,
                highest INTEGER NOT NULL DEFAULT 0,
                digits INTEGER NOT NULL DEFAULT 0
            ) WITHOUT ROWID;
            """)

        // Bit positions: the standard catalogue's order (the order the engine has always used); any code in the
        // table the catalogue lacks keeps a bit after them. From now on the table is the source of positions.
        let stored = try String.fetchAll(db, sql: "SELECT code FROM need_catalogue ORDER BY code")
        let insert = try db.makeStatement(sql: "INSERT INTO need_catalogue (code, name, description) VALUES (?, ?, ?)")
        for need in NeedCatalogue.standard.definitions where !stored.contains(need.code) {
            try insert.execute(arguments: [need.code, need.name, need.description])
        }
        var order = NeedCatalogue.standard.definitions.map(\.code)
        order += stored.filter { !order.contains($0) }
        for (bit, code) in order.enumerated() {
            try db.execute(sql: "UPDATE need_catalogue SET bit = ? WHERE code = ?", arguments: [bit, code])
        }
        try db.execute(sql: "CREATE UNIQUE INDEX need_catalogue_by_bit ON need_catalogue(bit)")

        for table in countedTables {
            try db.execute(sql: "INSERT INTO table_versions (name, version) VALUES (?, 1)", arguments: [table])
            for event in ["INSERT", "UPDATE", "DELETE"] {
                try db.execute(sql: """
                    CREATE TRIGGER \(table)_counted_\(event.lowercased()) AFTER \(event) ON \(table)
                    BEGIN UPDATE table_versions SET version = version + 1 WHERE name = '\(table)'; END
                    """)
            }
        }

        for (table, prefix) in idPrefixes {
            let rest = "substr(NEW.id, \(prefix.count + 1))"
            // Only ids of the prefix followed by digits count (as the scan they replace did).
            try db.execute(sql: """
                CREATE TRIGGER \(table)_id_counter AFTER INSERT ON \(table)
                WHEN NEW.id GLOB '\(prefix)[0-9]*' AND \(rest) NOT GLOB '*[^0-9]*' AND length(\(rest)) <= 18
                BEGIN
                    UPDATE id_counters SET highest = CAST(\(rest) AS INTEGER), digits = length(\(rest))
                    WHERE name = '\(table)' AND CAST(\(rest) AS INTEGER) > highest;
                END
                """)
            try db.execute(sql: "INSERT INTO id_counters (name, prefix) VALUES (?, ?)", arguments: [table, prefix])
            var highest = 0, digits = 0
            for id in try String.fetchAll(db, sql: "SELECT id FROM \(table) WHERE id GLOB ?", arguments: ["\(prefix)[0-9]*"]) {
                let rest = id.dropFirst(prefix.count)
                guard rest.count <= 18, rest.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(rest) else { continue }
                if n > highest { (highest, digits) = (n, rest.count) }
            }
            try db.execute(sql: "UPDATE id_counters SET highest = ?, digits = ? WHERE name = ?", arguments: [highest, digits, table])
        }

        try DerivedColumns.backfill(db)
    }
}
