import Foundation
import PlacementCore
import TerminalUI

/// The words the forms and dialogs share, in the officer's language (l10n/forms.tsv): the option lists,
/// dates, counts and times typed. Each is a whole catalogue message, never English with Welsh spliced in.
enum FormWords {
    static func kind(_ kind: NoticeKind, _ l: Language) -> String {
        switch kind {
        case .placementEnding: Message.formKindPlacementEnding.text(l)
        case .vacancyOpened: Message.formKindVacancyOpened.text(l)
        case .vacancyChanged: Message.formKindVacancyChanged.text(l)
        case .vacancyFilled: Message.formKindVacancyFilled.text(l)
        case .vacancyWithdrawn: Message.formKindVacancyWithdrawn.text(l)
        }
    }

    static func reason(_ reason: EndReason, _ l: Language) -> String {
        switch reason {
        case .ALLEG: Message.formReasonAlleg.text(l)
        case .APPRR: Message.formReasonApprr.text(l)
        case .CARPL: Message.formReasonCarpl.text(l)
        case .CHILD: Message.formReasonChild.text(l)
        case .CLOSE: Message.formReasonClose.text(l)
        case .CREQB: Message.formReasonCreqb.text(l)
        case .CREQO: Message.formReasonCreqo.text(l)
        case .CUSTOD: Message.formReasonCustod.text(l)
        case .LAREQ: Message.formReasonLareq.text(l)
        case .OTHER: Message.formReasonOther.text(l)
        case .PLACE: Message.formReasonPlace.text(l)
        case .STAND: Message.formReasonStand.text(l)
        }
    }

    static func setting(_ setting: Setting, _ l: Language) -> String {
        switch setting {
        case .residential: Message.formSettingResidential.text(l)
        case .foster: Message.formSettingFoster.text(l)
        case .kinship: Message.formSettingKinship.text(l)
        case .parentAndChild: Message.formSettingParentAndChild.text(l)
        case .supportedLodgings: Message.formSettingSupportedLodgings.text(l)
        case .secure: Message.formSettingSecure.text(l)
        case .shortBreak: Message.formSettingShortBreak.text(l)
        }
    }

    static func status(_ status: VacancyStatus, _ l: Language) -> String {
        switch status {
        case .open: Message.formStatusOpen.text(l)
        case .held: Message.formStatusHeld.text(l)
        case .filled: Message.formStatusFilled.text(l)
        case .withdrawn: Message.formStatusWithdrawn.text(l)
        }
    }

    static func outcome(_ outcome: Contact.Outcome, _ l: Language) -> String {
        switch outcome {
        case .noAnswer: Message.formOutcomeNoAnswer.text(l)
        case .declined: Message.formOutcomeDeclined.text(l)
        case .considering: Message.formOutcomeConsidering.text(l)
        case .offered: Message.formOutcomeOffered.text(l)
        case .accepted: Message.formOutcomeAccepted.text(l)
        case .referred: Message.formOutcomeReferred.text(l)
        }
    }

    static func scope(_ scope: DeclineScope, _ l: Language) -> String {
        scope == .vacancy ? Message.formCallScopeVacancy.text(l) : Message.formCallScopeProvider.text(l)
    }

    static func purpose(_ purpose: PlacementPurpose, _ l: Language) -> String {
        switch purpose {
        case .emergency: Message.formPlacePurposeEmergency.text(l)
        case .assessment: Message.formPlacePurposeAssessment.text(l)
        case .shortTerm: Message.formPlacePurposeShortTerm.text(l)
        case .longTerm: Message.formPlacePurposeLongTerm.text(l)
        case .respite: Message.formPlacePurposeRespite.text(l)
        case .stepDown: Message.formPlacePurposeStepDown.text(l)
        }
    }

    static func route(_ route: PurchaseRoute?, _ l: Language) -> String {
        switch route {
        case .framework: Message.formPlaceRouteFramework.text(l)
        case .spot: Message.formPlaceRouteSpot.text(l)
        case nil: Message.formPlaceNotSaid.text(l)
        }
    }

    static func move(_ move: MoveKind, _ l: Language) -> String {
        move == .planned ? Message.formPlaceMovePlanned.text(l) : Message.formPlaceMoveBreakdown.text(l)
    }

