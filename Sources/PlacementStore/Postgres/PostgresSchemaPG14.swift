import Foundation

/// PostgreSQL-only step "pg14": no lock that every write of the region queues on until its commit is flushed.
///
/// Measured on a regional day (docs/performance.md, "Session 6: regional day latency"), every write of every
/// authority held, from a point inside its transaction until its commit reached disk, one of four store-wide
/// locks, so commits went one at a time and a queue of officers formed behind each fsync:
/// the audit chain's tail (one advisory lock), the id counter row of its table (`id_counters … FOR UPDATE`),
/// the change counter row of every table it touched (`table_versions`, updated by trigger), and PostgreSQL's
/// NOTIFY queue lock, which a transaction that notifies takes at commit and keeps until the commit is durable.
/// This step removes each one, keeping what it was for:
///
/// - **One audit chain per authority.** Each entry belongs to the chain of the login that wrote it
///   (`chain`: the login's authority, `''` for the store's owner and stores without roles, and for every
///   entry written before pg14), and hashes over the previous entry *of that chain* (`AuditChain`). Officers
///   of one authority still append one at a time (`pg_advisory_xact_lock(7283128, hashtext(chain))`, held to
///   commit); authorities no longer wait for each other. Ids come from one sequence, so they stay unique and
///   in the order they were taken. Every appender also holds key 7283127 shared until it commits: `audit --head`
///   takes it alone for a moment, so no entry below the head it prints can still be in flight.
/// - **Change counters per connection.** `table_versions` keeps a row per table and writer slot
///   (`pg_backend_pid() % 1024`); a table's version is the sum of its rows, which moves with every commit that
///   changes it. Two connections write the same counter row only if their process ids share a slot.
/// - **Ids from sequences** (`placefinder_ids_<table>`): taken without a lock, never given twice. A write that
///   takes an id and then rolls back (a rule refused it) leaves a gap: N0041 may be missing, and nothing was
///   recorded under it. An imported id above the sequence moves it on before the row is stored.
/// - **Notifications after commit.** Placefinder's own connections (`placefinder.notify_after_commit = on`)
///   collect the changed tables' names in the session and send them once the commit has returned, in a
///   transaction of their own that waits for no flush (`placefinder_announce_changes()`): the NOTIFY lock is held
///   for microseconds, not for an fsync. Any other client (psql) still notifies from the trigger, as in pg11.
enum PostgresSchemaPG14 {
    static let identifier = "pg14"
    /// Held shared by every appender from taking its id to its commit; `audit --head` takes it alone.
    static let auditQuiesceKey = 7_283_127
    /// With the chain's hash, the second key: one appender per chain at a time.
    static let auditChainKey = 7_283_128
    /// One importer at a time moves an id sequence on.
    static let idRaiseKey = 7_283_129
    /// Counter rows per table: writer slots.
    static let writerSlots = 1024

