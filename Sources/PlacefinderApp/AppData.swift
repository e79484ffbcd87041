import Foundation
import PlacementCore
import TerminalUI

/// Everything the screens show, as one immutable snapshot the runtime loads from the store.
public struct AppData: Sendable {
    public var children: [Child]
    public var providers: [Provider]
    public var vacancies: [Vacancy]
    public var placements: [Placement]
    public var notices: [ProviderNotice]
    /// The ring-round: every call recorded, for every child (the match screen shows who rang whom).
    public var contacts: [Contact]
    /// Vacancy id → ONS code of the authority the bed is in (the provider's when absent).
    public var vacancyAuthority: [String: String]
    /// Children needing action (`Child.isUrgent`): notice received, or needing a placement in an
    /// emergency or by a date within 7 days.
    public var urgentCount: Int
    public var loadedAt: Date
    /// The version of each vacancy and child as read (a write names the one the officer saw, and is refused
    /// with "changed by … — reload" if a colleague's commit came since). Read with the records, in one
    /// transaction.
    public var vacancyVersions: [String: Int]
    public var childVersions: [String: Int]
    /// The store's per-table change counters at the read: the next load re-reads only tables that moved.
    public var tableVersions: [String: Int]
    /// The login reads no child's record (a commissioner on a regional server): the screens that show
    /// children say so rather than "none".
    public var childRecordsHidden: Bool
    /// The tables this snapshot read from the store when it was read after a previous one (the rest are
    /// that one's arrays, unchanged since); nil when every table was read. The index keeps its parts
    /// that read none of these (`IndexedData(…, previous:)`).
    public var reread: Set<String>?
    /// A launch's first snapshot, without the history (filled and withdrawn beds, placements that ended
    /// over a year ago); the next load brings it, and the screens that list history say it is coming.
    public var historyPending: Bool

    public init(children: [Child], providers: [Provider], vacancies: [Vacancy], placements: [Placement],
                notices: [ProviderNotice] = [], contacts: [Contact] = [], vacancyAuthority: [String: String] = [:],
                urgentCount: Int? = nil, loadedAt: Date, vacancyVersions: [String: Int] = [:],
                childVersions: [String: Int] = [:], tableVersions: [String: Int] = [:], childRecordsHidden: Bool = false,
                reread: Set<String>? = nil, historyPending: Bool = false) {
        self.children = children
        self.providers = providers
        self.vacancies = vacancies
        self.placements = placements
        self.notices = notices
        self.contacts = contacts
        self.vacancyAuthority = vacancyAuthority
        self.urgentCount = urgentCount ?? AppData.countUrgent(children, today: Format.day(loadedAt))
        self.loadedAt = loadedAt
        self.vacancyVersions = vacancyVersions
        self.childVersions = childVersions
        self.tableVersions = tableVersions
        self.childRecordsHidden = childRecordsHidden
        self.reread = reread
        self.historyPending = historyPending
    }

    /// Where each vacancy's bed is: its own postcode, else its provider's, located by `locate`; the
    /// provider's recorded authority when neither can be located.
    public static func bedAuthorities(vacancies: [Vacancy], providers: [Provider],
                                      locate: (_ postcode: String, _ fallbackAuthority: String?) -> GeoLocation?) -> [String: String] {
        let byID = Dictionary(providers.map { ($0.id, $0) }) { first, _ in first }
        var authority: [String: String] = [:]
        for v in vacancies {
            guard let provider = byID[v.providerID] else { continue }
            authority[v.id] = locate(v.postcode ?? provider.postcode, provider.authorityCode)?.authorityCode ?? provider.authorityCode
        }
        return authority
    }

    /// The first day of placements a launch's first read keeps: the screens' 12-month figures (stability,
    /// placements in 12 months) count back 365 days, so those ending since the day before are all there.
    public static func historyFrom(today: Day) -> Day { today.adding(days: -366) }

    /// Whether a child counts as urgent on `today` (`Child.isUrgent`: the top bar's count and the dashboard's panel).
    public static func isUrgent(_ child: Child, today: Day) -> Bool { child.isUrgent(today: today) }

    public static func countUrgent(_ children: [Child], today: Day) -> Int {
        children.reduce(0) { $0 + (isUrgent($1, today: today) ? 1 : 0) }
    }
}

/// The versions of a vacancy and a child a write should find unchanged.
public struct RecordVersions: Sendable, Equatable {
    public var vacancy: Int?
    public var child: Int?
    public init(vacancy: Int?, child: Int?) {
        self.vacancy = vacancy
        self.child = child
    }

    /// What a place plan read, if the store said (a plan worked out without a store has none).
    public init?(_ plan: PlacePlan) {
        guard plan.vacancyVersion != nil || plan.childVersion != nil else { return nil }
        self.init(vacancy: plan.vacancyVersion, child: plan.childVersion)
    }
}

