import Foundation
import PlacementCore
import TerminalUI

/// The Reports tab: every report panel for an area (the officer's authority, a regional partnership board,
/// or Wales) and a period, each figure beside the seed report's 2018-19 baseline. The runtime computes the
/// panels off the UI thread (`.runReports` → `.reportsReady`); `update` only stores the answer.
enum ReportsTab: TabScreen {
    static let tab = Tab.reports

    static func context(_ model: Model) -> KeyContext { .reports }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        guard context == .reports else { return nil }
        return [
            KeyBinding([.char("a")], .areaLevel, .keysReportsArea, hint: .keysAreaHint),
            KeyBinding([.right, .char("l")], .panelRight, .keysReportsNext, hint: .keysOtherHint, hintKey: "←→"),
            KeyBinding([.left, .char("h")], .panelLeft, .keysReportsPrevious),
            KeyBinding([.char("p")], .nextPeriod, .keysReportsPeriod, hint: .keysPeriodHint),
            KeyBinding([.char("r")], .recompute, .keysReportsRecompute, hint: .keysRefreshHint),
        ] + Keymap.scrollKeys
    }

    /// Tab 6 pressed: compute for the current choice unless that is already shown or on its way.
    static func opened(_ model: inout Model) -> [Command] {
        let query = model.reports.query(officerAuthority: model.authority, today: model.today)
        if model.reports.result.map({ ReportQuery(area: $0.area, period: $0.period) }) == query || model.reports.pending == query { return [] }
        return run(&model)
    }

    static func run(_ model: inout Model) -> [Command] {
        let query = model.reports.query(officerAuthority: model.authority, today: model.today)
        model.reports.pending = query
        model.reports.failure = nil
        return [.runReports(area: query.area, period: query.period)]
    }

    /// The runtime's answer: kept only if it is for what is chosen now (a quicker key press may have moved on).
    static func received(_ set: ReportSet, _ model: inout Model) {
        guard model.reports.pending == ReportQuery(area: set.area, period: set.period) else { return }
        let sameChoice = model.reports.result.map { $0.area == set.area && $0.period == set.period } ?? false
        model.reports.result = set
        model.reports.pending = nil
        if !sameChoice { model.reports.scroll = 0 }
        clampScroll(&model)
    }

    static func failed(_ reason: String, _ model: inout Model) {
        guard model.reports.pending != nil else { return }
        model.reports.pending = nil
        model.reports.failure = reason
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        let g = Geometry(model)
        let page = max(1, panelArea(g).height)
        switch action {
        case .areaLevel:
            model.reports.level = model.reports.level.next
            return run(&model)
        case .panelLeft, .panelRight:
            guard model.reports.step(action == .panelRight ? 1 : -1, officerAuthority: model.authority) else { return [] }
            return run(&model)
        case .nextPeriod:
            model.reports.periodChoice = (model.reports.periodChoice + 1) % ReportsScreen.periodChoices
            return run(&model)
        case .recompute:
            return run(&model)
        case .up: model.reports.scroll -= 1
        case .down: model.reports.scroll += 1
        case .pageUp: model.reports.scroll -= page
        case .pageDown: model.reports.scroll += page
        case .home: model.reports.scroll = 0
        case .end: model.reports.scroll = Int.max / 2
        default: return []
        }
        clampScroll(&model)
        return []
    }

    static func clampScroll(_ model: inout Model) {
        let query = model.reports.query(officerAuthority: model.authority, today: model.today)
        let lines = ReportLines.build(model.reports.shown(query), model.language).count
        let visible = panelArea(Geometry(model)).height
        model.reports.scroll = max(0, min(model.reports.scroll, lines - visible))
    }

    static func panelArea(_ g: Geometry) -> Rect {
        Rect(x: 0, y: g.body.y + 2, width: g.body.width, height: max(0, g.body.height - 2))
    }

    /// The area in the officer's language: an authority by its Welsh name in Welsh.
    static func areaLabel(_ area: ReportArea, _ l: Language) -> String { area.said(l) }

    static func periodLabel(_ period: ReportPeriod, _ l: Language) -> String {
        guard l == .cy else { return period.label }
        let range = ["start": period.start.iso, "end": period.end.iso]
        return switch period.kind {
        case .financialYear(let year):
            Message.screensReportsFinancialYear.text(l, range.merging(["years": "\(year)-" + String(format: "%02d", (year + 1) % 100)]) { a, _ in a })
        case .last12Months: Message.screensReportsLast12Months.text(l, range)
        case .today: Message.screensReportsToday.text(l, range)
        }
    }

    static func drawBody(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        let state = model.reports
        let l = model.language
        let query = state.query(officerAuthority: model.authority, today: model.today)
        let heading = " \(areaLabel(query.area, l)) │ \(periodLabel(query.period, l))"
        buffer.set(x: 0, y: g.body.y, string: heading, style: .header, maxWidth: g.body.width)
        let status: (String, Style) = if let failure = state.failure {
            (Message.screensReportsFailed.text(l, ["why": failure]), .warning)
        } else if state.pending != nil {
            (Message.screensReportsComputing.text(l), .muted)
        } else if state.result == nil {
            (Message.screensReportsNotYet.text(l), .muted)
        } else {
            (Message.screensReportsBaselineNote.text(l), .muted)
        }
        buffer.set(x: 1, y: g.body.y + 1, string: truncate(status.0, toWidth: g.body.width - 2), style: status.1)
        let area = panelArea(g)
        // The last figures stay on screen while they are recomputed, never under another area's or period's heading.
        let lines = ReportLines.build(state.shown(query), l)
        for (row, line) in lines.dropFirst(state.scroll).prefix(area.height).enumerated() {
            ReportLines.draw(line, in: area.row(row), l, &buffer)
        }
    }
}


