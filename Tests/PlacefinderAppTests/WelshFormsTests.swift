import Foundation
import Testing
import PlacementCore
import TerminalUI
@testable import PlacefinderApp

/// The forms and dialogs in Welsh (issue 16): golden screens of each at 80×24 and 132×43, no English
/// text of their catalogue rows on a Welsh screen, what was typed kept when the language changes mid-form,
/// and dates typed or shown in Welsh.
@Suite struct WelshFormsTests {
    /// A fixture model in Welsh from the first key on (so type-ahead reads the Welsh option words).
    static func welsh(_ m: Model) -> Model {
        var m = m
        m.language = .cy
        return m
    }

    /// Every form and dialog `l10n/forms.tsv` serves, driven by keys as an officer would, in Welsh.
    static func screens(width: Int, height: Int) -> [(String, Model)] {
        var out: [(String, Model)] = []
        var notice = welsh(Fixtures.model(width: width, height: height, tab: .notices))
        notice.press(.char("a"))
        notice.type("bryn")
        notice.press(.tab, .tab)
        notice.type("rt")
        notice.press(.tab)
        notice.type("heddiw 09:00")
        out.append(("cy-notice-form", notice))

        var discard = notice
        discard.press(.escape)
        out.append(("cy-notice-discard", discard))

        var opened = welsh(Fixtures.model(width: width, height: height, tab: .notices))
        opened.press(.char("a"))
        opened.type("dyff")
        opened.press(.tab)
        opened.type("n")                                   // kind: lle gwag newydd
        opened.press(.tab)
        opened.type("sup")
        opened.press(.tab)
        opened.type("16-17")
        opened.press(.enter)                               // the fee is missing: named on the bottom line
        out.append(("cy-notice-form-vacancy-opened", opened))

        var filled = welsh(Fixtures.model(width: width, height: height, tab: .notices))
        filled.press(.char("a"))
        filled.type("dyff")
        filled.press(.tab)
        filled.type("le")                                  // kind: lle gwag wedi'i lenwi
        filled.press(.tab)
        filled.type("113")
        filled.press(.tab)
        filled.type("Casnewydd")
        out.append(("cy-notice-form-filled-by", filled))

        var call = welsh(matchModel(width: width, height: height))
        call.press(.char("c"), .right)
        call.type("dim lle i ddau")
        call.press(.tab, .tab, .right, .tab)
        call.type("ffonio ar ôl y panel")
        out.append(("cy-call-form", call))

        var callLeft = call
        callLeft.press(.escape)
        out.append(("cy-call-discard", callLeft))

        var withdraw = welsh(Fixtures.model(width: width, height: height, tab: .notices))
        withdraw.press(.char("w"))
        withdraw.press(.enter)                             // no reason yet: named
        out.append(("cy-notice-withdraw", withdraw))

        var amend = welsh(matchModel(width: width, height: height))
        var data = amend.data!
        let first = amend.match!.selected!
        data.contacts.append(Contact(id: "K07", childID: "C1005", providerID: first.provider.id, vacancyID: first.vacancy.id,
                                     at: Fixtures.at(-1), outcome: .considering, by: "ceri.jones", note: "gofyn i'r rheolwr"))
        _ = update(&amend, .dataLoaded(data))
        amend.press(.char("a"), .right, .tab, .tab, .tab, .enter)   // a new outcome but no reason yet: named
        out.append(("cy-call-amend", amend))

        var place = welsh(PlaceFormTests.plannedForm(width: width, height: height))
        place.press(.tab)
        place.type("k")
        place.press(.enter)                                // not whole pounds: named
        out.append(("cy-place-form", place))

        // An out-of-county bed: why the panel's approval is needed, and Enter asking for it.
        var approval = welsh(matchModel(width: width, height: height))
        approval.press(.char("p"))
        _ = update(&approval, .placementPlanned(PlaceFormTests.plan(approval)))
        approval.press(.enter)
        out.append(("cy-place-form-approval", approval))

        let third = matchModel(width: width, height: height).match!.data!.candidates[2]
        var answer = welsh(ReferralAppTests.model(contacts: [ReferralAppTests.referral("K0100", to: third, due: Fixtures.at(2))],
                                                  width: width, height: height))
        answer.press(.down, .down, .char("o"))
        out.append(("cy-referral-response", answer))

        var undo = welsh(placedToday(width: width, height: height))
        undo.press(.char("u"), .enter)                     // no reason yet: named
        out.append(("cy-undo-prompt", undo))

        var jump = welsh(Fixtures.model(width: width, height: height))
        jump.press(.char(":"))
        jump.type("c9999")
        jump.press(.enter)                                 // not found: said, the prompt stays
        out.append(("cy-jump-prompt", jump))

        // The page waits for its view to be recorded: the runtime has not answered yet.
        var gate = welsh(Fixtures.model(width: width, height: height, tab: .children))
        _ = update(&gate, .event(.key(.enter)))
        out.append(("cy-child-page-gate", gate))

        var callBacks = welsh(Fixtures.model(width: width, height: height, tab: .dashboard))
        var withCall = Fixtures.data
        withCall.contacts.append(Contact(id: "K06", childID: "C1005", providerID: "P05", at: Fixtures.at(-1), outcome: .considering,
                                         by: "ceri.jones", note: "gofyn i'r rheolwr", callBackAt: Fixtures.at(1)))
        _ = update(&callBacks, .dataLoaded(withCall))
        out.append(("cy-dashboard-call-backs", callBacks))
        return out
    }

