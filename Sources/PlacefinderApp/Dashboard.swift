import Foundation
import PlacementCore
import TerminalUI

/// The dashboard's panels, in Tab order.
public enum DashboardPanel: Int, CaseIterable, Sendable {
    case urgent, notices, grid, stale, holds, unstable, referrals

    var title: Message {
        switch self {
        case .urgent: .shellDashUrgentTitle
        case .notices: .shellDashNoticesTitle
        case .grid: .shellDashGridTitle
        case .stale: .shellDashStaleTitle
        case .holds: .shellDashHoldsTitle
        case .unstable: .shellDashUnstableTitle
        case .referrals: .shellDashReferralsTitle
        }
    }

    /// Panels with rows or cells to choose, in focus order.
    static let focusable: [DashboardPanel] = [.urgent, .notices, .grid, .stale, .holds, .unstable, .referrals]
}

public struct DashboardScreen: Sendable {
    public var focus: DashboardPanel = .urgent
    /// Selection per panel (`DashboardPanel.rawValue`).
    public var tables = [ScrollState](repeating: ScrollState(selected: 0), count: DashboardPanel.allCases.count)
    /// The grid's chosen locality tier (its setting row is `tables[grid]`).
    public var gridColumn = 0
    public init() {}

    mutating func clamp(_ index: DashboardIndex) {
        for panel in DashboardPanel.focusable {
            let n = index.count(panel)
            if n == 0 { tables[panel.rawValue] = ScrollState(selected: 0) }
            else if let s = tables[panel.rawValue].selected, s >= n { tables[panel.rawValue].selected = n - 1 }
        }
    }
}

extension DashboardIndex {
    func count(_ panel: DashboardPanel) -> Int {
        switch panel {
        case .urgent: urgent.count
        case .notices: todayNotices.count
        case .grid: gridRows.count
        case .stale: stale.count
        case .holds: holdsToday.count
        case .unstable: unstable.count
        case .referrals: referrals.count
        }
    }
}

/// What a dashboard row points at.
enum DashboardRow: Equatable {
    case child(Int), vacancy(Int), notice(Int), referral(ReferralQueue.Waiting)
}

func dashboardRow(_ model: Model) -> DashboardRow? {
    guard let d = model.index?.dashboard else { return nil }
    let panel = model.dashboard.focus
    guard let s = model.dashboard.tables[panel.rawValue].selected, s < d.count(panel) else { return nil }
    switch panel {
    case .urgent: return .child(d.urgent[s])
    case .notices: return .notice(d.todayNotices[s])
    case .stale: return .vacancy(d.stale[s])
    case .holds: return .vacancy(d.holdsToday[s])
    case .unstable: return .child(d.unstable[s])
    case .referrals: return .referral(d.referrals[s])
    case .grid: return nil
    }
}

/// The seven panels: three on the left, four on the right (referrals under today's notices).
struct DashboardLayout {
    let panels: [Rect]   // by DashboardPanel.rawValue
    init(_ model: Model) {
        let body = Geometry(model).body
        let cols = body.splitColumns([.fill(1), .fill(1)], spacing: 1)
        let left = cols[0].splitRows([.fill(1), .fill(1), .fill(1)])
        let right = cols[1].splitRows([.fill(1), .fill(1), .fill(1), .fill(1)])
        // urgent | notices, referrals; grid | stale; holds | unstable.
        panels = [left[0], right[0], left[1], right[2], left[2], right[3], right[1]]
    }
    func rows(_ panel: DashboardPanel) -> Int { max(1, panels[panel.rawValue].height - 2) }
}

