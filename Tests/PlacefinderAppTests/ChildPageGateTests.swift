import Foundation
import PlacementCore
import TerminalUI
import Testing
@testable import PlacefinderApp

/// A child's page opens only once its view is in the audit trail: these drive `update` by hand, playing
/// the runtime's answers (`Model.press` in the fixtures answers "recorded" at once; these do not).
@Suite struct ChildPageGateTests {
    /// Sends one key without the fixtures' automatic "recorded".
    static func key(_ m: inout Model, _ key: Key) -> [Command] { update(&m, .event(.key(key))) }

    @Test func theChildrenListShowsThePageOnlyOnceTheViewIsRecorded() {
        var m = Fixtures.model(width: 132, height: 43, tab: .children)
        #expect(Self.key(&m, .enter) == [.audit(action: "view", recordType: "child", recordID: "C1001", token: 1)])
        #expect(m.children.open == nil && m.context == .childList)
        #expect(m.screen.last!.contains("Opening C1001's page"))
        #expect(!m.screenText.contains("same-day (4 h)"))          // nothing of the page yet
        _ = update(&m, .auditRecorded(token: 1))
        #expect(m.context == .childPage && m.pendingPage == nil && m.status == nil)
        #expect(m.screenText.contains("same-day (4 h)"))
    }

    @Test func aFailedAuditWriteOpensNothingAndSaysWhy() {
        var m = Fixtures.model(width: 132, height: 43, tab: .children)
        let before = m.screenText
        _ = Self.key(&m, .enter)
        _ = update(&m, .auditFailed(token: 1, reason: "store busy — try again"))
        #expect(m.children.open == nil && m.peek == nil && m.pendingPage == nil && m.context == .childList)
        #expect(m.screen.last!.hasPrefix("Not opened, view not recorded: store busy — try again │"))
        // Only the status line differs from the list as it was.
        #expect(Array(m.screen.dropLast()) == Array(before.components(separatedBy: "\n").dropLast()))
        // A late "recorded" for the failed request opens nothing either.
        _ = update(&m, .auditRecorded(token: 1))
        #expect(m.children.open == nil)
    }

    @Test func onlyTheAnswerToTheLatestRequestOpensAPage() {
        var m = Fixtures.model(width: 132, height: 43, tab: .children)
        _ = Self.key(&m, .enter)
        _ = update(&m, .auditFailed(token: 1, reason: "store error — tell admin"))
        #expect(Self.key(&m, .enter) == [.audit(action: "view", recordType: "child", recordID: "C1001", token: 2)])
        _ = update(&m, .auditRecorded(token: 1))
        #expect(m.children.open == nil)
        _ = update(&m, .auditRecorded(token: 2))
        #expect(m.context == .childPage)
    }

    @Test func theDashboardsUrgentAndNoticePanelsGoThroughTheSameGate() {
        var m = Fixtures.model(tab: .dashboard)
        _ = Self.key(&m, .down)
        #expect(Self.key(&m, .enter) == [.audit(action: "view", recordType: "child", recordID: "C1003", token: 1)])
        #expect(m.peek == nil && m.context == .dashboard)
        _ = update(&m, .auditFailed(token: 1, reason: "read-only — ask admin"))
        #expect(m.peek == nil && m.context == .dashboard)
        #expect(m.screen.last!.hasPrefix("Not opened, view not recorded: read-only — ask admin"))
        // Today's notices: N01, the ending for C1008, opens that child's page.
        _ = Self.key(&m, .tab)
        _ = Self.key(&m, .down)
        #expect(Self.key(&m, .enter) == [.audit(action: "view", recordType: "child", recordID: "C1008", token: 2)])
        #expect(m.peek == nil)
        _ = update(&m, .auditRecorded(token: 2))
        #expect(m.context == .childPage && m.screenText.contains("Child C1008"))
    }

