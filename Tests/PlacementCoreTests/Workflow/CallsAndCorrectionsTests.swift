import Foundation
import Testing
@testable import PlacementCore

@Suite struct CallRecordingTests {
    func record(_ draft: ContactDraft) throws(WorkflowError) -> Contact {
        try Workflow.recordContact(draft, id: "K1", officer: "alun", child: WF.child(), provider: WF.otherProvider, vacancy: WF.vacancy())
    }

    @Test func everyOutcomeTakesANoteAndACallBack() throws {
        for outcome in Contact.Outcome.calls {
            let back = WF.now.addingTimeInterval(3600)
            let c = try record(ContactDraft(childID: "C1", providerID: "P2", vacancyID: "V1", at: WF.now, outcome: outcome,
                                            declineReason: outcome == .declined ? "no bed for boys" : nil,
                                            note: "  asked about school run ", callBackAt: back))
            #expect(c.note == "asked about school run")
            #expect(c.callBackAt == back)
        }
    }

    @Test func aDeclineCoversTheVacancyDiscussedUnlessWidened() throws {
        let narrow = try record(ContactDraft(childID: "C1", providerID: "P2", vacancyID: "V1", at: WF.now, outcome: .declined, declineReason: "full"))
        #expect(narrow.declineScope == .vacancy)
        let wide = try record(ContactDraft(childID: "C1", providerID: "P2", vacancyID: "V1", at: WF.now, outcome: .declined,
                                           declineReason: "full", declineScope: .provider))
        #expect(wide.effectiveDeclineScope == .provider)
        let none = try Workflow.recordContact(ContactDraft(childID: "C1", providerID: "P2", at: WF.now, outcome: .declined, declineReason: "full"),
                                              id: "K2", officer: "alun", child: WF.child(), provider: WF.otherProvider, vacancy: nil)
        #expect(none.declineScope == .provider)
    }

    @Test func scopesAndCallBacksThatMeanNothingAreRefused() {
        #expect(throws: WorkflowError.missing(field: "a vacancy", for: "a decline of this vacancy only")) {
            try Workflow.recordContact(ContactDraft(childID: "C1", providerID: "P2", at: WF.now, outcome: .declined,
                                                    declineReason: "full", declineScope: .vacancy),
                                       id: "K1", officer: "alun", child: WF.child(), provider: WF.otherProvider, vacancy: nil)
        }
        #expect(throws: WorkflowError.notApplicable(field: "a decline scope", for: "a call with outcome offered")) {
            try record(ContactDraft(childID: "C1", providerID: "P2", vacancyID: "V1", at: WF.now, outcome: .offered, declineScope: .provider))
        }
        #expect(throws: WorkflowError.callBackBeforeCall) {
            try record(ContactDraft(childID: "C1", providerID: "P2", at: WF.now, outcome: .noAnswer, callBackAt: WF.now.addingTimeInterval(-60)))
        }
    }

    @Test func dueCallBacksAreTheUnansweredOnesBySoonest() {
        func call(_ id: String, provider: String, at minutes: Double, back: Double?) -> Contact {
            Contact(id: id, childID: "C1", providerID: provider, at: WF.now.addingTimeInterval(minutes * 60), outcome: .considering,
                    by: "alun", callBackAt: back.map { WF.now.addingTimeInterval($0 * 60) })
        }
        let calls = [call("K1", provider: "P1", at: 0, back: 120), call("K2", provider: "P2", at: 0, back: 60),
                     call("K3", provider: "P2", at: 30, back: nil),       // P2 rang back: K2 is answered
                     call("K4", provider: "P3", at: 0, back: 30), call("K5", provider: "P4", at: 0, back: 60 * 30)]
        #expect(CallBacks.due(calls, until: WF.now.addingTimeInterval(180 * 60)).map(\.id) == ["K4", "K1"])
    }
}

@Suite struct CorrectionTests {
    func logEnding(effective: String) throws -> NoticeEffects {
        try Workflow.logNotice(WF.ending(effective: effective), id: "N1", officer: "alun", records: WF.endingRecords, now: WF.now)
    }

    func records(_ notice: ProviderNotice, effects: NoticeEffects, others: [ProviderNotice] = [], correctedBy: String? = nil) -> NoticeCorrectionRecords {
        NoticeCorrectionRecords(original: notice, correctedBy: correctedBy, provider: WF.provider, child: effects.child,
                                placements: [effects.placement!], childNotices: [notice] + others)
    }

    @Test func withdrawingTheOnlyEndingPutsTheChildBackAsPlaced() throws {
        let logged = try logEnding(effective: "2026-11-25T17:00:00Z")
        let w = try Workflow.withdrawNotice(id: "N2", reason: "wrong child", officer: "bea", records: records(logged.notice, effects: logged), now: WF.now)
        #expect(w.notice.id == "N2")
        #expect(w.notice.correction == Correction(corrects: "N1", kind: .withdrawn, reason: "wrong child", at: WF.now, by: "bea"))
        #expect(w.child?.status == .placed)
        #expect(w.placement?.plannedEnd == nil)
        #expect(Corrections.current([logged.notice, w.notice]).isEmpty)
    }

