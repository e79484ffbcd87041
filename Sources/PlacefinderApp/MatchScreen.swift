import Foundation
import PlacementCore
import TerminalUI

// MARK: - Update

/// Keys on the match screen, its excluded list and the weights modal.
func performMatch(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
    guard var match = model.match else { return [] }
    let layout = MatchLayout(model)
    switch action {
    case .back:
        if context == .weights { model.match?.showWeights = false } else { model.match = nil }
        return []
    case .toggleWeights:
        model.match?.showWeights.toggle()
        return []
    case .toggleExcluded:
        model.match?.showExcluded.toggle()
        return []
    case .rerunMatch:
        // The ranking on show stays (and its selection) until the new one lands; the rest of the screens
        // reload too, so a hold or placement checks against what the officer now sees.
        reloadRequested(&model)
        return [.load, .runMatch(childID: match.childID)]
    case .up, .down, .pageUp, .pageDown, .home, .end:
        if context == .matchExcluded {
            let count = match.data?.excluded.count ?? 0
            let rows = layout.excludedRows
            var s = match.excludedScroll
            s = scrolled(s, by: action, rows: rows, end: count)
            match.excludedScroll = min(max(0, s), max(0, count - 1))
        } else {
            let before = match.table.selected
            move(&match.table, action, rows: layout.tableRows, count: match.data?.candidates.count ?? 0)
            if match.table.selected != before { match.detailScroll = 0 }
        }
        model.match = match
        return []
    case .scrollDetailUp, .scrollDetailDown:
        let lines = match.selected.map { explanationLines(model, $0, width: layout.detailText.width).count } ?? 0
        let step = action == .scrollDetailDown ? 1 : -1
        match.detailScroll = min(max(0, match.detailScroll + step), max(0, lines - 1))
        model.match = match
        return []
    case .markReferral:
        Referrals.toggleMark(&model)
        return []
    case .sendReferral:
        Referrals.openSend(&model)
        return []
    case .logReferralResponse:
        guard let c = match.selected else { return [] }
        guard let waiting = Referrals.awaiting(model, childIDs: match.data?.childIDs ?? [c.childID], providerID: c.provider.id) else {
            model.status = Message.screensReferralNoReferral.text(model.language)
            return []
        }
        ReferralResponseLayer.open(waiting, &model)
        return []
    case .recordCall:
        guard let c = match.selected else { return [] }
        model.contactForm = ContactForm(childID: c.childID, providerID: c.provider.id, vacancyID: c.vacancy.id)
        return []
    case .amendRecord:
        guard let c = match.selected, let data = model.data else { return [] }
        guard let i = model.index?.work.latestContact[WorkIndex.key(c.childID, c.provider.id)] else {
            model.status = Message.formCallNoCallToAmend.text(model.language)
            return []
        }
        model.correctionForm = CorrectionForm(amending: data.contacts[i], today: model.today)
        return []
    case .holdOrRelease:
        guard let c = match.selected else { return [] }
        let current = model.data.flatMap { d in d.vacancies.first { $0.id == c.vacancy.id } } ?? c.vacancy
        if let hold = current.hold, current.isHeld(at: model.now) {
            if hold.officer == model.officer && hold.childID == c.childID {
                model.confirm = .release(vacancyID: c.vacancy.id, childID: c.childID)
            } else {
                model.status = Message.screensMatchHeldBy.text(model.language, ["officer": hold.officer, "child": hold.childID, "time": Format.clock(hold.expiresAt)])
            }
            return []
        }
        model.confirm = .hold(vacancyID: c.vacancy.id, childID: c.childID, until: WorkflowTime.endOfDay(model.now))
        return []
    case .place:
        guard let c = match.selected else { return [] }
        return PlaceFormLayer.open(childID: c.childID, vacancyID: c.vacancy.id, &model)
    case .openPlaced:
        guard let childID = model.lastPlaced else {
            model.status = Message.screensMatchNothingPlaced.text(model.language)
            return []
        }
        // Through the audited gate, over the screen the match was opened from.
        model.match = nil
        return ChildPageGate.request(childID, .peek, &model)
    default:
        return []
    }
}

func performConfirm(_ action: Action, _ model: inout Model) -> [Command] {
    guard let confirm = model.confirm else { return [] }
    switch action {
    case .back:
        model.confirm = nil
        return []
    case .confirm:
        model.confirm = nil
        return [confirm.command]
    case .fieldNext, .fieldPrevious:
        if case .hold(let v, let c, let until) = confirm {
            let moved = until.addingTimeInterval(action == .fieldNext ? 3600 : -3600)
            if moved > model.now { model.confirm = .hold(vacancyID: v, childID: c, until: moved) }
        }
        return []
    default:
        return []
    }
}

