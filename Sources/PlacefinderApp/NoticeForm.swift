import Foundation
import PlacementCore
import TerminalUI

/// The new-notice form, built for taking a provider's phone call fast.
public struct NoticeForm: Sendable, Equatable {
    public enum Field: Int, CaseIterable, Sendable {
        case provider, kind, child, effective, reason, vacancy, text

        var label: String {
            switch self {
            case .provider: "Provider"
            case .kind: "Kind"
            case .child: "Child"
            case .effective: "Effective"
            case .reason: "Reason"
            case .vacancy: "Vacancy"
            case .text: "Notes"
            }
        }
    }

    public var field: Field = .provider
    public var providerQuery = ""
    /// Position in the provider matches.
    public var providerPick = 0
    public var kind: NoticeKind = .placementEnding
    public var childQuery = ""
    public var childPick = 0
    /// The officer has picked a child (typed or moved in the list): nothing is picked silently.
    public var childChosen = false
    public var effective = ""
    /// 0 = none chosen, else `EndReason.allCases[reason - 1]`.
    public var reason = 0
    public var vacancyPick = 0
    public var vacancyChosen = false
    public var text = ""
    /// Enter was pressed: show what is still missing, not only what is wrong.
    public var attempted = false
    /// Sent to the runtime; the form closes on `.commandSucceeded`.
    public var saving = false

    public init() {}

    /// Fields shown for the chosen kind, in order.
    public var fields: [Field] {
        switch kind {
        case .placementEnding: [.provider, .kind, .child, .effective, .reason, .text]
        case .vacancyOpened: [.provider, .kind, .effective, .text]
        default: [.provider, .kind, .vacancy, .effective, .text]
        }
    }
}

/// What the form has resolved from the officer's typing, and what is wrong with it.
struct NoticeFormCheck {
    let providers: [Int]          // provider indices matching the query
    let provider: Provider?
    let children: [Int]           // child indices placed with the provider, matching the child query
    let child: Child?
    let vacancies: [Int]          // vacancy indices of the provider
    let vacancy: Vacancy?
    let effective: Date?
    let reason: EndReason?
    let errors: [NoticeForm.Field: String]

    init(_ form: NoticeForm, model: Model) {
        let data = model.data
        let index = model.index
        let needle = Fold.bytes(form.providerQuery.trimmingCharacters(in: .whitespaces))
        var matches: [Int] = []
        if let index {
            for i in index.providers.sorted[ProviderSort.name.rawValue] {
                let name = index.providers.foldedNames[Int(i)]
                if needle.isEmpty || contains(name, needle) { matches.append(Int(i)) }
            }
        }
        providers = needle.isEmpty ? [] : matches
        provider = providers.isEmpty ? nil : data?.providers[providers[min(form.providerPick, providers.count - 1)]]

        let placed = provider.flatMap { index?.providers.currentChildren[$0.id] } ?? []
        let childNeedle = Fold.bytes(form.childQuery.trimmingCharacters(in: .whitespaces))
        children = placed.filter { c in
            guard let child = data?.children[c] else { return false }
            return childNeedle.isEmpty || contains(Fold.bytes(child.initials + " " + child.id), childNeedle)
        }
        child = children.isEmpty || !form.childChosen ? nil : data?.children[children[min(form.childPick, children.count - 1)]]
        vacancies = provider.flatMap { index?.providers.vacancies[$0.id] } ?? []
        vacancy = vacancies.isEmpty || !form.vacancyChosen ? nil : data?.vacancies[vacancies[min(form.vacancyPick, vacancies.count - 1)]]
        effective = WorkflowTime.parse(form.effective, now: model.now)
        reason = form.reason == 0 ? nil : EndReason.allCases[form.reason - 1]

        var errors: [NoticeForm.Field: String] = [:]
        let shown = form.attempted
        if provider == nil, shown || !form.providerQuery.isEmpty {
            errors[.provider] = form.providerQuery.isEmpty ? "type part of the provider's name" : "no provider matches"
        }
        let ending = form.kind == .placementEnding
        if !form.effective.trimmingCharacters(in: .whitespaces).isEmpty && effective == nil {
            errors[.effective] = "not a date and time: try today 17:00, tomorrow 09:00 or 2026-11-26 09:00"
        } else if let e = effective, e < model.now {
            errors[.effective] = "before the call was received (\(whenInWords(model.now, today: model.today)))"
        } else if ending, effective == nil, shown {
            errors[.effective] = "when does the placement end? (today 17:00, tomorrow 09:00, 2026-11-26 09:00)"
        }
        if ending {
            if provider != nil, placed.isEmpty { errors[.child] = "no child is placed with this provider" }
            else if child == nil, shown || !form.childQuery.isEmpty {
                errors[.child] = form.childQuery.isEmpty ? "choose the child (↑↓ or type initials)" : "no child placed here matches"
            }
            if reason == nil, shown { errors[.reason] = "choose a reason (←→)" }
        }
        if form.kind.isVacancyChange {
            if provider != nil, vacancies.isEmpty { errors[.vacancy] = "this provider has no vacancies in the store" }
            else if vacancy == nil, shown { errors[.vacancy] = "choose the vacancy (←→)" }
        }
        self.errors = errors
    }

