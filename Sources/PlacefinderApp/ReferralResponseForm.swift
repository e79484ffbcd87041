import Foundation
import PlacementCore
import TerminalUI

/// A provider's answer to a referral, as the officer types it: an offer (weekly fee, start day), a decline
/// (reason) or a question. Opened with `o` on the match screen or Enter on the dashboard's referrals panel.
public struct ReferralResponseForm: Sendable, Equatable {
    public enum Kind: Sendable, CaseIterable { case offer, decline, question }
    public enum Field: Sendable, Equatable { case kind, fee, start, text }

    public var referralID: String
    public var childID: String
    public var providerID: String
    public var vacancyID: String?
    public var kind: Kind = .offer
    /// Typed text: the weekly fee and start day (offer), the reason (decline) or the question.
    public var fee: String
    public var start: String
    public var text = ""
    public var focus: Field = .kind
    public var attempted = false
    public var saving = false

    /// The fields of the chosen kind, in Tab order.
    var fields: [Field] { kind == .offer ? [.kind, .fee, .start] : [.kind, .text] }

    /// Where typing goes: the focused text field, or the kind's first one while the kind is focused.
    var typingField: Field { focus == .kind ? fields[1] : focus }

    mutating func edit(_ change: (inout String) -> Void) {
        switch typingField {
        case .fee: change(&fee)
        case .start: change(&start)
        case .text: change(&text)
        case .kind: break
        }
    }

    /// The answer typed, or why it cannot be saved yet.
    func response() -> Result<ReferralResponse, ResponseProblem> {
        switch kind {
        case .offer:
            guard let pounds = Int(fee.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: "")),
                  pounds > 0, Limits.weeklyFee.contains(pounds) else { return .failure(.fee) }
            guard let day = Day(iso: start.trimmingCharacters(in: .whitespaces)) else { return .failure(.start) }
            return .success(.offer(ReferralOffer(weeklyFee: pounds, start: day), note: ""))
        case .decline:
            let reason = text.trimmingCharacters(in: .whitespaces)
            return reason.isEmpty ? .failure(.reason) : .success(.decline(reason: reason))
        case .question:
            let question = text.trimmingCharacters(in: .whitespaces)
            return question.isEmpty ? .failure(.question) : .success(.question(question))
        }
    }

    public enum ResponseProblem: Error, Equatable {
        case fee, start, reason, question

        func text(_ l: Language) -> String {
            switch self {
            case .fee: Message.formReferralErrorFee.text(l)
            case .start: Message.formReferralErrorStart.text(l)
            case .reason: Message.formReferralErrorReason.text(l)
            case .question: Message.formReferralErrorQuestion.text(l)
            }
        }
    }
}

extension KeyContext {
    static let referralResponse = KeyContext("referralResponse", .keysContextReferralResponse, textEntry: true)
}

