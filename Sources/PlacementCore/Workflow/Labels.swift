import Foundation

// One definition of each word the screens use about time pressure, so every place that says
// "urgent", "same-day" or how long is left means the same thing (the user guide's "Labels").

extension Child {
    /// Days ahead within which a child needing a placement counts as urgent.
    public static let urgentWithinDays = 7

    /// Urgent on `today`: a provider's notice was received, or a placement is needed in an emergency
    /// or by a day within `urgentWithinDays`. The top bar counts these and the dashboard lists them.
    public func isUrgent(today: Day) -> Bool {
        switch status {
        case .noticeReceived: true
        case .placed: false
        case .needsPlacement: today.days(until: urgency.neededDay(today: today)) <= Child.urgentWithinDays
        }
    }
}

/// How much notice a provider gave of an ending.
public enum NoticeLength: Sendable, Equatable {
    /// The ending falls on the calendar day (in Wales) the notice was given.
    case sameDay(hours: Int)
    /// Under two days but over midnight: said in hours.
    case hours(Int)
    /// Two days or more: whole days.
    case days(Int)

    /// Notice given at `given` for an ending at `ends`.
    public init(given: Date, ends: Date) {
        let hours = wholeHours(from: given, to: ends)
        if WorkflowTime.day(of: given) == WorkflowTime.day(of: ends) { self = .sameDay(hours: hours) } else { self = Self(hours: hours) }
    }

    /// Notice known only in hours (a placement's record): never called same-day, since the days are not known.
    public init(hours: Int) {
        let h = max(0, hours)
        self = h < 48 ? .hours(h) : .days(h / 24)
    }

    /// 24 hours or less: short notice (what the provider-stability factor counts), shown urgent.
    public var isShort: Bool {
        switch self {
        case .sameDay: true
        case .hours(let h): h <= 24
        case .days: false
        }
    }
}

extension ProviderNotice {
    /// The notice given of an ending; nil when no ending time was recorded.
    public var noticeLength: NoticeLength? {
        guard kind == .placementEnding, let effectiveAt else { return nil }
        return NoticeLength(given: receivedAt, ends: effectiveAt)
    }
}

/// How long is left before a child must be placed: what the dashboard's "Time left" says.
public enum TimeLeft: Sendable, Equatable {
    /// A known ending (a provider's notice) today or tomorrow, at `at`, `hours` from now.
    case endsAt(Date, hours: Int)
    /// The notified ending has passed.
    case ended(Date)
    /// Needed now with no ending time known.
    case emergency
    case overdue(days: Int)
    case today
    case days(Int)

    /// For `child`, whose current placement ends at `ending` (from a provider's notice) if known.
    public static func of(_ child: Child, ending: Date?, now: Date) -> TimeLeft {
        let today = WorkflowTime.day(of: now)
        if child.status == .noticeReceived, let ending {
            if ending <= now { return .ended(ending) }
            let days = today.days(until: WorkflowTime.day(of: ending))
            if days <= 1 { return .endsAt(ending, hours: wholeHours(from: now, to: ending)) }
            return .days(days)
        }
        guard case .neededBy(let needed) = child.urgency else { return .emergency }
        let days = today.days(until: needed)
        if days < 0 { return .overdue(days: -days) }
        return days == 0 ? .today : .days(days)
    }

    /// Today or sooner: shown urgent.
    public var isPressing: Bool {
        switch self {
        case .endsAt, .ended, .emergency, .overdue, .today: true
        case .days: false
        }
    }
}

/// Whole hours from `start` to `end`, rounded down, never negative; stored times far apart cannot trap.
func wholeHours(from start: Date, to end: Date) -> Int {
    let h = end.timeIntervalSince(start) / 3600
    guard h.isFinite, h > 0 else { return 0 }
    return h >= Double(Int.max) ? Int.max : Int(h)
}
