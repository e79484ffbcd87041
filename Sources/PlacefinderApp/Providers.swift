import Foundation
import PlacementCore
import TerminalUI

func drawProviderList(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
    guard let data = model.data, let index = model.index else { return }
    let list = model.providers
    drawSearchRow(list, right: "sort: \(model.providerSort.label) (s) │ \(list.visible.count) of \(data.providers.count)",
                  placeholder: "search name, sector, regulator, registration, area", g, &buffer)
    let row = g.summaryRow
    buffer.set(x: row.x, y: row.y, string: truncate("Stability over the last 12 months: placements, breakdowns, endings at ≤ 24 h notice", toWidth: row.width), style: .muted)
    let ix = index.providers
    let wide = g.table.width >= 120
    let visible = list.visible
    var columns = [Column("Provider", width: .fill(1)), Column("Sector", width: .length(wide ? 15 : 8)),
                   Column(wide ? "Regulator · registration" : "Registration", width: .length(wide ? 24 : 15)),
                   Column("Authority", width: .length(wide ? 14 : 10)),
                   Column("Open", width: .length(4), alignment: .right),
                   Column(wide ? "Placements" : "Plc", width: .length(wide ? 10 : 3), alignment: .right),
                   Column(wide ? "Breakdowns" : "Brk", width: .length(wide ? 10 : 3), alignment: .right),
                   Column(wide ? "Same-day" : "≤24h", width: .length(wide ? 8 : 4), alignment: .right)]
    if wide { columns.insert(Column("Welsh", width: .length(12)), at: 2) }
    var table = Table(columns: columns, rowCount: visible.count) { position in
        let i = Int(visible[position])
        let p = data.providers[i]
        let s = ix.stability[i]
        var cells = [TableCell(p.name, style: s.shortNoticeEndings > 0 ? .urgent : nil),
                     TableCell(wide ? p.sector.label : p.sector.shortLabel),
                     TableCell(wide ? "\(p.regulator.rawValue) · \(p.registrationNumber)" : p.registrationNumber),
                     TableCell(ix.authorityName[i]),
                     TableCell(String(ix.openVacancies[i]), style: ix.openVacancies[i] > 0 ? .good : .muted),
                     TableCell(String(s.placements)),
                     TableCell(String(s.breakdowns), style: s.breakdowns > 0 ? .warning : nil),
                     TableCell(String(s.shortNoticeEndings), style: s.shortNoticeEndings > 0 ? .urgent : nil)]
        if wide { cells.insert(TableCell(p.welshLanguage.words, style: p.welshLanguage == .fluent ? .good : nil), at: 2) }
        return TableRow(cells)
    }
    table.emptyMessage = list.query.isEmpty ? "No providers in the store." : "No providers match. Esc clears the search."
    var state = list.table
    table.render(in: g.table, buffer: &buffer, state: &state)
}

extension Sector {
    var shortLabel: String {
        switch self {
        case .localAuthority: "council"
        case .private: "private"
        case .thirdSector: "3rd sect"
        }
    }
}

/// The provider page's vacancies, in page order.
func providerPageVacancies(_ model: Model) -> [Int] {
    guard let data = model.data, let open = model.providers.open, open < data.providers.count else { return [] }
    return model.index?.providers.vacancies[data.providers[open].id] ?? []
}

func performProviderPage(_ action: Action, _ model: inout Model) -> [Command] {
    let vacancies = providerPageVacancies(model)
    let rows = Geometry(model).pageText.height
    switch action {
    case .back:
        model.providers.open = nil
    case .open:
        guard !vacancies.isEmpty else { return [] }
        model.peek = .vacancy(vacancies[min(model.providers.pageSelection, vacancies.count - 1)])
        model.peekScroll = 0
    case .up, .down:
        guard !vacancies.isEmpty else { scrollPage(action, &model, rows: rows); return [] }
        let s = min(max(0, model.providers.pageSelection + (action == .up ? -1 : 1)), vacancies.count - 1)
        model.providers.pageSelection = s
        // Keep the chosen vacancy's row on screen.
        if let page = currentPage(model) {
            let laid = Pages.layout(page.items, width: Geometry(model).pageText.width)
            if let line = laid.firstIndex(where: { $0.tag == vacancies[s] }) {
                var scroll = model.providers.pageScroll
                if line < scroll { scroll = line }
                if line >= scroll + rows { scroll = line - rows + 1 }
                model.providers.pageScroll = scroll
            }
        }
    default:
        scrollPage(action, &model, rows: rows)
    }
    return []
}

