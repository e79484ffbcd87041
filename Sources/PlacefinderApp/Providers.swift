import Foundation
import PlacementCore
import TerminalUI

func drawProviderList(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
    guard let data = model.data, let index = model.index else { return }
    let l = model.language
    let list = model.providers
    drawSearchRow(list, right: Message.screensListSortCount.text(l, ["sort": model.providerSort.screenLabel(l), "shown": String(list.visible.count),
                                                                    "total": String(data.providers.count)]),
                  placeholder: Message.screensProvidersSearch.text(l), l, g, &buffer)
    let row = g.summaryRow
    buffer.set(x: row.x, y: row.y, string: truncate(Message.screensProvidersSummary.text(l), toWidth: row.width), style: .muted)
    let ix = index.providers
    let wide = g.table.width >= 120
    let visible = list.visible
    var columns = [Column(Message.screensColProvider.text(l), width: .fill(1)), Column(Message.screensColSector.text(l), width: .length(wide ? 15 : 8)),
                   Column(wide ? Message.screensColRegulatorRegistration.text(l) : Message.screensColRegistration.text(l), width: .length(wide ? 24 : 15)),
                   Column(Message.screensColAuthority.text(l), width: .length(wide ? 14 : 10)),
                   Column(Message.screensColOpen.text(l), width: .length(4), alignment: .right),
                   Column(wide ? Message.screensColPlacements.text(l) : Message.screensColPlacementsShort.text(l), width: .length(wide ? 10 : 3), alignment: .right),
                   Column(wide ? Message.screensColBreakdowns.text(l) : Message.screensColBreakdownsShort.text(l), width: .length(wide ? 10 : 3), alignment: .right),
                   Column(wide ? Message.screensColSameDay.text(l) : Message.screensColSameDayShort.text(l), width: .length(wide ? 8 : 4), alignment: .right)]
    // As wide as the longest capability in this language ("Cymraeg rhugl" is one more than "fluent Welsh").
    let welshWidth = WelshCapability.allCases.map { displayWidth(of: $0.label(l)) }.max() ?? 12
    if wide { columns.insert(Column(Message.screensColWelsh.text(l), width: .length(welshWidth)), at: 2) }
    var table = Table(columns: columns, rowCount: visible.count) { position in
        let i = Int(visible[position])
        let p = data.providers[i]
        let s = ix.stability[i]
        var cells = [TableCell(p.name, style: s.shortNoticeEndings > 0 ? .urgent : nil),
                     TableCell(wide ? p.sector.label(l) : p.sector.shortLabel(l)),
                     TableCell(wide ? "\(p.regulator.label(l)) · \(p.registrationNumber)" : p.registrationNumber),
                     TableCell(l == .cy ? ScreenWords.authority(p.authorityCode, fallback: ix.authorityName[i], l) : ix.authorityName[i]),
                     TableCell(String(ix.openVacancies[i]), style: ix.openVacancies[i] > 0 ? .good : .muted),
                     TableCell(String(s.placements)),
                     TableCell(String(s.breakdowns), style: s.breakdowns > 0 ? .warning : nil),
                     TableCell(String(s.shortNoticeEndings), style: s.shortNoticeEndings > 0 ? .urgent : nil)]
        if wide { cells.insert(TableCell(p.welshLanguage.label(l), style: p.welshLanguage == .fluent ? .good : nil), at: 2) }
        return TableRow(cells)
    }
    table.emptyMessage = list.query.isEmpty ? Message.screensProvidersNone.text(l) : Message.screensProvidersNoMatch.text(l)
    var state = list.table
    table.render(in: g.table, buffer: &buffer, state: &state)
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
        let l = model.language
        guard let data = model.data, i < data.providers.count else { return Message.screensProviderHeading.text(l) }
        return Message.screensProviderTitle.text(l, ["id": data.providers[i].id, "name": data.providers[i].name])
    }

    static func provider(_ model: Model, _ i: Int) -> [PageItem] {
        guard let data = model.data, let index = model.index, i < data.providers.count else { return [] }
        let p = data.providers[i]
        let ix = index.providers
        let catalogue = NeedCatalogue.standard
        let today = model.today
        let l = model.language
        var out: [PageItem] = []
        out.append(field(Message.screensPageSector.text(l), "\(p.sector.label(l)) · \(p.profitStatus.label(l))"))
        out.append(field(Message.screensPageRegulator.text(l), Message.screensRegistration.text(l, ["regulator": p.regulator.label(l), "number": p.registrationNumber])))
        out.append(inspectionField(p, today: today, l))
        out.append(field(Message.screensPageWhere.text(l), "\(ScreenWords.bilingualAuthority(p.authorityCode, fallback: ix.authorityName[i], l)) · \(p.postcode)"))
        let contact = [p.contact.name, p.contact.phone, p.contact.email].filter { !$0.isEmpty }
        out.append(field(Message.screensPageContact.text(l), contact.isEmpty ? Message.screensNoneRecorded.text(l) : contact.joined(separator: " · "),
                         style: contact.isEmpty ? .muted : .normal))
        out.append(field(Message.screensPageWelsh.text(l), p.welshLanguage.label(l), style: p.welshLanguage == .fluent ? .good : .normal))
        out.append(field(Message.screensPageCanMeet.text(l), p.capabilities.isEmpty ? Message.screensNoSpecialistNeeds.text(l)
                         : p.capabilities.map { catalogue.name(of: $0, l) }.joined(separator: ", ")))
        let s = ix.stability[i]
        out.append(field(Message.screensPageStability.text(l),
                         stabilityFigures(placements: s.placements, breakdowns: s.breakdowns, shortNotice: s.shortNoticeEndings, l)
                         + [Span(Message.screensLastYear.text(l), style: .muted)]))

        out.append(blank)
        if data.historyPending { out.append(PageItem(spans: [Span(Message.screensHistoryLoading.text(l), style: .warning)])) }
        let vacancies = ix.vacancies[p.id] ?? []
        out.append(PageItem(spans: [Span(Message.screensProviderVacancies.text(l, ["n": String(vacancies.count)]), style: heading),
                                    Span(vacancies.isEmpty ? "" : Message.screensProviderChooseHint.text(l), style: .muted)]))
        if vacancies.isEmpty { out.append(PageItem(spans: [Span(Message.screensNoVacanciesRecorded.text(l), style: .muted)])) }
        for v in vacancies {
            let vac = data.vacancies[v]
            var spans = [Span(vac.id + "  "), Span(vac.setting.label(l)),
                         Span(Message.screensProviderVacancyAges.text(l, ["ages": Format.ages(vac.ageRange),
                                                                          "beds": ScreenWords.count(vac.beds, one: .screensCountBedOne, two: .screensCountBedTwo, many: .screensCountBedMany, l)])),
                         Span(" · " + (vac.availableFrom <= today ? Message.screensNow.text(l) : Message.screensFromDate.text(l, ["date": Format.short(vac.availableFrom, l)]))),
                         Span(" · " + Message.screensPerWeek.text(l, ["fee": Money.pounds(vac.weeklyFee)])),
                         Span(" · " + vac.status.label(l), style: vac.status == .open ? .good : .muted)]
            if let hold = vac.hold, vac.isHeld(at: model.now) {
                spans.append(Span(Message.screensProviderHeldBy.text(l, ["officer": hold.officer, "time": Format.clock(hold.expiresAt)]), style: .warning))
            }
            let days = vac.daysSinceConfirmed(now: model.now)
            if days > 7 { spans.append(Span(Message.screensProviderConfirmedAgo.text(l, ["days": String(days)]), style: .warning)) }
            out.append(PageItem(spans: spans, indent: 2, tag: v))
        }

        out.append(blank)
        let history = (index.children.placementsByProvider[p.id] ?? []).map { data.placements[$0] }
        out.append(PageItem(spans: [Span(Message.screensProviderHistoryHeading.text(l), style: heading)]))
        if history.isEmpty { out.append(PageItem(spans: [Span(Message.screensNoPlacements.text(l), style: .muted)])) }
        let theirs = data.notices.filter { $0.providerID == p.id && $0.kind == .placementEnding }
        for pl in history {
            let child = index.children.childByID[pl.childID].map { data.children[$0].initials } ?? pl.childID
            let dates = Format.long(pl.start, l) + " – " + (pl.actualEnd.map { Format.long($0, l) } ?? Message.screensNow.text(l))
            var spans = [Span(dates, style: Style(.normal, bold: true)), Span(" · \(pl.childID) \(child)")]
            spans += endingSpans(pl, notices: theirs, l)
            out.append(PageItem(spans: spans, indent: 2))
        }
        return out
    }
}

