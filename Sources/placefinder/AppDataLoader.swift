import Foundation
import PlacefinderApp
import PlacementCore
import PlacementStore

/// Reads one snapshot of the store for the terminal UI (store → app model).
enum AppDataLoader {
    static func load(_ db: PlacementDatabase, now: Date) throws -> AppData {
        let providers = try db.providers(), vacancies = try db.vacancies()
        let byID = Dictionary(providers.map { ($0.id, $0) }) { first, _ in first }
        let locate = try db.locator(for: vacancies.compactMap(\.postcode) + providers.map(\.postcode))
        var authority: [String: String] = [:]
        for v in vacancies {
            guard let provider = byID[v.providerID] else { continue }
            authority[v.id] = locate(v.postcode ?? provider.postcode, provider.authorityCode)?.authorityCode ?? provider.authorityCode
        }
        return AppData(children: try db.children(), providers: providers, vacancies: vacancies,
                       placements: try db.placements(), notices: try db.notices(), contacts: try db.contacts(),
                       vacancyAuthority: authority,
                       loadedAt: now)
    }
}
