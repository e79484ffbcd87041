import Foundation
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
            ] + Keymap.moveKeys + [
                KeyBinding([.char("c")], .recordCall, "record a call to the selected provider", hint: "call"),
                KeyBinding([.char("a")], .amendRecord, "amend the last call to the selected provider"),
                KeyBinding([.char("h")], .holdOrRelease, "hold the selected vacancy (or release your hold)", hint: "hold"),
                KeyBinding([.char("p")], .place, "place the child in the selected vacancy", hint: "place"),
                KeyBinding([.char("x")], .toggleExcluded, "show the excluded vacancies and why", hint: "excluded"),
                KeyBinding([.char("w")], .toggleWeights, "show the policy and its weights", hint: "weights"),
                KeyBinding([.char("r")], .rerunMatch, "rank again with the latest data"),
            ]
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
        performMatch(action, context, &model)
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
            KeyBinding([.escape], .back, "cancel", hint: "cancel"),
        ]
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        performContactForm(action, &model)
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

/// Hold, release or place: one question before the write.
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
        ]
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        performConfirm(action, &model)
    }

    static func drawOver(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let confirm = model.confirm else { return }
        buffer.cursor = nil
        drawConfirm(model, confirm, &buffer)
    }
}
