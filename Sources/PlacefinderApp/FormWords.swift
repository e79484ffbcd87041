import Foundation
import PlacementCore
import TerminalUI

/// The words the forms and dialogs share, in the officer's language (l10n/forms.tsv): dates, counts and
/// times typed. A coded value (a kind, a reason, a setting…) is said by its core `label`, as every screen says it.
enum FormWords {
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
