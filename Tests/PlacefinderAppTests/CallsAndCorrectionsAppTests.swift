import Foundation
import PlacementCore
import Testing
import TerminalUI
@testable import PlacefinderApp

/// The call form's note, call-back and scope; accepted offers leading on; corrections from the notices tab and
/// the match screen; due call-backs on the dashboard; corrected entries on the child's page.
@Suite struct CallsAndCorrectionsAppTests {
    /// Fixture data with extra notices and calls.
    static func model(width: Int = 132, height: Int = 43, tab: Tab, notices: [ProviderNotice] = [], contacts: [Contact] = []) -> Model {
        var m = Fixtures.model(width: width, height: height, tab: tab)
        var data = Fixtures.data
        data.notices += notices
        data.contacts += contacts
        _ = update(&m, .dataLoaded(data))
        return m
    }

    @Test func anyOutcomeTakesANoteAndACallBack() {
        var m = matchModel(width: 132, height: 43)
        let selected = m.match!.selected!
        m.press(.char("c"))
        m.press(.right, .right)                                     // no answer → declined → considering
        m.type("manager rings the panel")                           // from the outcome, letters go to the note
        m.press(.tab, .tab)                                         // note → call back
        m.type("tomorrow 10:00")
        #expect(m.screenText.contains("manager rings the panel") && m.screenText.contains("tomorrow 10:00"))
        let commands = m.press(.enter)
        #expect(commands == [.recordContact(Contact(id: "", childID: "C1005", providerID: selected.provider.id, vacancyID: selected.vacancy.id,
                                                    at: Fixtures.now, outcome: .considering, by: "ceri.jones", note: "manager rings the panel",
                                                    callBackAt: WorkflowTime.parse("tomorrow 10:00", now: Fixtures.now)))])
    }

    @Test func aBadCallBackTimeIsNamedAndNothingIsSent() {
        var m = matchModel()
        m.press(.char("c"), .tab, .tab)
        m.type("soonish")
        #expect(m.press(.enter) == [])
        #expect(m.screenText.contains("call back: not a time"))
    }

    @Test func aDeclineCanCoverEveryVacancyOfTheProvider() {
        var m = matchModel(width: 132, height: 43)
        m.press(.char("c"), .right)
        m.type("no boys")
        #expect(m.screenText.contains("[this vacancy]"))
        m.press(.tab, .tab, .right)                                 // outcome → reason → scope: widen
        #expect(m.screenText.contains("[all their vacancies for this child]"))
        guard case .recordContact(let call) = m.press(.enter).first else { Issue.record("no call sent"); return }
        #expect(call.declineReason == "no boys" && call.declineScope == .provider)
    }

    @Test func anAcceptedOfferSaysHowToHoldAndPlace() {
        var m = matchModel()
        m.press(.char("c"), .left)                                  // no answer ← accepted
        #expect(m.contactForm?.outcome == .accepted)
        m.press(.enter)
        _ = update(&m, .commandSucceeded("call K0009 recorded"))
        #expect(m.context == .matches)
        #expect(m.status == "call K0009 recorded · Accepted — h hold the bed, p place the child")
        #expect(m.press(.char("h")).isEmpty && m.confirm != nil, "h then asks to hold the selected bed")
    }

    @Test func aNoticeIsWithdrawnWithAReason() {
        var m = Self.model(tab: .notices)
        m.press(.char("w"))
        #expect(m.context == .correctionForm)
        let id = m.correctionForm.map { f -> String in if case .withdrawNotice(let id) = f.target { id } else { "" } }
        #expect(id == "N02", "the newest notice is selected")
        #expect(m.press(.enter) == [])
        #expect(m.screenText.contains("say why you are correcting it"))
        m.type("logged against the wrong provider")
        #expect(m.press(.enter) == [.withdrawNotice(id: "N02", reason: "logged against the wrong provider")])
        _ = update(&m, .commandSucceeded("notice N02 withdrawn"))
        #expect(m.correctionForm == nil && m.context == .noticeList)
    }

    @Test func aNoticesNotesAreAmended() {
        var m = Self.model(tab: .notices)
        m.press(.char("e"))
        m.press(.backspace, .backspace, .backspace, .backspace)     // "Fee up from July" → "Fee up from "
        m.type("August")
        m.press(.tab)
        m.type("provider corrected the month")
        #expect(m.press(.enter) == [.amendNotice(id: "N02", NoticeAmendment(text: "Fee up from August"), reason: "provider corrected the month")])
    }

    @Test func withdrawnAndAmendedNoticesShowAsCorrected() {
        let withdrawal = ProviderNotice(id: "N06", receivedAt: Fixtures.at(-0.5), loggedBy: "alun.owen", providerID: "P06", kind: .vacancyChanged,
                                        vacancyID: "V105", text: "Fee up from July",
                                        correction: Correction(corrects: "N02", kind: .withdrawn, reason: "wrong provider",
                                                               at: Fixtures.at(-0.1), by: "alun.owen"))
        let amendment = ProviderNotice(id: "N07", receivedAt: Fixtures.at(-24.5), loggedBy: "ceri.jones", providerID: "P02", kind: .placementEnding,
                                       childID: "C1001", effectiveAt: Fixtures.at(-20.5), reason: .CREQB, text: "carer unwell",
                                       correction: Correction(corrects: "N04", kind: .amended, reason: "notes missed", at: Fixtures.at(-0.2), by: "ceri.jones"))
        var m = Self.model(tab: .notices, notices: [withdrawal, amendment])
        let list = m.screenText
        #expect(list.contains("withdrawn") && list.contains("amended"))
        #expect(m.index?.work.noticeOrder.count == Fixtures.notices.count, "each notice once, as it now stands")
        #expect(m.index?.dashboard.todayNotices.map { m.data!.notices[$0].id } == ["N01"], "a withdrawn notice is not today's news")
        m.press(.enter)
        #expect(m.screenText.contains("withdrawn 10:24 by alun.owen: wrong provider"))
        #expect(m.press(.char("w")).isEmpty && m.correctionForm == nil && m.status == "this notice has been withdrawn")

        // The child's page: the ending as amended, with how.
        var child = Self.model(tab: .children, notices: [withdrawal, amendment])
        child.press(.char("/"))
        child.type("c1001")
        child.press(.enter, .enter)
        #expect(child.screenText.contains("N07 placement ending") && child.screenText.contains("amended 10:18 by ceri.jones: notes missed"))
    }

    @Test func dueCallBacksShowOnTheDashboardAndTheChildsPage() {
        let call = Contact(id: "K06", childID: "C1005", providerID: "P05", at: Fixtures.at(-1), outcome: .considering, by: "ceri.jones",
                           note: "asking the manager", callBackAt: Fixtures.at(1))
        let tomorrow = Contact(id: "K07", childID: "C1005", providerID: "P06", at: Fixtures.at(-1), outcome: .noAnswer, by: "ceri.jones",
                               callBackAt: Fixtures.at(30))
        let m = Self.model(tab: .dashboard, contacts: [call, tomorrow])
        let text = m.screenText
        #expect(text.contains("Call-backs due (1): 11:30"), "only today's: \(text)")
        #expect(!Self.model(tab: .dashboard).screenText.contains("Call-backs due"))

        var child = Self.model(tab: .children, contacts: [call])
        child.press(.char("/"))
        child.type("c1005")
        child.press(.enter, .enter)
        #expect(child.screenText.contains("note: asking the manager") && child.screenText.contains("call back today 11:30"))
    }

    @Test func aCallIsAmendedFromTheMatchScreen() {
        var m = matchModel(width: 132, height: 43)
        let provider = m.match!.selected!.provider.id
        m.press(.char("a"))
        #expect(m.correctionForm == nil && m.status == "no call to this provider about this child yet")
        var data = m.data!
        data.contacts.append(Contact(id: "K06", childID: "C1005", providerID: provider, at: Fixtures.at(-1), outcome: .noAnswer, by: "ceri.jones"))
        _ = update(&m, .dataLoaded(data))
        m.press(.char("a"))
        #expect(m.context == .correctionForm)
        m.press(.right, .tab)                                       // no answer → declined; then the note
        m.type("rang back")
        m.press(.tab, .tab)
        m.type("misheard")
        #expect(m.press(.enter) == [.amendContact(id: "K06", ContactAmendment(outcome: .declined, note: "rang back"), reason: "misheard")])
    }
}
