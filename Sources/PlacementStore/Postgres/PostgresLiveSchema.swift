import Foundation

/// PostgreSQL-only migration "pg11": what a regional store needs beyond SQLite's tables for live dashboards.
///
/// - Every statement that changes a counted table sends `NOTIFY placefinder_changes` with the table's name
///   (a statement trigger, so a 50,000-row import is one notification; PostgreSQL delivers it at commit and
///   folds repeats within a transaction). Dashboards `LISTEN` (`PostgresChangeListener`) instead of polling.
///   The payload is a table name, never a record's contents: every role may listen. Since pg14 Placefinder's
///   own connections send them just after the commit instead (PostgresSchemaPG14.swift), so that no commit
///   holds the server's notification lock while it is flushed.
/// - A stamped row (children, vacancies, placements) records the authority of the login that last stamped it
///   (`updated_authority`), so "changed by … — reload" can name a colleague of the same authority and only
///   the authority otherwise (`PostgresStamps.swift`).
enum PostgresLiveSchema {
    static let identifier = "pg11"
    static let channel = "placefinder_changes"

    static func sql() -> String {
        var sql = """
            CREATE FUNCTION placefinder_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN PERFORM pg_notify('\(channel)', TG_TABLE_NAME); RETURN NULL; END $$;

            -- The authority a login places for (officer_authorities, made by server init), NULL on a store without roles.
            -- SECURITY DEFINER: it answers for any login, whatever the caller may read of that table.
            CREATE FUNCTION placefinder_login_authority(login TEXT) RETURNS TEXT LANGUAGE plpgsql STABLE
                SECURITY DEFINER SET search_path = public AS $$
                BEGIN
                    IF to_regclass('public.officer_authorities') IS NULL THEN RETURN NULL; END IF;
                    RETURN (SELECT authority FROM officer_authorities WHERE role = login);
                END $$;

            CREATE FUNCTION placefinder_stamp_authority() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF NEW.updated_at IS DISTINCT FROM OLD.updated_at OR NEW.version IS DISTINCT FROM OLD.version THEN
                        NEW.updated_authority := placefinder_login_authority(session_user::TEXT);
                    END IF;
                    RETURN NEW;
                END $$;

            """
        for table in Schema.countedTables {
            sql += """
                CREATE TRIGGER \(table)_notified AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON \(table)
                    FOR EACH STATEMENT EXECUTE FUNCTION placefinder_notify_change();

                """
        }
        // Stamps are written by UPDATE (a new row's too: `stampNew`), so only updates need the trigger.
        for table in StampedTable.allCases {
            sql += """
                ALTER TABLE \(table.rawValue) ADD COLUMN updated_authority TEXT;
                CREATE TRIGGER \(table.rawValue)_stamp_authority BEFORE UPDATE ON \(table.rawValue)
                    FOR EACH ROW EXECUTE FUNCTION placefinder_stamp_authority();

                """
        }
        return sql
    }
}