/// What the runtime is asked to compute.
public struct ReportQuery: Sendable, Hashable {
    public var area: ReportArea
    public var period: ReportPeriod

    public init(area: ReportArea, period: ReportPeriod) {
        self.area = area
        self.period = period
    }
}

/// The Reports tab's own state.
public struct ReportsScreen: Sendable {
    public enum Level: Int, Sendable {
        case authority, board, wales
        var next: Level { Level(rawValue: (rawValue + 1) % 3)! }
    }

    public var level: Level = .authority
    /// Another authority than the officer's, chosen with ←/→; nil for the officer's own.
    public var authority: String?
    /// Another board than the officer's authority's, chosen with ←/→; nil for that one.
    public var board: PartnershipBoard?
    /// 0 the last 12 months, 1 this financial year, 2 last financial year, 3 today.
    public var periodChoice = 0
    public var scroll = 0
    public internal(set) var result: ReportSet?
    public internal(set) var pending: ReportQuery?
    public internal(set) var failure: String?

    static let periodChoices = 4

    public init() {}

    func query(officerAuthority: String, today: Day) -> ReportQuery {
        let area: ReportArea = switch level {
        // A commissioner for all Wales was added with Wales's code, not an authority's: their own area is Wales.
        case .authority: authority == nil && officerAuthority == ReportArea.walesCode ? .wales : .authority(authority ?? officerAuthority)
        case .board: .board(board ?? PartnershipBoard.of(officerAuthority) ?? .cardiffAndVale)
        case .wales: .wales
        }
        let year = ReportPeriod.financialYear(of: today)
        let kind: ReportPeriod.Kind = switch periodChoice {
        case 1: .financialYear(year)
        case 2: .financialYear(year - 1)
        case 3: .today
        default: .last12Months
        }
        return ReportQuery(area: area, period: ReportPeriod(kind, today: today))
    }

    /// The result, if it answers `query`.
    func shown(_ query: ReportQuery) -> ReportSet? {
        result.flatMap { ReportQuery(area: $0.area, period: $0.period) == query ? $0 : nil }
    }

    /// Moves to the next (or previous) authority or board, in code order; false for Wales.
    mutating func step(_ by: Int, officerAuthority: String) -> Bool {
        switch level {
        case .authority:
            let codes = Geography.wales.welshAuthorities.map(\.code)
            let at = codes.firstIndex(of: authority ?? officerAuthority) ?? 0
            authority = codes[(at + by + codes.count) % codes.count]
        case .board:
            let boards = PartnershipBoard.allCases
            let at = (board ?? PartnershipBoard.of(officerAuthority)).flatMap { boards.firstIndex(of: $0) } ?? 0
            board = boards[(at + by + boards.count) % boards.count]
        case .wales:
            return false
        }
        return true
    }
}

extension KeyContext {
    static let reports = KeyContext("reports", .tabReports)
}

extension Tab {
    public static let reports = Tab("Reports")
}
