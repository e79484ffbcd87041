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
                rules.append((rule, rule.breaches(ids)))
            }
            let chain = try tx.rows(AuditChain.chainSelect)
            var report = ConsistencyReport(storageProblems: [], rules: rules,
                                           auditChain: try AuditChain.firstBreak({ each in for row in chain { try each(row) } }, issued: 0))
            report.storageChecked = false
            return report
        }
    }
}

extension PostgresStore {
    /// Nil when entry `head.entryID` still has `head.hash`; else why not, in one line (as SQLite's).
    public func auditHeadProblem(_ head: AuditHead) throws -> String? {
        try read { tx in
            guard let stored = try tx.one(String.self, "SELECT hash FROM audit_log WHERE id = $1", [head.entryID]) else {
                return "audit entry \(head.entryID), recorded as a head earlier, is missing"
            }
            return stored == head.hash ? nil : "audit entry \(head.entryID) no longer has the hash recorded earlier (the trail was rewritten)"
        }
    }
}
