import Foundation
import PropertyBased
import Testing
@testable import PlacementCore

/// The plan a dialog is built from, and the write it confirms: they must never disagree.
@Suite struct PlacePreflightTests {
    static let cardiffProvider = Provider(id: "P2", name: "Cartref Caerdydd", sector: .localAuthority, registrationNumber: "SIN-3",
                                          serviceType: .childrensHome, postcode: "CF10 1AA", authorityCode: "W06000015")

    @Test func aColleaguesHoldForAnotherChildIsARefusalNotSomethingToRelease() {
        let hold = Hold(childID: "C9", officer: "bob", expiresAt: WF.time("2026-11-25T17:30:00Z"))
        let plan = Workflow.placePreflight(WF.placeRecords(vacancy: WF.vacancy(hold: hold)), id: "PL2", start: WF.today,
                                           officer: "alice", now: WF.now)
        #expect(plan.refusal == .heldByAnother(vacancyID: "V1", officer: "bob", until: hold.expiresAt))
        #expect(plan.holdReleased == nil && plan.effects == nil)
        #expect(!plan.willSucceed(with: WF.panel))
    }

    @Test func aHoldForThisChildIsReleasedWhoeverHeldIt() throws {
        let hold = Hold(childID: "C1", officer: "bob", expiresAt: WF.time("2026-11-25T17:30:00Z"))
        let plan = Workflow.placePreflight(WF.placeRecords(vacancy: WF.vacancy(hold: hold)), id: "PL2", start: WF.today,
                                           officer: "alice", now: WF.now)
        #expect(plan.refusal == nil && plan.holdReleased == hold)
        #expect(try Workflow.place(WF.placeRecords(vacancy: WF.vacancy(hold: hold)), id: "PL2", start: WF.today,
                                   approvals: WF.panel, officer: "alice", now: WF.now).vacancy.hold == nil)
    }

    @Test func outOfCountyNeedsThePanelAndTheWriteRefusesWithoutIt() throws {
        let plan = Workflow.placePreflight(WF.placeRecords(), id: "PL2", start: WF.today, officer: "alice", now: WF.now)
        #expect(plan.required.map(\.kind) == [.panel])
        #expect(plan.required[0].why == "out of county, other Welsh LA (reg 12(3))")
        #expect(plan.refusal == nil && !plan.willSucceed(with: .none))
        #expect(throws: WorkflowError.approvalMissing(kind: .panel, why: plan.required[0].why)) {
            try Workflow.place(WF.placeRecords(), id: "PL2", start: WF.today, now: WF.now)
        }
        // Blank text is no approval.
        #expect(throws: WorkflowError.approvalMissing(kind: .panel, why: plan.required[0].why)) {
            try Workflow.place(WF.placeRecords(), id: "PL2", start: WF.today, approvals: PlacementApprovals(panel: "  "), now: WF.now)
        }
        // Given, it is stored with the placement (trimmed), with who and when; an approval nobody needed is not.
        let given = PlacementApprovals(panel: " Panel 24 Nov, minute 7 ", exceptionalReason: "not needed")
        let placed = try Workflow.place(WF.placeRecords(), id: "PL2", start: WF.today, approvals: given, officer: "alice", now: WF.now)
        #expect(placed.placement.approvals == PlacementApprovals(panel: "Panel 24 Nov, minute 7"))
        #expect(placed.placement.placedBy == "alice" && placed.placement.placedAt == WF.now)
        #expect(placed.placement.childStatusBefore == .noticeReceived && placed.ended[0].endedBy == "PL2")
    }

    @Test func forProfitAndAKeyStage4SchoolMoveEachNeedTheirOwnApproval() {
        var records = WF.placeRecords()
        records.provider = Provider(id: "P2", name: "Elw Cyf", sector: .private, registrationNumber: "SIN-4",
                                    serviceType: .childrensHome, postcode: "SA1 1AA", authorityCode: "W06000011")
        // Born 2012-05-01: 14 on the start day, Key Stage 4; school in Cardiff, bed in Swansea.
        records.school = WF.home
        let plan = Workflow.placePreflight(records, id: "PL2", start: WF.today, officer: "alice", now: WF.now)
        #expect(plan.required.map(\.kind) == [.panel, .keyStage4, .exceptionalReason])
        #expect(plan.missing(PlacementApprovals(panel: "p", keyStage4: "k")).map(\.kind) == [.exceptionalReason])
        #expect(plan.willSucceed(with: PlacementApprovals(panel: "p", keyStage4: "k", exceptionalReason: "no other bed")))
        // A child who is not yet 14 on the start day needs no Key Stage 4 approval.
        records.child.dateOfBirth = Day(iso: "2014-01-01")!
        #expect(!Workflow.placePreflight(records, id: "PL2", start: WF.today, officer: "a", now: WF.now).required.contains { $0.kind == .keyStage4 })
    }

    @Test func aPlacedChildWithNoNoticeNeedsPlannedOrBreakdown() throws {
        let records = WF.placeRecords(child: WF.child(status: .placed))
        let unasked = Workflow.placePreflight(records, id: "PL2", start: WF.today, officer: "a", now: WF.now)
        #expect(unasked.asksMoveKind && unasked.refusal == .childAlreadyPlaced(childID: "C1"))
        let broke = try Workflow.place(records, id: "PL2", start: WF.today, move: .breakdown, approvals: WF.panel, now: WF.now)
        #expect(broke.ended[0].ending == .breakdown && broke.ended[0].endReason == .OTHER)
        let planned = try Workflow.place(records, id: "PL2", start: WF.today, move: .planned, approvals: WF.panel, now: WF.now)
        #expect(planned.ended[0].ending == .planned && planned.ended[0].endReason == .CARPL)
        // With a notice the notice decides, whatever the officer says.
        let notice = WF.endingNotice(received: "2026-11-25T09:00:00Z", effective: "2026-11-25T17:00:00Z", reason: .CREQB)
        let noticed = WF.placeRecords(notices: [notice])
        #expect(!Workflow.placePreflight(noticed, id: "PL2", start: WF.today, officer: "a", now: WF.now).asksMoveKind)
        #expect(try Workflow.place(noticed, id: "PL2", start: WF.today, move: .planned, approvals: WF.panel, now: WF.now).ended[0].ending == .breakdown)
    }

    // MARK: - Properties

    /// A random placing situation: child status and age, school, bed place and provider, vacancy status,
    /// beds and hold, notices, the officer's answers.
    struct Situation: CustomStringConvertible, Sendable {
        var records: PlaceRecords
        var start: Day
        var move: MoveKind?
        var approvals: PlacementApprovals
        var description: String {
            "child \(records.child.status.rawValue) · vacancy \(records.vacancy.status.rawValue) beds \(records.vacancy.beds) hold \(records.vacancy.hold.map { "\($0.childID)/\($0.officer)" } ?? "-") · bed \(records.bed.authorityCode) · \(records.provider.profitStatus.rawValue) · move \(move?.rawValue ?? "-") · approvals \(approvals.kinds)"
        }
    }

    static let authorities = ["W06000015", "W06000014", "W06000022", "W06000011", "E06000019", "S12000049"]

    static func situation(seed: Int) -> Situation {
        var rng = SplitMix64(seed: UInt64(truncatingIfNeeded: seed))
        func pick<T>(_ xs: [T]) -> T { xs[rng.int(xs.count)] }
        var child = WF.child(status: pick(ChildStatus.allCases))
        child.dateOfBirth = Day(iso: "2012-05-01")!.adding(days: rng.int(8 * 365) - 4 * 365)
        let authority = pick(authorities)
        let bed = GeoLocation(coordinate: Coordinate(latitude: 51.2 + rng.unit() * 1.5, longitude: -4.5 + rng.unit() * 2.5),
                              authorityCode: authority, precision: .postcode)
        let provider = Provider(id: "P2", name: "P", sector: pick(Sector.allCases), profitStatus: pick(ProfitStatus.allCases),
                                registrationNumber: "R", serviceType: .childrensHome, postcode: "SA1 1AA", authorityCode: authority)
        let holdChild = pick(["C1", "C9"])
        let hold: Hold? = rng.int(3) == 0 ? nil
            : Hold(childID: holdChild, officer: pick(["alice", "bob"]), expiresAt: WF.now.addingTimeInterval(Double(rng.int(20) - 10) * 3600))
        var vacancy = WF.vacancy(beds: rng.int(3), status: pick([.open, .open, .filled, .withdrawn]))
        if let hold { vacancy.hold = hold; vacancy.status = pick([.held, .open]) }
        vacancy.ageRange = pick([11...17, 0...10, 0...17])
        let notices = rng.int(2) == 0 ? [] : [WF.endingNotice(received: "2026-11-24T09:00:00Z", effective: "2026-11-25T17:00:00Z",
                                                               reason: pick([.CREQB, .LAREQ, .CARPL]))]
        let placements = child.status == .needsPlacement && rng.int(2) == 0 ? [] : [WF.current]
        var records = PlaceRecords(child: child, vacancy: vacancy, provider: provider, placements: placements, notices: notices,
                                   home: WF.home, bed: bed)
        records.school = rng.int(2) == 0 ? nil : WF.home
        let start = WF.today.adding(days: rng.int(10))
        func text() -> String? { pick([nil, "", "  ", "Panel 24 Nov"]) }
        let approvals = PlacementApprovals(panel: text(), keyStage4: text(), exceptionalReason: text())
        return Situation(records: records, start: start, move: pick([nil, .planned, .breakdown]), approvals: approvals)
    }

    @Test func thePlanSaysItWillSucceedExactlyWhenThePlacementSucceeds() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
            let s = Self.situation(seed: seed)
            let plan = Workflow.placePreflight(s.records, id: "PL9", start: s.start, move: s.move, officer: "alice", now: WF.now)
            do {
                let effects = try Workflow.place(s.records, id: "PL9", start: s.start, move: s.move, approvals: s.approvals,
                                                 officer: "alice", now: WF.now)
                #expect(plan.willSucceed(with: s.approvals), "place succeeded but the plan refused: \(s)")
                // And it did what the plan said (the write adds only the approvals and the agreed terms: by
                // default the vacancy's fee, emergency when the child's need is).
                var expected = plan.effects
                expected?.placement.approvals = effects.placement.approvals
                expected?.placement.cost = AgreedCost(weekly: s.records.vacancy.weeklyFee)
                expected?.placement.purpose = s.records.child.urgency.isEmergency ? .emergency : nil
                #expect(expected == effects)
                #expect(effects.placement.approvals?.kinds ?? [] == plan.required.map(\.kind))
            } catch {
                #expect(plan.refusal(with: s.approvals) == (error as? WorkflowError), "\(s)")
                #expect(plan.holdReleased == nil || plan.refusal == nil)
            }
        }
    }

    /// The approvals a placement needs are the flags the matching engine showed for that bed.
    @Test func theRequiredApprovalsAreTheEnginesFlags() async {
        await propertyCheck(count: 300, input: Gen.int(in: 0...Int.max)) { seed in
            var s = Self.situation(seed: seed)
            s.records.vacancy = WF.vacancy()
            s.records.vacancy.ageRange = 0...17
            var child = s.records.child
            child.urgency = .neededBy(s.start)
            let index = CandidateIndex(vacancies: [s.records.vacancy], providers: [s.records.provider], placements: [],
                                       today: s.start) { _, _ in s.records.bed }
            let request = MatchRequest(children: [child], home: s.records.home,
                                       schools: s.records.school.map { [child.id: $0] } ?? [:], today: s.start, now: WF.now)
            let result = MatchEngine(index: index).rank(request, explainTop: 1)
            guard let flags = result.ranked.first?.explanation?.flags else { return }
            let fromEngine: [ApprovalKind] = flags.compactMap {
                switch $0 {
                case .outOfArea: .panel
                case .keyStage4SchoolMove: .keyStage4
                case .forProfit: .exceptionalReason
                default: nil
                }
            }
            let plan = Workflow.placePreflight(s.records, id: "PL9", start: s.start, officer: "a", now: WF.now)
            #expect(plan.required.map(\.kind) == fromEngine, "\(s)")
        }
    }
}
