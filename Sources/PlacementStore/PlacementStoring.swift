import Foundation
import PlacementCore

/// What the dashboard, the command line, import and export ask of a store. `PlacementDatabase` is the
/// SQLite (GRDB) implementation and `PostgresStore` the PostgreSQL one, with the same guarantees: every write
/// one transaction, `snapshot` one consistent read, record versions checked on write.
public protocol PlacementStoring: Sendable {
    // MARK: reading

    /// The dashboard's data in one read transaction; tables unchanged since `since` (a previous snapshot's
    /// `tableVersions`) are left out. See `StoreSnapshot`.
    func snapshot(since: [String: Int]?) throws -> StoreSnapshot
    /// What a launch's first screen needs, sooner: beds open or held and placements running or ended on or
    /// after `historyFrom`; the rest (`StoreSnapshot.historyDeferred`) comes with the next `snapshot`.
    /// A store may read everything instead (the default).
    func currentSnapshot(historyFrom: Day) throws -> StoreSnapshot
    /// After `currentSnapshot(historyFrom:)` (whose `tableVersions` are `since`): the rows it left out and what
    /// changed since, to lay over it (`StoreSnapshot.laidOver`).
    func historySnapshot(since: [String: Int], historyFrom: Day) throws -> StoreSnapshot
    func providers() throws -> [Provider]
    func vacancies() throws -> [Vacancy]
    func children() throws -> [Child]
    func child(id: String) throws -> Child?
    func placements() throws -> [Placement]
    func placements(childID: String) throws -> [Placement]
    func notices() throws -> [ProviderNotice]
    func contacts() throws -> [Contact]
    func contacts(childID: String) throws -> [Contact]
    func counts() throws -> StoreCounts
    /// Every stored postcode, in postcode order.
    func allPostcodes() throws -> [StoredPostcode]
    func openVacancyCounts() throws -> [(authorityCode: String, setting: Setting, count: Int)]
    /// `ProviderStability.compute` over the stored placements, aggregated where the data is.
    func providerStability(today: Day, windowDays: Int) throws -> [String: ProviderStability]
    func stamps(of table: StampedTable) throws -> [String: RecordStamp]
    func stamp(of table: StampedTable, id: String) throws -> RecordStamp?
    /// Changes whenever another process commits (cheap to poll).
    func dataVersion() throws -> Int
    func setting(_ key: String) throws -> String?
    /// What this login may read (`ReaderScope.swift`): everything, one authority's records, or aggregates alone.
    func readerScope() throws -> ReaderScope
    /// Counts by authority without a record (a server's aggregate views; a file's records counted the same way).
    func aggregateFigures() throws -> AggregateFigures
    /// The figures of report panels 1-5, 9 and 10 for a commissioner, added up by the server (no record).
    func aggregateCells(area: ReportArea, period: ReportPeriod, panels: [ReportPanelKind]) throws -> [AggregateCell]

    // MARK: matching

    func matchEngine(today: Day, policy: MatchPolicy) throws -> MatchEngine
    func matchRequest(childID: String, today: Day, now: Date) throws -> MatchRequest

    // MARK: writing (each one transaction)

