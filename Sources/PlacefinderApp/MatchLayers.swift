import Foundation
import PlacementCore
import TerminalUI

extension KeyContext {
    static let matches = KeyContext("matches", .keysContextMatches)
    static let matchExcluded = KeyContext("matchExcluded", .keysContextMatchExcluded)
    static let weights = KeyContext("weights", .keysContextWeights)
    static let contactForm = KeyContext("contactForm", .formCallTitle, textEntry: true)
    static let confirm = KeyContext("confirm", .keysContextConfirm)
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
                KeyBinding([.escape, .backspace], .back, .keysBackToOrigin, hint: .keysBack),
                KeyBinding([.enter], .open, .keysMatchOpen, hint: .shellKeyOpenHint),
            ] + Keymap.moveKeys + [
                KeyBinding([.char("c")], .recordCall, .keysMatchCall, hint: .keysCallHint),
                KeyBinding([.char("a")], .amendRecord, .keysMatchAmendCall),
                KeyBinding([.char("h")], .holdOrRelease, .keysMatchHold, hint: .keysHoldHint),
                KeyBinding([.char("p")], .place, .keysMatchPlace, hint: .keysPlaceHint),
                // In the hint bar too (issue 15: the referral keys were only in help); after call, hold and place, which keep their place at 80 columns).
                KeyBinding([.char(" ")], .markReferral, .keysMatchMark, hint: .keysMarkHint, label: "Space", hintKey: "Space"),
                KeyBinding([.char("s")], .sendReferral, .keysMatchSend, hint: .keysSendHint),
                KeyBinding([.char("o")], .logReferralResponse, .keysMatchAnswer, hint: .keysAnswerHint),
                KeyBinding([.char("g")], .openPlaced, .keysMatchOpenPlaced),
                KeyBinding([.char("x")], .toggleExcluded, .keysMatchShowExcluded, hint: .keysExcludedHint),
                KeyBinding([.char("w")], .toggleWeights, .keysMatchShowWeights, hint: .keysWeightsHint),
                KeyBinding([.char("]")], .scrollDetailDown, .keysMatchWhyDown, hint: .keysWhyHint, hintKey: "[]"),
                KeyBinding([.char("[")], .scrollDetailUp, .keysMatchWhyUp),
                KeyBinding([.char("r")], .rerunMatch, .keysMatchRerun),
            ] + MatchFlag.legend
        case .matchExcluded:
            return [
                KeyBinding([.escape, .backspace], .back, .keysBackToOrigin, hint: .keysBack),
                KeyBinding([.char("x")], .toggleExcluded, .keysMatchShowRanked, hint: .keysRankedHint),
                KeyBinding([.char("w")], .toggleWeights, .keysMatchShowWeights, hint: .keysWeightsHint),
            ] + Keymap.scrollKeys
        case .weights:
            return [KeyBinding([.escape, .char("w")], .back, .keysWeightsClose, hint: .shellKeyCloseHint)]
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
            KeyBinding([.right], .fieldNext, .keysCallOutcome, hint: .keysOutcomeHint, hintKey: "←→"),
            KeyBinding([.left], .fieldPrevious, .keysCallOutcomeBack),
            KeyBinding([.tab], .nextField, .keysCallFieldNext, hint: .shellKeyFieldHint, hintKey: "Tab"),
            KeyBinding([.backTab], .previousField, .shellKeyFieldPrevious),
            KeyBinding([], .typeText, Wording(.keysCallType), label: Wording(.shellKeyLetters)),
            KeyBinding([.backspace, .delete], .deleteChar, .keysDeleteChar),
            KeyBinding([.enter], .submit, .keysCallSave, hint: .keysSaveHint),
            KeyBinding([.escape], .back, .keysCancelAsks, hint: .keysCancel),
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
            KeyBinding([.enter, .char("y")], .confirm, .keysConfirmGo, hint: .keysConfirmHint),
            KeyBinding([.escape, .char("n")], .back, .keysCancel, hint: .keysCancel),
            KeyBinding([.right], .fieldNext, .keysConfirmExpiryLater, hint: .keysExpiryHint, hintKey: "←→"),
            KeyBinding([.left], .fieldPrevious, .keysConfirmExpiryEarlier),
            KeyBinding((0...9).map { Key.char(Character(String($0))) }, .typeAhead("0"), .keysConfirmExpiryType, label: "0–9"),
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