func performDashboard(_ action: Action, _ model: inout Model) -> [Command] {
    guard let index = model.index else { return [] }
    let focusable = DashboardPanel.focusable
    let position = focusable.firstIndex(of: model.dashboard.focus) ?? 0
    switch action {
    case .nextPanel: model.dashboard.focus = focusable[(position + 1) % focusable.count]
    case .previousPanel: model.dashboard.focus = focusable[(position + focusable.count - 1) % focusable.count]
    case .panelLeft, .panelRight:
        // Columns: left holds urgent, grid, holds; right holds notices, stale, unstable.
        let pairs: [DashboardPanel: DashboardPanel] = [.urgent: .notices, .notices: .urgent, .referrals: .urgent, .stale: .grid,
                                                       .holds: .unstable, .unstable: .holds]
        if let other = pairs[model.dashboard.focus] { model.dashboard.focus = other }
    case .up, .down, .pageUp, .pageDown, .home, .end:
        let panel = model.dashboard.focus
        move(&model.dashboard.tables[panel.rawValue], action, rows: DashboardLayout(model).rows(panel), count: index.dashboard.count(panel))
    case .open:
        guard let row = dashboardRow(model), let data = model.data else { return [] }
        switch row {
        case .child(let i):
            return ChildPageGate.request(data.children[i].id, .peek, &model)
        case .vacancy(let i):
            model.peek = .vacancy(i)
            model.peekScroll = 0
        case .referral(let waiting):
            ReferralResponseLayer.open(waiting, &model)
        case .notice(let n):
            let notice = data.notices[n]
            if let id = notice.childID, index.children.childByID[id] != nil {
                return ChildPageGate.request(id, .peek, &model)
            }
            if let id = notice.vacancyID, let i = data.vacancies.firstIndex(where: { $0.id == id }) {
                model.peek = .vacancy(i)
                model.peekScroll = 0
            }
        }
    default: break
    }
    return []
}

/// The dashboard's "Time left" for a child (`TimeLeft`): from the provider's notice when one gave an ending time.
func timeLeft(_ child: Child, _ model: Model) -> (text: String, style: Style?) {
    let left = TimeLeft.of(child, ending: model.index?.work.endingByChild[child.id], now: model.now)
    let style: Style? = left.isPressing ? .urgent : (left == .days(0) ? nil : .warning)
    return (Format.timeLeft(left, today: model.today, model.language), style)
}

