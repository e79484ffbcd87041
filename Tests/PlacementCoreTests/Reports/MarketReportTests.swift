import Foundation
import Testing
@testable import PlacementCore

/// Spend, occupancy and the authorities fixed at a placement's start (issue 13 §2), on the hand-made Newport
/// world of `ReportPanelTests`; answers worked out in the comments.
@Suite struct MarketReportTests {
    typealias W = ReportWorld

    func values(_ table: ReportTable?) -> [String: Double] {
        Dictionary(uniqueKeysWithValues: (table?.rows ?? []).map { ($0.label, $0.values[0]) })
    }

    func compute(_ kind: ReportPanelKind, _ area: ReportArea = .authority(W.newport), data: ReportData) -> ReportPanel {
        Reports.compute(data, area: area, period: W.fy2025, panels: [kind]).panels[0]
    }

    static func costed() -> [Placement] {
        var p = ReportPanelTests.placements
        // A: 30 nights at £700 a week = £3,000, purpose not recorded.
        p[0].cost = AgreedCost(weekly: 700)
        // B: 1 May to 31 December (245 nights) at £2,100, then 1 January to 31 March (90 nights) at £2,800:
        // 245 × 300 + 90 × 400 = £109,500, spot, long-term.
        p[1].cost = AgreedCost(weekly: 2_100, changes: [CostChange(from: W.d("2026-01-01"), weeklyCost: 2_800)])
        p[1].purchase = .spot
        p[1].purpose = .longTerm
        // C: no cost recorded (10 nights). D: 172 nights at £700 = £17,200 under the framework.
        p[3].cost = AgreedCost(weekly: 700)
        p[3].purchase = .framework
        // E: Cardiff's child, £7,000 a week: never in Newport's spend.
        p[4].cost = AgreedCost(weekly: 7_000)
        return p
    }

    @Test func spendPricesEachNightAtTheCostInForce() throws {
        let data = W.data(children: ReportPanelTests.children, placements: Self.costed())
        let panel = compute(.spend, data: data)
        #expect(panel.unavailable == nil)
        #expect(values(panel.tables[0]) == ["in-house": 3_000, "other councils": 0, "not-for-profit": 17_200, "private": 109_500])
        let bySetting = try #require(panel.tables.first { $0.title == "Spend by setting and sector" })
        #expect(bySetting.rows.first { $0.label == "children's home" }?.values == [3_000, 0, 0, 109_500])
        #expect(bySetting.rows.first { $0.label == "foster care" }?.values == [0, 0, 17_200, 0])
        #expect(values(panel.tables.first { $0.title == "Framework or spot" }) == ["framework": 17_200, "spot": 109_500, "not recorded": 3_000])
        #expect(values(panel.tables.first { $0.title == "By purpose" })["long-term"] == 109_500)
        let all = try #require(panel.tables.first { $0.title == "All spend" })
        #expect(all.rows[0].values == [129_700, 537])
        #expect(all.rows[1].values == [0, 10])
    }

    @Test func aCostChangeInsideTheNightsSplitsThem() {
        let cost = AgreedCost(weekly: 700, changes: [CostChange(from: W.d("2025-04-08"), weeklyCost: 1_400)])
        let start = W.d("2025-04-01").daysSinceEpoch
        // 7 nights at £100, 3 at £200.
        #expect(SpendPanel.pounds(cost, nights: start..<(start + 10)) == 1_300)
        #expect(AgreedCost.changes(cost.changesText) == cost.changes)
        #expect(AgreedCost.changes("2025-13-01:5") == nil)
    }

    @Test func placementsCountForTheAuthorityThatPlacedThemAtTheStart() {
        var placements = ReportPanelTests.placements
        // C3 is Cardiff's today, but Newport placed them in E (365 private nights); C1's B was placed by Cardiff.
        placements[4].placingAuthority = W.newport
        placements[1].placingAuthority = W.cardiff
        let data = W.data(children: ReportPanelTests.children, placements: placements)
        #expect(values(compute(.residentialNights, data: data).tables[0])["private"] == 365)
        #expect(values(compute(.residentialNights, .authority(W.cardiff), data: data).tables[0])["private"] == 335)
    }

    @Test func occupancyFromRegisteredPlacesAndBedsFilledByOthers() throws {
        var providers = W.providers
        for (id, places) in [("LA", 4), ("PR", 6), ("LAC", 3)] { providers[providers.firstIndex { $0.id == id }!].registeredPlaces = places }
        let confirmed = W.now
        let beds = [
            Vacancy(id: "V1", providerID: "PR", setting: .residential, beds: 1, ageRange: 8...17, availableFrom: W.today,
                    weeklyFee: 1, lastConfirmedAt: confirmed, status: .filled, filledBy: "E08000025"),
            Vacancy(id: "V2", providerID: "LAC", setting: .residential, beds: 2, ageRange: 8...17, availableFrom: W.today,
                    weeklyFee: 1, lastConfirmedAt: confirmed, status: .filled, filledBy: "E06000019"),
            Vacancy(id: "V3", providerID: "LA", setting: .residential, beds: 1, ageRange: 8...17, availableFrom: W.today,
                    weeklyFee: 1, lastConfirmedAt: confirmed),
        ]
        // Open today: B (Newport's C1) and E (Cardiff's C3), both in PR's Gwynedd home.
        let data = ReportData(children: ReportPanelTests.children, providers: providers, vacancies: beds,
                              placements: ReportPanelTests.placements, today: W.today, now: W.now)
        let wales = compute(.freeBeds, .wales, data: data)
        let occupancy = try #require(wales.tables.first { $0.title == "Occupancy of children's homes" })
        #expect(values(occupancy) == ["registered places": 13, "in use today": 5, "not in use (spare)": 8, "offered as open vacancies": 1])
        #expect(occupancy.rows[0].baseline?.text == "603" && occupancy.rows[1].baseline?.text == "465")
        let placers = try #require(wales.tables.first { $0.title == "Beds in use by who placed" })
        #expect(values(placers)["placed by English authorities"] == 3)
        #expect(placers.rows.first { $0.label == "placed by English authorities" }?.share == 60)
        #expect(placers.rows.first { $0.label == "placed by English authorities" }?.baseline?.text == "25%")
        // Gwynedd's one home: Newport's and Cardiff's children are other Welsh authorities' there.
        let gwynedd = compute(.freeBeds, .authority(W.gwynedd), data: data)
        #expect(values(gwynedd.tables.first { $0.title == "Beds in use by who placed" })
                == ["placed by the area's authorities": 0, "placed by other Welsh authorities": 2,
                    "placed by English authorities": 1, "placing authority not recorded": 0])
        #expect(gwynedd.tables.first { $0.title == "Occupancy of children's homes" }?.rows[0].baseline == nil)
    }
}
