import GRDB

/// Known keys of the `settings` table.
public enum StoreSettingKey {
    /// ONS code of the officer's own authority (decides in-county and the reg 12 tiers).
    public static let officerAuthority = "officer_authority"

    /// The interface language (`cy` or `en`) an officer last chose in the dashboard, one setting per officer.
    public static func officerLanguage(_ officer: String) -> String { "officer_language:\(officer)" }
}

/// Small key/value settings shared by everyone using this store.
extension PlacementDatabase {
    public func setting(_ key: String) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = ?", arguments: [key]) }
    }

    /// Sets `key` to `value`; nil removes the setting.
    public func setSetting(_ key: String, _ value: String?) throws {
        try write { db in
            if let value {
                try db.execute(sql: """
                    INSERT INTO settings (key, value) VALUES (?, ?)
                    ON CONFLICT (key) DO UPDATE SET value = excluded.value
                    """, arguments: [key, value])
            } else {
                try db.execute(sql: "DELETE FROM settings WHERE key = ?", arguments: [key])
            }
        }
    }
}
