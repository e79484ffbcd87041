import Foundation
import PlacementCore

/// What the reports read: one snapshot of the records, and for each waiting child in the area the matching
/// engine's count of suitable vacancies (the same engine and requests as `placefinder match`).
extension PlacementStoring {
    public func reportData(today: Day, now: Date, area: ReportArea, matching: Bool = true) throws -> ReportData {
        let snapshot = try snapshot()
        let children = snapshot.children ?? []
        var suitable: [String: SuitableVacancies]?
        if matching {
            let engine = try matchEngine(today: today)
            var found: [String: SuitableVacancies] = [:]
            for child in children where child.status != .placed && area.contains(child.placingAuthority) && found[child.id] == nil {
                do {
                    let request = try matchRequest(childID: child.id, today: today, now: now)
                    // A sibling group that must stay together is matched as one: each child gets the group's count.
                    let counts = SuitableVacancies(engine.rank(request, explainTop: 0))
                    for member in request.children { found[member.id] = counts }
                } catch let error as MatchError {
                    found[child.id] = SuitableVacancies(byTier: [], unmatchedReason: Self.unmatched(error))
                }
            }
            suitable = found
        }
        return ReportData(children: children, providers: snapshot.providers ?? [], vacancies: snapshot.vacancies ?? [],
                          placements: snapshot.placements ?? [], notices: snapshot.notices ?? [],
                          contacts: snapshot.contacts ?? [], bedAuthority: snapshot.bedAuthority ?? [:],
                          suitable: suitable, today: today, now: now)
    }

    /// Why a waiting child could not be matched, without the child's id (the report row names it).
    static func unmatched(_ error: MatchError) -> String {
        switch error {
        case .homeNotLocated: "home postcode cannot be located"
        case .avoidAreaNotLocated: "an avoid-area postcode cannot be located"
        case .alreadyPlaced: "placed, no notice received"
        case .unknownChild: "not in the store"
        }
    }
}
