import Foundation
import PlacementCore
import TerminalUI

extension KeyContext {
    static let placeForm = KeyContext("placeForm", .formPlaceTitle, textEntry: true)
}

/// Placing a child: a small form built from the store's plan (`PlacePlan`, the same checks the write
/// runs), so it offers only what will happen and asks for exactly what the write needs: the start day,
/// planned move or breakdown when no notice says, and each approval the placement requires. It also
/// records what was agreed with the provider (issue 13 §2): the weekly cost (the provider's fee to start
/// with), the purpose, and whether the bed was bought under the all-Wales framework or spot-purchased.
public struct PlaceForm: Sendable, Equatable {
    public enum Field: Sendable, Equatable {
        case start, move
        case cost, purpose, purchase
        case approval(ApprovalKind)
    }

    public var childID: String
    public var vacancyID: String
    public var start: Day
    /// The officer's answer when the child is placed and no notice says how that placement ends.
    public var move: MoveKind?
    /// The store's plan for the choices above; nil while it is worked out.
    public var plan: PlacePlan?
    public var planFailure: String?
    /// What the officer typed for each approval.
    public var approvals = PlacementApprovals()
    /// The agreed weekly cost as typed, in pounds ("£" and "," allowed); starts as the provider's offered
    /// fee when the vacancy has a referral offer for the child, else the vacancy's listed fee.
    public var cost = ""
    /// The referral offer the cost started from (issue 15): its id and weekly fee.
    public var offer: Offer?

    /// A provider's offer in answer to a referral: the call's id and the weekly fee offered.
    public struct Offer: Sendable, Equatable {
        public var id: String
        public var weeklyFee: Int
    }
    public var purpose: PlacementPurpose?
    public var purchase: PurchaseRoute?
    public var focus: Field = .start
    /// Enter was pressed: say what is missing.
    public var attempted = false
    /// Sent to the runtime; closes on `.commandSucceeded`.
    public var saving = false

    /// The lines the officer can move between, in order.
    public var fields: [Field] {
        var out: [Field] = [.start]
        if plan?.asksMoveKind == true { out.append(.move) }
        // Approvals first: Tab from the start goes to what is missing, then to the terms.
        return out + (plan?.required ?? []).map { .approval($0.kind) } + [.cost, .purpose, .purchase]
    }

    /// Why Enter cannot place yet, naming what is missing, in the officer's language; nil when it can.
    public func blocker(_ l: Language) -> String? {
        guard let plan else { return planFailure.map { Message.formPlaceCannot.text(l, ["reason": $0]) } ?? Message.formPlaceWorking.text(l) }
        if plan.asksMoveKind && move == nil { return Message.formPlaceAskMoveBlocker.text(l) }
        if weeklyCost == .some(nil) { return Message.formPlaceErrorCost.text(l) }
        if let refusal = plan.refusal { return Message.formPlaceCannot.text(l, ["reason": refusal.description(l)]) }
        if let missing = plan.missing(approvals).first { return missing.kind.typePrompt(l, why: missing.why(l)) }
        return nil
    }

    /// The cost typed: nil when the line is empty (the store then takes the vacancy's fee), .some(nil)
    /// when it is not a whole number of pounds.
    var weeklyCost: Int?? {
        let text = cost.replacingOccurrences(of: "£", with: "").replacingOccurrences(of: ",", with: "").trimmingCharacters(in: .whitespaces)
        if text.isEmpty { return .none }
        guard let pounds = Int(text), pounds >= 0 else { return .some(nil) }
        return .some(pounds)
    }

    /// What the write records as agreed.
    var terms: PlacementTerms { PlacementTerms(weeklyCost: weeklyCost ?? nil, purpose: purpose, purchase: purchase) }

    /// Asks the runtime for the plan of the current choices.
    var planCommand: Command { .planPlacement(childID: childID, vacancyID: vacancyID, start: start, move: move) }
}

