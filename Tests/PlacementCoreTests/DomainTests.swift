import Foundation
import Testing
@testable import PlacementCore

/// Valid values to vary in each test.
enum Sample {
    static let today = Day(iso: "2026-11-25")!
    static let now = Date(timeIntervalSince1970: 1_795_000_000)

    static func child(dob: String = "2012-05-01", needs: [NeedRequirement] = [], legal: LegalStatus = .careOrder,
                      settings: [Setting] = [.foster, .residential]) -> Child {
        Child(id: "C1", givenName: "Gwenllïan", familyName: "Prys", dateOfBirth: Day(iso: dob)!, gender: .female,
              homePostcode: "CF10 1AA", placingAuthority: "W06000015", legalStatus: legal, needs: needs,
              acceptableSettings: settings, urgency: .emergency, status: .needsPlacement)
    }

    static func vacancy(beds: Int = 1, ages: ClosedRange<Int> = 8...17, capabilities: [String] = []) -> Vacancy {
        Vacancy(id: "V1", providerID: "P1", setting: .residential, beds: beds, ageRange: ages,
                extraCapabilities: capabilities, availableFrom: today, weeklyFee: 4_500, lastConfirmedAt: now)
    }
}

@Suite struct DomainTests {
    @Test func listsShowInitialsOnly() {
        #expect(Sample.child().initials == "GP")
        var c = Sample.child()
        c.givenName = "ŵyn"
        c.familyName = "ap Siôn"
        #expect(c.initials == "ŴA")
    }

    /// Key Stage 4 is school years 10 and 11, by age on the 31 August before the school year, not by age today.
    @Test func keyStage4IsYears10And11() {
        let may2012 = Sample.child(dob: "2012-05-01")      // 14 on 31 August 2026: year 10 from September 2026
        #expect(!may2012.isKeyStage4(on: Day(iso: "2026-08-31")!))   // turned 14 in year 9: not yet
        #expect(may2012.isKeyStage4(on: Day(iso: "2026-09-01")!))
        #expect(may2012.isKeyStage4(on: Day(iso: "2028-07-20")!))    // 16, end of year 11
        #expect(!may2012.isKeyStage4(on: Day(iso: "2028-09-01")!))   // 16, year 12
        let october2012 = Sample.child(dob: "2012-10-01")  // 14 in October 2026 but 13 on 31 August: year 9
        #expect(!october2012.isKeyStage4(on: Day(iso: "2026-11-30")!))
        #expect(october2012.isKeyStage4(on: Day(iso: "2027-09-01")!))
        let september2010 = Sample.child(dob: "2010-09-01") // 15 on 31 August 2026: year 11, though 16 today
        #expect(september2010.isKeyStage4(on: Day(iso: "2026-11-30")!))
    }

    @Test func secureNeedsASecureOrder() {
        #expect(!Sample.child(settings: [.secure]).accepts(.secure))
        #expect(Sample.child(legal: .secureOrder, settings: [.secure]).accepts(.secure))
        #expect(!Sample.child(legal: .secureOrder, settings: [.foster]).accepts(.secure))
    }

    @Test func emergencyMeansToday() {
        #expect(Urgency.emergency.neededDay(today: Sample.today) == Sample.today)
        let later = Sample.today.adding(days: 10)
        #expect(Urgency.neededBy(later).neededDay(today: Sample.today) == later)
        #expect(Urgency.neededBy(Sample.today.adding(days: -3)).neededDay(today: Sample.today) == Sample.today)
    }

    @Test func vacancyInvariants() {
        #expect(Sample.vacancy().issues().isEmpty)
        #expect(Sample.vacancy(beds: -1).issues().map(\.field) == ["beds"])
        #expect(Sample.vacancy(ages: 0...40).issues().map(\.field) == ["age_min"])
        #expect(Sample.vacancy(capabilities: ["NOPE"]).issues().map(\.field) == ["capabilities"])
        var held = Sample.vacancy()
        held.status = .held
        #expect(held.issues().map(\.field) == ["status"])
    }

    @Test func childInvariants() {
        #expect(Sample.child().issues(today: Sample.today).isEmpty)
        #expect(Sample.child(dob: "2030-01-01").issues(today: Sample.today).contains { $0.field == "date_of_birth" })
        let doubled = Sample.child(needs: [.init(code: "AUT", level: .essential), .init(code: "AUT", level: .desirable)])
        #expect(doubled.issues(today: Sample.today).map(\.problem) == ["need AUT listed twice"])
        #expect(Sample.child(settings: []).issues(today: Sample.today).map(\.field) == ["settings"])
    }

    @Test func placementInvariants() {
        let start = Day(iso: "2025-01-10")!
        var p = Placement(id: "PL1", childID: "C1", providerID: "P1", start: start, placementType: .K2,
                          localityTier: 0, milesFromHome: 4)
        #expect(p.issues.isEmpty && p.isOpen)
        p.actualEnd = Day(iso: "2025-01-09")
        #expect(p.issues.map(\.field).contains("actual_end"))
        p.actualEnd = Day(iso: "2025-03-01")
        #expect(p.issues.map(\.field) == ["ending"])
        p.ending = .breakdown
        p.noticeHours = 6
        #expect(p.issues.isEmpty && p.isBreakdown && p.isShortNotice && !p.isOpen)
        #expect(p.overlaps(from: Day(iso: "2025-02-01")!, to: Day(iso: "2025-02-02")!))
        #expect(!p.overlaps(from: Day(iso: "2025-03-02")!, to: Day(iso: "2025-04-01")!))
    }