// MARK: - View

/// Where the match screen's parts go: the table, and the explanation beside (150 columns or
/// more) or below.
struct MatchLayout {
    let header: Rect
    let table: Rect
    let detail: Rect
    let beside: Bool

    init(_ model: Model) {
        let body = Geometry(model).body
        let message = (model.match?.data?.message != nil ? 1 : 0) + Referrals.offerLines(model).count
        header = Rect(x: body.x, y: body.y, width: body.width, height: 1 + message)
        let rest = Rect(x: body.x, y: body.y + 1 + message, width: body.width, height: max(0, body.height - 1 - message))
        beside = body.width >= 150
        if beside {
            let parts = rest.splitColumns([.fill(1), .length(56)], spacing: 1)
            table = parts[0]
            detail = parts[1]
        } else {
            let tableHeight = max(4, min(rest.height / 2, (model.match?.data?.candidates.count ?? 0) + 1))
            table = Rect(x: rest.x, y: rest.y, width: rest.width, height: tableHeight)
            detail = Rect(x: rest.x, y: rest.y + tableHeight, width: rest.width, height: max(0, rest.height - tableHeight))
        }
    }

    var tableRows: Int { max(1, table.height - 1) }
    /// Where the explanation's text goes, inside its border and padding.
    var detailText: Rect { detail.inner(margin: 1).inner(horizontal: 1, vertical: 0) }
    /// Rows of the excluded list (it takes the table and detail space, less a header line).
    var excludedRows: Int { max(1, (beside ? table.height : table.height + detail.height) - 1) }
}

func drawMatches(_ model: Model, _ buffer: inout Buffer) {
    guard let match = model.match, let data = model.data else { return }
    let g = Geometry(model)
    let layout = MatchLayout(model)
    let child = model.index?.children.childByID[match.childID].map { data.children[$0] }
    let l = model.language
    let who = child.map { "\($0.id) \($0.initials)" } ?? match.childID
    guard let result = match.data else {
        buffer.set(x: g.body.x, y: g.body.y, string: Message.screensMatchTitle.text(l, ["who": who]), style: Pages.heading)
        if let failure = match.failure {
            centred(Message.screensMatchFailed.text(l, ["why": failure]), in: g.body, style: .urgent, &buffer)
        } else {
            centred(Message.screensMatchRanking.text(l), in: g.body, style: .muted, &buffer)
        }
        return
    }
    let siblings = result.childIDs.count > 1 ? Message.screensMatchWith.text(l, ["ids": result.childIDs.dropFirst().joined(separator: ", ")]) : ""
    var summary = Message.screensMatchSummary.text(l, ["ranked": String(result.rankedCount), "excluded": String(result.excluded.count)])
    let policy = Message.screensMatchPolicy.text(l, ["policy": MatchPolicy.said(name: result.policyName, l)])
    let title = Message.screensMatchTitle.text(l, ["who": who]) + siblings
    if displayWidth(of: title + summary + policy) <= layout.header.width { summary += policy }
    buffer.set(x: layout.header.x, y: layout.header.y, spans: [Span(title, style: Pages.heading), Span(summary, style: .muted)],
               maxWidth: layout.header.width)
    if let message = result.message {
        buffer.setStyle(layout.header.row(1), .urgent)
        buffer.set(x: layout.header.x, y: layout.header.y + 1, string: truncate("!! " + message.text(model.language), toWidth: layout.header.width), style: .urgent)
    }
    let offersY = layout.header.y + 1 + (result.message != nil ? 1 : 0)
    for (n, line) in Referrals.offerLines(model).enumerated() {
        buffer.set(x: layout.header.x, y: offersY + n, spans: line, maxWidth: layout.header.width)
    }
    if match.showExcluded {
        drawExcluded(model, result, match, layout, &buffer)
        return
    }
    let source = MatchRowSource(model: model, result: result, width: layout.table.width)
    var table = Table(columns: source.columns, source: source)
    table.emptyMessage = Message.screensMatchNone.text(l)
    var state = match.table
    table.render(in: layout.table, buffer: &buffer, state: &state)
    if let selected = match.selected {
        drawExplanation(model, selected, in: layout.detail, &buffer)
    }
}

