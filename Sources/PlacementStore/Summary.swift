import GRDB
import PlacementCore

/// Row counts for the opening summary line.
public struct StoreCounts: Sendable, Hashable, Codable {
    public var children: Int
    public var providers: Int
    /// Vacancies with status `open` (held, filled and withdrawn ones are not counted).
    public var openVacancies: Int
    public var placements: Int
    public var postcodes: Int

    public init(children: Int, providers: Int, openVacancies: Int, placements: Int, postcodes: Int) {
        self.children = children
        self.providers = providers
        self.openVacancies = openVacancies
        self.placements = placements
        self.postcodes = postcodes
    }
}

extension PlacementDatabase {
    public func counts() throws -> StoreCounts {
        // One read transaction: the five numbers describe the same moment.
        try read { db in
            func count(_ sql: String) throws -> Int { try Int.fetchOne(db, sql: sql) ?? 0 }
            return StoreCounts(
                children: try count("SELECT COUNT(*) FROM children"),
                providers: try count("SELECT COUNT(*) FROM providers"),
                openVacancies: try count("SELECT COUNT(*) FROM vacancies WHERE status = 'open'"),
                placements: try count("SELECT COUNT(*) FROM placements"),
                postcodes: try count("SELECT COUNT(*) FROM postcodes"))
        }
    }

    /// Open vacancies (rows, not beds) per authority and setting. A vacancy's authority is that of its own
    /// postcode when it has one the store knows (a foster household can sit outside the agency's county),
    /// else its provider's.
    public func openVacancyCounts() throws -> [(authorityCode: String, setting: Setting, count: Int)] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT COALESCE(pc.authority_code, p.authority_code) AS authority_code, v.setting, COUNT(*) AS n
                FROM vacancies v
                JOIN providers p ON p.id = v.provider_id
                LEFT JOIN postcodes pc ON pc.postcode = v.postcode
                WHERE v.status = 'open'
                GROUP BY 1, 2
                ORDER BY 1, 2
                """)
            return try rows.map { row in
                let r = RowReader(row: row, table: "vacancies")
                return (authorityCode: try r.value("authority_code"), setting: try r.code("setting"), count: try r.value("n"))
            }
        }
    }
}
