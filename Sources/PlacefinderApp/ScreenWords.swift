import Foundation
import PlacementCore

/// What the list, page, notice, report and match screens say about dates, counts and the data's own
/// vocabulary, in the officer's language (l10n/screens.tsv). English reads as it always has; Welsh dates
/// use `WelshCalendar`, authorities their Welsh names, numbers and money stay as in English.
enum ScreenWords {


    /// A count with its noun. Welsh counts with a digit and the singular noun, mutated after 2 where the
    /// noun mutates ("2 ddiwrnod"): the catalogue holds the three forms.
    static func count(_ n: Int, one: Message, two: Message, many: Message, _ l: Language) -> String {
        (n == 1 ? one : n == 2 ? two : many).text(l, ["n": String(n)])
    }

    static func days(_ n: Int, _ l: Language) -> String {
        count(n, one: .screensCountDayOne, two: .screensCountDayTwo, many: .screensCountDayMany, l)
    }

    /// The authority's name in the officer's language (the English name where no Welsh one is held).
    static func authority(_ code: String, fallback: String, _ l: Language) -> String {
        guard let a = Geography.wales.authority(code: code) else { return fallback }
        return l == .cy ? (a.welshName ?? a.name) : a.name
    }

    /// Both names, the officer's language first ("Caerdydd / Cardiff" in Welsh, the Standards' order).
    static func bilingualAuthority(_ code: String, fallback: String, _ l: Language) -> String {
        guard let a = Geography.wales.authority(code: code) else { return fallback }
        guard l == .cy else { return a.bilingualName }
        guard let w = a.welshName, w != a.name else { return a.name }
        return "\(w) / \(a.name)"
    }

    /// Notice in words (see `Format.notice`), in the officer's language.
    static func notice(_ length: NoticeLength?, compact: Bool = false, _ l: Language) -> (text: String, short: Bool) {
        guard l == .cy else { return Format.notice(length, compact: compact) }
        switch length {
        case nil: return (Message.screensNoticeNotRecorded.text(l), false)
        case .sameDay(let h)?:
            return (compact ? Message.screensNoticeSameDay.text(l) : Message.screensNoticeSameDayHours.text(l, ["h": String(h)]), true)
        case .hours(let h)?: return (Message.screensNoticeHours.text(l, ["h": String(h)]), length!.isShort)
        case .days(let d)?: return (days(d, l), false)
        }
    }

    /// "today 17:00", "tomorrow 09:00", "18 Jun 09:00", in the officer's language.
    static func when(_ date: Date, today: Day, _ l: Language) -> String {
        guard l == .cy else { return whenInWords(date, today: today) }
        let day = Format.day(date)
        let name = day == today ? Message.screensToday.text(l) : day == today.adding(days: 1) ? Message.screensTomorrow.text(l)
            : day == today.adding(days: -1) ? Message.screensYesterday.text(l) : Format.short(day, l)
        return name + " " + Format.clock(date)
    }

    /// Time left before a child must be placed (see `Format.timeLeft`), in the officer's language.
    static func timeLeft(_ left: TimeLeft, today: Day, _ l: Language) -> String {
        guard l == .cy else { return Format.timeLeft(left, today: today) }
        switch left {
        case .endsAt(let at, let hours):
            return Format.day(at) == today ? Message.screensTimeTodayHours.text(l, ["time": Format.clock(at), "h": String(hours)]) : when(at, today: today, l)
        case .ended(let at):
            return Message.screensTimeEnded.text(l, ["when": Format.day(at) == today ? Format.clock(at) : Format.short(Format.day(at), l)])
        case .emergency: return Message.screensEmergency.text(l)
        case .overdue(let d): return Message.screensTimeOverdue.text(l, ["days": days(d, l)])
        case .today: return Message.screensToday.text(l)
        case .days(let d): return days(d, l)
        }
    }

