import Foundation
import PlacementCore
import TerminalUI

// The dashboard's "open vacancies by locality" grid as a panel you can move in: settings down, locality
// tiers across. Enter opens the Vacancies tab filtered to the cell, with the filters on show to change.

extension KeyContext {
    static let dashboardGrid = KeyContext("dashboardGrid", .shellContextDashboardGrid)
}

extension DashboardIndex {
    /// The grid's rows: settings (`Setting.allCases` positions) with at least one open vacancy.
    var gridRows: [Int] { grid.indices.filter { grid[$0].reduce(0, +) > 0 } }
}

enum DashboardGrid {
    static let tiers = LocalityTier.allCases

    static var bindings: [KeyBinding] {
        [
            KeyBinding([.enter], .open, .shellKeyGridOpen, hint: .shellKeyOpenHint),
            KeyBinding([.tab], .nextPanel, .shellKeyPanelNext, hint: .shellKeyPanelHint, hintKey: "Tab"),
            KeyBinding([.backTab], .previousPanel, .shellKeyPanelPrevious),
            KeyBinding([.up, .char("k")], .up, .shellKeyGridSettingAbove, hint: .shellKeyCellHint, hintKey: "↑↓←→"),
            KeyBinding([.down, .char("j")], .down, .shellKeyGridSettingBelow),
            KeyBinding([.left, .char("h")], .panelLeft, .shellKeyGridTierLeft),
            KeyBinding([.right, .char("l")], .panelRight, .shellKeyGridTierRight),
            KeyBinding([.pageUp], .pageUp, .shellKeyPageUp),
            KeyBinding([.pageDown], .pageDown, .shellKeyPageDown),
            KeyBinding([.home], .home, .shellKeyGridFirstSetting),
            KeyBinding([.end], .end, .shellKeyGridLastSetting),
        ]
    }

    /// Rows of settings the panel shows at once (under its header line).
    static func visibleRows(_ model: Model) -> Int { max(1, DashboardLayout(model).rows(.grid) - 1) }

    static func perform(_ action: Action, _ model: inout Model) -> [Command] {
        guard let index = model.index else { return [] }
        let count = index.dashboard.gridRows.count
        var state = model.dashboard.tables[DashboardPanel.grid.rawValue]
        switch action {
        case .panelLeft: model.dashboard.gridColumn = max(0, model.dashboard.gridColumn - 1)
        case .panelRight: model.dashboard.gridColumn = min(tiers.count - 1, model.dashboard.gridColumn + 1)
        case .up, .down, .pageUp, .pageDown, .home, .end:
            move(&state, action, rows: visibleRows(model), count: count)
            state.scrollToSelection(visibleRows: visibleRows(model), rowCount: count)
            model.dashboard.tables[DashboardPanel.grid.rawValue] = state
        case .open:
            openCell(&model)
        default:
            return performDashboard(action, &model)
        }
        return []
    }

    /// The cell's setting and tier, if the grid has rows.
    static func cell(_ model: Model) -> (setting: Int, tier: Int)? {
        guard let rows = model.index?.dashboard.gridRows, let s = model.dashboard.tables[DashboardPanel.grid.rawValue].selected,
              s < rows.count else { return nil }
        return (rows[s], min(model.dashboard.gridColumn, tiers.count - 1))
    }

    /// The Vacancies tab with exactly this cell's filters (open vacancies of the setting in the tier), the
    /// search cleared so the list is the cell's count. The filters line shows them; `f` changes them.
    static func openCell(_ model: inout Model) {
        guard let (setting, tier) = cell(model) else { return }
        var filters = Array(repeating: 0, count: VacancyFilter.fields.count)
        filters[VacancyFilter.setting.rawValue] = setting + 1
        filters[VacancyFilter.locality.rawValue] = tier + 1
        filters[VacancyFilter.statuses.rawValue] = 2   // open only, as the grid counts
        model.tab = .vacancies
        model.vacancies.filters = filters
        model.vacancies.query = ""
        model.vacancies.focus = .table
        model.vacancies.open = nil
        model.vacancies.table = ScrollState(selected: 0)
        refreshFilters(&model, .vacancies)
    }

    static func draw(_ model: Model, _ grid: [[Int]], in area: Rect, focused: Bool, _ buffer: inout Buffer) {
        let labelWidth = 10
        let cell = max(4, min(8, (area.width - labelWidth) / tiers.count))
        let language = model.language
        // One message per width: the six tiers' heads in ladder order, separated by "|".
        let headers = (cell >= 7 ? Message.shellGridTiersWide : .shellGridTiersNarrow).text(language).split(separator: "|").map(String.init)
        let chosen = focused ? DashboardGrid.cell(model) : nil
        buffer.set(x: area.x, y: area.y, string: Message.shellGridSetting.text(language), style: .muted)
        for (t, h) in headers.enumerated() {
            let text = truncate(h, toWidth: cell - 1)
            let style: Style = chosen?.tier == t ? Style(.accent, bold: true) : .muted
            buffer.set(x: area.x + labelWidth + t * cell + (cell - 1 - displayWidth(of: text)), y: area.y, string: text, style: style)
        }
        let rows = grid.indices.filter { grid[$0].reduce(0, +) > 0 }
        if rows.isEmpty {
            buffer.set(x: area.x, y: area.y + 1, string: truncate(Message.shellGridEmpty.text(language), toWidth: area.width), style: .muted)
            return
        }
        let shown = max(0, area.height - 1)
        // Kept in view here too: a resize since the last key may have shrunk the panel.
        var state = model.dashboard.tables[DashboardPanel.grid.rawValue]
        state.scrollToSelection(visibleRows: max(1, shown), rowCount: rows.count)
        let offset = min(state.offset, max(0, rows.count - shown))
        for (n, s) in rows.dropFirst(offset).prefix(shown).enumerated() {
            let y = area.y + 1 + n
            let rowChosen = chosen?.setting == s
            buffer.set(x: area.x, y: y, string: truncate(Setting.allCases[s].shortLabel(language), toWidth: labelWidth - 1),
                       style: rowChosen ? Style(.accent, bold: true) : .normal)
            for t in tiers.indices {
                let v = grid[s][t]
                let text = v == 0 ? "·" : String(v)
                let x = area.x + labelWidth + t * cell
                if rowChosen && chosen?.tier == t {
                    buffer.setStyle(Rect(x: x, y: y, width: cell - 1, height: 1), .selected)
                    buffer.set(x: x + (cell - 1 - displayWidth(of: text)), y: y, string: text, style: .selected)
                } else {
                    buffer.set(x: x + (cell - 1 - displayWidth(of: text)), y: y, string: text,
                               style: v == 0 ? .muted : (t == 0 ? .good : .normal))
                }
            }
        }
        // More settings than fit: say which are shown, on the panel's bottom border.
        if rows.count > shown, shown > 0 {
            let marker = " " + Message.shellRowsShown.text(language, ["from": String(offset + 1), "to": String(offset + min(shown, rows.count - offset)),
                                                                        "count": String(rows.count)]) + " "
            buffer.set(x: area.right - displayWidth(of: marker), y: area.bottom, string: marker, style: .muted)
        }
    }
}
