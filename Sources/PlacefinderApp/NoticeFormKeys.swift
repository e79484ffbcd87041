import Foundation
import PlacementCore
import TerminalUI

// The notice form's update: typing, moving between fields, choosing, and the write it asks for.

/// The spellings a choice field's type-ahead matches (code first, then the words of the label as shown,
/// in the officer's language).
enum NoticeChoices {
    static func kinds(_ l: Language) -> [[String]] { NoticeKind.allCases.map { [$0.rawValue, $0.label(l)] } }
    static func reasons(_ l: Language) -> [[String]] { EndReason.allCases.map { [$0.rawValue, $0.label(l)] } }
    static func settings(_ l: Language) -> [[String]] { Setting.allCases.map { [$0.rawValue, $0.label(l)] } }
    static func emergencies(_ l: Language) -> [[String]] {
        [[Message.formNoticeEmergenciesNo.text(l)], [Message.formNoticeEmergenciesYes.text(l)]]
    }
}

func noticeFormType(_ c: Character, _ model: inout Model) {
    guard var form = model.noticeForm, !form.saving else { return }
    form.hint = nil
    switch form.field {
    case .provider:
        form.providerQuery.append(c)
        forgetProvider(&form)
    case .child:
        // An edit of the query forgets any choice: the officer chooses again from what now matches.
        form.childQuery.append(c)
        form.childPick = 0
        form.childChosen = false
    case .effective: form.effective.append(c)
    case .ages: form.ages.append(c)
    case .beds: form.beds.append(c)
    case .fee: form.fee.append(c)
    case .availableFrom: form.availableFrom.append(c)
    case .filledBy: form.filledBy.append(c)
    case .text: form.text.append(c)
    case .kind:
        if let i = form.typeAhead.jump(c, NoticeChoices.kinds(model.language)) { form.kind = NoticeKind.allCases[i] }
    case .reason:
        if let i = form.typeAhead.jump(c, NoticeChoices.reasons(model.language)) { form.reason = i + 1 }
    case .setting:
        if let i = form.typeAhead.jump(c, NoticeChoices.settings(model.language)) { form.setting = i + 1 }
    case .emergencies:
        if let i = form.typeAhead.jump(c, NoticeChoices.emergencies(model.language)) { form.emergencies = i == 1 }
    case .vacancy:
        let draft = NoticeFormCheck(form, model: model)
        // "V00335" is reached by typing V003… or just 335.
        let options = draft.vacancies.compactMap { i in model.data.map { d in [d.vacancies[i].id, String(d.vacancies[i].id.drop { $0.isLetter || $0 == "0" })] } }
        if let i = form.typeAhead.jump(c, options) { form.vacancyPick = i; form.vacancyChosen = true }
    }
    model.noticeForm = form
}

/// The provider changed: what was chosen for it (child, vacancy) no longer stands.
private func forgetProvider(_ form: inout NoticeForm) {
    form.providerPick = 0
    form.providerChosen = false
    form.childPick = 0; form.childChosen = false
    form.vacancyPick = 0; form.vacancyChosen = false
}

