/// Month and weekday names for dates shown in Welsh ("30 Tachwedd", "Dydd Llun"); numbers stay as in
/// English. Pure: callers pass the calendar fields, the core holds no clock.
public enum WelshCalendar {
    public static let months = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
                                "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"]
    /// glibc's cy_GB forms (docs/glossary.md, "Months and weekdays"), pending a translator's choice.
    public static let shortMonths = ["Ion", "Chw", "Maw", "Ebr", "Mai", "Meh", "Gor", "Aws", "Med", "Hyd", "Tach", "Rha"]
    /// Sunday first, as Foundation's `weekday` component counts (1 = Sunday).
    public static let weekdays = ["Dydd Sul", "Dydd Llun", "Dydd Mawrth", "Dydd Mercher", "Dydd Iau", "Dydd Gwener", "Dydd Sadwrn"]
    public static let shortWeekdays = ["Sul", "Llu", "Maw", "Mer", "Iau", "Gwe", "Sad"]

    /// "30 Tachwedd"; nil for a month outside 1...12.
    public static func dayMonth(day: Int, month: Int) -> String? {
        months.indices.contains(month - 1) ? "\(day) \(months[month - 1])" : nil
    }

    /// "1 Rhagfyr 2026", as Welsh Government writes dates.
    public static func date(_ day: Day) -> String {
        "\(day.day) \(months[day.month - 1]) \(day.year)"
    }
}
