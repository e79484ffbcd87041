import PropertyBased
import Testing
@testable import PlacementCore

@Suite struct DayTests {
    @Test func parsesAndPrintsISO() {
        let d = Day(iso: "2024-02-29")
        #expect(d?.year == 2024 && d?.month == 2 && d?.day == 29)
        #expect(d?.iso == "2024-02-29")
    }

    @Test(arguments: ["2025-02-30", "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "25-01-01", "2025-1-01", "2025/01/01", "", "２０２５-01-01"])
    func rejectsImpossibleDates(_ raw: String) {
        #expect(Day(iso: raw) == nil)
    }

    @Test func epochRoundTripAcrossCenturies() {
        for days in stride(from: -200_000, through: 200_000, by: 97) {
            let day = Day(daysSinceEpoch: days)
            #expect(day.daysSinceEpoch == days)
            #expect(Day(iso: day.iso) == day)
        }
        #expect(Day(daysSinceEpoch: 0).iso == "1970-01-01")
        #expect(Day(iso: "2000-03-01")!.daysSinceEpoch - Day(iso: "2000-02-28")!.daysSinceEpoch == 2)
    }

    @Test func ageCountsWholeYears() {
        let dob = Day(iso: "2010-06-15")!
        #expect(dob.age(on: Day(iso: "2024-06-14")!) == 13)
        #expect(dob.age(on: Day(iso: "2024-06-15")!) == 14)
        let leap = Day(iso: "2012-02-29")!
        #expect(leap.age(on: Day(iso: "2013-02-28")!) == 0)
        #expect(leap.age(on: Day(iso: "2013-03-01")!) == 1)
    }

    @Test func ordering() {
        #expect(Day(iso: "2024-12-31")! < Day(iso: "2025-01-01")!)
        #expect(Day(iso: "2025-01-01")!.adding(days: 31) == Day(iso: "2025-02-01"))
    }

    /// Days are packed into four bytes: the packing must keep the calendar's order and equality.
    @Test func orderAndEqualityFollowTheCalendar() async {
        await propertyCheck(count: 500, input: Gen.int(in: -719_162...2_932_896), Gen.int(in: -719_162...2_932_896)) { a, b in
            let (x, y) = (Day(daysSinceEpoch: a), Day(daysSinceEpoch: b))
            #expect((x < y) == (a < b))
            #expect((x == y) == (a == b))
            #expect(Day(year: x.year, month: x.month, day: x.day) == x)
        }
    }
}