    /// C1005 placed today by ceri.jones (PL-NEW), their page open (as `PlaceFormTests.placedToday`, at any size),
    /// redacted: the golden shows the page behind the prompt, and goldens show no full names off the child page.
    static func placedToday(width: Int, height: Int) -> Model {
        var m = Fixtures.model(width: width, height: height, tab: .children, redact: true)
        var data = m.data!
        data.placements.append(Placement(id: "PL-NEW", childID: "C1005", providerID: data.providers[0].id, start: Fixtures.today,
                                         placementType: .K2, localityTier: 3, milesFromHome: 40,
                                         approvals: PlacementApprovals(panel: "Panel 16 Jun, minute 3"),
                                         placedBy: "ceri.jones", placedAt: Fixtures.now.addingTimeInterval(-600)))
        _ = update(&m, .dataLoaded(data))
        m.press(.char("/"))
        m.type("c1005")
        m.press(.enter, .enter)
        return m
    }

    /// Only what this area draws: each open form or dialog over a blank screen, and the status line it set.
    static func ownText(_ m: Model) -> String {
        var buffer = Buffer(area: Rect(width: m.width, height: m.height))
        let g = Geometry(m)
        if let form = m.noticeForm { drawNoticeForm(m, form, &buffer) }
        if m.discard != nil { DiscardLayer.drawOver(m, g, &buffer) }
        if let form = m.contactForm { drawContactForm(m, form, &buffer) }
        if m.correctionForm != nil { CorrectionFormLayer.drawOver(m, g, &buffer) }
        if m.placeForm != nil { PlaceFormLayer.drawOver(m, g, &buffer) }
        if m.referralResponse != nil { ReferralResponseLayer.drawOver(m, g, &buffer) }
        if m.undoPrompt != nil { UndoPromptLayer.drawOver(m, g, &buffer) }
        if m.jump != nil { JumpPromptLayer.drawOver(m, g, &buffer) }
        if m.tab == .dashboard { drawDueCallBacks(m, in: g.body, &buffer) }
        return buffer.lines().joined(separator: "\n") + "\n" + (m.status ?? "")
    }