    /// "reg 12(2)(a)" / "rheoliad 12(2)(a)".
    static func regulation(_ reference: String, _ l: Language) -> String {
        guard l == .cy, reference.hasPrefix("reg ") else { return reference }
        return Message.screensRegulation.text(l, ["ref": String(reference.dropFirst(4))])
    }
}

extension ChildStatus {
    func screenLabel(_ l: Language) -> String {
        switch self {
        case .placed: Message.screensChildStatusPlaced.text(l)
        case .needsPlacement: Message.screensChildStatusNeedsPlacement.text(l)
        case .noticeReceived: Message.screensChildStatusNoticeReceived.text(l)
        }
    }
}

extension VacancyStatus {
    func screenLabel(_ l: Language) -> String {
        switch self {
        case .open: Message.screensVacancyStatusOpen.text(l)
        case .held: Message.screensVacancyStatusHeld.text(l)
        case .filled: Message.screensVacancyStatusFilled.text(l)
        case .withdrawn: Message.screensVacancyStatusWithdrawn.text(l)
        }
    }
}

extension Setting {
    func screenLabel(_ l: Language) -> String {
        guard l == .cy else { return label }
        return switch self {
        case .residential: Message.screensSettingResidential.text(l)
        case .foster: Message.screensSettingFoster.text(l)
        case .kinship: Message.screensSettingKinship.text(l)
        case .parentAndChild: Message.screensSettingParentAndChild.text(l)
        case .supportedLodgings: Message.screensSettingSupportedLodgings.text(l)
        case .secure: Message.screensSettingSecure.text(l)
        case .shortBreak: Message.screensSettingShortBreak.text(l)
        }
    }

    func screenShortLabel(_ l: Language) -> String {
        guard l == .cy else { return shortLabel }
        return switch self {
        case .residential: Message.screensSettingShortResidential.text(l)
        case .foster: Message.screensSettingShortFoster.text(l)
        case .kinship: Message.screensSettingShortKinship.text(l)
        case .parentAndChild: Message.screensSettingShortParentAndChild.text(l)
        case .supportedLodgings: Message.screensSettingShortSupportedLodgings.text(l)
        case .secure: Message.screensSettingShortSecure.text(l)
        case .shortBreak: Message.screensSettingShortShortBreak.text(l)
        }
    }
}

extension Sector {
    func screenLabel(_ l: Language) -> String {
        guard l == .cy else { return label }
        return switch self {
        case .localAuthority: Message.screensSectorLocalAuthority.text(l)
        case .thirdSector: Message.screensSectorThirdSector.text(l)
        case .private: Message.screensSectorPrivate.text(l)
        }
    }

    func screenShortLabel(_ l: Language) -> String {
        guard l == .cy else { return shortLabel }
        return switch self {
        case .localAuthority: Message.screensSectorShortLocalAuthority.text(l)
        case .thirdSector: Message.screensSectorShortThirdSector.text(l)
        case .private: Message.screensSectorPrivate.text(l)
        }
    }
}

extension ProfitStatus {
    func screenLabel(_ l: Language) -> String {
        self == .forProfit ? Message.screensForProfit.text(l) : Message.screensNotForProfit.text(l)
    }
}

extension Regulator {
    /// CIW is Arolygiaeth Gofal Cymru (AGC) in Welsh; Ofsted keeps its name.
    func screenLabel(_ l: Language) -> String { self == .ciw ? Message.screensRegulatorCiw.text(l) : rawValue }
}

extension LocalityTier {
    func screenLabel(_ l: Language) -> String {
        guard l == .cy else { return label }
        return switch self {
        case .inCounty: Message.screensTierInCounty.text(l)
        case .borderingWelsh: Message.screensTierBorderingWelsh.text(l)
        case .borderingEnglish: Message.screensTierBorderingEnglish.text(l)
        case .otherWelsh: Message.screensTierOtherWelsh.text(l)
        case .elsewhereInEngland: Message.screensTierElsewhereInEngland.text(l)
        case .outsideEnglandAndWales: Message.screensTierOutsideEnglandAndWales.text(l)
        }
    }

