import GRDB

/// v9 (issue 13 §2): what the market reports need. On each placement the agreed weekly cost and its changes,
/// the purpose, framework or spot, and the placing and bed authorities fixed at the start; on each provider
/// the registered places of its home; on each vacancy the other authority (Welsh or English) that filled it.
/// Existing placements keep every new column NULL (not recorded) rather than guessed: reports then use the
/// child's and the bed's authority as they stand today, as they did before.
extension Schema {
    static func v9(_ db: Database) throws { try db.execute(sql: v9SQL(integer: "INTEGER")) }

    /// The step's SQL, shared with the PostgreSQL schema (which spells its integers BIGINT).
    static func v9SQL(integer: String) -> String {
        """
        ALTER TABLE placements ADD COLUMN weekly_cost \(integer) CHECK (weekly_cost >= 0);
        ALTER TABLE placements ADD COLUMN cost_changes TEXT;
        ALTER TABLE placements ADD COLUMN purpose TEXT;
        ALTER TABLE placements ADD COLUMN purchase TEXT CHECK (purchase IN ('framework', 'spot'));
        ALTER TABLE placements ADD COLUMN placing_authority TEXT;
        ALTER TABLE placements ADD COLUMN bed_authority TEXT;
        ALTER TABLE providers ADD COLUMN registered_places \(integer) CHECK (registered_places >= 0);
        ALTER TABLE vacancies ADD COLUMN filled_by TEXT;
        """
    }
}
