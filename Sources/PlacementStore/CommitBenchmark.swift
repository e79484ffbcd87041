import Foundation
import GRDB
import PlacementCore

/// Times the workflow's commonest commits in process — a provider's vacancy notice and a ring-round call —
/// on whatever store it is given (use a demo store: it writes). Each is a full IMMEDIATE transaction with
/// its fsync (synchronous=FULL), ids from `id_counters`, version stamps and audit entries.
public enum CommitBenchmark {
    public struct Figures: Sendable {
        public var kind: String
        public var milliseconds: [Double]

        public func percentile(_ p: Double) -> Double {
            let sorted = milliseconds.sorted()
            guard !sorted.isEmpty else { return 0 }
            return sorted[min(sorted.count - 1, Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1)]
        }

        public var line: String {
            String(format: "%@: %d commits, median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", kind, milliseconds.count,
                   percentile(50), percentile(90), percentile(99), milliseconds.max() ?? 0)
        }
    }

    /// `count` vacancy-changed notices (alternating fees on open vacancies) and `count` calls (a child needing
    /// a placement rings a provider), interleaved.
    public static func run(_ store: PlacementDatabase, count: Int, officer: String, now: Date) throws -> [Figures] {
        let (vacancies, children) = try store.read { db in
            (try Row.fetchAll(db, sql: "SELECT id, provider_id, weekly_fee FROM vacancies WHERE status = 'open' ORDER BY id LIMIT 500"),
             try Row.fetchAll(db, sql: "SELECT c.id, v.provider_id FROM children c, (SELECT provider_id FROM vacancies LIMIT 1) v "
                                     + "WHERE c.status != 'placed' ORDER BY c.id LIMIT 500"))
        }
        guard !vacancies.isEmpty, !children.isEmpty else { return [] }
        let clock = ContinuousClock()
        var notices = Figures(kind: "notice (vacancy changed)", milliseconds: [])
        var calls = Figures(kind: "call (ring-round contact)", milliseconds: [])
        for i in 0..<count {
            let v = vacancies[i % vacancies.count]
            let fee: Int = v[2]
            let draft = NoticeDraft(providerID: v[1], kind: .vacancyChanged, receivedAt: now, vacancyID: v[0],
                                    changes: VacancyChanges(weeklyFee: i % 2 == 0 ? fee + 1 : fee))
            let start = clock.now
            try store.logNotice(draft, officer: officer, now: now)
            notices.milliseconds.append((clock.now - start).milliseconds)

            let c = children[i % children.count]
            let call = ContactDraft(childID: c[0], providerID: c[1], at: now, outcome: .considering)
            let began = clock.now
            try store.recordContact(call, officer: officer, now: now)
            calls.milliseconds.append((clock.now - began).milliseconds)
        }
        return [notices, calls]
    }
}

extension Duration {
    var milliseconds: Double { Double(components.seconds) * 1_000 + Double(components.attoseconds) / 1e15 }
}
