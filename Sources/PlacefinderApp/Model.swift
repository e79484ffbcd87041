import Foundation
import PlacementCore
import TerminalUI

/// Where typing goes on a list screen.
public enum Focus: Sendable, Equatable {
    case table, search
}

/// State of one list screen (vacancies or children): search, filters, selection, the open
/// record, and the derived list of visible rows.
public struct ListScreen: Sendable {
    public var query: String = ""
    public var focus: Focus = .table
    /// Chosen value per filter field (0 = no filter).
    public var filters: [Int]
    public var table = ScrollState(selected: 0)
    /// The record whose detail page is open: a vacancy index, a child index into `AppData.children`,
    /// or a provider index into `AppData.providers`.
    public var open: Int?
    /// First wrapped line shown on the detail page.
    public var pageScroll = 0
    /// On a page with a list inside (the provider page's vacancies): the chosen row.
    public var pageSelection = 0
    /// Rows shown, in display order (vacancy indices, child-row indices or provider indices).
    public internal(set) var visible: [Int32] = []

    // Search state kept between keystrokes so that a longer query filters only previous matches.
    var matchedNeedle: [UInt8]?
    var matches: [Int32] = []
    var searchMask: [UInt8] = []
    var filterMask: [UInt8] = []
    /// Entries examined by the last search step (tests check the narrowing is incremental).
    public internal(set) var lastSearchScanned = 0

    init(filterCount: Int) { filters = Array(repeating: 0, count: filterCount) }

    var hasFilters: Bool { filters.contains { $0 != 0 } }
}

public struct HelpState: Sendable, Equatable {
    /// The screen whose keys are listed.
    public var context: KeyContext
    public var scroll = 0
}

public struct FilterPanelState: Sendable, Equatable {
    public var tab: Tab
    public var cursor = 0
}

public enum StaleStatus: Sendable, Equatable { case shown, reloading }

public struct Model: Sendable {
    public var width: Int
    public var height: Int
    public var tab: Tab = .dashboard
    public var officer: String
    /// ONS code of the officer's authority.
    public var authority: String
    public var now: Date
    public var redact: Bool
    /// The interface language: every string a view draws comes from the catalogue in this language.
    public var language: Language
    public internal(set) var data: AppData?
    var index: DataIndex?
    public var vacancies = ListScreen(filterCount: VacancyFilter.fields.count)
    public var sort: VacancySort = .availableFrom
    public var children = ListScreen(filterCount: ChildFilter.fields.count)
    public var providers = ListScreen(filterCount: 0)
    public var providerSort: ProviderSort = .name
    public var notices = NoticesScreen()
    public var dashboard = DashboardScreen()
    public var reports = ReportsScreen()
    /// A child's page or a vacancy's detail opened from another screen (dashboard, provider page);
    /// Esc returns to that screen.
    public var peek: Peek?
    public var peekScroll = 0
    /// The match screen, over whatever screen `m` was pressed on.
    public var match: MatchScreen?
    public var contactForm: ContactForm?
    /// Sending a referral to the marked providers: the question before it goes (`Referrals.swift`).
    public var referralSend: ReferralSendState?
    /// A provider's answer to a referral being logged (`ReferralResponseForm.swift`).
    public var referralResponse: ReferralResponseForm?
    public var correctionForm: CorrectionForm?
    public var confirm: Confirmation?
    /// Placing a child: the form built from the store's plan (`PlaceForm.swift`).
    public var placeForm: PlaceForm?
    /// The child just placed, whose page `g` opens from the match screen.
    public var lastPlaced: String?
    /// Undoing a placement made today: the reason being typed.
    public var undoPrompt: UndoPrompt?
    public var noticeForm: NoticeForm?
    /// A half-filled notice form set aside while the officer looks something up (`a` on Notices resumes it).
    public var parkedNotice: NoticeForm?
    /// Esc on a form with something typed: the question before it is thrown away.
    public var discard: DiscardQuestion?
    /// Digits typed into a choice of the filter panel or the hold question (see `TypeAhead`).
    var typeAhead = TypeAhead()
    public var help: HelpState?
    public var filterPanel: FilterPanelState?
    /// The `:` prompt that opens a record by id (see `JumpPromptLayer`).
    public var jump: JumpPromptState?
    /// One line for the bottom bar: the outcome of the last write, load failures and the like.
    public var status: String?
    /// The status is a refused write's "changed by … — press r to reload": `.reloading` once r was pressed,
    /// and it clears when that reload lands.
    public internal(set) var staleStatus: StaleStatus?
    /// A child's page waiting for the runtime to record its view (see `ChildPageGate`).
    public internal(set) var pendingPage: PendingPage?
    /// The last token handed to an `.audit` command.
    var auditTokens = 0

    public static let minimumWidth = 80
    public static let minimumHeight = 24

    public var isTooSmall: Bool { width < Model.minimumWidth || height < Model.minimumHeight }

    public var today: Day { Format.day(now) }

    /// The focus on the current screen.
    public var focus: Focus {
        switch tab {
        case .vacancies: vacancies.focus
        case .children: children.focus
        case .providers: providers.focus
        default: .table
        }
    }

    /// Which bindings apply now: the topmost open layer's, else the tab's (see `Screens`).
    public var context: KeyContext { Screens.context(self) }

    /// The starting model; the runtime performs `.load` and answers with `.dataLoaded`.
    public static func initial(size: (width: Int, height: Int), officer: String, authority: String,
                               now: Date, redact: Bool, language: Language = .en) -> (Model, [Command]) {
        (Model(width: size.width, height: size.height, officer: officer, authority: authority, now: now, redact: redact,
               language: language), [.load])
    }

    init(width: Int, height: Int, officer: String, authority: String, now: Date, redact: Bool, language: Language = .en) {
        self.language = language
        self.width = width
        self.height = height
        self.officer = officer
        self.authority = authority
        self.now = now
        self.redact = redact
    }

    /// The vacancy on the selected row, if any.
    public var selectedVacancy: Vacancy? {
        guard let data, let s = vacancies.table.selected, s < vacancies.visible.count else { return nil }
        return data.vacancies[Int(vacancies.visible[s])]
    }

    /// The provider on the selected row of the providers list, if any.
    public var selectedProvider: Provider? {
        guard let data, let s = providers.table.selected, s < providers.visible.count else { return nil }
        return data.providers[Int(providers.visible[s])]
    }

    /// The child on the selected row, if any.
    public var selectedChild: Child? {
        guard let data, let index, let s = children.table.selected, s < children.visible.count else { return nil }
        return data.children[index.children.rows[Int(children.visible[s])].index]
    }
}