/// The latest call to `providerID` about any of `childIDs` (a sibling group is rung about together):
/// "declined 10:12 (ceri.jones)".
func contactStatus(_ model: Model, childIDs: [String], providerID: String, withWho: Bool = true) -> (text: String, style: Style)? {
    guard let data = model.data, let work = model.index?.work else { return nil }
    let found = childIDs.compactMap { work.latestContact[WorkIndex.key($0, providerID)] }
    guard let i = found.max(by: { data.contacts[$0].at < data.contacts[$1].at }) else { return nil }
    let c = data.contacts[i]
    let l = model.language
    let when = Format.day(c.at) == model.today ? Format.clock(c.at) : Format.short(Format.day(c.at), l)
    let style: Style = c.outcome == .declined ? .warning : c.outcome == .accepted || c.outcome == .offered ? .good : .normal
    return ("\(c.outcome.label(l)) \(when)" + (withWho ? " (\(c.by))" : ""), style)
}

struct MatchRowSource: TableRowSource {
    let model: Model
    let result: MatchScreenData
    let wide: Bool
    let split: Bool
    /// The split rows are two-home arrangements: "1 C1001+1" names the part's first child and how many more.
    let arranged: Bool

    /// The widest vacancy id ranked: each row names its bed, so two beds of one provider differ.
    let idWidth: Int
    let flagWidth: Int

    init(model: Model, result: MatchScreenData, width: Int) {
        self.model = model
        self.result = result
        wide = width >= 120
        split = !result.together
        arranged = result.candidates.contains { $0.arrangement != nil }
        idWidth = min(12, max(2, result.candidates.map { $0.vacancy.id.count }.max() ?? 2))
        flagWidth = max(5, result.candidates.map { matchFlagCodes($0, now: model.now).count }.max() ?? 0) + 1
    }

    /// Cells of the score bar (the number follows): narrower at 80 columns, to leave the provider room.
    var barWidth: Int { wide ? 5 : 3 }

    var columns: [Column] {
        let l = model.language
        var cols: [Column] = [Column("#", width: .length(arranged ? 10 : split ? 8 : 2), alignment: split ? .left : .right),
                              Column(Message.screensColId.text(l), width: .length(idWidth)),
                              Column(Message.screensColScore.text(l), width: .length(barWidth + 5)),
                              Column(Message.screensColProvider.text(l), width: .fill(1))]
        if wide { cols.append(Column(Message.screensColSettingShort.text(l), width: .length(9))) }
        cols += [Column(Message.screensColRoadMiles.text(l), width: .length(7), alignment: .right),
                 Column(Message.screensColLocalityShort.text(l), width: .length(9))]
        if wide {
            // Welsh short months run to four letters ("30 Tach"): the date column is one wider in Welsh.
            cols += [Column(Message.screensColSector.text(l), width: .length(8)), Column(Message.screensColFrom.text(l), width: .length(l == .cy ? 7 : 6)),
                     Column(Message.screensColFee.text(l), width: .length(6), alignment: .right), Column(Message.screensColContact.text(l), width: .length(27))]
        } else {
            cols += [Column(Message.screensColContact.text(l), width: .length(15))]
        }
        // One letter a flag (legend in help), as wide as the most any row shows, so the provider keeps the room.
        cols.append(Column(Message.screensColFlags.text(l), width: .length(flagWidth)))
        return cols
    }

    var count: Int { result.candidates.count }

    func row(at position: Int) -> TableRow {
        let c = result.candidates[position]
        let l = model.language
        let contact = contactStatus(model, childIDs: result.childIDs, providerID: c.provider.id, withWho: wide)
        let miles = Distance.formatMiles(c.roadMiles, approximate: c.approximate)
        var cells: [TableCell] = [
            TableCell(split ? "\(c.rank) \(c.childID)" + (c.partChildIDs.count > 1 ? "+\(c.partChildIDs.count - 1)" : "") : String(c.rank)),
            TableCell(c.vacancy.id),
            TableCell(BarGauge.bar(value: c.score / 100, width: barWidth) + String(format: "%5.1f", c.score), style: .good),
            TableCell((model.match?.marked.contains(c.vacancy.id) == true ? "✓ " : "") + c.provider.name),
        ]
        if wide { cells.append(TableCell(c.vacancy.setting.shortLabel(l))) }
        cells += [
            TableCell(miles),
            TableCell(c.tier.shortLabel(l), style: c.tier == .inCounty ? .good : nil),
        ]
        if wide {
            cells += [TableCell(c.provider.sector.shortLabel(l)),
                      c.vacancy.availableFrom <= model.today ? TableCell(Message.screensNow.text(l), style: .good) : TableCell(Format.short(c.vacancy.availableFrom, l)),
                      TableCell(Money.pounds(c.vacancy.weeklyFee))]
        }
        cells.append(TableCell(contact?.text ?? Message.screensMatchNotRung.text(l), style: contact?.style ?? .muted))
        let codes = matchFlagCodes(c, now: model.now)
        cells.append(TableCell(codes, style: codes.isEmpty ? nil : .warning))
        return TableRow(cells)
    }
}

