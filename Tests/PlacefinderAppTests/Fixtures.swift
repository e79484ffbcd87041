import Foundation
import PlacementCore
import TerminalUI
@testable import PlacefinderApp

/// Deterministic test data: no clock, no randomness.
enum Fixtures {
    /// 16 June 2025, 10:30 in Wales (09:30 UTC).
    static let now = Date(timeIntervalSince1970: 1_750_066_200)
    static let today = Day(year: 2025, month: 6, day: 16)!
    static let officer = "ceri.jones"
    /// Gwynedd.
    static let authority = "W06000002"

    static func d(_ iso: String) -> Day { Day(iso: iso)! }
    static func daysAgo(_ n: Double) -> Date { now.addingTimeInterval(-n * 86_400) }

    static let providers: [Provider] = [
        Provider(id: "P01", name: "Cartrefi Eryri", sector: .localAuthority, registrationNumber: "W0001234", serviceType: .localAuthorityFostering,
                 postcode: "LL55 1SH", authorityCode: "W06000002", welshLanguage: .fluent, capabilities: ["WEL", "TRM", "SIB"],
                 contact: .init(name: "Elin Hughes", phone: "01286 555 010", email: "maethu@example.gov.wales")),
        Provider(id: "P02", name: "Bryn Celyn Care", sector: .private, registrationNumber: "W0002345", serviceType: .childrensHome,
                 postcode: "LL57 2PW", authorityCode: "W06000002", welshLanguage: .some, capabilities: ["EBD", "MIS", "CCE", "EDU"],
                 contact: .init(name: "Mark Lloyd", phone: "01248 555 020")),
        Provider(id: "P03", name: "Tŷ Gobaith Fostering", sector: .thirdSector, registrationNumber: "W0003456", serviceType: .fosteringAgency,
                 postcode: "LL30 2DF", authorityCode: "W06000003", welshLanguage: .fluent, capabilities: ["WEL", "AUT", "LD", "SIB"],
                 contact: .init(name: "Siân ap Dafydd", phone: "01492 555 030", email: "sian@example.org")),
        Provider(id: "P04", name: "Harbour View Homes", sector: .private, registrationNumber: "W0004567", serviceType: .childrensHome,
                 postcode: "SA1 1NW", authorityCode: "W06000011", capabilities: ["EBD", "SH", "MH", "CSE", "TRM"]),
        Provider(id: "P05", name: "Foster Wales Cardiff", sector: .localAuthority, registrationNumber: "W0005678", serviceType: .localAuthorityFostering,
                 postcode: "CF10 4UW", authorityCode: "W06000015", welshLanguage: .some, capabilities: ["FTH", "UAS", "SIB"]),
        Provider(id: "P06", name: "Dyffryn Lodgings", sector: .thirdSector, registrationNumber: "W0006789", serviceType: .supportedLodgings,
                 postcode: "SY23 1JH", authorityCode: "W06000008", welshLanguage: .fluent, capabilities: ["WEL", "SUB"]),
        Provider(id: "P07", name: "Marches Care Group", sector: .private, regulator: .ofsted, registrationNumber: "SC401122", serviceType: .childrensHome,
                 postcode: "SY1 1NS", authorityCode: "E06000051", capabilities: ["EBD", "AUT", "PHYS"]),
        Provider(id: "P08", name: "Hafan Deg Parent & Child", sector: .thirdSector, registrationNumber: "W0008901", serviceType: .parentAndChild,
                 postcode: "LL13 8DG", authorityCode: "W06000006", welshLanguage: .some, capabilities: ["PAC", "TRM"]),
    ]

