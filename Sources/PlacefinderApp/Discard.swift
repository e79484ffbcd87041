import Foundation
import PlacementCore
import TerminalUI

/// Esc on a form with something typed asks first: the officer is usually on the phone, and one stray
/// Esc must not throw away a half-taken notice. An empty form closes at once.
public enum DiscardQuestion: Sendable, Equatable {
    case notice, call
}

extension ContactForm {
    /// Something was typed or chosen (the outcome moved off its first value).
    var hasInput: Bool { outcome != .noAnswer || !reason.isEmpty || !note.isEmpty || !callBack.isEmpty || scope != .vacancy }
}

extension KeyContext {
    static let discardNotice = KeyContext("discardNotice", .formDiscardNoticeTitle)
    static let discardCall = KeyContext("discardCall", .formDiscardCallTitle)
}

/// The question over a form; `n` or Esc goes back to the form as it was.
enum DiscardLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.discard != nil }
    static func context(_ model: Model) -> KeyContext { model.discard == .call ? .discardCall : .discardNotice }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        switch context {
        case .discardNotice:
            return [
                KeyBinding([.char("y")], .confirm, .keysDiscardNotice, hint: .keysDiscardHint),
                KeyBinding([.char("n"), .escape], .back, .keysKeepEditing, hint: .keysKeepEditingHint),
                KeyBinding([.char("s")], .setAside, .keysDiscardSetAside, hint: .keysSetAsideHint),
            ]
        case .discardCall:
            return [
                KeyBinding([.char("y")], .confirm, .keysDiscardCall, hint: .keysDiscardHint),
                KeyBinding([.char("n"), .escape], .back, .keysKeepEditing, hint: .keysKeepEditingHint),
            ]
        default: return nil
        }
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        guard let question = model.discard else { return [] }
        switch action {
        case .back:
            model.discard = nil
        case .confirm:
            model.discard = nil
            if question == .call { model.contactForm = nil } else { model.noticeForm = nil }
        case .setAside where question == .notice:
            model.discard = nil
            setNoticeAside(&model)
        default: break
        }
        return []
    }

    static func drawOver(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let question = model.discard else { return }
        buffer.cursor = nil
        let l = model.language
        let lines: [[Span]] = question == .call
            ? [[Span(Message.formDiscardCallLost.text(l))], [],
               [Span(Message.formDiscardCallKeys.text(l), style: .muted)]]
            : [[Span(Message.formDiscardNoticeLost.text(l))],
               [Span(Message.formDiscardSetAsideTip.text(l, ["tab": Message.tabNotices.text(l)]), style: .muted)], [],
               [Span(Message.formDiscardNoticeKeys.text(l), style: .muted)]]
        drawLinesModal(model, title: (question == .call ? Message.formDiscardCallTitle : Message.formDiscardNoticeTitle).text(l),
                       lines, width: 74, &buffer)
    }
}

/// Parks a half-filled notice form, so the officer can look something up on another tab; `a` on the
/// Notices tab brings it back with everything as it was.
func setNoticeAside(_ model: inout Model) {
    guard var form = model.noticeForm, !form.saving else { return }
    form.hint = nil
    model.parkedNotice = form
    model.noticeForm = nil
    model.status = Message.formDiscardSetAside.text(model.language, ["tab": Message.tabNotices.text(model.language)])
}
