import Foundation
@testable import PlacementCore

/// Hand-made records for the report tests: Newport (W06000022) places children; answers are worked out by hand.
enum ReportWorld {
    static let newport = "W06000022", cardiff = "W06000015", gwynedd = "W06000002"
    static let today = Day(iso: "2026-11-30")!
    static let now = WorkflowTime.date(today, hour: 12, minute: 0)!

    static func d(_ iso: String) -> Day { Day(iso: iso)! }

    static let providers = [
        Provider(id: "LA", name: "Newport homes", sector: .localAuthority, registrationNumber: "1", serviceType: .childrensHome,
                 postcode: "NP20 1AA", authorityCode: newport),
        Provider(id: "LAC", name: "Cardiff homes", sector: .localAuthority, registrationNumber: "2", serviceType: .childrensHome,
                 postcode: "CF10 1AA", authorityCode: cardiff),
        Provider(id: "TS", name: "Charity", sector: .thirdSector, registrationNumber: "3", serviceType: .fosteringAgency,
                 postcode: "CF10 1AA", authorityCode: cardiff),
        Provider(id: "PR", name: "Care Co", sector: .private, registrationNumber: "4", serviceType: .childrensHome,
                 postcode: "LL55 1AA", authorityCode: gwynedd),
    ]

    static func child(_ id: String, authority: String = newport, status: ChildStatus = .placed) -> Child {
        Child(id: id, givenName: "Anna", familyName: "Bell", dateOfBirth: d("2012-05-01"), gender: .female,
              homePostcode: "NP20 1AA", placingAuthority: authority, urgency: .emergency, status: status)
    }

    static func placement(_ id: String, child: String, provider: String, _ start: String, _ end: String? = nil,
                          type: PlacementType = .K2, tier: LocalityTier = .inCounty, notice: Int? = nil,
                          miles: Double = 5) -> Placement {
        Placement(id: id, childID: child, providerID: provider, start: d(start), actualEnd: end.map(d),
                  noticeHours: notice, placementType: type, localityTier: tier.rawValue, milesFromHome: miles)
    }

    static func data(children: [Child], placements: [Placement], vacancies: [Vacancy] = [], contacts: [Contact] = [],
                     notices: [ProviderNotice] = [], suitable: [String: SuitableVacancies]? = nil) -> ReportData {
        ReportData(children: children, providers: providers, vacancies: vacancies, placements: placements,
                   notices: notices, contacts: contacts, suitable: suitable, today: today, now: now)
    }

    static let fy2025 = ReportPeriod(.financialYear(2025), today: today)
}
