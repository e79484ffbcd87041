import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

/// The place form's write names the versions its plan read: a colleague's change the plan already showed does
/// not refuse the placement; a change after the plan was read does.
@Suite struct PlacePlanVersionsTests {
    typealias W = WorkflowWorld

    private func changeFee(_ store: any PlacementStoring, _ fee: Int) throws {
        try store.logNotice(NoticeDraft(providerID: "P2", kind: .vacancyChanged, receivedAt: W.now, vacancyID: "V1",
                                        changes: VacancyChanges(weeklyFee: fee)), officer: "ceri", now: W.now, expectedVacancyVersion: nil)
    }

    @Test(arguments: Backend.configured) func aChangeThePlanShowedDoesNotRefuse(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        let seenByDashboard = try #require(try store.snapshot().vacancyVersions?["V1"])
        try changeFee(store, 4_100)   // before the officer opens the place form
        let plan = try store.placePreflight(childID: "C2", vacancyID: "V1", start: W.today, officer: "alice", now: W.now)
        #expect(plan.vacancyVersion == seenByDashboard + 1 && plan.childVersion != nil)
        #expect(throws: WorkflowError.self) {   // the dashboard's version is older than what the plan showed
            try store.place(childID: "C2", vacancyID: "V1", start: W.today, officer: "alice", now: W.now, approvals: W.panel,
                            expectedVacancyVersion: seenByDashboard, expectedChildVersion: plan.childVersion)
        }
        let placed = try store.place(childID: "C2", vacancyID: "V1", start: W.today, officer: "alice", now: W.now, approvals: W.panel,
                                     expectedVacancyVersion: plan.vacancyVersion, expectedChildVersion: plan.childVersion)
        #expect(placed.placement.childID == "C2" && placed.placement.vacancyID == "V1")
    }

    @Test(arguments: Backend.configured) func aChangeAfterThePlanRefuses(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try W.store(backend, in: folder)
        let plan = try store.placePreflight(childID: "C2", vacancyID: "V1", start: W.today, officer: "alice", now: W.now)
        try changeFee(store, 4_200)   // while the officer reads the plan
        #expect(throws: WorkflowError.self) {
            try store.place(childID: "C2", vacancyID: "V1", start: W.today, officer: "alice", now: W.now, approvals: W.panel,
                            expectedVacancyVersion: plan.vacancyVersion, expectedChildVersion: plan.childVersion)
        }
        #expect(try store.placements(childID: "C2").isEmpty)
    }
}
