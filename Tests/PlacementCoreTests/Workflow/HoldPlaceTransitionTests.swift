import Foundation
import Testing
@testable import PlacementCore

@Suite struct ContactTransitionTests {
    static let child = WF.child(status: .needsPlacement)

    @Test func everyOutcomeIsRecordedAndADeclineKeepsItsReason() throws {
        for outcome in Contact.Outcome.calls {
            let draft = ContactDraft(childID: "C1", providerID: "P2", vacancyID: "V1", at: WF.now, outcome: outcome,
                                     declineReason: outcome == .declined ? "  cannot meet needs " : nil)
            let contact = try Workflow.recordContact(draft, id: "K7", officer: "alice", child: Self.child,
                                                     provider: WF.otherProvider, vacancy: WF.vacancy())
            #expect(contact == Contact(id: "K7", childID: "C1", providerID: "P2", vacancyID: "V1", at: WF.now, outcome: outcome,
                                       declineReason: outcome == .declined ? "cannot meet needs" : nil, by: "alice"))
        }
    }

    @Test func badCallsAreRefused() {
        func record(_ draft: ContactDraft, child: Child? = Self.child, provider: Provider? = WF.otherProvider,
                    vacancy: Vacancy? = WF.vacancy()) throws(WorkflowError) {
            _ = try Workflow.recordContact(draft, id: "K7", officer: "a", child: child, provider: provider, vacancy: vacancy)
        }
        let base = ContactDraft(childID: "C1", providerID: "P2", vacancyID: "V1", at: WF.now, outcome: .declined, declineReason: "full")
        var noReason = base
        noReason.declineReason = " "
        #expect(throws: WorkflowError.missing(field: "a reason", for: "a declined call")) { try record(noReason) }
        var offeredWithReason = base
        offeredWithReason.outcome = .offered
        #expect(throws: WorkflowError.notApplicable(field: "a decline reason", for: "a call with outcome offered")) { try record(offeredWithReason) }
        #expect(throws: WorkflowError.unknownChild("C1")) { try record(base, child: nil) }
        #expect(throws: WorkflowError.unknownProvider("P2")) { try record(base, provider: nil) }
        #expect(throws: WorkflowError.unknownVacancy("V1")) { try record(base, vacancy: nil) }
        #expect(throws: WorkflowError.vacancyOfAnotherProvider(vacancyID: "V1", providerID: "P2")) {
            try record(base, vacancy: WF.vacancy(provider: "P1"))
        }
    }
}

@Suite struct HoldTransitionTests {
    static let child = WF.child(status: .noticeReceived)
    static let endOfDay = WF.time("2026-11-25T23:59:00Z")

