import Foundation
import PlacementCore
import TerminalUI

extension KeyContext {
    static let undoPrompt = KeyContext("undoPrompt", .keysContextUndo, textEntry: true)
}

/// Undoing a placement made today, from the child's page: the reason being typed.
public struct UndoPrompt: Sendable, Equatable {
    public var placementID: String
    public var childID: String
    public var reason = ""
    /// Enter was pressed: say what is missing.
    public var attempted = false
    /// Sent to the runtime; closes on `.commandSucceeded`.
    public var saving = false
}

enum UndoPromptLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.undoPrompt != nil }
    static func context(_ model: Model) -> KeyContext { .undoPrompt }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        guard context == .undoPrompt else { return nil }
        return [
            KeyBinding([], .typeText, Wording(.keysUndoType), label: Wording(.shellKeyLetters)),
            KeyBinding([.backspace, .delete], .deleteChar, .keysDeleteChar),
            KeyBinding([.enter], .submit, .keysUndoSubmit, hint: .keysUndoHint),
            KeyBinding([.escape], .back, .keysCancel, hint: .keysCancel),
        ]
    }

    /// The child whose page is showing (opened from their tab or over another screen).
    static func pageChild(_ model: Model) -> Child? {
        guard let data = model.data else { return nil }
        if case .child(let i) = model.peek { return data.children[i] }
        return model.children.open.map { data.children[$0] }
    }

    /// From the child's page: a placement made today and still current can be undone; otherwise say why not.
    static func open(_ model: inout Model) {
        guard let child = pageChild(model), let data = model.data else { return }
        let history = (model.index?.children.placementsByChild[child.id] ?? []).map { data.placements[$0] }
        guard let made = history.first(where: { $0.isOpen && !$0.isUndone && $0.placedAt.map(Format.day) == model.today }) else {
            model.status = Message.formUndoNothingToday.text(model.language, ["child": child.id])
            return
        }
        model.undoPrompt = UndoPrompt(placementID: made.id, childID: child.id)
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        guard var prompt = model.undoPrompt, !prompt.saving || action == .back else { return [] }
        switch action {
        case .back:
            model.undoPrompt = nil
            return []
        case .deleteChar:
            if !prompt.reason.isEmpty { prompt.reason.removeLast() }
        case .submit:
            prompt.attempted = true
            let reason = prompt.reason.trimmingCharacters(in: .whitespaces)
            if !reason.isEmpty {
                prompt.saving = true
                model.undoPrompt = prompt
                return [.undoPlacement(placementID: prompt.placementID, reason: reason)]
            }
        default:
            return []
        }
        model.undoPrompt = prompt
        return []
    }

    static func type(_ c: Character, _ context: KeyContext, _ model: inout Model) {
        if model.undoPrompt?.saving == false { model.undoPrompt?.reason.append(c) }
    }

    static func drawOver(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let prompt = model.undoPrompt, let data = model.data else { return }
        buffer.cursor = nil
        let p = data.placements.first { $0.id == prompt.placementID }
        let provider = p.flatMap { p in data.providers.first { $0.id == p.providerID }?.name } ?? p?.providerID ?? ""
        let l = model.language
        // The reason's label and the line under it share one indent (8 cells in English, as before).
        let indent = max(8, displayWidth(of: Message.formUndoReason.text(l)) + 2)
        var lines: [[Span]] = [
            [Span(Message.formUndoQuestion.text(l, ["placement": prompt.placementID, "provider": provider,
                                                    "date": p.map { Format.long($0.start, l) } ?? "?", "officer": p?.placedBy ?? "?"]))],
            [Span(Message.formUndoExplain.text(l, ["child": prompt.childID]), style: .muted)],
            [],
            [Span(FormWords.pad(Message.formUndoReason.text(l), indent - 1), style: Style(.accent, bold: true)),
             Span(prompt.reason, style: Style(.normal, underline: true)), Span("▏", style: Style(.normal, underline: true), caret: true)],
        ]
        if prompt.attempted && prompt.reason.trimmingCharacters(in: .whitespaces).isEmpty {
            lines.append([Span(String(repeating: " ", count: indent) + Message.formUndoErrorReason.text(l), style: .urgent)])
        }
        lines.append([])
        lines.append([Span((prompt.saving ? Message.formUndoUndoing : Message.formUndoHint).text(l), style: .muted)])
        drawLinesModal(model, title: Message.formUndoTitle.text(l), lines, width: 80, &buffer)
    }
}
