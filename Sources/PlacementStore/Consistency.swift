import Foundation
import GRDB
import PlacementCore

/// One of the store's own consistency rules: what must hold, in plain words, and the SQL that finds
/// the records breaking it. Queries return record ids only (never names or other contents), so a
/// report can be shown to anyone who may run `placefinder check`.
public struct ConsistencyRule: Sendable, Hashable, Identifiable {
    /// Short stable name, e.g. `beds-not-negative`.
    public let id: String
    /// What must be true, for the report: "no vacancy has a negative number of beds".
    public let rule: String
    /// How one breach is described, given the id the query returned: "vacancy V1 has fewer than 0 beds".
    let breach: @Sendable (String) -> String
    /// Returns one id (text) per breach. `?` parameters, if any, are all bound to `now`.
    let sql: String
    let usesNow: Bool
    /// Which of the returned ids are breaches, for a rule SQL cannot finish alone; nil keeps them all.
    var isBreach: (@Sendable (String) -> Bool)? = nil

    /// The breaches among the ids the rule's query returned.
    func breaches(_ ids: [String]) -> [String] {
        (isBreach.map { keep in ids.filter(keep) } ?? ids).map(breach)
    }

    public static func == (a: ConsistencyRule, b: ConsistencyRule) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// The rules `placefinder check` applies, in the order it reports them.
    public static let all: [ConsistencyRule] = [
        ConsistencyRule(
            id: "beds-not-negative", rule: "no vacancy has a negative number of beds",
            breach: { "vacancy \($0) has a negative number of beds" },
            sql: "SELECT id FROM vacancies WHERE beds < 0 ORDER BY id", usesNow: false),
        ConsistencyRule(
            id: "one-open-placement-per-child", rule: "no child is in two open placements at once",
            breach: { "child \($0) has more than one open placement (no actual end)" },
            sql: """
                SELECT child_id FROM placements WHERE actual_end IS NULL
                GROUP BY child_id HAVING COUNT(*) > 1 ORDER BY child_id
                """, usesNow: false),
        ConsistencyRule(
            id: "placed-child-has-placement", rule: "every placed child has exactly one open placement",
            breach: { "child \($0) is recorded as placed but does not have exactly one open placement" },
            sql: """
                SELECT c.id FROM children c
                WHERE c.status = 'placed'
                  AND (SELECT COUNT(*) FROM placements p WHERE p.child_id = c.id AND p.actual_end IS NULL) <> 1
                ORDER BY c.id
                """, usesNow: false),
        ConsistencyRule(
            id: "no-expired-hold", rule: "no vacancy is still held after its hold expired",
            breach: { "vacancy \($0) is still held but its hold has expired (release it or renew the hold)" },
            sql: """
                SELECT id FROM vacancies
                WHERE status = 'held' AND hold_expires_at IS NOT NULL AND hold_expires_at < ?
                ORDER BY id
                """, usesNow: true),
        ConsistencyRule(
            id: "held-vacancy-has-hold", rule: "every held vacancy records its hold (child, officer, expiry)",
            breach: { "vacancy \($0) is held but has no hold recorded" },
            sql: """
                SELECT id FROM vacancies
                WHERE status = 'held' AND (hold_child_id IS NULL OR hold_officer IS NULL OR hold_expires_at IS NULL)
                ORDER BY id
                """, usesNow: false),
        ConsistencyRule(
            id: "placement-ends-after-start", rule: "no placement ends (planned or actual) before it starts",
            breach: { "placement \($0) ends before it starts" },
            sql: """
                SELECT id FROM placements
                WHERE (actual_end IS NOT NULL AND actual_end < start)
                   OR (planned_end IS NOT NULL AND planned_end < start)
                ORDER BY id
                """, usesNow: false),
        ConsistencyRule(
            id: "undone-placement-closed", rule: "an undone placement ends on its start day and says why (v7)",
            breach: { "placement \($0) is marked undone but is still open or has no reason" },
            sql: """
                SELECT id FROM placements
                WHERE undone_at IS NOT NULL
                  AND (actual_end IS NULL OR actual_end <> start OR COALESCE(TRIM(undo_reason), '') = '')
                ORDER BY id
                """, usesNow: false),
        ConsistencyRule(
            id: "notice-received-has-notice", rule: "every child marked notice received has a placement-ending notice",
            breach: { "child \($0) is marked notice received but no placement-ending notice is recorded" },
            sql: """
                SELECT c.id FROM children c
                WHERE c.status = 'notice_received'
                  AND NOT EXISTS (SELECT 1 FROM notices n WHERE n.child_id = c.id AND n.kind = 'placement_ending'
                                  -- a current notice (v6): not withdrawn, not replaced by a correction
                                  AND COALESCE(n.correction_kind, '') <> 'withdrawn'
                                  AND NOT EXISTS (SELECT 1 FROM notices r WHERE r.corrects = n.id))
                ORDER BY c.id
                """, usesNow: false),
        ConsistencyRule(
            id: "known-authority-codes", rule: "every authority code stored is one Placefinder knows (its reg 12 rung is never a guess)",
            breach: { "\($0) is not a local authority code Placefinder knows (fixtures/geo/uk-areas.csv): correct the records or the postcodes that carry it" },
            sql: """
                SELECT authority_code FROM providers UNION SELECT placing_authority FROM children
                UNION SELECT placing_authority FROM placements WHERE placing_authority IS NOT NULL
                UNION SELECT bed_authority FROM placements WHERE bed_authority IS NOT NULL
                UNION SELECT authority_code FROM postcodes ORDER BY 1
                """, usesNow: false, isBreach: { Geography.wales.placingAuthority(code: $0) == nil }),
    ]
}