    /// The English of every forms.tsv row that differs from its Welsh, as the literal runs between its
    /// placeholders, leaving out runs too short to be telling and runs any Welsh text also contains
    /// ("2026-11-26 09:00", "Tab").
    static let englishOnly: [(key: String, text: String)] = {
        let rows = Catalogue.entries.filter { $0.key.hasPrefix("form.") && $0.en != $0.cy }
        let welsh = Catalogue.entries.map(\.cy)
        return rows.flatMap { row -> [(key: String, text: String)] in
            var runs: [String] = []
            var rest = Substring(row.en)
            while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
                runs.append(String(rest[..<open]))
                rest = rest[rest.index(after: close)...]
            }
            runs.append(String(rest))
            return runs.map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { run in run.count >= 5 && !welsh.contains { $0.contains(run) } }
                .map { (row.key, $0) }
        }
    }()

    @Test(arguments: [(80, 24), (132, 43)])
    func goldenScreensInWelsh(size: (Int, Int)) throws {
        for (name, model) in Self.screens(width: size.0, height: size.1) {
            try Golden.check(name, model)
        }
    }

    @Test(arguments: [(80, 24), (132, 43)])
    func welshScreensShowNoneOfTheFormsEnglish(size: (Int, Int)) {
        #expect(Self.englishOnly.count > 150, "the check covers the rows")
        for (name, model) in Self.screens(width: size.0, height: size.1) {
            let text = Self.ownText(model)
            for (key, english) in Self.englishOnly {
                #expect(!text.contains(english), "\(name) at \(size) shows \(key)'s English: \(english)")
            }
        }
        // And the same screens in English do show it: the check is looking at the right text.
        var english = Self.screens(width: 132, height: 43)[0].1
        english.language = .en
        #expect(Self.ownText(english).contains("Effective") && Self.ownText(english).contains("New notice"))
    }

    @Test(arguments: [(80, 24), (132, 43)])
    func welshLabelsShowWholeAt(size: (Int, Int)) {
        let screens = Dictionary(uniqueKeysWithValues: Self.screens(width: size.0, height: size.1))
        let opened = screens["cy-notice-form-vacancy-opened"]!.screenText
        var form = NoticeForm()
        form.kind = .vacancyOpened
        for field in form.fields {
            #expect(opened.contains(field.label(.cy)), "\(field.label(.cy)) cut short at \(size)")
        }
        let call = screens["cy-call-form"]!.screenText
        for label: Message in [.formCallOutcome, .formCallReason, .formCallScope, .formCallNote, .formCallCallBack] {
            #expect(call.contains(label.text(.cy)), "\(label.text(.cy)) cut short at \(size)")
        }
        let place = screens["cy-place-form"]!.screenText
        for label: Message in [.formPlaceStart, .formPlaceCost, .formPlacePurpose, .formPlacePurchase, .formPlaceAgreed] {
            #expect(place.contains(label.text(.cy)), "\(label.text(.cy)) cut short at \(size)")
        }
    }

    /// The text a line shows left of the caret (a Welsh form has no wide characters, so cells are characters).
    static func beforeCaret(_ m: Model) -> String? {
        let buffer = view(m)
        guard let caret = buffer.cursor else { return nil }
        return String(Array(buffer.lines()[caret.y]).prefix(caret.x))
    }

    // w-cy-shell adds the key that switches language; until it is merged the test flips `model.language` itself,
    // which is all that key does to the model.
    @Test func switchingLanguageMidNoticeFormKeepsWhatWasTyped() {
        var m = Fixtures.model(width: 80, height: 24, tab: .notices)
        m.press(.char("a"))
        m.type("bryn")
        m.press(.tab, .tab)
        m.type("rt")
        m.press(.tab)
        m.type("today 09:")
        let typed = m.noticeForm
        #expect(m.screenText.contains("Effective") && !m.screenText.contains("Daw i rym"))
        #expect(Self.beforeCaret(m)?.hasSuffix("today 09:") == true)

        m.language = .cy
        #expect(m.noticeForm == typed, "the answers, the field and the caret's field are as they were")
        #expect(m.screenText.contains("Daw i rym") && m.screenText.contains("Darparwr") && !m.screenText.contains("Effective"))
        #expect(m.screenText.contains("bryn") && m.screenText.contains("rt"))
        #expect(Self.beforeCaret(m)?.hasSuffix("today 09:") == true, "the caret still follows the typed time")
        m.type("00")
        #expect(m.noticeForm?.effective == "today 09:00")
        #expect(NoticeFormCheck(m.noticeForm!, model: m).effective == WorkflowTime.parse("today 09:00", now: Fixtures.now))

        m.language = .en
        #expect(m.screenText.contains("Effective") && m.screenText.contains("today 09:00"))
    }

    @Test func switchingLanguageMidCallFormKeepsWhatWasTyped() {
        var m = matchModel(width: 80, height: 24)
        m.press(.char("c"), .right)                        // declined
        m.type("no room for two")
        m.press(.tab, .tab, .tab)                          // reason → scope → note
        m.type("ring after the pan")
        let typed = m.contactForm
        #expect(m.screenText.contains("Outcome") && m.screenText.contains("[declined]"))

        m.language = .cy
        #expect(m.contactForm == typed)
        let text = m.screenText
        #expect(text.contains("Canlyniad") && text.contains("[gwrthod]") && text.contains("Nodyn") && !text.contains("Outcome"))
        #expect(text.contains("no room for two"))
        #expect(Self.beforeCaret(m)?.hasSuffix("ring after the pan") == true)
        m.type("el")
        #expect(m.contactForm?.note == "ring after the panel")
    }

    @Test func welshDayWordsAreReadAsTheirEnglishTwins() {
        let now = Fixtures.now
        #expect(FormTime.parse("heddiw 17:00", now: now) == WorkflowTime.parse("today 17:00", now: now))
        #expect(FormTime.parse("Yfory 09:30", now: now) == WorkflowTime.parse("tomorrow 09:30", now: now))
        #expect(FormTime.parse("ddoe 16:00", now: now) == WorkflowTime.parse("yesterday 16:00", now: now))
        #expect(FormTime.parse("nawr", now: now) == now)
        // What was read before is read the same, and a word merely starting like one is not taken for it.
        #expect(FormTime.parse("2026-11-26 09:00", now: now) == WorkflowTime.parse("2026-11-26 09:00", now: now))
        #expect(FormTime.parse("heddiwx 17:00", now: now) == nil)

        var m = Self.welsh(Fixtures.model(width: 80, height: 24, tab: .notices))
        m.press(.char("a"))
        m.type("dyff")
        m.press(.tab)
        m.type("n")
        #expect(m.noticeForm?.kind == .vacancyOpened, "n reaches lle gwag newydd")
        m.press(.tab)
        m.type("sup")
        m.press(.tab)
        m.type("16-17")
        m.press(.tab, .tab)
        m.type("850")
        m.press(.tab)
        m.type("yfory")
        let draft = NoticeFormCheck(m.noticeForm!, model: m).draft(m.noticeForm!, model: m)
        #expect(draft?.newVacancy?.availableFrom == Fixtures.today.adding(days: 1))
    }

    @Test func datesShowInWelshOnWelshScreens() {
        #expect(Format.long(Day(iso: "2026-11-30")!, .cy) == "30 Tachwedd 2026")
        #expect(Format.long(Day(iso: "2026-11-30")!, .en) == "30 Nov 2026")
        #expect(FormWords.when(Fixtures.at(24), today: Fixtures.today, .cy).hasPrefix("yfory "))
        #expect(FormWords.when(Fixtures.at(24 * 5), today: Fixtures.today, .cy).hasPrefix("21 Meh "))
        // The place form's start day: 16 June 2025 in the fixtures.
        let place = Self.welsh(PlaceFormTests.plannedForm())
        #expect(place.screenText.contains("heddiw (16 Mehefin 2025)"))
        #expect(!place.screenText.contains("16 Jun 2025"))
    }

    @Test func welshLabelsFitTheirColumnsByDisplayWidth() {
        // ŵ and ŷ are one cell each: a label holding them pads like any other.
        #expect(displayWidth(of: FormWords.pad("Tŷ", 9)) == 10)
        #expect(displayWidth(of: FormWords.pad("Gŵyl", 9)) == 10)
        #expect(FormWords.column(["Galw'n ôl", "Math o leoliad"], minimum: 9) == 14)
    }
}

