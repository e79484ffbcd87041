import Foundation
import PlacementCore
import TerminalUI

/// The new-notice form, built for taking a provider's phone call fast.
///
/// Pickers (provider, child, vacancy) hold nothing until the officer chooses: a value counts only when
/// the query names exactly one candidate (or one exactly, by id or full name) or the officer moved onto
/// it with the arrows; any edit of the query forgets an arrowed choice.
public struct NoticeForm: Sendable, Equatable {
    public enum Field: Int, CaseIterable, Sendable {
        case provider, kind, child, effective, reason, vacancy
        // A vacancy opened: the new vacancy's details, as `placefinder notice add` takes them.
        case setting, ages, beds, fee, availableFrom, emergencies
        // A vacancy filled: the authority that filled it, when not one of the store's placements.
        case filledBy
        case text

        func label(_ l: Language) -> String {
            switch self {
            case .provider: Message.formNoticeFieldProvider.text(l)
            case .kind: Message.formNoticeFieldKind.text(l)
            case .child: Message.formNoticeFieldChild.text(l)
            case .effective: Message.formNoticeFieldEffective.text(l)
            case .reason: Message.formNoticeFieldReason.text(l)
            case .vacancy: Message.formNoticeFieldVacancy.text(l)
            case .setting: Message.formNoticeFieldSetting.text(l)
            case .ages: Message.formNoticeFieldAges.text(l)
            case .beds: Message.formNoticeFieldBeds.text(l)
            case .fee: Message.formNoticeFieldFee.text(l)
            case .availableFrom: Message.formNoticeFieldAvailable.text(l)
            case .emergencies: Message.formNoticeFieldEmergencies.text(l)
            case .filledBy: Message.formNoticeFieldFilledBy.text(l)
            case .text: Message.formNoticeFieldNotes.text(l)
            }
        }
    }

    public var field: Field = .provider
    public var providerQuery = ""
    /// Position in the provider matches, meaningful only when `providerChosen`.
    public var providerPick = 0
    /// The officer moved onto a provider with the arrows.
    public var providerChosen = false
    public var kind: NoticeKind = .placementEnding
    public var childQuery = ""
    public var childPick = 0
    /// The officer moved onto a child with the arrows: nothing is picked silently.
    public var childChosen = false
    public var effective = ""
    /// 0 = none chosen, else `EndReason.allCases[reason - 1]`.
    public var reason = 0
    public var vacancyPick = 0
    public var vacancyChosen = false
    /// 0 = none chosen, else `Setting.allCases[setting - 1]`.
    public var setting = 0
    public var ages = ""
    public var beds = ""
    public var fee = ""
    public var availableFrom = ""
    public var emergencies = false
    /// The authority that filled the bed, as typed: a name (Shropshire) or ONS code (E06000051).
    public var filledBy = ""
    public var text = ""
    /// Letters typed into the current choice field (see `TypeAhead`).
    var typeAhead = TypeAhead()
    /// One line under the current field, e.g. why Tab stayed.
    public var hint: String?
    /// Enter was pressed: show what is still missing, not only what is wrong.
    public var attempted = false
    /// Sent to the runtime; the form closes on `.commandSucceeded`.
    public var saving = false

    public init() {}

    /// Fields shown for the chosen kind, in order.
    public var fields: [Field] {
        switch kind {
        case .placementEnding: [.provider, .kind, .child, .effective, .reason, .text]
        case .vacancyOpened: [.provider, .kind, .setting, .ages, .beds, .fee, .availableFrom, .emergencies, .text]
        // What changed, as `notice add --kind vacancy_changed --beds/--fee/--available-from/--ages`; empty = unchanged.
        case .vacancyChanged: [.provider, .kind, .vacancy, .beds, .fee, .availableFrom, .ages, .effective, .text]
        // Filled by another authority (Welsh or English, para 6.6): who, never which child.
        case .vacancyFilled: [.provider, .kind, .vacancy, .filledBy, .effective, .text]
        default: [.provider, .kind, .vacancy, .effective, .text]
        }
    }

