import Foundation
import GRDB
import PlacementCore

/// The PostgreSQL schema, beside SQLite's (`Schema.swift`, `SchemaV4…V7.swift`).
///
/// SQLite reached v8 by eight steps over stores already in use; a PostgreSQL store starts new, so its first
/// migration, "v8", is SQLite's v8 schema in one step (the baseline), and later SQLite steps get PostgreSQL
/// twins under the same names. Columns mirror SQLite's one for one with the types SQLite stored in them
/// (INTEGER → BIGINT, REAL → DOUBLE PRECISION, TEXT → TEXT; booleans stay 0/1 integers, timestamps GRDB's
/// text), so both backends write and read rows through the same `…Row.arguments` and `…Row.Decoder`.
/// A database holding a migration this build does not know is refused (`StoreError.newerSchema`), as on SQLite.
enum PostgresSchema {
    /// The baseline, then SQLite's later steps with PostgreSQL's integers (SchemaV9.swift, SchemaV10.swift, SchemaV11.swift, SchemaV12.swift),
    /// then PostgreSQL's own (PostgresLiveSchema.swift, PostgresSchemaPG12.swift, PostgresSchemaPG13.swift, PostgresSchemaPG14.swift, PostgresCommissioners.swift, PostgresAggregates.swift, PostgresRowLog.swift).
    static var migrations: [(identifier: String, sql: () -> String)] {
        [("v8", baseline), ("v9", { Schema.v9SQL(integer: "BIGINT") }), ("v10", { Schema.v10SQL(integer: "BIGINT") }),
         ("v11", { Schema.v11SQL(integer: "BIGINT") }), ("v12", { Schema.v12SQL(integer: "BIGINT") }),
         (PostgresLiveSchema.identifier, PostgresLiveSchema.sql), ("pg12", PostgresSchemaPG12.sql),
         (PostgresSchemaPG13.identifier, PostgresSchemaPG13.sql), (PostgresSchemaPG14.identifier, PostgresSchemaPG14.sql),
         (PostgresCommissioners.identifier, PostgresCommissioners.sql), (PostgresAggregates.identifier, PostgresAggregates.sql),
         (PostgresRowLog.identifier, PostgresRowLog.sql)]
    }
    static var known: [String] { migrations.map(\.identifier) }

    /// Applies what is missing, in one transaction; refuses a newer schema before touching anything.
    static func migrate(_ session: PostgresSession) throws {
        try session.transaction { tx in
            // One migrator at a time, even when two officers' first runs meet on a new database.
            try tx.execute("SELECT pg_advisory_xact_lock(7283126)")
            // Officers' roles may not create tables: only a new database gets here with none.
            if try tx.one(Bool.self, "SELECT to_regclass('placefinder_migrations') IS NULL") == true {
                try tx.execute("CREATE TABLE placefinder_migrations (identifier TEXT PRIMARY KEY)")
            }
            let applied = try applied(tx)
            try refuseNewer(applied)
            for migration in migrations where !applied.contains(migration.identifier) {
                for statement in statements(migration.sql()) { try tx.execute(statement) }
                try insertCatalogue(tx)
                try tx.execute("INSERT INTO placefinder_migrations (identifier) VALUES ($1)", [migration.identifier])
            }
            // A server's masked market view lists the vacancy columns of its day: rebuilt after any step.
            if applied.count < known.count { try PostgresMarket.rebuildIfPresent(tx) }
        }
    }

    /// A script cut into its statements (PostgresNIO sends one statement per query), at semicolons outside
    /// quotes and `$$` bodies.
    static func statements(_ script: String) -> [String] {
        var found: [String] = [], current = "", inQuote = false, inBody = false
        var previous: Character = " "
        for c in script {
            if c == "'" && !inBody { inQuote.toggle() }
            if c == "$" && previous == "$" && !inQuote { inBody.toggle() }
            if c == ";" && !inQuote && !inBody {
                if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { found.append(current) }
                current = ""
            } else {
                current.append(c)
            }
            previous = c == "$" && previous == "$" ? " " : c
        }
        if !current.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { found.append(current) }
        return found
    }

    static func applied(_ tx: PostgresTransaction) throws -> Set<String> {
        Set(try tx.rows("SELECT identifier FROM placefinder_migrations").map { $0[0] as String })
    }