    /// 30 vacancies over the providers, varied in every column the screens show.
    static let vacancies: [Vacancy] = {
        let settings: [String: Setting] = ["P01": .foster, "P02": .residential, "P03": .foster, "P04": .residential,
                                           "P05": .foster, "P06": .supportedLodgings, "P07": .residential, "P08": .parentAndChild]
        let fees = ["P01": 650, "P02": 4_950, "P03": 1_100, "P04": 5_400, "P05": 700, "P06": 850, "P07": 6_200, "P08": 3_300]
        var out: [Vacancy] = []
        for n in 0..<30 {
            let p = providers[n % providers.count]
            let low = [0, 5, 8, 11, 13, 16][n % 6]
            let high = min(17, low + [4, 9, 6, 17][n % 4])
            let extras: [[String]] = [[], ["AUT"], ["SH"], [], ["FTH"], ["MIS", "CSE"], [], ["EDU"]]
            let status: VacancyStatus = n == 7 ? .held : n == 13 ? .filled : n == 22 ? .withdrawn : .open
            let hold = n == 7 ? Hold(childID: "C1003", officer: "ceri.jones", expiresAt: now.addingTimeInterval(6 * 3600)) : nil
            out.append(Vacancy(
                id: "V" + String(100 + n), providerID: p.id, setting: settings[p.id]!,
                postcode: n % 5 == 0 ? nil : nil,
                beds: 1 + n % 3, ageRange: low...max(low, high),
                maxSiblingGroup: settings[p.id] == .foster ? 1 + n % 3 : 1,
                extraCapabilities: extras[n % extras.count],
                availableFrom: today.adding(days: [0, -3, 2, 7, 14, 30, 1, 60][n % 8]),
                takesEmergencies: n % 3 == 0,
                weeklyFee: fees[p.id]! + (n * 37) % 400,
                lastConfirmedAt: daysAgo(Double([0, 1, 3, 9, 2, 15, 5, 30][n % 8]) + 0.2),
                status: status, hold: hold))
        }
        return out
    }()

    static func child(_ id: String, _ given: String, _ family: String, dob: String, home: String, status: ChildStatus,
                      urgency: Urgency = .neededBy(d("2025-09-01")), needs: [NeedRequirement] = [], sibling: String? = nil,
                      language: FirstLanguage = .english, welsh: NeedLevel? = nil,
                      safeguarding: SafeguardingConstraints = .init(), legal: LegalStatus = .careOrder) -> Child {
        Child(id: id, givenName: given, familyName: family, dateOfBirth: d(dob), gender: .female, homePostcode: "LL55 1AA",
              placingAuthority: home, firstLanguage: language, welshPlacement: welsh, legalStatus: legal, needs: needs,
              siblingGroup: sibling.map { SiblingGroup(groupID: $0, mustBePlacedTogether: true) }, safeguarding: safeguarding,
              urgency: urgency, status: status)
    }

    static let children: [Child] = [
        child("C1001", "Gwenllïan", "Jones", dob: "2012-03-04", home: "W06000002", status: .noticeReceived, urgency: .emergency,
              needs: [.init(code: "WEL", level: .essential), .init(code: "TRM", level: .essential), .init(code: "EBD", level: .important), .init(code: "EDU", level: .desirable)],
              sibling: "G1", language: .welsh, welsh: .essential,
              safeguarding: .init(avoidAuthorities: ["W06000015"], minimumMilesFromHome: nil)),
        child("C1002", "Llŷr", "Roberts", dob: "2015-11-20", home: "W06000002", status: .placed, sibling: "G1", language: .bilingual, welsh: .important),
        child("C1003", "Siân", "ap Dafydd", dob: "2009-07-09", home: "W06000001", status: .needsPlacement, urgency: .neededBy(d("2025-06-20")),
              needs: [.init(code: "SH", level: .essential), .init(code: "MH", level: .important)], legal: .interimCareOrder),
        child("C1004", "Owain", "Pritchard", dob: "2010-01-15", home: "W06000003", status: .placed),
        child("C1005", "Ffion", "Evans", dob: "2013-05-30", home: "W06000002", status: .needsPlacement, urgency: .neededBy(d("2025-08-01"))),
        child("C1006", "Dylan", "Morgan", dob: "2008-12-01", home: "W06000015", status: .placed, needs: [.init(code: "CCE", level: .essential)],
              safeguarding: .init(avoidAreas: [AvoidArea(postcode: "CF24 1AB", radiusMiles: 5)], minimumMilesFromHome: 20), legal: .section76),
        child("C1007", "Nia", "Wyn", dob: "2017-02-14", home: "W06000004", status: .placed),
        child("C1008", "Rhys", "Thomas", dob: "2011-09-09", home: "W06000002", status: .noticeReceived, urgency: .neededBy(d("2025-07-10"))),
        child("C1009", "Megan", "Price", dob: "2014-04-22", home: "W06000011", status: .placed),
        child("C1010", "Elis", "Ifans", dob: "2016-10-03", home: "W06000002", status: .placed, sibling: "G1"),
    ]

