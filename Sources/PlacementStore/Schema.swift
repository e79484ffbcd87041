import GRDB
import PlacementCore

/// The store's migrations. Identifiers are `v<N>`; a file with an identifier not listed here
/// was written by a newer build and is refused rather than half-understood.
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        // Foreign keys are checked at the end of each migration (GRDB's default deferred check).
        migrator.registerMigration("v1", migrate: v1)
        migrator.registerMigration("v2", migrate: v2)
        migrator.registerMigration("v3", migrate: v3)
        migrator.registerMigration("v4", migrate: v4)
        // v5: hash-chained audit trail and the store's application id (AuditChain.swift); independent of v4.
        migrator.registerMigration("v5", migrate: AuditChain.migrate)
        // v6: call notes, call-backs, decline scope; corrections of notices and calls (SchemaV6.swift).
        migrator.registerMigration("v6", migrate: v6)
        // v7: placement approvals, who placed, and the undo marker (SchemaV7.swift).
        migrator.registerMigration("v7", migrate: v7)
        // v8: every record located again, once: beds without a postcode imported after their provider had been
        // put at their district's centre (RecordLocator.postcodes(of:in:)), so ranking and placing disagreed.
        migrator.registerMigration("v8", migrate: DerivedColumns.relocateAll)
        // v9: placement cost, purpose, framework or spot, authorities fixed at the start; registered places;
        // beds filled by other authorities (SchemaV9.swift).
        migrator.registerMigration("v9", migrate: v9)
        // v10: providers' latest inspection, vacancies' purchase mode (SchemaV10.swift).
        migrator.registerMigration("v10", migrate: v10)
        // v11: referrals and providers' answers to them in the ring-round log (SchemaV11.swift).
        migrator.registerMigration("v11", migrate: v11)
        // v12: children's risks to others, living companions and associates to avoid (SchemaV12.swift).
        migrator.registerMigration("v12", migrate: v12)
        // v13: the row log, so a reload reads only the rows a commit changed (SchemaV13.swift).
        migrator.registerMigration("v13", migrate: v13)
        return migrator
    }

    /// Highest schema version among `identifiers`, for the refusal message ("v3").
    static func newest(of identifiers: some Sequence<String>) -> String {
        let numbered = identifiers.compactMap { id -> (Int, String)? in
            guard id.hasPrefix("v"), let n = Int(id.dropFirst()) else { return nil }
            return (n, id)
        }
        return numbered.max { $0.0 < $1.0 }?.1 ?? identifiers.sorted().last ?? "unknown"
    }

    private static func v1(_ db: Database) throws {
        // Lists (needs, capabilities, genders, settings, avoid areas) are JSON text: they are read whole,
        // never joined on. Days are 'YYYY-MM-DD' text; timestamps are GRDB's 'YYYY-MM-DD HH:MM:SS.SSS' UTC.
        // (v4 adds masks, integer days and seconds beside them for reading: see SchemaV4.swift.)
        try db.execute(sql: """
            CREATE TABLE providers (
                id TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                sector TEXT NOT NULL,
                profit_status TEXT NOT NULL,
                regulator TEXT NOT NULL,
                registration_number TEXT NOT NULL,
                service_type TEXT NOT NULL,
                postcode TEXT NOT NULL,
                authority_code TEXT NOT NULL,
                welsh_language TEXT NOT NULL,
                capabilities TEXT NOT NULL DEFAULT '[]',
                contact_name TEXT NOT NULL DEFAULT '',
                contact_phone TEXT NOT NULL DEFAULT '',
                contact_email TEXT NOT NULL DEFAULT ''
            );

            CREATE TABLE children (
                id TEXT PRIMARY KEY NOT NULL,
                given_name TEXT NOT NULL,
                family_name TEXT NOT NULL,
                date_of_birth TEXT NOT NULL,
                gender TEXT NOT NULL,
                home_postcode TEXT NOT NULL,
                placing_authority TEXT NOT NULL,
                school_postcode TEXT,
                first_language TEXT NOT NULL,
                welsh_placement TEXT,
                legal_status TEXT NOT NULL,
                needs TEXT NOT NULL DEFAULT '[]',
                sibling_group_id TEXT,
                sibling_must_be_together INTEGER,
                avoid_authorities TEXT NOT NULL DEFAULT '[]',
                avoid_areas TEXT NOT NULL DEFAULT '[]',
                minimum_miles_from_home REAL,
                acceptable_settings TEXT NOT NULL DEFAULT '[]',
                urgency TEXT NOT NULL CHECK (urgency IN ('emergency', 'needed_by')),
                needed_by TEXT CHECK ((urgency = 'needed_by') = (needed_by IS NOT NULL)),
                status TEXT NOT NULL,
                version INTEGER NOT NULL DEFAULT 1
            );

            CREATE TABLE vacancies (
                id TEXT PRIMARY KEY NOT NULL,
                provider_id TEXT NOT NULL REFERENCES providers(id),
                setting TEXT NOT NULL,
                postcode TEXT,
                beds INTEGER NOT NULL,
                age_min INTEGER NOT NULL,
                age_max INTEGER NOT NULL CHECK (age_max >= age_min),
                genders_accepted TEXT NOT NULL DEFAULT '[]',
                max_sibling_group INTEGER NOT NULL,
                extra_capabilities TEXT NOT NULL DEFAULT '[]',
                available_from TEXT NOT NULL,
                takes_emergencies INTEGER NOT NULL,
                weekly_fee INTEGER NOT NULL,
                last_confirmed_at TEXT NOT NULL,
                status TEXT NOT NULL,
                hold_child_id TEXT REFERENCES children(id),
                hold_officer TEXT,
                hold_expires_at TEXT,
                version INTEGER NOT NULL DEFAULT 1,
                CHECK ((hold_child_id IS NULL) = (hold_officer IS NULL)
                       AND (hold_child_id IS NULL) = (hold_expires_at IS NULL))
            );
            CREATE INDEX vacancies_by_provider ON vacancies(provider_id);
            CREATE INDEX vacancies_by_status ON vacancies(status, setting);

            CREATE TABLE placements (
                id TEXT PRIMARY KEY NOT NULL,
                child_id TEXT NOT NULL REFERENCES children(id),
                provider_id TEXT NOT NULL REFERENCES providers(id),
                vacancy_id TEXT REFERENCES vacancies(id),
                start TEXT NOT NULL,
                planned_end TEXT,
                actual_end TEXT,
                end_reason TEXT,
                notice_hours INTEGER,
                ending TEXT,
                placement_type TEXT NOT NULL,
                locality_tier INTEGER NOT NULL,
                miles_from_home REAL NOT NULL,
                version INTEGER NOT NULL DEFAULT 1
            );
            CREATE INDEX placements_by_child ON placements(child_id, start);
            CREATE INDEX placements_by_provider ON placements(provider_id);
            CREATE INDEX placements_by_vacancy ON placements(vacancy_id);

            CREATE TABLE notices (
                id TEXT PRIMARY KEY NOT NULL,
                received_at TEXT NOT NULL,
                logged_by TEXT NOT NULL,
                provider_id TEXT NOT NULL REFERENCES providers(id),
                kind TEXT NOT NULL,
                child_id TEXT REFERENCES children(id),
                effective_at TEXT,
                reason TEXT,
                vacancy_id TEXT REFERENCES vacancies(id),
                text TEXT NOT NULL DEFAULT ''
            );
            CREATE INDEX notices_by_received_at ON notices(received_at);
            CREATE INDEX notices_by_provider ON notices(provider_id);
            CREATE INDEX notices_by_child ON notices(child_id);
            CREATE INDEX notices_by_vacancy ON notices(vacancy_id);

            CREATE TABLE contacts (
                id TEXT PRIMARY KEY NOT NULL,
                child_id TEXT NOT NULL REFERENCES children(id),
                provider_id TEXT NOT NULL REFERENCES providers(id),
                vacancy_id TEXT REFERENCES vacancies(id),
                at TEXT NOT NULL,
                outcome TEXT NOT NULL,
                decline_reason TEXT,
                by TEXT NOT NULL
            );
            CREATE INDEX contacts_by_child ON contacts(child_id, at);
            CREATE INDEX contacts_by_provider ON contacts(provider_id);
            CREATE INDEX contacts_by_vacancy ON contacts(vacancy_id);

            -- ONSPD rows: ~2.7 M, looked up by exact postcode only, so no rowid.
            CREATE TABLE postcodes (
                postcode TEXT PRIMARY KEY NOT NULL,
                latitude REAL NOT NULL,
                longitude REAL NOT NULL,
                authority_code TEXT NOT NULL
            ) WITHOUT ROWID;

            CREATE TABLE need_catalogue (
                code TEXT PRIMARY KEY NOT NULL,
                name TEXT NOT NULL,
                description TEXT NOT NULL
            );

            CREATE TABLE settings (
                key TEXT PRIMARY KEY NOT NULL,
                value TEXT NOT NULL
            );

            -- Who did what, when. Detail never holds record contents (names, needs): only ids and actions.
            CREATE TABLE audit_log (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                at TEXT NOT NULL,
                os_user TEXT NOT NULL,
                action TEXT NOT NULL,
                record_type TEXT NOT NULL,
                record_id TEXT,
                detail TEXT
            );
            CREATE INDEX audit_by_record ON audit_log(record_id);
            CREATE INDEX audit_by_user ON audit_log(os_user, at);
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log cannot be changed'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                BEGIN SELECT RAISE(ABORT, 'the audit log cannot be deleted from'); END;
            """)

        let insert = try db.makeStatement(sql: "INSERT INTO need_catalogue (code, name, description) VALUES (?, ?, ?)")
        for need in NeedCatalogue.standard.definitions {
            try insert.execute(arguments: [need.code, need.name, need.description])
        }
    }

    /// Optimistic concurrency for the workflow's writes: who changed a child, vacancy or placement last,
    /// and when. Every workflow write bumps `version` and sets both; rows from v1 or imports keep NULL.
    private static func v2(_ db: Database) throws {
        for table in ["children", "vacancies", "placements"] {
            try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN updated_by TEXT")
            try db.execute(sql: "ALTER TABLE \(table) ADD COLUMN updated_at TEXT")
        }
    }

    /// A kinship / connected-person carer is approved for particular children (s.81): JSON list of ids.
    private static func v3(_ db: Database) throws {
        try db.execute(sql: "ALTER TABLE vacancies ADD COLUMN connected_children TEXT NOT NULL DEFAULT '[]'")
    }
}
