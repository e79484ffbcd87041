import Foundation
import PlacefinderApp
import PlacementCore
import PlacementStore

/// Reads one snapshot of the store for the terminal UI (store → app model).
enum AppDataLoader {
    /// One read transaction (`PlacementStoring.snapshot`). With `previous`, only the tables a commit changed
    /// since it was read are read again; the rest are `previous`'s arrays, shared, not copied.
    static func load(_ store: any PlacementStoring, now: Date, previous: AppData? = nil) throws -> AppData {
        var since = previous?.tableVersions
        // After the launch's first read, the two tables it cut short are read whole; the rest is kept.
        if previous?.historyPending == true { since?["vacancies"] = nil; since?["placements"] = nil }
        return appData(try store.snapshot(since: since), now: now, previous: previous)
    }

    /// A launch's first read: what the first screen shows, the history left to the next load.
    static func loadCurrent(_ store: any PlacementStoring, now: Date) throws -> AppData {
        appData(try store.currentSnapshot(historyFrom: AppData.historyFrom(today: WorkflowTime.day(of: now))), now: now, previous: nil)
    }

    static func appData(_ snapshot: StoreSnapshot, now: Date, previous: AppData?) -> AppData {
        AppData(children: snapshot.children ?? previous?.children ?? [],
                providers: snapshot.providers ?? previous?.providers ?? [],
                vacancies: snapshot.vacancies ?? previous?.vacancies ?? [],
                placements: snapshot.placements ?? previous?.placements ?? [],
                notices: snapshot.notices ?? previous?.notices ?? [],
                contacts: snapshot.contacts ?? previous?.contacts ?? [],
                vacancyAuthority: snapshot.bedAuthority ?? previous?.vacancyAuthority ?? [:],
                loadedAt: now,
                vacancyVersions: snapshot.vacancyVersions ?? previous?.vacancyVersions ?? [:],
                childVersions: snapshot.childVersions ?? previous?.childVersions ?? [:],
                tableVersions: snapshot.tableVersions, childRecordsHidden: snapshot.childRecordsHidden,
                reread: previous == nil ? nil : Set(StoreSnapshot.tables.filter(snapshot.reread)),
                historyPending: snapshot.historyDeferred)
    }
}
