import Foundation
import PlacementCore
import TerminalUI

/// The `:` prompt on the bottom line (as in k9s or vim): type a child's, vacancy's or provider's id,
/// Enter opens its page. What is typed is the id, so digits type here and never switch screens.
public struct JumpPromptState: Sendable, Equatable {
    public var text = ""
}

extension KeyContext {
    static let jumpPrompt = KeyContext("jumpPrompt", .keysContextJump, textEntry: true)
}

enum JumpPromptLayer: Layer {
    static func label(_ l: Language) -> String { Message.formJumpLabel.text(l) }
    static let maximumLength = 24
    /// Letters that start Placefinder's ids (C0074, V00043, P0012): typed on a screen where they do
    /// nothing, they open the prompt with themselves in it, so an id typed without `:` is not read as
    /// a letter and then digits that switch screens.
    static let idInitials: Set<Character> = ["C", "V", "P", "c", "v", "p"]

    static func notFound(_ id: String, _ l: Language) -> String { Message.formJumpNotFound.text(l, ["id": id]) }

    static func isOpen(_ model: Model) -> Bool { model.jump != nil }
    static func context(_ model: Model) -> KeyContext { .jumpPrompt }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        guard context == .jumpPrompt else { return nil }
        return [
            KeyBinding([], .typeText, Wording(.keysJumpType), label: Wording(.shellKeyLetters)),
            KeyBinding([.enter], .submit, .keysJumpOpen, hint: .shellKeyOpenHint),
            KeyBinding([.backspace, .delete], .deleteChar, .keysDeleteChar, hint: .shellKeyDeleteHint),
            KeyBinding([.escape], .back, .keysCancel, hint: .keysCancel),
        ]
    }

    /// Opens the prompt (`:`), or with a typed initial (see `idInitials`).
    static func start(_ model: inout Model, typed: String = "") {
        guard model.data != nil, !model.isTooSmall else { return }
        model.help = nil
        model.jump = JumpPromptState(text: typed)
    }

    /// A letter no binding took on a tab: the start of an id when it is an id's initial.
    static func startsID(_ c: Character, _ model: Model) -> Bool {
        idInitials.contains(c) && Screens.topLayer(model) == nil && model.data != nil
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        guard let prompt = model.jump else { return [] }
        switch action {
        case .back:
            model.jump = nil
        case .deleteChar:
            if !prompt.text.isEmpty { model.jump?.text.removeLast() }
        case .submit:
            let id = prompt.text.trimmingCharacters(in: .whitespaces)
            guard !id.isEmpty else { model.jump = nil; return [] }
            guard let target = find(id, model) else {
                // The prompt stays with the id in it, to correct; nothing else changes.
                model.status = notFound(id.uppercased(), model.language)
                return []
            }
            model.jump = nil
            if Language.allCases.contains(where: { model.status == notFound(id.uppercased(), $0) }) { model.status = nil }
            return open(target, &model)
        default:
            break
        }
        return []
    }

    static func type(_ c: Character, _ context: KeyContext, _ model: inout Model) {
        guard let prompt = model.jump, prompt.text.count < maximumLength, !c.isWhitespace || !prompt.text.isEmpty else { return }
        model.jump?.text.append(c)
    }

    /// What an id names, matched without regard to case.
    enum Target: Equatable {
        case child(String), vacancy(Int), provider(Int)
    }

    static func find(_ id: String, _ model: Model) -> Target? {
        guard let data = model.data else { return nil }
        func same(_ other: String) -> Bool { other.caseInsensitiveCompare(id) == .orderedSame }
        if let child = data.children.first(where: { same($0.id) }) { return .child(child.id) }
        if let i = data.vacancies.firstIndex(where: { same($0.id) }) { return .vacancy(i) }
        if let i = data.providers.firstIndex(where: { same($0.id) }) { return .provider(i) }
        return nil
    }

    /// Goes to the record's tab (closing what a tab switch closes) and opens its page there, with its
    /// row selected in the list behind it when the list shows it. A child's page goes through
    /// `ChildPageGate`: it opens only once the view is recorded.
    static func open(_ target: Target, _ model: inout Model) -> [Command] {
        func go(_ tab: Tab) {
            if let n = Screens.tabs.firstIndex(where: { $0.tab == tab }) { _ = PlacefinderApp.perform(.tab(n + 1), model.context, &model) }
        }
        func select(_ i: Int, in tab: Tab) {
            var list = model[list: tab]
            list.focus = .table
            if let pos = list.visible.firstIndex(of: Int32(i)) {
                list.table.selected = pos
                list.table.scrollToSelection(visibleRows: Geometry(model).tableRows, rowCount: list.visible.count)
            }
            list.open = i
            list.pageScroll = 0
            list.pageSelection = 0
            model[list: tab] = list
        }
        switch target {
        case .child(let id):
            go(.children)
            model.children.focus = .table
            return ChildPageGate.request(id, .childrenTab, &model)
        case .vacancy(let i):
            go(.vacancies)
            select(i, in: .vacancies)
        case .provider(let i):
            go(.providers)
            select(i, in: .providers)
        }
        return []
    }

    static func drawOver(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let prompt = model.jump else { return }
        let row = g.hints
        buffer.fill(row)
        let label = label(model.language)
        let fieldWidth = min(row.width, displayWidth(of: label) + 2 + max(12, prompt.text.count + 1))
        let field = FormField(label: label, value: prompt.text, cursor: prompt.text.count, focused: true)
        let area = Rect(x: row.x, y: row.y, width: fieldWidth, height: 1)
        field.render(in: area, buffer: &buffer)
        let rest = Rect(x: row.x + fieldWidth, y: row.y, width: max(0, row.width - fieldWidth), height: 1)
        if let status = model.status {
            buffer.set(x: rest.x, y: rest.y, string: truncate(status, toWidth: rest.width), style: Style(.accent, bold: true))
        } else {
            KeyHintBar(Keymap.hints(for: .jumpPrompt, model.language)).render(in: rest, buffer: &buffer)
        }
    }
}