    static func placement(_ id: String, _ child: String, _ provider: String, _ start: String, _ end: String? = nil,
                          reason: EndReason? = nil, hours: Int? = nil, ending: Placement.Ending? = nil,
                          type: PlacementType = .U4, tier: Int = 0, miles: Double = 8, vacancy: String? = nil) -> Placement {
        Placement(id: id, childID: child, providerID: provider, vacancyID: vacancy, start: d(start), actualEnd: end.map(d),
                  endReason: reason, noticeHours: hours, ending: ending, placementType: type, localityTier: tier, milesFromHome: miles)
    }

    static let placements: [Placement] = [
        // Gwenllïan: three placements in a year, the last ending at same-day notice.
        placement("PL01", "C1001", "P01", "2024-05-01", "2024-09-30", reason: .CARPL, hours: 672, ending: .planned, miles: 6.4),
        placement("PL02", "C1001", "P03", "2024-10-01", "2025-02-10", reason: .CREQO, hours: 240, ending: .breakdown, tier: 1, miles: 23.6),
        placement("PL03", "C1001", "P02", "2025-02-11", "2025-06-15", reason: .CREQB, hours: 4, ending: .breakdown, type: .K2, miles: 11.8, vacancy: "V101"),
        placement("PL04", "C1002", "P01", "2023-01-10", type: .U4, miles: 3.2),
        placement("PL05", "C1003", "P04", "2024-11-01", "2025-06-13", reason: .STAND, hours: 20, ending: .breakdown, type: .K2, tier: 3, miles: 142),
        placement("PL06", "C1004", "P03", "2022-06-01", type: .U4, miles: 9),
        placement("PL07", "C1006", "P07", "2024-03-01", type: .K2, tier: 2, miles: 160),
        placement("PL08", "C1006", "P05", "2023-01-01", "2024-02-28", reason: .ALLEG, hours: 2, ending: .breakdown, miles: 2),
        placement("PL09", "C1007", "P03", "2024-08-15", miles: 5),
        placement("PL10", "C1008", "P02", "2024-12-01", "2025-06-30", reason: .CLOSE, hours: 720, ending: .planned, type: .K2, miles: 7),
        placement("PL11", "C1009", "P04", "2021-01-01", type: .K2, miles: 4),
        placement("PL12", "C1010", "P01", "2025-01-05", miles: 3),
        placement("PL13", "C1005", "P01", "2024-01-01", "2025-05-30", reason: .LAREQ, hours: 336, ending: .planned, miles: 5),
    ]

    static let vacancyAuthority: [String: String] = ["V101": "W06000002", "V109": "W06000001", "V117": "W06000004"]

    static func at(_ hoursFromNow: Double) -> Date { now.addingTimeInterval(hoursFromNow * 3600) }

    /// Notices as officers logged them: a same-day ending this morning, older endings, vacancy news.
    static let notices: [ProviderNotice] = [
        ProviderNotice(id: "N01", receivedAt: at(-1.75), loggedBy: "ceri.jones", providerID: "P02", kind: .placementEnding,
                       childID: "C1008", effectiveAt: at(7.5), reason: .CLOSE, text: "Home closing early after the inspection"),
        ProviderNotice(id: "N02", receivedAt: at(-0.5), loggedBy: "alun.owen", providerID: "P06", kind: .vacancyChanged,
                       vacancyID: "V105", text: "Fee up from July"),
        ProviderNotice(id: "N03", receivedAt: at(-19), loggedBy: "alun.owen", providerID: "P05", kind: .vacancyOpened,
                       vacancyID: "V104", text: "Two beds from Monday"),
        ProviderNotice(id: "N04", receivedAt: at(-24.5), loggedBy: "ceri.jones", providerID: "P02", kind: .placementEnding,
                       childID: "C1001", effectiveAt: at(-20.5), reason: .CREQB),
        ProviderNotice(id: "N05", receivedAt: at(-96), loggedBy: "ceri.jones", providerID: "P04", kind: .placementEnding,
                       childID: "C1003", effectiveAt: at(-76), reason: .STAND, text: "Staffing concerns"),
    ]

