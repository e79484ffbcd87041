import Foundation
import TerminalUI

extension Tab {
    public static let children = Tab("Children")
    public static let vacancies = Tab("Vacancies")
}

extension KeyContext {
    static let vacancyList = KeyContext("vacancyList", .tabVacancies)
    static let vacancySearch = KeyContext("vacancySearch", .keysContextVacancySearch, textEntry: true)
    static let vacancyDetail = KeyContext("vacancyDetail", .keysContextVacancyDetail)
    static let childList = KeyContext("childList", .tabChildren)
    static let childSearch = KeyContext("childSearch", .keysContextChildSearch, textEntry: true)
    static let childPage = KeyContext("childPage", .keysContextChildPage)
}

/// The vacancies: a searchable, filterable, sortable list and each vacancy's detail page.
enum VacanciesTab: TabScreen {
    static let tab = Tab.vacancies

    static func context(_ model: Model) -> KeyContext {
        if model.vacancies.open != nil { return .vacancyDetail }
        return model.vacancies.focus == .search ? .vacancySearch : .vacancyList
    }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        switch context {
        case .vacancyList:
            return Keymap.listKeys(open: .keysVacancyOpen) + [
                KeyBinding([.char("s")], .sort, .keysSortNext, hint: .keysSortHint),
                KeyBinding([.escape], .clearSearch, .shellKeyClearSearch),
            ]
        case .vacancySearch: return Keymap.searchKeys(.keysWhatVacancies)
        case .vacancyDetail: return [KeyBinding([.escape, .backspace], .back, .keysBack, hint: .keysBack)] + Keymap.scrollKeys
        default: return nil
        }
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        if context == .vacancyDetail { return performPage(action, &model) { $0.vacancies.open = nil } }
        switch action {
        case .open:
            if let s = model.vacancies.table.selected, s < model.vacancies.visible.count {
                model.vacancies.open = Int(model.vacancies.visible[s])
                model.vacancies.pageScroll = 0
            }
        case .sort:
            // The selected row stays selected under the new order.
            let keep = model.selectedVacancy?.id
            model.sort = model.sort.next
            refreshSearch(&model, .vacancies)
            let vacancies = model.data?.vacancies ?? []
            reselect(&model.vacancies, keep, rows: Geometry(model).tableRows) { vacancies[Int($0)].id }
        default:
            performListKeys(action, tab, &model)
        }
        return []
    }

    static func type(_ c: Character, _ context: KeyContext, _ model: inout Model) { editQuery(&model) { $0.append(c) } }

    static func drawBody(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        if let open = model.vacancies.open {
            drawPage(model, title: Pages.vacancyTitle(model, open), Pages.vacancy(model, open), scroll: model.vacancies.pageScroll, g, &buffer)
        } else {
            drawVacancyList(model, g, &buffer)
        }
    }
}

/// The children: a searchable, filterable list, most urgent first, and each child's page.
enum ChildrenTab: TabScreen {
    static let tab = Tab.children

    static func context(_ model: Model) -> KeyContext {
        if model.children.open != nil { return .childPage }
        return model.children.focus == .search ? .childSearch : .childList
    }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        switch context {
        case .childList:
            return Keymap.listKeys(open: .keysChildOpen) + [
                KeyBinding([.char("m")], .runMatch, .shellKeyDashMatch, hint: .shellKeyMatchHint),
                KeyBinding([.escape], .clearSearch, .shellKeyClearSearch),
            ]
        case .childSearch: return Keymap.searchKeys(.keysWhatChildren)
        case .childPage:
            return [KeyBinding([.escape, .backspace], .back, .keysBack, hint: .keysBack),
                    KeyBinding([.char("m")], .runMatch, .keysChildMatch, hint: .shellKeyMatchHint),
                    KeyBinding([.char("u")], .undoPlacement, .keysChildUndo, hint: .keysUndoHint)] + Keymap.scrollKeys
        default: return nil
        }
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        if context == .childPage { return performPage(action, &model) { $0.children.open = nil } }
        if action == .open {
            guard let child = model.selectedChild else { return [] }
            return ChildPageGate.request(child.id, .childrenTab, &model)
        }
        performListKeys(action, tab, &model)
        return []
    }

    static func type(_ c: Character, _ context: KeyContext, _ model: inout Model) { editQuery(&model) { $0.append(c) } }

    static func drawBody(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        if let open = model.children.open {
            drawPage(model, title: Pages.childTitle(model, open), Pages.child(model, open), scroll: model.children.pageScroll, g, &buffer)
        } else {
            drawChildList(model, g, &buffer)
        }
    }
}

/// Keys of a page opened from its own tab: back closes it, the rest scroll.
func performPage(_ action: Action, _ model: inout Model, close: (inout Model) -> Void) -> [Command] {
    switch action {
    case .back: close(&model)
    case .up, .down, .pageUp, .pageDown, .home, .end: scrollPage(action, &model, rows: Geometry(model).pageText.height)
    case .undoPlacement: UndoPromptLayer.open(&model)
    default: break
    }
    return []
}

/// Keys every searchable list shares (vacancies, children, providers): moving, the search field, filters.
func performListKeys(_ action: Action, _ tab: Tab, _ model: inout Model) {
    switch action {
    case .up, .down, .pageUp, .pageDown, .home, .end:
        var list = model[list: tab]
        move(&list.table, action, rows: Geometry(model).tableRows, count: list.visible.count)
        model[list: tab] = list
    case .search, .focusSearch:
        setFocus(&model, .search)
    case .acceptSearch:
        setFocus(&model, .table)
    case .clearSearch:
        editQuery(&model) { $0 = "" }
        setFocus(&model, .table)
    case .deleteChar:
        editQuery(&model) { if !$0.isEmpty { $0.removeLast() } }
    case .filter:
        model.filterPanel = FilterPanelState(tab: tab)
    default:
        break
    }
}
