import Foundation
import PlacementCore
import TerminalUI

/// Where things go on screen; shared by `update` (page sizes) and `view`.
struct Geometry {
    let area: Rect
    init(_ model: Model) { area = Rect(width: model.width, height: model.height) }
    var topBar: Rect { area.row(0) }
    var tabs: Rect { area.row(1) }
    var body: Rect { Rect(x: 0, y: 2, width: area.width, height: area.height - 3) }
    var hints: Rect { area.row(area.height - 1) }
    var searchRow: Rect { body.row(0) }
    var summaryRow: Rect { body.row(1) }
    var table: Rect { Rect(x: 0, y: body.y + 2, width: area.width, height: body.height - 2) }
    var tableRows: Int { max(1, table.height - 1) }
    /// Text area of a bordered page (detail or child page), one column of padding each side.
    var pageText: Rect { body.inner(margin: 1).inner(horizontal: 1, vertical: 0) }
    /// The notices log's table: under its one-line heading.
    var noticeTable: Rect { Rect(x: body.x, y: body.y + 1, width: body.width, height: body.height - 1) }
}

/// The app's whole behaviour: deterministic, no I/O; effects come back as commands.
public func update(_ model: inout Model, _ msg: Msg) -> [Command] {
    switch msg {
    case .event(.resize(let w, let h)):
        model.width = max(0, w)
        model.height = max(0, h)
        clampPages(&model)
        return []
    case .event(.key(let key)):
        return handle(key, &model)
    case .event(.mouse(let x, let y, let kind)):
        return Mouse.handle(x: x, y: y, kind, &model)
    case .tick(let date):
        let oldDay = model.today
        model.now = date
        // Once a day the day-dependent columns (ages, "now", overdue) are indexed again.
        if model.today != oldDay, let data = model.data {
            install(IndexedData(data: data, authority: model.authority, now: model.now), &model)
        }
        return []
    case .dataLoaded(let data):
        clearLoadFailure(&model)
        install(IndexedData(data: data, authority: model.authority, now: model.now), &model)
        return []
    case .dataIndexed(let loaded):
        // Built for another authority or day (a load across midnight): index again here.
        clearLoadFailure(&model)
        let fits = loaded.authority == model.authority && loaded.today == model.today
        install(fits ? loaded : IndexedData(data: loaded.data, authority: model.authority, now: model.now), &model)
        return []
    case .loadFailed(let reason):
        model.status = Message.shellStatusLoadFailed.text(model.language, ["reason": reason])
        return []
    case .storeChanged:
        // Someone's write (a colleague's, or this officer's own): reload, and rank an open match again so
        // its holds, calls and placements show without a key.
        if let childID = model.match?.childID { return [.load, .runMatch(childID: childID)] }
        return [.load]
    case .matchReady(let childID, let data):
        guard var match = model.match, match.childID == childID else { return [] }
        // The selection stays on the same option (vacancy and child) if it is still ranked, else on the
        // row where it was: a hold then `p` places in the bed just held.
        let keep = match.selected.map { (vacancy: $0.vacancy.id, child: $0.childID) }
        let previous = match.table.selected ?? 0
        match.data = data
        match.failure = nil
        if data.candidates.isEmpty {
            match.table = ScrollState(selected: nil)
        } else {
            let same = keep.flatMap { k in data.candidates.firstIndex { $0.vacancy.id == k.vacancy && $0.childID == k.child } }
            let position = same ?? min(previous, data.candidates.count - 1)
            if same == nil { match.detailScroll = 0 }
            match.table.selected = position
        }
        match.excludedScroll = min(match.excludedScroll, max(0, data.excluded.count - 1))
        model.match = match
        let rows = MatchLayout(model).tableRows
        model.match?.table.scrollToSelection(visibleRows: rows, rowCount: data.candidates.count)
        return []
    case .matchFailed(let reason):
        model.match?.failure = reason
        return []
    case .commandSucceeded(let text):
        // The `.storeChanged` that follows every write reloads and ranks an open match again.
        model.status = text
        if model.noticeForm?.saving == true { model.noticeForm = nil }
        if let form = model.contactForm, form.saving {
            model.contactForm = nil
            // An accepted offer leads on: the bed is held, then the child placed, from the match screen.
            if form.outcome == .accepted { model.status = text + " · " + Message.formCallAcceptedNext.text(model.language) }
        }
        if model.correctionForm?.saving == true { model.correctionForm = nil }
        if model.undoPrompt?.saving == true { model.undoPrompt = nil }
        PlaceFormLayer.succeeded(&model)
        ReferralSendLayer.finished(&model, succeeded: true)
        ReferralResponseLayer.finished(&model, succeeded: true)
        return []
    case .noticeLogged(let id, let text):
        model.notices.selectOnArrival = id
        return update(&model, .commandSucceeded(text))
    case .commandFailed(let text):
        model.status = text
        model.noticeForm?.saving = false
        model.contactForm?.saving = false
        model.undoPrompt?.saving = false
        model.correctionForm?.saving = false
        ReferralSendLayer.finished(&model, succeeded: false)
        ReferralResponseLayer.finished(&model, succeeded: false)
        return PlaceFormLayer.failed(&model)
    case .placementPlanned(let plan):
        PlaceFormLayer.planned(plan, &model)
        return []
    case .placementPlanFailed(let reason):
        PlaceFormLayer.planFailed(reason, &model)
        return []
    case .commandRefusedAsStale(let text):
        _ = update(&model, .commandFailed(text))
        model.staleStatus = .shown
        return []
    case .auditRecorded(let token):
        ChildPageGate.recorded(token, &model)
        return []
    case .auditFailed(let token, let reason):
        ChildPageGate.failed(token, reason, &model)
        return []
    case .reportsReady(let set):
        ReportsTab.received(set, &model)
        return []
    case .reportsFailed(let reason):
        ReportsTab.failed(reason, &model)
        return []
    case .languageNotRemembered(let reason):
        model.status = Message.shellStatusLanguageNotRemembered.text(model.language, ["reason": reason])
        return []
    }
}

