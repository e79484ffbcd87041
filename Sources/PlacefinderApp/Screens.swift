import Foundation
import PlacementCore
import TerminalUI

/// One screen of the dashboard as a component: the key contexts it owns with their bindings (which
/// drive both behaviour and help), its update for those contexts, and its view. `update` and `view`
/// dispatch only through the registry below, so a screen's code lives in its own file.
protocol Component {
    /// The bindings particular to `context`, in help order; nil when this component does not own it.
    static func bindings(_ context: KeyContext) -> [KeyBinding]?
    /// What an action does in one of this component's contexts.
    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command]
    /// A printable character typed in one of its text-entry contexts.
    static func type(_ c: Character, _ context: KeyContext, _ model: inout Model)
    /// Draws the body (a tab, or a layer that takes the whole body). Runs before the key-hint bar.
    static func drawBody(_ model: Model, _ g: Geometry, _ buffer: inout Buffer)
    /// Draws over everything (dialogs, help). Runs after the key-hint bar, bottom layer first.
    static func drawOver(_ model: Model, _ g: Geometry, _ buffer: inout Buffer)
}

extension Component {
    static func type(_ c: Character, _ context: KeyContext, _ model: inout Model) {}
    static func drawBody(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {}
    static func drawOver(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {}
}

/// A tab: the number key is its place in `Screens.tabs` plus one.
protocol TabScreen: Component {
    static var tab: Tab { get }
    /// Which context applies on this tab now, with data loaded (nothing open over it).
    static func context(_ model: Model) -> KeyContext
}

/// A layer over the tabs: the match screen, a form, a dialog, a page opened from elsewhere, help.
protocol Layer: Component {
    static func isOpen(_ model: Model) -> Bool
    /// True when it replaces the tab's body (drawn by `drawBody`) rather than floating over it.
    static var coversBody: Bool { get }
    static func context(_ model: Model) -> KeyContext
}

extension Layer {
    static var coversBody: Bool { false }
}

/// The registry: every screen of the app, in one place.
enum Screens {
    /// The tabs, in tab-bar order. A new tab is one line here plus its own file.
    static let tabs: [any TabScreen.Type] = [
        DashboardTab.self, ChildrenTab.self, VacanciesTab.self, NoticesTab.self, ProvidersTab.self, ReportsTab.self,
    ]

    /// The overlay stack, topmost first: the first open layer takes the keys, and layers draw bottom-up,
    /// so help floats over a filter panel, a confirmation over the match screen, the match screen over a tab.
    static let layers: [any Layer.Type] = [
        HelpLayer.self, JumpPromptLayer.self, FilterPanelLayer.self, TooSmallLayer.self, ConfirmLayer.self, ReferralSendLayer.self,
        ReferralResponseLayer.self, PlaceFormLayer.self,
        UndoPromptLayer.self, CorrectionFormLayer.self, DiscardLayer.self, ContactFormLayer.self, MatchVacancyLayer.self,
        MatchLayer.self, NoticeFormLayer.self, PeekLayer.self,
    ]

    static func screen(for tab: Tab) -> any TabScreen.Type {
        tabs.first { $0.tab == tab } ?? tabs[0]
    }

    /// The topmost open layer, if any.
    static func topLayer(_ model: Model) -> (any Layer.Type)? {
        layers.first { $0.isOpen(model) }
    }

    /// The component that owns the keyboard now.
    static func active(_ model: Model) -> any Component.Type {
        topLayer(model) ?? screen(for: model.tab)
    }

    static func context(_ model: Model) -> KeyContext {
        if let layer = topLayer(model) { return layer.context(model) }
        guard model.data != nil else { return .placeholder }
        return screen(for: model.tab).context(model)
    }

    /// The bindings a context's owner declares ([] for the placeholder).
    static func bindings(_ context: KeyContext) -> [KeyBinding] {
        for component in layers as [any Component.Type] + tabs {
            if let found = component.bindings(context) { return found }
        }
        return []
    }
}

/// A tab of the dashboard, as the tab bar names it. Each tab's file declares its own.
public struct Tab: Hashable, Sendable {
    public let title: String
    init(_ title: String) { self.title = title }

    /// Every tab, in order.
    public static var allCases: [Tab] { Screens.tabs.map { $0.tab } }

    /// The tab bar's names, by tab. A tab missing here shows its English title in Welsh too, which
    /// WelshShellTests refuses: no tab is added in one language only.
    static let names: [Tab: Message] = [
        .dashboard: .tabDashboard, .children: .tabChildren, .vacancies: .tabVacancies, .notices: .tabNotices,
        .providers: .tabProviders, .reports: .tabReports,
    ]
    /// Shorter names where Welsh would push the last tab off an 80-column bar.
    static let shortNames: [Tab: Message] = [.vacancies: .shellTabShortVacancies]

    /// The tab's name in `language`.
    public func name(_ language: Language) -> String { Tab.names[self]?.text(language) ?? title }

    /// The tab's name in `language`, shortened if it has a short form.
    func shortName(_ language: Language) -> String { Tab.shortNames[self]?.text(language) ?? name(language) }
}

/// Where the keyboard is: decides which bindings apply. Each screen's file declares its contexts.
public struct KeyContext: Hashable, Sendable {
    let id: String
    /// Help's heading, in English (see `heading(_:)`).
    public let title: String
    /// Help's heading from the catalogue; nil while the screen's context is still English only.
    let name: Message?
    /// Text entry: printable keys type instead of acting, so only non-character globals apply.
    public let isTextEntry: Bool
    /// Digits type here (the filter panel's age) instead of switching screens; true in text entry.
    public let takesDigits: Bool

    init(_ id: String, _ title: String, textEntry: Bool = false, digits: Bool = false) {
        self.id = id
        self.title = title
        self.name = nil
        self.isTextEntry = textEntry
        self.takesDigits = textEntry || digits
    }

    init(_ id: String, _ name: Message, textEntry: Bool = false, digits: Bool = false) {
        self.id = id
        self.title = name.text(.en)
        self.name = name
        self.isTextEntry = textEntry
        self.takesDigits = textEntry || digits
    }

    /// Help's heading in `language`.
    public func heading(_ language: Language) -> String { name?.text(language) ?? title }

    /// No data yet, or a screen still to come: only the global keys.
    public static let placeholder = KeyContext("placeholder", .shellContextPlaceholder)
}

/// What a key does: the verbs screens share. `update` dispatches only through `Keymap`, and help and
/// the key-hint bars are generated from the same tables, so help cannot drift from behaviour.
public enum Action: Hashable, Sendable {
    case quit, help, back, reload, repaint, jump
    /// Show the interface in the other language at once, keeping everything on screen.
    case switchLanguage
    case tab(Int)
    case up, down, pageUp, pageDown, home, end
    case open, search, filter, sort, focusSearch
    /// Open the record a row or page refers to (a notice's child or vacancy).
    case openRecord
    case acceptSearch, clearSearch, deleteChar, typeText
    case fieldNext, fieldPrevious, fieldClear, resetFilters
    // Matches
    case runMatch, rerunMatch, toggleExcluded, toggleWeights, recordCall, holdOrRelease, place, openPlaced
    // Referrals: mark a candidate, send to those marked, log a provider's answer
    case markReferral, sendReferral, logReferralResponse
    case scrollDetailUp, scrollDetailDown
    /// A line of help that is no key (a legend).
    case legend
    // Child's page
    case undoPlacement
    // Corrections
    case withdrawRecord, amendRecord
    // Confirmations and forms
    case confirm, newNotice, nextField, previousField, submit, setAside
    /// A character typed into a choice: jumps to the first choice it begins (the key's character).
    case typeAhead(Character)
    // Dashboard
    case nextPanel, previousPanel, panelLeft, panelRight
    // Reports
    case areaLevel, nextPeriod, recompute
}
