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
    case .tick(let date):
        let oldDay = model.today
        model.now = date
        if model.today != oldDay, model.data != nil { rebuild(&model, keepSelection: true) }
        return []
    case .dataLoaded(let data):
        model.data = data
        model.status = nil
        rebuild(&model, keepSelection: true)
        return []
    case .loadFailed(let reason):
        model.status = "Could not load the store: \(reason)"
        return []
    case .storeChanged:
        return [.load]
    }
}

// MARK: - Data arrival

/// Recomputes the indexes and both lists (data arrived, or the day changed).
func rebuild(_ model: inout Model, keepSelection: Bool) {
    guard let data = model.data else { return }
    let keepVacancy = keepSelection ? model.selectedVacancy?.id : nil
    let keepChild = keepSelection ? model.selectedChild?.id : nil
    let openVacancy = model.vacancies.open.flatMap { $0 < (model.data?.vacancies.count ?? 0) ? data.vacancies[$0].id : nil }
    let today = model.today
    model.index = DataIndex(vacancies: VacancyIndex(data: data, officerAuthority: model.authority),
                            children: ChildIndex(data: data, today: today), day: today,
                            openVacancies: data.vacancies.reduce(0) { $0 + ($1.status == .open ? 1 : 0) })
    for screen in [Tab.vacancies, .children] {
        var list = screen == .vacancies ? model.vacancies : model.children
        list.matchedNeedle = nil
        list.matches = []
        list.searchMask = []
        if screen == .vacancies { model.vacancies = list } else { model.children = list }
        refreshFilters(&model, screen)
    }
    if let id = keepVacancy, let pos = model.vacancies.visible.firstIndex(where: { data.vacancies[Int($0)].id == id }) {
        model.vacancies.table.selected = pos
    }
    if let id = keepChild, let rows = model.index?.children.rows,
       let pos = model.children.visible.firstIndex(where: { rows[Int($0)].id == id }) {
        model.children.table.selected = pos
    }
    // An open page stays open if its record still exists.
    if let id = openVacancy { model.vacancies.open = data.vacancies.firstIndex { $0.id == id } }
    if let open = model.children.open, open >= data.children.count { model.children.open = nil }
    clampPages(&model)
}

/// Re-applies the filter panel's choices, then the search, then the sort.
func refreshFilters(_ model: inout Model, _ screen: Tab) {
    guard let index = model.index else { return }
    if screen == .vacancies {
        model.vacancies.filterMask = VacancyFilter.mask(model.vacancies.filters, index: index.vacancies, today: model.today,
                                                        now: model.now.timeIntervalSince1970)
    } else {
        model.children.filterMask = index.children.rows.map { ChildFilter.passes($0, model.children.filters) ? 1 : 0 }
    }
    refreshSearch(&model, screen)
}

/// Runs the search incrementally: a query extending the previous one scans only its matches.
func refreshSearch(_ model: inout Model, _ screen: Tab) {
    guard let index = model.index else { return }
    var list = screen == .vacancies ? model.vacancies : model.children
    let hay = screen == .vacancies ? index.vacancies.haystack : index.children.haystack
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
    let order: [Int32] = screen == .vacancies ? index.vacancies.sorted[model.sort.rawValue] : Array(0..<Int32(count))
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
    if screen == .vacancies { model.vacancies = list } else { model.children = list }
}

// MARK: - Keys

func handle(_ key: Key, _ model: inout Model) -> [Command] {
    let context = model.context
    guard let action = Keymap.action(for: key, in: context) else {
        if context.isTextEntry, case .char(let c) = key, renderable(c) != nil, !c.isNewline {
            editQuery(&model) { $0.append(c) }
        }
        return []
    }
    return perform(action, context, &model)
}

