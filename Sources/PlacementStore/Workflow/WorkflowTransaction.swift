import Foundation
import GRDB
import PlacementCore

/// The workflow's writes, written once for both backends: each reads the current rows through a
/// `WorkflowTransaction`, asks the pure `Workflow` rules for the changes (or a `WorkflowError`), writes them,
/// stamps versions and appends one audit entry per record changed. The caller runs each in one transaction.
enum WorkflowWrites {
    /// The id after `highest`: `prefix` + the number, zero-padded to at least `width` digits (or the stored
    /// ids' own width), as kept in `id_counters` on both backends.
    static func nextID(prefix: String, highest: Int, digits: Int, width: Int) -> String {
        let number = String(highest + 1)
        return prefix + String(repeating: "0", count: max(0, max(width, digits) - number.count)) + number
    }
}

/// What a workflow write reads and writes inside its transaction. SQLite's (`SQLiteWorkflow`) runs in an
/// IMMEDIATE transaction, so no other writer can interleave; PostgreSQL's (`PostgresWorkflow`) locks the
/// child and vacancy rows it reads (`SELECT … FOR UPDATE`), so a second officer placing into the same last
/// bed waits, then reads the bed as taken and is refused.
protocol WorkflowTransaction {
    func provider(_ id: String) throws -> Provider?
    func child(_ id: String) throws -> Child?
    func vacancy(_ id: String) throws -> Vacancy?
    func placement(_ id: String) throws -> Placement?
    func placements(childID: String) throws -> [Placement]
    func notice(_ id: String) throws -> ProviderNotice?
    func notices(childID: String) throws -> [ProviderNotice]
    func notices(childID: String, kind: NoticeKind) throws -> [ProviderNotice]
    func contact(_ id: String) throws -> Contact?
    /// The child's ring-round log, oldest first.
    func contacts(childID: String) throws -> [Contact]
    /// The rest of a sibling group, not yet placed.
    func siblings(of childID: String, group: String) throws -> [Child]
    /// The id of the row in `table` that corrects `id`, if any.
    func correction(of id: String, in table: String) throws -> String?
    func directoryRows(_ raw: [String]) throws -> [String: PostcodeRecord]
    func stamp(of table: StampedTable, id: String) throws -> RecordStamp?
    func nextID(table: String, width: Int) throws -> String

    func saveVacancy(_ v: Vacancy, isNew: Bool) throws
    func saveChild(_ c: Child) throws
    func insertPlacement(_ p: Placement) throws
    func updatePlacement(_ p: Placement) throws
    func insertNotice(_ n: ProviderNotice) throws
    func insertContact(_ c: Contact) throws
    func touch(_ table: StampedTable, id: String, by officer: String, at now: Date) throws
    func stampNew(_ table: StampedTable, id: String, by officer: String, at now: Date) throws
    func append(_ entry: AuditEntry) throws
}

extension WorkflowTransaction {
    /// Throws `WorkflowError.changedBy` when the record's version is not the one the officer saw.
    func check(_ table: StampedTable, id: String, expected: Int?) throws {
        guard let expected, let current = try stamp(of: table, id: id), current.version != expected else { return }
        throw WorkflowError.changedBy(officer: current.updatedBy ?? "another officer", at: current.updatedAt)
    }
}

/// The SQLite store's rows, in the caller's GRDB transaction.
struct SQLiteWorkflow: WorkflowTransaction {
    let db: Database
    typealias Store = PlacementDatabase

    func provider(_ id: String) throws -> Provider? { try Store.provider(id, in: db) }
    func child(_ id: String) throws -> Child? { try Store.child(id, in: db) }
    func vacancy(_ id: String) throws -> Vacancy? { try Store.vacancy(id, in: db) }
    func placement(_ id: String) throws -> Placement? {
        try Store.all(db, PlacementRow.select + " WHERE id = ?", [id], { try PlacementRow.decode($0).placement }).first
    }
    func placements(childID: String) throws -> [Placement] { try Store.placements(childID: childID, in: db) }
    func notice(_ id: String) throws -> ProviderNotice? { try Store.all(db, NoticeRow.select + " WHERE id = ?", [id], NoticeRow.decode).first }
    func notices(childID: String) throws -> [ProviderNotice] {
        try Store.all(db, NoticeRow.select + " WHERE child_id = ?", [childID], NoticeRow.decode)
    }
    func notices(childID: String, kind: NoticeKind) throws -> [ProviderNotice] {
        try Store.all(db, NoticeRow.select + " WHERE child_id = ? AND kind = ?", [childID, kind.rawValue], NoticeRow.decode)
    }
    func contact(_ id: String) throws -> Contact? { try Store.all(db, ContactRow.select + " WHERE id = ?", [id], ContactRow.decode).first }
    func contacts(childID: String) throws -> [Contact] {
        try Store.all(db, ContactRow.select + " WHERE child_id = ? ORDER BY at, id", [childID], ContactRow.decode)
    }
    func siblings(of childID: String, group: String) throws -> [Child] {
        try Store.children(in: db, where: " WHERE sibling_group_id = ? AND id != ? AND status != 'placed'", [group, childID],
                           bits: try NeedBits.load(db)).values
    }
    func correction(of id: String, in table: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT id FROM \(table) WHERE corrects = ?", arguments: [id])
    }
    func directoryRows(_ raw: [String]) throws -> [String: PostcodeRecord] { try RecordLocator.directoryRows(raw, in: db) }
    func stamp(of table: StampedTable, id: String) throws -> RecordStamp? { try Store.stamp(of: table, id: id, in: db) }
    func nextID(table: String, width: Int) throws -> String { try Store.nextID(table: table, width: width, in: db) }

