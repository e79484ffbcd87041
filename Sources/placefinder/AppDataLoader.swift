import Foundation
import PlacefinderApp
import PlacementCore
import PlacementStore

/// Reads one snapshot of the store for the terminal UI (store → app model).
enum AppDataLoader {
    /// One read transaction (`PlacementStoring.snapshot`). With `previous`, only the tables a commit changed
    /// since it was read are read again (only their changed rows where the store logs them); the rest are
    /// `previous`'s arrays, shared, not copied. After the launch's first read, the history it left out comes too.
    static func load(_ store: any PlacementStoring, now: Date, previous: AppData? = nil) throws -> AppData {
        guard let previous else { return appData(try store.snapshot(since: nil), now: now, previous: nil) }
        let snapshot = previous.historyPending
            ? try store.historySnapshot(since: previous.tableVersions,
                                        historyFrom: AppData.historyFrom(today: WorkflowTime.day(of: previous.loadedAt)))
            : try store.snapshot(since: previous.tableVersions)
        return appData(snapshot, now: now, previous: previous)
    }

    /// A launch's first read: what the first screen shows, the history left to the next load.
    static func loadCurrent(_ store: any PlacementStoring, now: Date) throws -> AppData {
        appData(try store.currentSnapshot(historyFrom: AppData.historyFrom(today: WorkflowTime.day(of: now))), now: now, previous: nil)
    }

    static func appData(_ snapshot: StoreSnapshot, now: Date, previous: AppData?) -> AppData {
        let whole = previous.map { snapshot.laidOver(base($0)) } ?? snapshot
        return AppData(children: whole.children ?? [], providers: whole.providers ?? [], vacancies: whole.vacancies ?? [],
                       placements: whole.placements ?? [], notices: whole.notices ?? [], contacts: whole.contacts ?? [],
                       vacancyAuthority: whole.bedAuthority ?? [:], loadedAt: now,
                       vacancyVersions: whole.vacancyVersions ?? [:], childVersions: whole.childVersions ?? [:],
                       tableVersions: snapshot.tableVersions, childRecordsHidden: snapshot.childRecordsHidden,
                       reread: previous == nil ? nil : Set(StoreSnapshot.tables.filter(snapshot.reread)),
                       historyPending: snapshot.historyDeferred)
    }

    /// What `previous` holds, as the snapshot the next one is laid over.
    private static func base(_ previous: AppData) -> StoreSnapshot {
        StoreSnapshot(tableVersions: previous.tableVersions, children: previous.children, providers: previous.providers,
                      vacancies: previous.vacancies, placements: previous.placements, notices: previous.notices,
                      contacts: previous.contacts, vacancyVersions: previous.vacancyVersions,
                      childVersions: previous.childVersions, bedAuthority: previous.vacancyAuthority)
    }
}
