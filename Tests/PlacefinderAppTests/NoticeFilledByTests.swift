import Foundation
import PlacementCore
import Testing
import TerminalUI
@testable import PlacefinderApp

/// A provider rings to say a bed went to another authority (issue 13 §2, para 6.6: a quarter of the children
/// in Welsh homes are placed from England): the notice records which authority, never which child.
@Suite struct NoticeFilledByTests {
    /// Dyffryn's V113 filled, the cursor on Filled by.
    static func filled(width: Int = 100, height: Int = 30) -> Model {
        var m = NoticeFormTests.form(width: width, height: height)
        m.type("dyff")
        m.press(.tab)
        m.type("f")                                  // kind: vacancy filled
        m.press(.tab)
        m.type("113")
        m.press(.tab)
        return m
    }

    static func check(_ m: Model) -> NoticeFormCheck { NoticeFormCheck(m.noticeForm!, model: m) }

    @Test func anEnglishAuthorityIsLoggedByItsCodeWithNoChild() {
        var m = Self.filled()
        #expect(m.noticeForm?.field == .filledBy)
        m.type("Shropshire")
        #expect(m.screenText.contains("→ Shropshire (E06000051)"))
        #expect(!m.noticeForm!.fields.contains(.child))
        let expected = NoticeDraft(providerID: "P06", kind: .vacancyFilled, receivedAt: Fixtures.now, vacancyID: "V113",
                                   filledBy: "E06000051")
        #expect(m.press(.enter) == [.logNotice(expected)])
    }

    @Test func aWelshAuthorityByCodeOrWelshNameAndEmptyMeansNotSaid() {
        var m = Self.filled()
        m.type("W06000022")
        #expect(Self.check(m).filledBy?.name == "Newport")
        for _ in 0..<9 { m.press(.backspace) }
        m.type("Casnewydd")
        #expect(Self.check(m).filledBy?.code == "W06000022")
        for _ in 0..<9 { m.press(.backspace) }
        let expected = NoticeDraft(providerID: "P06", kind: .vacancyFilled, receivedAt: Fixtures.now, vacancyID: "V113")
        #expect(m.press(.enter) == [.logNotice(expected)])
    }

    @Test func anAuthorityPlacefinderDoesNotKnowIsNamedAndNothingIsLogged() {
        var m = Self.filled()
        m.type("Narnia")
        #expect(m.press(.enter) == [])
        #expect(m.screenText.contains("not an authority Placefinder knows"))
        // The field belongs to a filled bed only: another kind never carries it.
        m.noticeForm?.kind = .vacancyWithdrawn
        #expect(Self.check(m).draft(m.noticeForm!, model: m)?.filledBy == nil)
    }

    @Test(arguments: [(80, 24), (132, 43)])
    func golden(size: (Int, Int)) throws {
        var m = Self.filled(width: size.0, height: size.1)
        m.type("Shropshire")
        try Golden.check("notice-form-filled-by", m)
    }
}
