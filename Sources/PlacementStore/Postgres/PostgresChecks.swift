import Foundation
import GRDB
import PlacementCore

/// The consistency rules and the audit chain on PostgreSQL: the same rules' SQL (written to run on both),
/// in one REPEATABLE READ transaction. Storage soundness (SQLite's integrity check) is the server's own
/// business on PostgreSQL (checksums, `pg_amcheck`), so no storage problems are reported here.
extension PostgresStore {
    public func consistencyReport(now: Date) throws -> ConsistencyReport {
        try read { tx in
            try Self.requireWholeTrail(tx)
            var rules: [(rule: ConsistencyRule, breaches: [String])] = []
            for rule in ConsistencyRule.all {
                let values: [(any DatabaseValueConvertible)?] = rule.usesNow ? rule.sql.filter { $0 == "?" }.map { _ in now } : []
                let ids = try tx.rows(numbered(rule.sql), values).map { $0[0] as String }
                rules.append((rule, rule.breaches(ids)))
            }
            let chain = try tx.rows(Self.chainSelect)
            var report = ConsistencyReport(storageProblems: [], rules: rules,
                                           auditChain: try AuditChain.firstBreak({ each in for row in chain { try each(row) } }, issued: 0))
            report.storageChecked = false
            return report
        }
    }
}

extension PostgresStore {
    /// On a regional server an officer reads only some of the trail (PostgresPrivacy.swift) and only their
    /// authority's children, so the chain and the rules would report breaks that are not there: the check is
    /// the administrator's, and anyone else is told so in one line.
    static func requireWholeTrail(_ tx: PostgresTransaction) throws {
        let visible = try tx.one(Int.self, "SELECT COUNT(*) FROM audit_log") ?? 0
        let held = try tx.one(Int.self, "SELECT placefinder_audit_size()") ?? 0
        if visible < held {
            throw StoreError.rejected(.checkNeedsAdministrator)
        }
    }

    /// Every chain's entries in id order, with the chain each belongs to (`AuditChain.firstBreak`).
    static let chainSelect = "SELECT id, at, os_user, action, record_type, record_id, detail, hash, chain FROM audit_log ORDER BY id"

    /// Each chain's last entry at or below `id` (every chain's last without it).
    static func chainHeads(upTo id: Int64? = nil, in tx: PostgresTransaction) throws -> [(chain: String, id: Int64, hash: String)] {
        let values: [(any DatabaseValueConvertible)?] = id.map { [$0 as (any DatabaseValueConvertible)?] } ?? []
        let rows = try tx.rows("SELECT DISTINCT ON (chain) chain, id, hash FROM audit_log\(id == nil ? "" : " WHERE id <= $1") ORDER BY chain, id DESC",
                               values)
        return rows.map { row in (chain: row["chain"] as String, id: row["id"] as Int64, hash: row["hash"] as String) }
    }

    /// The trail's head to record elsewhere (`audit --head`): with one chain its last entry and hash, with
    /// several the highest id and a hash over every chain's last entry (`AuditChain.head(ofChains:)`).
    /// Every appender holds key 7283127 shared from taking its id to its commit; holding it alone for a moment
    /// (READ COMMITTED, so the read after it sees what committed meanwhile), no id below the head is in flight,
    /// and no entry can later appear below it.
    public func auditHead() throws -> AuditHead? {
        try session.transaction(.readCommitted, readOnly: true) { tx in
            try Self.requireWholeTrail(tx)
            try tx.execute("SELECT pg_advisory_xact_lock(\(PostgresSchemaPG14.auditQuiesceKey))")
            return AuditChain.head(ofChains: try Self.chainHeads(in: tx))
        }
    }

    /// Nil when the trail still gives the head `head` recorded earlier (entry `head.entryID` and, with several
    /// chains, every chain's last entry up to it, unchanged); else why not, in one line (as SQLite's).
    public func auditHeadProblem(_ head: AuditHead) throws -> String? {
        try read { tx in
            try Self.requireWholeTrail(tx)
            guard try tx.one(String.self, "SELECT hash FROM audit_log WHERE id = $1", [head.entryID]) != nil else {
                return "audit entry \(head.entryID), recorded as a head earlier, is missing"
            }
            let now = AuditChain.head(ofChains: try Self.chainHeads(upTo: head.entryID, in: tx))
            return now?.hash == head.hash ? nil : "audit entry \(head.entryID) no longer has the hash recorded earlier (the trail was rewritten)"
        }
    }
}

extension PostgresStore {
    /// The server's own count of deadlocks and rolled-back transactions in this database since it started:
    /// the regional benchmark reports how many races the server resolved by aborting (and the store retried).
    public func serverAborts() throws -> (deadlocks: Int, rollbacks: Int) {
        try read { tx in
            let row = try tx.rows("SELECT deadlocks, xact_rollback FROM pg_stat_database WHERE datname = current_database()").first
            return (row?[0] ?? 0, row?[1] ?? 0)
        }
    }
}