extension Pages {
    static func providerTitle(_ model: Model, _ i: Int) -> String {
        guard let data = model.data, i < data.providers.count else { return "Provider" }
        return "Provider \(data.providers[i].id) · \(data.providers[i].name)"
    }

    static func provider(_ model: Model, _ i: Int) -> [PageItem] {
        guard let data = model.data, let index = model.index, i < data.providers.count else { return [] }
        let p = data.providers[i]
        let ix = index.providers
        let catalogue = NeedCatalogue.standard
        let today = model.today
        var out: [PageItem] = []
        out.append(field("Sector", "\(p.sector.label) · \(p.profitStatus == .forProfit ? "for profit" : "not for profit")"))
        out.append(field("Regulator", "\(p.regulator.rawValue) · registration \(p.registrationNumber)"))
        out.append(inspectionField(p, today: today))
        out.append(field("Where", "\(Geography.wales.authority(code: p.authorityCode)?.bilingualName ?? ix.authorityName[i]) · \(p.postcode)"))
        let contact = [p.contact.name, p.contact.phone, p.contact.email].filter { !$0.isEmpty }
        out.append(field("Contact", contact.isEmpty ? "none recorded" : contact.joined(separator: " · "), style: contact.isEmpty ? .muted : .normal))
        out.append(field("Welsh", p.welshLanguage.words, style: p.welshLanguage == .fluent ? .good : .normal))
        out.append(field("Can meet", p.capabilities.isEmpty ? "no specialist needs recorded" : p.capabilities.map { catalogue.name(of: $0) }.joined(separator: ", ")))
        let s = ix.stability[i]
        out.append(field("Stability", [Span(Format.plural(s.placements, "placement")), Span(" · "),
                    Span(Format.plural(s.breakdowns, "breakdown"), style: s.breakdowns > 0 ? .warning : .normal), Span(" · "),
                    Span(Format.plural(s.shortNoticeEndings, "ending") + " at ≤ 24 h notice", style: s.shortNoticeEndings > 0 ? .urgent : .normal),
                    Span(" (last 12 months)", style: .muted)]))

        out.append(blank)
        let vacancies = ix.vacancies[p.id] ?? []
        out.append(PageItem(spans: [Span("Vacancies (\(vacancies.count))", style: heading), Span(vacancies.isEmpty ? "" : "  ↑↓ choose · Enter opens", style: .muted)]))
        if vacancies.isEmpty { out.append(PageItem(spans: [Span("No vacancies recorded.", style: .muted)])) }
        for v in vacancies {
            let vac = data.vacancies[v]
            var spans = [Span(vac.id + "  "), Span(vac.setting.label), Span(" · ages \(Format.ages(vac.ageRange)) · \(Format.plural(vac.beds, "bed"))"),
                         Span(" · " + (vac.availableFrom <= today ? "now" : "from " + Format.short(vac.availableFrom))),
                         Span(" · " + Money.pounds(vac.weeklyFee) + "/wk"),
                         Span(" · " + vac.status.rawValue, style: vac.status == .open ? .good : .muted)]
            if let hold = vac.hold, vac.isHeld(at: model.now) {
                spans.append(Span(" by \(hold.officer) until \(Format.clock(hold.expiresAt))", style: .warning))
            }
            let days = vac.daysSinceConfirmed(now: model.now)
            if days > 7 { spans.append(Span(" · confirmed \(days)d ago", style: .warning)) }
            out.append(PageItem(spans: spans, indent: 2, tag: v))
        }

        out.append(blank)
        let history = (index.children.placementsByProvider[p.id] ?? []).map { data.placements[$0] }
        out.append(PageItem(spans: [Span("Placement history, latest ending first", style: heading)]))
        if history.isEmpty { out.append(PageItem(spans: [Span("No placements recorded.", style: .muted)])) }
        let theirs = data.notices.filter { $0.providerID == p.id && $0.kind == .placementEnding }
        for pl in history {
            let child = index.children.childByID[pl.childID].map { data.children[$0].initials } ?? pl.childID
            let dates = Format.long(pl.start) + " – " + (pl.actualEnd.map(Format.long) ?? "now")
            var spans = [Span(dates, style: Style(.normal, bold: true)), Span(" · \(pl.childID) \(child)")]
            spans += endingSpans(pl, notices: theirs)
            out.append(PageItem(spans: spans, indent: 2))
        }
        return out
    }
}