// MARK: - Data arrival

/// A fresh snapshot answers a failed load, and a "changed by … — press r to reload" once the officer has
/// reloaded; the outcome of any other write stays on show.
func clearLoadFailure(_ model: inout Model) {
    // In either language: the officer may have switched since the failure was shown.
    if let status = model.status,
       Language.allCases.contains(where: { status.hasPrefix(Message.shellStatusLoadFailed.text($0, ["reason": ""])) }) {
        model.status = nil
    }
    if model.staleStatus == .reloading {
        model.status = nil
        model.staleStatus = nil
    }
}

/// The officer asked for fresh data: a "changed by … — press r to reload" goes once it arrives.
func reloadRequested(_ model: inout Model) {
    if model.staleStatus == .shown { model.staleStatus = .reloading }
}

/// Takes in an indexed snapshot (data arrived, or the day changed) and re-derives every list,
/// keeping selections and open pages on the same records where they still exist.
func install(_ loaded: IndexedData, _ model: inout Model) {
    let keepVacancy = model.selectedVacancy?.id
    let keepChild = model.selectedChild?.id
    let openVacancy = model.vacancies.open.flatMap { i in model.data.flatMap { i < $0.vacancies.count ? $0.vacancies[i].id : nil } }
    let openChild = model.children.open.flatMap { i in model.data.flatMap { i < $0.children.count ? $0.children[i].id : nil } }
    let keepProvider = model.selectedProvider?.id
    let openProvider = model.providers.open.flatMap { i in model.data.flatMap { i < $0.providers.count ? $0.providers[i].id : nil } }
    let kept = KeptRecords(model)
    let data = loaded.data
    model.data = data
    model.index = loaded.index
    for screen in listTabs {
        var list = model[list: screen]
        list.matchedNeedle = nil
        list.matches = []
        list.searchMask = []
        model[list: screen] = list
        refreshFilters(&model, screen)
    }
    if let id = keepProvider, let pos = model.providers.visible.firstIndex(where: { data.providers[Int($0)].id == id }) {
        model.providers.table.selected = pos
    }
    if let id = openProvider { model.providers.open = data.providers.firstIndex { $0.id == id } }
    else { model.providers.open = nil }
    kept.restore(&model)
    if let id = keepVacancy, let pos = model.vacancies.visible.firstIndex(where: { data.vacancies[Int($0)].id == id }) {
        model.vacancies.table.selected = pos
    }
    if let id = keepChild, let rows = model.index?.children.rows,
       let pos = model.children.visible.firstIndex(where: { rows[Int($0)].id == id }) {
        model.children.table.selected = pos
    }
    for screen in listTabs {
        model[list: screen].table.scrollToSelection(visibleRows: Geometry(model).tableRows, rowCount: model[list: screen].visible.count)
    }
    // An open page stays open if its record still exists.
    if let id = openVacancy { model.vacancies.open = data.vacancies.firstIndex { $0.id == id } }
    if let id = openChild { model.children.open = model.index?.children.childByID[id] }
    clampPages(&model)
}

