import Foundation
import Testing
@testable import PlacementCore

@Suite struct NoticeTransitionTests {
    @Test func aSameDayEndingMakesTheChildAnEmergency() throws {
        let effects = try Workflow.logNotice(WF.ending(effective: "2026-11-25T17:00:00Z"), id: "N9", officer: "alice",
                                             records: WF.endingRecords, now: WF.now)
        #expect(effects.notice.id == "N9" && effects.notice.loggedBy == "alice" && effects.notice.kind == .placementEnding)
        #expect(effects.notice.noticeHours == 8)
        let placement = try #require(effects.placement)
        #expect(placement.id == "PL1" && placement.plannedEnd == WF.today && placement.isOpen)
        let child = try #require(effects.child)
        #expect(child.status == .noticeReceived && child.urgency == .emergency)
        #expect(effects.vacancy == nil && !effects.vacancyCreated)
    }

    @Test func aLaterEndingSetsNeededByTheEffectiveDay() throws {
        let effects = try Workflow.logNotice(WF.ending(effective: "2026-12-23T12:00:00Z", reason: .CREQO), id: "N9",
                                             officer: "alice", records: WF.endingRecords, now: WF.now)
        let day = Day(iso: "2026-12-23")!
        #expect(effects.child?.urgency == .neededBy(day))
        #expect(effects.placement?.plannedEnd == day)
        #expect(effects.notice.noticeHours == 28 * 24 + 3)
    }

    @Test func anEndingEffectiveLateInTheEveningUsesTheWelshDay() throws {
        // 23:30 on 30 June in Wales is 22:30 UTC the same day; 00:30 on 1 July in Wales is still 30 June in UTC.
        let now = WF.time("2026-06-30T08:00:00Z")
        let effects = try Workflow.logNotice(WF.ending(effective: "2026-06-30T23:30:00Z", received: now), id: "N9",
                                             officer: "alice", records: WF.endingRecords, now: now)
        #expect(effects.placement?.plannedEnd == Day(iso: "2026-07-01")!)
        #expect(effects.child?.urgency == .neededBy(Day(iso: "2026-07-01")!))
    }

