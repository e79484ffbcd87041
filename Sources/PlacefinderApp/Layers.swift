import Foundation
import PlacementCore
import TerminalUI

extension KeyContext {
    static let help = KeyContext("help", .shellContextHelp)
    static let filterPanel = KeyContext("filterPanel", .shellContextFilterPanel, digits: true)
    static let tooSmall = KeyContext("tooSmall", .shellContextTooSmall)
}

/// Help over any screen: the keys of the context it was opened in.
enum HelpLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.help != nil }
    static func context(_ model: Model) -> KeyContext { .help }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        guard context == .help else { return nil }
        return [
            KeyBinding([.up, .char("k")], .up, .shellKeyHelpScrollUp),
            KeyBinding([.down, .char("j")], .down, .shellKeyHelpScrollDown),
            KeyBinding([.escape, .char("?"), .char("q")], .back, .shellKeyHelpClose, hint: .shellKeyCloseHint),
        ]
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        guard var help = model.help else { return [] }
        switch action {
        case .back:
            model.help = nil
        case .up, .down, .pageUp, .pageDown, .home, .end:
            let step = action == .up ? -1 : action == .down ? 1 : 0
            let count = Keymap.bindings(for: help.context).count
            let inner = min(model.height - 2, count + 2) - 2
            help.scroll = min(max(0, help.scroll + step), max(0, count - inner))
            model.help = help
        default: break
        }
        return []
    }

    static func drawOver(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let help = model.help else { return }
        buffer.cursor = nil
        drawHelp(model, help, &buffer)
    }
}

/// The filter panel of the vacancies or children list.
enum FilterPanelLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.filterPanel != nil }
    static func context(_ model: Model) -> KeyContext { .filterPanel }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        guard context == .filterPanel else { return nil }
        return [
            KeyBinding([.up, .char("k")], .up, .shellKeyFieldPrevious, hint: .shellKeyFieldHint, hintKey: "↑↓"),
            KeyBinding([.down, .char("j")], .down, .shellKeyFieldNext),
            KeyBinding([.char(" "), .enter, .right, .char("l")], .fieldNext, .shellKeyValueNext, hint: .shellKeyChangeHint, label: "Space/Enter/→", hintKey: "Space"),
            KeyBinding([.left, .char("h")], .fieldPrevious, .shellKeyValuePrevious, label: "←/h"),
            KeyBinding([.backspace, .delete, .char("x")], .fieldClear, .shellKeyFieldClear, hint: .shellKeyClearHint, label: "Backspace/x"),
            KeyBinding([.char("r")], .resetFilters, .shellKeyFiltersReset, hint: .shellKeyResetHint),
            KeyBinding((0...9).map { Key.char(Character(String($0))) }, .typeAhead("0"), .shellKeyTypeNumber, label: "0–9"),
            KeyBinding([.escape, .char("f")], .back, .shellKeyPanelClose, hint: .shellKeyDoneHint),
        ]
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        guard let panel = model.filterPanel else { return [] }
        let vacancies = panel.tab == .vacancies
        let fields = vacancies ? VacancyFilter.fields : ChildFilter.fields
        if case .typeAhead(let c) = action {
            if let i = model.typeAhead.jump(c, fields[panel.cursor].options.map { ["", $0] }) {
                model[list: panel.tab].filters[panel.cursor] = i
                model[list: panel.tab].table = ScrollState(selected: 0)
                refreshFilters(&model, panel.tab)
            }
            return []
        }
        model.typeAhead.reset()
        switch action {
        case .back:
            model.filterPanel = nil
        case .up, .down, .pageUp, .pageDown, .home, .end:
            let step = action == .up ? -1 : action == .down ? 1 : 0
            model.filterPanel?.cursor = (panel.cursor + step + fields.count) % fields.count
        case .fieldNext, .fieldPrevious, .fieldClear, .resetFilters:
            var filters = vacancies ? model.vacancies.filters : model.children.filters
            let n = fields[panel.cursor].options.count
            switch action {
            case .fieldNext: filters[panel.cursor] = (filters[panel.cursor] + 1) % n
            case .fieldPrevious: filters[panel.cursor] = (filters[panel.cursor] - 1 + n) % n
            case .fieldClear: filters[panel.cursor] = 0
            default: filters = Array(repeating: 0, count: fields.count)
            }
            model[list: panel.tab].filters = filters
            model[list: panel.tab].table = ScrollState(selected: 0)
            refreshFilters(&model, panel.tab)
        default: break
        }
        return []
    }

    /// The panel's size, shared by the view and the mouse's hit-testing.
    static func size(_ model: Model, fieldCount: Int) -> (width: Int, height: Int) {
        (min(model.width - 4, 66), min(model.height - 4, fieldCount + 4))
    }

    /// The field drawn at row `y`, if any (the panel is centred in the body, a column of padding inside its border).
    static func field(atRow y: Int, _ model: Model) -> Int? {
        guard let panel = model.filterPanel else { return nil }
        let count = (panel.tab == .vacancies ? VacancyFilter.fields : ChildFilter.fields).count
        let size = size(model, fieldCount: count)
        let rows = Geometry(model).body.centred(width: size.width, height: size.height).inner(margin: 1)
        let i = y - rows.y
        return i >= 0 && i < min(count, rows.height - 2) ? i : nil
    }

    static func drawOver(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let panel = model.filterPanel else { return }
        buffer.cursor = nil
        drawFilterPanel(model, panel, &buffer)
    }
}

/// Below 80×24 only the global keys work; `view` draws the notice itself.
enum TooSmallLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.isTooSmall }
    static func context(_ model: Model) -> KeyContext { .tooSmall }
    static func bindings(_ context: KeyContext) -> [KeyBinding]? { context == .tooSmall ? [] : nil }
    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] { [] }
}

/// A child's page or a vacancy's detail opened from another screen (dashboard, provider page); it
/// shares the keys of the same page opened from its own tab, and Esc returns to where it came from.
enum PeekLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.peek != nil && model.data != nil }
    static let coversBody = true

    static func context(_ model: Model) -> KeyContext {
        if case .child = model.peek { return .childPage }
        return .vacancyDetail
    }

    /// The pages' bindings belong to their tabs (`ChildrenTab`, `VacanciesTab`).
    static func bindings(_ context: KeyContext) -> [KeyBinding]? { nil }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        switch action {
        case .back: model.peek = nil
        case .up, .down, .pageUp, .pageDown, .home, .end: scrollPage(action, &model, rows: Geometry(model).pageText.height)
        case .undoPlacement: UndoPromptLayer.open(&model)
        default: break
        }
        return []
    }

    static func drawBody(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let page = currentPage(model) else { return }
        drawPage(model, title: page.title, page.items, scroll: model.peekScroll, g, &buffer)
    }
}
