/// Month and weekday names for dates shown in Welsh ("30 Tachwedd", "Dydd Llun"); numbers stay as in
/// English. Pure: callers pass the calendar fields, the core holds no clock.
public enum WelshCalendar {
    public static let months = ["Ionawr", "Chwefror", "Mawrth", "Ebrill", "Mai", "Mehefin",
                                "Gorffennaf", "Awst", "Medi", "Hydref", "Tachwedd", "Rhagfyr"]
    public static let shortMonths = ["Ion", "Chwef", "Maw", "Ebr", "Mai", "Meh", "Gorff", "Awst", "Medi", "Hyd", "Tach", "Rhag"]
    /// Sunday first, as Foundation's `weekday` component counts (1 = Sunday).
    public static let weekdays = ["Dydd Sul", "Dydd Llun", "Dydd Mawrth", "Dydd Mercher", "Dydd Iau", "Dydd Gwener", "Dydd Sadwrn"]
    public static let shortWeekdays = ["Sul", "Llun", "Maw", "Mer", "Iau", "Gwe", "Sad"]

    /// "30 Tachwedd"; nil for a month outside 1...12.
    public static func dayMonth(day: Int, month: Int) -> String? {
        months.indices.contains(month - 1) ? "\(day) \(months[month - 1])" : nil
    }
}