/// Selections and open records held by index (notices, dashboard panels, a peeked page), remembered by
/// record id across a reload: the row stays on the same record, or the nearest row if it went.
struct KeptRecords {
    let notice: String?
    let openNotice: String?
    let panels: [String?]
    let peek: (child: String?, vacancy: String?)

    init(_ model: Model) {
        let data = model.data
        let order = model.index?.work.noticeOrder ?? []
        notice = model.notices.table.selected.flatMap { s in s < order.count ? data?.notices[order[s]].id : nil }
        openNotice = model.notices.open.flatMap { i in data.flatMap { i < $0.notices.count ? $0.notices[i].id : nil } }
        panels = DashboardPanel.allCases.map { panel in
            model.index.flatMap { index in
                model.dashboard.tables[panel.rawValue].selected.flatMap { dashboardRecordID(model, index.dashboard, panel, $0) }
            }
        }
        switch model.peek {
        case .child(let i): peek = (data.flatMap { i < $0.children.count ? $0.children[i].id : nil }, nil)
        case .vacancy(let i): peek = (nil, data.flatMap { i < $0.vacancies.count ? $0.vacancies[i].id : nil })
        case nil: peek = (nil, nil)
        }
    }

    func restore(_ model: inout Model) {
        guard let data = model.data, let index = model.index else { return }
        let order = index.work.noticeOrder
        let logged = model.notices.selectOnArrival.flatMap { id in order.firstIndex { data.notices[$0].id == id } }
        if let pos = logged {
            model.notices.table.selected = pos
            model.notices.selectOnArrival = nil
        } else if let id = notice, let pos = order.firstIndex(where: { data.notices[$0].id == id }) {
            model.notices.table.selected = pos
        } else {
            model.notices.table.selected = order.isEmpty ? nil : min(model.notices.table.selected ?? 0, order.count - 1)
        }
        model.notices.table.scrollToSelection(visibleRows: noticeRows(model), rowCount: order.count)
        model.notices.open = openNotice.flatMap { id in data.notices.firstIndex { $0.id == id } }
        for panel in DashboardPanel.focusable {
            let n = index.dashboard.count(panel)
            guard let id = panels[panel.rawValue],
                  let pos = (0..<n).first(where: { dashboardRecordID(model, index.dashboard, panel, $0) == id }) else { continue }
            model.dashboard.tables[panel.rawValue].selected = pos
            model.dashboard.tables[panel.rawValue].scrollToSelection(visibleRows: DashboardLayout(model).rows(panel), rowCount: n)
        }
        model.dashboard.clamp(index.dashboard)
        // A notice just logged: the dashboard, too, points at it and at the child it is about.
        if let pos = logged {
            let n = order[pos]
            let d = index.dashboard
            if let row = d.todayNotices.firstIndex(of: n) { select(&model, .notices, row, count: d.todayNotices.count) }
            if let child = data.notices[n].childID.flatMap({ index.children.childByID[$0] }), let row = d.urgent.firstIndex(of: child) {
                select(&model, .urgent, row, count: d.urgent.count)
            }
        }
        if let id = peek.child { model.peek = index.children.childByID[id].map { .child($0) } }
        if let id = peek.vacancy { model.peek = data.vacancies.firstIndex { $0.id == id }.map { .vacancy($0) } }
    }
}

/// Selects `row` of a dashboard panel, scrolled into view.
private func select(_ model: inout Model, _ panel: DashboardPanel, _ row: Int, count: Int) {
    model.dashboard.tables[panel.rawValue].selected = row
    model.dashboard.tables[panel.rawValue].scrollToSelection(visibleRows: DashboardLayout(model).rows(panel), rowCount: count)
}