/// Messages into `update`.
public enum Msg: Sendable {
    case event(TerminalEvent)
    case tick(Date)
    /// A snapshot to index here, in `update` (tests, benchmarks).
    case dataLoaded(AppData)
    /// A snapshot the runtime already indexed off the UI thread (`.load`'s answer).
    case dataIndexed(IndexedData)
    case loadFailed(String)
    case storeChanged
    /// The ranking the runtime computed for `.runMatch` (built with `MatchScreenData(result:engine:top:)`).
    case matchReady(childID: String, MatchScreenData)
    case matchFailed(String)
    /// A write command finished; the text goes to the status line. A fresh `.dataLoaded` follows.
    case commandSucceeded(String)
    /// `.logNotice` stored the notice as `id`: the notices list selects it when the reload lands.
    case noticeLogged(id: String, String)
    /// A write command was refused ("held by … until …", "the store is busy").
    case commandFailed(String)
    /// A write was refused because a colleague changed the record since the last load ("changed by
    /// ceri.jones at 10:42 — press r to reload"); the line clears once the officer's reload lands.
    case commandRefusedAsStale(String)
    /// The `.audit` command with this token was written to the audit trail: the page it gates opens.
    case auditRecorded(token: Int)
    /// The `.audit` command with this token could not be written (why and what to do, a few words): nothing opens.
    case auditFailed(token: Int, reason: String)
    /// What placing would do (`.planPlacement`'s answer): the place form is built from it.
    case placementPlanned(PlacePlan)
    /// The plan could not be worked out (the child or vacancy is gone, a postcode cannot be located…).
    case placementPlanFailed(String)
    /// The panels the runtime computed for `.runReports`.
    case reportsReady(ReportSet)
    case reportsFailed(String)
    /// `.rememberLanguage` could not store the choice (why, a few words); the language is switched all the same.
    case languageNotRemembered(String)
}

/// Work for the runtime to do; `update` itself never performs I/O.
public enum Command: Sendable, Equatable {
    /// Read a fresh `AppData` from the store, index it (`IndexedData`) off the UI thread and send
    /// `.dataIndexed` or `.loadFailed`. While one load runs, further loads coalesce into one.
    case load
    case quit
    /// Forget what the terminal shows and draw every cell again (Ctrl-L).
    case repaint
    /// Append to the audit trail (every view of a child's page is recorded), then answer
    /// `.auditRecorded(token)` once the entry is written or `.auditFailed(token, reason)`.
    case audit(action: String, recordType: String, recordID: String, token: Int)
    /// Rank vacancies for the child (and any siblings who must stay together); answer `.matchReady`
    /// or `.matchFailed`.
    case runMatch(childID: String)
    /// Store a provider's notice, the same draft `placefinder notice add` writes (the store assigns the id).
    case logNotice(NoticeDraft)
    /// Store one call of the ring-round; `id` is empty and the store assigns it.
    case recordContact(Contact)
    /// Corrections (each a new record that keeps the original): withdraw or amend a notice, amend a call.
    case withdrawNotice(id: String, reason: String)
    case amendNotice(id: String, NoticeAmendment, reason: String)
    case amendContact(id: String, ContactAmendment, reason: String)
    /// Hold a vacancy for a child until `until` (refused if someone else holds it).
    case hold(vacancyID: String, childID: String, until: Date)
    case releaseHold(vacancyID: String)
    /// Work out what placing would do, with the same checks as the write (`Workflow.placePreflight`);
    /// answer `.placementPlanned` or `.placementPlanFailed`.
    case planPlacement(childID: String, vacancyID: String, start: Day, move: MoveKind?)
    /// Place the child: placement from `start` with its approvals, a bed taken, the previous placement
    /// ended (`move` when no notice says how), the hold released and the audit written, in one transaction;
    /// `terms` is what was agreed (cost, purpose, framework or spot).
    /// `versions`: the vacancy's and the child's as the place form's plan read them (nil: as the dashboard last read them).
    case place(childID: String, vacancyID: String, start: Day, move: MoveKind?, approvals: PlacementApprovals, terms: PlacementTerms,
               versions: RecordVersions? = nil)
    /// Undo a placement made today, with the officer's reason (kept, marked undone).
    case undoPlacement(placementID: String, reason: String)
    /// Compute every report panel for the area and period from the store; answer `.reportsReady` or `.reportsFailed`.
    case runReports(area: ReportArea, period: ReportPeriod)
    /// Write the child's referral pack (`PLACEFINDER_REFERRALS` or the officer's data folder) and log one
    /// referral per provider, as `placefinder referral send` does.
    case sendReferral(ReferralDraft)
    /// Log a provider's offer, decline or question against referral `id`.
    case respondToReferral(id: String, ReferralResponse)
    /// Store the officer's interface language in the store's settings, so the next launch opens in it;
    /// answers only on failure (`.languageNotRemembered`).
    case rememberLanguage(Language)
}
