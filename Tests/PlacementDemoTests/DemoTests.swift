import Foundation
import Testing
import PlacementCore
@testable import PlacementDemo

private let today = Day(iso: "2026-11-25")!
private let now = Date(timeIntervalSince1970: 1_795_600_000) // 2026-11-25 around 08:00 UTC
private let options = DemoOptions(today: today, now: now)
private let demo = DemoGenerator.generate(options)

/// JSON with the one unordered field (a vacancy's `gendersAccepted` is a Set, whose encoding order
/// varies between Set instances) written sorted, so byte comparison means "same data".
private func canonicalJSON(_ d: DemoDataset) throws -> Data {
    struct Canonical: Encodable {
        var providers: [Provider], vacancies: [Vacancy], genders: [[String]], children: [Child]
        var placements: [Placement], notices: [ProviderNotice], contacts: [Contact], postcodes: [PostcodeRecord]
    }
    let canonical = Canonical(
        providers: d.providers, vacancies: d.vacancies.map { var v = $0; v.gendersAccepted = []; return v },
        genders: d.vacancies.map { $0.gendersAccepted.map(\.rawValue).sorted() }, children: d.children,
        placements: d.placements, notices: d.notices, contacts: d.contacts, postcodes: d.postcodes)
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return try encoder.encode(canonical)
}

private let welshCodes = Set(Geography.wales.welshAuthorities.map(\.code))

@Suite("Demo data generator")
struct DemoTests {
    @Test func sameSeedGivesIdenticalDataAndAnotherSeedDiffers() throws {
        let again = DemoGenerator.generate(options)
        #expect(again == demo)
        #expect(try canonicalJSON(again) == canonicalJSON(demo))
        var other = options
        other.seed = 7
        #expect(try canonicalJSON(DemoGenerator.generate(other)) != canonicalJSON(demo))
    }

    @Test func kinshipCarersAreConnectedToChildrenOfTheirAuthority() {
        let children = Dictionary(uniqueKeysWithValues: demo.children.map { ($0.id, $0) })
        let authority = Dictionary(uniqueKeysWithValues: demo.providers.map { ($0.id, $0.authorityCode) })
        let kinship = demo.vacancies.filter { $0.setting == .kinship }
        #expect(!kinship.isEmpty)
        for v in kinship {
            #expect(!v.connectedChildIDs.isEmpty, "\(v.id) is connected to nobody")
            #expect(v.connectedChildIDs.allSatisfy { children[$0]?.placingAuthority == authority[v.providerID] })
        }
        #expect(demo.vacancies.filter { $0.setting != .kinship }.allSatisfy { $0.connectedChildIDs.isEmpty })
    }

    @Test func coversAllWelshAuthoritiesWithDefaultCounts() {
        #expect(welshCodes.count == 22)
        #expect(welshCodes.isSubset(of: Set(demo.children.map(\.placingAuthority))))
        #expect(welshCodes.isSubset(of: Set(demo.providers.map(\.authorityCode))))
        #expect(demo.providers.count == 200)
        #expect(demo.vacancies.count == 600)
        #expect(demo.children.count == 150)
        #expect((150...900).contains(demo.placements.count))
        #expect((20...60).contains(demo.notices.count))
        #expect(!demo.contacts.isEmpty)
        // Some providers over the border and farther in England.
        let english = demo.providers.filter { $0.authorityCode.hasPrefix("E") }
        #expect(english.contains { ["E06000051", "E06000019", "E06000050", "E10000013"].contains($0.authorityCode) })
        #expect(english.contains { p in !Geography.wales.welshAuthorities.contains { Geography.wales.borders($0.code, p.authorityCode) } })
        #expect(english.allSatisfy { $0.regulator == .ofsted && $0.registrationNumber.hasPrefix("SC") })
        #expect(demo.providers.filter { $0.regulator == .ciw }.allSatisfy { $0.registrationNumber.hasPrefix("SIN-") })
    }

