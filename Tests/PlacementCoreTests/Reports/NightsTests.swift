import Testing
@testable import PlacementCore

@Suite struct NightsTests {
    typealias W = ReportWorld

    @Test func periodsCoverTheRightDays() {
        #expect(W.fy2025.start == W.d("2025-04-01") && W.fy2025.end == W.d("2026-03-31") && W.fy2025.days == 365)
        // A year not yet over stops at the report's day; one not begun has no days.
        let current = ReportPeriod(.financialYear(2026), today: W.today)
        #expect(current.end == W.today && current.days == 244)
        #expect(ReportPeriod(.financialYear(2027), today: W.today).days == 0)
        let year = ReportPeriod(.last12Months, today: W.today)
        #expect(year.start == W.d("2025-12-01") && year.days == 365)
        #expect(ReportPeriod(.last12Months, today: W.d("2028-02-29")).start == W.d("2027-03-01"))
        #expect(ReportPeriod(.today, today: W.today).days == 1)
        #expect(ReportPeriod.parse("fy2025", today: W.today) == W.fy2025)
        #expect(ReportPeriod.parse("FY25", today: W.today) == nil && ReportPeriod.parse("week", today: W.today) == nil)
    }

    @Test func nightsAreClippedAtBothEndsOfThePeriod() {
        // 2025-03-20 to 2025-04-10: only 1–9 April fall in FY2025 (the end day is slept elsewhere).
        let early = W.placement("A", child: "C1", provider: "LA", "2025-03-20", "2025-04-10")
        // Open since 2026-03-25: 25–31 March count, April 2026 is the next year.
        let late = W.placement("B", child: "C2", provider: "LA", "2026-03-25")
        let nights = Nights.perPlacement([early, late], in: W.fy2025)
        #expect(nights.map(\.nights) == [9, 7])
    }

    @Test func aPlacementSpanningTwoFinancialYearsSplitsItsNights() {
        let spanning = W.placement("A", child: "C1", provider: "PR", "2026-01-01", "2026-05-01")
        let fy25 = Nights.perPlacement([spanning], in: W.fy2025).map(\.nights)
        let fy26 = Nights.perPlacement([spanning], in: ReportPeriod(.financialYear(2026), today: W.today)).map(\.nights)
        #expect(fy25 == [90])   // January 31 + February 28 + March 31
        #expect(fy26 == [30])   // April
        #expect(fy25[0] + fy26[0] == W.d("2026-01-01").days(until: W.d("2026-05-01")))
    }

    @Test func aChildPlacedTwiceInADaySleepsOncePerNight() {
        // Moved out of A on 10 June into B, and from B the same day into C; a stray open record D overlaps C.
        let a = W.placement("A", child: "C1", provider: "LA", "2025-06-01", "2025-06-10")
        let b = W.placement("B", child: "C1", provider: "PR", "2025-06-10", "2025-06-10")
        let c = W.placement("C", child: "C1", provider: "TS", "2025-06-10", "2025-06-20")
        let d = W.placement("D", child: "C1", provider: "PR", "2025-06-15")
        let june = Nights.perPlacement([a, b, c, d], from: W.d("2025-06-01"), through: W.d("2025-06-30"))
        let nights = Dictionary(uniqueKeysWithValues: june.map { ($0.placement.id, $0.nights) })
        #expect(nights == ["A": 9, "C": 5, "D": 16])
        #expect(nights.values.reduce(0, +) == 30)
    }

    @Test func aPlacementEndingBeforeItStartsIsNotCounted() {
        let wrong = W.placement("A", child: "C1", provider: "LA", "2025-06-10", "2025-06-01")
        #expect(!wrong.countsInReports)
        let data = W.data(children: [W.child("C1")], placements: [wrong])
        #expect(data.countedPlacements(in: .wales).isEmpty)
    }
}
