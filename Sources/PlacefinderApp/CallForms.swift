import Foundation
import PlacementCore
import TerminalUI

// The call form's fields (note, call-back, decline scope) and the correction form (withdraw or amend a
// notice, amend a call). Both are modals; Tab moves between fields, ←→ changes a choice, letters type.

/// Fields of the call form, in Tab order (the decline's reason and scope only for a decline).
public enum ContactField: Sendable, Equatable {
    case outcome, reason, scope, note, callBack
}

extension ContactForm {
    var fields: [ContactField] { outcome == .declined ? [.outcome, .reason, .scope, .note, .callBack] : [.outcome, .note, .callBack] }

    /// Where typed letters go: the focused text field, or from the outcome the reason (decline) or the note.
    var typingField: ContactField {
        switch focus {
        case .outcome, .scope: outcome == .declined ? .reason : .note
        default: focus
        }
    }

    func callBackTime(now: Date) -> Date? {
        let text = callBack.trimmingCharacters(in: .whitespaces)
        return text.isEmpty ? nil : FormTime.parse(text, now: now)
    }

    /// What stops the call being saved, in the officer's language; nil when nothing does.
    func problem(now: Date, _ l: Language) -> String? {
        if outcome == .declined && reason.trimmingCharacters(in: .whitespaces).isEmpty { return Message.formCallErrorDeclineReason.text(l) }
        if !callBack.trimmingCharacters(in: .whitespaces).isEmpty && callBackTime(now: now) == nil { return Message.formCallErrorCallBack.text(l) }
        if let back = callBackTime(now: now), back < now { return Message.formCallErrorCallBackPast.text(l) }
        return nil
    }
}

func performContactForm(_ action: Action, _ model: inout Model) -> [Command] {
    guard var form = model.contactForm, !form.saving || action == .back else { return [] }
    switch action {
    case .back:
        model.contactForm = nil
        return []
    case .nextField, .previousField:
        let fields = form.fields
        let i = fields.firstIndex(of: form.focus) ?? 0
        form.focus = fields[(i + (action == .nextField ? 1 : fields.count - 1)) % fields.count]
    case .fieldNext, .fieldPrevious:
        if form.focus == .scope {
            form.scope = form.scope == .vacancy ? .provider : .vacancy
        } else {
            let outcomes = Contact.Outcome.calls
            let i = outcomes.firstIndex(of: form.outcome) ?? 0
            form.outcome = outcomes[(i + (action == .fieldNext ? 1 : outcomes.count - 1)) % outcomes.count]
            form.focus = .outcome
        }
    case .deleteChar:
        form.edit(form.typingField) { if !$0.isEmpty { $0.removeLast() } }
    case .submit:
        form.attempted = true
        if form.problem(now: model.now, model.language) == nil {
            form.saving = true
            model.contactForm = form
            let declined = form.outcome == .declined
            let reason = form.reason.trimmingCharacters(in: .whitespaces)
            return [.recordContact(Contact(id: "", childID: form.childID, providerID: form.providerID, vacancyID: form.vacancyID,
                                           at: model.now, outcome: form.outcome, declineReason: declined ? reason : nil,
                                           by: model.officer, note: form.note.trimmingCharacters(in: .whitespaces),
                                           callBackAt: form.callBackTime(now: model.now),
                                           declineScope: declined ? (form.vacancyID == nil ? .provider : form.scope) : nil))]
        }
    default:
        break
    }
    model.contactForm = form
    return []
}

extension ContactForm {
    mutating func edit(_ field: ContactField, _ change: (inout String) -> Void) {
        switch field {
        case .reason: change(&reason)
        case .note: change(&note)
        case .callBack: change(&callBack)
        case .outcome, .scope: break
        }
    }
}