    @Test func aHoldLastsToTheEndOfTheDayUnlessToldOtherwise() throws {
        let held = try Workflow.hold(WF.vacancy(), for: Self.child, officer: "alice", now: WF.now)
        #expect(held.status == .held && held.hold == Hold(childID: "C1", officer: "alice", expiresAt: Self.endOfDay))
        #expect(held.beds == 1 && held.id == "V1")
        let until = WF.time("2026-11-25T17:00:00Z")
        #expect(try Workflow.hold(WF.vacancy(), for: Self.child, officer: "alice", now: WF.now, until: until).hold?.expiresAt == until)
        #expect(throws: WorkflowError.holdMustEndInFuture) {
            try Workflow.hold(WF.vacancy(), for: Self.child, officer: "alice", now: WF.now, until: WF.time("2026-11-25T08:00:00Z"))
        }
    }

    @Test func reHoldingForTheSameChildExtends() throws {
        let held = try Workflow.hold(WF.vacancy(), for: Self.child, officer: "alice", now: WF.now, until: WF.time("2026-11-25T12:00:00Z"))
        let later = WF.time("2026-11-25T11:00:00Z")
        let extended = try Workflow.hold(held, for: Self.child, officer: "alice", now: later, until: WF.time("2026-11-26T12:00:00Z"))
        #expect(extended.hold?.expiresAt == WF.time("2026-11-26T12:00:00Z") && extended.status == .held)
    }

    @Test func aLiveHoldBySomeoneElseIsRefusedWithWhoAndUntilWhen() throws {
        let held = WF.vacancy(hold: Hold(childID: "C9", officer: "bob", expiresAt: WF.time("2026-11-25T17:30:00Z")))
        #expect(throws: WorkflowError.heldByAnother(vacancyID: "V1", officer: "bob", until: WF.time("2026-11-25T17:30:00Z"))) {
            try Workflow.hold(held, for: Self.child, officer: "alice", now: WF.now)
        }
        #expect(WorkflowError.heldByAnother(vacancyID: "V1", officer: "bob", until: WF.time("2026-11-25T17:30:00Z")).description
                == "vacancy V1 is held by bob for another child until 17:30")
        // The same officer cannot quietly swap the child either.
        #expect(throws: WorkflowError.self) { try Workflow.hold(held, for: Self.child, officer: "bob", now: WF.now) }
        let forSameChild = WF.vacancy(hold: Hold(childID: "C1", officer: "bob", expiresAt: WF.time("2026-11-25T17:30:00Z")))
        #expect(throws: WorkflowError.heldByColleague(vacancyID: "V1", officer: "bob", until: WF.time("2026-11-25T17:30:00Z"))) {
            try Workflow.hold(forSameChild, for: Self.child, officer: "alice", now: WF.now)
        }
    }

    @Test func anExpiredHoldIsReplaced() throws {
        let stale = WF.vacancy(hold: Hold(childID: "C9", officer: "bob", expiresAt: WF.time("2026-11-24T23:59:00Z")))
        let held = try Workflow.hold(stale, for: Self.child, officer: "alice", now: WF.now)
        #expect(held.hold == Hold(childID: "C1", officer: "alice", expiresAt: Self.endOfDay))
    }

    @Test func closedOrEmptyVacanciesCannotBeHeld() {
        for status in [VacancyStatus.filled, .withdrawn] {
            #expect(throws: WorkflowError.vacancyNotOpen(vacancyID: "V1", status: status)) {
                try Workflow.hold(WF.vacancy(status: status), for: Self.child, officer: "alice", now: WF.now)
            }
        }
        #expect(throws: WorkflowError.noBedsLeft(vacancyID: "V1")) {
            try Workflow.hold(WF.vacancy(beds: 0), for: Self.child, officer: "alice", now: WF.now)
        }
    }

    @Test func onlyTheHolderReleasesALiveHoldButAnyoneAnExpiredOne() throws {
        let held = WF.vacancy(hold: Hold(childID: "C1", officer: "alice", expiresAt: Self.endOfDay))
        let released = try Workflow.releaseHold(held, officer: "alice", now: WF.now)
        #expect(released.status == .open && released.hold == nil)
        #expect(throws: WorkflowError.notHolder(vacancyID: "V1", officer: "alice", until: Self.endOfDay)) {
            try Workflow.releaseHold(held, officer: "bob", now: WF.now)
        }
        let afterwards = WF.time("2026-11-26T08:00:00Z")
        #expect(try Workflow.releaseHold(held, officer: "bob", now: afterwards).status == .open)
        #expect(throws: WorkflowError.notHeld(vacancyID: "V1")) { try Workflow.releaseHold(WF.vacancy(), officer: "alice", now: WF.now) }
    }
}

