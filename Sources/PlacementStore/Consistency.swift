import Foundation
import GRDB
import PlacementCore

/// One of the store's own consistency rules: what must hold, in plain words, and the SQL that finds
/// the records breaking it. Queries return record ids only (never names or other contents), so a
/// report can be shown to anyone who may run `placefinder check`.
public struct ConsistencyRule: Sendable, Hashable, Identifiable {
    /// Short stable name, e.g. `beds-not-negative`.
    public let id: String
    /// What must be true, for the report: "no vacancy has a negative number of beds" (`cli.check.rule.*`).
    public let ruleMessage: Message
    /// How one breach is described, given the id the query returned as `{id}`: "vacancy V1 has a negative number of beds".
    public let breachMessage: Message
    /// Returns one id (text) per breach. `?` parameters, if any, are all bound to `now`.
    let sql: String
    let usesNow: Bool
    /// Which of the returned ids are breaches, for a rule SQL cannot finish alone; nil keeps them all.
    var isBreach: (@Sendable (String) -> Bool)? = nil

    init(id: String, rule: Message, breach: Message, sql: String, usesNow: Bool, isBreach: (@Sendable (String) -> Bool)? = nil) {
        (self.id, ruleMessage, breachMessage, self.sql, self.usesNow, self.isBreach) = (id, rule, breach, sql, usesNow, isBreach)
    }

    /// The rule in English (the report words it in the officer's language).
    public var rule: String { ruleMessage.text(.en) }

    /// One breach in `language`.
    public func breach(_ id: String, _ language: Language = .en) -> String { breachMessage.text(language, ["id": id]) }

    /// The ids breaking the rule among those the rule's query returned.
    func breaches(_ ids: [String]) -> [String] {
        isBreach.map { keep in ids.filter(keep) } ?? ids
    }

    public static func == (a: ConsistencyRule, b: ConsistencyRule) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }

    /// The rules `placefinder check` applies, in the order it reports them.
    public static let all: [ConsistencyRule] = [
        ConsistencyRule(
            id: "beds-not-negative", rule: .cliCheckRuleBedsNotNegative, breach: .cliCheckRuleBedsNotNegativeBreach,
            sql: "SELECT id FROM vacancies WHERE beds < 0 ORDER BY id", usesNow: false),
        ConsistencyRule(
            id: "one-open-placement-per-child", rule: .cliCheckRuleOneOpenPlacementPerChild, breach: .cliCheckRuleOneOpenPlacementPerChildBreach,
            sql: """
                SELECT child_id FROM placements WHERE actual_end IS NULL
                GROUP BY child_id HAVING COUNT(*) > 1 ORDER BY child_id
                """, usesNow: false),
        ConsistencyRule(
            id: "placed-child-has-placement", rule: .cliCheckRulePlacedChildHasPlacement, breach: .cliCheckRulePlacedChildHasPlacementBreach,
            sql: """
                SELECT c.id FROM children c
                WHERE c.status = 'placed'
                  AND (SELECT COUNT(*) FROM placements p WHERE p.child_id = c.id AND p.actual_end IS NULL) <> 1
                ORDER BY c.id
                """, usesNow: false),
        ConsistencyRule(
            id: "no-expired-hold", rule: .cliCheckRuleNoExpiredHold, breach: .cliCheckRuleNoExpiredHoldBreach,
            sql: """
                SELECT id FROM vacancies
                WHERE status = 'held' AND hold_expires_at IS NOT NULL AND hold_expires_at < ?
                ORDER BY id
                """, usesNow: true),
        ConsistencyRule(
            id: "held-vacancy-has-hold", rule: .cliCheckRuleHeldVacancyHasHold, breach: .cliCheckRuleHeldVacancyHasHoldBreach,
            sql: """
                SELECT id FROM vacancies
                WHERE status = 'held' AND (hold_child_id IS NULL OR hold_officer IS NULL OR hold_expires_at IS NULL)
                ORDER BY id
                """, usesNow: false),
        ConsistencyRule(
            id: "placement-ends-after-start", rule: .cliCheckRulePlacementEndsAfterStart, breach: .cliCheckRulePlacementEndsAfterStartBreach,
            sql: """
                SELECT id FROM placements
                WHERE (actual_end IS NOT NULL AND actual_end < start)
                   OR (planned_end IS NOT NULL AND planned_end < start)
                ORDER BY id
                """, usesNow: false),
        ConsistencyRule(
            id: "undone-placement-closed", rule: .cliCheckRuleUndonePlacementClosed, breach: .cliCheckRuleUndonePlacementClosedBreach,
            sql: """
                SELECT id FROM placements
                WHERE undone_at IS NOT NULL
                  AND (actual_end IS NULL OR actual_end <> start OR COALESCE(TRIM(undo_reason), '') = '')
                ORDER BY id
                """, usesNow: false),
        ConsistencyRule(
            id: "notice-received-has-notice", rule: .cliCheckRuleNoticeReceivedHasNotice, breach: .cliCheckRuleNoticeReceivedHasNoticeBreach,
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
            id: "known-authority-codes", rule: .cliCheckRuleKnownAuthorityCodes, breach: .cliCheckRuleKnownAuthorityCodesBreach,
            sql: """
                SELECT authority_code FROM providers UNION SELECT placing_authority FROM children
                UNION SELECT placing_authority FROM placements WHERE placing_authority IS NOT NULL
                UNION SELECT bed_authority FROM placements WHERE bed_authority IS NOT NULL
                UNION SELECT authority_code FROM postcodes ORDER BY 1
                """, usesNow: false, isBreach: { Geography.wales.placingAuthority(code: $0) == nil }),
    ]
}