    func screenShortLabel(_ l: Language) -> String {
        guard l == .cy else { return shortLabel }
        return switch self {
        case .inCounty: Message.screensTierInCounty.text(l)
        case .borderingWelsh: Message.screensTierShortBorderingWelsh.text(l)
        case .borderingEnglish: Message.screensTierShortBorderingEnglish.text(l)
        case .otherWelsh: Message.screensTierShortOtherWelsh.text(l)
        case .elsewhereInEngland: Message.screensTierShortElsewhereInEngland.text(l)
        case .outsideEnglandAndWales: Message.screensTierShortOutsideEnglandAndWales.text(l)
        }
    }
}

extension Region {
    func screenLabel(_ l: Language) -> String {
        guard l == .cy else { return label }
        return switch self {
        case .north: Message.screensRegionNorth.text(l)
        case .mid: Message.screensRegionMid.text(l)
        case .southWest: Message.screensRegionSouthWest.text(l)
        case .southEast: Message.screensRegionSouthEast.text(l)
        }
    }
}

extension WelshCapability {
    func screenLabel(_ l: Language) -> String {
        guard l == .cy else { return words }
        return switch self {
        case .none: Message.screensWelshNone.text(l)
        case .some: Message.screensWelshSome.text(l)
        case .fluent: Message.screensWelshFluent.text(l)
        }
    }
}

extension InspectionRating {
    /// CIW's own Welsh words for its four ratings; Ofsted's judgements translated for review.
    func screenLabel(_ l: Language) -> String {
        guard l == .cy else { return label }
        return switch self {
        case .excellent: Message.screensRatingExcellent.text(l)
        case .good: Message.screensRatingGood.text(l)
        case .requiresImprovement: Message.screensRatingRequiresImprovement.text(l)
        case .requiresSignificantImprovement: Message.screensRatingRequiresSignificantImprovement.text(l)
        case .outstanding: Message.screensRatingOutstanding.text(l)
        case .requiresImprovementToBeGood: Message.screensRatingRequiresImprovementToBeGood.text(l)
        case .inadequate: Message.screensRatingInadequate.text(l)
        }
    }
}

extension PurchaseMode {
    func screenShortLabel(_ l: Language) -> String {
        guard l == .cy else { return shortLabel }
        return switch self {
        case .allWalesFramework: Message.screensPurchaseFramework.text(l)
        case .blockContract: Message.screensPurchaseBlock.text(l)
        case .spot: Message.screensPurchaseSpot.text(l)
        }
    }
}

extension NeedLevel {
    func screenLabel(_ l: Language) -> String {
        guard l == .cy else { return rawValue }
        return switch self {
        case .essential: Message.screensNeedEssential.text(l)
        case .important: Message.screensNeedImportant.text(l)
        case .desirable: Message.screensNeedDesirable.text(l)
        }
    }
}

extension Gender {
    func screenLabel(_ l: Language) -> String {
        guard l == .cy else { return rawValue }
        return switch self {
        case .female: Message.screensGenderFemale.text(l)
        case .male: Message.screensGenderMale.text(l)
        case .other: Message.screensGenderOther.text(l)
        }
    }
}

extension Placement.Ending {
    func screenLabel(_ l: Language) -> String {
        guard l == .cy else { return rawValue }
        return self == .breakdown ? Message.screensEndingBreakdown.text(l) : Message.screensEndingPlanned.text(l)
    }
}

extension NoticeKind {
    func screenLabel(_ l: Language) -> String {
        guard l == .cy else { return label }
        return switch self {
        case .placementEnding: Message.screensNoticeKindPlacementEnding.text(l)
        case .vacancyOpened: Message.screensNoticeKindVacancyOpened.text(l)
        case .vacancyChanged: Message.screensNoticeKindVacancyChanged.text(l)
        case .vacancyFilled: Message.screensNoticeKindVacancyFilled.text(l)
        case .vacancyWithdrawn: Message.screensNoticeKindVacancyWithdrawn.text(l)
        }
    }
}