    @Test func endingsMissingWhatTheyNeedAreRefused() {
        var draft = WF.ending(effective: "2026-11-25T17:00:00Z")
        draft.childID = nil
        #expect(throws: WorkflowError.missing(field: "a child", for: "a placement ending notice")) {
            try Workflow.logNotice(draft, id: "N9", officer: "a", records: WF.endingRecords, now: WF.now)
        }
        draft = WF.ending(effective: "2026-11-25T17:00:00Z")
        draft.reason = nil
        #expect(throws: WorkflowError.missing(field: "a reason", for: "a placement ending notice")) {
            try Workflow.logNotice(draft, id: "N9", officer: "a", records: WF.endingRecords, now: WF.now)
        }
        draft = WF.ending(effective: "2026-11-25T17:00:00Z")
        draft.effectiveAt = nil
        #expect(throws: WorkflowError.missing(field: "an effective time", for: "a placement ending notice")) {
            try Workflow.logNotice(draft, id: "N9", officer: "a", records: WF.endingRecords, now: WF.now)
        }
        #expect(WorkflowError.missing(field: "a reason", for: "a placement ending notice").description
                == "a placement ending notice needs a reason")
    }

    @Test func endingsThatDoNotFitTheRecordsAreRefused() {
        let draft = WF.ending(effective: "2026-11-25T17:00:00Z")
        #expect(throws: WorkflowError.effectiveBeforeReceived) {
            try Workflow.logNotice(WF.ending(effective: "2026-11-25T08:00:00Z"), id: "N9", officer: "a",
                                   records: WF.endingRecords, now: WF.now)
        }
        #expect(throws: WorkflowError.unknownProvider("P1")) {
            try Workflow.logNotice(draft, id: "N9", officer: "a", records: NoticeRecords(provider: nil), now: WF.now)
        }
        #expect(throws: WorkflowError.unknownChild("C1")) {
            try Workflow.logNotice(draft, id: "N9", officer: "a", records: NoticeRecords(provider: WF.provider), now: WF.now)
        }
        // Placed with another provider, or the placement with this one already ended.
        var elsewhere = WF.current
        elsewhere.providerID = "P2"
        var ended = WF.current
        ended.actualEnd = Day(iso: "2026-01-01")!
        ended.ending = .planned
        ended.endReason = .CARPL
        for placements in [[elsewhere], [ended], []] {
            #expect(throws: WorkflowError.noOpenPlacement(childID: "C1", providerID: "P1")) {
                try Workflow.logNotice(draft, id: "N9", officer: "a",
                                       records: NoticeRecords(provider: WF.provider, child: WF.child(), placements: placements),
                                       now: WF.now)
            }
        }
        #expect(throws: WorkflowError.endsBeforeStart(placementID: "PL1")) {
            try Workflow.logNotice(WF.ending(effective: "2025-02-01T12:00:00Z", received: WF.time("2025-01-01T09:00:00Z")),
                                   id: "N9", officer: "a", records: WF.endingRecords, now: WF.now)
        }
    }

    @Test func vacancyOpenedReopensAndRefreshesConfirmation() throws {
        let withdrawn = WF.vacancy(provider: "P1", beds: 1, status: .withdrawn)
        let draft = NoticeDraft(providerID: "P1", kind: .vacancyOpened, receivedAt: WF.now, vacancyID: "V1",
                                changes: VacancyChanges(beds: 2))
        let effects = try Workflow.logNotice(draft, id: "N9", officer: "a",
                                             records: NoticeRecords(provider: WF.provider, vacancy: withdrawn), now: WF.now)
        let vacancy = try #require(effects.vacancy)
        #expect(vacancy.status == .open && vacancy.beds == 2 && vacancy.lastConfirmedAt == WF.now && !effects.vacancyCreated)
        #expect(effects.child == nil && effects.placement == nil)
    }

    @Test func vacancyOpenedCanCreateANewVacancy() throws {
        let details = VacancyDraft(setting: .foster, postcode: "LL57 1AA", beds: 1, ageRange: 0...10,
                                   availableFrom: WF.today, weeklyFee: 900)
        let draft = NoticeDraft(providerID: "P1", kind: .vacancyOpened, receivedAt: WF.now, newVacancy: details)
        let effects = try Workflow.logNotice(draft, id: "N9", newVacancyID: "V00601", officer: "a",
                                             records: NoticeRecords(provider: WF.provider), now: WF.now)
        #expect(effects.vacancyCreated && effects.notice.vacancyID == "V00601")
        let vacancy = try #require(effects.vacancy)
        #expect(vacancy.id == "V00601" && vacancy.providerID == "P1" && vacancy.status == .open
                && vacancy.setting == .foster && vacancy.lastConfirmedAt == WF.now)

        let nothing = NoticeDraft(providerID: "P1", kind: .vacancyOpened, receivedAt: WF.now)
        #expect(throws: WorkflowError.missing(field: "a vacancy or the new vacancy's details", for: "a vacancy opened notice")) {
            try Workflow.logNotice(nothing, id: "N9", officer: "a", records: NoticeRecords(provider: WF.provider), now: WF.now)
        }
        var noBeds = draft
        noBeds.newVacancy?.beds = 0
        #expect(throws: WorkflowError.invalidVacancy(vacancyID: "V00601", issue: "an open vacancy needs at least one bed")) {
            try Workflow.logNotice(noBeds, id: "N9", newVacancyID: "V00601", officer: "a",
                                   records: NoticeRecords(provider: WF.provider), now: WF.now)
        }
    }

    @Test func vacancyOpenedKeepsALiveHold() throws {
        let held = WF.vacancy(provider: "P1", hold: Hold(childID: "C9", officer: "bob", expiresAt: WF.time("2026-11-25T23:59:00Z")))
        let draft = NoticeDraft(providerID: "P1", kind: .vacancyOpened, receivedAt: WF.now, vacancyID: "V1")
        let effects = try Workflow.logNotice(draft, id: "N9", officer: "a", records: NoticeRecords(provider: WF.provider, vacancy: held), now: WF.now)
        #expect(effects.vacancy?.status == .held && effects.vacancy?.hold == held.hold)
    }

    @Test func vacancyChangedAppliesOnlyWhatWasSaid() throws {
        let vacancy = WF.vacancy(provider: "P1", beds: 2)
        let changes = VacancyChanges(weeklyFee: 4_800, availableFrom: Day(iso: "2026-12-01")!)
        let draft = NoticeDraft(providerID: "P1", kind: .vacancyChanged, receivedAt: WF.now, vacancyID: "V1", changes: changes)
        let effects = try Workflow.logNotice(draft, id: "N9", officer: "a", records: NoticeRecords(provider: WF.provider, vacancy: vacancy), now: WF.now)
        var expected = vacancy
        expected.weeklyFee = 4_800
        expected.availableFrom = Day(iso: "2026-12-01")!
        expected.lastConfirmedAt = WF.now
        #expect(effects.vacancy == expected)
        #expect(changes.changedFields == ["weekly_fee", "available_from"])

        let none = NoticeDraft(providerID: "P1", kind: .vacancyChanged, receivedAt: WF.now, vacancyID: "V1")
        #expect(throws: WorkflowError.nothingToChange(vacancyID: "V1")) {
            try Workflow.logNotice(none, id: "N9", officer: "a", records: NoticeRecords(provider: WF.provider, vacancy: vacancy), now: WF.now)
        }
        var negative = draft
        negative.changes = VacancyChanges(weeklyFee: -1)
        #expect(throws: WorkflowError.invalidVacancy(vacancyID: "V1", issue: "weekly_fee: must not be negative")) {
            try Workflow.logNotice(negative, id: "N9", officer: "a", records: NoticeRecords(provider: WF.provider, vacancy: vacancy), now: WF.now)
        }
        var zero = draft
        zero.changes = VacancyChanges(beds: 0)
        let filled = try Workflow.logNotice(zero, id: "N9", officer: "a", records: NoticeRecords(provider: WF.provider, vacancy: vacancy), now: WF.now)
        #expect(filled.vacancy?.status == .filled && filled.vacancy?.beds == 0)
    }

    @Test func vacancyFilledAndWithdrawnCloseTheVacancyAndDropTheHold() throws {
        let held = WF.vacancy(provider: "P1", hold: Hold(childID: "C9", officer: "bob", expiresAt: WF.time("2026-11-25T23:59:00Z")))
        for (kind, status) in [(NoticeKind.vacancyFilled, VacancyStatus.filled), (.vacancyWithdrawn, .withdrawn)] {
            let draft = NoticeDraft(providerID: "P1", kind: kind, receivedAt: WF.now, vacancyID: "V1")
            let effects = try Workflow.logNotice(draft, id: "N9", officer: "a", records: NoticeRecords(provider: WF.provider, vacancy: held), now: WF.now)
            #expect(effects.vacancy?.status == status && effects.vacancy?.hold == nil && effects.vacancy?.lastConfirmedAt == WF.now)
        }
    }

    @Test func vacancyNoticesMustNameThisProvidersVacancy() {
        let theirs = WF.vacancy(provider: "P2")
        for kind in [NoticeKind.vacancyOpened, .vacancyChanged, .vacancyFilled, .vacancyWithdrawn] {
            let draft = NoticeDraft(providerID: "P1", kind: kind, receivedAt: WF.now, vacancyID: "V1", changes: VacancyChanges(beds: 1))
            #expect(throws: WorkflowError.vacancyOfAnotherProvider(vacancyID: "V1", providerID: "P1")) {
                try Workflow.logNotice(draft, id: "N9", officer: "a", records: NoticeRecords(provider: WF.provider, vacancy: theirs), now: WF.now)
            }
            #expect(throws: WorkflowError.unknownVacancy("V1")) {
                try Workflow.logNotice(draft, id: "N9", officer: "a", records: NoticeRecords(provider: WF.provider), now: WF.now)
            }
        }
        let withReason = NoticeDraft(providerID: "P1", kind: .vacancyFilled, receivedAt: WF.now, reason: .CREQB, vacancyID: "V1")
        #expect(throws: WorkflowError.notApplicable(field: "an end reason", for: "a vacancy filled notice")) {
            try Workflow.logNotice(withReason, id: "N9", officer: "a", records: NoticeRecords(provider: WF.provider, vacancy: WF.vacancy(provider: "P1")), now: WF.now)
        }
    }

    @Test func aLateLoggedNoticeNeverMakesAVacancyLookLessRecentlyConfirmed() throws {
        var vacancy = WF.vacancy(provider: "P1")
        vacancy.lastConfirmedAt = WF.now
        let draft = NoticeDraft(providerID: "P1", kind: .vacancyChanged, receivedAt: WF.time("2026-11-24T09:00:00Z"),
                                vacancyID: "V1", changes: VacancyChanges(beds: 3))
        let effects = try Workflow.logNotice(draft, id: "N9", officer: "a", records: NoticeRecords(provider: WF.provider, vacancy: vacancy), now: WF.now)
        #expect(effects.vacancy?.lastConfirmedAt == WF.now)
    }
}

