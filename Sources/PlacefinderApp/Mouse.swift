import TerminalUI

/// Clicks and the wheel, hit-tested against the same `Geometry` the view draws with. A click does what
/// the keyboard would do at that spot and nothing the keyboard could not do there: it picks a tab only
/// where the tab's number key would switch to it (never out of a half-filled form), selects a row of the
/// list in front of you (a list tab, a dashboard panel, the ranking, or a field of the filter panel), and a
/// click on the row already selected opens it, as Enter does (on a filter field: its next value, as Space does). The wheel is Up/Down for whatever
/// has the keyboard. Anywhere else a click does nothing: the dialogs have no buttons, only keys.
enum Mouse {
    static func handle(x: Int, y: Int, _ kind: MouseKind, _ model: inout Model) -> [Command] {
        guard !model.isTooSmall, model.data != nil else { return [] }
        switch kind {
        case .wheelUp: return PlacefinderApp.handle(.up, &model)
        case .wheelDown: return PlacefinderApp.handle(.down, &model)
        case .click: return click(x: x, y: y, &model)
        }
    }

    private static func click(x: Int, y: Int, _ model: inout Model) -> [Command] {
        let g = Geometry(model)
        if g.tabs.contains(x: x, y: y) {
            // Only where the tab's number key would switch (not from a text field or the filter panel).
            guard let n = tab(at: x, model), case .tab = Keymap.action(for: .char(Character(String(n))), in: model.context) else { return [] }
            return perform(.tab(n), model.context, &model)
        }
        if model.context == .filterPanel { return clickFilterPanel(y: y, &model) }
        if model.context == .matches { return clickRanking(y: y, &model) }
        guard Screens.topLayer(model) == nil else { return [] }
        switch model.context {
        case .dashboard: return clickDashboard(x: x, y: y, &model)
        case .vacancyList, .vacancySearch: return clickList(.vacancies, x: x, y: y, g, &model)
        case .childList, .childSearch: return clickList(.children, x: x, y: y, g, &model)
        case .providerList, .providerSearch: return clickList(.providers, x: x, y: y, g, &model)
        case .noticeList: return clickNotices(x: x, y: y, g, &model)
        default: return []
        }
    }

    /// The tab number (1-based) under column `x`, laid out as the view's `tabBar` draws it: " n Title " with
    /// its divider between (none where the names in the officer's language fill the bar).
    static func tab(at x: Int, _ model: Model) -> Int? {
        let bar = tabBar(model)
        var left = Geometry(model).tabs.x
        for (i, title) in bar.titles.enumerated() {
            if i > 0 { left += displayWidth(of: bar.divider) }
            let width = displayWidth(of: " \(i + 1) \(title) ")
            if x >= left && x < left + width { return i + 1 }
            left += width
        }
        return nil
    }

    /// The row of a table drawn in `area` (header on its first line) under `y`, or nil.
    static func row(at y: Int, in area: Rect, state: ScrollState, count: Int) -> Int? {
        var state = state
        let visible = max(0, area.height - 1)
        state.scrollToSelection(visibleRows: visible, rowCount: count)   // as `Table.render` places it
        let line = y - area.y - 1
        guard line >= 0, line < visible, state.offset + line < count else { return nil }
        return state.offset + line
    }

    private static func clickList(_ tab: Tab, x: Int, y: Int, _ g: Geometry, _ model: inout Model) -> [Command] {
        var list = model[list: tab]
        if g.searchRow.contains(x: x, y: y) {
            return perform(.focusSearch, model.context, &model)
        }
        guard g.table.contains(x: x, y: y),
              let row = row(at: y, in: g.table, state: list.table, count: list.visible.count) else { return [] }
        let reopen = list.table.selected == row && list.focus == .table
        list.focus = .table
        list.table.selected = row
        list.table.scrollToSelection(visibleRows: g.tableRows, rowCount: list.visible.count)
        model[list: tab] = list
        return reopen ? perform(.open, model.context, &model) : []
    }

    /// A ranked row: selects it; on the selected row, opens its vacancy (Enter).
    private static func clickRanking(y: Int, _ model: inout Model) -> [Command] {
        guard var match = model.match, let count = match.data?.candidates.count else { return [] }
        let layout = MatchLayout(model)
        guard let row = row(at: y, in: layout.table, state: match.table, count: count) else { return [] }
        if match.table.selected == row { return perform(.open, .matches, &model) }
        match.table.selected = row
        match.detailScroll = 0
        match.table.scrollToSelection(visibleRows: layout.tableRows, rowCount: count)
        model.match = match
        return []
    }

    /// A dashboard panel with rows: the click focuses it and selects the row; on the selected row of the
    /// focused panel, opens it (Enter). The grid takes its clicks from the keyboard only.
    private static func clickDashboard(x: Int, y: Int, _ model: inout Model) -> [Command] {
        guard let d = model.index?.dashboard else { return [] }
        let layout = DashboardLayout(model)
        guard let panel = DashboardPanel.focusable.first(where: { $0 != .grid && layout.panels[$0.rawValue].contains(x: x, y: y) })
        else { return [] }
        let inner = Block(title: "").inner(layout.panels[panel.rawValue])
        guard let row = row(at: y, in: inner, state: model.dashboard.tables[panel.rawValue], count: d.count(panel)) else {
            model.dashboard.focus = panel
            return []
        }
        let reopen = model.dashboard.focus == panel && model.dashboard.tables[panel.rawValue].selected == row
        model.dashboard.focus = panel
        model.dashboard.tables[panel.rawValue].selected = row
        return reopen ? perform(.open, model.context, &model) : []
    }

    /// A click on a field of the filter panel moves to it; on the current field, it steps to the next
    /// value, as Space does.
    private static func clickFilterPanel(y: Int, _ model: inout Model) -> [Command] {
        guard let field = FilterPanelLayer.field(atRow: y, model), let panel = model.filterPanel else { return [] }
        if field == panel.cursor { return perform(.fieldNext, .filterPanel, &model) }
        model.filterPanel?.cursor = field
        model.typeAhead.reset()
        return []
    }

    private static func clickNotices(x: Int, y: Int, _ g: Geometry, _ model: inout Model) -> [Command] {
        let area = g.noticeTable
        let count = model.index?.work.noticeOrder.count ?? 0
        guard area.contains(x: x, y: y), let row = row(at: y, in: area, state: model.notices.table, count: count) else { return [] }
        if model.notices.table.selected == row { return perform(.open, model.context, &model) }
        model.notices.table.selected = row
        model.notices.table.scrollToSelection(visibleRows: area.height - 1, rowCount: count)
        return []
    }
}