    func insert(_ batch: RecordBatch, audit: AuditEntry?) throws
    func importFileReporting(_ kind: RecordKind, from url: URL, user: String, today: Day) throws -> ImportReport
    func export(_ kind: RecordKind, format: ExportFormat, user: String, formulas: FormulaCells) throws -> String
    /// An SSDA903 return's children and placements (and providers it names that the store lacks), all or nothing.
    func importSSDA903(header: URL, episodes: URL, uasc: URL?, authority: String?, user: String, today: Day) throws -> SSDA903ImportReport
    func setSetting(_ key: String, _ value: String?) throws
    /// The id as stored for one an officer typed in any case (see `IDSpelling.swift`).
    func storedID(_ typed: String, of kind: NamedRecord) throws -> String
    @discardableResult func logNotice(_ draft: NoticeDraft, officer: String, now: Date, expectedVacancyVersion: Int?) throws -> NoticeEffects
    @discardableResult func recordContact(_ draft: ContactDraft, officer: String, now: Date) throws -> Contact
    @discardableResult func withdrawNotice(id: String, reason: String, officer: String, now: Date) throws -> NoticeEffects
    @discardableResult func amendNotice(id: String, _ amendment: NoticeAmendment, reason: String, officer: String,
                                        now: Date) throws -> NoticeEffects
    @discardableResult func amendContact(id: String, _ amendment: ContactAmendment, reason: String, officer: String,
                                         now: Date) throws -> Contact
    @discardableResult func hold(vacancyID: String, childID: String, officer: String, now: Date, until: Date?,
                                 expectedVersion: Int?) throws -> Vacancy
    @discardableResult func releaseHold(vacancyID: String, officer: String, now: Date, expectedVersion: Int?) throws -> Vacancy
    func placePreflight(childID: String, vacancyID: String, start: Day, move: MoveKind?, officer: String, now: Date,
                        geography: Geography) throws -> PlacePlan
    @discardableResult func place(childID: String, vacancyID: String, start: Day, officer: String, now: Date, move: MoveKind?,
                                  approvals: PlacementApprovals, terms: PlacementTerms, expectedVacancyVersion: Int?,
                                  expectedChildVersion: Int?, geography: Geography) throws -> PlaceEffects
    @discardableResult func undoPlacement(id: String, reason: String, officer: String, now: Date) throws -> UndoEffects
    /// The referral pack as the store describes the child now (`ReferralWrites.swift`).
    func referralPreview(childID: String, officer: String, now: Date, responseDue: Date) throws -> ReferralPreview
    /// One referral entry per provider in the ring-round log, audited; refused if the child changed since `expectedChildVersion`.
    @discardableResult func sendReferral(_ draft: ReferralDraft, officer: String, now: Date, expectedChildVersion: Int?) throws -> ReferralSending
    /// A provider's offer, decline or question, logged against the referral.
    @discardableResult func respondToReferral(id: String, _ response: ReferralResponse, officer: String, at: Date, now: Date) throws -> Contact

    // MARK: audit and upkeep

    func audit(action: String, recordType: String, recordID: String?, detail: String?, user: String) throws
    /// Several entries in one transaction (a sibling group's match records every child).
    func audit(_ entries: [AuditEntry]) throws
    func auditEntries(_ query: AuditQuery) throws -> [AuditEntry]
    /// The trail's last entry and its hash, to record elsewhere (`audit --head`); nil for an empty trail.
    func auditHead() throws -> AuditHead?
    /// Whether `name` is an account or login the store knows (`audit --user` records it, else "unknown id").
    func isKnownOfficer(_ name: String) throws -> Bool
    func backup(to destination: String, overwrite: Bool) throws
    func consistencyReport(now: Date) throws -> ConsistencyReport
    /// Nil when the audit entry `head` names still has its hash; else why not.
    func auditHeadProblem(_ head: AuditHead) throws -> String?
    func integrityCheck() throws -> [String]
    func appliedMigrations() throws -> [String]
    func close() throws
}

/// The defaults `PlacementDatabase` declares, for callers holding `any PlacementStoring`.
extension PlacementStoring {
    public func snapshot() throws -> StoreSnapshot { try snapshot(since: nil) }
    public func currentSnapshot(historyFrom: Day) throws -> StoreSnapshot { try snapshot(since: nil) }
    /// The two tables a first read may cut short, read whole.
    public func historySnapshot(since: [String: Int], historyFrom: Day) throws -> StoreSnapshot {
        try snapshot(since: since.filter { $0.key != "vacancies" && $0.key != "placements" })
    }
    public func matchEngine(today: Day) throws -> MatchEngine { try matchEngine(today: today, policy: .default) }
    public func insert(_ batch: RecordBatch) throws { try insert(batch, audit: nil) }
    public func backup(to destination: String) throws { try backup(to: destination, overwrite: false) }

