import Foundation
import GRDB
import PlacementCore

/// Reads what the matching engine needs from the store and assembles the pure engine's inputs: records
/// decoded by column, locations as stored when each record was written, provider stability aggregated by
/// SQLite, the children living in each home (`ResidentsQuery`) — one read transaction each.
extension PlacementDatabase {
    /// An engine over every vacancy in the store.
    public func matchEngine(today: Day, policy: MatchPolicy = .default) throws -> MatchEngine {
        try read { db in
            let bits = try NeedBits.load(db)
            return MatchLoading.engine(providers: try Self.providers(in: db, bits: bits), vacancies: try Self.vacancies(in: db, bits: bits),
                                       stability: try Self.providerStability(today: today, windowDays: policy.stabilityWindowDays, in: db),
                                       residents: try Self.residents(today: today, bits: bits, in: db),
                                       today: today, policy: policy)
        }
    }

    /// The request for one child: with their sibling group when it must be placed together, their
    /// ring-round contacts and their history. Fails plainly for an unknown or settled child.
    public func matchRequest(childID: String, today: Day, now: Date) throws -> MatchRequest {
        try read { db in
            let bits = try NeedBits.load(db)
            return try MatchLoading.request(
                found: try Self.children(in: db, where: " WHERE id = ?", [childID], bits: bits), childID: childID, today: today, now: now,
                siblings: { child, groupID in
                    try Self.children(in: db, where: " WHERE sibling_group_id = ? AND id != ? AND status != 'placed'", [groupID, child], bits: bits).values
                },
                contacts: { try Self.all(db, ContactRow.select + " WHERE child_id = ? ORDER BY at, id", [$0], ContactRow.decode) },
                history: { try Self.placements(childID: $0, in: db) },
                directory: { try RecordLocator.directoryRows($0, in: db) })
        }
    }
}

/// The engine's inputs from records either backend read, in one read transaction of its own.
enum MatchLoading {
    static func engine(providers: Fetched<Provider>, vacancies: Fetched<Vacancy>, stability: [String: ProviderStability],
                       residents: [Resident], today: Day, policy: MatchPolicy) -> MatchEngine {
        var stored = StoredLocations(beds: vacancies, providers: providers)
        let index = CandidateIndex(vacancies: vacancies.values, providers: providers.values,
                                   stability: stability, today: today, catalogue: .standard, residents: residents,
                                   locate: { stored.locate($0, $1) })
        return MatchEngine(index: index, policy: policy)
    }

    /// `found`: the child's row (none when unknown); `siblings(childID, groupID)`: the rest of a group to be
    /// placed together, not yet placed; `contacts` and `history` per child; `directory`: postcode rows.
    static func request(found: Fetched<Child>, childID: String, today: Day, now: Date,
                        siblings: (String, String) throws -> [Child], contacts: (String) throws -> [Contact],
                        history: (String) throws -> [Placement],
                        directory: ([String]) throws -> [String: PostcodeRecord]) throws -> MatchRequest {
        guard let child = found.values.first else { throw MatchError.unknownChild(childID) }
        let home = found.locations[0]
        guard child.status != .placed else { throw MatchError.alreadyPlaced(childID: childID) }
        var group = [child]
        if let group_ = child.siblingGroup, group_.mustBePlacedTogether {
            group += try siblings(child.id, group_.groupID)
        }
        var calls: [Contact] = [], placements: [Placement] = []
        for member in group {
            calls += try contacts(member.id)
            placements += try history(member.id)
        }
        // Home as stored; schools and avoid-areas (a few) looked up now.
        let others = group.flatMap { ($0.schoolPostcode.map { [$0] } ?? []) + $0.safeguarding.avoidAreas.map(\.postcode) }
        let locator = RecordLocator(known: try directory(others + (home == nil ? [child.homePostcode] : [])))
        let locate = { (postcode: String, fallback: String?) -> GeoLocation? in
            if let home, postcode == child.homePostcode, fallback == child.placingAuthority { return home }
            return locator.resolver.locate(raw: postcode, fallbackAuthority: fallback)
        }
        return try MatchRequest.resolving(children: group, today: today, now: now, contacts: calls,
                                          history: placements, locate: locate).get()
    }
}

/// Stored locations answering the index's question, `locate(bed postcode ?? provider postcode, provider authority)`.
/// The index asks for the beds in the order it was given them, so the answer is the next stored location when
/// the question matches that bed; anything else (a bed the index skipped) is looked up by scanning forward.
struct StoredLocations {
    private let questions: [(postcode: String, authority: String?)]
    private let answers: [GeoLocation?]
    private var next = 0

    init(beds: Fetched<Vacancy>, providers: Fetched<Provider>) {
        let place = Dictionary(providers.values.map { ($0.id, $0) }) { first, _ in first }
        questions = beds.values.map { bed in
            let provider = place[bed.providerID]
            return (bed.postcode ?? provider?.postcode ?? "", provider?.authorityCode)
        }
        answers = beds.locations
    }

    mutating func locate(_ postcode: String, _ authority: String?) -> GeoLocation? {
        var i = next
        while i < questions.count {
            if questions[i].postcode == postcode, questions[i].authority == authority {
                next = i + 1
                return answers[i]
            }
            i += 1
        }
        return nil
    }
}
