import GRDB

/// v10: the regulator's latest inspection of each provider (day, as days since 1970 like every stored day, and rating) and how each vacancy is bought
/// (all-Wales framework, block contract or spot). Existing rows have neither recorded (NULL).
extension Schema {
    static func v10(_ db: Database) throws { try db.execute(sql: v10SQL(integer: "INTEGER")) }

    /// The step's SQL, shared with the PostgreSQL schema (which spells its integers BIGINT).
    static func v10SQL(integer: String) -> String {
        """
        ALTER TABLE providers ADD COLUMN inspection_day \(integer);
        ALTER TABLE providers ADD COLUMN inspection_rating TEXT;
        ALTER TABLE vacancies ADD COLUMN purchase_mode TEXT;
        """
    }
}