    @Test func aPendingPageFollowsItsChildAcrossAReload() {
        var m = Fixtures.model(width: 132, height: 43, tab: .children)
        _ = Self.key(&m, .enter)
        // A reload lands first, with the children in another order.
        var data = Fixtures.data
        data.children.reverse()
        _ = update(&m, .dataLoaded(data))
        _ = update(&m, .auditRecorded(token: 1))
        #expect(m.children.open.map { data.children[$0].id } == "C1001")
    }
}

/// Numbers from rows imported before range checks (miles 1e308, NaN, infinity) show as "?" or clamped;
/// formatting never traps.
@Suite struct ExtremeNumberTests {
    static let extremes: [Double] = [1e308, -1e308, .infinity, -.infinity, .nan, Double(Int.max), -Double(Int.max),
                                     .greatestFiniteMagnitude, 1e6, -0.0, .leastNonzeroMagnitude]

    @Test func milesAreTotal() {
        for x in Self.extremes {
            let shown = Distance.formatMiles(x, approximate: true)
            let plausible = x.isFinite && x >= 0 && x < Distance.implausibleMiles
            #expect(plausible ? shown.hasSuffix(" mi") && !shown.contains("?") : shown == "? mi", "\(x) → \(shown)")
            #expect(Format.miles(x).hasSuffix(" mi est."))
        }
        #expect(Distance.formatMiles(999_999.4, approximate: false) == "999999 mi")
        #expect(Distance.formatMiles(12.4, approximate: true) == "≈12 mi")
    }

    @Test func moneyHoursAgesAndCountsAreTotal() {
        #expect(Money.pounds(Int.max) == "£9,223,372,036,854,775,807")
        #expect(Money.pounds(Int.min) == "-£9,223,372,036,854,775,808")
        #expect(Format.notice(NoticeLength(hours: Int.max)).text == "\(Int.max / 24) days")
        #expect(Format.notice(NoticeLength(hours: Int.min)) == (text: "0 h", short: true))
        #expect(Format.ages(Int.min...Int.max) == "\(Int.min)–\(Int.max)")
        #expect(Format.plural(Int.max, "bed") == "\(Int.max) beds")
    }

    @Test func saturatingConversionClampsInsteadOfTrapping() {
        let table: [(Double, Int)] = [(1e308, .max), (-1e308, .min), (.infinity, .max), (-.infinity, .min), (.nan, 0),
                                      (0x1p63, .max), (-0x1p63, .min), (Double(Int.max), .max), (41.9, 41), (-41.9, -41)]
        for (x, expected) in table { #expect(Int(saturating: x) == expected, "\(x)") }
    }

    @Test func aChildPageWithImpossibleMilesOpensAndShowsThemAsUnknown() {
        var data = Fixtures.data
        let values: [Double] = [1e308, .nan, -.infinity]
        var n = 0
        for i in data.placements.indices where data.placements[i].childID == "C1001" {
            data.placements[i].milesFromHome = values[n % values.count]
            n += 1
        }
        let c = data.children.firstIndex { $0.id == "C1001" }!
        data.children[c].safeguarding = .init(avoidAreas: [AvoidArea(postcode: "CF24 1AB", radiusMiles: .infinity)],
                                              minimumMilesFromHome: 1e308)
        var (m, _) = Model.initial(size: (132, 43), officer: Fixtures.officer, authority: Fixtures.authority,
                                   now: Fixtures.now, redact: false)
        _ = update(&m, .dataLoaded(data))
        m.tab = .children
        m.press(.enter)
        #expect(m.context == .childPage)
        let text = m.screenText
        #expect(text.contains("Gwenllïan Jones"))
        #expect(text.components(separatedBy: "? mi est.").count - 1 == 3)
        #expect(text.contains("at least ? mi from home"))
        #expect(text.contains("avoid within ? mi of CF24 1AB"))
        m.press(.end)                                                // scrolling draws the rest too
        _ = view(m)
    }
}