extension ApprovalKind {
    /// The form's label for the field.
    func fieldLabel(_ l: Language) -> String {
        switch self {
        case .panel: Message.formPlaceApprovalPanel.text(l)
        case .keyStage4: Message.formPlaceApprovalKs4.text(l)
        case .exceptionalReason: Message.formPlaceApprovalExceptional.text(l)
        }
    }

    /// "Type the panel's approval: <why it is needed>", whole for translation.
    func typePrompt(_ l: Language, why: String) -> String {
        switch self {
        case .panel: Message.formPlaceTypePanel.text(l, ["why": why])
        case .keyStage4: Message.formPlaceTypeKs4.text(l, ["why": why])
        case .exceptionalReason: Message.formPlaceTypeExceptional.text(l, ["why": why])
        }
    }
}

enum PlaceFormLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.placeForm != nil }
    static func context(_ model: Model) -> KeyContext { .placeForm }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        guard context == .placeForm else { return nil }
        return [
            KeyBinding([.tab, .down], .nextField, .keysPlaceLineNext, hint: .keysLineHint, hintKey: "Tab"),
            KeyBinding([.backTab, .up], .previousField, .keysPlaceLinePrevious),
            KeyBinding([.right], .fieldNext, .keysPlaceValueNext, hint: .shellKeyChangeHint, hintKey: "←→"),
            KeyBinding([.left], .fieldPrevious, .keysPlaceValuePrevious),
            KeyBinding([], .typeText, Wording(.keysPlaceType), label: Wording(.shellKeyLetters)),
            KeyBinding([.backspace, .delete], .deleteChar, .keysDeleteChar),
            KeyBinding([.enter], .submit, .keysPlaceSubmit, hint: .keysPlaceHint),
            KeyBinding([.escape], .back, .keysCancel, hint: .keysCancel),
        ]
    }

    /// Opens the form for the match screen's selected vacancy and asks for its plan. The start defaults
    /// to today, or the first day the bed is free if that is later (an earlier start would be refused).
    /// The terms start as proposed: the provider's fee (the fee it offered in answer to a referral for this
    /// child and vacancy, the latest if several, else the vacancy's listed fee), emergency for a child needing
    /// a bed now, and the framework or spot purchase the vacancy is offered under.
    static func open(childID: String, vacancyID: String, _ model: inout Model) -> [Command] {
        let vacancy = model.data?.vacancies.first { $0.id == vacancyID }
        let free = vacancy?.availableFrom
        var form = PlaceForm(childID: childID, vacancyID: vacancyID, start: max(model.today, free ?? model.today))
        if let vacancy {
            if let child = model.data?.children.first(where: { $0.id == childID }) {
                form.purpose = PlacementTerms.proposed(child: child, vacancy: vacancy).purpose
            }
            form.offer = latestOffer(childID: childID, vacancyID: vacancyID, model)
            form.cost = String(form.offer?.weeklyFee ?? vacancy.weeklyFee)
            form.purchase = switch vacancy.purchase {
            case .allWalesFramework: .framework
            case .spot: .spot
            case .blockContract, nil: nil
            }
        }
        model.placeForm = form
        return [form.planCommand]
    }

    /// The provider's latest offer for this child and vacancy, from the offers the match screen ranks.
    static func latestOffer(childID: String, vacancyID: String, _ model: Model) -> PlaceForm.Offer? {
        let offers = model.index?.work.referrals.offersByChild[childID] ?? []   // oldest first
        guard let call = offers.last(where: { $0.vacancyID == vacancyID }), let terms = call.offer else { return nil }
        return PlaceForm.Offer(id: call.id, weeklyFee: terms.weeklyFee)
    }

    /// The plan arrived: show it if it is for the choices on screen (an older answer is dropped).
    static func planned(_ plan: PlacePlan, _ model: inout Model) {
        guard var form = model.placeForm, plan.childID == form.childID, plan.vacancyID == form.vacancyID,
              plan.start == form.start, plan.move == form.move else { return }
        form.plan = plan
        form.planFailure = nil
        if !form.fields.contains(form.focus) { form.focus = .start }
        model.placeForm = form
    }

    static func planFailed(_ reason: String, _ model: inout Model) {
        model.placeForm?.planFailure = reason
    }

    /// The placement was written: the form closes and the child's page is one key away.
    static func succeeded(_ model: inout Model) {
        guard let form = model.placeForm, form.saving else { return }
        model.placeForm = nil
        model.lastPlaced = form.childID
        let done = model.status ?? Message.formPlacePlaced.text(model.language, ["child": form.childID])
        model.status = Message.formPlaceOpensPage.text(model.language, ["status": done])
    }

    /// Refused after all (a colleague got there first): the form stays, with a fresh plan.
    static func failed(_ model: inout Model) -> [Command] {
        guard var form = model.placeForm, form.saving else { return [] }
        form.saving = false
        form.plan = nil
        model.placeForm = form
        return [form.planCommand]
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        guard var form = model.placeForm, !form.saving || action == .back else { return [] }
        let fields = form.fields
        let at = fields.firstIndex(of: form.focus) ?? 0
        var replan = false
        switch action {
        case .back:
            model.placeForm = nil
            return []
        case .nextField, .previousField:
            form.focus = fields[(at + (action == .nextField ? 1 : fields.count - 1)) % fields.count]
        case .fieldNext, .fieldPrevious:
            switch form.focus {
            case .start:
                let moved = form.start.adding(days: action == .fieldNext ? 1 : -1)
                if moved >= model.today { form.start = moved; replan = true }
            case .move:
                form.move = form.move == .planned ? .breakdown : .planned
                replan = true
            case .purpose:
                form.purpose = cycle(form.purpose, [nil] + PlacementPurpose.allCases, forward: action == .fieldNext)
            case .purchase:
                form.purchase = cycle(form.purchase, [nil] + PurchaseRoute.allCases, forward: action == .fieldNext)
            case .cost, .approval: break
            }
        case .deleteChar:
            if form.focus == .cost, !form.cost.isEmpty {
                form.cost.removeLast()
            } else if case .approval(let kind) = form.focus, var text = form.approvals.raw(kind), !text.isEmpty {
                text.removeLast()
                form.approvals.set(kind, text)
            }
        case .submit:
            form.attempted = true
            if form.blocker(model.language) == nil {
                form.saving = true
                model.placeForm = form
                return [.place(childID: form.childID, vacancyID: form.vacancyID, start: form.start, move: form.move,
                               approvals: form.approvals, terms: form.terms,
                               versions: form.plan.flatMap(RecordVersions.init))]
            }
        default:
            return []
        }
        if replan {
            form.plan = nil
            form.attempted = false
        }
        model.placeForm = form
        return replan ? [form.planCommand] : []
    }

    /// The next (or previous) of `choices` after `value`, wrapping round.
    private static func cycle<T: Equatable>(_ value: T?, _ choices: [T?], forward: Bool) -> T? {
        let at = choices.firstIndex { $0 == value } ?? 0
        return choices[(at + (forward ? 1 : choices.count - 1)) % choices.count]
    }

    static func type(_ c: Character, _ context: KeyContext, _ model: inout Model) {
        guard var form = model.placeForm, !form.saving else { return }
        if form.focus == .cost {
            form.cost.append(c)
            model.placeForm = form
            return
        }
        guard let plan = form.plan else { return }
        // Typing on the start or ending line goes to the first approval still missing (or the first one).
        if case .approval = form.focus {} else {
            guard let need = plan.missing(form.approvals).first ?? plan.required.first else { return }
            form.focus = .approval(need.kind)
        }
        guard case .approval(let kind) = form.focus else { return }
        // Kept as typed (spaces included); the store trims.
        form.approvals.set(kind, (form.approvals.raw(kind) ?? "") + String(c))
        model.placeForm = form
    }

    static func drawOver(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let form = model.placeForm else { return }
        buffer.cursor = nil
        drawPlaceForm(model, form, &buffer)
    }
}

