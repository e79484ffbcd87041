import Foundation
import PlacementCore
import Testing
@testable import PlacefinderApp

/// A partial reload keeps the index parts that read no table read again (issue 9: reloads cost what changed,
/// and two full indexes never coexist); every screen must show what an index built from scratch shows.
struct IndexReuseTests {
    typealias Change = (tables: Set<String>, apply: @Sendable (inout AppData) -> Void)

    /// One change per table the snapshot reads, and none.
    static let changes: [String: Change] = [
        "nothing": ([], { _ in }),
        "a call": (["contacts"], { data in
            data.contacts.append(Contact(id: "K99", childID: "C1001", providerID: "P04", at: Fixtures.now, outcome: .considering,
                                         by: "alun.owen", callBackAt: Fixtures.now + 3_600))
        }),
        "a notice": (["notices"], { data in
            data.notices.append(ProviderNotice(id: "N99", receivedAt: Fixtures.now, loggedBy: "alun.owen", providerID: "P04",
                                               kind: .vacancyChanged, vacancyID: "V103", text: "Fee down"))
        }),
        "a bed filled and a fee changed": (["vacancies"], { data in
            data.vacancies[0].status = .filled
            data.vacancies[4].weeklyFee = 9_999
        }),
        "a child placed": (["children"], { data in
            data.children[0].status = .placed
        }),
        "a placement made": (["placements"], { data in
            data.placements.append(Fixtures.placement("PL99", "C1001", "P05", "2025-06-16"))
        }),
    ]

    /// Every tab (the dashboard lists call-backs due), and the page of the child the changes are about.
    static func screens(_ indexed: IndexedData) -> [String] {
        var (model, _) = Model.initial(size: (132, 43), officer: Fixtures.officer, authority: Fixtures.authority, now: Fixtures.now, redact: false)
        _ = update(&model, .dataIndexed(indexed))
        let tabs = Tab.allCases.map { tab in
            model.tab = tab
            return model.screenText
        }
        model.press(.char(":"))
        model.type("C1001")
        model.press(.enter)
        return tabs + [model.screenText]
    }

    static func address<T>(_ array: [T]) -> UnsafeRawPointer? { array.withUnsafeBytes { $0.baseAddress } }

    @Test(arguments: changes.keys.sorted())
    func aPartialReloadShowsWhatAFreshIndexShows(_ name: String) {
        let before = IndexedData(data: Fixtures.data, authority: Fixtures.authority, now: Fixtures.now)
        var after = Fixtures.data
        let change = Self.changes[name]!
        change.apply(&after)
        after.reread = change.tables
        let reused = IndexedData(data: after, authority: Fixtures.authority, now: Fixtures.now, previous: before)
        let fresh = IndexedData(data: after, authority: Fixtures.authority, now: Fixtures.now)
        #expect(Self.screens(reused) == Self.screens(fresh))
        if !change.tables.isEmpty { #expect(Self.screens(reused) != Self.screens(before), "\(name) shows") }

        // Kept means the same storage, not a copy: the memory a second index would take is not taken.
        let vacanciesKept = change.tables.isDisjoint(with: ["vacancies", "providers"])
        let childrenKept = change.tables.isDisjoint(with: ["children", "placements"])
        #expect((Self.address(reused.index.vacancies.fee) == Self.address(before.index.vacancies.fee)) == vacanciesKept)
        #expect((Self.address(reused.index.children.rows) == Self.address(before.index.children.rows)) == childrenKept)
    }

    /// Ages, stability windows and the tier of each bed depend on the day and the officer's authority.
    @Test func anotherDayOrAuthorityOrAFirstLoadRebuildsEverything() {
        let before = IndexedData(data: Fixtures.data, authority: Fixtures.authority, now: Fixtures.now)
        var unchanged = Fixtures.data
        unchanged.reread = []
        let tomorrow = IndexedData(data: unchanged, authority: Fixtures.authority, now: Fixtures.now + 86_400, previous: before)
        let cardiff = IndexedData(data: unchanged, authority: "W06000015", now: Fixtures.now, previous: before)
        let firstLoad = IndexedData(data: Fixtures.data, authority: Fixtures.authority, now: Fixtures.now, previous: before)
        for rebuilt in [tomorrow, cardiff, firstLoad] {
            #expect(Self.address(rebuilt.index.children.rows) != Self.address(before.index.children.rows))
            #expect(Self.address(rebuilt.index.vacancies.fee) != Self.address(before.index.vacancies.fee))
        }
        #expect(Self.screens(cardiff) == Self.screens(IndexedData(data: unchanged, authority: "W06000015", now: Fixtures.now)))
    }
}
