import Foundation
import GRDB
import PlacementCore
import Testing
@testable import PlacementStore

private typealias W = WorkflowWorld

@Suite struct WorkflowStoreTests {
    @Test(arguments: Backend.configured) func anEndingNoticeIsStoredWithItsEffectsStampsAndAudit(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        let effects = try store.logNotice(W.sameDayEnding(), officer: "alice", now: W.now)
        #expect(effects.notice.id == "N0001")
        #expect(try store.notices() == [effects.notice])
        let child = try #require(try store.child(id: "C1"))
        #expect(child.status == .noticeReceived && child.urgency == .emergency)
        #expect(try store.placements(childID: "C1").first?.plannedEnd == W.today)
        #expect(try store.stamp(of: .children, id: "C1") == RecordStamp(version: 2, updatedBy: "alice", updatedAt: W.now))
        #expect(try store.stamp(of: .placements, id: "PL1")?.version == 2)
        let audit = try store.auditEntries(user: "alice")
        #expect(audit.map(\.action) == ["notice.log", "placement.notice", "child.notice"])
        #expect(audit.map(\.recordID) == ["N0001", "PL1", "C1"])
        // Ids and actions only: never the notice's text or the child's name.
        #expect(audit.allSatisfy { !($0.detail ?? "").contains("rang at nine") && !($0.detail ?? "").contains("Gwen") })

        #expect(try store.logNotice(NoticeDraft(providerID: "P1", kind: .vacancyFilled, receivedAt: W.now, vacancyID: "V3"),
                                    officer: "alice", now: W.now).notice.id == "N0002")
    }

    @Test(arguments: Backend.configured) func idsFollowTheHighestStoredNumber(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        try store.insert(RecordBatch(notices: [ProviderNotice(id: "N0041", receivedAt: W.now, loggedBy: "x", providerID: "P1", kind: .vacancyFilled),
                                               ProviderNotice(id: "N7-old", receivedAt: W.now, loggedBy: "x", providerID: "P1", kind: .vacancyFilled)]))
        #expect(try store.logNotice(W.sameDayEnding(), officer: "alice", now: W.now).notice.id == "N0042")
        let created = try store.logNotice(NoticeDraft(providerID: "P2", kind: .vacancyOpened, receivedAt: W.now,
                                                      newVacancy: VacancyDraft(setting: .foster, ageRange: 0...5, availableFrom: W.today, weeklyFee: 800)),
                                          officer: "alice", now: W.now)
        #expect(created.vacancy?.id == "V00004" && created.notice.vacancyID == "V00004" && created.vacancyCreated)
        #expect(try store.vacancies().contains { $0.id == "V00004" && $0.status == .open })
        #expect(try store.auditEntries(recordID: "V00004").map(\.action) == ["vacancy.create"])
    }

    @Test(arguments: Backend.configured) func vacancyNoticesUpdateTheVacancyAndRespectTheVersionSeen(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        let change = NoticeDraft(providerID: "P1", kind: .vacancyChanged, receivedAt: W.now, vacancyID: "V3",
                                 changes: VacancyChanges(beds: 3, weeklyFee: 5_000))
        try store.logNotice(change, officer: "alice", now: W.now, expectedVacancyVersion: 1)
        let v3 = try #require(try store.vacancies().first { $0.id == "V3" })
        #expect(v3.beds == 3 && v3.weeklyFee == 5_000 && v3.lastConfirmedAt == W.now)
        #expect(try store.auditEntries(recordID: "V3").map(\.detail) == ["status open→open; changed beds, weekly_fee; notice N0001"])

        let before = try W.Snapshot(store)
        let later = W.time("2026-11-25T10:15:00Z")
        #expect(throws: WorkflowError.changedBy(officer: "alice", at: W.now)) {
            try store.logNotice(NoticeDraft(providerID: "P1", kind: .vacancyWithdrawn, receivedAt: later, vacancyID: "V3"),
                                officer: "bob", now: later, expectedVacancyVersion: 1)
        }
        #expect(try W.Snapshot(store) == before)
    }

    @Test func aContactIsStoredAndAudited() throws {
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        let contact = try store.recordContact(ContactDraft(childID: "C2", providerID: "P2", vacancyID: "V1", at: W.now,
                                                           outcome: .declined, declineReason: "age mix"),
                                              officer: "alice", now: W.now)
        #expect(contact.id == "K0001" && contact.by == "alice")
        #expect(try store.contacts() == [contact] && (try store.contacts(childID: "C2")) == [contact])
        #expect(try store.auditEntries(recordID: "K0001").map(\.action) == ["contact.record"])
        #expect(try store.auditEntries(recordID: "K0001").first?.detail?.contains("age mix") == false)
        // The matching engine reads declines: about one vacancy, that vacancy (unless widened); with none named, the provider.
        func declined() throws -> Set<String> {
            let request = try store.matchRequest(childID: "C2", today: W.today, now: W.now)
            let engine = try store.matchEngine(today: W.today)
            return Set(engine.rank(request).excluded.filter { $0.reasons.contains(.declined) }.map { engine.index.vacancies[$0.index].id })
        }
        #expect(try declined() == ["V1"])
        try store.recordContact(ContactDraft(childID: "C2", providerID: "P2", at: W.now, outcome: .declined, declineReason: "full"),
                                officer: "alice", now: W.now)
        #expect(try declined() == ["V1", "V2"])
    }

    @Test(arguments: Backend.configured) func holdReleaseAndVersionConflicts(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        let held = try store.hold(vacancyID: "V1", childID: "C2", officer: "alice", now: W.now, until: nil, expectedVersion: 1)
        #expect(held.hold == Hold(childID: "C2", officer: "alice", expiresAt: W.time("2026-11-25T23:59:00Z")))
        #expect(try store.vacancies().first { $0.id == "V1" } == held)
        #expect(try store.stamp(of: .vacancies, id: "V1") == RecordStamp(version: 2, updatedBy: "alice", updatedAt: W.now))

        // Bob looked at V1 before Alice held it.
        let before = try W.Snapshot(store)
        let conflict = WorkflowError.changedBy(officer: "alice", at: W.now)
        #expect(throws: conflict) {
            try store.hold(vacancyID: "V1", childID: "C3", officer: "bob", now: W.now, until: nil, expectedVersion: 1)
        }
        #expect(conflict.description == "changed by alice at 09:00 — press r to reload")
        #expect(throws: WorkflowError.heldByAnother(vacancyID: "V1", officer: "alice", until: W.time("2026-11-25T23:59:00Z"))) {
            try store.hold(vacancyID: "V1", childID: "C3", officer: "bob", now: W.now)
        }
        #expect(throws: WorkflowError.notHolder(vacancyID: "V1", officer: "alice", until: W.time("2026-11-25T23:59:00Z"))) {
            try store.releaseHold(vacancyID: "V1", officer: "bob", now: W.now)
        }
        #expect(try W.Snapshot(store) == before)

        let released = try store.releaseHold(vacancyID: "V1", officer: "alice", now: W.now, expectedVersion: 2)
        #expect(released.status == .open && released.hold == nil)
        #expect(try store.auditEntries(recordID: "V1").map(\.action) == ["vacancy.hold", "vacancy.release"])
        #expect(try store.stamps(of: .vacancies)["V1"]?.version == 3)
        #expect(try store.stamps(of: .vacancies)["V2"] == RecordStamp(version: 1))
    }

    @Test(arguments: Backend.configured) func placingAfterASameDayNoticeRecordsABreakdown(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        try store.logNotice(W.sameDayEnding(), officer: "alice", now: W.now)
        try store.hold(vacancyID: "V1", childID: "C1", officer: "alice", now: W.now)
        let effects = try store.place(childID: "C1", vacancyID: "V1", start: W.today, officer: "alice", now: W.now, approvals: W.panel,
                                      expectedVacancyVersion: 2, expectedChildVersion: 2)
        #expect(effects.placement.id == "PL00002")   // after PL1, the highest stored
        let history = try store.placements(childID: "C1")
        #expect(history.count == 2)
        let old = try #require(history.first { $0.id == "PL1" })
        #expect(old.actualEnd == W.today && old.ending == .breakdown && old.endReason == .CREQB && old.noticeHours == 8)
        let new = try #require(history.first { $0.id == "PL00002" })
        #expect(new.isOpen && new.vacancyID == "V1" && new.localityTier == LocalityTier.otherWelsh.rawValue && new.milesFromHome > 30)
        let v1 = try #require(try store.vacancies().first { $0.id == "V1" })
        #expect(v1.beds == 0 && v1.status == .filled && v1.hold == nil)
        #expect(try store.child(id: "C1")?.status == .placed)
        #expect(try store.stamp(of: .placements, id: "PL00002") == RecordStamp(version: 1, updatedBy: "alice", updatedAt: W.now))
        let actions = try store.auditEntries(since: Date().addingTimeInterval(-60)).map(\.action)
        #expect(Array(actions.suffix(4)) == ["placement.end", "placement.start", "vacancy.take_bed", "child.place"])
    }

    @Test func everyWriteIsAllOrNothing() throws {
        let cases: [(String, (PlacementDatabase) throws -> Void)] = [
            ("child.notice", { try $0.logNotice(W.sameDayEnding(), officer: "alice", now: W.now) }),
            ("notice.log", { try $0.logNotice(NoticeDraft(providerID: "P1", kind: .vacancyChanged, receivedAt: W.now, vacancyID: "V3",
                                                          changes: VacancyChanges(beds: 4)), officer: "alice", now: W.now) }),
            ("contact.record", { try $0.recordContact(ContactDraft(childID: "C2", providerID: "P2", at: W.now, outcome: .noAnswer),
                                                      officer: "alice", now: W.now) }),
            ("vacancy.hold", { try $0.hold(vacancyID: "V1", childID: "C2", officer: "alice", now: W.now) }),
            ("child.place", { try $0.place(childID: "C2", vacancyID: "V1", start: W.today, officer: "alice", now: W.now, approvals: W.panel) }),
        ]
        for (action, write) in cases {
            let folder = try TempFolder()
            let store = try W.store(in: folder)
            try W.failOnAudit(action, in: store)
            let before = try W.Snapshot(store)
            #expect(throws: StoreError.rejected(reason: "forced failure"), "\(action)") { try write(store) }
            #expect(try W.Snapshot(store) == before, "\(action) left changes behind")
        }

        // Releasing: the hold stays when the release fails.
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        try store.hold(vacancyID: "V1", childID: "C2", officer: "alice", now: W.now)
        try W.failOnAudit("vacancy.release", in: store)
        let before = try W.Snapshot(store)
        #expect(throws: StoreError.self) { try store.releaseHold(vacancyID: "V1", officer: "alice", now: W.now) }
        #expect(try W.Snapshot(store) == before)
    }

    @Test func aForeignKeyViolationMidPlacementRollsEverythingBack() throws {
        let folder = try TempFolder()
        let store = try W.store(in: folder)
        try store.logNotice(W.sameDayEnding(), officer: "alice", now: W.now)
        // After the placements are written, the vacancy update drags in a row that refers to no child.
        try store.pool.write { db in
            try db.execute(sql: """
                CREATE TRIGGER orphan AFTER UPDATE ON vacancies BEGIN
                    INSERT INTO contacts (id, child_id, provider_id, at, outcome, by) VALUES ('KX', 'NOBODY', 'P2', '', 'no_answer', '');
                END
                """)
        }
        let before = try W.Snapshot(store)
        #expect(throws: StoreError.missingReference) {
            try store.place(childID: "C1", vacancyID: "V1", start: W.today, officer: "alice", now: W.now, approvals: W.panel)
        }
        #expect(try W.Snapshot(store) == before)
        #expect(try store.placements(childID: "C1").map(\.isOpen) == [true])
    }

    @Test(arguments: Backend.configured) func refusedWritesChangeNothing(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        let before = try W.Snapshot(store)
        #expect(throws: WorkflowError.childAlreadyPlaced(childID: "C1")) {
            try store.place(childID: "C1", vacancyID: "V1", start: W.today, officer: "alice", now: W.now, approvals: W.panel)
        }
        #expect(throws: WorkflowError.unknownVacancy("V9")) {
            try store.place(childID: "C2", vacancyID: "V9", start: W.today, officer: "alice", now: W.now, approvals: W.panel)
        }
        #expect(throws: WorkflowError.noOpenPlacement(childID: "C2", providerID: "P1")) {
            var draft = W.sameDayEnding()
            draft.childID = "C2"
            try store.logNotice(draft, officer: "alice", now: W.now)
        }
        #expect(throws: WorkflowError.unknownChild("C9")) {
            try store.recordContact(ContactDraft(childID: "C9", providerID: "P2", at: W.now, outcome: .offered), officer: "a", now: W.now)
        }
        #expect(try W.Snapshot(store) == before)
    }

    /// Two officers, two processes' worth of connections, one last bed, the same moment.
    @Test(arguments: Backend.configured, [false, true]) func twoOfficersRaceForTheLastBed(_ backend: Backend, withVersion: Bool) throws {
        for round in 0..<5 {
            let folder = try TempFolder()
            let stores = try W.twoConnections(backend, in: folder)
            let officers = ["alice", "bob"], children = ["C2", "C3"]
            let outcomes = Collected<(Int, Result<String, WorkflowError>)>()
            let start = DispatchTime.now() + .milliseconds(50)
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                while DispatchTime.now() < start {}   // both go at once
                do {
                    let effects = try stores[i].place(childID: children[i], vacancyID: "V1", start: W.today, officer: officers[i],
                                                      now: W.now, approvals: W.panel, expectedVacancyVersion: withVersion ? 1 : nil)
                    outcomes.append((i, .success(effects.placement.id)))
                } catch let error as WorkflowError {
                    outcomes.append((i, .failure(error)))
                } catch {
                    Issue.record("round \(round): unexpected \(error)")
                }
            }
            let all = outcomes.all
            let winners = all.filter { if case .success = $0.1 { true } else { false } }
            try #require(all.count == 2 && winners.count == 1, "round \(round): \(all)")
            let winner = winners[0].0, loser = 1 - winner
            let loss = all.first { $0.0 == loser }!.1
            let expected: WorkflowError = withVersion ? .changedBy(officer: officers[winner], at: W.now)
                                                      : .vacancyNotOpen(vacancyID: "V1", status: .filled)
            #expect(loss.map { _ in "" } == .failure(expected))
            #expect(expected.description.contains(withVersion ? "changed by \(officers[winner]) at 09:00 — press r to reload" : "is filled, not open"))

            let check = stores[0]
            #expect(try check.child(id: children[loser])?.status == .needsPlacement)
            #expect(try check.stamp(of: .children, id: children[loser]) == RecordStamp(version: 1))
            #expect(try check.placements(childID: children[loser]).isEmpty)
            #expect(try check.auditEntries(user: officers[loser]).isEmpty)
            #expect(try check.placements().filter { $0.vacancyID == "V1" }.count == 1)
            let v1 = try #require(try check.vacancies().first { $0.id == "V1" })
            #expect(v1.beds == 0 && v1.status == .filled)
            if backend == .sqlite { #expect(try check.integrityCheck() == ["ok"]) }
        }
    }

    @Test func concurrentWritersFromTwoConnectionsAllSucceed() throws {
        let folder = try TempFolder()
        try W.store(in: folder).close()
        let stores = [try PlacementDatabase(path: folder.file("s.sqlite"), create: true), try PlacementDatabase(path: folder.file("s.sqlite"), create: true)]
        let failures = Collected<String>()
        DispatchQueue.concurrentPerform(iterations: 2) { i in
            for n in 0..<30 {
                do {
                    try stores[i].recordContact(ContactDraft(childID: "C2", providerID: "P2", at: W.now, outcome: .noAnswer),
                                                officer: "officer\(i)", now: W.now)
                    try stores[i].logNotice(NoticeDraft(providerID: "P2", kind: .vacancyChanged, receivedAt: W.now, vacancyID: "V2",
                                                        changes: VacancyChanges(weeklyFee: 4_000 + n)), officer: "officer\(i)", now: W.now)
                } catch {
                    failures.append("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        #expect(try stores[0].contacts().count == 60)
        #expect(Set(try stores[0].contacts().map(\.id)).count == 60)
        #expect(try stores[0].notices().count == 60)
        #expect(try stores[0].stamp(of: .vacancies, id: "V2")?.version == 61)
    }

    @Test func dataVersionMovesWhenAnotherConnectionCommits() throws {
        let folder = try TempFolder()
        try W.store(in: folder).close()
        let mine = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        let theirs = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        let first = try mine.dataVersion()
        #expect(try mine.dataVersion() == first)
        try theirs.recordContact(ContactDraft(childID: "C2", providerID: "P2", at: W.now, outcome: .considering), officer: "bob", now: W.now)
        #expect(try mine.dataVersion() != first)
    }
}