enum ReferralResponseLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.referralResponse != nil }
    static func context(_ model: Model) -> KeyContext { .referralResponse }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        guard context == .referralResponse else { return nil }
        return [
            KeyBinding([.right], .fieldNext, .keysReferralAnswerNext, hint: .keysAnswerHint, hintKey: "←→"),
            KeyBinding([.left], .fieldPrevious, .keysReferralAnswerPrevious),
            KeyBinding([.tab], .nextField, .shellKeyFieldNext, hint: .shellKeyFieldHint, hintKey: "Tab"),
            KeyBinding([.backTab], .previousField, .shellKeyFieldPrevious),
            KeyBinding([], .typeText, Wording(.keysReferralType), label: Wording(.shellKeyLetters)),
            KeyBinding([.backspace, .delete], .deleteChar, .keysDeleteChar),
            KeyBinding([.enter], .submit, .keysReferralSave, hint: .keysSaveHint),
            KeyBinding([.escape], .back, .keysCancel, hint: .keysCancel),
        ]
    }

    /// Opens the form for a referral awaiting an answer, the fee and start filled from the vacancy referred.
    static func open(_ waiting: ReferralQueue.Waiting, _ model: inout Model) {
        let r = waiting.referral
        let vacancy = r.vacancyID.flatMap { id in model.data?.vacancies.first { $0.id == id } }
        let start = max(vacancy?.availableFrom ?? model.today, model.today)
        model.referralResponse = ReferralResponseForm(referralID: r.id, childID: r.childID, providerID: r.providerID, vacancyID: r.vacancyID,
                                                      fee: vacancy.map { String($0.weeklyFee) } ?? "", start: start.iso)
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        guard var form = model.referralResponse, !form.saving || action == .back else { return [] }
        switch action {
        case .back:
            model.referralResponse = nil
            return []
        case .fieldNext, .fieldPrevious:
            let kinds = ReferralResponseForm.Kind.allCases
            let i = kinds.firstIndex(of: form.kind) ?? 0
            form.kind = kinds[(i + (action == .fieldNext ? 1 : kinds.count - 1)) % kinds.count]
            form.focus = .kind
        case .nextField, .previousField:
            let i = form.fields.firstIndex(of: form.focus) ?? 0
            form.focus = form.fields[(i + (action == .nextField ? 1 : form.fields.count - 1)) % form.fields.count]
        case .deleteChar:
            form.edit { if !$0.isEmpty { $0.removeLast() } }
        case .submit:
            form.attempted = true
            if case .success(let response) = form.response() {
                form.saving = true
                model.referralResponse = form
                return [.respondToReferral(id: form.referralID, response)]
            }
        default:
            break
        }
        model.referralResponse = form
        return []
    }

    static func type(_ c: Character, _ context: KeyContext, _ model: inout Model) {
        guard var form = model.referralResponse, !form.saving else { return }
        form.edit { $0.append(c) }
        model.referralResponse = form
    }

    static func finished(_ model: inout Model, succeeded: Bool) {
        guard model.referralResponse?.saving == true else { return }
        if succeeded { model.referralResponse = nil } else { model.referralResponse?.saving = false }
    }

    static func drawOver(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let form = model.referralResponse, let data = model.data else { return }
        let provider = model.index?.providers.byID[form.providerID].map { data.providers[$0] }
        let child = model.index?.children.childByID[form.childID].map { data.children[$0] }
        let l = model.language
        let names: [Message] = [.formReferralReferral, .formReferralProvider, .formReferralChild, .formReferralAnswer, .formReferralFee,
                                .formReferralStart, .formReferralReason, .formReferralQuestion]
        let column = FormWords.column(names.map { $0.text(l) }, minimum: 9)
        func name(_ message: Message) -> String { FormWords.pad(message.text(l), column) }
        func label(_ message: Message, _ field: ReferralResponseForm.Field) -> Span {
            Span(name(message), style: form.focus == field || (form.focus == .kind && form.typingField == field) ? Style(.accent, bold: true) : .muted)
        }
        func entry(_ text: String, _ field: ReferralResponseForm.Field) -> [Span] {
            [Span(text, style: Style(.normal, underline: true))]
                + (form.typingField == field ? [Span("▏", style: Style(.normal, underline: true), caret: true)] : [])
        }
        func word(_ kind: ReferralResponseForm.Kind) -> String {
            switch kind {
            case .offer: Message.formReferralKindOffer.text(l)
            case .decline: Message.formReferralKindDecline.text(l)
            case .question: Message.formReferralKindQuestion.text(l)
            }
        }
        var lines: [[Span]] = [
            [Span(name(.formReferralReferral), style: .muted), Span(form.referralID),
             Span(form.vacancyID.map { Message.formCallVacancy.text(l, ["id": $0]) } ?? "", style: .muted)],
            [Span(name(.formReferralProvider), style: .muted), Span(provider?.name ?? form.providerID)],
            [Span(name(.formReferralChild), style: .muted), Span("\(form.childID) \(child?.initials ?? "")")],
            [],
            [label(.formReferralAnswer, .kind)] + ReferralResponseForm.Kind.allCases.flatMap { k -> [Span] in
                [Span(k == form.kind ? "[\(word(k))]" : " \(word(k)) ", style: k == form.kind ? Style(.selected, bold: true) : .muted), Span(" ")]
            },
        ]
        switch form.kind {
        case .offer:
            lines.append([label(.formReferralFee, .fee)] + entry(form.fee, .fee))
            // The day as read, in the language showing, so a mistyped month is seen before it is saved.
            let day = Day(iso: form.start.trimmingCharacters(in: .whitespaces)).map { "  → " + Format.long($0, l) } ?? ""
            lines.append([label(.formReferralStart, .start)] + entry(form.start, .start) + [Span(day, style: .muted)])
        case .decline:
            lines.append([label(.formReferralReason, .text)] + entry(form.text, .text))
        case .question:
            lines.append([label(.formReferralQuestion, .text)] + entry(form.text, .text))
        }
        if form.attempted, case .failure(let problem) = form.response() {
            lines.append([Span(String(repeating: " ", count: column + 1) + problem.text(l), style: .urgent)])
        }
        lines.append([])
        lines.append([Span((form.saving ? Message.formReferralSaving : Message.formReferralHint).text(l), style: .muted)])
        drawLinesModal(model, title: Message.formReferralTitle.text(l), lines, width: 76, &buffer)
    }
}
