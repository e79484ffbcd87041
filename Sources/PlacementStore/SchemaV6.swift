import GRDB

/// v6: calls carry a note, a call-back time and a decline's scope; notices and calls can be corrected.
///
/// A correction is a NEW row in the same table (its own id, N… or K…) whose `corrects` names the row it
/// replaces, with how (`correction_kind`: withdrawn | amended), why, when and by whom. Keeping corrections
/// in the table they correct (rather than a side table) means every reader sees one kind of row, the
/// snapshot's change counters already cover them, and a unique index on `corrects` keeps each chain
/// linear (a row is corrected at most once; the newest row of a chain is the current one). Both tables
/// become append-only: triggers refuse UPDATE and DELETE, so the original of every correction stays.
/// Declines stored before v6 are given the scope the engine already read into them (the vacancy named,
/// else the provider), so no ranking changes on upgrade.
extension Schema {
    static func v6(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE contacts ADD COLUMN note TEXT NOT NULL DEFAULT '';
            ALTER TABLE contacts ADD COLUMN call_back_at TEXT;
            ALTER TABLE contacts ADD COLUMN decline_scope TEXT CHECK (decline_scope IN ('vacancy', 'provider'));
            UPDATE contacts SET decline_scope = CASE WHEN vacancy_id IS NULL THEN 'provider' ELSE 'vacancy' END
                WHERE outcome = 'declined';
            CREATE INDEX contacts_by_call_back ON contacts(call_back_at) WHERE call_back_at IS NOT NULL;
            """)
        for table in ["notices", "contacts"] {
            try db.execute(sql: """
                ALTER TABLE \(table) ADD COLUMN corrects TEXT REFERENCES \(table)(id);
                ALTER TABLE \(table) ADD COLUMN correction_kind TEXT CHECK (correction_kind IN ('withdrawn', 'amended'));
                ALTER TABLE \(table) ADD COLUMN correction_reason TEXT;
                ALTER TABLE \(table) ADD COLUMN corrected_at TEXT;
                ALTER TABLE \(table) ADD COLUMN corrected_by TEXT;
                CREATE UNIQUE INDEX \(table)_by_corrects ON \(table)(corrects) WHERE corrects IS NOT NULL;
                CREATE TRIGGER \(table)_no_update BEFORE UPDATE ON \(table)
                    BEGIN SELECT RAISE(ABORT, '\(table) are kept as recorded: log a correction instead'); END;
                CREATE TRIGGER \(table)_no_delete BEFORE DELETE ON \(table)
                    BEGIN SELECT RAISE(ABORT, '\(table) are kept as recorded: log a correction instead'); END;
                """)
        }
    }
}
