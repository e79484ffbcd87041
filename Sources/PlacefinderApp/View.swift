import Foundation
import PlacementCore
import TerminalUI

/// Draws the whole screen for `model`. Pure: the same model always gives the same buffer.
public func view(_ model: Model) -> Buffer {
    var buffer = Buffer(area: Rect(width: model.width, height: model.height))
    guard !model.isTooSmall else {
        let text = Message.shellTooSmall.text(model.language, ["size": "\(Model.minimumWidth)×\(Model.minimumHeight)"])
        let shown = truncate(text, toWidth: model.width)
        let area = buffer.area.centred(width: displayWidth(of: shown), height: 1)
        buffer.set(x: area.x, y: area.y, string: shown, style: .warning)
        return buffer
    }
    let g = Geometry(model)
    drawTopBar(model, g, &buffer)
    tabBar(model).render(in: g.tabs, buffer: &buffer)
    let open = Screens.layers.filter { $0.isOpen(model) }
    if model.data == nil {
        centred((model.status == nil ? Message.shellLoading : .shellLoadFailedBody).text(model.language), in: g.body, style: .muted, &buffer)
    } else if let cover = open.first(where: { $0.coversBody }) {
        cover.drawBody(model, g, &buffer)
    } else {
        Screens.screen(for: model.tab).drawBody(model, g, &buffer)
    }
    drawHints(model, g, &buffer)
    for layer in open.reversed() { layer.drawOver(model, g, &buffer) }
    return buffer
}

func centred(_ text: String, in area: Rect, style: Style, _ buffer: inout Buffer) {
    let shown = truncate(text, toWidth: area.width)
    let r = area.centred(width: displayWidth(of: shown), height: 1)
    buffer.set(x: r.x, y: r.y, string: shown, style: style)
}

/// The tab bar: every tab's name in the officer's language. Where the names are too wide for the bar (Welsh
/// at 80 columns) the dividers go first, then the names with a short form are shortened.
func tabBar(_ model: Model) -> Tabs {
    let selected = Screens.tabs.firstIndex { $0.tab == model.tab } ?? 0
    let full = Tab.allCases.map { $0.name(model.language) }
    var tabs = Tabs(full, selected: selected)
    let width: ([String], Int) -> Int = { titles, divider in
        titles.enumerated().reduce(0) { $0 + displayWidth(of: " \($1.offset + 1) \($1.element) ") } + divider * (titles.count - 1)
    }
    guard width(full, 1) > model.width else { return tabs }
    tabs.divider = ""
    if width(full, 0) > model.width { tabs.titles = Tab.allCases.map { $0.shortName(model.language) } }
    return tabs
}

/// The authority as the top bar names it: Welsh first where both fit ("Caerdydd / Cardiff", in either
/// language, as the Welsh Language Standards place bilingual text); else its name in the officer's language.
func authorityName(_ model: Model, bilingual: Bool) -> String {
    guard let authority = Geography.wales.authority(code: model.authority) else { return model.authority }
    guard let welsh = authority.welshName, welsh != authority.name else { return authority.name }
    if bilingual { return "\(welsh) / \(authority.name)" }
    return model.language == .cy ? welsh : authority.name
}

func drawTopBar(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
    let name = authorityName(model, bilingual: model.width >= 100)
    var right: [String] = []
    if let data = model.data, let index = model.index {
        let wide = model.width >= 100
        let language = model.language
        let urgent = data.urgentCount, open = index.openVacancies
        right.append((wide ? (urgent == 1 ? Message.shellTopUrgentOne : .shellTopUrgentMany) : .shellTopUrgentNarrow)
            .text(language, ["count": String(urgent)]))
        right.append((wide ? (open == 1 ? Message.shellTopOpenOne : .shellTopOpenMany) : .shellTopOpenNarrow)
            .text(language, ["count": String(open)]))
    }
    right.append(Format.clock(model.now))
    StatusBar(left: " Placefinder │ \(name) │ \(model.officer)", centre: "",
              right: right.joined(separator: " │ ") + " ").render(in: g.topBar, buffer: &buffer)
}

