import GRDB

/// v12: what the checks against a home's current residents read from each child: the risks they pose to
/// other children (a mask of `RiskToOthers`), who they can live alongside, and known associates to avoid
/// (a JSON list of child ids). Existing children have none recorded.
extension Schema {
    static func v12(_ db: Database) throws { try db.execute(sql: v12SQL(integer: "INTEGER")) }

    /// The step's SQL, shared with the PostgreSQL schema (which spells its integers BIGINT).
    static func v12SQL(integer: String) -> String {
        """
        ALTER TABLE children ADD COLUMN risk_to_others_mask \(integer) NOT NULL DEFAULT 0;
        ALTER TABLE children ADD COLUMN living_companions TEXT;
        ALTER TABLE children ADD COLUMN associates_to_avoid TEXT NOT NULL DEFAULT '[]';
        """
    }
}
