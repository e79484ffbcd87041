import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

private typealias W = WorkflowWorld

/// Pg14: one authority's open write holds nothing another authority's writes wait for (the audit chain is
/// one per authority, change counters one per connection, ids from sequences, notifications sent after
/// commit), and what those locks guaranteed still holds: every chain checks, tampering with one is found, the
/// head covers every chain, ids never repeat, every change reaches a listener (skipped without a server).
@Suite(.enabled(if: TestPostgres.isConfigured, TestPostgres.unsetReason))
struct PostgresContentionTests {
    struct Region {
        let admin: PostgresStore, ann: PostgresStore, bea: PostgresStore, sian: PostgresStore
    }

    /// The workflow world on a server with roles, plus Swansea's waiting S1; ann and bea place for Cardiff,
    /// sian for Swansea. Each officer gives up on a lock after 1 s, so a wait a test rules out fails the test
    /// instead of hanging it; sian's connection never shares a change-counter slot with ann's.
    static func region() throws -> Region {
        let admin = try PostgresStore.initServer(url: try TestPostgres.freshDatabaseURL(), defaultUser: "x")
        try admin.insert(W.batch)
        var swanseaChild = W.child("S1", status: .needsPlacement)
        swanseaChild.placingAuthority = "W06000011"
        try admin.insert(RecordBatch(children: [swanseaChild]))
        let suffix = String(UUID().uuidString.prefix(8)).lowercased().filter { $0.isLetter || $0.isNumber }
        func connect(_ name: String) throws -> PostgresStore {
            var location = admin.location
            location.user = name + "_" + suffix
            let store = try PostgresStore(location)
            try store.session.execute("SET lock_timeout = '1s'")
            return store
        }
        func login(_ name: String, _ authority: String) throws -> PostgresStore {
            try admin.addOfficer(name + "_" + suffix, authority: authority, role: .officer)
            return try connect(name)
        }
        let ann = try login("ann", "W06000015"), bea = try login("bea", "W06000015")
        var sian = try login("sian", "W06000011")
        while sian.session.backendPID % Int32(PostgresSchemaPG14.writerSlots) == ann.session.backendPID % Int32(PostgresSchemaPG14.writerSlots) {
            sian = try connect("sian")
        }
        return Region(admin: admin, ann: ann, bea: bea, sian: sian)
    }

    static func call(_ child: String) -> ContactDraft {
        ContactDraft(childID: child, providerID: "P2", at: W.now, outcome: .noAnswer)
    }

    static func feeChange(_ vacancy: String, provider: String, fee: Int) -> NoticeDraft {
        NoticeDraft(providerID: provider, kind: .vacancyChanged, receivedAt: W.now, vacancyID: vacancy, changes: VacancyChanges(weeklyFee: fee))
    }

    /// The chain each entry is in, and how many entries each holds.
    static func chains(_ store: PostgresStore) throws -> [String: Int] {
        try store.read { tx in
            Dictionary(uniqueKeysWithValues: try tx.rows("SELECT chain, COUNT(*) FROM audit_log GROUP BY chain").map { ($0[0] as String, $0[1] as Int) })
        }
    }

    @Test func anotherAuthorityNeverWaitsForAnOpenWriteAndEveryChainChecks() throws {
        let r = try Self.region()
        let before = try Self.chains(r.admin)
        try r.ann.write { tx in
            // ann's notice: the bed, the change counters, a new id, her entries at the end of Cardiff's chain; not committed.
            let notice = try WorkflowWrites.logNotice(Self.feeChange("V2", provider: "P2", fee: 4_600), officer: "ann", now: W.now,
                                                      in: PostgresWorkflow(tx: tx)).notice
            #expect(notice.id == "N0001")
            // Swansea's officer logs a notice on another bed and a call meanwhile: nothing of ann's holds her up.
            #expect(try r.sian.logNotice(Self.feeChange("V3", provider: "P1", fee: 3_900), officer: "sian", now: W.now).notice.id == "N0002")
            #expect(try r.sian.recordContact(Self.call("S1"), officer: "sian", now: W.now).id == "K0001")
            // A Cardiff colleague queues for the end of Cardiff's chain until ann commits (here she gives up after 1 s).
            #expect(throws: StoreError.busy) { try r.bea.recordContact(Self.call("C3"), officer: "bea", now: W.now) }
        }
        #expect(try r.bea.recordContact(Self.call("C3"), officer: "bea", now: W.now).id == "K0003", "K0002 was taken by bea's write given up")
        let after = try Self.chains(r.admin)
        #expect(after["W06000015"] == 3 && after["W06000011"] == 3, "\(after)")   // notice: vacancy + notice entries; calls: one each
        #expect(after[""] == before[""] && before.keys.sorted() == [""])
        #expect(try r.admin.auditChainBreak() == nil)
        #expect(try r.admin.consistencyReport(now: W.now).auditChain == nil)
        #expect(try r.admin.notices().map(\.id).sorted() == ["N0001", "N0002"])
    }

