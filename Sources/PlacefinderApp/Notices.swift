import Foundation
import PlacementCore
import TerminalUI

/// The notices log (tab 4).
public struct NoticesScreen: Sendable {
    /// Selection over the log, newest first.
    public var table = ScrollState(selected: 0)
    /// Index into `AppData.notices` of the open notice.
    public var open: Int?
    public var pageScroll = 0
    /// A notice this officer just logged: selected when the snapshot holding it arrives.
    public internal(set) var selectOnArrival: String?
    public init() {}
}

/// "16 Jun 10:12", or "10:12" when it is today.
func when(_ date: Date, today: Day) -> String {
    let day = Format.day(date)
    return (day == today ? "" : Format.short(day) + " ") + Format.clock(date)
}

/// "today 17:00", "tomorrow 09:00", "18 Jun 09:00".
func whenInWords(_ date: Date, today: Day) -> String {
    let day = Format.day(date)
    let name = day == today ? "today" : day == today.adding(days: 1) ? "tomorrow" : day == today.adding(days: -1) ? "yesterday" : Format.short(day)
    return name + " " + Format.clock(date)
}

/// Short notice (24 hours or less, `NoticeLength.isShort`) of an ending: the row stands out.
func isShortNotice(_ n: ProviderNotice) -> Bool { n.noticeLength?.isShort == true }

/// A vacancy notice names no child: said on its page, and on the bottom line when `m` is pressed on it.
let noChildText = Message.screensNoticeNoChild.text(.en)
let noChildStatus = Message.screensNoticeNoChildStatus.text(.en)

/// "withdrawn 10:42 by alun.owen: logged against wrong child".
func correctionWords(_ c: Correction, today: Day, _ l: Language = .en) -> String {
    Message.screensNoticeCorrection.text(l, ["kind": c.kind == .withdrawn ? Message.screensNoticeWithdrawn.text(l) : Message.screensNoticeAmended.text(l),
                                             "when": FormWords.stamp(c.at, today: today, l), "by": c.by, "reason": c.reason])
}



func drawNoticeList(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
    guard let data = model.data, let index = model.index else { return }
    let order = index.work.noticeOrder
    let l = model.language
    let header = g.body.row(0)
    let count = ScreenWords.count(order.count, one: .screensCountNoticeOne, two: .screensCountNoticeTwo, many: .screensCountNoticeMany, l)
    var spans = [Span(Message.screensNoticesHeading.text(l), style: Pages.heading),
                 Span(" · " + count + (header.width >= 100 && model.parkedNotice == nil ? Message.screensNoticesHint.text(l) : ""), style: .muted)]
    if model.parkedNotice != nil { spans.append(Span(Message.screensNoticesParked.text(l), style: .warning)) }
    buffer.set(x: header.x, y: header.y, spans: spans, maxWidth: header.width)
    let area = g.noticeTable
    let wide = area.width >= 120
    // Each row names its notice ("notice N0036 logged" points at it), under a heading shown whole ("Rhif").
    let idHeading = Message.screensColId.text(l)
    let idWidth = min(12, max(displayWidth(of: idHeading), data.notices.map(\.id.count).max() ?? 2))
    let kindWidth = wide ? 17 : 11
    // "same-day (12 h)" and "un dydd (12 awr)" whole when wide; narrower, a form that does not fit drops its hours.
    let noticeWidth = wide ? (l == .cy ? 16 : 15) : 14
    var columns = [Column(idHeading, width: .length(idWidth)), Column(Message.screensColReceived.text(l), width: .length(12)),
                   Column(Message.screensColProvider.text(l), width: .fill(1)),
                   Column(Message.screensColKind.text(l), width: .length(kindWidth)),
                   // "Plentyn" is two wider than "Child": the provider column gives the room.
                   Column(Message.screensColChild.text(l), width: .length(l == .cy ? 7 : 5)),
                   Column(Message.screensColEffective.text(l), width: .length(wide ? 13 : 12)),
                   Column(Message.screensColNotice.text(l), width: .length(noticeWidth))]
    // The reason (whole on the notice's page) gives the room the wider notice column and "Rhif" take, so the
    // provider's name keeps its width.
    if wide { columns += [Column(Message.screensColReason.text(l), width: .length(l == .cy ? 25 : 27)), Column(Message.screensColLoggedBy.text(l), width: .length(10))] }
    let children = index.children.childByID
    let providers = index.providers.byID
    let today = model.today
    var table = Table(columns: columns, rowCount: order.count) { position in
        let n = data.notices[order[position]]
        let provider = providers[n.providerID].map { data.providers[$0].name } ?? n.providerID
        let child = n.childID.flatMap { children[$0] }.map { data.children[$0].initials } ?? (n.childID ?? "")
        // A kind too long for the column in this language ("lle gwag wedi'i lenwi") takes its short form.
        let kind = wide && displayWidth(of: n.kind.label(l)) <= kindWidth ? n.kind.label(l) : n.kind.shortLabel(l)
        let notice = n.kind == .placementEnding ? noticeFitting(n.noticeLength, noticeWidth, l) : (text: "", short: false)
        let withdrawn = n.correction?.kind == .withdrawn
        let urgent = notice.short && !withdrawn
        var cells: [TableCell] = [
            TableCell(n.id), TableCell(FormWords.stamp(n.receivedAt, today: today, l)), TableCell(provider), TableCell(kind, style: urgent ? .urgent : nil),
            TableCell(child), TableCell(n.effectiveAt.map { FormWords.stamp($0, today: today, l) } ?? ""),
            TableCell(withdrawn ? Message.screensNoticeWithdrawn.text(l) : n.correction != nil ? Message.screensNoticeAmended.text(l) : notice.text,
                      style: urgent ? .urgent : nil),
        ]
        if wide { cells += [TableCell(n.reason?.label(l) ?? ""), TableCell(n.loggedBy)] }
        return TableRow(cells, style: urgent ? .urgent : withdrawn ? .muted : nil)
    }
    table.emptyMessage = Message.screensNoticesNone.text(l)
    var state = model.notices.table
    table.render(in: area, buffer: &buffer, state: &state)
}

