import Foundation
@testable import PlacementCore

/// A small, hand-built world for matching tests: places with known coordinates and authorities.
struct MatchWorld {
    static let today = Day(iso: "2026-11-25")!
    static let now = Date(timeIntervalSince1970: 1_795_600_000) // 2026-11-25 around 08:00 UTC

    /// Postcode → (lat, lon, authority). Postcodes here are only keys.
    static let places: [String: (Double, Double, String)] = [
        "CF10 1AA": (51.4816, -3.1791, "W06000015"), // Cardiff centre
        "CF14 4XW": (51.5160, -3.2000, "W06000015"), // north Cardiff
        "CF62 4AA": (51.4050, -3.2700, "W06000014"), // Barry, Vale of Glamorgan
        "NP20 1AA": (51.5842, -2.9977, "W06000022"), // Newport
        "SA1 1AA": (51.6214, -3.9436, "W06000011"),  // Swansea
        "LL57 2DG": (53.2274, -4.1293, "W06000002"), // Bangor, Gwynedd
        "HR1 2AA": (52.0560, -2.7160, "E06000019"),  // Hereford
        "TR1 2AA": (50.2632, -5.0510, "E06000052"),  // Truro, Cornwall
        "G1 1AA": (55.8642, -4.2518, "S12000049"),   // Glasgow
        "BS1 4AA": (51.4545, -2.5879, "E06000023"),  // Bristol
    ]

    static func locate(_ postcode: String, _ fallbackAuthority: String? = nil) -> GeoLocation? {
        places[postcode].map { GeoLocation(coordinate: Coordinate(latitude: $0.0, longitude: $0.1), authorityCode: $0.2, precision: .postcode) }
    }

    static func provider(_ id: String, at postcode: String, sector: Sector = .localAuthority,
                         capabilities: [String] = [], welsh: WelshCapability = .none) -> Provider {
        Provider(id: id, name: "Provider \(id)", sector: sector, registrationNumber: "REG-\(id)",
                 serviceType: .childrensHome, postcode: postcode, authorityCode: places[postcode]!.2,
                 welshLanguage: welsh, capabilities: capabilities)
    }

    static func vacancy(_ id: String, provider: String, setting: Setting = .residential, beds: Int = 1,
                        ages: ClosedRange<Int> = 5...17, siblings: Int = 1, capabilities: [String] = [],
                        from: Day = today, emergencies: Bool = true, fee: Int = 4_000,
                        confirmedDaysAgo: Double = 0, status: VacancyStatus = .open,
                        postcode: String? = nil, genders: Set<Gender> = Set(Gender.allCases),
                        connected: [String] = []) -> Vacancy {
        Vacancy(id: id, providerID: provider, setting: setting, postcode: postcode, beds: beds, ageRange: ages,
                gendersAccepted: genders, maxSiblingGroup: siblings, extraCapabilities: capabilities,
                availableFrom: from, takesEmergencies: emergencies, weeklyFee: fee,
                lastConfirmedAt: now.addingTimeInterval(-confirmedDaysAgo * 86_400), status: status,
                connectedChildIDs: connected)
    }

    static func child(_ id: String = "C1", dob: String = "2014-03-01", home: String = "CF10 1AA",
                      authority: String = "W06000015", needs: [NeedRequirement] = [],
                      settings: [Setting] = [.residential, .foster, .kinship], urgency: Urgency = .emergency,
                      welsh: NeedLevel? = nil, safeguarding: SafeguardingConstraints = .init(),
                      school: String? = nil, siblings: SiblingGroup? = nil, gender: Gender = .female) -> Child {
        Child(id: id, givenName: "Test", familyName: "Child \(id)", dateOfBirth: Day(iso: dob)!, gender: gender,
              homePostcode: home, placingAuthority: authority, schoolPostcode: school, welshPlacement: welsh,
              needs: needs, siblingGroup: siblings, safeguarding: safeguarding, acceptableSettings: settings,
              urgency: urgency, status: .needsPlacement)
    }

    static func engine(providers: [Provider], vacancies: [Vacancy], placements: [Placement] = [],
                       policy: MatchPolicy = .default) -> MatchEngine {
        let index = CandidateIndex(vacancies: vacancies, providers: providers, placements: placements,
                                   today: today, policy: policy, locate: locate)
        return MatchEngine(index: index, policy: policy)
    }

    static func request(_ children: [Child], contacts: [Contact] = [], history: [Placement] = []) -> MatchRequest {
        try! MatchRequest.resolving(children: children, today: today, now: now, contacts: contacts,
                                    history: history, locate: locate).get()
    }

    static func rankedIDs(_ engine: MatchEngine, _ request: MatchRequest) -> [String] {
        engine.rank(request).ranked.map { engine.index.vacancies[$0.index].id }
    }
}
