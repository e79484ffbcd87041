import Foundation
import PlacefinderApp
import PlacementCore
import PlacementStore

/// Reads one snapshot of the store for the terminal UI (store → app model).
enum AppDataLoader {
    static func load(_ db: PlacementDatabase, now: Date) throws -> AppData {
        let providers = try db.providers(), vacancies = try db.vacancies()
        let locate = try db.locator(for: vacancies.compactMap(\.postcode) + providers.map(\.postcode))
        let authority = AppData.bedAuthorities(vacancies: vacancies, providers: providers, locate: locate)
        return AppData(children: try db.children(), providers: providers, vacancies: vacancies,
                       placements: try db.placements(), notices: try db.notices(), contacts: try db.contacts(),
                       vacancyAuthority: authority,
                       loadedAt: now)
    }
}