/// The one-letter flags of a ranked option, held first: "HOS" (see `MatchFlag.code`).
func matchFlagCodes(_ c: MatchScreenData.Candidate, now: Date) -> String {
    (c.vacancy.isHeld(at: now) ? "H" : "") + c.flags.map(\.code).joined()
}

/// The selected candidate's why, as text lines: facts, flags in full, reasons.
func explanationLines(_ model: Model, _ c: MatchScreenData.Candidate, width: Int) -> [(x: Int, spans: [Span])] {
    let l = model.language
    var items: [PageItem] = []
    let from = c.vacancy.availableFrom <= model.today ? Message.screensNow.text(l) : Format.short(c.vacancy.availableFrom, l)
    var facts: [Span] = [Span(c.vacancy.setting.label(l) + " · " + c.provider.sector.label(l)),
                         Span(" · \(l == .cy ? ScreenWords.authority(c.authorityCode, fallback: c.authorityName, l) : c.authorityName) · "),
                         Span(c.tier.label(l), style: c.tier == .inCounty ? .good : .normal),
                         Span(" · " + Message.screensMatchByRoad.text(l, ["miles": Distance.formatMiles(c.roadMiles, approximate: c.approximate)])),
                         Span(" · " + Message.screensFromDate.text(l, ["date": from])),
                         Span(" · " + Message.screensPerWeek.text(l, ["fee": Money.pounds(c.vacancy.weeklyFee)]))]
    if let contact = contactStatus(model, childIDs: model.match?.data?.childIDs ?? [c.childID], providerID: c.provider.id) {
        facts += [Span(Message.screensMatchLastCall.text(l)), Span(contact.text, style: contact.style)]
    }
    let current = model.data?.vacancies.first(where: { $0.id == c.vacancy.id }) ?? c.vacancy
    if let hold = current.hold, current.isHeld(at: model.now) {
        let mine = hold.officer == model.officer && hold.childID == c.childID
        facts.append(Span(mine ? Message.screensMatchHeldByYou.text(l, ["time": Format.clock(hold.expiresAt)])
                               : Message.screensMatchHeldByOther.text(l, ["officer": hold.officer, "child": hold.childID, "time": Format.clock(hold.expiresAt)]),
                          style: .warning))
    }
    items.append(PageItem(spans: facts))
    if let arrangement = c.arrangement {
        items.append(PageItem(spans: [Span(Message.screensMatchArrangement.text(l, ["rank": String(c.rank)]) + arrangement.text(l), style: .urgent)], indent: 0))
    }
    for flag in c.flags { items.append(PageItem(spans: [Span("! " + flag.label(l), style: flag == .separatesSiblings ? .urgent : .warning)], indent: 0)) }
    for reason in c.reasons { items.append(PageItem(spans: [Span("• " + reason.text(l))])) }
    return Pages.layout(items, width: width).map { ($0.x, $0.spans) }
}