extension Tab {
    public static let providers = Tab("Providers")
}

extension KeyContext {
    static let providerList = KeyContext("providerList", .tabProviders)
    static let providerSearch = KeyContext("providerSearch", .keysContextProviderSearch, textEntry: true)
    static let providerPage = KeyContext("providerPage", .keysContextProviderPage)
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
            return [KeyBinding([.enter], .open, .keysProvidersOpen, hint: .shellKeyOpenHint)] + Keymap.moveKeys + [
                KeyBinding([.char("/")], .search, .shellKeySearch, hint: .shellKeySearchHint),
                KeyBinding([.tab], .focusSearch, .shellKeyFocusSearch),
                KeyBinding([.char("s")], .sort, .keysSortNext, hint: .keysSortHint),
                KeyBinding([.escape], .clearSearch, .shellKeyClearSearch),
            ]
        case .providerSearch: return Keymap.searchKeys(.keysWhatProviders)
        case .providerPage:
            return [
                KeyBinding([.escape, .backspace], .back, .keysProviderBack, hint: .keysBack),
                KeyBinding([.enter], .open, .keysProviderOpenVacancy, hint: .keysOpenVacancyHint),
                KeyBinding([.up, .char("k")], .up, .keysProviderVacancyPrevious, hint: .keysVacancyHint, hintKey: "↑↓"),
                KeyBinding([.down, .char("j")], .down, .keysProviderVacancyNext),
                KeyBinding([.pageUp], .pageUp, .shellKeyPageUp),
                KeyBinding([.pageDown], .pageDown, .shellKeyPageDown),
                KeyBinding([.home], .home, .shellKeyTop),
                KeyBinding([.end], .end, .shellKeyBottom),
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
