import Foundation
import GRDB
import PlacementCore

/// The consistency rules and the audit chain on PostgreSQL: the same rules' SQL (written to run on both),
/// in one REPEATABLE READ transaction. Storage soundness (SQLite's integrity check) is the server's own
/// business on PostgreSQL (checksums, `pg_amcheck`), so no storage problems are reported here.
extension PostgresStore {
    public func consistencyReport(now: Date) throws -> ConsistencyReport {
        try read { tx in
            var rules: [(rule: ConsistencyRule, breaches: [String])] = []
            for rule in ConsistencyRule.all {
                let values: [(any DatabaseValueConvertible)?] = rule.usesNow ? rule.sql.filter { $0 == "?" }.map { _ in now } : []
                let ids = try tx.rows(numbered(rule.sql), values).map { $0[0] as String }
                rules.append((rule, ids.map(rule.breach)))
            }
            let chain = try tx.rows(AuditChain.chainSelect)
            return ConsistencyReport(storageProblems: [], rules: rules,
                                     auditChain: try AuditChain.firstBreak({ each in for row in chain { try each(row) } }, issued: 0))
        }
    }
}
