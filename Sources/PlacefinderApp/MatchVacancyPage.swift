import Foundation
import PlacementCore
import TerminalUI

extension KeyContext {
    static let matchVacancy = KeyContext("matchVacancy", .keysContextMatchVacancy)
}

/// Enter on a ranked row: the vacancy's page with its provider's address, phone, registration and the
/// stability the engine scored, over the match screen. Esc goes back to the ranking on the same row;
/// call, hold and place work here as on the row.
enum MatchVacancyLayer: Layer {
    static func isOpen(_ model: Model) -> Bool { model.match?.openVacancy != nil && model.data != nil }
    static let coversBody = true
    static func context(_ model: Model) -> KeyContext { .matchVacancy }

    static func bindings(_ context: KeyContext) -> [KeyBinding]? {
        guard context == .matchVacancy else { return nil }
        return [KeyBinding([.escape, .backspace], .back, .keysMatchVacancyBack, hint: .keysBack)]
            + Keymap.scrollKeys + [
                KeyBinding([.char("c")], .recordCall, .keysMatchVacancyCall, hint: .keysCallHint),
                KeyBinding([.char("h")], .holdOrRelease, .keysMatchVacancyHold, hint: .keysHoldHint),
                KeyBinding([.char("p")], .place, .keysMatchVacancyPlace, hint: .keysPlaceHint),
            ]
    }

    /// From the ranking: opens the selected row's vacancy.
    static func open(_ model: inout Model) {
        guard let candidate = model.match?.selected else { return }
        model.match?.openVacancy = candidate.vacancy.id
        model.match?.vacancyScroll = 0
    }

    static func perform(_ action: Action, _ context: KeyContext, _ model: inout Model) -> [Command] {
        guard model.match != nil else { return [] }
        // The row of this vacancy, even if a re-rank after a call moved it.
        selectOpenRow(&model)
        switch action {
        case .back:
            model.match?.openVacancy = nil
        case .up, .down, .pageUp, .pageDown, .home, .end:
            let rows = Geometry(model).pageText.height
            let total = Pages.layout(page(model)?.items ?? [], width: Geometry(model).pageText.width).count
            let maxScroll = max(0, total - rows)
            var s = model.match?.vacancyScroll ?? 0
            s = scrolled(s, by: action, rows: rows, end: maxScroll)
            model.match?.vacancyScroll = min(max(0, s), maxScroll)
        case .recordCall, .holdOrRelease, .place:
            // Only on the vacancy shown: after a re-rank that dropped it, the selected row is another one.
            guard let id = model.match?.openVacancy, model.match?.selected?.vacancy.id == id else {
                model.status = Message.screensMatchNoLongerRanked.text(model.language)
                return []
            }
            return performMatch(action, .matches, &model)
        default: break
        }
        return []
    }

    static func selectOpenRow(_ model: inout Model) {
        guard let match = model.match, let id = match.openVacancy, let candidates = match.data?.candidates,
              match.selected?.vacancy.id != id, let row = candidates.firstIndex(where: { $0.vacancy.id == id }) else { return }
        let rows = MatchLayout(model).tableRows
        var table = match.table
        table.selected = row
        table.scrollToSelection(visibleRows: rows, rowCount: candidates.count)
        model.match?.table = table
    }

    /// The open vacancy's page: the vacancy page, with the ranking's stability figures.
    static func page(_ model: Model) -> (title: String, items: [PageItem])? {
        guard let match = model.match, let id = match.openVacancy, let data = model.data else { return nil }
        let l = model.language
        guard let i = data.vacancies.firstIndex(where: { $0.id == id }) else {
            return (Message.screensVacancyHeading.text(l) + " " + id, [PageItem(spans: [Span(Message.screensMatchVacancyGone.text(l), style: .warning)])])
        }
        let candidate = match.data?.candidates.first { $0.vacancy.id == id }
        let ranked = candidate.map { Pages.RankedStability(figures: $0.stability, windowDays: $0.stabilityWindowDays) }
        var items = Pages.vacancy(model, i, ranked: ranked)
        if let candidate {
            let who = candidate.childID
            items.insert(PageItem(spans: [Span(Message.screensMatchRankedFor.text(l, ["rank": String(candidate.rank), "who": who]), style: Style(.accent, bold: true)),
                                          Span(Message.screensMatchScore.text(l, ["score": String(format: "%.1f", candidate.score)])),
                                          Span(Message.screensMatchByRoad.text(l, ["miles": Distance.formatMiles(candidate.roadMiles, approximate: candidate.approximate)]))]),
                         at: 0)
        }
        return (Pages.vacancyTitle(model, i), items)
    }

    static func drawBody(_ model: Model, _ g: Geometry, _ buffer: inout Buffer) {
        guard let page = page(model) else { return }
        // After a resize the page may be shorter than the scroll left it: keep the last screenful.
        let total = Pages.layout(page.items, width: g.pageText.width).count
        let scroll = min(model.match?.vacancyScroll ?? 0, max(0, total - g.pageText.height))
        drawPage(model, title: page.title, page.items, scroll: scroll, g, &buffer)
    }
}

/// Call, hold or place pressed on a vacancy the latest ranking no longer holds (declined, filled…).
let noLongerRankedText = Message.screensMatchNoLongerRanked.text(.en)
