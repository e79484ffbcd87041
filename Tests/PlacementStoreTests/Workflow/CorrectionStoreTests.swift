import Foundation
import GRDB
import PlacementCore
import Testing
@testable import PlacementStore

/// Corrections in the store: new rows that keep the originals, the records they move, audited in the same write.
@Suite struct CorrectionStoreTests {
    typealias W = WorkflowWorld

    @Test(arguments: Backend.configured) func withdrawingAnEndingKeepsTheOriginalAndUndoesItsEffect(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        let logged = try store.logNotice(W.sameDayEnding(), officer: "alice", now: W.now)
        #expect(try store.child(id: "C1")?.status == .noticeReceived)

        let withdrawn = try store.withdrawNotice(id: logged.notice.id, reason: "logged against the wrong child", officer: "bea",
                                                 now: W.now.addingTimeInterval(60))
        #expect(withdrawn.notice.id == "N0002")
        let notices = try store.notices()
        #expect(Set(notices.map(\.id)) == ["N0001", "N0002"])
        #expect(notices.first { $0.id == "N0002" }?.correction?.reason == "logged against the wrong child")
        #expect(Corrections.current(notices).isEmpty)
        #expect(try store.child(id: "C1")?.status == .placed)
        #expect(try store.placements(childID: "C1").first?.plannedEnd == nil)
        let audit = try store.auditEntries(recordID: "N0002")
        #expect(audit.map(\.action) == ["notice.withdraw"])
        #expect(audit.first?.detail?.contains("wrong child") == false, "the reason stays out of the audit detail")
        #expect(try store.auditEntries(recordID: "C1").map(\.action).suffix(1) == ["child.notice"])

        #expect(throws: WorkflowError.alreadyCorrected(id: "N0001", by: "N0002")) {
            try store.withdrawNotice(id: "N0001", reason: "again", officer: "bea", now: W.now)
        }
        #expect(throws: WorkflowError.noticeWithdrawn("N0002")) {
            try store.amendNotice(id: "N0002", NoticeAmendment(text: "x"), reason: "x", officer: "bea", now: W.now)
        }
        #expect(throws: WorkflowError.unknownNotice("N0999")) {
            try store.withdrawNotice(id: "N0999", reason: "x", officer: "bea", now: W.now)
        }
    }

    @Test(arguments: Backend.configured) func aWithdrawnEndingNoLongerEndsThePlacementWhenPlacing(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        let logged = try store.logNotice(W.sameDayEnding(), officer: "alice", now: W.now)
        try store.withdrawNotice(id: logged.notice.id, reason: "wrong child", officer: "alice", now: W.now)
        // Placed with no current notice: a planned move, which must be said.
        #expect(throws: WorkflowError.childAlreadyPlaced(childID: "C1")) {
            try store.place(childID: "C1", vacancyID: "V1", start: W.today, officer: "alice", now: W.now)
        }
    }

    @Test(arguments: Backend.configured) func amendingACallAndAVacancyScopedDecline(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        let back = W.now.addingTimeInterval(3600)
        let call = try store.recordContact(ContactDraft(childID: "C2", providerID: "P2", vacancyID: "V1", at: W.now, outcome: .considering,
                                                        note: "asking the manager", callBackAt: back),
                                           officer: "alice", now: W.now)
        #expect(try store.contacts() == [call])
        #expect(try store.snapshot().contacts?.first?.callBackAt == back)

        func declined() throws -> Set<String> {
            let request = try store.matchRequest(childID: "C2", today: W.today, now: W.now)
            let engine = try store.matchEngine(today: W.today)
            return Set(engine.rank(request).excluded.filter { $0.reasons.contains(.declined) }.map { engine.index.vacancies[$0.index].id })
        }
        let amended = try store.amendContact(id: call.id, ContactAmendment(outcome: .declined, declineReason: "no bed for her age",
                                                                          clearCallBack: true, declineScope: .vacancy),
                                             reason: "they rang back to decline", officer: "alice", now: W.now)
        #expect(amended.callBackAt == nil && amended.note == "asking the manager")
        #expect(try declined() == ["V1"], "the provider's other vacancy stays in the ranking")
        try store.amendContact(id: amended.id, ContactAmendment(declineScope: .provider), reason: "all beds", officer: "alice", now: W.now)
        #expect(try declined() == ["V1", "V2"])
        #expect(try store.auditEntries(recordID: amended.id).map(\.action) == ["contact.amend"])
        #expect(throws: WorkflowError.alreadyCorrected(id: call.id, by: amended.id)) {
            try store.amendContact(id: call.id, ContactAmendment(note: "x"), reason: "x", officer: "alice", now: W.now)
        }
    }
}

/// notices.csv and contacts.csv: export only, with notes, call-backs and corrections as rows of their own.
@Suite struct RingRoundExportTests {
    typealias W = WorkflowWorld

    @Test(arguments: Backend.configured) func exportsShowNotesCallBacksAndCorrections(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        let logged = try store.logNotice(W.sameDayEnding(), officer: "alice", now: W.now)
        try store.withdrawNotice(id: logged.notice.id, reason: "wrong child", officer: "bea", now: W.now)
        try store.recordContact(ContactDraft(childID: "C2", providerID: "P2", vacancyID: "V1", at: W.now, outcome: .declined,
                                             declineReason: "room too small", note: "manager away", callBackAt: W.now.addingTimeInterval(3600),
                                             declineScope: .vacancy), officer: "alice", now: W.now)

        let notices = try store.export(.notices, format: .csv, user: "alice").split(separator: "\r\n").map(String.init)
        #expect(notices[0] == RecordKind.notices.columns.joined(separator: ","))
        #expect(notices.count == 3)
        #expect(notices.contains { $0.hasPrefix("N0002,") && $0.hasSuffix(",N0001,withdrawn,wrong child,2026-11-25T09:00:00Z,bea") })
        #expect(notices.contains { $0.hasPrefix("N0001,") && $0.hasSuffix(",,,,,") }, "the original is kept, uncorrected")
        let calls = try store.export(.contacts, format: .csv, user: "alice").split(separator: "\r\n").map(String.init)
        #expect(calls[1] == "K0001,C2,P2,V1,2026-11-25T09:00:00Z,declined,room too small,vacancy,manager away,2026-11-25T10:00:00Z,alice,,,,,,,,,,")
        let json = try store.export(.contacts, format: .json, user: "alice")
        #expect(json.contains("\"note\" : \"manager away\"") && json.contains("\"declineScope\" : \"vacancy\""))

        let file = folder.file("notices.csv")
        try notices.joined(separator: "\r\n").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(throws: ImportError.self) { try store.importFile(.notices, from: URL(fileURLWithPath: file), user: "alice", today: W.today) }
    }
}