    /// The ring-round so far: who rang which provider about which child, and what they said.
    static let contacts: [Contact] = [
        Contact(id: "K01", childID: "C1001", providerID: "P03", at: at(-0.3), outcome: .declined, declineReason: "no capacity for EBD", by: "ceri.jones"),
        Contact(id: "K02", childID: "C1001", providerID: "P01", at: at(-0.6), outcome: .noAnswer, by: "alun.owen"),
        Contact(id: "K03", childID: "C1001", providerID: "P01", at: at(-72), outcome: .considering, by: "ceri.jones"),
        Contact(id: "K04", childID: "C1001", providerID: "P06", vacancyID: "V105", at: at(-50), outcome: .declined, declineReason: "too young", by: "alun.owen"),
        Contact(id: "K05", childID: "C1003", providerID: "P03", at: at(-0.2), outcome: .offered, by: "ceri.jones"),
    ]

    static let data = AppData(children: children, providers: providers, vacancies: vacancies, placements: placements,
                              notices: notices, contacts: contacts, vacancyAuthority: vacancyAuthority, loadedAt: now)

    /// Ranks for `childIDs` (a group placed together when more than one) with the real engine, locating
    /// postcodes by district centroid, as the runtime does without a postcode directory.
    static func match(_ childIDs: [String], top: Int = 20, vacancies: [Vacancy] = vacancies, residents: [Resident] = []) -> MatchScreenData {
        let resolver = PostcodeResolver { _ in nil }
        let locate = { (raw: String, fallback: String?) -> GeoLocation? in Postcode(raw).flatMap { resolver.locate($0, fallbackAuthority: fallback) } }
        let index = CandidateIndex(vacancies: vacancies, providers: providers, placements: placements, today: today,
                                   residents: residents, locate: locate)
        let engine = MatchEngine(index: index)
        let group = childIDs.map { id in children.first { $0.id == id }! }
        let request = try! MatchRequest.resolving(children: group, today: today, now: now, contacts: contacts,
                                                  history: placements, locate: locate).get()
        return MatchScreenData(result: engine.rankGroup(request, explainTop: top), engine: engine, top: top)
    }

    /// A model with the fixture data loaded, at the given size and tab.
    static func model(width: Int = 80, height: Int = 24, tab: Tab = .vacancies, redact: Bool = false) -> Model {
        var (m, _) = Model.initial(size: (width, height), officer: officer, authority: authority, now: now, redact: redact)
        _ = update(&m, .dataLoaded(data))
        m.tab = tab
        return m
    }
}

extension Model {
    /// Sends keys one by one, collecting the commands. Plays the runtime's part for `.audit`: the entry is
    /// recorded at once, so a child's page opens (`ChildPageGateTests` cover the wait and the failure).
    @discardableResult
    mutating func press(_ keys: Key...) -> [Command] { press(keys) }

    @discardableResult
    mutating func press(_ keys: [Key]) -> [Command] {
        keys.flatMap { key in
            let commands = update(&self, .event(.key(key)))
            for case .audit(_, _, _, let token) in commands { _ = update(&self, .auditRecorded(token: token)) }
            return commands
        }
    }

    @discardableResult
    mutating func type(_ text: String) -> [Command] { press(text.map { Key.char($0) }) }

    var screen: [String] { view(self).lines() }
    var screenText: String { screen.joined(separator: "\n") }
}