/// Rows of the notices list on screen (its header line and the table's own header take two).
func noticeRows(_ model: Model) -> Int { max(1, Geometry(model).body.height - 2) }

/// The id of the record on a dashboard panel's row.
func dashboardRecordID(_ model: Model, _ d: DashboardIndex, _ panel: DashboardPanel, _ row: Int) -> String? {
    guard let data = model.data, row < d.count(panel) else { return nil }
    switch panel {
    case .urgent: return data.children[d.urgent[row]].id
    case .notices: return data.notices[d.todayNotices[row]].id
    case .stale: return data.vacancies[d.stale[row]].id
    case .holds: return data.vacancies[d.holdsToday[row]].id
    case .unstable: return data.children[d.unstable[row]].id
    case .referrals: return d.referrals[row].referral.id
    case .grid: return nil
    }
}

/// Re-applies the filter panel's choices, then the search, then the sort.
func refreshFilters(_ model: inout Model, _ screen: Tab) {
    guard let index = model.index else { return }
    switch screen {
    case .vacancies:
        model.vacancies.filterMask = VacancyFilter.mask(model.vacancies.filters, index: index.vacancies, today: model.today,
                                                        now: model.now.timeIntervalSince1970)
    case .children:
        model.children.filterMask = index.children.rows.map { ChildFilter.passes($0, model.children.filters) ? 1 : 0 }
    default:
        model.providers.filterMask = [UInt8](repeating: 1, count: model.data?.providers.count ?? 0)
    }
    refreshSearch(&model, screen)
}

/// Runs the search incrementally: a query extending the previous one scans only its matches.
func refreshSearch(_ model: inout Model, _ screen: Tab) {
    guard let index = model.index else { return }
    var list = model[list: screen]
    let hay: any Searchable = screen == .vacancies ? index.vacancies.haystack
        : screen == .children ? index.children.haystack : index.providers.haystack
    let count = hay.count
    let needle = Fold.bytes(list.query.trimmingCharacters(in: .whitespaces))
    if list.searchMask.count != count || list.matchedNeedle == nil {
        list.matchedNeedle = []
        list.matches = Array(0..<Int32(count))
        list.searchMask = Array(repeating: 1, count: count)
    }
    if needle != list.matchedNeedle {
        let previous = list.matchedNeedle ?? []
        let extends = needle.count > previous.count && needle.starts(with: previous)
        let candidates: [Int32] = extends ? list.matches : Array(0..<Int32(count))
        let found = hay.filter(candidates, containing: needle)
        list.lastSearchScanned = candidates.count
        if extends {
            for i in list.matches { list.searchMask[Int(i)] = 0 }
        } else {
            for i in list.searchMask.indices { list.searchMask[i] = 0 }
        }
        for i in found { list.searchMask[Int(i)] = 1 }
        list.matches = found
        list.matchedNeedle = needle
    }
    // Visible rows: the display order, keeping those passing both search and filters.
    let order: [Int32] = screen == .vacancies ? index.vacancies.sorted[model.sort.rawValue]
        : screen == .providers ? index.providers.sorted[model.providerSort.rawValue] : Array(0..<Int32(count))
    var visible: [Int32] = []
    visible.reserveCapacity(min(order.count, list.matches.count))
    list.searchMask.withUnsafeBufferPointer { s in
        list.filterMask.withUnsafeBufferPointer { f in
            for i in order where s[Int(i)] & f[Int(i)] != 0 { visible.append(i) }
        }
    }
    list.visible = visible
    list.table.scrollToSelection(visibleRows: Geometry(model).tableRows, rowCount: visible.count)
    if list.table.selected == nil, !visible.isEmpty { list.table.selected = 0 }
    model[list: screen] = list
}

/// The tabs that are searchable lists.
let listTabs: [Tab] = [.vacancies, .children, .providers]

extension Model {
    /// The list screen of a list tab (vacancies, children or providers).
    subscript(list tab: Tab) -> ListScreen {
        get { tab == .vacancies ? vacancies : tab == .children ? children : providers }
        set {
            switch tab {
            case .vacancies: vacancies = newValue
            case .children: children = newValue
            default: providers = newValue
            }
        }
    }
}

// MARK: - Keys

