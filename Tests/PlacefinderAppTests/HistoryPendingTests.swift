import Foundation
import PlacementCore
import Testing
@testable import PlacefinderApp

/// Until the launch's second load brings the history, the screens that list it say it is still coming
/// instead of showing a short history as if it were whole.
struct HistoryPendingTests {
    static func model(historyPending: Bool, language: Language = .en) -> Model {
        var data = Fixtures.data
        data.historyPending = historyPending
        var (m, _) = Model.initial(size: (132, 43), officer: Fixtures.officer, authority: Fixtures.authority, now: Fixtures.now,
                                   redact: false, language: language)
        _ = update(&m, .dataLoaded(data))
        return m
    }

    static func childPage(_ m: Model) -> String {
        var m = m
        m.press(.char(":"))
        m.type("C1001")
        m.press(.enter)
        return m.screenText
    }

    static func allStatuses(_ m: Model) -> String {
        var m = m
        m.tab = .vacancies
        m.vacancies.filters[VacancyFilter.statuses.rawValue] = 1
        return m.screenText
    }

    @Test(arguments: Language.allCases)
    func theHistoryScreensSayItIsStillLoading(_ language: Language) {
        let waiting = Message.screensHistoryLoading.text(language)
        let short = Message.screensHistoryLoadingVacancies.text(language)
        let pending = Self.model(historyPending: true, language: language), whole = Self.model(historyPending: false, language: language)
        #expect(Self.childPage(pending).contains(waiting))
        #expect(!Self.childPage(whole).contains(waiting))
        #expect(Self.allStatuses(pending).contains(short))
        #expect(!Self.allStatuses(whole).contains(short))
        // The default list (open and held) is whole already: no note there.
        var list = pending
        list.tab = .vacancies
        #expect(!list.screenText.contains(short))
    }
}