    @Test func officersOfTwoAuthoritiesWritingAtOnceLoseNothingAndSeeNoRetry() throws {
        let r = try Self.region()
        let officers = [(r.ann, "ann", "C2", "V2", "P2"), (r.bea, "bea", "C3", "V1", "P2"), (r.sian, "sian", "S1", "V3", "P1")]
        // ann and bea queue for Cardiff's chain in turn, as long as a busy machine's fsync takes.
        for (store, _, _, _, _) in officers { try store.session.execute("SET lock_timeout = 0") }
        let committed = Collected<String>(), failures = Collected<String>()
        DispatchQueue.concurrentPerform(iterations: officers.count) { i in
            let (store, name, child, bed, provider) = officers[i]
            for n in 0..<15 {
                do {
                    committed.append(try store.recordContact(Self.call(child), officer: name, now: W.now).id)
                    committed.append(try store.logNotice(Self.feeChange(bed, provider: provider, fee: 3_000 + n), officer: name, now: W.now).notice.id)
                } catch {
                    failures.append("\(name): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        #expect(Set(committed.all).count == 90, "ids are never given twice")
        let stored = Set(try r.admin.contacts().map(\.id) + r.admin.notices().map(\.id))
        #expect(Set(committed.all).isSubset(of: stored))
        #expect(try Self.chains(r.admin)["W06000015"] == 2 * 15 * 3 && Self.chains(r.admin)["W06000011"] == 15 * 3)
        #expect(try r.admin.auditChainBreak() == nil)
        // Each connection counted its commits in its own slot; the versions a snapshot compares are their sums.
        let slots = try r.admin.read { tx in try tx.one(Int.self, "SELECT COUNT(DISTINCT writer) FROM table_versions WHERE name = 'contacts'") }
        let expected = Set([0] + [r.ann, r.bea, r.sian].map { Int($0.session.backendPID) % PostgresSchemaPG14.writerSlots })
        #expect(slots == expected.count, "the store's own row and one per officer's connection")
        #expect(try r.admin.snapshot().tableVersions["contacts"] == 1 + 45)
    }

    @Test func editingOneChainIsFoundThereAndARewrittenChainByTheHead() throws {
        let r = try Self.region()
        try r.ann.recordContact(Self.call("C2"), officer: "ann", now: W.now)
        try r.sian.recordContact(Self.call("S1"), officer: "sian", now: W.now)
        try r.bea.recordContact(Self.call("C3"), officer: "bea", now: W.now)
        let head = try #require(try r.admin.auditHead())
        let last = try r.admin.read { tx in try tx.one(Int64.self, "SELECT MAX(id) FROM audit_log") }
        #expect(head.entryID == last)
        #expect(try r.admin.auditHeadProblem(head) == nil)
        // Entries after the head leave it standing.
        try r.sian.recordContact(Self.call("S1"), officer: "sian", now: W.now)
        #expect(try r.admin.auditHeadProblem(head) == nil)

        let swansea = try r.admin.read { tx in
            try tx.rows("SELECT id FROM audit_log WHERE chain = 'W06000011' ORDER BY id").map { $0[0] as Int64 }
        }
        #expect(swansea.count == 2)
        // The server's superuser can switch the triggers off; the hash chain still tells, at the entry edited.
        try r.admin.write { tx in
            try tx.execute("ALTER TABLE audit_log DISABLE TRIGGER USER")
            try tx.execute("UPDATE audit_log SET detail = 'outcome offered' WHERE id = $1", [swansea[0]])
            try tx.execute("ALTER TABLE audit_log ENABLE TRIGGER USER")
        }
        #expect(try r.admin.auditChainBreak() == AuditChainBreak(entryID: swansea[0], reason: .hashMismatch))
        // Rehashing Swansea's whole chain makes it sound again: only the head recorded earlier catches that.
        try r.admin.write { tx in
            try tx.execute("ALTER TABLE audit_log DISABLE TRIGGER USER")
            var previous = AuditChain.genesis
            for row in try tx.rows("SELECT id, at, os_user, action, record_type, record_id, detail FROM audit_log WHERE chain = 'W06000011' ORDER BY id") {
                previous = AuditChain.hash(of: row, previous: previous)
                try tx.execute("UPDATE audit_log SET hash = $1 WHERE id = $2", [previous, row["id"] as Int64])
            }
            try tx.execute("ALTER TABLE audit_log ENABLE TRIGGER USER")
        }
        #expect(try r.admin.auditChainBreak() == nil)
        #expect(try r.admin.auditHeadProblem(head) == "audit entry \(head.entryID) no longer has the hash recorded earlier (the trail was rewritten)")
    }

    @Test func aChainRemovedWholeIsCaughtByTheHead() throws {
        let r = try Self.region()
        try r.sian.recordContact(Self.call("S1"), officer: "sian", now: W.now)
        try r.ann.recordContact(Self.call("C2"), officer: "ann", now: W.now)
        let head = try #require(try r.admin.auditHead())
        try r.admin.write { tx in
            try tx.execute("ALTER TABLE audit_log DISABLE TRIGGER USER")
            try tx.execute("DELETE FROM audit_log WHERE chain = 'W06000011'")
            try tx.execute("ALTER TABLE audit_log ENABLE TRIGGER USER")
        }
        #expect(try r.admin.auditChainBreak() == nil, "what is left chains soundly")
        #expect(try r.admin.auditHeadProblem(head) != nil)
    }

    @Test func theHeadWaitsUntilNoEntryBelowItIsInFlight() throws {
        let r = try Self.region()
        let taken = Collected<AuditHead>()
        let done = DispatchSemaphore(value: 0)
        var annsEntry: Int64?
        try r.ann.write { tx in
            try PostgresStore.append(AuditEntry(user: "ann", action: "match", recordType: "child", recordID: "C2", detail: nil), in: tx)
            annsEntry = try tx.one(Int64.self, "SELECT MAX(id) FROM audit_log WHERE chain = 'W06000015'")
            DispatchQueue.global().async {
                if let head = try? r.admin.auditHead() { taken.append(head) }
                done.signal()
            }
            #expect(done.wait(timeout: .now() + 0.5) == .timedOut, "the head waits for ann's entry to commit")
        }
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(taken.all.map(\.entryID) == [try #require(annsEntry)])
        #expect(try r.admin.auditHeadProblem(taken.all[0]) == nil)
    }

    /// Waits (up to 10 s) until `listener` has reported every table of `expected`; what it reported.
    static func tables(from listener: PostgresChangeListener, until expected: Set<String>) -> Set<String> {
        let deadline = Date().addingTimeInterval(10)
        var seen: Set<String> = []
        while !seen.isSuperset(of: expected) && Date() < deadline {
            seen.formUnion(listener.take().tables)
            usleep(2_000)
        }
        return seen
    }

    @Test func everyChangeReachesAListenerWhoeverMadeIt() throws {
        let writer = try TestPostgres.freshStore()
        try writer.insert(W.batch)
        let listener = try PostgresChangeListener(store: try PostgresStore(writer.location))
        // Placefinder's write: announced once it has committed, each table it changed named.
        try writer.logNotice(Self.feeChange("V2", provider: "P2", fee: 4_700), officer: "ann", now: W.now)
        #expect(Self.tables(from: listener, until: ["vacancies", "notices"]) == ["vacancies", "notices"])
        #expect(try writer.session.transaction(readOnly: true) { tx in try tx.one(String.self, "SELECT current_setting('placefinder.changed', true)") } == "",
                "nothing is left to announce")
        // Another client (psql, a script) changing a table notifies from the trigger, as before pg14.
        let other = try PostgresSession(writer.location)
        try other.execute("RESET placefinder.notify_after_commit")
        try other.transaction { tx in try tx.execute("UPDATE providers SET contact_name = 'Eira' WHERE id = 'P1'") }
        #expect(Self.tables(from: listener, until: ["providers"]) == ["providers"])
        other.close()
    }
}
