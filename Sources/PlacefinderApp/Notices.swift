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
let noChildText = "none: a notice about a vacancy, not a child"
let noChildStatus = "A vacancy notice names no child: no matches to rank"

/// "withdrawn 10:42 by alun.owen: logged against wrong child".
func correctionWords(_ c: Correction, today: Day) -> String {
    "\(c.kind == .withdrawn ? NoticeText.withdrawn : NoticeText.amended) \(when(c.at, today: today)) by \(c.by): \(c.reason)"
}

enum NoticeText {
    static let withdrawn = "withdrawn"
    static let amended = "amended"
}


func drawNoticeList(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
    guard let data = model.data, let index = model.index else { return }
    let order = index.work.noticeOrder
    let header = g.body.row(0)
    var spans = [Span("Notices from providers, newest first", style: Pages.heading),
                 Span(" · \(Format.plural(order.count, "notice"))" + (header.width >= 100 && model.parkedNotice == nil ? " · short-notice endings stand out · a logs a call" : ""), style: .muted)]
    if model.parkedNotice != nil { spans.append(Span(" · a notice is set aside: a brings it back", style: .warning)) }
    buffer.set(x: header.x, y: header.y, spans: spans, maxWidth: header.width)
    let area = g.noticeTable
    let wide = area.width >= 120
    // Each row names its notice ("notice N0036 logged" points at it).
    let idWidth = min(12, max(2, data.notices.map(\.id.count).max() ?? 2))
    var columns = [Column("ID", width: .length(idWidth)), Column("Received", width: .length(12)), Column("Provider", width: .fill(1)),
                   Column("Kind", width: .length(wide ? 17 : 11)),
                   Column("Child", width: .length(5)), Column("Effective", width: .length(wide ? 13 : 12)), Column("Notice", width: .length(14))]
    if wide { columns += [Column("Reason", width: .length(28)), Column("Logged by", width: .length(10))] }
    let children = index.children.childByID
    let providers = index.providers.byID
    let today = model.today
    var table = Table(columns: columns, rowCount: order.count) { position in
        let n = data.notices[order[position]]
        let provider = providers[n.providerID].map { data.providers[$0].name } ?? n.providerID
        let child = n.childID.flatMap { children[$0] }.map { data.children[$0].initials } ?? (n.childID ?? "")
        let kind = wide ? n.kind.label : n.kind.shortLabel
        let notice = n.kind == .placementEnding ? Format.notice(n.noticeLength) : (text: "", short: false)
        let withdrawn = n.correction?.kind == .withdrawn
        let urgent = notice.short && !withdrawn
        var cells: [TableCell] = [
            TableCell(n.id), TableCell(when(n.receivedAt, today: today)), TableCell(provider), TableCell(kind, style: urgent ? .urgent : nil),
            TableCell(child), TableCell(n.effectiveAt.map { when($0, today: today) } ?? ""),
            TableCell(withdrawn ? NoticeText.withdrawn : n.correction != nil ? NoticeText.amended : notice.text, style: urgent ? .urgent : nil),
        ]
        if wide { cells += [TableCell(n.reason?.label ?? ""), TableCell(n.loggedBy)] }
        return TableRow(cells, style: urgent ? .urgent : withdrawn ? .muted : nil)
    }
    table.emptyMessage = "No notices logged. Press a to log a provider's call."
    var state = model.notices.table
    table.render(in: area, buffer: &buffer, state: &state)
}

extension NoticeKind {
    var shortLabel: String {
        switch self {
        case .placementEnding: "ending"
        case .vacancyOpened: "vac opened"
        case .vacancyChanged: "vac changed"
        case .vacancyFilled: "vac filled"
        case .vacancyWithdrawn: "vac withdrwn"
        }
    }

    var isVacancyChange: Bool { self == .vacancyChanged || self == .vacancyFilled || self == .vacancyWithdrawn }
}

extension Pages {
    static func noticeTitle(_ model: Model, _ i: Int) -> String {
        guard let data = model.data, i < data.notices.count else { return "Notice" }
        let n = data.notices[i]
        return "Notice \(n.id) · \(n.kind.label)"
    }

