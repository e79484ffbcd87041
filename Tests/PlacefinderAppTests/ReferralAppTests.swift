import Foundation
import PlacementCore
import Testing
import TerminalUI
@testable import PlacefinderApp

/// Referrals on screen: marking and sending from the Matches screen, the warning before it goes, the answer
/// form, offers beside the engine's choice, the dashboard's panel.
@Suite struct ReferralAppTests {
    /// The match screen for C1005 with extra calls in the data.
    static func model(contacts: [Contact], width: Int = 132, height: Int = 43) -> Model {
        var m = matchModel(width: width, height: height)
        var data = Fixtures.data
        data.contacts += contacts
        _ = update(&m, .dataLoaded(data))
        _ = update(&m, .matchReady(childID: "C1005", Fixtures.match(["C1005"])))
        return m
    }

    static func referral(_ id: String, to c: MatchScreenData.Candidate, due: Date) -> Contact {
        Contact(id: id, childID: "C1005", providerID: c.provider.id, vacancyID: c.vacancy.id, at: Fixtures.at(-1), outcome: .referred,
                by: "ceri.jones", referral: ReferralSent(sections: ReferralSection.allCases, responseDue: due))
    }

    @Test func spaceMarksAndMovesDownAndSSendsOneReferralToEveryMarkedProvider() {
        var m = matchModel(width: 132, height: 43)
        let candidates = m.match!.data!.candidates
        #expect(candidates.count >= 3)
        m.press(.char(" "), .char(" "), .char(" "))
        #expect(m.match!.marked == candidates.prefix(3).map(\.vacancy.id))
        #expect(m.match!.table.selected == 3)
        #expect(m.screen.filter { $0.contains("✓") }.count == 3)
        m.press(.up, .char(" "))                                  // unmark the third
        #expect(m.match!.marked == candidates.prefix(2).map(\.vacancy.id))
        m.press(.char("s"))
        #expect(m.context == .referralSend)
        #expect(m.screenText.contains("Send this referral?"))
        // The child's record has no school and no faith need: the warning says so before anything goes.
        let child = Fixtures.children.first { $0.id == "C1005" }!
        let expected = ReferralPack(child: child, siblings: [], today: Fixtures.today, sentAt: Fixtures.now, sentBy: "ceri.jones",
                                    responseDue: Fixtures.now).missing
        #expect(!expected.isEmpty)
        for gap in expected { #expect(m.screenText.contains("! " + gap.text)) }
        m.press(.right)                                           // an hour later
        let due = ReferralDraft.defaultResponseDue(now: Fixtures.now, emergency: child.urgency.isEmergency).addingTimeInterval(3600)
        let commands = m.press(.enter)
        #expect(commands == [.sendReferral(ReferralDraft(childID: "C1005", vacancyIDs: candidates.prefix(2).map(\.vacancy.id),
                                                         responseDue: due, sections: ReferralSection.allCases))])
        _ = update(&m, .commandSucceeded("sent referral K0101 to P1, K0102 to P2"))
        #expect(m.referralSend == nil && m.match!.marked.isEmpty)
        #expect(m.status?.hasPrefix("sent referral") == true)
    }

    @Test func aRefusedSendKeepsTheQuestionAndTheMarks() {
        var m = matchModel(width: 132, height: 43)
        m.press(.char(" "), .char("s"), .enter)
        _ = update(&m, .commandFailed("P1 has not yet answered referral K0001 for C1005"))
        #expect(m.referralSend?.saving == false)
        #expect(m.match!.marked.count == 1)
        m.press(.escape)
        #expect(m.context == .matches)
    }

    @Test func oLogsAnOfferAndTheOfferShowsBesideTheEnginesChoice() {
        var m = matchModel(width: 132, height: 43)
        let third = m.match!.data!.candidates[2]
        m = Self.model(contacts: [Self.referral("K0100", to: third, due: Fixtures.at(2))])
        m.press(.char("o"))
        #expect(m.status == ReferralText.noReferral, "the first row's provider was not referred")
        m.press(.down, .down, .char("o"))
        #expect(m.context == .referralResponse)
        #expect(m.referralResponse?.fee == String(third.vacancy.weeklyFee))
        m.press(.tab)
        for _ in 0..<8 { m.press(.backspace) }
        m.type("4100")
        m.press(.tab)
        for _ in 0..<12 { m.press(.backspace) }
        m.type("2025-06-20")
        let commands = m.press(.enter)
        #expect(commands == [.respondToReferral(id: "K0100", .offer(ReferralOffer(weeklyFee: 4100, start: Fixtures.d("2025-06-20")), note: ""))])
        _ = update(&m, .commandSucceeded("offered logged for referral K0100 (K0101)"))
        #expect(m.referralResponse == nil)
        // The runtime's reload brings the offer: it shows over the ranking, beside the engine's first choice.
        let offer = Contact(id: "K0101", childID: "C1005", providerID: third.provider.id, vacancyID: third.vacancy.id, at: Fixtures.now,
                            outcome: .offered, by: "ceri.jones", respondsTo: "K0100",
                            offer: ReferralOffer(weeklyFee: 4100, start: Fixtures.d("2025-06-20")))
        m = Self.model(contacts: [Self.referral("K0100", to: third, due: Fixtures.at(2)), offer])
        let text = m.screenText
        #expect(text.contains(ReferralText.offersHeading))
        #expect(text.contains("engine's choice #1 \(m.match!.data!.candidates[0].vacancy.id)"))
        #expect(text.contains("#3 \(third.vacancy.id) \(third.provider.name) · £4,100/wk offered · from 20 Jun"))
    }

    @Test func theFormNamesWhatIsMissingAndADeclineOrQuestionNeedsText() {
        var m = matchModel(width: 132, height: 43)
        let first = m.match!.data!.candidates[0]
        m = Self.model(contacts: [Self.referral("K0100", to: first, due: Fixtures.at(2))])
        m.press(.char("o"), .right)                                // offer → decline
        #expect(m.press(.enter) == [])
        #expect(m.screenText.contains("Type why the provider declined"))
        m.type("no bed for a boy")
        #expect(m.press(.enter) == [.respondToReferral(id: "K0100", .decline(reason: "no bed for a boy"))])
        m.referralResponse?.saving = false
        m.press(.right)                                            // decline → question (the text typed stays)
        for _ in 0..<16 { m.press(.backspace) }
        m.type("Does he play rugby?")
        #expect(m.press(.enter) == [.respondToReferral(id: "K0100", .question("Does he play rugby?"))])
    }

    @Test func theDashboardListsReferralsAwaitingAnAnswerOverdueFirst() {
        var m = matchModel(width: 132, height: 43)
        let c = m.match!.data!.candidates
        var later = Self.referral("K0100", to: c[0], due: Fixtures.at(3))
        later.providerID = c[0].provider.id
        let overdue = Self.referral("K0101", to: c[1], due: Fixtures.at(-2))
        var answered = Self.referral("K0102", to: c[2], due: Fixtures.at(-5))
        answered.providerID = c[2].provider.id
        let decline = Contact(id: "K0103", childID: "C1005", providerID: c[2].provider.id, vacancyID: c[2].vacancy.id, at: Fixtures.now,
                              outcome: .declined, declineReason: "full", by: "ceri.jones", respondsTo: "K0102")
        var d = Fixtures.model(width: 132, height: 43, tab: .dashboard)
        var data = Fixtures.data
        data.contacts += [later, overdue, answered, decline]
        _ = update(&d, .dataLoaded(data))
        #expect(d.screenText.contains("Referrals awaiting an answer (2)"))
        let rows = d.screen.filter { $0.contains("C1005") && ($0.contains("overdue") || $0.contains("waiting")) }
        #expect(rows.count == 2 && rows[0].contains("overdue") && rows[1].contains("waiting"))
        d.press(.backTab)                                          // urgent ← referrals (last in Tab order)
        #expect(d.dashboard.focus == .referrals)
        d.press(.enter)
        #expect(d.referralResponse?.referralID == "K0101")
    }
}