/// The bottom line: the outcome of the last action, where the eye goes after a key, then the screen's key
/// hints; `? help` and `q quit` always keep their place at the right end (a long status is shortened first).
func drawHints(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
    let language = model.language
    let bindings = Keymap.bindings(for: model.context).filter { $0.hintWording != nil && !(model.status != nil && $0.action == .switchLanguage) }
    // The language key, help and quit keep their places at the right end, the language first; while a status
    // line shows, the language hint gives way so the outcome fits whole at 80 columns (the key still works).
    let endOrder: [Action] = model.status == nil ? [.switchLanguage, .help, .quit] : [.help, .quit]
    let isEnd: (KeyBinding) -> Bool = { endOrder.contains($0.action) }
    let ends = bindings.filter(isEnd).sorted { endOrder.firstIndex(of: $0.action)! < endOrder.firstIndex(of: $1.action)! }
        .map { (key: $0.hintKey, label: $0.hintText(language)!) }
    let local = bindings.filter { !isEnd($0) }.map { (key: $0.hintKey, label: $0.hintText(language)!) }
    let endBar = KeyHintBar(ends)
    let endWidth = ends.isEmpty ? 0 : ends.reduce(0) { $0 + displayWidth(of: $1.key) + 1 + displayWidth(of: $1.label) } + 2 * (ends.count - 1)
    var area = Rect(x: g.hints.x, y: g.hints.y, width: max(0, g.hints.width - endWidth - (ends.isEmpty ? 0 : 2)), height: 1)
    if let status = model.status {
        let shown = truncate(status, toWidth: max(0, area.width - 3))
        let end = buffer.set(x: area.x, y: area.y, string: shown + " │ ", style: Style(.accent, bold: true), maxWidth: area.width)
        area = Rect(x: end, y: area.y, width: max(0, area.x + area.width - end), height: 1)
    }
    KeyHintBar(local).render(in: area, buffer: &buffer)
    if !ends.isEmpty {
        endBar.render(in: Rect(x: g.hints.right - endWidth, y: g.hints.y, width: endWidth, height: 1), buffer: &buffer)
    }
}

// MARK: - Lists

/// The search line: the field on the left, sort and counts on the right.
func drawSearchRow(_ list: ListScreen, right: String, placeholder: String, _ l: Language = .en, _ g: Geometry, _ buffer: inout Buffer) {
    let rightWidth = displayWidth(of: right)
    let parts = g.searchRow.splitColumns([.fill(1), .length(rightWidth)], spacing: 2)
    let focused = list.focus == .search
    if list.query.isEmpty && !focused {
        buffer.set(x: parts[0].x, y: parts[0].y, spans: [Span("/", style: Style(.accent, bold: true)), Span(" " + placeholder, style: .muted)], maxWidth: parts[0].width)
    } else {
        FormField(label: Message.screensSearchLabel.text(l), value: list.query, cursor: focused ? list.query.count : nil, focused: focused)
            .render(in: parts[0], buffer: &buffer)
    }
    buffer.set(x: parts[1].x, y: parts[1].y, string: right, style: .muted)
}

func drawSummary(_ parts: [String], none: String, _ l: Language = .en, _ g: Geometry, _ buffer: inout Buffer) {
    let row = g.summaryRow
    if parts.isEmpty {
        buffer.set(x: row.x, y: row.y, string: truncate(none, toWidth: row.width), style: .muted)
    } else {
        let x = buffer.set(x: row.x, y: row.y, string: Message.screensFiltersLabel.text(l), style: Style(.accent, bold: true))
        buffer.set(x: x, y: row.y, string: truncate(parts.joined(separator: " · "), toWidth: row.right - x), style: .accent)
    }
}

func drawVacancyList(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
    guard let data = model.data, let index = model.index else { return }
    let l = model.language
    let list = model.vacancies
    drawSearchRow(list, right: Message.screensListSortCount.text(l, ["sort": model.sort.screenLabel(l), "shown": String(list.visible.count),
                                                                    "total": String(data.vacancies.count)]),
                  placeholder: model.width >= 100 ? Message.screensVacanciesSearch.text(l) : Message.screensVacanciesSearchShort.text(l), l, g, &buffer)
    var summary = VacancyFilter.summary(list.filters, today: model.today, l)
    if !summary.isEmpty, list.filters[VacancyFilter.statuses.rawValue] == 0 { summary.insert(Message.screensFilterOpenAndHeld.text(l), at: 0) }
    if data.historyPending, list.filters[VacancyFilter.statuses.rawValue] == 1 { summary.append(Message.screensHistoryLoadingVacancies.text(l)) }
    drawSummary(summary, none: Message.screensVacanciesNoFilters.text(l), l, g, &buffer)
    let source = VacancyRowSource(data: data, index: index.vacancies, visible: list.visible, now: model.now,
                                  today: model.today, width: g.table.width, language: l)
    var table = Table(columns: source.columns, source: source)
    table.emptyMessage = list.query.isEmpty && !list.hasFilters ? Message.screensVacanciesNone.text(l) : Message.screensVacanciesNoMatch.text(l)
    var state = list.table
    table.render(in: g.table, buffer: &buffer, state: &state)
}