func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
    let geometry = Geometry(model)
    switch action {
    case .quit:
        return [.quit]
    case .help:
        if model.help != nil { model.help = nil } else { model.help = HelpState(context: context) }
        return []
    case .tab(let n):
        guard let tab = Tab(rawValue: n - 1) else { return [] }
        model.tab = tab
        model.help = nil
        model.filterPanel = nil
        return []
    case .back:
        switch context {
        case .help: model.help = nil
        case .filterPanel: model.filterPanel = nil
        case .vacancyDetail: model.vacancies.open = nil
        case .childPage: model.children.open = nil
        default: break
        }
        return []
    case .up, .down, .pageUp, .pageDown, .home, .end:
        switch context {
        case .help:
            let step = action == .up ? -1 : action == .down ? 1 : 0
            if var help = model.help {
                let count = Keymap.bindings(for: help.context).count
                let inner = min(model.height - 2, count + 2) - 2
                help.scroll = min(max(0, help.scroll + step), max(0, count - inner))
                model.help = help
            }
        case .filterPanel:
            guard let panel = model.filterPanel else { return [] }
            let count = panel.tab == .vacancies ? VacancyFilter.fields.count : ChildFilter.fields.count
            let step = action == .up ? -1 : action == .down ? 1 : 0
            model.filterPanel?.cursor = (panel.cursor + step + count) % count
        case .vacancyDetail, .childPage:
            scrollPage(action, &model, rows: geometry.pageText.height)
        case .vacancyList, .childList:
            let tab: Tab = context == .vacancyList ? .vacancies : .children
            var list = tab == .vacancies ? model.vacancies : model.children
            let n = list.visible.count, rows = geometry.tableRows
            switch action {
            case .up: list.table.moveSelection(by: -1, rowCount: n)
            case .down: list.table.moveSelection(by: 1, rowCount: n)
            case .pageUp: list.table.page(.up, visibleRows: rows, rowCount: n)
            case .pageDown: list.table.page(.down, visibleRows: rows, rowCount: n)
            case .home: list.table.first(rowCount: n)
            default: list.table.last(rowCount: n)
            }
            list.table.scrollToSelection(visibleRows: rows, rowCount: n)
            if tab == .vacancies { model.vacancies = list } else { model.children = list }
        default: break
        }
        return []
    case .open:
        if context == .vacancyList, let s = model.vacancies.table.selected, s < model.vacancies.visible.count {
            model.vacancies.open = Int(model.vacancies.visible[s])
            model.vacancies.pageScroll = 0
        }
        if context == .childList, let child = model.selectedChild, let i = model.index?.children.childByID[child.id] {
            model.children.open = i
            model.children.pageScroll = 0
            return [.audit(action: "view", recordType: "child", recordID: child.id)]
        }
        return []
    case .search, .focusSearch:
        setFocus(&model, .search)
        return []
    case .acceptSearch:
        setFocus(&model, .table)
        return []
    case .clearSearch:
        editQuery(&model) { $0 = "" }
        setFocus(&model, .table)
        return []
    case .deleteChar:
        editQuery(&model) { if !$0.isEmpty { $0.removeLast() } }
        return []
    case .typeText:
        return []
    case .filter:
        model.filterPanel = FilterPanelState(tab: model.tab)
        return []
    case .sort:
        let keep = model.selectedVacancy?.id
        model.sort = model.sort.next
        refreshSearch(&model, .vacancies)
        if let keep, let data = model.data,
           let pos = model.vacancies.visible.firstIndex(where: { data.vacancies[Int($0)].id == keep }) {
            model.vacancies.table.selected = pos
            model.vacancies.table.scrollToSelection(visibleRows: geometry.tableRows, rowCount: model.vacancies.visible.count)
        }
        return []
    case .fieldNext, .fieldPrevious, .fieldClear, .resetFilters:
        guard let panel = model.filterPanel else { return [] }
        let fields = panel.tab == .vacancies ? VacancyFilter.fields : ChildFilter.fields
        var filters = panel.tab == .vacancies ? model.vacancies.filters : model.children.filters
        let n = fields[panel.cursor].options.count
        switch action {
        case .fieldNext: filters[panel.cursor] = (filters[panel.cursor] + 1) % n
        case .fieldPrevious: filters[panel.cursor] = (filters[panel.cursor] - 1 + n) % n
        case .fieldClear: filters[panel.cursor] = 0
        default: filters = Array(repeating: 0, count: fields.count)
        }
        if panel.tab == .vacancies { model.vacancies.filters = filters } else { model.children.filters = filters }
        if panel.tab == .vacancies { model.vacancies.table = ScrollState(selected: 0) } else { model.children.table = ScrollState(selected: 0) }
        refreshFilters(&model, panel.tab)
        return []
    }
}

func setFocus(_ model: inout Model, _ focus: Focus) {
    switch model.tab {
    case .vacancies: model.vacancies.focus = focus
    case .children: model.children.focus = focus
    default: break
    }
}

/// Changes the current screen's query and narrows (or widens) the list at once.
func editQuery(_ model: inout Model, _ edit: (inout String) -> Void) {
    let tab = model.tab
    guard tab == .vacancies || tab == .children else { return }
    if tab == .vacancies { edit(&model.vacancies.query); model.vacancies.table = ScrollState(selected: 0) }
    else { edit(&model.children.query); model.children.table = ScrollState(selected: 0) }
    refreshSearch(&model, tab)
}

func scrollPage(_ action: Action, _ model: inout Model, rows: Int) {
    let total = pageLineCount(model)
    let maxScroll = max(0, total - rows)
    var s = model.tab == .vacancies ? model.vacancies.pageScroll : model.children.pageScroll
    switch action {
    case .up: s -= 1
    case .down: s += 1
    case .pageUp: s -= max(1, rows - 1)
    case .pageDown: s += max(1, rows - 1)
    case .home: s = 0
    default: s = maxScroll
    }
    s = min(max(0, s), maxScroll)
    if model.tab == .vacancies { model.vacancies.pageScroll = s } else { model.children.pageScroll = s }
}

func pageLineCount(_ model: Model) -> Int {
    let width = Geometry(model).pageText.width
    if model.tab == .vacancies, let v = model.vacancies.open {
        return Pages.layout(Pages.vacancy(model, v), width: width).count
    }
    if model.tab == .children, let c = model.children.open {
        return Pages.layout(Pages.child(model, c), width: width).count
    }
    return 0
}

/// Keeps page scroll inside the content after a resize or reload.
func clampPages(_ model: inout Model) {
    guard !model.isTooSmall else { return }
    let rows = Geometry(model).pageText.height
    for tab in [Tab.vacancies, .children] {
        var m = model
        m.tab = tab
        let maxScroll = max(0, pageLineCount(m) - rows)
        if tab == .vacancies { model.vacancies.pageScroll = min(model.vacancies.pageScroll, maxScroll) }
        else { model.children.pageScroll = min(model.children.pageScroll, maxScroll) }
    }
}