    @Test func sectorMixFollowsTheSeedReport() {
        func share(_ items: [Provider], _ match: (Provider) -> Bool) -> Double {
            Double(items.filter(match).count) / Double(items.count) * 100
        }
        // Table 4.2: residential care 85% private, 13% local authority, 2% third sector.
        let homes = demo.providers.filter { $0.serviceType == .childrensHome }
        #expect(abs(share(homes) { $0.sector == .private } - 85) <= 3)
        #expect(abs(share(homes) { $0.sector == .localAuthority } - 13) <= 3)
        #expect(abs(share(homes) { $0.sector == .thirdSector } - 2) <= 3)
        #expect(homes.filter { $0.sector == .private }.allSatisfy { $0.profitStatus == .forProfit })
        // Table 4.8: fostering 49% council carers, 24% kinship, 23% agencies, 4% third sector.
        let fostering = demo.providers.filter { $0.serviceType == .localAuthorityFostering || $0.serviceType == .fosteringAgency }
        #expect(abs(Double(fostering.count) / 2 - 50) <= 5)
        let kinship = Set(demo.vacancies.filter { $0.setting == .kinship }.map(\.providerID))
        #expect(abs(share(fostering) { $0.name.contains("Kinship") } - 24) <= 3)
        #expect(abs(share(fostering) { $0.sector == .localAuthority && !$0.name.contains("Kinship") } - 49) <= 3)
        #expect(abs(share(fostering) { $0.sector == .private } - 23) <= 3)
        #expect(abs(share(fostering) { $0.sector == .thirdSector } - 4) <= 3)
        #expect(kinship.allSatisfy { id in demo.providers.first { $0.id == id }!.name.contains("Kinship") })
        // Kinship vacancies are few.
        #expect(Double(demo.vacancies.filter { $0.setting == .kinship }.count) < Double(demo.vacancies.count) * 0.05)

        // Placements follow the same shares, within sampling noise.
        let byID = Dictionary(uniqueKeysWithValues: demo.providers.map { ($0.id, $0) })
        let fosterPlacements = demo.placements.filter { [.U1, .U3, .U4, .U6].contains($0.placementType) }
        let kinshipShare = Double(fosterPlacements.filter { [.U1, .U3].contains($0.placementType) }.count) / Double(fosterPlacements.count) * 100
        let agencyShare = Double(fosterPlacements.filter { byID[$0.providerID]!.sector == .private }.count) / Double(fosterPlacements.count) * 100
        #expect(abs(kinshipShare - 24) <= 8)
        #expect(abs(agencyShare - 23) <= 8)
        // Table 4.5: residential nights 31% in-county, 16% outside Wales (counted here per placement).
        let residential = demo.placements.filter { $0.placementType == .K2 }
        let inCounty = Double(residential.filter { $0.localityTier == 0 }.count) / Double(residential.count) * 100
        let outside = Double(residential.filter { $0.localityTier == 2 || $0.localityTier == 4 }.count) / Double(residential.count) * 100
        #expect(abs(inCounty - 31) <= 12)
        #expect(abs(outside - 16) <= 9)
    }