/// Vacancy rows formatted on demand: only the rows on screen are ever built.
struct VacancyRowSource: TableRowSource {
    enum Width { case narrow, medium, wide }
    let data: AppData
    let index: VacancyIndex
    let visible: [Int32]
    let now: Date
    let today: Day
    let layout: Width
    let language: Language

    init(data: AppData, index: VacancyIndex, visible: [Int32], now: Date, today: Day, width: Int, language: Language = .en) {
        self.data = data; self.index = index; self.visible = visible; self.now = now; self.today = today; self.language = language
        layout = width >= 128 ? .wide : width >= 100 ? .medium : .narrow
    }

    var columns: [Column] {
        let wide = layout == .wide
        let narrow = layout == .narrow
        // At 80 columns every row keeps its id and a readable provider name: the locality tier (a filter
        // and a sort) and the sibling limit give way; the detail page has both.
        let l = language
        // Welsh short months run to four letters ("30 Tach"): the date column is one wider in Welsh.
        let dateWidth = l == .cy ? 7 : 6
        var cols: [Column] = [
            Column(Message.screensColId.text(l), width: .length(max(2, index.idWidth))),
            Column(Message.screensColProvider.text(l), width: .fill(1)),
            Column(wide ? Message.screensColSetting.text(l) : Message.screensColSettingShort.text(l), width: .length(wide ? Self.settingWidth : 9)),
            Column(Message.screensColAuthority.text(l), width: .length(wide ? 17 : 12)),
        ]
        if !narrow { cols.append(Column(Message.screensColLocality.text(l), width: .length(wide ? 20 : 9))) }
        cols += [
            Column(narrow ? Message.screensColBedsShort.text(l) : Message.screensColBeds.text(l), width: .length(narrow ? 2 : 4), alignment: .right),
            Column(Message.screensColAges.text(l), width: .length(5)),
        ]
        if !narrow {
            cols += [Column(Message.screensColSiblings.text(l), width: .length(l == .cy ? 4 : 3), alignment: .right),
                     Column(Message.screensColNeedsMet.text(l), width: .length(wide ? 16 : 12))]
        }
        cols += [
            Column(Message.screensColFrom.text(l), width: .length(dateWidth)),
            Column(Message.screensColFee.text(l), width: .length(6), alignment: .right),
            Column(Message.screensColConfirmed.text(l), width: .length(4), alignment: .right),
        ]
        return cols
    }

    var count: Int { visible.count }

    static let settingWidth = 18

    /// The setting in words, or its short form where the words are wider than the column (the glossary's
    /// "gofalwr sy'n berthynas"), so no setting is cut short and the provider keeps its width.
    static func setting(_ setting: Setting, _ l: Language) -> String {
        let words = setting.label(l)
        return displayWidth(of: words) <= settingWidth ? words : setting.shortLabel(l)
    }

    func row(at position: Int) -> TableRow {
        let i = Int(visible[position])
        let v = data.vacancies[i]
        let pi = Int(index.providerIndex[i])
        let provider = pi >= 0 ? data.providers[pi].name : v.providerID
        let tier = LocalityTier(rawValue: Int(index.tier[i])) ?? .outsideEnglandAndWales
        let narrow = layout != .wide
        let days = v.daysSinceConfirmed(now: now)
        let l = language
        let mark = v.status == .filled || v.status == .withdrawn ? "✗ " : v.isHeld(at: now) ? Message.screensHeldMark.text(l) : ""
        var cells: [TableCell] = [
            TableCell(v.id),
            TableCell(mark + provider),
            TableCell(narrow ? v.setting.shortLabel(l) : Self.setting(v.setting, l)),
            TableCell(l == .cy ? ScreenWords.authority(index.authorityCode[i], fallback: index.authorityName[i], l) : index.authorityName[i]),
        ]
        if layout != .narrow { cells.append(TableCell(narrow ? tier.shortLabel(l) : tier.label(l), style: tier == .inCounty ? .good : nil)) }
        cells += [
            TableCell(String(v.beds)),
            TableCell(Format.ages(v.ageRange)),
        ]
        if layout != .narrow {
            cells += [TableCell(String(v.maxSiblingGroup)),
                      TableCell(NeedCatalogue.standard.codes(in: NeedSet(bits: index.capBits[i])).joined(separator: " "))]
        }
        cells += [
            v.availableFrom <= today ? TableCell(Message.screensNow.text(l), style: .good) : TableCell(Format.short(v.availableFrom, l)),
            TableCell(Money.pounds(v.weeklyFee)),
            TableCell(Message.shellDaysShort.text(language, ["count": String(days)]), style: days > 7 ? .warning : nil),
        ]
        let muted = v.status != .open
        return TableRow(cells, style: muted ? .muted : nil)
    }
}

