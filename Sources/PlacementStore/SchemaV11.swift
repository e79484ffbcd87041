import GRDB

/// v11: referrals in the ring-round log. A referral is a `contacts` row with outcome `referred`: the sections
/// of the pack sent (their keys, comma-separated; never the contents) and when the provider should answer.
/// A provider's answer is a row of its own pointing at the referral (`responds_to`): an offer carries the
/// weekly fee and start day offered (a day as days since 1970, like every stored day). Existing rows have none.
extension Schema {
    static func v11(_ db: Database) throws { try db.execute(sql: v11SQL(integer: "INTEGER")) }

    /// The step's SQL, shared with the PostgreSQL schema (which spells its integers BIGINT).
    static func v11SQL(integer: String) -> String {
        """
        ALTER TABLE contacts ADD COLUMN referral_sections TEXT;
        ALTER TABLE contacts ADD COLUMN response_due TEXT;
        ALTER TABLE contacts ADD COLUMN responds_to TEXT REFERENCES contacts(id);
        ALTER TABLE contacts ADD COLUMN offered_fee \(integer);
        ALTER TABLE contacts ADD COLUMN offered_start \(integer);
        CREATE INDEX contacts_by_responds_to ON contacts(responds_to) WHERE responds_to IS NOT NULL;
        """
    }
}
