import Foundation
import PlacementCore
import TerminalUI

// The notice form's view: one row per field, the matches under a picker, errors in place.

func drawNoticeForm(_ model: Model, _ form: NoticeForm, _ buffer: inout Buffer) {
    guard let data = model.data else { return }
    let g = Geometry(model)
    let draft = NoticeFormCheck(form, model: model)
    let area = g.body
    let l = model.language
    Block(title: Message.formNoticeTitle.text(l, ["when": FormWords.when(model.now, today: model.today, l), "officer": model.officer]),
          borderStyle: .accent)
        .render(in: area, buffer: &buffer)
    let inner = area.inner(margin: 1).inner(horizontal: 1, vertical: 0)
    // The widest label and a space: 11 in English ("Weekly fee"), wider in Welsh ("Math o leoliad").
    let labelWidth = FormWords.column(NoticeForm.Field.allCases.map { $0.label(l) }, minimum: 10) + 1
    var y = inner.y
    let listRows = inner.height >= 30 ? 6 : 3

    func label(_ field: NoticeForm.Field) {
        let focused = form.field == field
        buffer.set(x: inner.x, y: y, string: (focused ? "› " : "  ") + field.label(l), style: focused ? Style(.accent, bold: true) : .normal)
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
            buffer.set(x: inner.x + labelWidth + 6, y: y, string: Message.formNoticeMatches.text(l, ["count": "\(items.count)"]), style: .muted)
            y += 1
        }
    }

    /// A vacancy change: an empty detail stays as it is, so its placeholder shows the value now.
    func now(_ text: (Vacancy) -> String) -> String? {
        guard form.kind == .vacancyChanged else { return nil }
        return draft.vacancy.map { Message.formNoticeUnchangedNow.text(l, ["value": text($0)]) } ?? Message.formNoticeUnchanged.text(l)
    }

    for field in form.fields where y < inner.bottom {
        label(field)
        switch field {
        case .provider:
            var spans = input(form.providerQuery, .provider, placeholder: Message.formNoticeProviderPlaceholder.text(l))
            if let p = draft.provider { spans += [Span("  → ", style: .muted), Span(p.name, style: Style(.good, bold: true)), Span(" (\(p.id))", style: .muted)] }
            value(spans)
            y += 1
            error(.provider)
            choices(draft.providers.map { data.providers[$0].name + " · " + data.providers[$0].id },
                    selected: form.providerChosen ? min(form.providerPick, max(0, draft.providers.count - 1)) : -1,
                    focused: form.field == .provider && draft.providers.count > 1)
        case .kind:
            value([Span("◂ " + form.kind.label(l) + " ▸", style: form.field == .kind ? Style(.selected, bold: true) : .normal)])
            y += 1
        case .child:
            var spans = input(form.childQuery, .child, placeholder: Message.formNoticeChildPlaceholder.text(l))
            if let c = draft.child { spans += [Span("  → ", style: .muted), Span("\(c.id) \(c.initials)", style: Style(.good, bold: true))] }
            value(spans)
            y += 1
            // So the officer can check "the caller said Lowri" before logging: only the one chosen child.
            if let c = draft.child, y < inner.bottom {
                value([Span(childConfirmation(model, c), style: .muted)])
                y += 1
            }
            error(.child)
            choices(draft.children.map { "\(data.children[$0].id) \(data.children[$0].initials)" },
                    selected: form.childChosen ? min(form.childPick, max(0, draft.children.count - 1)) : -1, focused: form.field == .child)
        case .effective:
            var spans = input(form.effective, .effective, placeholder: Message.formNoticeEffectivePlaceholder.text(l))
            if let e = draft.effective, draft.errors[.effective] == nil {
                spans.append(Span("  → \(Format.short(Format.day(e), l)) \(Format.clock(e))", style: .muted))
                if form.kind == .placementEnding {
                    let notice = FormWords.notice(NoticeLength(given: model.now, ends: e), l)
                    spans += [Span(" · " + Message.formNoticeGiven.text(l) + " ", style: .muted), Span(notice.text, style: notice.short ? .urgent : .good)]
                }
            }
            value(spans)
            y += 1
            error(.effective)
        case .reason:
            let text = draft.reason.map { "◂ \($0.rawValue) · \($0.label(l)) ▸" } ?? Message.formNoticeReasonPlaceholder.text(l)
            value([Span(text, style: form.field == .reason ? Style(.selected, bold: true) : (draft.reason == nil ? .muted : .normal))])
            y += 1
            error(.reason)
        case .vacancy:
            let text = draft.vacancy.map { v in
                Message.formNoticeVacancyLine.text(l, ["id": v.id, "setting": v.setting.label(l),
                                                       "status": v.status.label(l), "beds": FormWords.beds(v.beds, l)])
            } ?? (draft.vacancies.isEmpty ? Message.formNoticeVacancyNone.text(l)
                  : Message.formNoticeVacancyChoose.text(l, ["count": "\(draft.vacancies.count)"]))
            value([Span(text, style: form.field == .vacancy ? Style(.selected, bold: true) : .normal)])
            y += 1
            error(.vacancy)
        case .setting:
            let setting = form.setting == 0 ? nil : Setting.allCases[form.setting - 1]
            value([Span(setting.map { "◂ \($0.label(l)) ▸" } ?? Message.formNoticeSettingPlaceholder.text(l),
                        style: form.field == .setting ? Style(.selected, bold: true) : (setting == nil ? .muted : .normal))])
            y += 1
            error(.setting)
        case .ages:
            value(input(form.ages, .ages, placeholder: now { "\($0.ageRange.lowerBound)-\($0.ageRange.upperBound)" } ?? Message.formNoticeAgesPlaceholder.text(l)))
            y += 1
            error(.ages)
        case .beds:
            value(input(form.beds, .beds, placeholder: now { "\($0.beds)" } ?? "1"))
            y += 1
            error(.beds)
        case .fee:
            value(input(form.fee, .fee, placeholder: now { "\($0.weeklyFee)" } ?? Message.formNoticeFeePlaceholder.text(l)))
            y += 1
            error(.fee)
        case .availableFrom:
            value(input(form.availableFrom, .availableFrom, placeholder: now { $0.availableFrom.iso } ?? Message.formNoticeAvailablePlaceholder.text(l)))
            y += 1
            error(.availableFrom)
        case .emergencies:
            value([Span("◂ " + (form.emergencies ? Message.formNoticeEmergenciesYes : Message.formNoticeEmergenciesNo).text(l) + " ▸",
                        style: form.field == .emergencies ? Style(.selected, bold: true) : .normal)])
            y += 1
        case .filledBy:
            var spans = input(form.filledBy, .filledBy, placeholder: Message.formNoticeFilledByPlaceholder.text(l))
            if let a = draft.filledBy {
                spans += [Span("  → ", style: .muted), Span(l == .cy ? a.welshName.flatMap { $0.isEmpty ? nil : $0 } ?? a.name : a.name, style: Style(.good, bold: true)),
                          Span(" (\(a.code))", style: .muted)]
            }
            value(spans)
            y += 1
            error(.filledBy)
        case .text:
            value(input(form.text, .text, placeholder: Message.formNoticeNotesPlaceholder.text(l)))
            y += 1
        }
    }
    if let hint = form.hint, !form.saving {
        buffer.set(x: inner.x, y: inner.bottom - 1, string: truncate(hint, toWidth: inner.width), style: .urgent)
        return
    }
    let footer = (form.saving ? Message.formNoticeSaving : draft.draft(form, model: model) != nil
        ? Message.formNoticeReady : Message.formNoticeFooter).text(l)
    buffer.set(x: inner.x, y: inner.bottom - 1, string: truncate(footer, toWidth: inner.width), style: .muted)
}

/// "Llŷr, 9 · with Cartrefi Eryri since 10 Jan 2023": enough to check it is the child the caller means.
/// The first name only here, for the one chosen child; lists keep to initials.
func childConfirmation(_ model: Model, _ child: Child) -> String {
    guard let data = model.data else { return "" }
    let name = model.redact ? child.initials : child.givenName
    let placement = (model.index?.children.placementsByChild[child.id] ?? []).map { data.placements[$0] }
        .first { $0.actualEnd.map { $0 > model.today } ?? true }   // current as the provider's children are
    let provider = placement.map { p in data.providers.first { $0.id == p.providerID }?.name ?? p.providerID }
    let age = "\(child.age(on: model.today))"
    guard let placement else { return Message.formNoticeChildUnplaced.text(model.language, ["name": name, "age": age]) }
    return Message.formNoticeChildPlaced.text(model.language, ["name": name, "age": age, "provider": provider ?? placement.providerID,
                                                                "date": Format.long(placement.start, model.language)])
}

