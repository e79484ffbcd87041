import Foundation
@testable import PlacementCore

/// A small world for the workflow rules: one provider with a placed child, one open vacancy elsewhere.
enum WF {
    static func time(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }
    /// 09:00 in Wales on 25 November 2026 (GMT).
    static let now = time("2026-11-25T09:00:00Z")
    static let today = Day(iso: "2026-11-25")!
    /// The world's placements are out of county (Cardiff to Swansea): the panel's approval (reg 12(3)).
    static let panel = PlacementApprovals(panel: "Panel 24 Nov, minute 7")

    static let provider = Provider(id: "P1", name: "Cartref Da", sector: .thirdSector, registrationNumber: "SIN-1",
                                   serviceType: .childrensHome, postcode: "CF10 1AA", authorityCode: "W06000015")
    static let otherProvider = Provider(id: "P2", name: "Tŷ Newydd", sector: .localAuthority, registrationNumber: "SIN-2",
                                        serviceType: .childrensHome, postcode: "SA1 1AA", authorityCode: "W06000011")

    static func child(_ id: String = "C1", status: ChildStatus = .placed) -> Child {
        Child(id: id, givenName: "Gwen", familyName: "Prys", dateOfBirth: Day(iso: "2012-05-01")!, gender: .female,
              homePostcode: "CF10 1AA", placingAuthority: "W06000015", acceptableSettings: [.foster, .residential],
              urgency: .neededBy(Day(iso: "2027-06-01")!), status: status)
    }

    /// C1's open placement with P1.
    static let current = Placement(id: "PL1", childID: "C1", providerID: "P1", vacancyID: "V0", start: Day(iso: "2025-03-01")!,
                                   placementType: .K2, localityTier: 0, milesFromHome: 2)

    static func vacancy(_ id: String = "V1", provider: String = "P2", beds: Int = 1, status: VacancyStatus = .open,
                        hold: Hold? = nil) -> Vacancy {
        Vacancy(id: id, providerID: provider, setting: .residential, postcode: "SA1 1AA", beds: beds, ageRange: 11...17,
                availableFrom: Day(iso: "2026-11-01")!, weeklyFee: 4_500, lastConfirmedAt: time("2026-11-20T10:00:00Z"),
                status: hold == nil ? status : .held, hold: hold)
    }

    static func ending(effective: String, reason: EndReason = .CREQB, received: Date = now) -> NoticeDraft {
        NoticeDraft(providerID: "P1", kind: .placementEnding, receivedAt: received, childID: "C1",
                    effectiveAt: time(effective), reason: reason)
    }

    static let endingRecords = NoticeRecords(provider: provider, child: child(), placements: [current])

    static let home = GeoLocation(coordinate: Coordinate(latitude: 51.4817, longitude: -3.1803), authorityCode: "W06000015", precision: .postcode)
    static let swansea = GeoLocation(coordinate: Coordinate(latitude: 51.6214, longitude: -3.9436), authorityCode: "W06000011", precision: .postcode)

    static func placeRecords(child: Child = child(status: .noticeReceived), vacancy: Vacancy = vacancy(),
                             placements: [Placement] = [current], notices: [ProviderNotice] = []) -> PlaceRecords {
        PlaceRecords(child: child, vacancy: vacancy, provider: otherProvider, placements: placements, notices: notices,
                     home: home, bed: swansea)
    }

    static func endingNotice(received: String, effective: String, reason: EndReason) -> ProviderNotice {
        ProviderNotice(id: "N1", receivedAt: time(received), loggedBy: "alice", providerID: "P1", kind: .placementEnding,
                       childID: "C1", effectiveAt: time(effective), reason: reason)
    }
}