/// Issue 15's leftover: the agreed weekly cost starts at the fee the provider offered in answer to a referral.
@Suite struct PlaceFormOfferTests {
    static func offer(_ id: String, to c: MatchScreenData.Candidate, fee: Int, hoursAgo: Double) -> Contact {
        Contact(id: id, childID: "C1005", providerID: c.provider.id, vacancyID: c.vacancy.id, at: Fixtures.at(-hoursAgo), outcome: .offered,
                by: "ceri.jones", respondsTo: "K0100", offer: ReferralOffer(weeklyFee: fee, start: Fixtures.today))
    }

    @Test func theCostStartsAtTheLatestOfferForThisVacancy() {
        let first = matchModel(width: 132, height: 43).match!.selected!
        let second = matchModel(width: 132, height: 43).match!.data!.candidates[1]
        var m = ReferralAppTests.model(contacts: [
            ReferralAppTests.referral("K0100", to: first, due: Fixtures.at(2)),
            Self.offer("K0101", to: first, fee: 4_100, hoursAgo: 0.5),
            Self.offer("K0102", to: first, fee: 3_900, hoursAgo: 0.25),         // the provider came down: this one stands
            Self.offer("K0103", to: second, fee: 1_000, hoursAgo: 0.1),         // another vacancy's offer is not this one's
        ])
        #expect(m.match?.selected?.vacancy.id == first.vacancy.id)
        m.press(.char("p"))
        #expect(m.placeForm?.cost == "3900")
        #expect(m.placeForm?.offer == PlaceForm.Offer(id: "K0102", weeklyFee: 3_900))
        #expect(m.screenText.contains("offered £3,900 a week (K0102); lists \(Money.pounds(first.vacancy.weeklyFee))"))
        _ = update(&m, .placementPlanned(PlaceFormTests.plan(m, bed: PlaceFormTests.cardiff)))
        #expect(m.press(.enter).first.map { command in
            if case .place(_, _, _, _, _, let terms, _) = command { return terms.weeklyCost == 3_900 }
            return false
        } == true)
    }

    @Test func withoutAnOfferTheCostIsTheVacancysFee() {
        let first = matchModel(width: 132, height: 43).match!.selected!
        var m = ReferralAppTests.model(contacts: [ReferralAppTests.referral("K0100", to: first, due: Fixtures.at(2))])
        m.press(.char("p"))
        #expect(m.placeForm?.cost == String(first.vacancy.weeklyFee))
        #expect(m.placeForm?.offer == nil)
        #expect(m.screenText.contains("the provider asks \(Money.pounds(first.vacancy.weeklyFee)) a week"))
    }

    @Test func anOfferForAnotherChildDoesNotSetTheCost() {
        let first = matchModel(width: 132, height: 43).match!.selected!
        var other = Self.offer("K0101", to: first, fee: 2_000, hoursAgo: 0.5)
        other.childID = "C1001"
        var m = ReferralAppTests.model(contacts: [other])
        m.press(.char("p"))
        #expect(m.placeForm?.cost == String(first.vacancy.weeklyFee))
    }
}