    func saveVacancy(_ v: Vacancy, isNew: Bool) throws { try Store.saveVacancy(v, isNew: isNew, in: db) }
    func saveChild(_ c: Child) throws { try Store.saveChild(c, in: db) }
    func insertPlacement(_ p: Placement) throws { try Store.insertPlacement(p, in: db) }
    func updatePlacement(_ p: Placement) throws { try Store.updatePlacement(p, in: db) }
    func insertNotice(_ n: ProviderNotice) throws { try Store.insertNotice(n, in: db) }
    func insertContact(_ c: Contact) throws { try Store.insertContact(c, in: db) }
    func touch(_ table: StampedTable, id: String, by officer: String, at now: Date) throws {
        try Store.touch(table, id: id, by: officer, at: now, in: db)
    }
    func stampNew(_ table: StampedTable, id: String, by officer: String, at now: Date) throws {
        try Store.stampNew(table, id: id, by: officer, at: now, in: db)
    }
    func append(_ entry: AuditEntry) throws { try Store.append(entry, in: db) }
}

/// The workflow's writes on the SQLite store, each one IMMEDIATE transaction (see `WorkflowWrites`).
extension PlacementDatabase {
    @discardableResult
    public func logNotice(_ draft: NoticeDraft, officer: String, now: Date,
                          expectedVacancyVersion: Int? = nil) throws -> NoticeEffects {
        try write { db in try WorkflowWrites.logNotice(draft, officer: officer, now: now, expectedVacancyVersion: expectedVacancyVersion, in: SQLiteWorkflow(db: db)) }
    }

    @discardableResult
    public func recordContact(_ draft: ContactDraft, officer: String, now: Date) throws -> Contact {
        try write { db in try WorkflowWrites.recordContact(draft, officer: officer, now: now, in: SQLiteWorkflow(db: db)) }
    }

    @discardableResult
    public func hold(vacancyID: String, childID: String, officer: String, now: Date, until: Date? = nil,
                     expectedVersion: Int? = nil) throws -> Vacancy {
        try write { db in try WorkflowWrites.hold(vacancyID: vacancyID, childID: childID, officer: officer, now: now, until: until, expectedVersion: expectedVersion, in: SQLiteWorkflow(db: db)) }
    }

    @discardableResult
    public func releaseHold(vacancyID: String, officer: String, now: Date, expectedVersion: Int? = nil) throws -> Vacancy {
        try write { db in try WorkflowWrites.releaseHold(vacancyID: vacancyID, officer: officer, now: now, expectedVersion: expectedVersion, in: SQLiteWorkflow(db: db)) }
    }

    @discardableResult
    public func placePreflight(childID: String, vacancyID: String, start: Day, move: MoveKind?, officer: String,
                               now: Date, geography: Geography = .wales) throws -> PlacePlan {
        try read { db in try WorkflowWrites.placePreflight(childID: childID, vacancyID: vacancyID, start: start, move: move, officer: officer, now: now, geography: geography, in: SQLiteWorkflow(db: db)) }
    }

    @discardableResult
    public func place(childID: String, vacancyID: String, start: Day, officer: String, now: Date, move: MoveKind? = nil,
                      approvals: PlacementApprovals = .none, terms: PlacementTerms = .none, expectedVacancyVersion: Int? = nil,
                      expectedChildVersion: Int? = nil, geography: Geography = .wales) throws -> PlaceEffects {
        try write { db in try WorkflowWrites.place(childID: childID, vacancyID: vacancyID, start: start, officer: officer, now: now, move: move, approvals: approvals, terms: terms, expectedVacancyVersion: expectedVacancyVersion, expectedChildVersion: expectedChildVersion, geography: geography, in: SQLiteWorkflow(db: db)) }
    }

    @discardableResult
    public func undoPlacement(id: String, reason: String, officer: String, now: Date) throws -> UndoEffects {
        try write { db in try WorkflowWrites.undoPlacement(id: id, reason: reason, officer: officer, now: now, in: SQLiteWorkflow(db: db)) }
    }

    @discardableResult
    public func amendContact(id contactID: String, _ amendment: ContactAmendment, reason: String, officer: String,
                             now: Date) throws -> Contact {
        try write { db in try WorkflowWrites.amendContact(id: contactID, amendment, reason: reason, officer: officer, now: now, in: SQLiteWorkflow(db: db)) }
    }

    @discardableResult
    public func withdrawNotice(id noticeID: String, reason: String, officer: String, now: Date) throws -> NoticeEffects {
        try write { db in try WorkflowWrites.withdrawNotice(id: noticeID, reason: reason, officer: officer, now: now, in: SQLiteWorkflow(db: db)) }
    }

    @discardableResult
    public func amendNotice(id noticeID: String, _ amendment: NoticeAmendment, reason: String, officer: String,
                            now: Date) throws -> NoticeEffects {
        try write { db in try WorkflowWrites.amendNotice(id: noticeID, amendment, reason: reason, officer: officer, now: now, in: SQLiteWorkflow(db: db)) }
    }
}
