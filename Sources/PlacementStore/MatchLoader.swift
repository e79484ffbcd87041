import Foundation
import PlacementCore

/// Reads what the matching engine needs from the store and assembles the pure engine's inputs.
extension PlacementDatabase {
    /// An engine over every vacancy in the store, locations resolved once.
    public func matchEngine(today: Day, policy: MatchPolicy = .default) throws -> MatchEngine {
        let vacancies = try vacancies(), providers = try providers(), placements = try placements()
        let locate = try locator(for: vacancies.compactMap(\.postcode) + providers.map(\.postcode))
        let index = CandidateIndex(vacancies: vacancies, providers: providers, placements: placements,
                                   today: today, policy: policy, locate: locate)
        return MatchEngine(index: index, policy: policy)
    }

    /// The request for one child: with their sibling group when it must be placed together, their
    /// ring-round contacts and their history. Fails plainly for an unknown or settled child.
    public func matchRequest(childID: String, today: Day, now: Date) throws -> MatchRequest {
        guard let child = try child(id: childID) else { throw MatchError.unknownChild(childID) }
        guard child.status != .placed else { throw MatchError.alreadyPlaced(childID: childID) }
        var group = [child]
        if let siblings = child.siblingGroup, siblings.mustBePlacedTogether {
            group += try children().filter {
                $0.id != child.id && $0.siblingGroup?.groupID == siblings.groupID && $0.status != .placed
            }.sorted { $0.id < $1.id }
        }
        var contacts: [Contact] = [], history: [Placement] = []
        for member in group {
            contacts += try self.contacts(childID: member.id)
            history += try placements(childID: member.id)
        }
        let postcodes = group.flatMap { [$0.homePostcode] + ($0.schoolPostcode.map { [$0] } ?? []) + $0.safeguarding.avoidAreas.map(\.postcode) }
        let locate = try locator(for: postcodes)
        return try MatchRequest.resolving(children: group, today: today, now: now, contacts: contacts,
                                          history: history, locate: locate).get()
    }
}
