import Foundation
import GRDB
import PlacementCore

/// The matching engine's inputs on PostgreSQL, assembled by the code SQLite's loader uses (`MatchLoading`).
extension PostgresStore {
    /// `PlacementDatabase.stabilitySQL` in PostgreSQL's words (FILTER for SQLite's summed booleans,
    /// GREATEST/LEAST for its two-argument MAX/MIN): $1 today, $2 the window's first day. Read from
    /// `placement_spans` (pg12), so an officer's figures count every authority's placements, naming none.
    static let stabilitySQL = """
        SELECT provider_id,
               COUNT(*),
               COUNT(*) FILTER (WHERE actual_end_day >= $2 AND ending = 'breakdown'),
               COUNT(*) FILTER (WHERE actual_end_day >= $2 AND notice_hours <= 24),
               SUM(GREATEST(0, LEAST(COALESCE(actual_end_day, $1), $1) - GREATEST(start_day, $2)))::BIGINT
        FROM placement_spans
        WHERE start_day <= $1 AND COALESCE(actual_end_day, $1) >= $2 AND undone_at IS NULL
        GROUP BY provider_id
        """

    static func providerStability(today: Day, windowDays: Int, in reads: PostgresReads) throws -> [String: ProviderStability] {
        try PlacementDatabase.stability(from: reads.source(stabilitySQL, [today.daysSinceEpoch, today.adding(days: -windowDays).daysSinceEpoch]))
    }

    public func providerStability(today: Day, windowDays: Int) throws -> [String: ProviderStability] {
        try read { tx in try Self.providerStability(today: today, windowDays: windowDays, in: PostgresReads(tx: tx)) }
    }

    public func matchEngine(today: Day, policy: MatchPolicy) throws -> MatchEngine {
        try read { tx in
            let reads = PostgresReads(tx: tx)
            let bits = try reads.needBits()
            let vacancies = try reads.vacancies(bits: bits, rows: .all)
            return MatchLoading.engine(providers: try reads.providers(bits: bits), vacancies: vacancies,
                                       stability: try Self.providerStability(today: today, windowDays: policy.stabilityWindowDays, in: reads),
                                       // Every authority's children in the homes with a vacancy: others' without identity (pg13).
                                       residents: try reads.residents(today: today, bits: bits, providerIDs: Set(vacancies.values.map(\.providerID))),
                                       today: today, policy: policy)
        }
    }

    public func matchRequest(childID: String, today: Day, now: Date) throws -> MatchRequest {
        try read { tx in
            let reads = PostgresReads(tx: tx)
            let bits = try reads.needBits()
            return try MatchLoading.request(
                found: try reads.children(where: " WHERE id = $1", [childID], bits: bits), childID: childID, today: today, now: now,
                siblings: { child, groupID in
                    try reads.children(where: " WHERE sibling_group_id = $1 AND id != $2 AND status != 'placed'", [groupID, child], bits: bits).values
                },
                contacts: { try reads.contacts(childID: $0) },
                history: { try reads.placements(childID: $0) },
                directory: { try PostgresWorkflow(tx: tx, locking: false).directoryRows($0) })
        }
    }
}