/// The notice given in full where it is at most `width` wide, else compact (without its hours).
private func noticeFitting(_ length: NoticeLength?, _ width: Int, _ l: Language) -> (text: String, short: Bool) {
    let full = Format.notice(length, l)
    return displayWidth(of: full.text) <= width ? full : Format.notice(length, compact: true, l)
}

extension NoticeKind {
    var isVacancyChange: Bool { self == .vacancyChanged || self == .vacancyFilled || self == .vacancyWithdrawn }
}

extension Pages {
    static func noticeTitle(_ model: Model, _ i: Int) -> String {
        let l = model.language
        guard let data = model.data, i < data.notices.count else { return Message.screensNoticeHeading.text(l) }
        let n = data.notices[i]
        return Message.screensNoticeTitle.text(l, ["id": n.id, "kind": n.kind.label(l)])
    }

    static func notice(_ model: Model, _ i: Int) -> [PageItem] {
        guard let data = model.data, let index = model.index, i < data.notices.count else { return [] }
        let n = data.notices[i]
        let today = model.today
        let l = model.language
        var out: [PageItem] = []
        let provider = index.providers.byID[n.providerID].map { data.providers[$0] }
        out.append(field(Message.screensPageProvider.text(l), provider.map { "\($0.name) (\($0.id))" } ?? n.providerID))
        if let contact = provider?.contact, !contact.phone.isEmpty { out.append(field(Message.screensPagePhone.text(l), "\(contact.name) · \(contact.phone)")) }
        out.append(field(Message.screensPageKind.text(l), n.kind.label(l), style: isShortNotice(n) ? .urgent : .normal))
        out.append(field(Message.screensPageReceived.text(l), Message.screensNoticeReceivedAt.text(l, [
            "date": Format.long(Format.day(n.receivedAt), l), "time": Format.clock(n.receivedAt), "by": n.loggedBy])))
        if let e = n.effectiveAt {
            out.append(field(Message.screensPageEffective.text(l), "\(Format.long(Format.day(e), l)) \(Format.clock(e)) (\(ScreenWords.when(e, today: today, l)))"))
        }
        if n.kind == .placementEnding {
            let notice = ScreenWords.notice(n.noticeLength, l)
            out.append(field(Message.screensPageNoticeGiven.text(l), notice.text, style: notice.short ? .urgent : .normal))
        }
        if let id = n.childID {
            let child = index.children.childByID[id].map { data.children[$0] }
            out.append(field(Message.screensPageChild.text(l), [Span("\(id) \(child?.initials ?? "")"),
                                       Span(child == nil ? Message.screensNotInStoreSuffix.text(l) : Message.screensNoticeChildHint.text(l), style: .muted)]))
        } else {
            out.append(field(Message.screensPageChild.text(l), Message.screensNoticeNoChild.text(l), style: .muted))
        }
        if let r = n.reason { out.append(field(Message.screensPageReason.text(l), "\(r.label(l)) (\(r.rawValue))")) }
        if let v = n.vacancyID { out.append(field(Message.screensPageVacancy.text(l), v)) }
        out.append(field(Message.screensPageNotes.text(l), n.text.isEmpty ? Message.screensNone.text(l) : n.text, style: n.text.isEmpty ? .muted : .normal))
        if let c = n.correction {
            out.append(field(c.kind == .withdrawn ? Message.screensPageWithdrawn.text(l) : Message.screensPageAmended.text(l),
                             [Span(correctionWords(c, today: today, l), style: c.kind == .withdrawn ? .warning : .normal)]))
            out.append(field(Message.screensPageCorrects.text(l), c.corrects))
        }
        return out
    }
}

extension Tab {
    public static let notices = Tab("Notices")
}

extension KeyContext {
    static let noticeList = KeyContext("noticeList", .tabNotices)
    static let noticeDetail = KeyContext("noticeDetail", .screensNoticeHeading)
}