/// The selected candidate's why: reasons, flags in full, factor contributions with small bars. It
/// scrolls with [ and ] when it is longer than the space below the ranking.
func drawExplanation(_ model: Model, _ c: MatchScreenData.Candidate, in area: Rect, _ buffer: inout Buffer) {
    guard area.height >= 3 else { return }
    let block = Block(title: "#\(c.rank) \(c.vacancy.id) · \(c.provider.name)", borderStyle: .accent)
    block.render(in: area, buffer: &buffer)
    let inner = block.inner(area).inner(horizontal: 1, vertical: 0)
    let text = explanationLines(model, c, width: inner.width)
    let scroll = min(model.match?.detailScroll ?? 0, max(0, text.count - 1))
    var y = inner.y
    for row in text.dropFirst(scroll) where y < inner.bottom {
        buffer.set(x: inner.x + row.x, y: y, spans: row.spans, maxWidth: inner.width - row.x)
        y += 1
    }
    // Factor contributions: label, bar of the factor's own score, points added.
    if !c.contributions.isEmpty, y < inner.bottom {
        buffer.set(x: inner.x, y: y, string: truncate(Message.screensMatchFactors.text(model.language), toWidth: inner.width), style: .muted)
        y += 1
    }
    let labelWidth = min(26, (c.contributions.map { displayWidth(of: $0.factor.label(model.language)) }.max() ?? 0) + 1)
    let twoColumns = inner.width >= 2 * (labelWidth + 18) + 2
    let columnWidth = twoColumns ? (inner.width - 2) / 2 : inner.width
    for (n, f) in c.contributions.enumerated() {
        let col = twoColumns ? n % 2 : 0
        let rowY = y + (twoColumns ? n / 2 : n)
        guard rowY < inner.bottom else { break }
        let x = inner.x + col * (columnWidth + 2)
        buffer.set(x: x, y: rowY, string: truncate(f.factor.label(model.language), toWidth: labelWidth - 1), style: .muted)
        let barWidth = max(4, min(10, columnWidth - labelWidth - 7))
        buffer.set(x: x + labelWidth, y: rowY, string: BarGauge.bar(value: f.score, width: barWidth), style: .good)
        let points = String(format: "%5.1f", f.points)
        buffer.set(x: x + labelWidth + barWidth + 1, y: rowY, string: points)
    }
    if scroll > 0 || y >= inner.bottom {
        let marker = scroll > 0 ? " ▲ [ " : " ] ▼ "
        buffer.set(x: area.right - 1 - displayWidth(of: marker), y: area.bottom - 1, string: marker, style: .muted)
    }
}

func drawExcluded(_ model: Model, _ result: MatchScreenData, _ match: MatchScreen, _ layout: MatchLayout, _ buffer: inout Buffer) {
    let area = layout.beside ? layout.table
        : Rect(x: layout.table.x, y: layout.table.y, width: layout.table.width, height: layout.table.height + layout.detail.height)
    let l = model.language
    buffer.set(x: area.x, y: area.y, string: truncate(Message.screensMatchExcludedHeading.text(l, ["n": String(result.excluded.count)]), toWidth: area.width), style: .header)
    guard !result.excluded.isEmpty else {
        buffer.set(x: area.x, y: area.y + 1, string: Message.screensMatchNothingExcluded.text(l), style: .muted)
        return
    }
    // Ids as long as the longest shown, plus a gap: demo and real ids differ in length.
    let idWidth = (result.excluded.map { displayWidth(of: $0.vacancy.id) }.max() ?? 6) + 1
    let nameWidth = min(28, max(12, area.width / 4))
    let reasonWidth = max(10, area.width - idWidth - nameWidth)
    // One entry per vacancy; its reasons wrap under themselves, so none is cut off.
    var y = area.y + 1
    var shown = 0
    for e in result.excluded.dropFirst(match.excludedScroll) where y < area.bottom {
        var spans: [Span] = []
        if e.declined {
            spans.append(Span(declinedText(model, childIDs: result.childIDs, providerID: e.vacancy.providerID, vacancyID: e.vacancy.id), style: .warning))
        }
        for r in e.reasons {
            if !spans.isEmpty { spans.append(Span("; ", style: .muted)) }
            spans.append(Span(r.text(model.language)))
        }
        buffer.set(x: area.x, y: y, string: e.vacancy.id)
        buffer.set(x: area.x + idWidth, y: y, string: truncate(e.providerName, toWidth: nameWidth - 1))
        for line in TextBlock.wrap([spans], width: reasonWidth) where y < area.bottom {
            buffer.set(x: area.x + idWidth + nameWidth, y: y, spans: line, maxWidth: reasonWidth)
            y += 1
        }
        shown += 1
    }
    if match.excludedScroll > 0 || match.excludedScroll + shown < result.excluded.count {
        let marker = Message.screensMatchExcludedRange.text(l, ["first": String(match.excludedScroll + 1), "last": String(match.excludedScroll + shown),
                                                                 "total": String(result.excluded.count)])
        buffer.set(x: area.right - displayWidth(of: marker), y: area.y, string: marker, style: .muted)
    }
}