extension Tab {
    public static let providers = Tab("Providers")
}

extension KeyContext {
    static let providerList = KeyContext("providerList", "Providers")
    static let providerSearch = KeyContext("providerSearch", "Provider search", textEntry: true)
    static let providerPage = KeyContext("providerPage", "Provider page")
}

/// The providers: a searchable, sortable list and each provider's page with its vacancies.
enum ProvidersTab: TabScreen {
    static let tab = Tab.providers

    static func context(_ model: Model) -> KeyContext {
        if model.providers.open != nil { return .providerPage }
        return model.providers.focus == .search ? .providerSearch : .providerList
    }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        switch context {
        case .providerList:
            return [KeyBinding([.enter], .open, "open the provider's page", hint: "open")] + Keymap.moveKeys + [
                KeyBinding([.char("/")], .search, "search (type to narrow the list)", hint: "search"),
                KeyBinding([.tab], .focusSearch, "move focus to the search field"),
                KeyBinding([.char("s")], .sort, "next sort order", hint: "sort"),
                KeyBinding([.escape], .clearSearch, "clear the search"),
            ]
        case .providerSearch: return Keymap.searchKeys("providers")
        case .providerPage:
            return [
                KeyBinding([.escape, .backspace], .back, "back to the providers", hint: "back"),
                KeyBinding([.enter], .open, "open the chosen vacancy's details", hint: "open vacancy"),
                KeyBinding([.up, .char("k")], .up, "previous vacancy", hint: "vacancy", hintKey: "↑↓"),
                KeyBinding([.down, .char("j")], .down, "next vacancy"),
                KeyBinding([.pageUp], .pageUp, "page up"),
                KeyBinding([.pageDown], .pageDown, "page down"),
                KeyBinding([.home], .home, "top"),
                KeyBinding([.end], .end, "bottom"),
            ]
        default: return nil
        }
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        if context == .providerPage { return performProviderPage(action, &model) }
        switch action {
        case .open:
            if let s = model.providers.table.selected, s < model.providers.visible.count {
                model.providers.open = Int(model.providers.visible[s])
                model.providers.pageScroll = 0
                model.providers.pageSelection = 0
            }
        case .sort:
            // The selected row stays selected under the new order.
            let keep = model.selectedProvider?.id
            model.providerSort = model.providerSort.next
            refreshSearch(&model, .providers)
            let providers = model.data?.providers ?? []
            reselect(&model.providers, keep, rows: Geometry(model).tableRows) { providers[Int($0)].id }
        default:
            performListKeys(action, tab, &model)
        }
        return []
    }

    static func type(_ c: Character, _ context: KeyContext, _ model: inout Model) { editQuery(&model) { $0.append(c) } }

    static func drawBody(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let open = model.providers.open else { return drawProviderList(model, g, &buffer) }
        let vacancies = providerPageVacancies(model)
        let chosen = vacancies.isEmpty ? nil : vacancies[min(model.providers.pageSelection, vacancies.count - 1)]
        drawPage(model, title: Pages.providerTitle(model, open), Pages.provider(model, open), scroll: model.providers.pageScroll,
                 highlight: chosen, g, &buffer)
    }
}