    @Test func referencesResolveRecordsValidateAndIDsAreUnique() {
        let providers = Set(demo.providers.map(\.id)), children = Set(demo.children.map(\.id))
        let vacancies = Set(demo.vacancies.map(\.id))
        #expect(providers.count == demo.providers.count && children.count == demo.children.count)
        #expect(vacancies.count == demo.vacancies.count)
        #expect(Set(demo.placements.map(\.id)).count == demo.placements.count)
        #expect(Set(demo.notices.map(\.id)).count == demo.notices.count)
        #expect(Set(demo.contacts.map(\.id)).count == demo.contacts.count)
        #expect(demo.providers.first?.id == "P0001" && demo.vacancies.first?.id == "V00001")
        #expect(demo.children.first?.id == "C0001" && demo.placements.first?.id == "PL00001")
        #expect(demo.notices.first?.id == "N0001" && demo.contacts.first?.id == "K0001")

        for v in demo.vacancies {
            #expect(providers.contains(v.providerID))
            #expect(v.issues().isEmpty, "\(v.id): \(v.issues())")
            if let hold = v.hold { #expect(children.contains(hold.childID)) }
        }
        for p in demo.providers { #expect(p.issues().isEmpty, "\(p.id): \(p.issues())") }
        for c in demo.children { #expect(c.issues(today: today).isEmpty, "\(c.id): \(c.issues(today: today))") }
        for p in demo.placements {
            #expect(children.contains(p.childID) && providers.contains(p.providerID))
            if let v = p.vacancyID { #expect(vacancies.contains(v)) }
            #expect(p.issues.isEmpty, "\(p.id): \(p.issues)")
        }
        for n in demo.notices {
            #expect(providers.contains(n.providerID))
            if let c = n.childID { #expect(children.contains(c)) }
            if let v = n.vacancyID { #expect(vacancies.contains(v)) }
            #expect(n.receivedAt <= now)
        }
        for k in demo.contacts {
            #expect(children.contains(k.childID) && providers.contains(k.providerID))
            if let v = k.vacancyID { #expect(vacancies.contains(v)) }
            #expect(k.outcome != .declined || k.declineReason != nil)
        }
        // Sibling groups really are groups, living together.
        let groups = Dictionary(grouping: demo.children.filter { $0.siblingGroup != nil }, by: { $0.siblingGroup!.groupID })
        #expect(!groups.isEmpty)
        for (_, members) in groups {
            #expect((2...3).contains(members.count))
            #expect(Set(members.map(\.homePostcode)).count == 1)
        }
    }

    @Test func everyUsedPostcodeIsListedOnceWithItsAuthority() {
        let records = Dictionary(demo.postcodes.map { ($0.postcode.value, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(records.count == demo.postcodes.count)
        func check(_ raw: String, authority: String? = nil) {
            let normal = Postcode(raw)
            #expect(normal?.value == raw, "not normalised: \(raw)")
            let record = records[raw]
            #expect(record != nil, "missing postcode \(raw)")
            if let authority, let record { #expect(record.authorityCode == authority) }
        }
        for p in demo.providers { check(p.postcode, authority: p.authorityCode) }
        for v in demo.vacancies { if let pc = v.postcode { check(pc) } }
        for c in demo.children {
            check(c.homePostcode, authority: c.placingAuthority)
            if let school = c.schoolPostcode { check(school, authority: c.placingAuthority) }
            for area in c.safeguarding.avoidAreas { check(area.postcode) }
        }
        // Every postcode is a real one, at the location the ONS gives it (PostcodeBook's sample).
        for r in demo.postcodes {
            let real = PostcodeBook.sample[r.postcode.outward]?.first { $0.postcode == r.postcode }
            #expect(real?.coordinate == r.coordinate, "\(r.postcode.value) is not a real postcode")
        }
    }

    @Test func placementHistoriesHaveTheReportedShape() {
        let windowStart = today.adding(days: -365)
        let byChild = Dictionary(grouping: demo.placements, by: \.childID)
        var counts: [Int] = []
        for child in demo.children {
            let history = byChild[child.id] ?? []
            #expect((1...6).contains(history.count), "\(child.id) has \(history.count) placements")
            for (a, b) in zip(history, history.dropFirst()) { #expect(a.actualEnd != nil && a.actualEnd! <= b.start) }
            counts.append(history.filter { $0.overlaps(from: windowStart, to: today) }.count)
            let open = history.filter(\.isOpen)
            switch child.status {
            case .placed: #expect(open.count == 1)
            case .needsPlacement: #expect(open.isEmpty)
            case .noticeReceived:
                #expect(open.count == 1)
                if let p = open.first, let end = p.plannedEnd {
                    #expect((0...5).contains(today.days(until: end)))
                    #expect(demo.notices.contains {
                        $0.kind == .placementEnding && $0.childID == child.id && $0.providerID == p.providerID
                            && $0.reason != nil && ($0.effectiveAt ?? .distantPast) > $0.receivedAt
                    })
                } else { Issue.record("\(child.id): notice received but no planned end") }
            }
            for p in open {
                if let vid = p.vacancyID {
                    let v = demo.vacancies.first { $0.id == vid }
                    #expect(v?.status == .filled && v?.providerID == p.providerID)
                }
            }
        }
        let n = Double(counts.count)
        let one = Double(counts.filter { $0 == 1 }.count) / n, threePlus = Double(counts.filter { $0 >= 3 }.count) / n
        #expect((0.60...0.85).contains(one), "one placement: \(one)")
        #expect((0.05...0.20).contains(threePlus), "three or more: \(threePlus)")
        #expect(abs(Double(demo.children.filter { $0.status == .needsPlacement }.count) - 25) <= 8)
        #expect(abs(Double(demo.children.filter { $0.status == .noticeReceived }.count) - 10) <= 5)

        for p in demo.placements where p.actualEnd != nil {
            #expect(p.ending == (p.endReason!.isTypicallyBreakdown ? .breakdown : .planned))
        }
        #expect(demo.placements.contains { $0.isBreakdown && $0.isShortNotice })
        #expect(demo.placements.contains { $0.ending == .planned && $0.noticeHours == 672 })
        // A few providers are clearly unstable over the last year.
        let stability = ProviderStability.compute(demo.placements, today: today, windowDays: 365)
        #expect(stability.values.contains { $0.breakdowns + $0.shortNoticeEndings >= 3 })
    }

    @Test func vacanciesLookRealistic() {
        let held = demo.vacancies.filter { $0.status == .held }
        #expect(!held.isEmpty)
        for v in held {
            let child = demo.children.first { $0.id == v.hold?.childID }
            #expect(child != nil && child!.status != .placed)
            #expect(v.isHeld(at: now))
        }
        let stale = demo.vacancies.filter { $0.daysSinceConfirmed(now: now) > 7 }.count
        #expect(abs(Double(stale) / Double(demo.vacancies.count) - 0.25) < 0.08)
        let emergency = demo.vacancies.filter(\.takesEmergencies).count
        #expect(abs(Double(emergency) / Double(demo.vacancies.count) - 0.3) < 0.08)
        #expect(demo.vacancies.filter { $0.status == .open }.count > demo.vacancies.count / 2)
        for v in demo.vacancies where v.setting == .residential { #expect((3_500...9_000).contains(v.weeklyFee)) }
        for v in demo.vacancies where v.setting == .secure { #expect((7_000...12_000).contains(v.weeklyFee)) }
        #expect(demo.vacancies.allSatisfy { today.days(until: $0.availableFrom) <= 30 })
        // Welsh-speaking care is commonest in Gwynedd and Anglesey.
        let west = demo.providers.filter { ["W06000001", "W06000002"].contains($0.authorityCode) }
        let southEast = demo.providers.filter { ["W06000015", "W06000022", "W06000018", "W06000020"].contains($0.authorityCode) }
        func fluent(_ ps: [Provider]) -> Double { Double(ps.filter { $0.welshLanguage == .fluent }.count) / Double(max(1, ps.count)) }
        #expect(fluent(west) > fluent(southEast))
    }

    /// Debug builds are slow, so this checks 50,000 vacancies for count and validity only.
    @Test func fiftyThousandVacancies() {
        var big = options
        big.vacancies = 50_000
        let d = DemoGenerator.generate(big)
        #expect(d.vacancies.count == 50_000)
        #expect(Set(d.vacancies.map(\.id)).count == 50_000)
        #expect(d.vacancies.allSatisfy { $0.issues().isEmpty })
        let postcodes = Set(d.postcodes.map(\.postcode.value))
        #expect(postcodes.count == d.postcodes.count)
        #expect(d.vacancies.allSatisfy { $0.postcode.map(postcodes.contains) ?? true })
        // The children do not depend on the vacancy count (separate random streams).
        #expect(d.children == demo.children.map { c in d.children.first { $0.id == c.id } ?? c })
    }
}