    /// The export with formula-like CSV cells neutralised (see `FormulaCells`).
    public func export(_ kind: RecordKind, format: ExportFormat, user: String) throws -> String {
        try export(kind, format: format, user: user, formulas: .neutralised)
    }

    /// Imports one file, all or nothing; returns how many records were imported.
    @discardableResult
    public func importFile(_ kind: RecordKind, from url: URL, user: String, today: Day) throws -> Int {
        try importFileReporting(kind, from: url, user: user, today: today).imported
    }

    /// Every record of the store as one batch, ready for another store's `insert` (`placefinder store copy`):
    /// corrections after the rows they correct, so the target's references hold as each row goes in.
    /// Versions, stamps and the audit trail stay behind (the target starts its own trail).
    public func everything() throws -> RecordBatch {
        func chainOrder<T>(_ rows: [T], id: (T) -> String, corrects: (T) -> String?) -> [T] {
            let byID = Dictionary(rows.map { (id($0), $0) }) { first, _ in first }
            func depth(_ row: T) -> Int {
                var depth = 0, current = row
                while let earlier = corrects(current), let next = byID[earlier], depth < rows.count { depth += 1; current = next }
                return depth
            }
            return rows.enumerated().sorted { (depth($0.element), $0.offset) < (depth($1.element), $1.offset) }.map(\.element)
        }
        return RecordBatch(providers: try providers(), vacancies: try vacancies(), children: try children(), placements: try placements(),
                           notices: chainOrder(try notices(), id: \.id, corrects: { $0.correction?.corrects }),
                           contacts: chainOrder(try contacts(), id: \.id, corrects: { $0.correction?.corrects }),
                           postcodes: try allPostcodes())
    }

    /// Entries matching every filter given, oldest first.
    public func auditEntries(recordID: String? = nil, user: String? = nil, since: Date? = nil) throws -> [AuditEntry] {
        try auditEntries(AuditQuery(recordID: recordID, user: user, since: since))
    }

    @discardableResult
    public func logNotice(_ draft: NoticeDraft, officer: String, now: Date) throws -> NoticeEffects {
        try logNotice(draft, officer: officer, now: now, expectedVacancyVersion: nil)
    }

    @discardableResult
    public func hold(vacancyID: String, childID: String, officer: String, now: Date, until: Date? = nil) throws -> Vacancy {
        try hold(vacancyID: vacancyID, childID: childID, officer: officer, now: now, until: until, expectedVersion: nil)
    }

    @discardableResult
    public func releaseHold(vacancyID: String, officer: String, now: Date) throws -> Vacancy {
        try releaseHold(vacancyID: vacancyID, officer: officer, now: now, expectedVersion: nil)
    }

    @discardableResult
    public func placePreflight(childID: String, vacancyID: String, start: Day, move: MoveKind? = nil, officer: String,
                               now: Date) throws -> PlacePlan {
        try placePreflight(childID: childID, vacancyID: vacancyID, start: start, move: move, officer: officer, now: now, geography: .wales)
    }

    @discardableResult
    public func place(childID: String, vacancyID: String, start: Day, officer: String, now: Date, move: MoveKind? = nil,
                      approvals: PlacementApprovals = .none, terms: PlacementTerms = .none, expectedVacancyVersion: Int? = nil,
                      expectedChildVersion: Int? = nil) throws -> PlaceEffects {
        try place(childID: childID, vacancyID: vacancyID, start: start, officer: officer, now: now, move: move, approvals: approvals,
                  terms: terms, expectedVacancyVersion: expectedVacancyVersion, expectedChildVersion: expectedChildVersion, geography: .wales)
    }
}

extension PlacementDatabase: PlacementStoring {}