    var isValid: Bool {
        errors.isEmpty && provider != nil
    }

    func notice(_ form: NoticeForm, model: Model) -> ProviderNotice? {
        guard isValid, let provider else { return nil }
        let ending = form.kind == .placementEnding
        if ending && (child == nil || reason == nil || effective == nil) { return nil }
        if form.kind.isVacancyChange && vacancy == nil { return nil }
        return ProviderNotice(id: "", receivedAt: model.now, loggedBy: model.officer, providerID: provider.id, kind: form.kind,
                              childID: ending ? child?.id : nil, effectiveAt: effective, reason: ending ? reason : nil,
                              vacancyID: form.kind.isVacancyChange ? vacancy?.id : nil,
                              text: form.text.trimmingCharacters(in: .whitespaces))
    }
}

private func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty else { return true }
    guard hay.count >= needle.count else { return false }
    for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
        if hay[i..<(i + needle.count)].elementsEqual(needle) { return true }
    }
    return false
}

// MARK: - Update

func noticeFormType(_ c: Character, _ model: inout Model) {
    guard var form = model.noticeForm, !form.saving else { return }
    switch form.field {
    case .provider:
        form.providerQuery.append(c)
        form.providerPick = 0
        form.childPick = 0; form.childChosen = false
        form.vacancyPick = 0; form.vacancyChosen = false
    case .child: form.childQuery.append(c); form.childPick = 0; form.childChosen = true
    case .effective: form.effective.append(c)
    case .text: form.text.append(c)
    case .kind, .reason, .vacancy: break
    }
    model.noticeForm = form
}

func performNoticeForm(_ action: Action, _ model: inout Model) -> [Command] {
    guard var form = model.noticeForm else { return [] }
    if form.saving && action != .back { return [] }
    let draft = NoticeFormCheck(form, model: model)
    let fields = form.fields
    let position = fields.firstIndex(of: form.field) ?? 0
    func step(_ delta: Int) { form.field = fields[(position + delta + fields.count) % fields.count] }
    switch action {
    case .back:
        model.noticeForm = nil
        return []
    case .nextField: step(1)
    case .previousField: step(-1)
    case .up, .down:
        let delta = action == .up ? -1 : 1
        switch form.field {
        case .provider where !draft.providers.isEmpty:
            form.providerPick = min(max(0, form.providerPick + delta), draft.providers.count - 1)
            form.childPick = 0; form.childChosen = false
            form.vacancyPick = 0; form.vacancyChosen = false
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
        case .vacancy where !draft.vacancies.isEmpty:
            form.vacancyPick = form.vacancyChosen ? (form.vacancyPick + delta + draft.vacancies.count) % draft.vacancies.count : 0
            form.vacancyChosen = true
        case .child where !draft.children.isEmpty:
            form.childPick = form.childChosen ? (form.childPick + delta + draft.children.count) % draft.children.count : 0
            form.childChosen = true
        case .provider where !draft.providers.isEmpty:
            form.providerPick = (form.providerPick + delta + draft.providers.count) % draft.providers.count
            form.childChosen = false; form.vacancyChosen = false
        default: break
        }
    case .deleteChar:
        switch form.field {
        case .provider: if !form.providerQuery.isEmpty { form.providerQuery.removeLast(); form.providerPick = 0 }
        case .child:
            if !form.childQuery.isEmpty { form.childQuery.removeLast(); form.childPick = 0 } else { form.childChosen = false }
        case .effective: if !form.effective.isEmpty { form.effective.removeLast() }
        case .text: if !form.text.isEmpty { form.text.removeLast() }
        case .reason: form.reason = 0
        default: break
        }
    case .submit:
        form.attempted = true
        let checked = NoticeFormCheck(form, model: model)
        if let notice = checked.notice(form, model: model) {
            form.saving = true
            model.noticeForm = form
            return [.logNotice(notice)]
        }
        // Go to the first field that is wrong.
        if let first = form.fields.first(where: { checked.errors[$0] != nil || ($0 == .provider && checked.provider == nil) }) { form.field = first }
    default: break
    }
    if !form.fields.contains(form.field) { form.field = .kind }
    model.noticeForm = form
    return []
}