func drawChildList(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
    guard let data = model.data, let index = model.index else { return }
    let l = model.language
    if data.childRecordsHidden {
        // A commissioner: no list to search, and no "0 children" that would read as an empty store.
        buffer.set(x: 1, y: g.body.y + 1, string: Message.regionalChildrenCommissioner.text(l), style: .header, maxWidth: g.body.width - 2)
        buffer.set(x: 1, y: g.body.y + 2, string: Message.regionalChildrenCommissionerReports.text(l), style: .muted, maxWidth: g.body.width - 2)
        return
    }
    let list = model.children
    drawSearchRow(list, right: Message.screensChildrenCount.text(l, ["shown": String(list.visible.count), "total": String(data.children.count)]),
                  placeholder: Message.screensChildrenSearch.text(l), l, g, &buffer)
    drawSummary(ChildFilter.summary(list.filters, l), none: Message.screensChildrenNoFilters.text(l), l, g, &buffer)
    let rows = index.children.rows
    let visible = list.visible
    let wide = g.table.width >= 100
    let columns = [
        Column(Message.screensColId.text(l), width: .length(wide ? 10 : 8)),
        Column(Message.screensColInitials.text(l), width: .length(8)),
        Column(Message.screensColAge.text(l), width: .length(3), alignment: .right),
        Column(Message.screensColHomeAuthority.text(l), width: .fill(1)),
        Column(Message.screensColStatus.text(l), width: .length(16)),
        Column(Message.screensColNeeded.text(l), width: .length(10)),
        Column(wide ? Message.screensColRecentPlacements.text(l) : Message.screensColRecentPlacementsShort.text(l), width: .length(wide ? 16 : 10), alignment: .right),
    ]
    var table = Table(columns: columns, rowCount: visible.count) { position in
        let r = rows[Int(visible[position])]
        let needed: String = switch r.needed {
        case nil: ""
        case .emergency?: Message.screensEmergency.text(l)
        case .neededBy(let d)?: Message.screensChildNeededByShort.text(l, ["date": Format.short(d, l)])
        }
        return TableRow([
            TableCell(r.id),
            TableCell(r.initials),
            TableCell(String(r.age)),
            TableCell(l == .cy ? ScreenWords.authority(r.authorityCode, fallback: r.authorityName, l) : r.authorityName),
            TableCell(r.status.shortLabel(l), style: r.urgent ? .urgent : nil),
            TableCell(needed, style: r.urgent ? .urgent : nil),
            TableCell(String(r.recentPlacements), style: r.recentPlacements >= 3 ? .urgent : nil),
        ])
    }
    table.emptyMessage = list.query.isEmpty && !list.hasFilters ? Message.screensChildrenNone.text(l) : Message.screensChildrenNoMatch.text(l)
    var state = list.table
    table.render(in: g.table, buffer: &buffer, state: &state)
}

// MARK: - Pages

func drawPage(_ model: Model, title: String, _ items: [PageItem], scroll: Int, highlight: Int? = nil, _ g: Geometry, _ buffer: inout Buffer) {
    let text = g.pageText
    let rows = Pages.layout(items, width: text.width)
    let total = rows.count
    Block(title: title, borderStyle: .accent).render(in: g.body, buffer: &buffer)
    for (n, row) in rows.dropFirst(scroll).prefix(text.height).enumerated() {
        let chosen = highlight != nil && row.tag == highlight
        if chosen { buffer.setStyle(Rect(x: text.x, y: text.y + n, width: text.width, height: 1), .selected) }
        let spans = chosen ? row.spans.map { Span($0.text, style: $0.style.patched(with: .selected)) } : row.spans
        buffer.set(x: text.x + row.x, y: text.y + n, spans: spans, maxWidth: text.width - row.x)
    }
    if total > text.height {
        let last = min(total, scroll + text.height)
        let marker = Message.screensPageLines.text(model.language, ["first": String(scroll + 1), "last": String(last), "total": String(total)])
        buffer.set(x: g.body.right - 2 - displayWidth(of: marker), y: g.body.bottom - 1, string: marker, style: .muted)
    }
}

