import Foundation
import PlacementCore
import TerminalUI

// Referrals from the match screen: space marks candidates, s sends one referral pack to every marked
// provider (after a question listing what the pack lacks), o logs a provider's answer; offers show beside
// the engine's choice. The dashboard lists referrals awaiting an answer, overdue first.

/// Referrals in the ring-round log, computed once per load.
struct ReferralIndex: Sendable {
    /// Referrals with neither an offer nor a decline, soonest due first (so the overdue lead).
    let awaiting: [ReferralQueue.Waiting]
    /// Offers answering referrals, by child.
    let offersByChild: [String: [Contact]]

    init(contacts: [Contact]) {
        awaiting = ReferralQueue.awaiting(contacts, now: .distantPast)
        let all = Set(contacts.map(\.childID))
        offersByChild = Dictionary(grouping: ReferralQueue.offers(contacts, childIDs: all), by: \.childID)
    }
}

/// The question before a referral goes: to whom, what the pack holds, what it lacks, when the answer is due.
public struct ReferralSendState: Sendable, Equatable {
    public var childID: String
    public var vacancyIDs: [String]
    public var responseDue: Date
    public var sections: [ReferralSection]
    public var missing: [MissingInformation]
    public var saving = false
}

extension KeyContext {
    static let referralSend = KeyContext("referralSend", .keysContextReferralSend)
}

/// The referral texts in English, as tests name them; screens read `Message` in the officer's language.
enum ReferralText {
    static let noReferral = Message.screensReferralNoReferral.text(.en)
    static let offersHeading = Message.screensReferralOffersHeading.text(.en)
}

enum Referrals {
    /// space: mark or unmark the selected candidate's vacancy, then move down, so three presses mark three.
    static func toggleMark(_ model: inout Model) {
        guard var match = model.match, let c = match.selected else { return }
        if let i = match.marked.firstIndex(of: c.vacancy.id) { match.marked.remove(at: i) } else { match.marked.append(c.vacancy.id) }
        let count = match.data?.candidates.count ?? 0
        if let s = match.table.selected, s + 1 < count {
            match.table.selected = s + 1
            match.detailScroll = 0
            match.table.scrollToSelection(visibleRows: MatchLayout(model).tableRows, rowCount: count)
        }
        model.match = match
    }

    /// s: the send question for the marked vacancies (the selected one when none is marked).
    static func openSend(_ model: inout Model) {
        guard let match = model.match, let data = model.data else { return }
        let vacancies = match.marked.isEmpty ? (match.selected.map { [$0.vacancy.id] } ?? []) : match.marked
        guard !vacancies.isEmpty else {
            model.status = Message.screensReferralNoneMarked.text(model.language)
            return
        }
        guard let child = model.index?.children.childByID[match.childID].map({ data.children[$0] }) else { return }
        let siblings = child.siblingGroup.map { g in
            data.children.filter { $0.siblingGroup?.groupID == g.groupID && $0.id != child.id && $0.status != .placed }
        } ?? []
        let due = ReferralDraft.defaultResponseDue(now: model.now, emergency: child.urgency.isEmergency)
        let pack = ReferralPack(child: child, siblings: siblings, today: model.today, sentAt: model.now, sentBy: model.officer,
                                responseDue: due)
        model.referralSend = ReferralSendState(childID: child.id, vacancyIDs: vacancies, responseDue: due,
                                               sections: pack.sectionKeys, missing: pack.missing)
    }

    /// The referral to the selected candidate's provider still awaiting an answer, if any.
    static func awaiting(_ model: Model, childIDs: [String], providerID: String) -> ReferralQueue.Waiting? {
        model.index?.work.referrals.awaiting.first { $0.referral.providerID == providerID && childIDs.contains($0.referral.childID) }
    }

    /// Lines over the ranking when providers have offered: each offer with the engine's rank of its vacancy,
    /// and the engine's own first choice, so the officer weighs them side by side.
    static func offerLines(_ model: Model) -> [[Span]] {
        guard let result = model.match?.data, let work = model.index?.work else { return [] }
        let offers = result.childIDs.flatMap { work.referrals.offersByChild[$0] ?? [] }
        guard !offers.isEmpty else { return [] }
        let providerName: (String) -> String = { id in
            model.index?.providers.byID[id].map { model.data!.providers[$0].name } ?? id
        }
        let l = model.language
        var lines: [[Span]] = []
        if let top = result.candidates.first {
            let from = top.vacancy.availableFrom <= model.today ? Message.screensNow.text(l) : Format.short(top.vacancy.availableFrom, l)
            lines.append([Span(Message.screensReferralEngineChoice.text(l), style: .muted), Span("#\(top.rank) \(top.vacancy.id) \(top.provider.name)", style: .good),
                          Span(Message.screensReferralListed.text(l, ["fee": Money.pounds(top.vacancy.weeklyFee), "from": from]))])
        }
        let ranked = offers.map { offer -> (rank: Int?, offer: Contact) in
            (result.candidates.first { $0.vacancy.id == offer.vacancyID }?.rank, offer)
        }.sorted { ($0.rank ?? Int.max, $0.offer.id) < ($1.rank ?? Int.max, $1.offer.id) }
        for (rank, offer) in ranked.prefix(3) {
            guard let terms = offer.offer else { continue }
            let place = rank.map { "#\($0)" } ?? Message.screensReferralNotRanked.text(l)
            lines.append([Span(Message.screensReferralOffer.text(l, ["id": offer.id]), style: .muted),
                          Span("\(place) \(offer.vacancyID ?? "") \(providerName(offer.providerID))", style: .good),
                          Span(Message.screensReferralOffered.text(l, ["fee": Money.pounds(terms.weeklyFee), "from": Format.short(terms.start, l)]))])
        }
        return [[Span(Message.screensReferralOffersHeading.text(l), style: .header)]] + lines
    }
}