func drawDashboard(_ model: Model, _ buffer: inout Buffer) {
    guard let data = model.data, let index = model.index else { return }
    let d = index.dashboard
    let layout = DashboardLayout(model)
    let language = model.language
    let t: (Message) -> String = { $0.text(language) }
    let providerName: (String) -> String = { id in index.providers.byID[id].map { data.providers[$0].name } ?? id }

    for panel in DashboardPanel.allCases {
        let area = layout.panels[panel.rawValue]
        let focused = panel == model.dashboard.focus
        let count = panel == .grid ? d.grid.joined().reduce(0, +) : d.count(panel)
        let block = Block(title: "\(t(panel.title)) (\(count))", borderStyle: focused ? .accent : .muted)
        block.render(in: area, buffer: &buffer)
        let inner = block.inner(area)
        var state = model.dashboard.tables[panel.rawValue]
        if !focused { state.selected = nil }
        func list(_ n: Int, empty: String, _ row: @escaping (Int) -> TableRow, columns: [Column]) {
            var table = Table(columns: columns, rowCount: n, row: row)
            table.emptyMessage = empty
            table.headerStyle = .muted
            table.render(in: inner, buffer: &buffer, state: &state)
        }
        switch panel {
        case .urgent:
            list(d.urgent.count, empty: t(data.childRecordsHidden ? .regionalChildrenCommissioner : .shellDashUrgentEmpty), { r in
                let c = data.children[d.urgent[r]]
                let left = timeLeft(c, model)
                return TableRow([TableCell(c.id), TableCell(c.initials),
                                 TableCell(t(c.status == .noticeReceived ? .shellDashUrgentNotice : .shellDashUrgentNeeds)),
                                 TableCell(left.text, style: left.style)])
            }, columns: [Column(t(.shellDashColChild), width: .length(6)), Column(t(.shellDashColInitials), width: .length(4)),
                         Column(t(.shellDashColStatus), width: .fill(1)), Column(t(.shellDashColTimeLeft), width: .length(17))])
        case .notices:
            // Welsh "un dydd (4 awr)" is a column wider than "same-day (4 h)".
            let noticeWidth = inner.width >= 50 ? (language == .cy ? 15 : 14) : 8
            list(d.todayNotices.count, empty: t(.shellDashNoticesEmpty), { r in
                let n = data.notices[d.todayNotices[r]]
                let child = n.childID.flatMap { index.children.childByID[$0] }.map { data.children[$0].initials } ?? ""
                let notice = n.kind == .placementEnding ? Format.notice(n.noticeLength, compact: inner.width < 50, language) : (text: "", short: false)
                return TableRow([TableCell(Format.clock(n.receivedAt)), TableCell(providerName(n.providerID)),
                                 TableCell(n.kind.shortLabel(language) + (child.isEmpty ? "" : " " + child)),
                                 TableCell(notice.text)],
                                style: notice.short ? .urgent : nil)
            }, columns: [Column(t(.shellDashColAt), width: .length(5)), Column(t(.shellDashColProvider), width: .fill(1)),
                         Column(t(.shellDashColKind), width: .length(inner.width >= 50 ? 15 : 11)),
                         Column(t(.shellDashColNotice), width: .length(noticeWidth))])
        case .grid:
            DashboardGrid.draw(model, d.grid, in: inner, focused: focused, &buffer)
        case .stale:
            list(d.stale.count, empty: t(.shellDashStaleEmpty), { r in
                let v = data.vacancies[d.stale[r]]
                return TableRow([TableCell(v.id), TableCell(providerName(v.providerID)), TableCell(v.setting.shortLabel(language)),
                                 TableCell(Message.shellDaysShort.text(language, ["count": String(v.daysSinceConfirmed(now: model.now))]),
                                           style: .warning)])
            }, columns: [Column(t(.shellDashColVacancy), width: .length(7)), Column(t(.shellDashColProvider), width: .fill(1)),
                         Column(t(.shellDashColSetting), width: .length(9)), Column(t(.shellDashColConfirmed), width: .length(4), alignment: .right)])
        case .holds:
            list(d.holdsToday.count, empty: t(.shellDashHoldsEmpty), { r in
                let v = data.vacancies[d.holdsToday[r]]
                let hold = v.hold!
                let child = index.children.childByID[hold.childID].map { data.children[$0].initials } ?? hold.childID
                return TableRow([TableCell(v.id), TableCell(hold.officer), TableCell(child), TableCell(Format.clock(hold.expiresAt), style: .warning)])
            }, columns: [Column(t(.shellDashColVacancy), width: .length(7)), Column(t(.shellDashColHeldBy), width: .fill(1)),
                         Column(t(.shellDashColHoldChild), width: .length(5)), Column(t(.shellDashColUntil), width: .length(5))])
        case .referrals:
            drawReferralsPanel(model, d.referrals, in: inner, state: &state, &buffer)
        case .unstable:
            let rows = index.children.rows
            let rowOf = Dictionary(uniqueKeysWithValues: rows.map { ($0.index, $0) })
            list(d.unstable.count, empty: t(data.childRecordsHidden ? .regionalChildrenCommissioner : .shellDashUnstableEmpty), { r in
                let row = rowOf[d.unstable[r]]!
                return TableRow([TableCell(row.id), TableCell(row.initials), TableCell(row.status.shortLabel(language)),
                                 TableCell(String(row.recentPlacements), style: .urgent)])
            }, columns: [Column(t(.shellDashColChild), width: .length(6)), Column(t(.shellDashColInitials), width: .length(4)),
                         Column(t(.shellDashColStatus), width: .fill(1)), Column(t(.shellDashColTwelveMonths), width: .length(language == .cy ? 6 : 5), alignment: .right)])
        }
    }
    drawDueCallBacks(model, in: layout.panels[DashboardPanel.notices.rawValue], &buffer)
}

extension Tab {
    public static let dashboard = Tab("Dashboard")
}

extension KeyContext {
    static let dashboard = KeyContext("dashboard", .tabDashboard)
}

/// The first tab: today's work in six panels.
enum DashboardTab: TabScreen {
    static let tab = Tab.dashboard
    static func context(_ model: Model) -> KeyContext { model.dashboard.focus == .grid ? .dashboardGrid : .dashboard }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        if context == .dashboardGrid { return DashboardGrid.bindings }
        guard context == .dashboard else { return nil }
        return [
            KeyBinding([.enter], .open, .shellKeyDashOpen, hint: .shellKeyOpenHint),
            KeyBinding([.tab], .nextPanel, .shellKeyPanelNext, hint: .shellKeyPanelHint, hintKey: "Tab"),
            KeyBinding([.backTab], .previousPanel, .shellKeyPanelPrevious),
            KeyBinding([.left, .char("h")], .panelLeft, .shellKeyPanelLeft),
            KeyBinding([.right, .char("l")], .panelRight, .shellKeyPanelRight),
            KeyBinding([.char("m")], .runMatch, .shellKeyDashMatch, hint: .shellKeyMatchHint),
        ] + Keymap.moveKeys
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        context == .dashboardGrid ? DashboardGrid.perform(action, &model) : performDashboard(action, &model)
    }

    static func drawBody(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        drawDashboard(model, &buffer)
    }
}