extension EndReason {
    /// After the SSDA903 guidance's wording, as `label`.
    func screenLabel(_ l: Language) -> String {
        guard l == .cy else { return label }
        return switch self {
        case .ALLEG: Message.screensEndReasonAlleg.text(l)
        case .APPRR: Message.screensEndReasonApprr.text(l)
        case .CARPL: Message.screensEndReasonCarpl.text(l)
        case .CHILD: Message.screensEndReasonChild.text(l)
        case .CLOSE: Message.screensEndReasonClose.text(l)
        case .CREQB: Message.screensEndReasonCreqb.text(l)
        case .CREQO: Message.screensEndReasonCreqo.text(l)
        case .CUSTOD: Message.screensEndReasonCustod.text(l)
        case .LAREQ: Message.screensEndReasonLareq.text(l)
        case .OTHER: Message.screensEndReasonOther.text(l)
        case .PLACE: Message.screensEndReasonPlace.text(l)
        case .STAND: Message.screensEndReasonStand.text(l)
        }
    }
}

extension LivingCompanions {
    func screenLabel(_ l: Language) -> String {
        guard l == .cy else { return label }
        return switch self {
        case .solo: Message.screensLivingSolo.text(l)
        case .olderOnly: Message.screensLivingOlderOnly.text(l)
        case .youngerOnly: Message.screensLivingYoungerOnly.text(l)
        }
    }
}

extension RiskToOthers {
    func screenLabel(_ l: Language) -> String {
        guard l == .cy else { return label }
        return switch self {
        case .sexual: Message.screensRiskSexual.text(l)
        case .criminal: Message.screensRiskCriminal.text(l)
        }
    }
}

extension LegalStatus {
    func screenLabel(_ l: Language) -> String {
        guard l == .cy else { return label }
        return switch self {
        case .section76: Message.screensLegalSection76.text(l)
        case .interimCareOrder: Message.screensLegalInterimCareOrder.text(l)
        case .careOrder: Message.screensLegalCareOrder.text(l)
        case .placementOrder: Message.screensLegalPlacementOrder.text(l)
        case .emergencyProtection: Message.screensLegalEmergencyProtection.text(l)
        case .remand: Message.screensLegalRemand.text(l)
        case .secureOrder: Message.screensLegalSecureOrder.text(l)
        }
    }
}

extension FirstLanguage {
    func screenLabel(_ l: Language) -> String {
        switch self {
        case .welsh: Message.screensFirstLanguageWelsh.text(l)
        case .english: Message.screensFirstLanguageEnglish.text(l)
        case .bilingual: Message.screensFirstLanguageBilingual.text(l)
        case .other: Message.screensFirstLanguageOther.text(l)
        }
    }
}

extension ScreenWords {
}

extension ScreenWords {
    /// "≈12 mi est." (see `Format.miles`): stored placement miles are road estimates.
    static func miles(_ m: Double, _ l: Language) -> String {
        l == .cy ? Message.screensMilesEstimate.text(l, ["miles": Distance.formatMiles(m, approximate: true)]) : Format.miles(m)
    }
}

extension PlacementType {
    /// The SSDA903 placement type in the officer's language (as `label`).
    func screenLabel(_ l: Language) -> String {
        guard l == .cy else { return label }
        return switch self {
        case .U1, .U2, .U3: Message.screensPlacementTypeFosterConnected.text(l)
        case .U4, .U5, .U6: Message.screensPlacementTypeFosterOther.text(l)
        case .K1: Message.screensPlacementTypeSecure.text(l)
        case .K2: Message.screensPlacementTypeChildrensHome.text(l)
        case .R1: Message.screensPlacementTypeResidential.text(l)
        case .R3: Message.screensPlacementTypeFamilyCentre.text(l)
        case .S1: Message.screensPlacementTypeSchool.text(l)
        case .H5: Message.screensPlacementTypeSemiIndependent.text(l)
        case .P1: Message.screensPlacementTypeParents.text(l)
        case .Z1: Message.screensPlacementTypeOther.text(l)
        }
    }
}
