import Foundation
import Testing
@testable import PlacementCore

@Suite struct MatchScenarioTests {
    typealias W = MatchWorld

    @Test func fartherPlacementMeetingAnEssentialNeedBeatsANearerOneThatDoesNot() {
        let providers = [W.provider("NEAR", at: "CF14 4XW"), W.provider("FAR", at: "SA1 1AA", capabilities: ["MH"])]
        let engine = W.engine(providers: providers, vacancies: [W.vacancy("V-NEAR", provider: "NEAR"), W.vacancy("V-FAR", provider: "FAR")])
        let child = W.child(needs: [.init(code: "MH", level: .essential)])
        let result = engine.rank(W.request([child]))
        #expect(result.ranked.map { engine.index.vacancies[$0.index].id } == ["V-FAR"])
        #expect(result.excluded.map(\.reasons) == [.essentialNeedUnmet])
    }

    @Test func inCountyBeatsAnEquallyGoodOutOfWalesPlacementAtTheSameDistance() {
        // Bristol is across the Severn from Cardiff; put an in-county bed at the same straight-line distance.
        let bristol = W.places["BS1 4AA"]!
        let cardiff = W.places["CF10 1AA"]!
        let miles = Distance.greatCircleMiles(Coordinate(latitude: cardiff.0, longitude: cardiff.1), Coordinate(latitude: bristol.0, longitude: bristol.1))
        #expect(miles > 20)
        let providers = [W.provider("ENG", at: "BS1 4AA"), W.provider("CDF", at: "CF14 4XW")]
        let vacancies = [W.vacancy("V-ENG", provider: "ENG"), W.vacancy("V-CDF", provider: "CDF")]
        let ranked = W.engine(providers: providers, vacancies: vacancies).rank(W.request([W.child()])).ranked
        #expect(ranked.first?.tier == .inCounty)
        #expect(ranked.last?.tier == .elsewhereInEngland)
        #expect(ranked[0].score > ranked[1].score)
    }

    @Test func aProviderThisChildBrokeDownWithRanksLow() {
        let providers = [W.provider("P-BROKE", at: "CF14 4XW"), W.provider("P-OTHER", at: "NP20 1AA")]
        let vacancies = [W.vacancy("V-BROKE", provider: "P-BROKE"), W.vacancy("V-OTHER", provider: "P-OTHER")]
        let engine = W.engine(providers: providers, vacancies: vacancies)
        let child = W.child()
        #expect(W.rankedIDs(engine, W.request([child])) == ["V-BROKE", "V-OTHER"], "nearer wins without history")
        let history = [Placement(id: "PL1", childID: child.id, providerID: "P-BROKE", start: Day(iso: "2025-01-01")!,
                                 actualEnd: Day(iso: "2025-06-01")!, endReason: .CREQB, noticeHours: 4,
                                 ending: .breakdown, placementType: .K2, localityTier: 0, milesFromHome: 3)]
        let result = engine.rank(W.request([child], history: history))
        #expect(result.ranked.map { engine.index.vacancies[$0.index].id } == ["V-OTHER", "V-BROKE"])
        let reasons = result.ranked[1].explanation!.reasons
        #expect(reasons.contains { $0.contains("earlier placement with this provider broke down") })
    }

    @Test func kinshipCarersComeFirstForTheChildrenTheyAreApprovedFor() {
        let providers = [W.provider("LA", at: "CF14 4XW"), W.provider("KIN", at: "NP20 1AA")]
        let vacancies = [W.vacancy("V-FOSTER", provider: "LA", setting: .foster),
                         W.vacancy("V-KIN", provider: "KIN", setting: .kinship, connected: ["C1"]),
                         W.vacancy("V-KIN-OTHER", provider: "KIN", setting: .kinship, connected: ["C7"]),
                         W.vacancy("V-KIN-NONE", provider: "KIN", setting: .kinship)]
        let engine = W.engine(providers: providers, vacancies: vacancies)
        let result = engine.rank(W.request([W.child()]))
        #expect(result.ranked.map { engine.index.vacancies[$0.index].id } == ["V-KIN", "V-FOSTER"])
        #expect(result.ranked[0].explanation!.reasons.contains { $0.contains("kinship") })
        // A connected person is a placement for their own child only (s.81), never for a stranger.
        #expect(result.excluded.map(\.reasons) == [.kinshipForOthers, .kinshipForOthers])
    }