// MARK: - View

func drawNoticeForm(_ model: Model, _ form: NoticeForm, _ buffer: inout Buffer) {
    guard let data = model.data else { return }
    let g = Geometry(model)
    let draft = NoticeFormCheck(form, model: model)
    let area = g.body
    Block(title: "New notice — received \(whenInWords(model.now, today: model.today)) · logged by \(model.officer)", borderStyle: .accent)
        .render(in: area, buffer: &buffer)
    let inner = area.inner(margin: 1).inner(horizontal: 1, vertical: 0)
    let labelWidth = 11
    var y = inner.y
    let listRows = inner.height >= 30 ? 6 : 3

    func label(_ field: NoticeForm.Field) {
        let focused = form.field == field
        buffer.set(x: inner.x, y: y, string: (focused ? "› " : "  ") + field.label, style: focused ? Style(.accent, bold: true) : .normal)
    }
    func value(_ spans: [Span]) {
        buffer.set(x: inner.x + labelWidth + 2, y: y, spans: spans, maxWidth: inner.width - labelWidth - 2)
    }
    func input(_ text: String, _ field: NoticeForm.Field, placeholder: String = "") -> [Span] {
        let focused = form.field == field
        if text.isEmpty && !focused { return [Span(placeholder, style: .muted)] }
        return [Span(text, style: Style(.normal, underline: true)), Span(focused ? "▏" : "", style: .accent, caret: focused),
                Span(text.isEmpty ? " " + placeholder : "", style: .muted)]
    }
    func error(_ field: NoticeForm.Field) {
        guard let e = draft.errors[field], y < inner.bottom else { return }
        buffer.set(x: inner.x + labelWidth + 2, y: y, string: truncate("✗ " + e, toWidth: inner.width - labelWidth - 2), style: .urgent)
        y += 1
    }
    func choices(_ items: [String], selected: Int, focused: Bool) {
        guard focused, !items.isEmpty else { return }
        let start = max(0, min(max(0, selected) - listRows / 2, items.count - listRows))
        for (n, item) in items.enumerated().dropFirst(start).prefix(listRows) where y < inner.bottom {
            let isSel = n == selected
            buffer.set(x: inner.x + labelWidth + 4, y: y, string: truncate((isSel ? "▸ " : "  ") + item, toWidth: inner.width - labelWidth - 4),
                       style: isSel ? Style(.selected, bold: true) : .muted)
            y += 1
        }
        if items.count > listRows, y < inner.bottom {
            buffer.set(x: inner.x + labelWidth + 6, y: y, string: "\(items.count) match · ↑↓ to choose", style: .muted)
            y += 1
        }
    }

    for field in form.fields where y < inner.bottom {
        label(field)
        switch field {
        case .provider:
            var spans = input(form.providerQuery, .provider, placeholder: "type part of the name")
            if let p = draft.provider { spans += [Span("  → ", style: .muted), Span(p.name, style: Style(.good, bold: true)), Span(" (\(p.id))", style: .muted)] }
            value(spans)
            y += 1
            error(.provider)
            choices(draft.providers.map { data.providers[$0].name + " · " + data.providers[$0].id },
                    selected: min(form.providerPick, max(0, draft.providers.count - 1)), focused: form.field == .provider && draft.providers.count > 1)
        case .kind:
            value([Span("◂ " + form.kind.label + " ▸", style: form.field == .kind ? Style(.selected, bold: true) : .normal)])
            y += 1
        case .child:
            var spans = input(form.childQuery, .child, placeholder: "initials or id")
            if let c = draft.child { spans += [Span("  → ", style: .muted), Span("\(c.id) \(c.initials)", style: Style(.good, bold: true))] }
            value(spans)
            y += 1
            error(.child)
            choices(draft.children.map { "\(data.children[$0].id) \(data.children[$0].initials)" },
                    selected: form.childChosen ? min(form.childPick, max(0, draft.children.count - 1)) : -1, focused: form.field == .child)
        case .effective:
            var spans = input(form.effective, .effective, placeholder: "today 17:00 · tomorrow 09:00 · 2026-11-26 09:00")
            if let e = draft.effective, draft.errors[.effective] == nil {
                spans.append(Span("  → \(Format.short(Format.day(e))) \(Format.clock(e))", style: .muted))
                if form.kind == .placementEnding {
                    let notice = Format.notice(NoticeLength(given: model.now, ends: e))
                    spans += [Span(" · notice given: ", style: .muted), Span(notice.text, style: notice.short ? .urgent : .good)]
                }
            }
            value(spans)
            y += 1
            error(.effective)
        case .reason:
            let text = draft.reason.map { "◂ \($0.rawValue) · \($0.label) ▸" } ?? "◂ choose with ←→ ▸"
            value([Span(text, style: form.field == .reason ? Style(.selected, bold: true) : (draft.reason == nil ? .muted : .normal))])
            y += 1
            error(.reason)
        case .vacancy:
            let text = draft.vacancy.map { v in "◂ \(v.id) · \(v.setting.label) · \(v.status.rawValue) · \(Format.plural(v.beds, "bed")) ▸" }
                ?? (draft.vacancies.isEmpty ? "none" : "◂ choose with ←→ (\(draft.vacancies.count) for this provider) ▸")
            value([Span(text, style: form.field == .vacancy ? Style(.selected, bold: true) : .normal)])
            y += 1
            error(.vacancy)
        case .text:
            value(input(form.text, .text, placeholder: "anything else the provider said"))
            y += 1
        }
    }
    let footer = form.saving ? "Saving…" : draft.isValid && draft.notice(form, model: model) != nil
        ? "Ready: Enter logs the notice · Esc cancels" : "Tab moves between fields · Enter logs when nothing is wrong · Esc cancels"
    buffer.set(x: inner.x, y: inner.bottom - 1, string: truncate(footer, toWidth: inner.width), style: .muted)
}

extension KeyContext {
    static let noticeForm = KeyContext("noticeForm", "New notice", textEntry: true)
}

/// The new-notice form, over the notices tab.
enum NoticeFormLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.noticeForm != nil }
    static let coversBody = true
    static func context(_ model: Model) -> KeyContext { .noticeForm }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        guard context == .noticeForm else { return nil }
        return [
            KeyBinding([.tab], .nextField, "next field", hint: "field", hintKey: "Tab"),
            KeyBinding([.backTab], .previousField, "previous field"),
            KeyBinding([.up], .up, "choose in the list (or previous field)", hint: "choose", hintKey: "↑↓"),
            KeyBinding([.down], .down, "choose in the list (or next field)"),
            KeyBinding([.right], .fieldNext, "next value of a choice", hint: "change", hintKey: "←→"),
            KeyBinding([.left], .fieldPrevious, "previous value of a choice"),
            KeyBinding([], .typeText, "type to search or fill in the field", label: "letters"),
            KeyBinding([.backspace, .delete], .deleteChar, "delete a character"),
            KeyBinding([.enter], .submit, "log the notice (when nothing is wrong)", hint: "log"),
            KeyBinding([.escape], .back, "cancel", hint: "cancel"),
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