    static func ending(_ ending: Placement.Ending?, _ l: Language) -> String {
        switch ending {
        case .planned: Message.formPlaceEndingPlanned.text(l)
        case .breakdown: Message.formPlaceEndingBreakdown.text(l)
        case nil: ""
        }
    }

    static func tier(_ tier: LocalityTier, _ l: Language) -> String {
        switch tier {
        case .inCounty: Message.formTierInCounty.text(l)
        case .borderingWelsh: Message.formTierBorderingWelsh.text(l)
        case .borderingEnglish: Message.formTierBorderingEnglish.text(l)
        case .otherWelsh: Message.formTierOtherWelsh.text(l)
        case .elsewhereInEngland: Message.formTierElsewhereInEngland.text(l)
        case .outsideEnglandAndWales: Message.formTierOutside.text(l)
        }
    }

    /// "1 bed", "2 beds"; Welsh keeps the singular noun after a numeral and mutates after two ("2 wely").
    static func beds(_ n: Int, _ l: Language) -> String {
        switch n {
        case 1: Message.formBedsOne.text(l)
        case 2: Message.formBedsTwo.text(l)
        default: Message.formBedsMany.text(l, ["count": "\(n)"])
        }
    }



    /// "today 17:00", "tomorrow 09:00", "18 Jun 09:00" / "heddiw 17:00", "yfory 09:00", "18 Meh 09:00".
    static func when(_ date: Date, today: Day, _ l: Language) -> String {
        let day = Format.day(date)
        let time = ["time": Format.clock(date)]
        if day == today { return Message.formWhenToday.text(l, time) }
        if day == today.adding(days: 1) { return Message.formWhenTomorrow.text(l, time) }
        if day == today.adding(days: -1) { return Message.formWhenYesterday.text(l, time) }
        return Message.formWhenDay.text(l, ["day": Format.short(day, l), "time": Format.clock(date)])
    }

    /// A time stamp in a list: "10:24" today, else "12 Mar 10:24" / "12 Maw 10:24" (as `when`).
    static func stamp(_ date: Date, today: Day, _ l: Language) -> String {
        let day = Format.day(date)
        return (day == today ? "" : Format.short(day, l) + " ") + Format.clock(date)
    }

    /// Notice given in words, as `Format.notice` (not compact): "same-day (4 h)", "18 h", "3 days".
    static func notice(_ length: NoticeLength?, _ l: Language) -> (text: String, short: Bool) {
        switch length {
        case nil: (Message.formNoticeLengthUnknown.text(l), false)
        case .sameDay(let h)?: (Message.formNoticeLengthSameDay.text(l, ["hours": "\(h)"]), true)
        case .hours(let h)?: (Message.formNoticeLengthHours.text(l, ["hours": "\(h)"]), length!.isShort)
        case .days(1)?: (Message.formNoticeLengthOneDay.text(l), false)
        case .days(2)?: (Message.formNoticeLengthTwoDays.text(l), false)
        case .days(let d)?: (Message.formNoticeLengthDays.text(l, ["days": "\(d)"]), false)
        }
    }

    /// `text` padded with spaces to `width` display cells (a Welsh ŵ or ŷ is one cell), then one space.
    static func pad(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(1, width - displayWidth(of: text) + 1))
    }

    /// The widest of `labels`, in display cells, and never under `minimum` (the English layout's column).
    static func column(_ labels: [String], minimum: Int) -> Int {
        max(minimum, labels.map { displayWidth(of: $0) }.max() ?? 0)
    }
}

/// Times and days as an officer types them in a form: everything `WorkflowTime.parse` reads, and the same
/// day words in Welsh (heddiw, yfory, ddoe, nawr), whichever language is showing.
enum FormTime {
    private static let welshDays: [(String, String)] = [("heddiw", "today"), ("yfory", "tomorrow"), ("ddoe", "yesterday"), ("nawr", "now")]

    /// The typed text with a leading Welsh day word read as its English twin.
    static func normalised(_ text: String) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        for (cy, en) in welshDays where lower == cy || lower.hasPrefix(cy + " ") {
            return en + lower.dropFirst(cy.count)
        }
        return trimmed
    }

    static func parse(_ text: String, now: Date) -> Date? {
        WorkflowTime.parse(normalised(text), now: now)
    }
}