    @Test func avoidAreasAndMinimumDistanceAlwaysHold() {
        let providers = ["CF14 4XW", "CF62 4AA", "NP20 1AA", "SA1 1AA", "LL57 2DG"].enumerated().map { W.provider("P\($0)", at: $1) }
        let vacancies = providers.map { W.vacancy("V-\($0.id)", provider: $0.id) }
        let engine = W.engine(providers: providers, vacancies: vacancies)
        let constraints = SafeguardingConstraints(avoidAuthorities: ["W06000022"],
                                                  avoidAreas: [AvoidArea(postcode: "SA1 1AA", radiusMiles: 10)],
                                                  minimumMilesFromHome: 12)
        let result = engine.rank(W.request([W.child(safeguarding: constraints)]))
        #expect(result.ranked.map { engine.index.vacancies[$0.index].id } == ["V-P4"])
        let reasons = Dictionary(uniqueKeysWithValues: result.excluded.map { (engine.index.vacancies[$0.index].id, $0.reasons) })
        #expect(reasons["V-P0"] == [.tooNearHome])
        #expect(reasons["V-P1"] == [.tooNearHome])
        #expect(reasons["V-P2"]!.contains(.avoidedAuthority))
        #expect(reasons["V-P3"] == [.insideAvoidArea])
    }

    /// A line break or escape in a provider's name is shown, never obeyed: the printed ranking keeps one line per candidate.
    @Test func controlCharactersInNamesAreVisibleInTheTextReport() {
        var hostile = W.provider("P1", at: "CF14 4XW")
        hostile.name = "Tŷ Gwyn\n  1  99.9  Fake Home\u{1B}[2K\u{202E}"
        let engine = W.engine(providers: [hostile], vacancies: [W.vacancy("V1", provider: "P1")])
        let report = MatchReport(engine.rankGroup(W.request([W.child()])), engine: engine, top: 5, includeExcluded: false)
        let text = report.text(heading: "C1")
        #expect(!text.unicodeScalars.contains { $0 != "\n" && VisibleText.isControl($0) })
        let row = text.split(separator: "\n").first { $0.contains("Tŷ Gwyn") }
        #expect(row?.contains("Tŷ Gwyn\\n") == true)
        #expect(!text.split(separator: "\n").contains { $0.hasPrefix("  1  99.9") })
        #expect(VisibleText.line("a\u{1B}[1Ab\u{202E}") == "a\\x1B[1Ab\\u{202E}")
    }

    /// A safeguarding distance that is not a number (stored before range checks) excludes every bed, never none.
    @Test func safeguardingDistancesThatAreNotNumbersFailClosed() {
        let providers = ["CF14 4XW", "LL57 2DG"].enumerated().map { W.provider("P\($0)", at: $1) }
        let engine = W.engine(providers: providers, vacancies: providers.map { W.vacancy("V-\($0.id)", provider: $0.id) })
        for bad in [Double.nan, .infinity, -.infinity] {
            let nearHome = engine.rank(W.request([W.child(safeguarding: SafeguardingConstraints(minimumMilesFromHome: bad))]))
            #expect(nearHome.ranked.isEmpty && nearHome.excluded.allSatisfy { $0.reasons.contains(.tooNearHome) })
            let area = SafeguardingConstraints(avoidAreas: [AvoidArea(postcode: "SA1 1AA", radiusMiles: bad)])
            let inArea = engine.rank(W.request([W.child(safeguarding: area)]))
            #expect(inArea.ranked.isEmpty && inArea.excluded.allSatisfy { $0.reasons.contains(.insideAvoidArea) })
        }
    }

    @Test func siblingGroupIsNeverSplitSilently() {
        let providers = [W.provider("P1", at: "CF14 4XW"), W.provider("P2", at: "CF62 4AA")]
        let group = SiblingGroup(groupID: "G1", mustBePlacedTogether: true)
        let sisters = [W.child("C1", siblings: group), W.child("C2", dob: "2016-01-01", siblings: group)]
        let singles = [W.vacancy("V1", provider: "P1"), W.vacancy("V2", provider: "P2")]
        let engine = W.engine(providers: providers, vacancies: singles)
        guard case .split(let together, _, let perChild) = engine.rankGroup(W.request(sisters)) else {
            Issue.record("a group with no joint vacancy must come back as a labelled split")
            return
        }
        #expect(together.ranked.isEmpty)
        #expect(together.excluded.allSatisfy { $0.reasons.contains(.tooFewBeds) && $0.reasons.contains(.siblingCapacity) })
        #expect(perChild.count == 2)
        let firstFlags: [MatchFlag?] = perChild.flatMap { $0.ranked.compactMap(\.explanation).map(\.flags.first) }
        #expect(firstFlags.allSatisfy { $0 == .separatesSiblings })

        let joint = W.engine(providers: providers, vacancies: singles + [W.vacancy("V-BOTH", provider: "P2", beds: 2, siblings: 3)])
        guard case .together(let result) = joint.rankGroup(W.request(sisters)) else {
            Issue.record("a vacancy that takes both must be ranked together")
            return
        }
        #expect(result.ranked.map { joint.index.vacancies[$0.index].id } == ["V-BOTH"])
    }

