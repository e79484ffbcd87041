import Foundation
import PlacementCore
import TerminalUI

extension KeyContext {
    static let matches = KeyContext("matches", "Matches")
    static let matchExcluded = KeyContext("matchExcluded", "Matches — excluded vacancies")
    static let weights = KeyContext("weights", "Policy weights")
    static let contactForm = KeyContext("contactForm", "Record a call", textEntry: true)
    static let confirm = KeyContext("confirm", "Confirm")
}

/// The match screen, over whatever screen `m` was pressed on: ranked vacancies, the excluded ones,
/// and the policy weights as a modal.
enum MatchLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.match != nil }
    static let coversBody = true

    static func context(_ model: Model) -> KeyContext {
        guard let match = model.match else { return .matches }
        if match.showWeights { return .weights }
        return match.showExcluded ? .matchExcluded : .matches
    }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        switch context {
        case .matches:
            return [
                KeyBinding([.escape, .backspace], .back, "back to where you came from", hint: "back"),
                KeyBinding([.enter], .open, "open the vacancy with its provider's details", hint: "open"),
            ] + Keymap.moveKeys + [
                KeyBinding([.char("c")], .recordCall, "record a call to the selected provider", hint: "call"),
                KeyBinding([.char("a")], .amendRecord, "amend the last call to the selected provider"),
                KeyBinding([.char("h")], .holdOrRelease, "hold the selected vacancy (or release your hold)", hint: "hold"),
                KeyBinding([.char("p")], .place, "place the child in the selected vacancy", hint: "place"),
                // In the hint bar too (issue 15: the referral keys were only in help); after call, hold and place, which keep their place at 80 columns).
                KeyBinding([.char(" ")], .markReferral, "mark the provider for a referral, move down", hint: "mark", label: "Space", hintKey: "Space"),
                KeyBinding([.char("s")], .sendReferral, "send a referral pack to the marked providers", hint: "send"),
                KeyBinding([.char("o")], .logReferralResponse, "log the provider's answer to a referral", hint: "answer"),
                KeyBinding([.char("g")], .openPlaced, "open the page of the child just placed"),
                KeyBinding([.char("x")], .toggleExcluded, "show the excluded vacancies and why", hint: "excluded"),
                KeyBinding([.char("w")], .toggleWeights, "show the policy and its weights", hint: "weights"),
                KeyBinding([.char("]")], .scrollDetailDown, "scroll the explanation down", hint: "why", hintKey: "[]"),
                KeyBinding([.char("[")], .scrollDetailUp, "scroll the explanation up"),
                KeyBinding([.char("r")], .rerunMatch, "reload and rank again with the latest data"),
            ] + MatchFlag.legend
        case .matchExcluded:
            return [
                KeyBinding([.escape, .backspace], .back, "back to where you came from", hint: "back"),
                KeyBinding([.char("x")], .toggleExcluded, "back to the ranked vacancies", hint: "ranked"),
                KeyBinding([.char("w")], .toggleWeights, "show the policy and its weights", hint: "weights"),
            ] + Keymap.scrollKeys
        case .weights:
            return [KeyBinding([.escape, .char("w")], .back, "close the weights", hint: "close")]
        default: return nil
        }
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        if action == .open, context == .matches {
            MatchVacancyLayer.open(&model)
            return []
        }
        return performMatch(action, context, &model)
    }

    static func drawBody(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) { drawMatches(model, &buffer) }

    static func drawOver(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let match = model.match, match.showWeights, let result = match.data else { return }
        buffer.cursor = nil
        drawWeights(model, result, &buffer)
    }
}

/// Record a call of the ring-round (from the match screen's `c`).
enum ContactFormLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.contactForm != nil }
    static func context(_ model: Model) -> KeyContext { .contactForm }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        guard context == .contactForm else { return nil }
        return [
            KeyBinding([.right], .fieldNext, "change the outcome (or the decline's scope)", hint: "outcome", hintKey: "←→"),
            KeyBinding([.left], .fieldPrevious, "change the outcome back"),
            KeyBinding([.tab], .nextField, "next field: reason, scope, note, call back", hint: "field", hintKey: "Tab"),
            KeyBinding([.backTab], .previousField, "previous field"),
            KeyBinding([], .typeText, "type the reason (decline), the note or the call-back time", label: "letters"),
            KeyBinding([.backspace, .delete], .deleteChar, "delete a character"),
            KeyBinding([.enter], .submit, "save the call", hint: "save"),
            KeyBinding([.escape], .back, "cancel (asks first when something is typed)", hint: "cancel"),
        ]
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        if action == .back, let form = model.contactForm, form.hasInput, !form.saving {
            model.discard = .call
            return []
        }
        return performContactForm(action, &model)
    }

    static func type(_ c: Character, _ context: KeyContext, _ model: inout Model) {
        guard var form = model.contactForm, !form.saving else { return }
        form.edit(form.typingField) { $0.append(c) }
        model.contactForm = form
    }

    static func drawOver(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let form = model.contactForm else { return }
        drawContactForm(model, form, &buffer)
    }
}

/// The hours a hold can be typed to expire at: each whole hour of the next two days, soonest first.
func holdExpiryChoices(now: Date) -> [Date] {
    let hour = (now.timeIntervalSince1970 / 3600).rounded(.down) * 3600
    return (1...48).map { Date(timeIntervalSince1970: hour + Double($0) * 3600) }
}

/// Hold or release: one question before the write.
enum ConfirmLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.confirm != nil }
    static func context(_ model: Model) -> KeyContext { .confirm }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        guard context == .confirm else { return nil }
        return [
            KeyBinding([.enter, .char("y")], .confirm, "go ahead", hint: "confirm"),
            KeyBinding([.escape, .char("n")], .back, "cancel", hint: "cancel"),
            KeyBinding([.right], .fieldNext, "hold: expiry an hour later", hint: "expiry", hintKey: "←→"),
            KeyBinding([.left], .fieldPrevious, "hold: expiry an hour earlier"),
            KeyBinding((0...9).map { Key.char(Character(String($0))) }, .typeAhead("0"), "hold: type an hour (17) for the expiry", label: "0–9"),
        ]
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        guard case .typeAhead(let c) = action else {
            model.typeAhead.reset()
            return performConfirm(action, &model)
        }
        if case .hold(let v, let child, _)? = model.confirm {
            let hours = holdExpiryChoices(now: model.now)
            if let i = model.typeAhead.jump(c, hours.map { [Format.clock($0), String(Format.clock($0).drop { $0 == "0" })] }) {
                model.confirm = .hold(vacancyID: v, childID: child, until: hours[i])
            }
        }
        return []
    }

    static func drawOver(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let confirm = model.confirm else { return }
        buffer.cursor = nil
        drawConfirm(model, confirm, &buffer)
    }
}