/// "declined 14 Jun" from the latest recorded decline (vacancy first, then provider).
func declinedText(_ model: Model, childIDs: [String], providerID: String, vacancyID: String) -> String {
    let l = model.language
    let declined = Contact.Outcome.declined.label(l)
    guard let data = model.data, let work = model.index?.work else { return declined }
    let found = childIDs.lazy.compactMap { c in
        work.latestDecline[WorkIndex.key(c, providerID, vacancyID)] ?? work.latestDecline[WorkIndex.key(c, providerID)]
    }.first
    guard let i = found else { return declined }
    return declined + " " + Format.short(Format.day(data.contacts[i].at), l)
}

// MARK: - Modals

struct LinesContent: Widget {
    let lines: [[Span]]
    func render(in area: Rect, buffer: inout Buffer) {
        for (n, row) in LinesContent.rows(lines, width: area.width).prefix(area.height).enumerated() {
            buffer.set(x: area.x + row.x, y: area.y + n, spans: row.spans, maxWidth: area.width - row.x)
        }
    }

    /// Lines that fit are drawn as they are (spacing kept, so columns line up); longer ones wrap.
    static func rows(_ lines: [[Span]], width: Int) -> [(x: Int, spans: [Span])] {
        lines.flatMap { line -> [(x: Int, spans: [Span])] in
            if line.reduce(0, { $0 + $1.width }) <= width { return [(0, line)] }
            return Pages.layout([PageItem(spans: line)], width: width).map { ($0.x, $0.spans) }
        }
    }
}

func drawLinesModal(_ model: Model, title: String, _ lines: [[Span]], width: Int, _ buffer: inout Buffer) {
    let w = min(model.width - 4, width)
    let count = LinesContent.rows(lines, width: w - 4).count
    Modal(title: title, width: w, height: min(model.height - 2, count + 2), content: Padded(LinesContent(lines: lines)))
        .render(in: buffer.area, buffer: &buffer)
}

func drawWeights(_ model: Model, _ result: MatchScreenData, _ buffer: inout Buffer) {
    let l = model.language
    var lines: [[Span]] = [[Span(Message.screensWeightsPolicy.text(l), style: .muted), Span(MatchPolicy.said(name: result.policyName, l), style: Style(.normal, bold: true))], []]
    let total = result.weights.reduce(0) { $0 + $1.weight }
    for w in result.weights {
        let share = total > 0 ? w.weight / total : 0
        let label = w.factor.label(model.language).padding(toLength: 28, withPad: " ", startingAt: 0)
        lines.append([Span(label), Span(BarGauge.bar(value: share / 0.25, width: 10), style: .good),
                      Span(String(format: " %4.1f", w.weight)), Span(String(format: "  %3.0f%%", share * 100), style: .muted)])
    }
    lines.append([])
    lines.append([Span(Message.screensWeightsNote.text(l), style: .muted)])
    drawLinesModal(model, title: Message.screensWeightsTitle.text(l), lines, width: 64, &buffer)
}

func drawConfirm(_ model: Model, _ confirm: Confirmation, _ buffer: inout Buffer) {
    guard let data = model.data else { return }
    func childName(_ id: String) -> String {
        model.index?.children.childByID[id].map { "\(data.children[$0].initials) (\(id))" } ?? id
    }
    func vacancyName(_ id: String) -> String {
        guard let v = data.vacancies.first(where: { $0.id == id }) else { return id }
        return Message.screensConfirmVacancyAt.text(model.language, ["id": id, "provider": data.providers.first { $0.id == v.providerID }?.name ?? v.providerID])
    }
    let l = model.language
    var lines: [[Span]] = []
    let title: String
    switch confirm {
    case .hold(let v, let c, let until):
        title = Message.screensConfirmHoldTitle.text(l)
        let day = Format.day(until) == model.today ? Message.screensToday.text(l) : Format.long(Format.day(until), l)
        lines.append([Span(Message.screensConfirmHold.text(l, ["vacancy": vacancyName(v), "child": childName(c)]))])
        lines.append([Span(Message.screensConfirmExpires.text(l)), Span("\(day) \(Format.clock(until))", style: Style(.normal, bold: true)),
                      Span(Message.screensConfirmShift.text(l), style: .muted)])
        lines.append([Span(Message.screensConfirmColleagues.text(l, ["officer": model.officer]), style: .muted)])
    case .release(let v, let c):
        title = Message.screensConfirmReleaseTitle.text(l)
        lines.append([Span(Message.screensConfirmRelease.text(l, ["vacancy": vacancyName(v), "child": childName(c)]))])
    }
    lines.append([])
    lines.append([Span(Message.screensConfirmKeys.text(l), style: .muted)])
    drawLinesModal(model, title: title, lines, width: 76, &buffer)
}