    static func sql() -> String {
        var sql = """
            ALTER TABLE audit_log ADD COLUMN chain TEXT NOT NULL DEFAULT '';
            CREATE INDEX audit_by_chain ON audit_log(chain, id);
            CREATE SEQUENCE audit_log_ids;
            SELECT setval('audit_log_ids', COALESCE((SELECT MAX(id) FROM audit_log), 0) + 1, false);

            -- The chain a login appends to: its authority, else the chain of the store itself (the empty name).
            CREATE FUNCTION placefinder_audit_chain() RETURNS TEXT LANGUAGE sql STABLE
                SECURITY DEFINER SET search_path = public, pg_temp
                AS $$ SELECT COALESCE(placefinder_login_authority(session_user::TEXT), '') $$;

            -- The chain of the caller locked to commit, its last entry (id, time, hash: no contents) and a new id.
            -- VOLATILE: the tail is read with a snapshot taken after the lock is granted.
            CREATE FUNCTION placefinder_audit_next() RETURNS TABLE (id BIGINT, at TEXT, hash TEXT, next_id BIGINT)
                LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
                #variable_conflict use_column
                DECLARE mine TEXT := placefinder_audit_chain();
                BEGIN
                    PERFORM pg_advisory_xact_lock_shared(\(auditQuiesceKey));
                    PERFORM pg_advisory_xact_lock(\(auditChainKey), hashtext(mine));
                    RETURN QUERY
                        SELECT t.id, t.at, t.hash, nextval('audit_log_ids')
                        FROM (SELECT 1) AS one
                        LEFT JOIN LATERAL (SELECT a.id, a.at, a.hash FROM audit_log a WHERE a.chain = mine
                                           ORDER BY a.id DESC LIMIT 1) AS t ON true;
                END $$;

            -- How many entries the whole trail holds, whatever the caller may read (for the check).
            CREATE FUNCTION placefinder_audit_size() RETURNS BIGINT LANGUAGE sql STABLE
                SECURITY DEFINER SET search_path = public, pg_temp AS $$ SELECT COUNT(*) FROM audit_log $$;

            -- A new entry goes at the end of its own chain, in time order, with an id the sequence gave out,
            -- and its chain is that of the login, whatever the insert said.
            CREATE OR REPLACE FUNCTION audit_log_append_in_order() RETURNS trigger LANGUAGE plpgsql
                SECURITY DEFINER SET search_path = public, pg_temp AS $$
                DECLARE last_id BIGINT; last_at TEXT;
                BEGIN
                    NEW.chain := placefinder_audit_chain();
                    SELECT a.id, a.at INTO last_id, last_at FROM audit_log a WHERE a.chain = NEW.chain ORDER BY a.id DESC LIMIT 1;
                    IF NEW.id <= COALESCE(last_id, 0) OR NEW.at < last_at
                       OR NEW.id > COALESCE(pg_sequence_last_value('audit_log_ids'), 0) THEN
                        RAISE EXCEPTION 'the audit log only takes new entries at its end, in time order, with their hash';
                    END IF;
                    RETURN NEW;
                END $$;

            -- Change counters: a row per table and writer slot, and a table has the sum of its rows as version.
            ALTER TABLE table_versions ADD COLUMN writer INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE table_versions DROP CONSTRAINT table_versions_pkey;
            ALTER TABLE table_versions ADD PRIMARY KEY (name, writer);
            CREATE OR REPLACE FUNCTION placefinder_count_change() RETURNS trigger LANGUAGE plpgsql
                SECURITY DEFINER SET search_path = public, pg_temp AS $$
                BEGIN
                    INSERT INTO table_versions AS t (name, writer, version) VALUES (TG_TABLE_NAME, pg_backend_pid() % \(writerSlots), 1)
                        ON CONFLICT (name, writer) DO UPDATE SET version = t.version + 1;
                    RETURN NULL;
                END $$;

            -- Workflow ids from sequences (placefinder_next_id), previewed without taking one (placefinder_peek_id).
            CREATE FUNCTION placefinder_next_id(counter TEXT) RETURNS BIGINT LANGUAGE sql VOLATILE
                SECURITY DEFINER SET search_path = public, pg_temp
                AS $$ SELECT nextval(format('placefinder_ids_%s', name)::regclass) FROM id_counters WHERE name = counter $$;
            CREATE FUNCTION placefinder_peek_id(counter TEXT) RETURNS BIGINT LANGUAGE sql STABLE
                SECURITY DEFINER SET search_path = public, pg_temp
                AS $$ SELECT COALESCE(pg_sequence_last_value(format('placefinder_ids_%s', name)::regclass), 0)
                      FROM id_counters WHERE name = counter $$;
            -- Before a row is stored: an id above its sequence (from an import) moves the sequence on, and ids
            -- the sequence gave out (every workflow write) touch nothing and lock nothing.
            CREATE OR REPLACE FUNCTION placefinder_count_id() RETURNS trigger LANGUAGE plpgsql
                SECURITY DEFINER SET search_path = public, pg_temp AS $$
                DECLARE rest TEXT; n BIGINT; ids REGCLASS := format('placefinder_ids_%s', TG_TABLE_NAME)::regclass;
                BEGIN
                    SELECT substr(NEW.id, length(prefix) + 1) INTO rest FROM id_counters
                        WHERE name = TG_TABLE_NAME AND NEW.id LIKE prefix || '%';
                    IF rest IS NULL OR rest !~ '^[0-9]{1,18}$' THEN RETURN NEW; END IF;
                    n := rest::BIGINT;
                    IF n > COALESCE(pg_sequence_last_value(ids), 0) THEN
                        PERFORM pg_advisory_xact_lock(\(idRaiseKey));
                        IF n > COALESCE(pg_sequence_last_value(ids), 0) THEN PERFORM setval(ids, n); END IF;
                        UPDATE id_counters SET highest = n, digits = length(rest) WHERE name = TG_TABLE_NAME AND n > highest;
                    END IF;
                    RETURN NEW;
                END $$;

            -- Notifications: the connections of Placefinder send them after commit (placefinder_announce_changes).
            CREATE OR REPLACE FUNCTION placefinder_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE pending TEXT;
                BEGIN
                    IF current_setting('placefinder.notify_after_commit', true) IS DISTINCT FROM 'on' THEN
                        PERFORM pg_notify('\(PostgresLiveSchema.channel)', TG_TABLE_NAME);
                        RETURN NULL;
                    END IF;
                    pending := COALESCE(current_setting('placefinder.changed', true), '');
                    IF position(',' || TG_TABLE_NAME || ',' IN ',' || pending || ',') = 0 THEN
                        -- Session-level, so it outlives the commit; a rollback takes it back with everything else.
                        PERFORM set_config('placefinder.changed', concat_ws(',', NULLIF(pending, ''), TG_TABLE_NAME), false);
                    END IF;
                    RETURN NULL;
                END $$;
            CREATE FUNCTION placefinder_announce_changes() RETURNS VOID LANGUAGE plpgsql AS $$
                DECLARE pending TEXT := COALESCE(current_setting('placefinder.changed', true), ''); changed TEXT;
                BEGIN
                    IF pending = '' THEN RETURN; END IF;
                    -- The data's commit is already on disk; this one only carries the notifications.
                    PERFORM set_config('synchronous_commit', 'off', true);
                    FOREACH changed IN ARRAY string_to_array(pending, ',') LOOP
                        PERFORM pg_notify('\(PostgresLiveSchema.channel)', changed);
                    END LOOP;
                    PERFORM set_config('placefinder.changed', '', false);
                END $$;

            """
        for (table, _) in Schema.idPrefixes {
            sql += """
                CREATE SEQUENCE placefinder_ids_\(table);
                SELECT setval('placefinder_ids_\(table)', GREATEST(highest, 1), highest > 0) FROM id_counters WHERE name = '\(table)';
                DROP TRIGGER \(table)_id_counter ON \(table);
                CREATE TRIGGER \(table)_id_counter BEFORE INSERT ON \(table)
                    FOR EACH ROW EXECUTE FUNCTION placefinder_count_id();

                """
        }
        return sql
    }
}