extension PlacementApprovals {
    /// The raw text for `kind`, untrimmed (the subscript trims, for checking).
    func raw(_ kind: ApprovalKind) -> String? {
        switch kind {
        case .panel: panel
        case .keyStage4: keyStage4
        case .exceptionalReason: exceptionalReason
        }
    }

    mutating func set(_ kind: ApprovalKind, _ text: String) {
        switch kind {
        case .panel: panel = text
        case .keyStage4: keyStage4 = text
        case .exceptionalReason: exceptionalReason = text
        }
    }
}

func drawPlaceForm(_ model: Model, _ form: PlaceForm, _ buffer: inout Buffer) {
    guard let data = model.data else { return }
    let l = model.language
    let child = model.index?.children.childByID[form.childID].map { "\(data.children[$0].initials) (\(form.childID))" } ?? form.childID
    let vacancy = data.vacancies.first { $0.id == form.vacancyID }
    let providerName = { (id: String) in data.providers.first { $0.id == id }?.name ?? id }
    let bold = Style(.normal, bold: true)
    let plan = form.plan
    // One label column: 20 cells in English, wider only if a label in the language showing needs it.
    let names = [Message.formPlaceStart, .formPlaceCurrent, .formPlaceCost, .formPlacePurpose, .formPlacePurchase].map { $0.text(l) }
        + (plan?.required ?? []).map { $0.kind.fieldLabel(l) }
    let column = FormWords.column(names, minimum: 19)
    func label(_ text: String, _ field: PlaceForm.Field) -> Span {
        Span(FormWords.pad(text, column), style: form.focus == field ? Style(.accent, bold: true) : .muted)
    }
    var lines: [[Span]] = [
        [Span(Message.formPlaceIntro.text(l, ["child": child, "vacancy": form.vacancyID,
                                              "provider": vacancy.map { providerName($0.providerID) } ?? "?"]))],
        [],
        [label(Message.formPlaceStart.text(l), .start),
         Span(form.start == model.today ? Message.formPlaceStartToday.text(l, ["date": Format.long(form.start, l)])
                                        : Format.long(form.start, l), style: bold),
         Span("  " + Message.formPlaceStartHint.text(l), style: .muted)],
    ]
    if plan?.asksMoveKind == true {
        lines.append([label(Message.formPlaceCurrent.text(l), .move)] + MoveKind.allCases.flatMap { kind -> [Span] in
            let words = kind.label(l)
            return [Span(form.move == kind ? "[\(words)]" : " \(words) ", style: form.move == kind ? Style(.selected, bold: true) : .muted), Span(" ")]
        })
    }
    lines.append([])
    if let plan, plan.asksMoveKind && form.move == nil {
        lines.append([Span(Message.formPlaceAskMove.text(l), style: .warning)])
    } else if let plan, let refusal = plan.refusal {
        lines.append([Span(Message.formPlaceCannot.text(l, ["reason": refusal.description(l)]), style: .urgent)])
    } else if let plan, let effects = plan.effects {
        lines.append([Span(Message.formPlaceWill.text(l))])
        lines.append([Span(Message.formPlaceWillStart.text(l, ["id": effects.placement.id, "tier": plan.tier.label(l),
                                                               "miles": Distance.formatMiles(effects.placement.milesFromHome, approximate: true)]))])
        if let before = vacancy?.beds {
            let beds = ["before": FormWords.beds(before, l), "after": "\(effects.vacancy.beds)"]
            lines.append([Span((effects.vacancy.beds == 0 ? Message.formPlaceWillFill : Message.formPlaceWillTakeBed).text(l, beds))])
        }
        for ended in effects.ended {
            let ending = ["ending": ended.ending?.label(l) ?? "", "reason": ended.endReason?.rawValue ?? ""]
            let how = ended.noticeHours.map { Message.formPlaceEndingNotice.text(l, ending.merging(["hours": "\($0)"]) { a, _ in a }) }
                ?? Message.formPlaceEnding.text(l, ending)
            lines.append([Span(Message.formPlaceWillEnd.text(l, ["id": ended.id, "provider": providerName(ended.providerID)])),
                          Span(how, style: ended.ending == .breakdown ? .warning : .normal)])
        }
        if effects.ended.isEmpty { lines.append([Span(Message.formPlaceWillNone.text(l), style: .muted)]) }
        if let hold = plan.holdReleased {
            lines.append([Span(Message.formPlaceWillRelease.text(l, ["officer": hold.officer, "child": hold.childID]))])
        }
        lines.append([Span(Message.formPlaceWillAudit.text(l))])
        if !plan.required.isEmpty {
            lines.append([])
            lines.append([Span(Message.formPlaceNeeded.text(l), style: bold)])
            for need in plan.required {
                let focused = form.focus == .approval(need.kind)
                lines.append([Span("  " + need.why(l), style: .warning)])
                lines.append([label(need.kind.fieldLabel(l), .approval(need.kind)),
                              Span(form.approvals.raw(need.kind) ?? "", style: Style(.normal, underline: true)),
                              Span(focused ? "▏" : "", style: .accent, caret: focused)])
            }
        }
    } else {
        lines.append([Span(form.planFailure.map { Message.formPlaceCannot.text(l, ["reason": $0]) } ?? Message.formPlaceWorking.text(l),
                           style: form.planFailure == nil ? .muted : .urgent)])
    }
    lines.append([])
    lines.append([Span(Message.formPlaceAgreed.text(l), style: bold)])
    let costFocused = form.focus == .cost
    // Where the cost started: the provider's offer beside the listed fee, or the listed fee alone.
    let fee = vacancy.map { v in
        form.offer.map { Message.formPlaceProviderOffered.text(l, ["fee": Money.pounds($0.weeklyFee), "id": $0.id, "listed": Money.pounds(v.weeklyFee)]) }
            ?? Message.formPlaceProviderAsks.text(l, ["fee": Money.pounds(v.weeklyFee)])
    } ?? ""
    lines.append([label(Message.formPlaceCost.text(l), .cost), Span("£", style: .muted), Span(form.cost, style: Style(.normal, underline: true)),
                  Span(costFocused ? "▏" : "", style: .accent, caret: costFocused), Span("  " + fee, style: .muted)])
    func choice(_ text: String, _ field: PlaceForm.Field) -> [Span] {
        [Span("‹ ", style: .muted), Span(text, style: form.focus == field ? Style(.selected, bold: true) : bold), Span(" ›", style: .muted)]
    }
    lines.append([label(Message.formPlacePurpose.text(l), .purpose)]
                 + choice(form.purpose.map { $0.label(l) } ?? Message.formPlaceNotSaid.text(l), .purpose))
    lines.append([label(Message.formPlacePurchase.text(l), .purchase)] + choice(form.purchase?.label(l) ?? Message.formPlaceNotSaid.text(l), .purchase)
                 + [Span(vacancy?.purchase == .blockContract ? "  " + Message.formPlaceBlockContract.text(l) : "", style: .muted)])
    if form.attempted, let blocker = form.blocker(l) { lines.append([]); lines.append([Span(blocker, style: .urgent)]) }
    lines.append([])
    lines.append([Span((form.saving ? Message.formPlacePlacing : Message.formPlaceFooter).text(l), style: .muted)])
    drawLinesModal(model, title: Message.formPlaceTitle.text(l), lines, width: 84, &buffer)
}

/// The cost message the place-form tests look for, in English.
enum PlaceFormText {
    static let costUnreadable = Message.formPlaceErrorCost.text(.en)
}