@Suite struct WorkflowTimeTests {
    @Test func timesParseInWelshLocalTime() {
        let winter = WF.now
        #expect(WorkflowTime.parse("today 17:00", now: winter) == WF.time("2026-11-25T17:00:00Z"))
        #expect(WorkflowTime.parse("17:30", now: winter) == WF.time("2026-11-25T17:30:00Z"))
        #expect(WorkflowTime.parse("tomorrow 09:15", now: winter) == WF.time("2026-11-26T09:15:00Z"))
        #expect(WorkflowTime.parse("2026-07-01T17:00", now: winter) == WF.time("2026-07-01T16:00:00Z"))   // BST
        #expect(WorkflowTime.parse("2026-07-01 17:00:30", now: winter) == WF.time("2026-07-01T16:00:30Z"))
        #expect(WorkflowTime.parse("2026-07-01T17:00:00+01:00", now: winter) == WF.time("2026-07-01T16:00:00Z"))
        #expect(WorkflowTime.parse("2026-07-01T17:00:00Z", now: winter) == WF.time("2026-07-01T17:00:00Z"))
        #expect(WorkflowTime.parse("now", now: winter) == winter)
        #expect(WorkflowTime.parse("Yesterday 16:00", now: winter) == WF.time("2026-11-24T16:00:00Z"))
        #expect(WorkflowTime.parse("2026-07-01", now: winter) == WF.time("2026-06-30T23:00:00Z"))   // midnight, BST
        for bad in ["", "today", "25:00", "today 9am", "2026-02-30T10:00", "soon"] {
            #expect(WorkflowTime.parse(bad, now: winter) == nil, "\(bad)")
        }
    }

    @Test func endOfDayIs2359InWales() {
        #expect(WorkflowTime.endOfDay(WF.now) == WF.time("2026-11-25T23:59:00Z"))
        #expect(WorkflowTime.endOfDay(WF.time("2026-07-01T23:30:00Z")) == WF.time("2026-07-02T22:59:00Z"))
        #expect(WorkflowTime.clock(WF.time("2026-07-01T16:05:00Z")) == "17:05")
    }
}
