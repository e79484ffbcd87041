import Foundation
import Testing
@testable import PlacementCore

/// Each panel on a hand-made Newport world whose answers are worked out in the comments.
@Suite struct ReportPanelTests {
    typealias W = ReportWorld

    static let placements = [
        // C1: 30 nights in Newport's own home, ended at 2 hours' notice, then private in Gwynedd from 1 May: 335 nights to 31 March.
        W.placement("A", child: "C1", provider: "LA", "2025-04-01", "2025-05-01", notice: 2),
        W.placement("B", child: "C1", provider: "PR", "2025-05-01", tier: .otherWelsh, miles: 150),
        // C2: 10 nights in a Cardiff council's other residential setting (100 hours' notice), then agency foster care:
        // 21 + 30 + 31 + 31 + 28 + 31 = 172 nights.
        W.placement("C", child: "C2", provider: "LAC", "2025-10-01", "2025-10-11", type: .R1, tier: .borderingWelsh, notice: 100),
        W.placement("D", child: "C2", provider: "TS", "2025-10-11", type: .U4, tier: .borderingWelsh, miles: 12),
        // C3 is Cardiff's: never in Newport's figures.
        W.placement("E", child: "C3", provider: "PR", "2025-04-01"),
    ]
    static let children = [W.child("C1"), W.child("C2"), W.child("C3", authority: W.cardiff)]
    static let data = W.data(children: children, placements: placements)

