import Foundation
import GRDB
import PlacementCore

/// The workflow's rows on PostgreSQL, in one READ COMMITTED transaction. The child, vacancy and placement
/// a write reads are locked (`FOR NO KEY UPDATE`) until it commits: a second officer's write to the same bed
/// waits, then reads what the first committed (the bed taken, the version moved on) and is refused by the same
/// `Workflow` rule or version check as on SQLite. (NO KEY: ids never change, so a colleague's call or notice
/// that only refers to the bed need not wait.) Ids come from a sequence per table (pg14), which no write
/// waits for: a rolled-back write leaves a gap in the numbers, never a number used twice.
struct PostgresWorkflow: WorkflowTransaction {
    let tx: PostgresTransaction
    /// False for a read-only transaction (the place form's preflight), which may not lock.
    var locking = true
    var reads: PostgresReads { PostgresReads(tx: tx) }

    func bits() throws -> NeedBits { try reads.needBits() }

    func provider(_ id: String) throws -> Provider? { try reads.provider(id, bits: bits()) }
    var forUpdate: String { locking ? " FOR NO KEY UPDATE" : "" }

    func child(_ id: String) throws -> Child? {
        try reads.children(where: " WHERE id = $1" + forUpdate, [id], bits: bits()).values.first
    }
    func vacancy(_ id: String) throws -> Vacancy? {
        try reads.vacancies(where: " WHERE id = $1" + forUpdate, [id], bits: bits()).values.first
    }
    func placement(_ id: String) throws -> Placement? {
        try tx.rows(PlacementRow.select + " WHERE id = $1" + forUpdate, [id]).first.map { try PlacementRow.decode($0).placement }
    }
    func placements(childID: String) throws -> [Placement] { try reads.placements(childID: childID) }
    func notice(_ id: String) throws -> ProviderNotice? { try tx.rows(NoticeRow.select + " WHERE id = $1", [id]).first.map(NoticeRow.decode) }
    func notices(childID: String) throws -> [ProviderNotice] {
        try tx.rows(NoticeRow.select + " WHERE child_id = $1", [childID]).map(NoticeRow.decode)
    }
    func notices(childID: String, kind: NoticeKind) throws -> [ProviderNotice] {
        try tx.rows(NoticeRow.select + " WHERE child_id = $1 AND kind = $2", [childID, kind.rawValue]).map(NoticeRow.decode)
    }
    func contact(_ id: String) throws -> Contact? { try tx.rows(ContactRow.select + " WHERE id = $1", [id]).first.map(ContactRow.decode) }
    func contacts(childID: String) throws -> [Contact] { try reads.contacts(childID: childID) }
    func siblings(of childID: String, group: String) throws -> [Child] {
        try reads.children(where: " WHERE sibling_group_id = $1 AND id != $2 AND status != 'placed'", [group, childID], bits: bits()).values
    }
    func correction(of id: String, in table: String) throws -> String? {
        try tx.one(String.self, "SELECT id FROM \(table) WHERE corrects = $1", [id])
    }
    func directoryRows(_ raw: [String]) throws -> [String: PostcodeRecord] {
        var known: [String: PostcodeRecord] = [:]
        for chunk in PostgresStore.chunks(RecordLocator.wanted(raw)) {
            let sql = "SELECT postcode, latitude, longitude, authority_code FROM postcodes WHERE postcode IN (\(placeholders(chunk.count)))"
            for row in try tx.rows(sql, chunk) {
                if let (text, record) = RecordLocator.directoryRecord(row) { known[text] = record }
            }
        }
        return known
    }
    func stamp(of table: StampedTable, id: String) throws -> RecordStamp? { try PostgresStore.stamp(of: table, id: id, in: tx) }
    /// A new id from the table's sequence; in a read-only transaction (the preflight) the one it would give next.
    func nextID(table: String, width: Int) throws -> String {
        let number = locking ? "placefinder_next_id(name) - 1" : "placefinder_peek_id(name)"
        guard let row = try tx.rows("SELECT prefix, \(number) AS highest, digits FROM id_counters WHERE name = $1", [table]).first else {
            throw StoreError.unreadableValue(table: "id_counters", column: table)
        }
        return WorkflowWrites.nextID(prefix: row[0], highest: row[1], digits: row[2], width: width)
    }

