import Foundation
import PlacementCore
@testable import PlacementStore

/// Builds valid domain values and throwaway stores for the store tests.
enum Fixtures {
    static func day(_ iso: String) -> Day { Day(iso: iso)! }

    /// Whole milliseconds: the store keeps GRDB's millisecond timestamps.
    static func time(_ seconds: Double) -> Date { Date(timeIntervalSince1970: 1_750_000_000 + seconds) }

    static func provider(_ id: String = "P1", authority: String = "W06000015") -> Provider {
        Provider(id: id, name: "Tŷ Gwyn Care \(id)", sector: .thirdSector, regulator: .ciw,
                 registrationNumber: "SIN-00012345", serviceType: .childrensHome, postcode: "CF10 1AA",
                 authorityCode: authority, welshLanguage: .fluent, capabilities: ["AUT", "TRM", "WEL"],
                 contact: ContactDetails(name: "Siân Evans", phone: "029 2000 0000", email: "sian@example.org"))
    }

    static func vacancy(_ id: String = "V1", provider: String = "P1", hold: Hold? = nil) -> Vacancy {
        Vacancy(id: id, providerID: provider, setting: .residential, postcode: "CF11 9XR", beds: 2,
                ageRange: 11...17, gendersAccepted: [.female, .other], maxSiblingGroup: 2,
                extraCapabilities: ["EDU"], availableFrom: day("2025-07-01"), takesEmergencies: true,
                weeklyFee: 4_250, lastConfirmedAt: time(0.125), status: hold == nil ? .open : .held, hold: hold)
    }

    static func child(_ id: String = "C1") -> Child {
        Child(id: id, givenName: "Llŷr", familyName: "Ap Rhys", dateOfBirth: day("2011-02-28"), gender: .male,
              homePostcode: "SA1 1AA", placingAuthority: "W06000011", schoolPostcode: "SA2 0AA",
              firstLanguage: .welsh, welshPlacement: .essential, legalStatus: .interimCareOrder,
              needs: [.init(code: "AUT", level: .essential), .init(code: "EDU", level: .desirable)],
              siblingGroup: SiblingGroup(groupID: "G7", mustBePlacedTogether: true),
              safeguarding: SafeguardingConstraints(avoidAuthorities: ["W06000012"],
                                                    avoidAreas: [AvoidArea(postcode: "SA11 1AA", radiusMiles: 7.5)],
                                                    minimumMilesFromHome: 12.25),
              acceptableSettings: [.foster, .residential], urgency: .neededBy(day("2025-08-15")),
              status: .needsPlacement)
    }

    /// The sparsest valid child: every optional empty, emergency urgency.
    static func plainChild(_ id: String = "C2") -> Child {
        Child(id: id, givenName: "Ava", familyName: "Jones", dateOfBirth: day("2018-12-31"), gender: .female,
              homePostcode: "LL57 1AA", placingAuthority: "W06000002", urgency: .emergency, status: .placed)
    }

    static func placement(_ id: String = "PL1", child: String = "C1", provider: String = "P1",
                          vacancy: String? = "V1") -> Placement {
        Placement(id: id, childID: child, providerID: provider, vacancyID: vacancy, start: day("2024-01-10"),
                  plannedEnd: day("2025-01-10"), actualEnd: day("2024-06-01"), endReason: .CREQB, noticeHours: 18,
                  ending: .breakdown, placementType: .K2, localityTier: 2, milesFromHome: 23.4)
    }

    static func notice(_ id: String = "N1") -> ProviderNotice {
        ProviderNotice(id: id, receivedAt: time(3_600.5), loggedBy: "officer1", providerID: "P1",
                       kind: .placementEnding, childID: "C1", effectiveAt: time(90_000), reason: .CREQO,
                       vacancyID: "V1", text: "Rang at 9; 28 days' notice.")
    }

    static func contact(_ id: String = "K1", child: String = "C1") -> Contact {
        Contact(id: id, childID: child, providerID: "P1", vacancyID: "V1", at: time(7_200.25), outcome: .declined,
                declineReason: "matching: age mix", by: "officer1")
    }

    static func postcode(_ code: String = "CF10 1AA") -> StoredPostcode {
        StoredPostcode(postcode: code, latitude: 51.481_712, longitude: -3.180_311, authorityCode: "W06000015")
    }

    /// A batch holding one of everything, all references satisfied.
    static func fullBatch() -> RecordBatch {
        RecordBatch(providers: [provider()],
                    vacancies: [vacancy(), vacancy("V2", hold: Hold(childID: "C2", officer: "officer2",
                                                                    expiresAt: time(86_400.75)))],
                    children: [child(), plainChild()], placements: [placement()], notices: [notice()],
                    contacts: [contact()], postcodes: [postcode()])
    }
}

/// A fresh temporary folder, removed when the value is dropped.
final class TempFolder: Sendable {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "placefinder-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