    func values(_ table: ReportTable?) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: (table?.rows ?? []).map { ($0.label, $0.values[0]) })
    }

    func compute(_ kind: ReportPanelKind, _ area: ReportArea = .authority(W.newport), data: ReportData = Self.data) -> ReportPanel {
        Reports.compute(data, area: area, period: W.fy2025, panels: [kind]).panels[0]
    }

    @Test func residentialNightsBySectorWithNewportsBaseline() throws {
        let panel = compute(.residentialNights)
        let sectors = panel.tables[0]
        #expect(values(sectors) == ["in-house": 30, "other councils": 10, "not-for-profit": 0, "private": 335])
        let privateRow = try #require(sectors.rows.first { $0.label == "private" })
        #expect(abs(privateRow.share! - 100 * 335 / 375) < 1e-9)
        #expect(privateRow.baseline == BaselineFigure(value: 79, text: "79%", ref: "Table 4.2, Newport"))
        #expect(sectors.rows.first { $0.label == "other councils" }?.baseline == nil)
        #expect(panel.tables[1].rows[0].values == [375])
        #expect(panel.tables[1].rows[0].baseline?.text == "32,800")
        // The months of the year add up to the year.
        #expect(panel.trend?.values.count == 12 && panel.trend?.values.reduce(0, +) == 375)
        // A board shows no count beside its total (the report has none), and Wales shares from Table 4.3.
        #expect(compute(.residentialNights, .board(.gwent)).tables[1].rows[0].baseline == nil)
        #expect(compute(.residentialNights, .wales).tables[0].rows.last?.baseline?.ref == "Table 4.3, Wales")
        #expect(compute(.residentialNights, .wales).tables[1].rows[0].values == [375 + 365])
    }

    @Test func localityBySectorAndTheReg12Ladder() {
        let panel = compute(.residentialLocality)
        #expect(values(panel.tables[0]) == ["in-county": 30, "elsewhere in Wales": 345, "outside Wales": 0])
        #expect(panel.tables[0].rows[0].baseline?.text == "31%")
        #expect(values(panel.tables.first { $0.title == "private" }) == ["in-county": 0, "elsewhere in Wales": 335, "outside Wales": 0])
        let ladder = values(panel.tables.last)
        #expect(ladder["in-county"] == 30 && ladder["bordering Welsh LA"] == 10 && ladder["other Welsh LA"] == 335)
    }

    @Test func childrensHomesAgainstOtherSettings() {
        let panel = compute(.residentialSettings)
        #expect(values(panel.tables[0]) == ["children's home": 365, "other residential": 10])
        #expect(panel.tables[0].rows[0].baseline?.text == "84%")
        #expect(values(panel.tables[2])["other councils"] == 10)
    }

    @Test func fosterWeeksByProvider() {
        let panel = compute(.fosterWeeks)
        #expect(values(panel.tables[0]) == ["in-house carers": 0, "kinship carers": 0, "not-for-profit agency": 24.6, "commercial agency": 0])
        #expect(panel.tables[0].rows[2].baseline?.text == "1%")     // Table 4.8, Newport
        #expect(panel.tables[1].rows[0].baseline?.text == "14,623") // Table 4.7, Newport
    }

    @Test func stabilityCountsMovesAndNotice() {
        let panel = compute(.stability)
        #expect(values(panel.tables[0]) == ["1 placement": 0, "2 placements": 2, "3 or more": 0])
        #expect(panel.tables[0].rows[0].baseline?.text == "73%")
        #expect(values(panel.tables[1]) == ["same day (24 h or less)": 1, "under 7 days": 1, "7 days or more": 0, "notice not recorded": 0])
        #expect(panel.tables[2].rows.first { $0.label == "in-house" }?.values == [1, 1])
        #expect(panel.tables[3].rows.map(\.label) == ["Newport homes"])
    }

    @Test func whereChildrenLiveToday() {
        let panel = compute(.whereChildrenLive)
        #expect(values(panel.tables[0]) == ["in-county": 0, "elsewhere in Wales": 2, "outside Wales": 0])
        #expect(values(panel.tables[2]) == ["under 10 miles": 0, "10 to 20 miles": 1, "20 to 50 miles": 0, "50 miles or more": 1])
        #expect(panel.tables[1].rows.first { $0.label == "foster care" }?.values == [0, 1, 0])
    }

    @Test func freeBedsBySettingSectorTierAndStaleness() {
        let fresh = W.now.addingTimeInterval(-86_400), old = W.now.addingTimeInterval(-10 * 86_400)
        let beds = [
            Vacancy(id: "V1", providerID: "LA", setting: .residential, beds: 2, ageRange: 8...17, availableFrom: W.today, weeklyFee: 1, lastConfirmedAt: fresh),
            Vacancy(id: "V2", providerID: "PR", setting: .residential, beds: 1, ageRange: 8...17, availableFrom: W.today, weeklyFee: 1, lastConfirmedAt: old),
            Vacancy(id: "V3", providerID: "TS", setting: .foster, beds: 1, ageRange: 0...17, availableFrom: W.today, weeklyFee: 1, lastConfirmedAt: fresh),
            // Filled, or not free until next week: not counted.
            Vacancy(id: "V4", providerID: "PR", setting: .residential, beds: 1, ageRange: 8...17, availableFrom: W.today, weeklyFee: 1, lastConfirmedAt: fresh, status: .filled),
            Vacancy(id: "V5", providerID: "PR", setting: .residential, beds: 1, ageRange: 8...17, availableFrom: W.today.adding(days: 7), weeklyFee: 1, lastConfirmedAt: fresh),
        ]
        let data = W.data(children: Self.children, placements: [], vacancies: beds)
        let panel = compute(.freeBeds, data: data)
        #expect(values(panel.tables[2]) == ["in-county": 2, "bordering Welsh LA": 1, "bordering English LA": 0, "other Welsh LA": 1,
                                            "elsewhere in England": 0, "outside England & Wales": 0])
        #expect(panel.tables[0].rows[0].values == [2, 0, 1])  // residential: council 2, charity 0, private 1
        #expect(panel.tables[3].rows[0].values == [1])
        // From Wales every Welsh bed is in the area, and the para 6.4 line appears.
        let wales = compute(.freeBeds, .wales, data: data)
        let welsh = wales.tables.first { $0.title == "Children's homes in Wales" }
        #expect(welsh?.rows[0].values == [3] && welsh?.rows[0].baseline?.text == "138")
        #expect(values(wales.tables[2])["in-county"] == 4)
    }

    @Test func unmetNeedPutsChildrenWithNothingFirst() {
        let waiting = [W.child("C5", status: .needsPlacement), W.child("C4", status: .noticeReceived), W.child("C6", status: .needsPlacement)]
        let suitable = ["C5": SuitableVacancies(byTier: [2, 1, 0, 0, 0, 0]), "C4": SuitableVacancies(byTier: [0, 0, 0, 0, 0, 0]),
                        "C6": SuitableVacancies(byTier: [], unmatchedReason: "home postcode cannot be located")]
        let data = W.data(children: waiting, placements: [], suitable: suitable)
        let panel = compute(.unmetNeed, data: data)
        #expect(values(panel.tables[0]) == ["waiting": 3, "none suitable anywhere": 1, "none in-county": 1])
        #expect(panel.tables[1].rows.map(\.label) == ["C4 (AB)", "C5 (AB)"])
        #expect(panel.tables[1].rows[1].values == [2, 1, 0, 0, 0, 0, 3])
        #expect(panel.notes.first == "C6 (AB): home postcode cannot be located")
        // Never a name.
        #expect(!"\(panel)".contains("Anna") && !"\(panel)".contains("Bell"))
        #expect(compute(.unmetNeed, data: W.data(children: waiting, placements: [])).unavailable != nil)
    }

    @Test func ringRoundCallsDeclinesAndTimeToPlace() {
        let at = { (iso: String) in WorkflowTime.date(W.d(iso), hour: 10, minute: 0)! }
        let calls = [
            Contact(id: "K1", childID: "C1", providerID: "PR", at: at("2025-04-29"), outcome: .declined, declineReason: "No capacity", by: "o"),
            Contact(id: "K2", childID: "C1", providerID: "TS", at: at("2025-04-29"), outcome: .declined, declineReason: "no capacity ", by: "o"),
            Contact(id: "K3", childID: "C1", providerID: "PR", at: at("2025-04-30"), outcome: .accepted, by: "o"),
            Contact(id: "K4", childID: "C2", providerID: "TS", at: at("2025-10-10"), outcome: .accepted, by: "o"),
            Contact(id: "K5", childID: "C3", providerID: "TS", at: at("2025-10-10"), outcome: .declined, declineReason: "other", by: "o"),
            Contact(id: "K6", childID: "C1", providerID: "TS", at: at("2024-10-10"), outcome: .noAnswer, by: "o"),
        ]
        let notice = ProviderNotice(id: "N1", receivedAt: at("2025-04-30"), loggedBy: "o", providerID: "LA", kind: .placementEnding, childID: "C1")
        let data = W.data(children: Self.children, placements: Self.placements, contacts: calls, notices: [notice])
        let panel = compute(.ringRound, data: data)
        #expect(values(panel.tables[0]) == ["children searched": 2, "calls": 4, "calls per child": 2, "most for one child": 3])
        #expect(panel.tables[0].rows[2].baseline?.text == "100–150")
        #expect(values(panel.tables[1]) == ["no capacity": 2])
        #expect(values(panel.tables[2]) == ["same day": 0, "1 to 7 days": 1, "over 7 days": 0, "not placed yet": 0])
    }
}