@Suite struct PlaceTransitionTests {
    @Test func aSameDayNoticeEndsThePlacementAsABreakdown() throws {
        let notice = WF.endingNotice(received: "2026-11-25T09:00:00Z", effective: "2026-11-25T17:00:00Z", reason: .CREQB)
        let effects = try Workflow.place(WF.placeRecords(notices: [notice]), id: "PL2", start: WF.today, approvals: WF.panel, now: WF.now)
        let ended = try #require(effects.ended.first)
        #expect(effects.ended.count == 1)
        #expect(ended.id == "PL1" && ended.actualEnd == WF.today && ended.endReason == .CREQB && ended.noticeHours == 8
                && ended.ending == .breakdown)
        #expect(effects.placement.id == "PL2" && effects.placement.isOpen && effects.placement.start == WF.today)
        #expect(effects.placement.providerID == "P2" && effects.placement.vacancyID == "V1" && effects.placement.placementType == .K2)
        // Cardiff to Swansea: another Welsh authority (they do not border), about 46 road miles.
        #expect(effects.placement.localityTier == LocalityTier.otherWelsh.rawValue)
        #expect((40...55).contains(effects.placement.milesFromHome))
        #expect(effects.child.status == .placed)
        #expect(effects.vacancy.beds == 0 && effects.vacancy.status == .filled && effects.vacancy.hold == nil)
        #expect(effects.placement.issues.isEmpty && ended.issues.isEmpty)
    }

    @Test func shortNoticeIsABreakdownWhateverTheReason() throws {
        let notice = WF.endingNotice(received: "2026-11-24T20:00:00Z", effective: "2026-11-25T20:00:00Z", reason: .LAREQ)
        let ended = try Workflow.place(WF.placeRecords(notices: [notice]), id: "PL2", start: WF.today, approvals: WF.panel, now: WF.now).ended[0]
        #expect(ended.noticeHours == 24 && ended.ending == .breakdown && ended.endReason == .LAREQ)
    }

    @Test func longNoticeForAPlannedReasonIsPlanned() throws {
        let notice = WF.endingNotice(received: "2026-10-28T09:00:00Z", effective: "2026-11-25T09:00:00Z", reason: .LAREQ)
        let ended = try Workflow.place(WF.placeRecords(notices: [notice]), id: "PL2", start: WF.today, approvals: WF.panel, now: WF.now).ended[0]
        #expect(ended.noticeHours == 672 && ended.ending == .planned && ended.endReason == .LAREQ)
        // A long notice for a reason that is usually a breakdown still counts as one.
        let allegation = WF.endingNotice(received: "2026-10-28T09:00:00Z", effective: "2026-11-25T09:00:00Z", reason: .ALLEG)
        #expect(try Workflow.place(WF.placeRecords(notices: [allegation]), id: "PL2", start: WF.today, approvals: WF.panel, now: WF.now).ended[0].ending == .breakdown)
    }

    @Test func withNoNoticeTheMoveIsAPlannedCarePlanChange() throws {
        let effects = try Workflow.place(WF.placeRecords(child: WF.child(status: .placed)), id: "PL2", start: WF.today,
                                         move: .planned, approvals: WF.panel, now: WF.now)
        #expect(effects.ended[0].endReason == .CARPL && effects.ended[0].ending == .planned && effects.ended[0].noticeHours == nil)
        // A notice from before this placement began belongs to an earlier one and is ignored.
        let old = WF.endingNotice(received: "2024-01-01T09:00:00Z", effective: "2024-01-01T17:00:00Z", reason: .CREQB)
        let again = try Workflow.place(WF.placeRecords(child: WF.child(status: .placed), notices: [old]), id: "PL2", start: WF.today,
                                       move: .planned, approvals: WF.panel, now: WF.now)
        #expect(again.ended[0].ending == .planned && again.ended[0].endReason == .CARPL)
    }

    @Test func aFirstPlacementEndsNothingAndAVacancyWithBedsLeftStaysOpen() throws {
        let held = WF.vacancy(beds: 2, hold: Hold(childID: "C1", officer: "bob", expiresAt: WF.time("2026-11-25T23:59:00Z")))
        let effects = try Workflow.place(WF.placeRecords(child: WF.child(status: .needsPlacement), vacancy: held, placements: []),
                                         id: "PL2", start: WF.today, approvals: WF.panel, now: WF.now)
        #expect(effects.ended.isEmpty)
        #expect(effects.vacancy.beds == 1 && effects.vacancy.status == .open && effects.vacancy.hold == nil)
    }

    @Test func placingIsRefusedWhenTheVacancyOrChildCannotTakeIt() throws {
        func place(_ records: PlaceRecords, start: Day = WF.today) throws(WorkflowError) {
            _ = try Workflow.place(records, id: "PL2", start: start, now: WF.now)
        }
        #expect(throws: WorkflowError.childAlreadyPlaced(childID: "C1")) { try place(WF.placeRecords(child: WF.child(status: .placed))) }
        #expect(throws: WorkflowError.vacancyNotOpen(vacancyID: "V1", status: .filled)) { try place(WF.placeRecords(vacancy: WF.vacancy(status: .filled))) }
        #expect(throws: WorkflowError.vacancyNotOpen(vacancyID: "V1", status: .withdrawn)) { try place(WF.placeRecords(vacancy: WF.vacancy(status: .withdrawn))) }
        #expect(throws: WorkflowError.noBedsLeft(vacancyID: "V1")) { try place(WF.placeRecords(vacancy: WF.vacancy(beds: 0))) }
        let otherHold = Hold(childID: "C9", officer: "bob", expiresAt: WF.time("2026-11-25T17:30:00Z"))
        #expect(throws: WorkflowError.heldByAnother(vacancyID: "V1", officer: "bob", until: otherHold.expiresAt)) {
            try place(WF.placeRecords(vacancy: WF.vacancy(hold: otherHold)))
        }
        var young = WF.vacancy()
        young.ageRange = 0...10
        #expect(throws: WorkflowError.unsuitable(vacancyID: "V1", childID: "C1", reasons: ["child's age outside the range"])) {
            try place(WF.placeRecords(vacancy: young))
        }
        var foster = WF.vacancy()
        foster.setting = .kinship
        foster.gendersAccepted = [.male]
        foster.availableFrom = Day(iso: "2026-12-01")!
        #expect(throws: WorkflowError.unsuitable(vacancyID: "V1", childID: "C1",
                                                 reasons: ["not available by the date needed", "setting not in the child's plan",
                                                           "kinship carer approved for other children", "gender not accepted"])) {
            try place(WF.placeRecords(vacancy: foster))
        }
        // Needs and safeguarding, as the matching engine words them.
        var needy = WF.child(status: .noticeReceived)
        needy.needs = [NeedRequirement(code: "AUT", level: .essential)]
        needy.welshPlacement = .essential
        needy.safeguarding = SafeguardingConstraints(avoidAuthorities: ["W06000011"], minimumMilesFromHome: 60)
        #expect(throws: WorkflowError.unsuitable(vacancyID: "V1", childID: "C1", reasons: [
            "cannot meet an essential need", "in an authority the child must avoid",
            "nearer home than the safeguarding minimum", "no Welsh-speaking care (essential)"])) {
            try place(WF.placeRecords(child: needy))
        }
        // An avoid-area around the bed refuses the placement, as it excludes the vacancy from matching.
        var records = WF.placeRecords()
        records.avoidAreas = [ResolvedAvoidArea(childID: "C1", location: WF.swansea, radiusMiles: 3)]
        #expect(throws: WorkflowError.unsuitable(vacancyID: "V1", childID: "C1", reasons: ["inside an area the child must avoid"])) {
            try place(records)
        }
        var met = WF.vacancy()
        met.extraCapabilities = ["AUT"]
        needy.welshPlacement = nil
        needy.safeguarding = SafeguardingConstraints(minimumMilesFromHome: 20)
        #expect(try Workflow.place(WF.placeRecords(child: needy, vacancy: met), id: "PL2", start: WF.today, approvals: WF.panel, now: WF.now).child.status == .placed)
        var early = WF.vacancy()
        early.availableFrom = Day(iso: "2024-01-01")!
        #expect(throws: WorkflowError.endsBeforeStart(placementID: "PL1")) {
            try place(WF.placeRecords(vacancy: early), start: Day(iso: "2025-01-01")!)
        }
        #expect(throws: WorkflowError.vacancyOfAnotherProvider(vacancyID: "V1", providerID: "P2")) {
            try place(WF.placeRecords(vacancy: WF.vacancy(provider: "P1")))
        }
    }

    @Test func anExpiredHoldForAnotherChildDoesNotBlock() throws {
        let stale = WF.vacancy(hold: Hold(childID: "C9", officer: "bob", expiresAt: WF.time("2026-11-24T17:30:00Z")))
        let effects = try Workflow.place(WF.placeRecords(vacancy: stale), id: "PL2", start: WF.today, approvals: WF.panel, now: WF.now)
        #expect(effects.vacancy.hold == nil && effects.vacancy.status == .filled)
    }
}