/// The send question (`s` on the match screen).
enum ReferralSendLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.referralSend != nil }
    static func context(_ model: Model) -> KeyContext { .referralSend }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        guard context == .referralSend else { return nil }
        return [
            KeyBinding([.enter, .char("y")], .confirm, .keysReferralSend, hint: .keysSendHint),
            KeyBinding([.escape, .char("n")], .back, .keysCancel, hint: .keysCancel),
            KeyBinding([.right], .fieldNext, .keysReferralDeadlineLater, hint: .keysDeadlineHint, hintKey: "←→"),
            KeyBinding([.left], .fieldPrevious, .keysReferralDeadlineEarlier),
        ]
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        guard var state = model.referralSend, !state.saving || action == .back else { return [] }
        switch action {
        case .back:
            model.referralSend = nil
        case .confirm:
            state.saving = true
            model.referralSend = state
            return [.sendReferral(ReferralDraft(childID: state.childID, vacancyIDs: state.vacancyIDs, responseDue: state.responseDue,
                                                sections: state.sections))]
        case .fieldNext, .fieldPrevious:
            let moved = state.responseDue.addingTimeInterval(action == .fieldNext ? 3600 : -3600)
            if moved > model.now { state.responseDue = moved }
            model.referralSend = state
        default:
            break
        }
        return []
    }

    /// The runtime answered: on success the marks go and the question closes.
    static func finished(_ model: inout Model, succeeded: Bool) {
        guard let state = model.referralSend, state.saving else { return }
        if succeeded {
            model.referralSend = nil
            model.match?.marked = []
        } else {
            model.referralSend?.saving = false
        }
    }

    static func drawOver(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let state = model.referralSend, let data = model.data else { return }
        buffer.cursor = nil
        let child = model.index?.children.childByID[state.childID].map { data.children[$0] }
        let l = model.language
        var lines: [[Span]] = [[Span(Message.screensReferralChildLabel.text(l), style: .muted), Span("\(state.childID) \(child?.initials ?? "")")], []]
        for id in state.vacancyIDs {
            let v = data.vacancies.first { $0.id == id }
            let name = v.flatMap { v in model.index?.providers.byID[v.providerID].map { data.providers[$0].name } } ?? id
            lines.append([Span(Message.screensReferralToLabel.text(l), style: .muted), Span(name), Span(" · \(id)", style: .muted)])
        }
        lines.append([Span(Message.screensReferralSectionsLabel.text(l), style: .muted), Span(state.sections.map(\.title).joined(separator: ", "))])
        let day = Format.day(state.responseDue) == model.today ? Message.screensToday.text(l) : Format.long(Format.day(state.responseDue), l)
        lines.append([Span(Message.screensReferralAnswerByLabel.text(l), style: .muted), Span("\(day) \(Format.clock(state.responseDue))", style: Style(.normal, bold: true))])
        lines.append([])
        if state.missing.isEmpty {
            lines.append([Span(Message.screensReferralNothingMissing.text(l), style: .good)])
        } else {
            lines.append([Span(Message.screensReferralMissingHeading.text(l), style: .warning)])
            for gap in state.missing { lines.append([Span("! " + gap.text, style: .warning)]) }
        }
        lines.append([])
        lines.append([Span(state.saving ? Message.screensReferralSending.text(l) : Message.screensReferralSendHint.text(l), style: .muted)])
        drawLinesModal(model, title: Message.screensReferralSendTitle.text(l), lines, width: 84, &buffer)
    }
}

/// The dashboard's referrals panel: each referral awaiting an answer, overdue first, with the provider's
/// question if they asked one. Enter logs the answer; m ranks for the child.
func drawReferralsPanel(_ model: Model, _ waiting: [ReferralQueue.Waiting], in inner: Rect, state: inout ScrollState, _ buffer: inout Buffer) {
    guard let data = model.data, let index = model.index else { return }
    let l = model.language
    // Welsh short months run to four letters ("30 Tach"): the due column is one wider in Welsh.
    var table = Table(columns: [Column(Message.screensColDue.text(l), width: .length(l == .cy ? 7 : 6)), Column(Message.screensColChild.text(l), width: .length(l == .cy ? 7 : 6)),
                                Column(Message.screensColProvider.text(l), width: .fill(1)),
                                Column(Message.screensColStatus.text(l), width: .length(8))], rowCount: waiting.count, row: { r in
        let w = waiting[r]
        let due = w.referral.referral!.responseDue
        let overdue = due < model.now
        let when = Format.day(due) == model.today ? Format.clock(due) : Format.short(Format.day(due), l)
        let provider = index.providers.byID[w.referral.providerID].map { data.providers[$0].name } ?? w.referral.providerID
        let status = overdue ? TableCell(Message.screensReferralOverdue.text(l), style: .urgent)
            : w.question != nil ? TableCell(Message.screensReferralQuestion.text(l), style: .warning) : TableCell(Message.screensReferralWaiting.text(l), style: .muted)
        return TableRow([TableCell(when, style: overdue ? .urgent : nil), TableCell(w.referral.childID), TableCell(provider), status])
    })
    table.emptyMessage = Message.screensReferralNoneWaiting.text(l)
    table.headerStyle = .muted
    table.render(in: inner, buffer: &buffer, state: &state)
}