func performNoticeForm(_ action: Action, _ model: inout Model) -> [Command] {
    guard var form = model.noticeForm else { return [] }
    if form.saving && action != .back { return [] }
    let draft = NoticeFormCheck(form, model: model)
    let fields = form.fields
    let position = fields.firstIndex(of: form.field) ?? 0
    func step(_ delta: Int) { form.field = fields[(position + delta + fields.count) % fields.count] }
    form.typeAhead.reset()
    form.hint = nil
    switch action {
    case .back:
        if form.hasInput && !form.saving {
            model.discard = .notice
            return []
        }
        model.noticeForm = nil
        return []
    case .nextField:
        // Tab never takes the first of several matches: it stays until the officer chooses.
        if form.field == .provider, draft.provider == nil, draft.providers.count > 1 {
            form.hint = Message.formNoticeChooseProvider.text(model.language)
        } else if form.field == .child, form.kind == .placementEnding, draft.child == nil, draft.children.count > 1, !form.childQuery.isEmpty {
            form.hint = Message.formNoticeChooseChild.text(model.language)
        } else {
            step(1)
        }
    case .previousField: step(-1)
    case .up, .down:
        let delta = action == .up ? -1 : 1
        switch form.field {
        case .provider where !draft.providers.isEmpty:
            let pick = form.providerChosen ? min(max(0, form.providerPick + delta), draft.providers.count - 1) : 0
            forgetProvider(&form)
            form.providerPick = pick
            form.providerChosen = true
        case .child where !draft.children.isEmpty:
            form.childPick = form.childChosen ? min(max(0, form.childPick + delta), draft.children.count - 1) : 0
            form.childChosen = true
        case .vacancy where !draft.vacancies.isEmpty:
            form.vacancyPick = form.vacancyChosen ? min(max(0, form.vacancyPick + delta), draft.vacancies.count - 1) : 0
            form.vacancyChosen = true
        default:
            step(delta)
        }
    case .fieldNext, .fieldPrevious:
        let delta = action == .fieldNext ? 1 : -1
        switch form.field {
        case .kind:
            let kinds = NoticeKind.allCases
            form.kind = kinds[(kinds.firstIndex(of: form.kind)! + delta + kinds.count) % kinds.count]
        case .reason:
            let n = EndReason.allCases.count + 1
            form.reason = (form.reason + delta + n) % n
        case .setting:
            let n = Setting.allCases.count + 1
            form.setting = (form.setting + delta + n) % n
        case .emergencies:
            form.emergencies.toggle()
        case .vacancy where !draft.vacancies.isEmpty:
            form.vacancyPick = form.vacancyChosen ? (form.vacancyPick + delta + draft.vacancies.count) % draft.vacancies.count : 0
            form.vacancyChosen = true
        case .child where !draft.children.isEmpty:
            form.childPick = form.childChosen ? (form.childPick + delta + draft.children.count) % draft.children.count : 0
            form.childChosen = true
        case .provider where !draft.providers.isEmpty:
            let pick = form.providerChosen ? (form.providerPick + delta + draft.providers.count) % draft.providers.count : 0
            forgetProvider(&form)
            form.providerPick = pick
            form.providerChosen = true
        default: break
        }
    case .deleteChar:
        switch form.field {
        case .provider:
            if !form.providerQuery.isEmpty { form.providerQuery.removeLast() }
            forgetProvider(&form)
        case .child:
            if !form.childQuery.isEmpty { form.childQuery.removeLast() }
            form.childPick = 0
            form.childChosen = false
        case .effective: if !form.effective.isEmpty { form.effective.removeLast() }
        case .ages: if !form.ages.isEmpty { form.ages.removeLast() }
        case .beds: if !form.beds.isEmpty { form.beds.removeLast() }
        case .fee: if !form.fee.isEmpty { form.fee.removeLast() }
        case .availableFrom: if !form.availableFrom.isEmpty { form.availableFrom.removeLast() }
        case .filledBy: if !form.filledBy.isEmpty { form.filledBy.removeLast() }
        case .text: if !form.text.isEmpty { form.text.removeLast() }
        case .reason: form.reason = 0
        case .setting: form.setting = 0
        case .vacancy: form.vacancyChosen = false
        case .kind, .emergencies: break
        }
    case .submit:
        form.attempted = true
        let checked = NoticeFormCheck(form, model: model)
        if let notice = checked.draft(form, model: model) {
            form.saving = true
            model.noticeForm = form
            return [.logNotice(notice)]
        }
        // Go to the first field that is wrong, and say which it is.
        if let first = form.fields.first(where: { checked.errors[$0] != nil || ($0 == .provider && checked.provider == nil) }) {
            form.field = first
            form.hint = Message.formNoticeNotLoggedField.text(model.language, [
                "field": first.label(model.language),
                "problem": checked.errors[first] ?? Message.formNoticeErrorNeedsAnswer.text(model.language)])
        } else if let refusal = checked.refusal {
            form.hint = Message.formNoticeNotLogged.text(model.language, ["problem": refusal])
        }
    default: break
    }
    if !form.fields.contains(form.field) { form.field = .kind }
    model.noticeForm = form
    return []
}

extension KeyContext {
    static let noticeForm = KeyContext("noticeForm", .keysContextNoticeForm, textEntry: true)
}

/// The new-notice form, over whatever tab is showing (see `NoticesTab` for setting one aside).
enum NoticeFormLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.noticeForm != nil }
    static let coversBody = true
    static func context(_ model: Model) -> KeyContext { .noticeForm }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        guard context == .noticeForm else { return nil }
        return [
            KeyBinding([.tab], .nextField, .keysNoticeFieldNext, hint: .shellKeyFieldHint, hintKey: "Tab"),
            KeyBinding([.backTab], .previousField, .shellKeyFieldPrevious),
            KeyBinding([.up], .up, .keysNoticeChooseUp, hint: .keysChooseHint, hintKey: "↑↓"),
            KeyBinding([.down], .down, .keysNoticeChooseDown),
            KeyBinding([.right], .fieldNext, .keysNoticeValueNext, hint: .shellKeyChangeHint, hintKey: "←→"),
            KeyBinding([.left], .fieldPrevious, .keysNoticeValuePrevious),
            KeyBinding([], .typeText, Wording(.keysNoticeType), label: Wording(.shellKeyLetters)),
            KeyBinding([.backspace, .delete], .deleteChar, .keysNoticeDelete),
            KeyBinding([.enter], .submit, .keysNoticeLog, hint: .keysLogHint),
            KeyBinding([.escape], .back, .keysCancelAsks, hint: .keysCancel),
        ]
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        performNoticeForm(action, &model)
    }

    static func type(_ c: Character, _ context: KeyContext, _ model: inout Model) { noticeFormType(c, &model) }

    static func drawBody(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let form = model.noticeForm else { return }
        drawNoticeForm(model, form, &buffer)
    }
}
