import Foundation
import PlacementCore
import TerminalUI

// Due call-backs on the dashboard, and the child's notices and calls (with their corrections) on the
// child's page.

/// Call-backs due by the end of today, soonest (and overdue) first.
func dueCallBacks(_ model: Model) -> [Contact] {
    guard let index = model.index else { return [] }
    let until = WorkflowTime.endOfDay(model.now)
    return index.work.callBacks.prefix { ($0.callBackAt ?? .distantFuture) <= until }.map { $0 }
}

/// One line along the bottom edge of `area` (the dashboard's notices panel): "Call-backs due (2): 10:00
/// Tŷ Gwyn re C0004 · 11:30 …"; nothing when none is due.
func drawDueCallBacks(_ model: Model, in area: Rect, _ buffer: inout Buffer) {
    let due = dueCallBacks(model)
    guard !due.isEmpty, let data = model.data, let index = model.index, area.height > 2, area.width > 12 else { return }
    let l = model.language
    var spans = [Span(" \(Message.formCallBacksDue.text(l)) (\(due.count)): ", style: Style(.warning, bold: true))]
    for (n, c) in due.enumerated() {
        let provider = index.providers.byID[c.providerID].map { data.providers[$0].name } ?? c.providerID
        let overdue = c.callBackAt! < model.now
        spans.append(Span((n == 0 ? "" : " · ") + FormWords.stamp(c.callBackAt!, today: model.today, l), style: overdue ? .urgent : .warning))
        spans.append(Span(" " + Message.formCallBacksItem.text(l, ["provider": provider, "child": c.childID])))
    }
    spans.append(Span(" "))
    buffer.set(x: area.x + 1, y: area.y + area.height - 1, spans: spans, maxWidth: area.width - 2)
}

extension Pages {
    /// The child's notices and calls, newest first; each shown as it now stands, with how it was corrected.
    static func ringRound(_ model: Model, childID: String) -> [PageItem] {
        guard let data = model.data, let index = model.index else { return [] }
        let today = model.today
        let l = model.language
        let provider: (String) -> String = { id in index.providers.byID[id].map { data.providers[$0].name } ?? id }
        var out: [PageItem] = [blank, PageItem(spans: [Span(Message.formRingHeading.text(l), style: heading)])]

        let notices = data.notices.filter { $0.childID == childID }
        let noticeNext = Corrections.replacements(notices)
        let calls = data.contacts.filter { $0.childID == childID }
        let callNext = Corrections.replacements(calls)
        // Each chain from its original: (when, lines).
        var entries: [(Date, String, [PageItem])] = []
        for original in notices where original.correction == nil {
            var chain = [original]
            while let next = noticeNext[chain.last!.id] { chain.append(next) }
            let head = chain.last!
            let withdrawn = head.correction?.kind == .withdrawn
            var spans = [Span(FormWords.stamp(head.receivedAt, today: today, l) + " ", style: .muted),
                         Span("\(head.id) \(head.kind.label(l))", style: withdrawn ? .muted : Style(.normal, bold: true)),
                         Span(" · " + provider(head.providerID))]
            if let e = head.effectiveAt { spans.append(Span(Message.formRingEffective.text(l, ["when": FormWords.when(e, today: today, l)]))) }
            if !head.text.isEmpty { spans.append(Span(" · " + head.text, style: .muted)) }
            var items = [PageItem(spans: spans)]
            for c in chain.compactMap(\.correction) {
                items.append(PageItem(spans: [Span(correctionWords(c, today: today), style: c.kind == .withdrawn ? .warning : .muted)], indent: 4))
            }
            entries.append((original.receivedAt, original.id, items))
        }
        for original in calls where original.correction == nil {
            var chain = [original]
            while let next = callNext[chain.last!.id] { chain.append(next) }
            let head = chain.last!
            var spans = [Span(FormWords.stamp(head.at, today: today, l) + " ", style: .muted),
                         Span(Message.formRingCall.text(l, ["id": head.id]), style: Style(.normal, bold: true)),
                         Span(" · " + provider(head.providerID) + (head.vacancyID.map { " (\($0))" } ?? "")),
                         Span(" · " + head.outcome.label(l), style: head.outcome == .declined ? .warning : head.outcome == .accepted ? .good : .normal)]
            if let reason = head.declineReason {
                spans.append(Span(": \(reason) (" + (head.effectiveDeclineScope ?? .provider).label(l) + ")"))
            }
            spans.append(Span(" · \(head.by)", style: .muted))
            var items = [PageItem(spans: spans)]
            if !head.note.isEmpty { items.append(PageItem(spans: [Span(Message.formRingNote.text(l, ["note": head.note]))], indent: 4)) }
            if let back = head.callBackAt {
                items.append(PageItem(spans: [Span(Message.formRingCallBack.text(l, ["when": FormWords.when(back, today: today, l)]), style: back < model.now ? .urgent : .warning)], indent: 4))
            }
            for c in chain.compactMap(\.correction) {
                items.append(PageItem(spans: [Span(correctionWords(c, today: today), style: .muted)], indent: 4))
            }
            entries.append((original.at, original.id, items))
        }
        if entries.isEmpty { out.append(PageItem(spans: [Span(Message.formRingNone.text(l), style: .muted)])) }
        for e in entries.sorted(by: { $0.0 != $1.0 ? $0.0 > $1.0 : $0.1 > $1.1 }) { out += e.2 }
        return out
    }
}
