import Foundation
import Testing
@testable import PlacementCore

/// The documented order (docs/matching.md, "Ties"): score, then straight miles, then locality tier, then vacancy id.
@Suite struct MatchOrderTests {
    typealias W = MatchWorld

    @Test func equalScoresAreOrderedByMilesThenTierThenID() {
        // Locality weighs nothing here, so a bed across the Vale border scores the same as one in Cardiff;
        // every bed is within the full-score distance, so nearer ones score the same too.
        var policy = MatchPolicy.default
        policy.weights[.locality] = 0
        let places: [String: GeoLocation] = [
            "HOME": Self.place(51.4816, "W06000015"),
            "NEAR": Self.place(51.4900, "W06000015"),
            "NEAR-VALE": Self.place(51.4900, "W06000014"),
            "FURTHER": Self.place(51.5160, "W06000015"),
        ]
        let provider = Provider(id: "P", name: "P", sector: .localAuthority, registrationNumber: "R", serviceType: .childrensHome,
                                postcode: "HOME", authorityCode: "W06000015", welshLanguage: .none, capabilities: [])
        let vacancies = [W.vacancy("V-FURTHER", provider: "P", postcode: "FURTHER"), W.vacancy("V9", provider: "P", postcode: "NEAR"),
                         W.vacancy("V-VALE", provider: "P", postcode: "NEAR-VALE"), W.vacancy("V10", provider: "P", postcode: "NEAR")]
        let index = CandidateIndex(vacancies: vacancies, providers: [provider], placements: [], today: W.today, policy: policy) { postcode, _ in places[postcode] }
        let engine = MatchEngine(index: index, policy: policy)
        let result = engine.rank(MatchRequest(children: [W.child()], home: places["HOME"]!, today: W.today, now: W.now))
        #expect(Set(result.ranked.map(\.score)).count == 1, "the scores must tie for the order to test the tie-break")
        // V10 before V9: ids compare as text, as the store sorts them.
        #expect(result.ranked.map { index.vacancies[$0.index].id } == ["V10", "V9", "V-VALE", "V-FURTHER"])
    }

    static func place(_ latitude: Double, _ authority: String) -> GeoLocation {
        GeoLocation(coordinate: Coordinate(latitude: latitude, longitude: -3.1791), authorityCode: authority, precision: .postcode)
    }
}
