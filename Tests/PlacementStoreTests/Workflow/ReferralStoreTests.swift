import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

/// Referrals through the store: one entry per provider in the ring-round log, audited; answers; a decline
/// ruling the vacancy out; a colleague's change refused; both backends alike.
@Suite struct ReferralStoreTests {
    let now = WorkflowWorld.now
    var due: Date { now.addingTimeInterval(6 * 3600) }

    @Test(arguments: Backend.configured) func sendLogsOneReferralPerProviderAndAuditsEach(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try WorkflowWorld.store(backend, in: folder)
        let preview = try store.referralPreview(childID: "C2", officer: "ceri.jones", now: now, responseDue: due)
        // V1 and V2 are both P2's: one referral to P2 (its first vacancy named), one to P1.
        let sent = try store.sendReferral(ReferralDraft(childID: "C2", vacancyIDs: ["V1", "V2", "V3"], responseDue: due),
                                          officer: "ceri.jones", now: now, expectedChildVersion: preview.childVersion)
        #expect(sent.entries.map(\.providerID) == ["P2", "P1"])
        #expect(sent.entries.map(\.vacancyID) == ["V1", "V3"])
        let log = try store.contacts(childID: "C2")
        #expect(log.count == 2)
        for entry in log {
            #expect(entry.outcome == .referred)
            #expect(entry.by == "ceri.jones")
            #expect(entry.referral == ReferralSent(sections: ReferralSection.allCases, responseDue: due))
        }
        let audit = try store.auditEntries().filter { $0.action == "referral.send" }
        #expect(audit.count == 2)
        #expect(audit.map(\.recordID) == log.map(\.id))
        #expect(audit[0].detail?.contains("child C2; provider P2; vacancy V1; sections about-the-child,date-needed,needs") == true)
        #expect(audit.allSatisfy { !($0.detail ?? "").contains("Gwen") }, "no contents, no names in the trail")
        // Sending again to a provider still to answer is refused, naming the earlier referral.
        #expect(throws: WorkflowError.referral("P1 has not yet answered referral \(log[1].id) for C2")) {
            try store.sendReferral(ReferralDraft(childID: "C2", vacancyIDs: ["V3"], responseDue: due), officer: "ceri.jones", now: now,
                                   expectedChildVersion: nil)
        }
    }

    @Test(arguments: Backend.configured) func answersAreLoggedAgainstTheReferral(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try WorkflowWorld.store(backend, in: folder)
        let sent = try store.sendReferral(ReferralDraft(childID: "C2", vacancyIDs: ["V1", "V3"], responseDue: due), officer: "ceri.jones",
                                          now: now, expectedChildVersion: nil)
        let later = now.addingTimeInterval(3600)
        let question = try store.respondToReferral(id: sent.entries[0].id, .question("Does she have a bike?"), officer: "ceri.jones",
                                                   at: later, now: later)
        #expect(question.outcome == .considering && question.note == "Does she have a bike?" && question.respondsTo == sent.entries[0].id)
        #expect(ReferralQueue.awaiting(try store.contacts(), now: later).count == 2, "a question leaves the referral awaiting an answer")
        let offer = try store.respondToReferral(id: sent.entries[0].id, .offer(ReferralOffer(weeklyFee: 4_300, start: WorkflowWorld.today), note: ""),
                                                officer: "ceri.jones", at: later, now: later)
        #expect(try store.contacts(childID: "C2").first { $0.id == offer.id }?.offer == ReferralOffer(weeklyFee: 4_300, start: WorkflowWorld.today))
        let decline = try store.respondToReferral(id: sent.entries[1].id, .decline(reason: "no female staff on nights"), officer: "ceri.jones",
                                                  at: later, now: later)
        #expect(decline.declineScope == .vacancy)
        #expect(ReferralQueue.awaiting(try store.contacts(), now: later).isEmpty)
        // The decline rules V3 out for C2, as a declined call does.
        let request = try store.matchRequest(childID: "C2", today: WorkflowWorld.today, now: later)
        let engine = try store.matchEngine(today: WorkflowWorld.today)
        let ranked = engine.rank(request).ranked.map { engine.index.vacancies[$0.index].id }
        #expect(ranked.contains("V1") && !ranked.contains("V3"))
        // A second answer is refused: amend the first instead.
        #expect(throws: WorkflowError.self) {
            try store.respondToReferral(id: sent.entries[0].id, .decline(reason: "changed our mind"), officer: "ceri.jones", at: later, now: later)
        }
        let trail = try store.auditEntries().filter { $0.action == "referral.respond" }
        #expect(trail.map(\.recordID) == [question.id, offer.id, decline.id])
    }

    @Test func aChildChangedSinceThePreviewIsNotSentUnseen() throws {
        let folder = try TempFolder()
        let store = try WorkflowWorld.store(in: folder)
        let preview = try store.referralPreview(childID: "C2", officer: "ceri.jones", now: now, responseDue: due)
        _ = try store.hold(vacancyID: "V1", childID: "C2", officer: "alun.owen", now: now)
        try store.write { db in try PlacementDatabase.touch(.children, id: "C2", by: "alun.owen", at: now, in: db) }
        #expect(throws: WorkflowError.self) {
            try store.sendReferral(ReferralDraft(childID: "C2", vacancyIDs: ["V2"], responseDue: due), officer: "ceri.jones", now: now,
                                   expectedChildVersion: preview.childVersion)
        }
        #expect(try store.contacts(childID: "C2").isEmpty)
    }

    @Test func aReferralIsNeverRecordedOrAmendedAsACall() throws {
        let folder = try TempFolder()
        let store = try WorkflowWorld.store(in: folder)
        #expect(throws: WorkflowError.self) {
            try store.recordContact(ContactDraft(childID: "C2", providerID: "P1", at: now, outcome: .referred), officer: "ceri.jones", now: now)
        }
        let sent = try store.sendReferral(ReferralDraft(childID: "C2", vacancyIDs: ["V3"], responseDue: due), officer: "ceri.jones",
                                          now: now, expectedChildVersion: nil)
        #expect(throws: WorkflowError.self) {
            try store.amendContact(id: sent.entries[0].id, ContactAmendment(outcome: .offered), reason: "typo", officer: "ceri.jones", now: now)
        }
        let noted = try store.amendContact(id: sent.entries[0].id, ContactAmendment(note: "sent by e-mail too"), reason: "note",
                                           officer: "ceri.jones", now: now)
        #expect(noted.referral == sent.entries[0].referral)
        #expect(ReferralQueue.awaiting(try store.contacts(), now: now).map(\.referral.id) == [noted.id])
    }
}