    @Test func withdrawingFallsBackToTheChildsOtherEnding() throws {
        let first = try logEnding(effective: "2026-12-10T12:00:00Z")
        let later = try Workflow.logNotice(WF.ending(effective: "2026-11-25T17:00:00Z", received: WF.now.addingTimeInterval(60)), id: "N3",
                                           officer: "alun", records: NoticeRecords(provider: WF.provider, child: first.child, placements: [first.placement!]),
                                           now: WF.now)
        #expect(later.child?.urgency == .emergency)
        let w = try Workflow.withdrawNotice(id: "N4", reason: "duplicate", officer: "bea",
                                            records: records(later.notice, effects: later, others: [first.notice]), now: WF.now)
        #expect(w.child?.status == .noticeReceived)
        #expect(w.child?.urgency == .neededBy(Day(iso: "2026-12-10")!))
        #expect(w.placement?.plannedEnd == Day(iso: "2026-12-10"))
    }

    @Test func amendingTheEffectiveTimeMovesTheEndAndTheUrgency() throws {
        let logged = try logEnding(effective: "2026-11-25T17:00:00Z")
        let a = try Workflow.amendNotice(NoticeAmendment(effectiveAt: WF.time("2026-12-01T12:00:00Z")), id: "N2", reason: "provider rang back",
                                         officer: "bea", records: records(logged.notice, effects: logged), now: WF.now)
        #expect(a.notice.effectiveAt == WF.time("2026-12-01T12:00:00Z"))
        #expect(a.notice.reason == logged.notice.reason)
        #expect(a.child?.urgency == .neededBy(Day(iso: "2026-12-01")!))
        #expect(a.placement?.plannedEnd == Day(iso: "2026-12-01"))
        #expect(Corrections.current([logged.notice, a.notice]).map(\.id) == ["N2"])
        #expect(Corrections.replacements([logged.notice, a.notice])["N1"]?.id == "N2")
    }

    @Test func withdrawingAnAmendmentWithdrawsTheWholeChain() throws {
        let logged = try logEnding(effective: "2026-11-25T17:00:00Z")
        let a = try Workflow.amendNotice(NoticeAmendment(effectiveAt: WF.time("2026-12-01T12:00:00Z")), id: "N2", reason: "x",
                                         officer: "bea", records: records(logged.notice, effects: logged), now: WF.now)
        let w = try Workflow.withdrawNotice(id: "N3", reason: "wrong child", officer: "bea",
                                            records: NoticeCorrectionRecords(original: a.notice, provider: WF.provider, child: a.child,
                                                                             placements: [a.placement!], childNotices: [logged.notice, a.notice]),
                                            now: WF.now)
        #expect(w.child?.status == .placed && w.placement?.plannedEnd == nil)
        #expect(Corrections.current([logged.notice, a.notice, w.notice]).isEmpty)
    }

    @Test func onlyTheCurrentRecordCanBeCorrectedAndAReasonIsNeeded() throws {
        let logged = try logEnding(effective: "2026-11-25T17:00:00Z")
        #expect(throws: WorkflowError.alreadyCorrected(id: "N1", by: "N2")) {
            try Workflow.withdrawNotice(id: "N3", reason: "x", officer: "bea", records: records(logged.notice, effects: logged, correctedBy: "N2"), now: WF.now)
        }
        #expect(throws: WorkflowError.missing(field: "a reason", for: "a correction")) {
            try Workflow.withdrawNotice(id: "N3", reason: "  ", officer: "bea", records: records(logged.notice, effects: logged), now: WF.now)
        }
        #expect(throws: WorkflowError.nothingToAmend("N1")) {
            try Workflow.amendNotice(NoticeAmendment(), id: "N3", reason: "x", officer: "bea", records: records(logged.notice, effects: logged), now: WF.now)
        }
    }

    @Test func aVacancyNoticeOnlyHasItsWordsAmended() throws {
        let n = ProviderNotice(id: "N5", receivedAt: WF.now, loggedBy: "alun", providerID: "P2", kind: .vacancyFilled, vacancyID: "V1", text: "gone")
        let r = NoticeCorrectionRecords(original: n, provider: WF.otherProvider)
        let a = try Workflow.amendNotice(NoticeAmendment(text: "filled by another LA"), id: "N6", reason: "typo", officer: "bea", records: r, now: WF.now)
        #expect(a.notice.text == "filled by another LA" && a.vacancy == nil && a.child == nil)
        #expect(throws: WorkflowError.notApplicable(field: "an effective time", for: "a vacancy filled notice")) {
            try Workflow.amendNotice(NoticeAmendment(effectiveAt: WF.now), id: "N6", reason: "x", officer: "bea", records: r, now: WF.now)
        }
    }

    @Test func amendingADeclineToAnOfferDropsItsReasonAndKeepsTheCallTime() throws {
        let call = Contact(id: "K1", childID: "C1", providerID: "P2", vacancyID: "V1", at: WF.now, outcome: .declined,
                           declineReason: "full", by: "alun", note: "spoke to manager")
        let amended = try Workflow.amendContact(call, correctedBy: nil, ContactAmendment(outcome: .offered), id: "K2",
                                                reason: "misrecorded", officer: "bea", now: WF.now.addingTimeInterval(600))
        #expect(amended.outcome == .offered && amended.declineReason == nil && amended.declineScope == nil)
        #expect(amended.at == call.at && amended.by == "alun" && amended.note == "spoke to manager")
        #expect(amended.correction?.by == "bea" && amended.correction?.corrects == "K1")
        #expect(Corrections.current([call, amended]).map(\.id) == ["K2"])
        #expect(throws: WorkflowError.alreadyCorrected(id: "K1", by: "K2")) {
            try Workflow.amendContact(call, correctedBy: "K2", ContactAmendment(note: "x"), id: "K3", reason: "x", officer: "bea", now: WF.now)
        }
    }
}