    static func refuseNewer(_ applied: Set<String>) throws {
        if !applied.subtracting(known).isEmpty {
            throw StoreError.newerSchema(found: Schema.newest(of: applied), known: Schema.newest(of: known))
        }
    }

    /// The need catalogue with SQLite v4's bit positions: the standard catalogue's order.
    static func insertCatalogue(_ tx: PostgresTransaction) throws {
        for (bit, need) in NeedCatalogue.standard.definitions.enumerated() {
            try tx.execute("INSERT INTO need_catalogue (code, name, description, bit) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
                           [need.code, need.name, need.description, bit])
        }
    }

    /// Location columns, as v4 added them.
    private static func location(_ prefix: String = "") -> String {
        let p = prefix.isEmpty ? "" : prefix + "_"
        let authority = prefix.isEmpty ? "located_authority" : "\(p)authority"
        return """
            \(p)latitude DOUBLE PRECISION, \(p)longitude DOUBLE PRECISION, \(authority) TEXT, \(prefix.isEmpty ? "location_precision" : "\(p)precision") TEXT
            """
    }

    private static let stamps = "version BIGINT NOT NULL DEFAULT 1, updated_by TEXT, updated_at TEXT"
    private static let correction = """
        corrects TEXT, correction_kind TEXT CHECK (correction_kind IN ('withdrawn', 'amended')),
        correction_reason TEXT, corrected_at TEXT, corrected_by TEXT
        """

