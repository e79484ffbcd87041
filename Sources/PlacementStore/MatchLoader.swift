import Foundation
import GRDB
import PlacementCore

/// Reads what the matching engine needs from the store and assembles the pure engine's inputs: records
/// decoded by column, locations as stored when each record was written, provider stability aggregated by
/// SQLite — one read transaction each.
extension PlacementDatabase {
    /// An engine over every vacancy in the store.
    public func matchEngine(today: Day, policy: MatchPolicy = .default) throws -> MatchEngine {
        try read { db in
            let bits = try NeedBits.load(db)
            let providers = try Self.providers(in: db, bits: bits)
            let vacancies = try Self.vacancies(in: db, bits: bits)
            let stability = try Self.providerStability(today: today, windowDays: policy.stabilityWindowDays, in: db)
            let stored = StoredLocations(beds: vacancies, providers: providers)
            let index = CandidateIndex(vacancies: vacancies.values, providers: providers.values,
                                       stability: stability, today: today, catalogue: .standard,
                                       locate: stored.locate)
            return MatchEngine(index: index, policy: policy)
        }
    }

    /// The request for one child: with their sibling group when it must be placed together, their
    /// ring-round contacts and their history. Fails plainly for an unknown or settled child.
    public func matchRequest(childID: String, today: Day, now: Date) throws -> MatchRequest {
        try read { db in
            let bits = try NeedBits.load(db)
            let found = try Self.children(in: db, where: " WHERE id = ?", [childID], bits: bits)
            guard let child = found.values.first else { throw MatchError.unknownChild(childID) }
            let home = found.locations[0]
            guard child.status != .placed else { throw MatchError.alreadyPlaced(childID: childID) }
            var group = [child]
            if let siblings = child.siblingGroup, siblings.mustBePlacedTogether {
                group += try Self.children(in: db, where: " WHERE sibling_group_id = ? AND id != ? AND status != 'placed'",
                                           [siblings.groupID, child.id], bits: bits).values
            }
            var contacts: [Contact] = [], history: [Placement] = []
            for member in group {
                contacts += try Self.all(db, ContactRow.select + " WHERE child_id = ? ORDER BY at, id", [member.id], ContactRow.decode)
                history += try Self.placements(childID: member.id, in: db)
            }
            // Home as stored; schools and avoid-areas (a few) looked up now.
            let others = group.flatMap { ($0.schoolPostcode.map { [$0] } ?? []) + $0.safeguarding.avoidAreas.map(\.postcode) }
            let locator = try RecordLocator(postcodes: others + (home == nil ? [child.homePostcode] : []), in: db)
            let locate = { (postcode: String, fallback: String?) -> GeoLocation? in
                if let home, postcode == child.homePostcode, fallback == child.placingAuthority { return home }
                return locator.resolver.locate(raw: postcode, fallbackAuthority: fallback)
            }
            return try MatchRequest.resolving(children: group, today: today, now: now, contacts: contacts,
                                              history: history, locate: locate).get()
        }
    }
}

/// Stored locations answering the index's question, `locate(bed postcode ?? provider postcode, provider authority)`.
/// The resolver's answer depends on both, but one postcode nearly always has one answer: keyed by postcode,
/// with the authority checked, and the rare postcode located two ways kept aside under both.
struct StoredLocations {
    private var byPostcode: [String: (authority: String, location: GeoLocation)] = [:]
    private var split: [String: [String: GeoLocation]] = [:]

    init(beds: Fetched<Vacancy>, providers: Fetched<Provider>) {
        let place = Dictionary(providers.values.map { ($0.id, $0) }) { first, _ in first }
        byPostcode.reserveCapacity(beds.values.count)
        for (bed, location) in zip(beds.values, beds.locations) {
            guard let location, let provider = place[bed.providerID] else { continue }
            let postcode = bed.postcode ?? provider.postcode
            if let seen = byPostcode[postcode], seen.authority != provider.authorityCode || seen.location != location {
                split[postcode, default: [seen.authority: seen.location]][provider.authorityCode] = location
            } else {
                byPostcode[postcode] = (provider.authorityCode, location)
            }
        }
    }

    func locate(_ postcode: String, _ authority: String?) -> GeoLocation? {
        if let alternatives = split[postcode] { return authority.flatMap { alternatives[$0] } }
        guard let found = byPostcode[postcode], found.authority == authority else { return nil }
        return found.location
    }
}
