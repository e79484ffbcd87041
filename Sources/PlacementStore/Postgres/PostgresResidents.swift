import Foundation
import GRDB
import PlacementCore

/// The children living in each home, as the match on a regional store reads them: the caller's own
/// authority's through row-level security (`ResidentsQuery`, with ids for the associates rule), every other
/// authority's through `placefinder_residents_elsewhere` (pg13), by age, gender and risk codes only.
extension PostgresReads {
    /// The login's authority; nil for the store's owner, an administrator or a store without roles, who read
    /// every child through `ResidentsQuery` already.
    func callerAuthority() throws -> String? {
        try tx.one(String.self, "SELECT placefinder_login_authority(session_user::TEXT)")
    }

    func residents(today: Day, bits: NeedBits, providerIDs: Set<String>) throws -> [Resident] {
        let own = try ResidentsQuery.residents(from: source(ResidentsQuery.sql(today: "$1"), [today.daysSinceEpoch]), bits: bits)
        guard try callerAuthority() != nil, !providerIDs.isEmpty else { return own }
        return own + (try residentsElsewhere(providerIDs: providerIDs))
    }

    /// Other authorities' children placed at `providerIDs` now, without identity; their ages are on the server's
    /// today (`PostgresSchemaPG13`), which a debug build's pinned day does not move.
    func residentsElsewhere(providerIDs: Set<String>) throws -> [Resident] {
        let ids = String(decoding: try JSONEncoder().encode(providerIDs.sorted()), as: UTF8.self)
        let serverToday = Day(daysSinceEpoch: try tx.one(Int.self, PostgresSchemaPG13.todaySQL) ?? 0)
        let sql = "SELECT \(PostgresSchemaPG13.columns.joined(separator: ", ")) FROM \(PostgresSchemaPG13.function)(ARRAY(SELECT jsonb_array_elements_text($1::jsonb)))"
        return try tx.rows(sql, [ids]).map { row in
            guard let gender = Gender(rawValue: row[3]) else { throw StoreError.unreadableValue(table: "children", column: "gender") }
            let age: Int = row[2]
            return Resident(childID: nil, providerID: row[0], bedPostcode: row[1],
                            birthDay: Self.birthDay(age: age, on: serverToday), gender: gender,
                            riskToOthers: try Self.risks(row[4]), atRisk: try Self.risks(row[5]))
        }
    }

    /// A birth day for a child known only as `age` on `day`, for the engine, which works in birth days: the middle
    /// of the year that age allows, so the child is `age` on `day` and any later age is at most six months out.
    static func birthDay(age: Int, on day: Day) -> Day {
        day.adding(days: -Int((Double(age) + 0.5) * 365.2425))
    }

    /// `RiskToOthers` codes, comma-separated (empty: none).
    static func risks(_ codes: String?) throws -> Set<RiskToOthers> {
        var found: Set<RiskToOthers> = []
        for code in (codes ?? "").split(separator: ",") {
            guard let risk = RiskToOthers(rawValue: String(code)) else {
                throw StoreError.unreadableValue(table: "children", column: "risk_to_others")
            }
            found.insert(risk)
        }
        return found
    }
}
