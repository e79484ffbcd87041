import GRDB
import PlacementCore

/// The children living in every home now, for the checks against a home's current residents: one query
/// in the same read as the rest of the engine's inputs (never one per vacancy), returning only what the
/// checks read — no name. Ids stay inside the engine, to match a child's associates to avoid.
enum ResidentsQuery {
    /// Open placements on `today` (`?` in SQLite, `$1` in PostgreSQL) with the child's birth day, gender,
    /// risks to others and needs (for the CSE and CCE risks), and the bed's postcode for a foster household.
    static func sql(today parameter: String) -> String {
        """
        SELECT p.child_id, p.provider_id, v.postcode, c.birth_day, c.gender, c.risk_to_others_mask,
               c.essential_mask | c.important_mask | c.desirable_mask
        FROM placements p
        JOIN children c ON c.id = p.child_id
        LEFT JOIN vacancies v ON v.id = p.vacancy_id
        WHERE p.actual_end_day IS NULL AND p.undone_at IS NULL AND p.start_day <= \(parameter)
        ORDER BY p.child_id
        """
    }

    static func residents(from rows: RowSource, bits: NeedBits) throws -> [Resident] {
        let needOf = RiskToOthers.allCases.map { (risk: $0, mask: bits.mask([$0.atRiskNeed])) }
        var found: [Resident] = []
        try rows { row in
            let needs: Int64 = row[6] ?? 0
            guard let gender = Gender(rawValue: row[4]) else {
                throw StoreError.unreadableValue(table: "children", column: "gender")
            }
            found.append(Resident(
                childID: row[0], providerID: row[1], bedPostcode: row[2], birthDay: Day(daysSinceEpoch: row[3]), gender: gender,
                riskToOthers: Set(EnumBits.values(row[5] ?? 0, as: RiskToOthers.self)),
                atRisk: Set(needOf.filter { needs & $0.mask != 0 }.map(\.risk))))
        }
        return found
    }
}

extension PlacementDatabase {
    static func residents(today: Day, bits: NeedBits, in db: Database) throws -> [Resident] {
        try ResidentsQuery.residents(from: rows(db, ResidentsQuery.sql(today: "?"), [today.daysSinceEpoch]), bits: bits)
    }
}