    /// Something was typed or chosen: Esc asks before throwing it away.
    public var hasInput: Bool {
        var answers = self
        answers.field = .provider
        answers.typeAhead.reset()
        answers.hint = nil
        answers.attempted = false
        answers.saving = false
        return answers != NoticeForm()
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
    /// The authority typed in Filled by (nil when empty or not known).
    let filledBy: Authority?
    let errors: [NoticeForm.Field: String]
    /// What the core refused in a new vacancy's details (the CLI's message for the same input).
    let refusal: String?

    init(_ form: NoticeForm, model: Model) {
        let data = model.data
        let index = model.index
        let l = model.language
        let needle = Fold.bytes(form.providerQuery.trimmingCharacters(in: .whitespaces))
        var matches: [Int] = []
        if let index, let data, !needle.isEmpty {
            for i in index.providers.sorted[ProviderSort.name.rawValue] {
                let name = index.providers.foldedNames[Int(i)]
                if contains(name, needle) || Fold.bytes(data.providers[Int(i)].id) == needle { matches.append(Int(i)) }
            }
        }
        providers = matches
        let providerAt = pickOne(matches, pick: form.providerPick, chosen: form.providerChosen) { i in
            index?.providers.foldedNames[i] == needle || data.map { Fold.bytes($0.providers[i].id) == needle } == true
        }
        provider = providerAt.flatMap { data?.providers[$0] }

        let placed = provider.flatMap { index?.providers.currentChildren[$0.id] } ?? []
        let childNeedle = Fold.bytes(form.childQuery.trimmingCharacters(in: .whitespaces))
        children = placed.filter { c in
            guard let child = data?.children[c] else { return false }
            return contains(Fold.bytes([child.initials, child.id, child.givenName, child.familyName].joined(separator: " ")), childNeedle)
        }
        let childAt = childNeedle.isEmpty && !form.childChosen ? nil : pickOne(children, pick: form.childPick, chosen: form.childChosen) { c in
            guard let child = data?.children[c] else { return false }
            return [child.id, child.initials, child.givenName, child.fullName].contains { Fold.bytes($0) == childNeedle }
        }
        child = childAt.flatMap { data?.children[$0] }
        vacancies = provider.flatMap { index?.providers.vacancies[$0.id] } ?? []
        vacancy = vacancies.isEmpty || !form.vacancyChosen ? nil : data?.vacancies[vacancies[min(form.vacancyPick, vacancies.count - 1)]]
        effective = FormTime.parse(form.effective, now: model.now)
        reason = form.reason == 0 ? nil : EndReason.allCases[form.reason - 1]
        let filledByText = form.filledBy.trimmingCharacters(in: .whitespaces)
        filledBy = filledByText.isEmpty ? nil
            : Geography.wales.placingAuthority(code: filledByText) ?? Geography.wales.authority(named: filledByText)

        var errors: [NoticeForm.Field: String] = [:]
        let shown = form.attempted
        if provider == nil, shown || !form.providerQuery.isEmpty {
            errors[.provider] = form.providerQuery.isEmpty ? Message.formNoticeErrorProviderEmpty.text(l)
                : providers.count > 1 ? Message.formNoticeErrorProviderMany.text(l, ["count": "\(providers.count)"])
                : Message.formNoticeErrorProviderNone.text(l)
        }
        let ending = form.kind == .placementEnding
        if form.kind != .vacancyOpened {
            if !form.effective.trimmingCharacters(in: .whitespaces).isEmpty && effective == nil {
                errors[.effective] = Message.formNoticeErrorEffectiveUnreadable.text(l)
            } else if let e = effective, e < model.now {
                errors[.effective] = Message.formNoticeErrorEffectivePast.text(l, ["when": FormWords.when(model.now, today: model.today, l)])
            } else if ending, effective == nil, shown {
                errors[.effective] = Message.formNoticeErrorEffectiveMissing.text(l)
            }
        }
        if ending {
            if provider != nil, placed.isEmpty { errors[.child] = Message.formNoticeErrorChildUnplaced.text(l) }
            else if child == nil, shown || !form.childQuery.isEmpty {
                errors[.child] = form.childQuery.isEmpty ? Message.formNoticeErrorChildEmpty.text(l)
                    : children.isEmpty ? Message.formNoticeErrorChildNone.text(l)
                    : Message.formNoticeErrorChildMany.text(l, ["count": "\(children.count)"])
            }
            if reason == nil, shown { errors[.reason] = Message.formNoticeErrorReason.text(l) }
        }
        if form.kind == .vacancyFilled, !filledByText.isEmpty, filledBy == nil {
            errors[.filledBy] = Message.formNoticeErrorAuthority.text(l)
        }
        if form.kind.isVacancyChange {
            if provider != nil, vacancies.isEmpty { errors[.vacancy] = Message.formNoticeErrorVacancyNone.text(l) }
            else if vacancy == nil, shown { errors[.vacancy] = Message.formNoticeErrorVacancyChoose.text(l) }
        }
        var refusal: String?
        if form.kind == .vacancyOpened || form.kind == .vacancyChanged {
            let details = VacancyFields(form, today: model.today)
            errors.merge(details.errors(shown: shown, l)) { a, _ in a }
            // The core's own rules, as the CLI meets them: asked of the write this form would make.
            let providerID = provider?.id ?? ""
            var write: NoticeDraft?
            if form.kind == .vacancyOpened, let newVacancy = details.newVacancy {
                write = NoticeDraft(providerID: providerID, kind: .vacancyOpened, receivedAt: model.now, newVacancy: newVacancy)
            } else if form.kind == .vacancyChanged, let vacancy, let changes = details.changes, !changes.isEmpty {
                write = NoticeDraft(providerID: providerID, kind: .vacancyChanged, receivedAt: model.now, vacancyID: vacancy.id, changes: changes)
            }
            if let provider, let write, errors.isEmpty {
                do throws(WorkflowError) {
                    _ = try Workflow.logNotice(write, id: "", newVacancyID: "new", officer: model.officer,
                                               records: NoticeRecords(provider: provider, vacancy: vacancy), now: model.now)
                } catch {
                    if case .invalidVacancy(_, let issue) = error { refusal = Catalogue.phrase(issue, l) } else { refusal = error.description(l) }
                }
            }
        }
        self.refusal = refusal
        self.errors = errors
    }

    var isValid: Bool {
        errors.isEmpty && provider != nil && refusal == nil
    }

    /// The write, as `placefinder notice add` would make it from the same answers.
    func draft(_ form: NoticeForm, model: Model) -> NoticeDraft? {
        guard isValid, let provider else { return nil }
        let text = form.text.trimmingCharacters(in: .whitespaces)
        switch form.kind {
        case .placementEnding:
            guard let child, let reason, let effective else { return nil }
            return NoticeDraft(providerID: provider.id, kind: .placementEnding, receivedAt: model.now, childID: child.id,
                               effectiveAt: effective, reason: reason, text: text)
        case .vacancyOpened:
            guard let details = VacancyFields(form, today: model.today).newVacancy else { return nil }
            return NoticeDraft(providerID: provider.id, kind: .vacancyOpened, receivedAt: model.now, text: text, newVacancy: details)
        case .vacancyChanged:
            guard let vacancy, let changes = VacancyFields(form, today: model.today).changes, !changes.isEmpty else { return nil }
            return NoticeDraft(providerID: provider.id, kind: .vacancyChanged, receivedAt: model.now, effectiveAt: effective,
                               vacancyID: vacancy.id, text: text, changes: changes)
        default:
            guard let vacancy else { return nil }
            return NoticeDraft(providerID: provider.id, kind: form.kind, receivedAt: model.now, effectiveAt: effective,
                               vacancyID: vacancy.id, text: text, filledBy: form.kind == .vacancyFilled ? filledBy?.code : nil)
        }
    }
}

/// The candidate the officer chose: the arrowed one, else the only match, else the only exact match.
private func pickOne(_ candidates: [Int], pick: Int, chosen: Bool, exact: (Int) -> Bool) -> Int? {
    if chosen { return candidates.isEmpty ? nil : candidates[min(pick, candidates.count - 1)] }
    if candidates.count == 1 { return candidates[0] }
    let exactly = candidates.filter(exact)
    return exactly.count == 1 ? exactly[0] : nil
}

private func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty else { return true }
    guard hay.count >= needle.count else { return false }
    for i in 0...(hay.count - needle.count) where hay[i] == needle[0] {
        if hay[i..<(i + needle.count)].elementsEqual(needle) { return true }
    }
    return false
}
