import Foundation
import Testing
@testable import PlacementCore

/// The one definition of each label (issue 10 item 12): urgent, notice length, time left.
@Suite struct LabelsTests {
    /// Welsh local time on 25 November 2026 (GMT, so local and UTC agree).
    static func at(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }
    static let now = at("2026-11-25T09:30:00Z")
    static let today = Day(iso: "2026-11-25")!

    static func child(_ status: ChildStatus, _ urgency: Urgency) -> Child {
        Child(id: "C1", givenName: "A", familyName: "B", dateOfBirth: Day(iso: "2012-01-01")!, gender: .female,
              homePostcode: "LL55 1AA", placingAuthority: "W06000002", firstLanguage: .english, welshPlacement: nil,
              legalStatus: .careOrder, needs: [], siblingGroup: nil, safeguarding: .init(), urgency: urgency, status: status)
    }

    @Test func urgentIsANoticeOrAPlacementNeededWithinAWeek() {
        #expect(Self.child(.noticeReceived, .neededBy(Self.today.adding(days: 60))).isUrgent(today: Self.today))
        #expect(Self.child(.needsPlacement, .emergency).isUrgent(today: Self.today))
        #expect(Self.child(.needsPlacement, .neededBy(Self.today.adding(days: Child.urgentWithinDays))).isUrgent(today: Self.today))
        #expect(!Self.child(.needsPlacement, .neededBy(Self.today.adding(days: Child.urgentWithinDays + 1))).isUrgent(today: Self.today))
        #expect(!Self.child(.placed, .emergency).isUrgent(today: Self.today))
    }

    @Test func sameDayOnlyWhenTheEndingFallsOnTheDayTheNoticeWasGiven() {
        #expect(NoticeLength(given: Self.at("2026-11-25T09:00:00Z"), ends: Self.at("2026-11-25T17:30:00Z")) == .sameDay(hours: 8))
        // 18 hours over midnight: short, but not same-day.
        let overnight = NoticeLength(given: Self.at("2026-11-24T16:00:00Z"), ends: Self.at("2026-11-25T10:00:00Z"))
        #expect(overnight == .hours(18))
        #expect(overnight.isShort)
        #expect(NoticeLength(given: Self.at("2026-11-24T09:00:00Z"), ends: Self.at("2026-11-25T15:00:00Z")) == .hours(30))
        #expect(!NoticeLength(hours: 30).isShort)
        #expect(NoticeLength(given: Self.at("2026-11-20T09:00:00Z"), ends: Self.at("2026-11-25T10:00:00Z")) == .days(5))
        // A Welsh summer evening: 23:30 BST is 22:30 UTC, still the day the notice was given.
        #expect(NoticeLength(given: Self.at("2026-06-30T08:00:00Z"), ends: Self.at("2026-06-30T22:30:00Z")) == .sameDay(hours: 14))
        #expect(NoticeLength(given: Self.at("2026-06-30T08:00:00Z"), ends: Self.at("2026-06-30T23:30:00Z")) == .hours(15))
        // Hours alone (a placement's record) never claim a calendar day; an ending before the call is 0 h.
        #expect(NoticeLength(hours: 4) == .hours(4))
        #expect(NoticeLength(given: Self.at("2026-11-25T12:00:00Z"), ends: Self.at("2026-11-25T09:00:00Z")) == .sameDay(hours: 0))
    }

    @Test func aNoticeCarriesItsLengthOnlyForAnEndingWithATime() {
        let ending = ProviderNotice(id: "N1", receivedAt: Self.now, loggedBy: "a", providerID: "P1", kind: .placementEnding,
                                    childID: "C1", effectiveAt: Self.at("2026-11-25T17:30:00Z"))
        #expect(ending.noticeLength == .sameDay(hours: 8))
        var noTime = ending
        noTime.effectiveAt = nil
        #expect(noTime.noticeLength == nil)
        var vacancy = ending
        vacancy.kind = .vacancyOpened
        #expect(vacancy.noticeLength == nil)
    }

    @Test func timeLeftUsesTheNotifiedEndingBeforeTheUrgency() {
        // The workflow marks a same-day ending an emergency; the time left still says when.
        let ending = Self.child(.noticeReceived, .emergency)
        #expect(TimeLeft.of(ending, ending: Self.at("2026-11-25T17:30:00Z"), now: Self.now) == .endsAt(Self.at("2026-11-25T17:30:00Z"), hours: 8))
        #expect(TimeLeft.of(ending, ending: Self.at("2026-11-26T09:00:00Z"), now: Self.now) == .endsAt(Self.at("2026-11-26T09:00:00Z"), hours: 23))
        #expect(TimeLeft.of(ending, ending: Self.at("2026-11-28T09:00:00Z"), now: Self.now) == .days(3))
        #expect(TimeLeft.of(ending, ending: Self.at("2026-11-25T08:00:00Z"), now: Self.now) == .ended(Self.at("2026-11-25T08:00:00Z")))
        #expect(TimeLeft.of(ending, ending: nil, now: Self.now) == .emergency)
        let waiting = Self.child(.needsPlacement, .neededBy(Self.today.adding(days: -2)))
        #expect(TimeLeft.of(waiting, ending: Self.at("2026-11-25T17:30:00Z"), now: Self.now) == .overdue(days: 2),
                "an ending notice counts only while the child's status says so")
        #expect(TimeLeft.of(Self.child(.needsPlacement, .neededBy(Self.today)), ending: nil, now: Self.now) == .today)
        #expect(TimeLeft.of(Self.child(.needsPlacement, .neededBy(Self.today.adding(days: 9))), ending: nil, now: Self.now) == .days(9))
        #expect(TimeLeft.endsAt(Self.now, hours: 1).isPressing && !TimeLeft.days(2).isPressing)
    }
}
