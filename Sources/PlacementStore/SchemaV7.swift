import GRDB

/// v7: what a placement needed approved and the officer's reference for each (reg 12(3) panel, reg 11
/// nominated officer, the exceptional-circumstances reason for a for-profit provider); who made it and
/// when; which placement ended it and the child's status before (so it can be undone); and the undo
/// marker. An undone placement keeps its row: the correction is these columns plus the audit trail.
extension Schema {
    static func v7(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE placements ADD COLUMN panel_approval TEXT;
            ALTER TABLE placements ADD COLUMN ks4_approval TEXT;
            ALTER TABLE placements ADD COLUMN exceptional_reason TEXT;
            ALTER TABLE placements ADD COLUMN placed_by TEXT;
            ALTER TABLE placements ADD COLUMN placed_at TEXT;
            ALTER TABLE placements ADD COLUMN ended_by TEXT;
            ALTER TABLE placements ADD COLUMN child_status_before TEXT;
            ALTER TABLE placements ADD COLUMN undone_by TEXT;
            ALTER TABLE placements ADD COLUMN undone_at TEXT;
            ALTER TABLE placements ADD COLUMN undo_reason TEXT;
            """)
    }
}