    /// Three siblings, a one-bed vacancy nearby and a two-bed one a little further: ranking each alone puts
    /// the one-bed first for all three; the two-bed keeps two of them together and must be offered first.
    @Test func threeSiblingsWithAOneBedAndATwoBedAreOfferedTheTwoBedForTwoOfThem() throws {
        let providers = [W.provider("NEAR", at: "CF10 1AA"), W.provider("MILE", at: "CF14 4XW")]
        let group = SiblingGroup(groupID: "G", mustBePlacedTogether: true)
        let siblings = [W.child("C1", siblings: group), W.child("C2", dob: "2015-05-01", siblings: group),
                        W.child("C3", dob: "2017-09-01", siblings: group)]
        let engine = W.engine(providers: providers, vacancies: [W.vacancy("ONE", provider: "NEAR"),
                                                                 W.vacancy("TWO", provider: "MILE", beds: 2, siblings: 2)])
        guard case .split(_, let arrangements, let perChild) = engine.rankGroup(W.request(siblings)) else {
            Issue.record("no vacancy takes all three: the group must come back split")
            return
        }
        let id = { (c: RankedCandidate) in engine.index.vacancies[c.index].id }
        #expect(perChild.allSatisfy { $0.ranked.first.map(id) == "ONE" }, "alone, every child is offered the one-bed first")
        let best = try #require(arrangements.first, "two homes can take the three between them")
        #expect(arrangements.count == 3, "any two of the three can share the two-bed")
        #expect(arrangements.allSatisfy { $0.pairsTogether == 1 && $0.parts.map(\.childIDs.count) == [2, 1] })
        #expect(arrangements.allSatisfy { $0.parts.map { id($0.candidate) } == ["TWO", "ONE"] })
        #expect(Set(arrangements.map { $0.parts[1].childIDs }) == [["C1"], ["C2"], ["C3"]])
        #expect(arrangements.allSatisfy { $0.parts.allSatisfy { $0.candidate.explanation?.flags.first == .separatesSiblings } })
        let label = best.label { engine.index.vacancies[$0].id }
        let apart = best.parts[1].childIDs[0], together = best.parts[0].childIDs
        #expect(label == "\(together[0]) and \(together[1]) together in TWO; \(apart) in ONE, apart from \(together[0]) and \(together[1])")

        let report = MatchReport(engine.rankGroup(W.request(siblings)), engine: engine, top: 5, includeExcluded: false)
        #expect(report.arrangements?.first?.parts.map(\.candidate.vacancyId) == ["TWO", "ONE"])
        let text = report.text(heading: "Matches")
        #expect(text.contains("In two homes, keeping the most siblings together (s.81), best first:"))
        #expect(text.contains(label.prefix(30)))
        #expect(text.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test func theRegulatorsRatingLowersExcludesAndAnOldInspectionIsFlagged() {
        func rated(_ id: String, _ rating: InspectionRating?, on day: String = "2026-06-01", regulator: Regulator = .ciw) -> Provider {
            var p = W.provider(id, at: "CF14 4XW")
            p.regulator = regulator
            p.inspection = rating.map { Inspection(date: Day(iso: day)!, rating: $0) }
            return p
        }
        let providers = [rated("EXC", .excellent), rated("RI", .requiresImprovement), rated("RSI", .requiresSignificantImprovement),
                         rated("OLD", .good, on: "2024-01-10"), rated("NONE", nil), rated("INADEQ", .inadequate, regulator: .ofsted)]
        var vacancies = providers.map { W.vacancy("V-\($0.id)", provider: $0.id) }
        vacancies[0].purchase = .allWalesFramework
        let engine = W.engine(providers: providers, vacancies: vacancies)
        let result = engine.rank(W.request([W.child()]))
        let ids = result.ranked.map { engine.index.vacancies[$0.index].id }
        #expect(ids.first == "V-EXC" && ids.last == "V-RI", "better rated first, all else equal: \(ids)")
        #expect(Set(result.excluded.map { engine.index.vacancies[$0.index].id }) == ["V-RSI", "V-INADEQ"])
        #expect(result.excluded.allSatisfy { $0.reasons == [.poorlyRated] })
        let explained = Dictionary(uniqueKeysWithValues: result.ranked.map { (engine.index.vacancies[$0.index].id, $0.explanation!) })
        #expect(explained["V-EXC"]!.reasons.contains("CIW rating: Excellent (inspected 2026-06-01)"))
        #expect(explained["V-EXC"]!.reasons.contains(PurchaseMode.allWalesFramework.label))
        #expect(explained["V-NONE"]!.reasons.contains("no regulator's rating recorded"))
        #expect(explained["V-OLD"]!.flags.contains(.oldInspection) && !explained["V-EXC"]!.flags.contains(.oldInspection))

        var lenient = MatchPolicy.default
        lenient.excludeInspectionGrade = nil
        let lowered = W.engine(providers: providers, vacancies: vacancies, policy: lenient).rank(W.request([W.child()]))
        #expect(lowered.excluded.isEmpty && lowered.ranked.count == 6, "with no threshold a poor rating only lowers")
        let decoded = try? JSONDecoder().decode(MatchPolicy.self, from: Data(#"{"excludeInspectionGrade": null}"#.utf8))
        #expect(decoded != nil && decoded?.excludeInspectionGrade == nil)
    }

    @Test func aSecureHomeWithoutAnOrderSaysTheOrderIsMissing() {
        let p = W.provider("P", at: "CF14 4XW")
        let engine = W.engine(providers: [p], vacancies: [W.vacancy("secure", provider: "P", setting: .secure)])
        var planned = W.child(settings: [.secure, .residential])
        let missing = engine.rank(W.request([planned]))
        #expect(missing.excluded.map(\.reasons) == [.noSecureOrder], "the plan lists secure: only the order is missing")
        #expect(missing.excluded[0].reasons.descriptions == ["no secure accommodation order (a secure home needs one: s.119 of the 2014 Act)"])
        planned.legalStatus = .secureOrder
        #expect(engine.rank(W.request([planned])).ranked.count == 1, "with the order the secure home is ranked")
        var orderedNotPlanned = planned
        orderedNotPlanned.acceptableSettings = [.residential]
        #expect(engine.rank(W.request([orderedNotPlanned])).excluded.map(\.reasons) == [.settingNotInPlan])
    }

    @Test func hardConstraintsEachExcludeWithTheirReason() {
        let p = W.provider("P", at: "CF14 4XW")
        var held = W.vacancy("held", provider: "P", status: .held)
        held.hold = Hold(childID: "OTHER", officer: "colleague", expiresAt: W.now.addingTimeInterval(3600))
        var heldForMe = W.vacancy("held-mine", provider: "P", status: .held)
        heldForMe.hold = Hold(childID: "C1", officer: "me", expiresAt: W.now.addingTimeInterval(3600))
        let vacancies = [
            W.vacancy("filled", provider: "P", status: .filled),
            held, heldForMe,
            W.vacancy("later", provider: "P", from: W.today.adding(days: 3)),
            W.vacancy("no-emergency", provider: "P", emergencies: false),
            W.vacancy("secure", provider: "P", setting: .secure),
            W.vacancy("too-young", provider: "P", ages: 16...18),
            W.vacancy("boys", provider: "P", genders: [.male]),
            W.vacancy("no-beds", provider: "P", beds: 0),
            W.vacancy("ok", provider: "P"),
        ]
        let engine = W.engine(providers: [p], vacancies: vacancies)
        let result = engine.rank(W.request([W.child()]))
        let reasons = Dictionary(uniqueKeysWithValues: result.excluded.map { (engine.index.vacancies[$0.index].id, $0.reasons) })
        #expect(reasons["filled"] == [.notOpen])
        #expect(reasons["held"] == [.heldByAnother])
        #expect(reasons["later"] == [.notAvailableInTime])
        #expect(reasons["no-emergency"] == [.noSameDayEmergencies])
        #expect(reasons["secure"] == [.settingNotInPlan, .noSecureOrder], "neither in the plan nor ordered: both said")
        #expect(reasons["too-young"] == [.ageOutsideRange])
        #expect(reasons["boys"] == [.genderNotAccepted])
        #expect(reasons["no-beds"] == [.tooFewBeds])
        #expect(Set(result.ranked.map { engine.index.vacancies[$0.index].id }) == ["ok", "held-mine"])
    }

    @Test func welshEssentialAndDeclinesExclude() {
        let providers = [W.provider("CY", at: "LL57 2DG", welsh: .fluent), W.provider("EN", at: "CF14 4XW"),
                         W.provider("NO", at: "CF62 4AA", welsh: .fluent)]
        let vacancies = providers.map { W.vacancy("V-\($0.id)", provider: $0.id) }
        let engine = W.engine(providers: providers, vacancies: vacancies)
        let declined = Contact(id: "K1", childID: "C1", providerID: "NO", at: W.now, outcome: .declined, declineReason: "full", by: "officer")
        let result = engine.rank(W.request([W.child(welsh: .essential)], contacts: [declined]))
        #expect(result.ranked.map { engine.index.vacancies[$0.index].id } == ["V-CY"])
        let reasons = Dictionary(uniqueKeysWithValues: result.excluded.map { (engine.index.vacancies[$0.index].id, $0.reasons) })
        #expect(reasons["V-EN"] == [.welshEssential])
        #expect(reasons["V-NO"] == [.declined])
    }

    @Test func explanationsNameMissedNeedsDistanceAndFlags() {
        let providers = [W.provider("P", at: "HR1 2AA", sector: .private, capabilities: ["AUT"])]
        let engine = W.engine(providers: providers, vacancies: [W.vacancy("V", provider: "P", confirmedDaysAgo: 9)])
        let child = W.child(dob: "2011-06-01", needs: [.init(code: "AUT", level: .important), .init(code: "MH", level: .important)], school: "CF14 4XW")
        let e = engine.rank(W.request([child])).ranked[0].explanation!
        #expect(e.reasons[0] == "meets 1 of 2 needs; misses therapeutic support (important)")
        #expect(e.reasons[1].contains("by road") && e.reasons[1].contains("elsewhere in England"))
        #expect(Set(e.flags) == [.outOfArea, .keyStage4SchoolMove, .forProfit, .staleVacancy])
        let total = e.contributions.reduce(0) { $0 + $1.points }
        #expect(abs(total - engine.rank(W.request([child])).ranked[0].score) < 1e-9)
    }

    @Test func providerSameDayEndingsAreReported() {
        let providers = [W.provider("P", at: "CF14 4XW")]
        let endings = (1...2).map { n in
            Placement(id: "PL\(n)", childID: "X\(n)", providerID: "P", start: W.today.adding(days: -200),
                      actualEnd: W.today.adding(days: -10 * n), endReason: .CREQB, noticeHours: 2, ending: .breakdown,
                      placementType: .K2, localityTier: 0, milesFromHome: 5)
        }
        let engine = W.engine(providers: providers, vacancies: [W.vacancy("V", provider: "P")], placements: endings)
        let reasons = engine.rank(W.request([W.child()])).ranked[0].explanation!.reasons
        #expect(reasons.contains { $0.hasPrefix("this provider ended 2 placements at short notice (24 h or less) in the last 12 months") })
    }

    @Test func policyFilesDefaultWhatTheyOmitAndRejectUnknownFactors() throws {
        let tuned = try JSONDecoder().decode(MatchPolicy.self, from: Data(#"{"name":"Gwynedd 2026","weights":{"cost":0.1}}"#.utf8))
        #expect(tuned.name == "Gwynedd 2026" && tuned.weight(.cost) == 0.1 && tuned.weight(.needsFit) == 4)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(MatchPolicy.self, from: Data(#"{"weights":{"price":1}}"#.utf8)) }
        let roundTrip = try JSONDecoder().decode(MatchPolicy.self, from: JSONEncoder().encode(MatchPolicy.default))
        #expect(roundTrip == MatchPolicy.default)
        #expect(MatchPolicy.default.issues.isEmpty)
        var bad = MatchPolicy.default
        bad.weights[.cost] = 5
        #expect(bad.issues == ["cost must weigh less than needs fit"])
    }

    @Test func baselinesListFirstFreeAndNearestBedsWithTheEnginesVerdict() {
        let providers = [W.provider("NEAR", at: "CF14 4XW"), W.provider("FAR", at: "SA1 1AA", capabilities: ["MH"])]
        let vacancies = [W.vacancy("V-NEAR", provider: "NEAR"), W.vacancy("V-FAR", provider: "FAR", from: W.today.adding(days: -5))]
        let engine = W.engine(providers: providers, vacancies: vacancies)
        let request = W.request([W.child(needs: [.init(code: "MH", level: .essential)])])
        let result = engine.rank(request)
        let baselines = BaselineOrders(engine: engine, request: request, top: 5)
        #expect(baselines.firstAvailable.map { engine.index.vacancies[$0].id } == ["V-FAR", "V-NEAR"])
        #expect(baselines.nearest.map { engine.index.vacancies[$0].id } == ["V-NEAR", "V-FAR"])
        let text = baselines.comparison(with: result, engine: engine, request: request)
        #expect(text.contains("Provider NEAR — residential home") && text.contains("excluded: cannot meet an essential need"))
        #expect(text.contains("engine rank 1"))
    }
}
