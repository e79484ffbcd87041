import Foundation

/// Clock times as officers in Wales read them: Europe/London, whatever the host's zone.
public enum WorkflowTime {
    public static let zone = TimeZone(identifier: "Europe/London") ?? .gmt

    /// Built once: day and clock conversions run for every row of a screen.
    public static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        return calendar
    }()

    /// "17:30" in Welsh local time.
    public static func clock(_ date: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return (c.hour! < 10 ? "0" : "") + "\(c.hour!):" + (c.minute! < 10 ? "0" : "") + "\(c.minute!)"
    }

    /// The calendar day in Wales on which `date` falls.
    public static func day(of date: Date) -> Day {
        let c = calendar.dateComponents([.year, .month, .day], from: date)
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }

    /// `day` at `hour:minute` Welsh local time (nil for an impossible time).
    public static func date(_ day: Day, hour: Int, minute: Int) -> Date? {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        return calendar.date(from: DateComponents(year: day.year, month: day.month, day: day.day, hour: hour, minute: minute))
    }

    /// 23:59 Welsh local time on the day `now` falls: when a hold lapses unless told otherwise.
    public static func endOfDay(_ now: Date) -> Date {
        date(day(of: now), hour: 23, minute: 59)!
    }

    /// Reads what an officer types for a time, on the command line or in the dashboard's forms: ISO 8601
    /// with an offset ("2026-11-25T17:00:00Z"), or without one in Welsh local time ("2026-11-25T17:00",
    /// "2026-11-25 17:00", "2026-11-25" for midnight), "today 17:00", "tomorrow 09:30", "yesterday 16:00",
    /// a bare "17:00" (today) or "now". Nil when none fits.
    public static func parse(_ text: String, now: Date) -> Date? {
        let raw = text.trimmingCharacters(in: .whitespaces)
        let withOffset = ISO8601DateFormatter()
        if let date = withOffset.date(from: raw) { return date }
        withOffset.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        if let date = withOffset.date(from: raw) { return date }

        let lower = raw.lowercased()
        if lower == "now" { return now }
        let today = day(of: now)
        if lower.count == 10, let midnight = Day(iso: lower) { return date(midnight, hour: 0, minute: 0) }
        var dayPart: Day?, timePart: Substring
        if lower.hasPrefix("today ") {
            dayPart = today; timePart = lower.dropFirst(6)
        } else if lower.hasPrefix("tomorrow ") {
            dayPart = today.adding(days: 1); timePart = lower.dropFirst(9)
        } else if lower.hasPrefix("yesterday ") {
            dayPart = today.adding(days: -1); timePart = lower.dropFirst(10)
        } else if lower.count >= 16, let d = Day(iso: String(lower.prefix(10))), ["t", " "].contains(lower.dropFirst(10).first.map(String.init) ?? "") {
            dayPart = d; timePart = lower.dropFirst(11)
        } else {
            dayPart = today; timePart = Substring(lower)
        }
        let pieces = timePart.trimmingCharacters(in: .whitespaces).split(separator: ":", omittingEmptySubsequences: false)
        guard let dayPart, (2...3).contains(pieces.count), pieces.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let hour = Int(pieces[0]), let minute = Int(pieces[1]) else { return nil }
        let second = pieces.count == 3 ? Int(pieces[2])! : 0
        guard second < 60, let base = date(dayPart, hour: hour, minute: minute) else { return nil }
        return base.addingTimeInterval(Double(second))
    }
}