/// Providers' notices, newest first; `a` opens the form that logs a new one.
enum NoticesTab: TabScreen {
    static let tab = Tab.notices

    static func context(_ model: Model) -> KeyContext {
        model.notices.open != nil ? .noticeDetail : .noticeList
    }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        switch context {
        case .noticeList:
            return [KeyBinding([.enter], .open, .keysNoticesOpen, hint: .shellKeyOpenHint)] + Keymap.moveKeys + [
                KeyBinding([.char("a")], .newNotice, .keysNoticesNew, hint: .keysNewNoticeHint),
                KeyBinding([.char("m")], .runMatch, .keysNoticesMatch, hint: .shellKeyMatchHint),
                KeyBinding([.char("o")], .openRecord, .keysNoticesOpenChild, hint: .keysChildHint),
            ] + correctionKeys
        case .noticeDetail:
            return [KeyBinding([.escape, .backspace], .back, .keysNoticesBack, hint: .keysBack),
                    KeyBinding([.enter, .char("o")], .openRecord, .keysNoticeOpenChild, hint: .keysChildHint),
                    KeyBinding([.char("m")], .runMatch, .keysNoticesMatch, hint: .shellKeyMatchHint)] + Keymap.scrollKeys + correctionKeys
        default: return nil
        }
    }

    static let correctionKeys = [
        KeyBinding([.char("w")], .withdrawRecord, .keysNoticeWithdraw, hint: .keysWithdrawHint),
        KeyBinding([.char("e")], .amendRecord, .keysNoticeAmend, hint: .keysAmendHint),
    ]

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        if action == .openRecord { return openRecord(&model, context) }
        if action == .withdrawRecord || action == .amendRecord {
            let selected = model.notices.open ?? model.notices.table.selected.flatMap { s in
                model.index?.work.noticeOrder.indices.contains(s) == true ? model.index?.work.noticeOrder[s] : nil
            }
            guard let i = selected, let notice = model.data?.notices[i] else { return [] }
            if notice.correction?.kind == .withdrawn { model.status = Message.formCallWithdrawnNotice.text(model.language); return [] }
            model.correctionForm = action == .withdrawRecord ? CorrectionForm(withdrawing: notice) : CorrectionForm(amending: notice)
            return []
        }
        if context == .noticeDetail { return performPage(action, &model) { $0.notices.open = nil } }
        switch action {
        case .newNotice:
            model.noticeForm = model.parkedNotice ?? NoticeForm()
            model.parkedNotice = nil
        case .open:
            if let s = model.notices.table.selected, let order = model.index?.work.noticeOrder, s < order.count {
                model.notices.open = order[s]
                model.notices.pageScroll = 0
            }
        case .up, .down, .pageUp, .pageDown, .home, .end:
            move(&model.notices.table, action, rows: Geometry(model).body.height - 1, count: model.index?.work.noticeOrder.count ?? 0)
        default: break
        }
        return []
    }

    /// The notice on the open page, else on the selected row.
    static func currentNotice(_ model: Model, _ context: KeyContext) -> ProviderNotice? {
        guard let data = model.data else { return nil }
        if context == .noticeDetail { return model.notices.open.flatMap { $0 < data.notices.count ? data.notices[$0] : nil } }
        guard context == .noticeList, let s = model.notices.table.selected, let order = model.index?.work.noticeOrder, s < order.count else { return nil }
        return data.notices[order[s]]
    }

    /// The child a notice is about, for `m` (nil for a vacancy notice, or a child not in the store).
    static func child(_ model: Model, _ context: KeyContext) -> Child? {
        guard let data = model.data, let id = currentNotice(model, context)?.childID,
              let i = model.index?.children.childByID[id] else { return nil }
        return data.children[i]
    }

    /// Why `m` or `o` has no child to go to, for the bottom line.
    static func whyNoChild(_ model: Model, _ context: KeyContext) -> String? {
        guard let notice = currentNotice(model, context) else { return nil }
        if let id = notice.childID { return Message.screensNoticeChildNotInStore.text(model.language, ["id": id]) }
        return Message.screensNoticeNoChildStatus.text(model.language)
    }

    /// The child's page through the gate (the view is recorded first), over the notices; a vacancy notice
    /// opens its vacancy instead.
    static func openRecord(_ model: inout Model, _ context: KeyContext) -> [Command] {
        guard let notice = currentNotice(model, context), let data = model.data else { return [] }
        if let child = child(model, context) { return ChildPageGate.request(child.id, .peek, &model) }
        if notice.childID == nil, let id = notice.vacancyID, let i = data.vacancies.firstIndex(where: { $0.id == id }) {
            model.peek = .vacancy(i)
            model.peekScroll = 0
            return []
        }
        model.status = whyNoChild(model, context)
        return []
    }

    static func drawBody(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        if let open = model.notices.open {
            drawPage(model, title: Pages.noticeTitle(model, open), Pages.notice(model, open), scroll: model.notices.pageScroll, g, &buffer)
        } else {
            drawNoticeList(model, g, &buffer)
        }
    }
}