// MARK: - Overlays

struct HelpContent: Widget {
    let bindings: [KeyBinding]
    let scroll: Int
    let language: Language
    func render(in area: Rect, buffer: inout Buffer) {
        let keyWidth = min(16, (bindings.map { displayWidth(of: $0.labelText(language)) }.max() ?? 0) + 2)
        for (row, b) in bindings.dropFirst(scroll).prefix(area.height).enumerated() {
            let y = area.y + row
            buffer.set(x: area.x, y: y, string: truncate(b.labelText(language), toWidth: keyWidth - 1), style: Style(.accent, bold: true))
            buffer.set(x: area.x + keyWidth, y: y, string: truncate(b.helpText(language), toWidth: area.width - keyWidth))
        }
    }
}

func drawHelp(_ model: Model, _ help: HelpState, _ buffer: inout Buffer) {
    let bindings = Keymap.bindings(for: help.context)
    let width = min(model.width - 4, 80)
    let height = min(model.height - 2, bindings.count + 2)
    let scroll = min(help.scroll, max(0, bindings.count - (height - 2)))
    Modal(title: Message.shellHelpTitle.text(model.language, ["screen": help.context.heading(model.language)]), width: width, height: height,
          content: Padded(HelpContent(bindings: bindings, scroll: scroll, language: model.language))).render(in: buffer.area, buffer: &buffer)
}

struct FilterContent: Widget {
    let fields: [FilterField]
    let values: [Int]
    let cursor: Int
    let footer: String
    func render(in area: Rect, buffer: inout Buffer) {
        let labelWidth = (fields.map { displayWidth(of: $0.name) }.max() ?? 0) + 4
        for (i, field) in fields.enumerated() where i < area.height - 2 {
            let y = area.y + i
            let selected = i == cursor
            let active = values[i] != 0
            let rowStyle: Style = selected ? Style(.selected, bold: true) : .normal
            if selected { buffer.setStyle(Rect(x: area.x, y: y, width: area.width, height: 1), rowStyle) }
            buffer.set(x: area.x, y: y, string: (selected ? "› " : "  ") + field.name, style: rowStyle)
            let value = "◂ " + field.options[values[i]] + " ▸"
            buffer.set(x: area.x + labelWidth, y: y, string: truncate(value, toWidth: area.width - labelWidth),
                       style: selected ? rowStyle : (active ? Style(.accent, bold: true) : .muted))
        }
        buffer.set(x: area.x, y: area.bottom - 1, string: truncate(footer, toWidth: area.width), style: .muted)
    }
}

func drawFilterPanel(_ model: Model, _ panel: FilterPanelState, _ buffer: inout Buffer) {
    let vacancies = panel.tab == .vacancies
    let l = model.language
    let fields = vacancies ? VacancyFilter.panelFields(l) : ChildFilter.panelFields(l)
    let values = vacancies ? model.vacancies.filters : model.children.filters
    let shown = vacancies ? model.vacancies.visible.count : model.children.visible.count
    let footer = vacancies
        ? ScreenWords.count(shown, one: .screensFilterMatchVacancyOne, two: .screensFilterMatchVacancyMany, many: .screensFilterMatchVacancyMany, l)
        : ScreenWords.count(shown, one: .screensFilterMatchChildOne, two: .screensFilterMatchChildMany, many: .screensFilterMatchChildMany, l)
    let content = FilterContent(fields: fields, values: values, cursor: panel.cursor, footer: footer)
    let size = FilterPanelLayer.size(model, fieldCount: fields.count)
    Modal(title: vacancies ? Message.screensFilterVacanciesTitle.text(l) : Message.screensFilterChildrenTitle.text(l), width: size.width,
          height: size.height, content: Padded(content)).render(in: Geometry(model).body, buffer: &buffer)
}

/// One column of space inside a modal's border.
struct Padded: Widget {
    let inner: any Widget
    init(_ inner: any Widget) { self.inner = inner }
    func render(in area: Rect, buffer: inout Buffer) { inner.render(in: area.inner(horizontal: 1, vertical: 0), buffer: &buffer) }
}
