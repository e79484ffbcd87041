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

extension ScreenWords {
    /// "≈12 mi est." (see `Format.miles`): stored placement miles are road estimates.
    static func miles(_ m: Double, _ l: Language) -> String {
        l == .cy ? Message.screensMilesEstimate.text(l, ["miles": Distance.formatMiles(m, approximate: true)]) : Format.miles(m)
    }
}
