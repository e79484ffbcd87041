import Foundation
import PlacefinderApp
import PlacementCore
import PlacementStore

/// A notice changes one open bed's fee, then the dashboard reloads through `reload` (the caller's loader,
/// given the data held): the reload a colleague's notice costs every other dashboard.
public enum BedNoticeReloads {
    /// Reload times in ms. With `alsoWhole`, every other reload forgets where the row log starts and the
    /// market's counter, so it reads the beds whole, as before the row log (`whole`); else `whole` is empty.
    public static func run(_ store: any PlacementStoring, from start: AppData, runs: Int, officer: String, now: Date,
                           alsoWhole: Bool, reload: (AppData) throws -> AppData) throws -> (logged: [Double], whole: [Double])? {
        guard let bed = start.vacancies.first(where: { $0.status == .open }) else { return nil }
        var data = start, logged: [Double] = [], whole: [Double] = []
        for i in 0..<(alsoWhole ? 2 * runs : runs) {
            let draft = NoticeDraft(providerID: bed.providerID, kind: .vacancyChanged, receivedAt: now, vacancyID: bed.id,
                                    changes: VacancyChanges(weeklyFee: bed.weeklyFee + 1 + i % 2))
            try store.logNotice(draft, officer: officer, now: now)
            let readWhole = alsoWhole && i % 2 == 1
            var previous = data
            if readWhole { previous.tableVersions["vacancies"] = nil; previous.tableVersions[PostgresRowLog.mark] = nil }
            let begin = ContinuousClock.now
            data = try reload(previous)
            let ms = (ContinuousClock.now - begin).milliseconds
            if readWhole { whole.append(ms) } else { logged.append(ms) }
        }
        return (logged, whole)
    }
}

/// The median of benchmark timings (the upper one of an even count), 0 for none.
public func median(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.sorted()[values.count / 2] }