func handle(_ key: Key, _ model: inout Model) -> [Command] {
    let context = model.context
    guard let action = Keymap.action(for: key, in: context) else {
        guard case .char(let c) = key, renderable(c) != nil, !c.isNewline else { return [] }
        // Keys go to the focused input first (the filter panel's digits are its own type-ahead bindings).
        if context.isTextEntry {
            Screens.active(model).type(c, context, &model)
        } else if JumpPromptLayer.startsID(c, model) {
            JumpPromptLayer.start(&model, typed: String(c))
        }
        return []
    }
    return perform(action, context, &model)
}

/// The global actions here; everything else goes to the component that owns the keyboard.
func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
    switch action {
    case .quit:
        return [.quit]
    case .reload:
        reloadRequested(&model)
        return [.load]
    case .repaint:
        return [.repaint]
    case .switchLanguage:
        // Only the language changes: tab, selections, searches, open forms and what was typed all stay.
        model.language = model.language.other
        model.status = Message.languageSwitched.text(model.language)
        return [.rememberLanguage(model.language)]
    case .jump:
        JumpPromptLayer.start(&model)
        return []
    case .help:
        if model.help != nil { model.help = nil } else { model.help = HelpState(context: context) }
        return []
    case .tab(let n):
        guard Screens.tabs.indices.contains(n - 1) else { return [] }
        // A typed call belongs to the match screen the switch would close: it stays until saved or discarded.
        if model.contactForm?.hasInput == true {
            model.help = nil
            model.status = Message.shellStatusSaveCallFirst.text(model.language)
            return []
        }
        model.tab = Screens.tabs[n - 1].tab
        model.help = nil
        model.filterPanel = nil
        model.match = nil
        model.confirm = nil
        model.placeForm = nil
        model.undoPrompt = nil
        model.contactForm = nil
        model.peek = nil
        model.discard = nil
        // A half-filled notice survives: set aside, `a` on Notices brings it back.
        if model.noticeForm?.hasInput == true { setNoticeAside(&model) } else if model.noticeForm?.saving != true { model.noticeForm = nil }
        return model.tab == ReportsTab.tab ? ReportsTab.opened(&model) : []
    case .runMatch:
        guard let child = matchTarget(model, context) else {
            if let why = NoticesTab.whyNoChild(model, context) { model.status = why }
            return []
        }
        model.match = MatchScreen(childID: child.id)
        return [.runMatch(childID: child.id)]
    default:
        return Screens.active(model).perform(action, context, &model)
    }
}

/// The child `m` ranks for, on the current screen.
func matchTarget(_ model: Model, _ context: KeyContext) -> Child? {
    guard let data = model.data else { return nil }
    switch context {
    case .childList: return model.selectedChild
    case .childPage:
        if case .child(let i) = model.peek { return data.children[i] }
        return model.children.open.map { data.children[$0] }
    case .dashboard:
        switch dashboardRow(model) {
        case .child(let i): return data.children[i]
        case .notice(let n): return data.notices[n].childID.flatMap { model.index?.children.childByID[$0] }.map { data.children[$0] }
        case .referral(let w): return model.index?.children.childByID[w.referral.childID].map { data.children[$0] }
        default: return nil
        }
    case .noticeList, .noticeDetail: return NoticesTab.child(model, context)
    default: return nil
    }
}

/// Applies a movement key to a selectable list of `count` rows showing `rows` at a time.
func move(_ table: inout ScrollState, _ action: Action, rows: Int, count n: Int) {
    switch action {
    case .up: table.moveSelection(by: -1, rowCount: n)
    case .down: table.moveSelection(by: 1, rowCount: n)
    case .pageUp: table.page(.up, visibleRows: rows, rowCount: n)
    case .pageDown: table.page(.down, visibleRows: rows, rowCount: n)
    case .home: table.first(rowCount: n)
    case .end: table.last(rowCount: n)
    default: return
    }
    table.scrollToSelection(visibleRows: max(1, rows), rowCount: n)
}

func setFocus(_ model: inout Model, _ focus: Focus) {
    guard listTabs.contains(model.tab) else { return }
    model[list: model.tab].focus = focus
}

/// Changes the current screen's query and narrows (or widens) the list at once.
func editQuery(_ model: inout Model, _ edit: (inout String) -> Void) {
    let tab = model.tab
    guard listTabs.contains(tab) else { return }
    edit(&model[list: tab].query)
    model[list: tab].table = ScrollState(selected: 0)
    refreshSearch(&model, tab)
}