func drawContactForm(_ model: Model, _ form: ContactForm, _ buffer: inout Buffer) {
    guard let data = model.data else { return }
    let provider = data.providers.first { $0.id == form.providerID }
    let child = model.index?.children.childByID[form.childID].map { data.children[$0] }
    let l = model.language
    let names: [Message] = [.formCallProvider, .formCallContact, .formCallChild, .formCallOutcome, .formCallReason, .formCallScope,
                            .formCallNote, .formCallCallBack]
    // One column for every label, as wide as the longest in the language showing (10 in English, as before).
    let column = FormWords.column(names.map { $0.text(l) }, minimum: 9)
    func name(_ message: Message) -> String { FormWords.pad(message.text(l), column) }
    func label(_ message: Message, _ field: ContactField) -> Span {
        Span(name(message), style: form.focus == field || (form.focus == .outcome && form.typingField == field) ? Style(.accent, bold: true) : .muted)
    }
    func entry(_ text: String, _ field: ContactField) -> [Span] {
        [Span(text, style: Style(.normal, underline: true))] + (form.typingField == field ? [Span("▏", style: Style(.normal, underline: true), caret: true)] : [])
    }
    var lines: [[Span]] = [
        [Span(name(.formCallProvider), style: .muted), Span(provider?.name ?? form.providerID)],
        [Span(name(.formCallContact), style: .muted), Span([provider?.contact.name, provider?.contact.phone].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · "))],
        [Span(name(.formCallChild), style: .muted), Span("\(form.childID) \(child?.initials ?? "")"),
         Span(form.vacancyID.map { Message.formCallVacancy.text(l, ["id": $0]) } ?? "", style: .muted)],
        [],
        [label(.formCallOutcome, .outcome)] + Contact.Outcome.calls.flatMap { o -> [Span] in
            let words = o.label(l)
            return [Span(o == form.outcome ? "[\(words)]" : " \(words) ", style: o == form.outcome ? Style(.selected, bold: true) : .muted), Span(" ")]
        },
    ]
    if form.outcome == .declined {
        lines.append([label(.formCallReason, .reason)] + entry(form.reason, .reason))
        if form.vacancyID != nil {
            lines.append([label(.formCallScope, .scope)] + DeclineScope.allCases.flatMap { s -> [Span] in
                let text = s.label(l)
                return [Span(s == form.scope ? "[\(text)]" : " \(text) ", style: s == form.scope ? Style(.selected, bold: true) : .muted), Span(" ")]
            })
        }
    }
    lines.append([label(.formCallNote, .note)] + entry(form.note, .note))
    lines.append([label(.formCallCallBack, .callBack)] + entry(form.callBack, .callBack)
                 + (form.callBack.isEmpty && form.focus != .callBack ? [Span(Message.formCallCallBackHint.text(l), style: .muted)] : []))
    if form.attempted, let problem = form.problem(now: model.now, l) {
        lines.append([Span(String(repeating: " ", count: column + 1) + problem, style: .urgent)])
    }
    lines.append([])
    lines.append([Span((form.saving ? Message.formCallSaving : Message.formCallHint).text(l), style: .muted)])
    drawLinesModal(model, title: Message.formCallTitle.text(l), lines, width: 76, &buffer)
}

// MARK: - Corrections

/// Withdrawing or amending a notice, or amending a call: every correction needs a reason.
public struct CorrectionForm: Sendable, Equatable {
    public enum Target: Sendable, Equatable {
        case withdrawNotice(String), amendNotice(String), amendCall(String)
    }

    public enum Field: Sendable, Equatable { case outcome, text, callBack, reason }

    public var target: Target
    /// Amending a call: the outcome; the note (call) or the notes (notice); the call-back as typed.
    public var outcome: Contact.Outcome?
    public var text = ""
    public var callBack = ""
    public var reason = ""
    public var focus: Field
    var original: (outcome: Contact.Outcome?, text: String, callBack: String)
    public var attempted = false
    public var saving = false

    public static func == (a: Self, b: Self) -> Bool {
        a.target == b.target && a.outcome == b.outcome && a.text == b.text && a.callBack == b.callBack && a.reason == b.reason
            && a.focus == b.focus && a.attempted == b.attempted && a.saving == b.saving
    }

    public init(withdrawing notice: ProviderNotice) {
        target = .withdrawNotice(notice.id)
        focus = .reason
        original = (nil, "", "")
    }

    public init(amending notice: ProviderNotice) {
        target = .amendNotice(notice.id)
        text = notice.text
        focus = .text
        original = (nil, notice.text, "")
    }

    public init(amending call: Contact, today: Day) {
        target = .amendCall(call.id)
        outcome = call.outcome
        text = call.note
        callBack = call.callBackAt.map { whenInWords($0, today: today) } ?? ""
        focus = .outcome
        original = (call.outcome, call.note, callBack)
    }

    var fields: [Field] {
        switch target {
        case .withdrawNotice: [.reason]
        case .amendNotice: [.text, .reason]
        case .amendCall: [.outcome, .text, .callBack, .reason]
        }
    }

    func title(_ l: Language) -> String {
        switch target {
        case .withdrawNotice(let id): Message.formCorrectionWithdrawNotice.text(l, ["id": id])
        case .amendNotice(let id): Message.formCorrectionAmendNotice.text(l, ["id": id])
        case .amendCall(let id): Message.formCorrectionAmendCall.text(l, ["id": id])
        }
    }

    func problem(now: Date, _ l: Language) -> String? {
        if reason.trimmingCharacters(in: .whitespaces).isEmpty { return Message.formCorrectionErrorReason.text(l) }
        if case .withdrawNotice = target { return nil }
        if callBack != original.callBack && !callBack.trimmingCharacters(in: .whitespaces).isEmpty
            && FormTime.parse(callBack, now: now) == nil { return Message.formCallErrorCallBack.text(l) }
        if outcome == original.outcome && text == original.text && callBack == original.callBack { return Message.formCorrectionErrorUnchanged.text(l) }
        return nil
    }

    func command(now: Date) -> Command {
        let why = reason.trimmingCharacters(in: .whitespaces)
        switch target {
        case .withdrawNotice(let id):
            return .withdrawNotice(id: id, reason: why)
        case .amendNotice(let id):
            return .amendNotice(id: id, NoticeAmendment(text: text), reason: why)
        case .amendCall(let id):
            let typed = callBack.trimmingCharacters(in: .whitespaces)
            let changedBack = callBack != original.callBack
            return .amendContact(id: id, ContactAmendment(
                outcome: outcome == original.outcome ? nil : outcome, note: text == original.text ? nil : text,
                callBackAt: changedBack && !typed.isEmpty ? FormTime.parse(typed, now: now) : nil,
                clearCallBack: changedBack && typed.isEmpty), reason: why)
        }
    }
}

extension KeyContext {
    static let correctionForm = KeyContext("correctionForm", .keysContextCorrection, textEntry: true)
}

/// The correction modal, over the notices tab, the match screen or a page.
enum CorrectionFormLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.correctionForm != nil }
    static func context(_ model: Model) -> KeyContext { .correctionForm }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        guard context == .correctionForm else { return nil }
        return [
            KeyBinding([.tab], .nextField, .shellKeyFieldNext, hint: .shellKeyFieldHint, hintKey: "Tab"),
            KeyBinding([.backTab], .previousField, .shellKeyFieldPrevious),
            KeyBinding([.left, .right], .fieldNext, .keysCorrectionOutcome),
            KeyBinding([], .typeText, Wording(.keysCorrectionType), label: Wording(.shellKeyLetters)),
            KeyBinding([.backspace, .delete], .deleteChar, .keysDeleteChar),
            KeyBinding([.enter], .submit, .keysCorrectionSave, hint: .keysSaveHint),
            KeyBinding([.escape], .back, .keysCancel, hint: .keysCancel),
        ]
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        guard var form = model.correctionForm, !form.saving || action == .back else { return [] }
        switch action {
        case .back:
            model.correctionForm = nil
            return []
        case .nextField, .previousField:
            let i = form.fields.firstIndex(of: form.focus) ?? 0
            form.focus = form.fields[(i + (action == .nextField ? 1 : form.fields.count - 1)) % form.fields.count]
        case .fieldNext, .fieldPrevious:
            // A referral keeps its outcome (its answer is a record of its own).
            let all = Contact.Outcome.calls
            if let current = form.outcome, let i = all.firstIndex(of: current) {
                form.outcome = all[(i + (action == .fieldNext ? 1 : all.count - 1)) % all.count]
            }
        case .deleteChar:
            form.edit { if !$0.isEmpty { $0.removeLast() } }
        case .submit:
            form.attempted = true
            if form.problem(now: model.now, model.language) == nil {
                form.saving = true
                model.correctionForm = form
                return [form.command(now: model.now)]
            }
        default: break
        }
        model.correctionForm = form
        return []
    }

    static func type(_ c: Character, _ context: KeyContext, _ model: inout Model) {
        guard model.correctionForm?.saving == false else { return }
        model.correctionForm?.edit { $0.append(c) }
    }

    static func drawOver(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let form = model.correctionForm else { return }
        let l = model.language
        let names: [Message] = [.formCallOutcome, .formCallNote, .formCallNotes, .formCallCallBack, .formCallWhy]
        let column = FormWords.column(names.map { $0.text(l) }, minimum: 9)
        func label(_ message: Message, _ field: CorrectionForm.Field) -> Span {
            Span(FormWords.pad(message.text(l), column), style: form.focus == field ? Style(.accent, bold: true) : .muted)
        }
        func entry(_ text: String, _ field: CorrectionForm.Field) -> [Span] {
            [Span(text, style: Style(.normal, underline: true))] + (form.focus == field ? [Span("▏", style: Style(.normal, underline: true), caret: true)] : [])
        }
        var lines: [[Span]] = [[Span(Message.formCorrectionIntro.text(l), style: .muted)], []]
        for field in form.fields {
            switch field {
            case .outcome:
                lines.append([label(.formCallOutcome, .outcome)] + Contact.Outcome.calls.flatMap { o -> [Span] in
                    let words = o.label(l)
                    return [Span(o == form.outcome ? "[\(words)]" : " \(words) ", style: o == form.outcome ? Style(.selected, bold: true) : .muted), Span(" ")]
                })
            case .text:
                if case .amendCall = form.target { lines.append([label(.formCallNote, .text)] + entry(form.text, .text)) }
                else { lines.append([label(.formCallNotes, .text)] + entry(form.text, .text)) }
            case .callBack: lines.append([label(.formCallCallBack, .callBack)] + entry(form.callBack, .callBack))
            case .reason: lines.append([label(.formCallWhy, .reason)] + entry(form.reason, .reason))
            }
        }
        if form.attempted, let problem = form.problem(now: model.now, l) {
            lines.append([Span(String(repeating: " ", count: column + 1) + problem, style: .urgent)])
        }
        lines.append([])
        lines.append([Span((form.saving ? Message.formCallSaving : Message.formCorrectionHint).text(l), style: .muted)])
        drawLinesModal(model, title: form.title(l), lines, width: 76, &buffer)
    }
}

extension CorrectionForm {
    mutating func edit(_ change: (inout String) -> Void) {
        switch focus {
        case .text: change(&text)
        case .callBack: change(&callBack)
        case .reason: change(&reason)
        case .outcome: change(&reason)
        }
    }
}