    static func baseline() -> String {
        var sql = """
            CREATE TABLE providers (
                id TEXT PRIMARY KEY, name TEXT NOT NULL, sector TEXT NOT NULL, profit_status TEXT NOT NULL,
                regulator TEXT NOT NULL, registration_number TEXT NOT NULL, service_type TEXT NOT NULL,
                postcode TEXT NOT NULL, authority_code TEXT NOT NULL, welsh_language TEXT NOT NULL,
                capabilities TEXT NOT NULL DEFAULT '[]', contact_name TEXT NOT NULL DEFAULT '',
                contact_phone TEXT NOT NULL DEFAULT '', contact_email TEXT NOT NULL DEFAULT '',
                capability_mask BIGINT NOT NULL DEFAULT 0, verbatim_lists BIGINT NOT NULL DEFAULT 0, \(location())
            );
            CREATE TABLE children (
                id TEXT PRIMARY KEY, given_name TEXT NOT NULL, family_name TEXT NOT NULL, date_of_birth TEXT NOT NULL,
                gender TEXT NOT NULL, home_postcode TEXT NOT NULL, placing_authority TEXT NOT NULL, school_postcode TEXT,
                first_language TEXT NOT NULL, welsh_placement TEXT, legal_status TEXT NOT NULL,
                needs TEXT NOT NULL DEFAULT '[]', sibling_group_id TEXT, sibling_must_be_together BIGINT,
                avoid_authorities TEXT NOT NULL DEFAULT '[]', avoid_areas TEXT NOT NULL DEFAULT '[]',
                minimum_miles_from_home DOUBLE PRECISION, acceptable_settings TEXT NOT NULL DEFAULT '[]',
                urgency TEXT NOT NULL CHECK (urgency IN ('emergency', 'needed_by')),
                needed_by TEXT CHECK ((urgency = 'needed_by') = (needed_by IS NOT NULL)),
                status TEXT NOT NULL, \(stamps),
                essential_mask BIGINT NOT NULL DEFAULT 0, important_mask BIGINT NOT NULL DEFAULT 0,
                desirable_mask BIGINT NOT NULL DEFAULT 0, settings_mask BIGINT NOT NULL DEFAULT 0,
                verbatim_lists BIGINT NOT NULL DEFAULT 0, birth_day BIGINT NOT NULL DEFAULT 0, needed_day BIGINT,
                \(location("home"))
            );
            CREATE TABLE vacancies (
                id TEXT PRIMARY KEY, provider_id TEXT NOT NULL REFERENCES providers(id), setting TEXT NOT NULL,
                postcode TEXT, beds BIGINT NOT NULL, age_min BIGINT NOT NULL, age_max BIGINT NOT NULL CHECK (age_max >= age_min),
                genders_accepted TEXT NOT NULL DEFAULT '[]', max_sibling_group BIGINT NOT NULL,
                extra_capabilities TEXT NOT NULL DEFAULT '[]', available_from TEXT NOT NULL, takes_emergencies BIGINT NOT NULL,
                weekly_fee BIGINT NOT NULL, last_confirmed_at TEXT NOT NULL, status TEXT NOT NULL,
                hold_child_id TEXT REFERENCES children(id), hold_officer TEXT, hold_expires_at TEXT, \(stamps),
                connected_children TEXT NOT NULL DEFAULT '[]',
                capability_mask BIGINT NOT NULL DEFAULT 0, gender_mask BIGINT NOT NULL DEFAULT 0,
                verbatim_lists BIGINT NOT NULL DEFAULT 0, available_day BIGINT NOT NULL DEFAULT 0,
                confirmed_seconds DOUBLE PRECISION NOT NULL DEFAULT 0, hold_expires_seconds DOUBLE PRECISION, \(location()),
                CHECK ((hold_child_id IS NULL) = (hold_officer IS NULL) AND (hold_child_id IS NULL) = (hold_expires_at IS NULL))
            );
            CREATE INDEX vacancies_by_provider ON vacancies(provider_id);
            CREATE INDEX vacancies_by_status ON vacancies(status, setting);
            CREATE TABLE placements (
                id TEXT PRIMARY KEY, child_id TEXT NOT NULL REFERENCES children(id),
                provider_id TEXT NOT NULL REFERENCES providers(id), vacancy_id TEXT REFERENCES vacancies(id),
                start TEXT NOT NULL, planned_end TEXT, actual_end TEXT, end_reason TEXT, notice_hours BIGINT, ending TEXT,
                placement_type TEXT NOT NULL, locality_tier BIGINT NOT NULL, miles_from_home DOUBLE PRECISION NOT NULL,
                \(stamps), start_day BIGINT NOT NULL DEFAULT 0, planned_end_day BIGINT, actual_end_day BIGINT,
                panel_approval TEXT, ks4_approval TEXT, exceptional_reason TEXT, placed_by TEXT, placed_at TEXT,
                ended_by TEXT, child_status_before TEXT, undone_by TEXT, undone_at TEXT, undo_reason TEXT
            );
            CREATE INDEX placements_by_child ON placements(child_id, start);
            CREATE INDEX placements_by_provider ON placements(provider_id);
            CREATE INDEX placements_by_vacancy ON placements(vacancy_id);
            CREATE TABLE notices (
                id TEXT PRIMARY KEY, received_at TEXT NOT NULL, logged_by TEXT NOT NULL,
                provider_id TEXT NOT NULL REFERENCES providers(id), kind TEXT NOT NULL, child_id TEXT REFERENCES children(id),
                effective_at TEXT, reason TEXT, vacancy_id TEXT REFERENCES vacancies(id), text TEXT NOT NULL DEFAULT '',
                \(correction)
            );
            ALTER TABLE notices ADD FOREIGN KEY (corrects) REFERENCES notices(id);
            CREATE INDEX notices_by_received_at ON notices(received_at);
            CREATE INDEX notices_by_provider ON notices(provider_id);
            CREATE INDEX notices_by_child ON notices(child_id);
            CREATE INDEX notices_by_vacancy ON notices(vacancy_id);
            CREATE TABLE contacts (
                id TEXT PRIMARY KEY, child_id TEXT NOT NULL REFERENCES children(id),
                provider_id TEXT NOT NULL REFERENCES providers(id), vacancy_id TEXT REFERENCES vacancies(id),
                at TEXT NOT NULL, outcome TEXT NOT NULL, decline_reason TEXT, by TEXT NOT NULL,
                note TEXT NOT NULL DEFAULT '', call_back_at TEXT,
                decline_scope TEXT CHECK (decline_scope IN ('vacancy', 'provider')), \(correction)
            );
            ALTER TABLE contacts ADD FOREIGN KEY (corrects) REFERENCES contacts(id);
            CREATE INDEX contacts_by_child ON contacts(child_id, at);
            CREATE INDEX contacts_by_provider ON contacts(provider_id);
            CREATE INDEX contacts_by_vacancy ON contacts(vacancy_id);
            CREATE INDEX contacts_by_call_back ON contacts(call_back_at) WHERE call_back_at IS NOT NULL;
            CREATE TABLE postcodes (
                postcode TEXT PRIMARY KEY, latitude DOUBLE PRECISION NOT NULL, longitude DOUBLE PRECISION NOT NULL,
                authority_code TEXT NOT NULL
            );
            CREATE TABLE need_catalogue (code TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT NOT NULL, bit BIGINT UNIQUE);
            CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            CREATE TABLE table_versions (name TEXT PRIMARY KEY, version BIGINT NOT NULL DEFAULT 0);
            CREATE TABLE id_counters (name TEXT PRIMARY KEY, prefix TEXT NOT NULL, highest BIGINT NOT NULL DEFAULT 0,
                                      digits BIGINT NOT NULL DEFAULT 0);

            -- Who did what, when: ids and actions only, never record contents. Hash-chained (AuditChain.swift).
            CREATE TABLE audit_log (
                id BIGINT PRIMARY KEY, at TEXT NOT NULL, os_user TEXT NOT NULL, action TEXT NOT NULL,
                record_type TEXT NOT NULL, record_id TEXT, detail TEXT, hash TEXT NOT NULL CHECK (length(hash) = 64),
                db_user TEXT NOT NULL DEFAULT session_user
            );
            CREATE INDEX audit_by_record ON audit_log(record_id);
            CREATE INDEX audit_by_user ON audit_log(os_user, at);
            CREATE FUNCTION placefinder_refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION USING MESSAGE = TG_ARGV[0]; END $$;
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION placefinder_refuse('the audit log cannot be changed');
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION placefinder_refuse('the audit log cannot be deleted from');
            CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION placefinder_refuse('the audit log cannot be deleted from');
            CREATE FUNCTION audit_log_append_in_order() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.id <= (SELECT COALESCE(MAX(id), 0) FROM audit_log)
                       OR NEW.at < (SELECT at FROM audit_log ORDER BY id DESC LIMIT 1) THEN
                        RAISE EXCEPTION 'the audit log only takes new entries at its end, in time order, with their hash';
                    END IF;
                    RETURN NEW;
                END $$;
            CREATE TRIGGER audit_log_append_in_order BEFORE INSERT ON audit_log
                FOR EACH ROW EXECUTE FUNCTION audit_log_append_in_order();
            REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM PUBLIC;

            -- Per-table change counters: a reload reads only what changed.
            CREATE FUNCTION placefinder_count_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN UPDATE table_versions SET version = version + 1 WHERE name = TG_TABLE_NAME; RETURN NULL; END $$;

            -- Workflow ids (N0042, V00123…) without a scan: the highest number seen per table.
            CREATE FUNCTION placefinder_count_id() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE rest TEXT;
                BEGIN
                    SELECT substr(NEW.id, length(prefix) + 1) INTO rest FROM id_counters
                        WHERE name = TG_TABLE_NAME AND NEW.id LIKE prefix || '%';
                    IF rest ~ '^[0-9]{1,18}$' THEN
                        UPDATE id_counters SET highest = rest::BIGINT, digits = length(rest)
                            WHERE name = TG_TABLE_NAME AND rest::BIGINT > highest;
                    END IF;
                    RETURN NULL;
                END $$;

            """
        for table in Schema.countedTables {
            sql += """
                INSERT INTO table_versions (name, version) VALUES ('\(table)', 1);
                CREATE TRIGGER \(table)_counted AFTER INSERT OR UPDATE OR DELETE ON \(table)
                    FOR EACH ROW EXECUTE FUNCTION placefinder_count_change();

                """
        }
        for (table, prefix) in Schema.idPrefixes {
            sql += """
                INSERT INTO id_counters (name, prefix) VALUES ('\(table)', '\(prefix)');
                CREATE TRIGGER \(table)_id_counter AFTER INSERT ON \(table)
                    FOR EACH ROW EXECUTE FUNCTION placefinder_count_id();

                """
        }
        // Notices and calls are kept as recorded (SchemaV6.swift): a correction is a new row.
        for table in ["notices", "contacts"] {
            sql += """
                CREATE UNIQUE INDEX \(table)_by_corrects ON \(table)(corrects) WHERE corrects IS NOT NULL;
                CREATE TRIGGER \(table)_no_update BEFORE UPDATE OR DELETE ON \(table)
                    FOR EACH ROW EXECUTE FUNCTION placefinder_refuse('\(table) are kept as recorded: log a correction instead');

                """
        }
        return sql
    }
}