/// One problem SQLite's own checks found in the file.
public enum StorageProblem: Sendable, Equatable, CustomStringConvertible {
    /// A line of `PRAGMA integrity_check`, SQLite's own words (page numbers, index names; no record contents).
    case integrity(String)
    /// A `PRAGMA foreign_key_check` row: a row of `table` refers to a `parent` record that is not there.
    case brokenReference(table: String, row: Int64?, parent: String)

    public var description: String { description(.en) }

    /// The problem in `language`: a reference in its words; SQLite's own line quoted as SQLite gave it.
    public func description(_ language: Language) -> String {
        switch self {
        case .integrity(let line):
            Message.cliCheckSqliteSays.text(language, ["text": VisibleText.line(line)])
        case .brokenReference(let table, let row, let parent):
            Message.cliCheckBrokenReference.text(language, ["table": table, "row": row.map(String.init) ?? "?", "parent": parent])
        }
    }

    var isIntegrity: Bool { if case .integrity = self { true } else { false } }
}

/// What `placefinder check` found: SQLite's own checks, then each rule with the breaches it found.
public struct ConsistencyReport: Sendable {
    /// `PRAGMA integrity_check` and `PRAGMA foreign_key_check` problems; empty when fine.
    public var storageProblems: [StorageProblem]
    /// Every rule with the ids breaking it (empty when the rule holds), in `ConsistencyRule.all` order.
    public var rules: [(rule: ConsistencyRule, breaches: [String])]
    /// The first entry where the audit trail's hash chain fails, if any.
    public var auditChain: AuditChainBreak?
    /// False on PostgreSQL, whose storage is the server's to check: the first line says so.
    public var storageChecked = true

    public var isClean: Bool { storageProblems.isEmpty && auditChain == nil && rules.allSatisfy(\.breaches.isEmpty) }

    public var text: String { text(.en) }

    /// One line per check, `ok` or `PROBLEM` (`iawn`, `PROBLEM` in Welsh), followed by an indented line per
    /// breach, in `language`. SQLite's own integrity messages are SQLite's words: each is quoted under a line
    /// in `language` saying which check failed.
    public func text(_ language: Language) -> String {
        var lines: [String] = []
        func check(_ ok: Bool, _ what: Message, _ details: [String]) {
            lines.append(ok ? Self.okLine(what.text(language), language) : Self.problemLine(what.text(language), language))
            lines += details.map { "         - \($0)" }
        }
        if !storageChecked {
            check(true, .cliCheckReferencesServer, [])
        } else if storageProblems.isEmpty {
            check(true, .cliCheckFileSound, [])
        } else {
            // Each of SQLite's two checks under its own line, so the officer reads which one failed.
            let damage = storageProblems.filter(\.isIntegrity), references = storageProblems.filter { !$0.isIntegrity }
            if !damage.isEmpty { check(false, .cliCheckFileDamaged, damage.map { $0.description(language) }) }
            if !references.isEmpty { check(false, .cliCheckReferencesBroken, references.map { $0.description(language) }) }
        }
        check(auditChain == nil, .cliCheckAuditUnbroken, auditChain.map { [$0.description(language)] } ?? [])
        for (rule, breaches) in rules {
            check(breaches.isEmpty, rule.ruleMessage, breaches.map { rule.breach($0, language) })
        }
        let count = storageProblems.count + (auditChain == nil ? 0 : 1) + rules.reduce(0) { $0 + $1.breaches.count }
        let total: Message = count == 0 ? .cliCheckNoProblems : count == 1 ? .cliCheckOneProblem : .cliCheckProblems
        lines.append(total.text(language, ["count": String(count)]))
        return lines.joined(separator: "\n")
    }

    /// `ok       what` in `language`: the verdict padded to nine columns, as every line of the report.
    public static func okLine(_ what: String, _ language: Language) -> String { verdict(.cliCheckOk, language) + what }

    /// `PROBLEM  what` in `language`.
    public static func problemLine(_ what: String, _ language: Language) -> String { verdict(.cliCheckProblem, language) + what }

    static func verdict(_ word: Message, _ language: Language) -> String {
        let text = word.text(language)
        return text + String(repeating: " ", count: max(1, 9 - text.count))
    }
}

extension PlacementDatabase {
    /// Runs SQLite's integrity and foreign-key checks and every consistency rule, at `now`.
    public func consistencyReport(now: Date) throws -> ConsistencyReport {
        try read { db in
            let storage = try Self.storageProblems(in: db)
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