    func saveVacancy(_ v: Vacancy, isNew: Bool) throws {
        let providerPlace = try tx.rows("SELECT postcode, authority_code FROM providers WHERE id = $1", [v.providerID]).first
        let places = providerPlace.map { [v.providerID: (postcode: $0[0] as String, authority: $0[1] as String)] } ?? [:]
        let locator = RecordLocator(known: try directoryRows([v.postcode, places[v.providerID]?.postcode].compactMap { $0 }),
                                    storedPlaces: places)
        let values = try VacancyRow.arguments(v, location: locator.bed(v), bits: bits())
        if isNew {
            try PostgresStore.insertRow(VacancyRow.table, VacancyRow.written, values, in: tx)
        } else {
            try PostgresStore.updateRow(VacancyRow.table, VacancyRow.written, values, in: tx)
        }
    }
    func saveChild(_ c: Child) throws {
        let locator = RecordLocator(known: try directoryRows([c.homePostcode]))
        try PostgresStore.updateRow(ChildRow.table, ChildRow.written, ChildRow.arguments(c, home: locator.home(c), bits: bits()), in: tx)
    }
    func insertPlacement(_ p: Placement) throws { try PostgresStore.insertRow(PlacementRow.table, PlacementRow.written, PlacementRow.arguments(p), in: tx) }
    func updatePlacement(_ p: Placement) throws { try PostgresStore.updateRow(PlacementRow.table, PlacementRow.written, PlacementRow.arguments(p), in: tx) }
    func insertNotice(_ n: ProviderNotice) throws { try PostgresStore.insertRow(NoticeRow.table, NoticeRow.written, NoticeRow.arguments(n), in: tx) }
    func insertContact(_ c: Contact) throws { try PostgresStore.insertRow(ContactRow.table, ContactRow.written, ContactRow.arguments(c), in: tx) }
    func touch(_ table: StampedTable, id: String, by officer: String, at now: Date) throws {
        try tx.execute("UPDATE \(table.rawValue) SET version = version + 1, updated_by = $1, updated_at = $2 WHERE id = $3", [officer, now, id])
    }
    func stampNew(_ table: StampedTable, id: String, by officer: String, at now: Date) throws {
        try tx.execute("UPDATE \(table.rawValue) SET updated_by = $1, updated_at = $2 WHERE id = $3", [officer, now, id])
    }
    func append(_ entry: AuditEntry) throws { try PostgresStore.append(entry, in: tx) }
}

/// The workflow's writes on PostgreSQL, each one transaction (see `WorkflowWrites`, `PostgresWorkflow`).
extension PostgresStore {
    @discardableResult
    public func logNotice(_ draft: NoticeDraft, officer: String, now: Date,
                          expectedVacancyVersion: Int? ) throws -> NoticeEffects {
        try write { tx in try WorkflowWrites.logNotice(draft, officer: officer, now: now, expectedVacancyVersion: expectedVacancyVersion, in: PostgresWorkflow(tx: tx)) }
    }

    @discardableResult
    public func recordContact(_ draft: ContactDraft, officer: String, now: Date) throws -> Contact {
        try write { tx in try WorkflowWrites.recordContact(draft, officer: officer, now: now, in: PostgresWorkflow(tx: tx)) }
    }

    @discardableResult
    public func hold(vacancyID: String, childID: String, officer: String, now: Date, until: Date?,
                     expectedVersion: Int? ) throws -> Vacancy {
        try write { tx in try WorkflowWrites.hold(vacancyID: vacancyID, childID: childID, officer: officer, now: now, until: until, expectedVersion: expectedVersion, in: PostgresWorkflow(tx: tx)) }
    }

    @discardableResult
    public func releaseHold(vacancyID: String, officer: String, now: Date, expectedVersion: Int? ) throws -> Vacancy {
        try write { tx in try WorkflowWrites.releaseHold(vacancyID: vacancyID, officer: officer, now: now, expectedVersion: expectedVersion, in: PostgresWorkflow(tx: tx)) }
    }

    @discardableResult
    public func placePreflight(childID: String, vacancyID: String, start: Day, move: MoveKind?, officer: String,
                               now: Date, geography: Geography) throws -> PlacePlan {
        try read { tx in try WorkflowWrites.placePreflight(childID: childID, vacancyID: vacancyID, start: start, move: move, officer: officer, now: now, geography: geography, in: PostgresWorkflow(tx: tx, locking: false)) }
    }

    @discardableResult
    public func place(childID: String, vacancyID: String, start: Day, officer: String, now: Date, move: MoveKind?,
                      approvals: PlacementApprovals, terms: PlacementTerms, expectedVacancyVersion: Int?,
                      expectedChildVersion: Int?, geography: Geography) throws -> PlaceEffects {
        try write { tx in try WorkflowWrites.place(childID: childID, vacancyID: vacancyID, start: start, officer: officer, now: now, move: move, approvals: approvals, terms: terms, expectedVacancyVersion: expectedVacancyVersion, expectedChildVersion: expectedChildVersion, geography: geography, in: PostgresWorkflow(tx: tx)) }
    }

    @discardableResult
    public func undoPlacement(id: String, reason: String, officer: String, now: Date) throws -> UndoEffects {
        try write { tx in try WorkflowWrites.undoPlacement(id: id, reason: reason, officer: officer, now: now, in: PostgresWorkflow(tx: tx)) }
    }

    @discardableResult
    public func amendContact(id contactID: String, _ amendment: ContactAmendment, reason: String, officer: String,
                             now: Date) throws -> Contact {
        try write { tx in try WorkflowWrites.amendContact(id: contactID, amendment, reason: reason, officer: officer, now: now, in: PostgresWorkflow(tx: tx)) }
    }

    @discardableResult
    public func withdrawNotice(id noticeID: String, reason: String, officer: String, now: Date) throws -> NoticeEffects {
        try write { tx in try WorkflowWrites.withdrawNotice(id: noticeID, reason: reason, officer: officer, now: now, in: PostgresWorkflow(tx: tx)) }
    }

    @discardableResult
    public func amendNotice(id noticeID: String, _ amendment: NoticeAmendment, reason: String, officer: String,
                            now: Date) throws -> NoticeEffects {
        try write { tx in try WorkflowWrites.amendNotice(id: noticeID, amendment, reason: reason, officer: officer, now: now, in: PostgresWorkflow(tx: tx)) }
    }
}