// MARK: - Pages

/// Where the open page's scroll lives.
enum PageSlot { case peek, vacancies, children, notices, providers }

func pageSlot(_ model: Model) -> PageSlot? {
    if model.peek != nil { return .peek }
    switch model.tab {
    case .vacancies: return model.vacancies.open != nil ? .vacancies : nil
    case .children: return model.children.open != nil ? .children : nil
    case .notices: return model.notices.open != nil ? .notices : nil
    case .providers: return model.providers.open != nil ? .providers : nil
    default: return nil
    }
}

func pageScroll(_ model: Model, _ slot: PageSlot) -> Int {
    switch slot {
    case .peek: model.peekScroll
    case .vacancies: model.vacancies.pageScroll
    case .children: model.children.pageScroll
    case .notices: model.notices.pageScroll
    case .providers: model.providers.pageScroll
    }
}

func setPageScroll(_ model: inout Model, _ slot: PageSlot, _ value: Int) {
    switch slot {
    case .peek: model.peekScroll = value
    case .vacancies: model.vacancies.pageScroll = value
    case .children: model.children.pageScroll = value
    case .notices: model.notices.pageScroll = value
    case .providers: model.providers.pageScroll = value
    }
}

/// The open page's title and items, if a page is open.
func currentPage(_ model: Model) -> (title: String, items: [PageItem])? {
    switch model.peek {
    case .child(let i): return (Pages.childTitle(model, i), Pages.child(model, i))
    case .vacancy(let i): return (Pages.vacancyTitle(model, i), Pages.vacancy(model, i))
    case nil: break
    }
    switch model.tab {
    case .vacancies: return model.vacancies.open.map { (Pages.vacancyTitle(model, $0), Pages.vacancy(model, $0)) }
    case .children: return model.children.open.map { (Pages.childTitle(model, $0), Pages.child(model, $0)) }
    case .notices: return model.notices.open.map { (Pages.noticeTitle(model, $0), Pages.notice(model, $0)) }
    case .providers: return model.providers.open.map { (Pages.providerTitle(model, $0), Pages.provider(model, $0)) }
    default: return nil
    }
}

/// A scroll position after a movement key: a line, a page of `rows` (less one, for context), or to an end.
func scrolled(_ s: Int, by action: Action, rows: Int, end: Int) -> Int {
    switch action {
    case .up: s - 1
    case .down: s + 1
    case .pageUp: s - max(1, rows - 1)
    case .pageDown: s + max(1, rows - 1)
    case .home: 0
    default: end
    }
}

func scrollPage(_ action: Action, _ model: inout Model, rows: Int) {
    guard let slot = pageSlot(model) else { return }
    let total = pageLineCount(model)
    let maxScroll = max(0, total - rows)
    var s = pageScroll(model, slot)
    s = scrolled(s, by: action, rows: rows, end: maxScroll)
    setPageScroll(&model, slot, min(max(0, s), maxScroll))
}

func pageLineCount(_ model: Model) -> Int {
    guard let page = currentPage(model) else { return 0 }
    return Pages.layout(page.items, width: Geometry(model).pageText.width).count
}

/// Keeps page scroll inside the content after a resize or reload.
func clampPages(_ model: inout Model) {
    guard !model.isTooSmall, model.data != nil else { return }
    let rows = Geometry(model).pageText.height
    var m = model
    m.peek = nil
    for tab in [Tab.vacancies, .children, .notices, .providers] {
        m.tab = tab
        guard let slot = pageSlot(m) else { continue }
        setPageScroll(&model, slot, min(pageScroll(model, slot), max(0, pageLineCount(m) - rows)))
    }
    if model.peek != nil {
        setPageScroll(&model, .peek, min(model.peekScroll, max(0, pageLineCount(model) - rows)))
    }
}

/// Selects the row whose id is `keep` again after the list was re-sorted, keeping it on screen.
func reselect(_ list: inout ListScreen, _ keep: String?, rows: Int, id: (Int32) -> String?) {
    guard let keep, let pos = list.visible.firstIndex(where: { id($0) == keep }) else { return }
    list.table.selected = pos
    list.table.scrollToSelection(visibleRows: rows, rowCount: list.visible.count)
}