    /// A hold and the fields of a placement made here live out of line, shared between copies: a change to a
    /// copy must leave the original alone, equal values must compare and hash equal however they were built,
    /// and the JSON keeps the keys and omissions it had when they were inline.
    @Test func outOfLineFieldsBehaveAsValues() throws {
        var made = Placement(id: "PL1", childID: "C1", providerID: "P1", start: Sample.today, placementType: .K2,
                             localityTier: 0, milesFromHome: 4, approvals: PlacementApprovals(panel: "minute 7"),
                             placedBy: "officer", placedAt: Sample.now, childStatusBefore: .needsPlacement)
        let original = made
        made.undone = PlacementUndo(by: "manager", at: Sample.now, reason: "wrong child")
        made.approvals?.keyStage4 = "head of service"
        #expect(original.undone == nil && original.approvals == PlacementApprovals(panel: "minute 7"))
        #expect(made.undone?.by == "manager" && made.approvals?.keyStage4 == "head of service")

        var rebuilt = Placement(id: "PL1", childID: "C1", providerID: "P1", start: Sample.today, placementType: .K2,
                                localityTier: 0, milesFromHome: 4)
        rebuilt.placedBy = "officer"
        rebuilt.placedAt = Sample.now
        rebuilt.childStatusBefore = .needsPlacement
        rebuilt.approvals = PlacementApprovals(panel: "minute 7")
        #expect(rebuilt == original && rebuilt.hashValue == original.hashValue)
        rebuilt.placedBy = nil
        #expect(rebuilt != original)

        var vacancy = Sample.vacancy()
        let open = vacancy
        vacancy.hold = Hold(childID: "C1", officer: "officer", expiresAt: Sample.now)
        #expect(open.hold == nil && vacancy.hold?.childID == "C1" && vacancy != open)
        vacancy.hold = nil
        #expect(vacancy == open && vacancy.hashValue == open.hashValue)

        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let imported = Placement(id: "PL2", childID: "C1", providerID: "P1", start: Sample.today, placementType: .K2,
                                 localityTier: 0, milesFromHome: 4)
        let keys = try JSONSerialization.jsonObject(with: encoder.encode(imported)) as? [String: Any]
        #expect(keys.map { Set($0.keys) } == ["id", "childID", "providerID", "start", "placementType", "localityTier", "milesFromHome"])
        for record in [original, made, imported] {
            #expect(try JSONDecoder().decode(Placement.self, from: encoder.encode(record)) == record)
        }
        let held = try encoder.encode(Vacancy(id: "V1", providerID: "P1", setting: .residential, beds: 1, ageRange: 8...17,
                                              availableFrom: Sample.today, weeklyFee: 4_500, lastConfirmedAt: Sample.now,
                                              hold: Hold(childID: "C1", officer: "officer", expiresAt: Sample.now)))
        #expect(String(decoding: held, as: UTF8.self).contains(#""hold":{"childID":"C1""#))
        #expect(try JSONDecoder().decode(Vacancy.self, from: held).hold?.childID == "C1")
    }

    @Test func noticeHoursRunFromCallToEffect() {
        let received = Sample.now
        let notice = ProviderNotice(id: "N1", receivedAt: received, loggedBy: "officer", providerID: "P1",
                                    kind: .placementEnding, childID: "C1",
                                    effectiveAt: received.addingTimeInterval(5.5 * 3600), reason: .CREQB)
        #expect(notice.noticeHours == 5)
        #expect(ProviderNotice(id: "N2", receivedAt: received, loggedBy: "o", providerID: "P1", kind: .vacancyOpened).noticeHours == nil)
    }

    @Test func holdExpires() {
        var v = Sample.vacancy()
        v.hold = Hold(childID: "C1", officer: "a", expiresAt: Sample.now.addingTimeInterval(60))
        #expect(v.isHeld(at: Sample.now))
        #expect(!v.isHeld(at: Sample.now.addingTimeInterval(61)))
        #expect(v.daysSinceConfirmed(now: Sample.now.addingTimeInterval(8 * 86_400 + 5)) == 8)
    }
}

@Suite struct NeedCatalogueTests {
    let catalogue = NeedCatalogue.standard

    @Test func coversTheNeedsTheIssueNames() {
        for code in ["AUT", "LD", "PHYS", "EBD", "SH", "MH", "TRM", "CSE", "CCE", "SUB", "MIS", "PAC", "EDU", "WEL", "FTH", "UAS", "SIB"] {
            #expect(catalogue.contains(code), "missing \(code)")
        }
        #expect(Set(catalogue.definitions.map(\.code)).count == catalogue.definitions.count)
    }

    @Test func bitsetsRoundTrip() {
        let set = catalogue.set(["MH", "AUT", "UNKNOWN"])
        #expect(set.count == 2)
        #expect(catalogue.codes(in: set) == ["AUT", "MH"])
        #expect(catalogue.set(["AUT", "MH", "EDU"]).isSuperset(of: set))
        #expect(!catalogue.set(["AUT"]).isSuperset(of: set))
        #expect(set.subtracting(catalogue.set(["AUT"])) == catalogue.set(["MH"]))
    }

    @Test func reasonsHaveWordsAndBreakdownsAreClassified() {
        #expect(EndReason.allCases.count == 12)
        #expect(EndReason.CREQB.isTypicallyBreakdown && !EndReason.CARPL.isTypicallyBreakdown)
        #expect(Set(EndReason.allCases.map(\.label)).count == 12)
    }
}
