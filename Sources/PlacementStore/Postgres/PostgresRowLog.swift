import Foundation

/// PostgreSQL-only step "pg17": the row log of the shared market, so a dashboard reloads the beds a colleague's
/// commit changed, not the region's whole market (SQLite's is schema v13, `SchemaV13.swift`).
///
/// SQLite's log tags a row with its table's change counter, which orders commits there: one writer at a time.
/// Here writers run side by side and a table's counter is a sum over writer slots (pg14), so a counter says
/// nothing about which commits a reader has seen. Each changed row is tagged instead with the id of the
/// transaction that changed it (`pg_current_xact_id()`), and a snapshot keeps its `xmin`, the oldest
/// transaction still running when it was taken (`tableVersions()[mark]`). Every transaction with an id below
/// it had ended by then, so the snapshot saw what it wrote; a later reload reads the rows tagged at or above
/// it, a superset of what changed since (a long transaction held open only makes it larger).
///
/// Only `vacancies` is logged: the market, which every notice and hold changes. A child's records stay
/// private to their authority, so logging their ids would tell other authorities when they changed.
public enum PostgresRowLog {
    static let identifier = "pg17"
    static let tables = ["vacancies"]
    /// The key of `tableVersions` that holds the snapshot's `xmin`.
    public static let mark = "pg_snapshot_xmin"
    static let readers = "placefinder_officer, placefinder_manager, placefinder_admin"

    static func sql() -> String {
        var sql = """
            CREATE TABLE row_log (tbl TEXT NOT NULL, id TEXT NOT NULL, version BIGINT NOT NULL, PRIMARY KEY (tbl, id));
            CREATE INDEX row_log_by_version ON row_log(tbl, version);
            -- The id of each changed row (both ids, when an update renames it), tagged with the transaction that changed it last.
            CREATE FUNCTION placefinder_log_row() RETURNS trigger LANGUAGE plpgsql
                SECURITY DEFINER SET search_path = public, pg_temp AS $$
                DECLARE tx BIGINT := pg_current_xact_id()::TEXT::BIGINT;
                BEGIN
                    IF TG_OP <> 'INSERT' THEN
                        INSERT INTO row_log (tbl, id, version) VALUES (TG_TABLE_NAME, OLD.id, tx)
                            ON CONFLICT (tbl, id) DO UPDATE SET version = EXCLUDED.version;
                    END IF;
                    IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW.id IS DISTINCT FROM OLD.id) THEN
                        INSERT INTO row_log (tbl, id, version) VALUES (TG_TABLE_NAME, NEW.id, tx)
                            ON CONFLICT (tbl, id) DO UPDATE SET version = EXCLUDED.version;
                    END IF;
                    RETURN NULL;
                END $$;

            """
        for table in tables {
            sql += """
                CREATE TRIGGER \(table)_row_log AFTER INSERT OR UPDATE OR DELETE ON \(table)
                    FOR EACH ROW EXECUTE FUNCTION placefinder_log_row();

                """
        }
        return sql + PostgresRoles.onAnInitialisedServer(grants)
    }

    /// The market's ids only, to those who read the market row by row.
    static let grants = "GRANT SELECT ON row_log TO \(readers);"
}