/// What `placefinder check` found: SQLite's own checks, then each rule with the breaches it found.
public struct ConsistencyReport: Sendable {
    /// `PRAGMA integrity_check` and `PRAGMA foreign_key_check` problems, in plain words; empty when fine.
    public var storageProblems: [String]
    /// Every rule with the breaches found (empty when the rule holds), in `ConsistencyRule.all` order.
    public var rules: [(rule: ConsistencyRule, breaches: [String])]
    /// The first entry where the audit trail's hash chain fails, if any.
    public var auditChain: AuditChainBreak?
    /// False on PostgreSQL, whose storage is the server's to check: the first line says so.
    public var storageChecked = true

    public var isClean: Bool { storageProblems.isEmpty && auditChain == nil && rules.allSatisfy(\.breaches.isEmpty) }

    /// One line per check, `ok` or `PROBLEM`, followed by an indented line per breach.
    public var text: String {
        var lines: [String] = []
        if !storageChecked {
            lines.append("ok       references hold (the PostgreSQL server enforces them; its storage is checked with pg_amcheck)")
        } else if storageProblems.isEmpty {
            lines.append("ok       the file is sound (SQLite integrity check and foreign keys)")
        } else {
            lines.append("PROBLEM  the file is damaged or has broken references (SQLite integrity check and foreign keys)")
            lines += storageProblems.map { "         - \($0)" }
        }
        if let auditChain {
            lines.append("PROBLEM  the audit trail is unbroken (each entry's hash chains to the one before)")
            lines.append("         - \(auditChain.description)")
        } else {
            lines.append("ok       the audit trail is unbroken (each entry's hash chains to the one before)")
        }
        for (rule, breaches) in rules {
            lines.append((breaches.isEmpty ? "ok       " : "PROBLEM  ") + rule.rule)
            lines += breaches.map { "         - \($0)" }
        }
        let count = storageProblems.count + (auditChain == nil ? 0 : 1) + rules.reduce(0) { $0 + $1.breaches.count }
        lines.append(count == 0 ? "No problems found." : "\(count) problem\(count == 1 ? "" : "s") found.")
        return lines.joined(separator: "\n")
    }
}

extension PlacementDatabase {
    /// Runs SQLite's integrity and foreign-key checks and every consistency rule, at `now`.
    public func consistencyReport(now: Date) throws -> ConsistencyReport {
        try read { db in
            let storage = try Self.problems(in: db).filter { $0 != "ok" }
            var rules: [(rule: ConsistencyRule, breaches: [String])] = []
            for rule in ConsistencyRule.all {
                var arguments = StatementArguments()
                if rule.usesNow { for _ in 0..<rule.sql.filter({ $0 == "?" }).count { arguments += [now] } }
                let ids = try String.fetchAll(db, sql: rule.sql, arguments: arguments)
                rules.append((rule, rule.breaches(ids)))
            }
            return ConsistencyReport(storageProblems: storage, rules: rules, auditChain: try AuditChain.firstBreak(in: db))
        }
    }
}