    static func notice(_ model: Model, _ i: Int) -> [PageItem] {
        guard let data = model.data, let index = model.index, i < data.notices.count else { return [] }
        let n = data.notices[i]
        let today = model.today
        var out: [PageItem] = []
        let provider = index.providers.byID[n.providerID].map { data.providers[$0] }
        out.append(field("Provider", provider.map { "\($0.name) (\($0.id))" } ?? n.providerID))
        if let contact = provider?.contact, !contact.phone.isEmpty { out.append(field("Phone", "\(contact.name) · \(contact.phone)")) }
        out.append(field("Kind", n.kind.label, style: isShortNotice(n) ? .urgent : .normal))
        out.append(field("Received", "\(Format.long(Format.day(n.receivedAt))) \(Format.clock(n.receivedAt)) · logged by \(n.loggedBy)"))
        if let e = n.effectiveAt { out.append(field("Effective", "\(Format.long(Format.day(e))) \(Format.clock(e)) (\(whenInWords(e, today: today)))")) }
        if n.kind == .placementEnding {
            let notice = Format.notice(n.noticeLength)
            out.append(field("Notice given", notice.text, style: notice.short ? .urgent : .normal))
        }
        if let id = n.childID {
            let child = index.children.childByID[id].map { data.children[$0] }
            out.append(field("Child", [Span("\(id) \(child?.initials ?? "")"),
                                       Span(child == nil ? " (not in the store)" : " · Enter opens their page · m ranks vacancies for them", style: .muted)]))
        } else {
            out.append(field("Child", noChildText, style: .muted))
        }
        if let r = n.reason { out.append(field("Reason", "\(r.label) (\(r.rawValue))")) }
        if let v = n.vacancyID { out.append(field("Vacancy", v)) }
        out.append(field("Notes", n.text.isEmpty ? "none" : n.text, style: n.text.isEmpty ? .muted : .normal))
        if let c = n.correction {
            out.append(field(c.kind == .withdrawn ? "Withdrawn" : "Amended",
                             [Span(correctionWords(c, today: today), style: c.kind == .withdrawn ? .warning : .normal)]))
            out.append(field("Corrects", c.corrects))
        }
        return out
    }
}

extension Tab {
    public static let notices = Tab("Notices")
}

extension KeyContext {
    static let noticeList = KeyContext("noticeList", "Notices")
    static let noticeDetail = KeyContext("noticeDetail", "Notice")
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
            return [KeyBinding([.enter], .open, "open the notice", hint: "open")] + Keymap.moveKeys + [
                KeyBinding([.char("a")], .newNotice, "log a new notice (or resume the one set aside)", hint: "new notice"),
                KeyBinding([.char("m")], .runMatch, "rank vacancies for the notice's child", hint: "match"),
                KeyBinding([.char("o")], .openRecord, "open the notice's child page (or its vacancy)", hint: "child"),
            ] + correctionKeys
        case .noticeDetail:
            return [KeyBinding([.escape, .backspace], .back, "back to the notices", hint: "back"),
                    KeyBinding([.enter, .char("o")], .openRecord, "open the child's page (or the vacancy)", hint: "child"),
                    KeyBinding([.char("m")], .runMatch, "rank vacancies for the notice's child", hint: "match")] + Keymap.scrollKeys + correctionKeys
        default: return nil
        }
    }

    static let correctionKeys = [
        KeyBinding([.char("w")], .withdrawRecord, "withdraw the notice (logged in error: kept, marked withdrawn)", hint: "withdraw"),
        KeyBinding([.char("e")], .amendRecord, "amend the notice's notes (a new record; the original is kept)", hint: "amend"),
    ]

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        if action == .openRecord { return openRecord(&model, context) }
        if action == .withdrawRecord || action == .amendRecord {
            let selected = model.notices.open ?? model.notices.table.selected.flatMap { s in
                model.index?.work.noticeOrder.indices.contains(s) == true ? model.index?.work.noticeOrder[s] : nil
            }
            guard let i = selected, let notice = model.data?.notices[i] else { return [] }
            if notice.correction?.kind == .withdrawn { model.status = CallText.withdrawnNotice; return [] }
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
        if let id = notice.childID { return "\(id) is not in the store" }
        return noChildStatus
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
