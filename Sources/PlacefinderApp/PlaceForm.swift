import Foundation
import PlacementCore
import TerminalUI

extension KeyContext {
    static let placeForm = KeyContext("placeForm", "Place the child", textEntry: true)
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
    /// The agreed weekly cost as typed, in pounds ("£" and "," allowed); starts as the vacancy's fee.
    public var cost = ""
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

    /// Why Enter cannot place yet, naming what is missing; nil when it can.
    public var blocker: String? {
        guard let plan else { return planFailure.map { "Cannot place: \($0)" } ?? "Working out what placing would do…" }
        if plan.asksMoveKind && move == nil { return "Say how the current placement ends: planned move or breakdown (←→)" }
        if weeklyCost == .some(nil) { return PlaceFormText.costUnreadable }
        if let refusal = plan.refusal { return "Cannot place: \(refusal.description)" }
        if let missing = plan.missing(approvals).first { return "Type \(missing.kind.what): \(missing.why)" }
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
    var fieldLabel: String {
        switch self {
        case .panel: "Panel approval"
        case .keyStage4: "KS4 approval"
        case .exceptionalReason: "Exceptional reason"
        }
    }
}

enum PlaceFormLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.placeForm != nil }
    static func context(_ model: Model) -> KeyContext { .placeForm }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        guard context == .placeForm else { return nil }
        return [
            KeyBinding([.tab, .down], .nextField, "next line", hint: "line", hintKey: "Tab"),
            KeyBinding([.backTab, .up], .previousField, "previous line"),
            KeyBinding([.right], .fieldNext, "start a day later, the other ending, the next purpose or purchase", hint: "change", hintKey: "←→"),
            KeyBinding([.left], .fieldPrevious, "start a day earlier, the other ending, the previous purpose or purchase"),
            KeyBinding([], .typeText, "type the weekly cost or an approval's reference", label: "letters"),
            KeyBinding([.backspace, .delete], .deleteChar, "delete a character"),
            KeyBinding([.enter], .submit, "place the child (when nothing is missing)", hint: "place"),
            KeyBinding([.escape], .back, "cancel", hint: "cancel"),
        ]
    }

    /// Opens the form for the match screen's selected vacancy and asks for its plan. The start defaults
    /// to today, or the first day the bed is free if that is later (an earlier start would be refused).
    /// The terms start as proposed: the provider's fee, emergency for a child needing a bed now, and the
    /// framework or spot purchase the vacancy is offered under.
    static func open(childID: String, vacancyID: String, _ model: inout Model) -> [Command] {
        let vacancy = model.data?.vacancies.first { $0.id == vacancyID }
        let free = vacancy?.availableFrom
        var form = PlaceForm(childID: childID, vacancyID: vacancyID, start: max(model.today, free ?? model.today))
        if let vacancy {
            if let child = model.data?.children.first(where: { $0.id == childID }) {
                form.purpose = PlacementTerms.proposed(child: child, vacancy: vacancy).purpose
            }
            form.cost = String(vacancy.weeklyFee)
            form.purchase = switch vacancy.purchase {
            case .allWalesFramework: .framework
            case .spot: .spot
            case .blockContract, nil: nil
            }
        }
        model.placeForm = form
        return [form.planCommand]
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
        model.status = "\(model.status ?? "\(form.childID) placed") — g opens their page"
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
            if form.blocker == nil {
                form.saving = true
                model.placeForm = form
                return [.place(childID: form.childID, vacancyID: form.vacancyID, start: form.start, move: form.move,
                               approvals: form.approvals, terms: form.terms)]
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
    let child = model.index?.children.childByID[form.childID].map { "\(data.children[$0].initials) (\(form.childID))" } ?? form.childID
    let vacancy = data.vacancies.first { $0.id == form.vacancyID }
    let providerName = { (id: String) in data.providers.first { $0.id == id }?.name ?? id }
    let bold = Style(.normal, bold: true)
    func label(_ text: String, _ field: PlaceForm.Field) -> Span {
        Span(text.padding(toLength: 20, withPad: " ", startingAt: 0), style: form.focus == field ? Style(.accent, bold: true) : .muted)
    }
    var lines: [[Span]] = [
        [Span("Place \(child) in \(form.vacancyID) at \(vacancy.map { providerName($0.providerID) } ?? "?").")],
        [],
        [label("Start", .start), Span(form.start == model.today ? "today (\(Format.long(form.start)))" : Format.long(form.start), style: bold),
         Span("  ←→ a day earlier or later", style: .muted)],
    ]
    let plan = form.plan
    if plan?.asksMoveKind == true {
        lines.append([label("Current placement", .move)] + MoveKind.allCases.flatMap { kind -> [Span] in
            let words = kind == .planned ? "planned move" : "breakdown"
            return [Span(form.move == kind ? "[\(words)]" : " \(words) ", style: form.move == kind ? Style(.selected, bold: true) : .muted), Span(" ")]
        })
    }
    lines.append([])
    if let plan, plan.asksMoveKind && form.move == nil {
        lines.append([Span("No notice says how the current placement ends: choose one (←→ on that line).", style: .warning)])
    } else if let plan, let refusal = plan.refusal {
        lines.append([Span("Cannot place: \(refusal.description)", style: .urgent)])
    } else if let plan, let effects = plan.effects {
        lines.append([Span("This will:")])
        lines.append([Span("• start placement \(effects.placement.id) (\(plan.tier.label), \(Format.miles(effects.placement.milesFromHome)))")])
        if let before = vacancy?.beds {
            lines.append([Span("• take a bed: \(Format.plural(before, "bed")) → \(effects.vacancy.beds)" + (effects.vacancy.beds == 0 ? " (the vacancy is filled)" : ""))])
        }
        for ended in effects.ended {
            let how = "\(ended.ending?.rawValue ?? "") (\(ended.endReason?.rawValue ?? "")" + (ended.noticeHours.map { ", \($0) h notice" } ?? "") + ")"
            lines.append([Span("• end \(ended.id) with \(providerName(ended.providerID)): "), Span(how, style: ended.ending == .breakdown ? .warning : .normal)])
        }
        if effects.ended.isEmpty { lines.append([Span("• no current placement to end", style: .muted)]) }
        if let hold = plan.holdReleased { lines.append([Span("• release the hold (\(hold.officer) for \(hold.childID))")]) }
        lines.append([Span("• write the audit trail")])
        if !plan.required.isEmpty {
            lines.append([])
            lines.append([Span("Needed before it starts:", style: bold)])
            for need in plan.required {
                let focused = form.focus == .approval(need.kind)
                lines.append([Span("  " + need.why, style: .warning)])
                lines.append([label(need.kind.fieldLabel, .approval(need.kind)),
                              Span(form.approvals.raw(need.kind) ?? "", style: Style(.normal, underline: true)),
                              Span(focused ? "▏" : "", style: .accent, caret: focused)])
            }
        }
    } else {
        lines.append([Span(form.planFailure.map { "Cannot place: \($0)" } ?? "Working out what placing would do…",
                           style: form.planFailure == nil ? .muted : .urgent)])
    }
    lines.append([])
    lines.append([Span(PlaceFormText.agreed, style: bold)])
    let costFocused = form.focus == .cost
    let fee = vacancy.map { PlaceFormText.providerAsks(Money.pounds($0.weeklyFee)) } ?? ""
    lines.append([label(PlaceFormText.cost, .cost), Span("£", style: .muted), Span(form.cost, style: Style(.normal, underline: true)),
                  Span(costFocused ? "▏" : "", style: .accent, caret: costFocused), Span("  " + fee, style: .muted)])
    func choice(_ text: String, _ field: PlaceForm.Field) -> [Span] {
        [Span("‹ ", style: .muted), Span(text, style: form.focus == field ? Style(.selected, bold: true) : bold), Span(" ›", style: .muted)]
    }
    lines.append([label(PlaceFormText.purpose, .purpose)] + choice(form.purpose?.label ?? PlaceFormText.notSaid, .purpose))
    lines.append([label(PlaceFormText.purchase, .purchase)] + choice(PlaceFormText.route(form.purchase), .purchase)
                 + [Span(vacancy?.purchase == .blockContract ? "  " + PlaceFormText.blockContract : "", style: .muted)])
    if form.attempted, let blocker = form.blocker { lines.append([]); lines.append([Span(blocker, style: .urgent)]) }
    lines.append([])
    lines.append([Span(form.saving ? "Placing…" : PlaceFormText.footer, style: .muted)])
    drawLinesModal(model, title: "Place the child", lines, width: 84, &buffer)
}

/// The place form's words for the agreed terms, kept here as whole strings for translation.
enum PlaceFormText {
    static let agreed = "Agreed with the provider:"
    static let cost = "Weekly cost"
    static let purpose = "Purpose"
    static let purchase = "Bought"
    static let notSaid = "not said"
    static let costUnreadable = "Type the weekly cost in whole pounds, e.g. 4950 (empty: the provider's fee)"
    static let blockContract = "offered under a block contract: say framework or spot"
    static let footer = "Tab next line · ←→ change · type cost or approval · Enter places · Esc cancels"
    static func providerAsks(_ fee: String) -> String { "the provider asks \(fee) a week" }
    static func route(_ route: PurchaseRoute?) -> String {
        switch route {
        case .framework: "all-Wales framework"
        case .spot: "spot purchase"
        case nil: notSaid
        }
    }
}
