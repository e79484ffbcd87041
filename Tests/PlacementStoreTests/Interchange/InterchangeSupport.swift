import Foundation
import PlacementCore
@testable import PlacementStore

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

func example(_ name: String) throws -> Data {
    try Data(contentsOf: packageRoot.appendingPathComponent("fixtures/examples/\(name)"))
}

func exampleText(_ name: String) throws -> String {
    String(decoding: try example(name), as: UTF8.self)
}

/// The day the example files are read against.
let exampleToday = Day(iso: "2025-09-01")!

/// Runs `body` and returns the ImportError it throws, or nil.
func importError(_ body: () throws -> Void) -> ImportError? {
    do { try body(); return nil } catch let error as ImportError { return error } catch { return nil }
}

/// A providers.csv header with one data row built from overrides of a valid row.
func providersCSV(_ overrides: [String: String] = [:], extraRows: [String] = []) -> Data {
    var row: [String: String] = [
        "id": "PRV-T1", "name": "Test Home", "sector": "third_sector", "profit_status": "not_for_profit",
        "regulator": "CIW", "registration_number": "SIN-1", "service_type": "childrens_home",
        "postcode": "CF10 1EP", "authority_code": "W06000015", "authority_name": "", "welsh_language": "some",
        "capabilities": "AUT", "contact_name": "", "contact_phone": "", "contact_email": "",
    ]
    for (k, v) in overrides { row[k] = v }
    let header = RecordKind.providers.columns
    let line = header.map { row[$0] ?? "" }.joined(separator: ",")
    return Data(([header.joined(separator: ","), line] + extraRows).joined(separator: "\n").utf8 + [10])
}

let sampleNow = Date(timeIntervalSince1970: 1_756_800_000)   // 2025-09-02T08:00:00Z

/// Values with awkward text: quotes, commas, line breaks, Welsh diacritics.
let trickyProviders: [Provider] = [
    Provider(id: "P-1", name: "Cartref \"Tŷ Gwyn\", Llanelli", sector: .private, registrationNumber: "SIN-9",
             serviceType: .childrensHome, postcode: "SA31 1JP", authorityCode: "W06000010", welshLanguage: .fluent,
             capabilities: ["AUT", "WEL"],
             contact: ContactDetails(name: "Gwenllïan ap Rhys", phone: "01267 000000", email: "a@b.example")),
    Provider(id: "P-2", name: "Siân's Home,\nSecond line", sector: .localAuthority, regulator: .ciw,
             registrationNumber: "SIN-10", serviceType: .localAuthorityFostering, postcode: "LL55 1SH",
             authorityCode: "W06000002"),
]

let trickyChildren: [Child] = [
    Child(id: "C-1", givenName: "Rhodri \"Rhod\"", familyName: "ap Gwŷn, Jr", dateOfBirth: Day(iso: "2012-02-29")!,
          gender: .male, homePostcode: "LL55 1SH", placingAuthority: "W06000002", schoolPostcode: "LL77 7TW",
          firstLanguage: .welsh, welshPlacement: .essential, legalStatus: .careOrder,
          needs: [.init(code: "AUT", level: .essential), .init(code: "WEL", level: .important)],
          siblingGroup: SiblingGroup(groupID: "S-1", mustBePlacedTogether: true),
          safeguarding: SafeguardingConstraints(avoidAuthorities: ["E06000019"],
                                                avoidAreas: [AvoidArea(postcode: "CF10 1EP", radiusMiles: 2.5)],
                                                minimumMilesFromHome: 12.25),
          acceptableSettings: [.residential, .foster], urgency: .neededBy(Day(iso: "2025-10-01")!),
          status: .needsPlacement),
    Child(id: "C-2", givenName: "Gwenllïan", familyName: "", dateOfBirth: Day(iso: "2020-01-01")!, gender: .female,
          homePostcode: "CF24 4HQ", placingAuthority: "W06000015", urgency: .emergency, status: .noticeReceived),
]

let trickyVacancies: [Vacancy] = [
    Vacancy(id: "V-1", providerID: "P-1", setting: .foster, postcode: "SA2 8PP", beds: 0, ageRange: 0...0,
            gendersAccepted: [.female, .other], maxSiblingGroup: 3, extraCapabilities: ["SIB"],
            availableFrom: Day(iso: "2025-09-01")!, takesEmergencies: true, weeklyFee: 0,
            lastConfirmedAt: sampleNow, status: .held,
            hold: Hold(childID: "C-1", officer: "Ll. Ŵyn", expiresAt: sampleNow.addingTimeInterval(86_400))),
    Vacancy(id: "V-2", providerID: "P-2", setting: .residential, beds: 4, ageRange: 12...25, availableFrom: Day(iso: "2026-01-31")!, weeklyFee: 7000,
            lastConfirmedAt: Date(timeIntervalSince1970: 1_738_000_000), status: .withdrawn),
]

let trickyPlacements: [Placement] = [
    Placement(id: "PL-1", childID: "C-1", providerID: "P-1", vacancyID: "V-1", start: Day(iso: "2024-02-29")!,
              plannedEnd: Day(iso: "2025-02-28")!, actualEnd: Day(iso: "2024-03-01")!, endReason: .ALLEG,
              noticeHours: 0, ending: .breakdown, placementType: .U4, localityTier: 5, milesFromHome: 0.1),
    Placement(id: "PL-2", childID: "C-2", providerID: "P-2", start: Day(iso: "2025-01-01")!,
              placementType: .K2, localityTier: 0, milesFromHome: 123.456789),
]
