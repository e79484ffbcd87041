import Foundation
import PlacementCore

/// Search text folding: lower-case, diacritics removed ("Llŷr" → "llyr", "Môn" → "mon"),
/// as UTF-8 bytes so that matching is a plain byte comparison.
enum Fold {
    /// Folds `s` into `out`. ASCII takes the fast path; other scalars are decomposed once
    /// and cached in `cache` (a build folds tens of thousands of strings from few letters).
    static func append(_ s: String, to out: inout [UInt8], cache: inout [UInt32: [UInt8]]) {
        for scalar in s.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                let b = UInt8(v)
                out.append(b >= 65 && b <= 90 ? b + 32 : b)
                continue
            }
            if let folded = cache[v] { out += folded; continue }
            var folded: [UInt8] = []
            for part in String(scalar).decomposedStringWithCanonicalMapping.unicodeScalars {
                switch part.properties.generalCategory {
                case .nonspacingMark, .enclosingMark, .spacingMark: continue
                default: break
                }
                folded += Array(String(part).lowercased().utf8)
            }
            cache[v] = folded
            out += folded
        }
    }

    static func bytes(_ s: String) -> [UInt8] {
        var cache: [UInt32: [UInt8]] = [:]
        var out: [UInt8] = []
        append(s, to: &out, cache: &cache)
        return out
    }
}

/// Many short texts stored back to back in one byte array, searched bytewise.
/// Entry `i` is `bytes[offsets[i]..<offsets[i + 1]]`.
/// Text a list is searched by: entries, each a sequence of folded fields, and which of them contain a needle.
protocol Searchable: Sendable {
    var count: Int { get }
    /// The candidates (entry indices, ascending) whose text contains `needle`, in the same order.
    func filter(_ candidates: [Int32], containing needle: [UInt8]) -> [Int32]
}

struct SearchHaystack: Searchable {
    private(set) var bytes: [UInt8] = []
    private(set) var offsets: [Int32] = [0]
    private var cache: [UInt32: [UInt8]] = [:]

    init() {}

    var count: Int { offsets.count - 1 }

    /// Appends one entry made of `fields` (folded, separated by 0x1F so a query never spans two).
    mutating func append(fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { bytes.append(0x1F) }
            Fold.append(field, to: &bytes, cache: &cache)
        }
        offsets.append(Int32(bytes.count))
    }

    /// Appends an entry from already folded parts (shared provider/authority text).
    mutating func append(folded parts: [[UInt8]]) {
        for (i, part) in parts.enumerated() {
            if i > 0 { bytes.append(0x1F) }
            bytes += part
        }
        offsets.append(Int32(bytes.count))
    }

    /// The candidates (entry indices, in order) whose text contains `needle`.
    func filter(_ candidates: [Int32], containing needle: [UInt8]) -> [Int32] {
        guard !needle.isEmpty else { return Array(candidates) }
        var result: [Int32] = []
        result.reserveCapacity(candidates.count)
        bytes.withUnsafeBufferPointer { hay in
            offsets.withUnsafeBufferPointer { off in
                needle.withUnsafeBufferPointer { n in
                    let first = n[0], m = n.count
                    for c in candidates {
                        let start = Int(off[Int(c)]), end = Int(off[Int(c) + 1])
                        var i = start
                        let last = end - m
                        search: while i <= last {
                            if hay[i] == first {
                                var k = 1
                                while k < m, hay[i + k] == n[k] { k += 1 }
                                if k == m { result.append(c); break search }
                            }
                            i += 1
                        }
                    }
                }
            }
        }
        return result
    }
}

/// The vacancies' search text without repeating what vacancies share. Each vacancy points at its
/// provider's name, its setting's words, its authority's names and its set of needs, each folded once;
/// only its postcode is its own. A vacancy matches when one of its fields contains the needle — the
/// answer a flat text with the fields kept apart gives, in a fraction of the memory (8 MB → under 1 MB
/// at 50,000 vacancies, and a reload holds two indexes at once).
struct VacancyHaystack: Searchable {
    let provider: [Int32]               // per vacancy: entry in `providers`, -1 when unknown
    let setting: [UInt8]                // per vacancy: entry in `settings`
    let authority: [Int32]              // per vacancy: entry in `authorities`
    let needs: [Int32]                  // per vacancy: entry in `needSets`
    let providers: SearchHaystack
    let settings: SearchHaystack
    let authorities: SearchHaystack
    let needSets: SearchHaystack
    let postcodes: SearchHaystack       // one entry per vacancy: its id and postcode

    var count: Int { provider.count }

    func filter(_ candidates: [Int32], containing needle: [UInt8]) -> [Int32] {
        guard !needle.isEmpty else { return candidates }
        func hits(_ hay: SearchHaystack) -> [Bool] {
            var hit = [Bool](repeating: false, count: hay.count)
            for i in hay.filter(Array(0..<Int32(hay.count)), containing: needle) { hit[Int(i)] = true }
            return hit
        }
        let (byProvider, bySetting, byAuthority, byNeeds) = (hits(providers), hits(settings), hits(authorities), hits(needSets))
        let byPostcode = postcodes.filter(candidates, containing: needle)
        var result: [Int32] = []
        result.reserveCapacity(candidates.count)
        var next = 0
        for c in candidates {
            let i = Int(c)
            var hit = (provider[i] >= 0 && byProvider[Int(provider[i])]) || bySetting[Int(setting[i])]
                || byAuthority[Int(authority[i])] || byNeeds[Int(needs[i])]
            if next < byPostcode.count, byPostcode[next] == c { hit = true; next += 1 }
            if hit { result.append(c) }
        }
        return result
    }
}

/// Dates and numbers the way an officer reads them. Everything takes `now` or a `Day`:
/// nothing here reads the clock.
enum Format {
    /// The calendar day in Wales at `date`.
    static func day(_ date: Date) -> Day {
        WorkflowTime.day(of: date)
    }

    /// "14:05", Europe/London.
    static func clock(_ date: Date) -> String {
        WorkflowTime.clock(date)
    }

    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// "12 Mar" (one argument, so `.map(Format.short)` still reads).
    static func short(_ day: Day) -> String { short(day, .en) }

    /// "12 Mar"; in Welsh "12 Maw" (`WelshCalendar.shortMonths`).
    static func short(_ day: Day, _ language: Language) -> String {
        "\(day.day) \((language == .cy ? WelshCalendar.shortMonths : months)[day.month - 1])"
    }

    /// "12 Mar 2025".
    static func long(_ day: Day) -> String { long(day, .en) }

    /// "12 Mar 2025"; in Welsh with the month in full, "12 Mawrth 2025", as Welsh Government writes dates.
    static func long(_ day: Day, _ language: Language) -> String {
        "\(day.day) \((language == .cy ? WelshCalendar.months : months)[day.month - 1]) \(day.year)"
    }

    /// "today 17:00", "tomorrow 09:00", "yesterday 09:00", else "18 Jun 09:00"; in Welsh "heddiw 17:00", "yfory 09:00"…
    static func inWords(_ date: Date, today: Day, _ language: Language = .en) -> String {
        let on = Format.day(date)
        let name = on == today ? Message.shellTimeToday.text(language)
            : on == today.adding(days: 1) ? Message.shellTimeTomorrow.text(language)
            : on == today.adding(days: -1) ? Message.shellTimeYesterday.text(language) : short(on, language)
        return name + " " + clock(date)
    }

    /// "1 day", "3 days"; in Welsh the noun stays singular after a number and softens after 2: "1 diwrnod",
    /// "2 ddiwrnod", "3 diwrnod".
    static func days(_ n: Int, _ language: Language = .en) -> String {
        let message: Message = language == .cy ? (n == 2 ? .shellDaysTwo : .shellDaysOther) : (n == 1 ? .shellDaysOne : .shellDaysOther)
        return message.text(language, ["count": String(n)])
    }

    /// "18 h"; in Welsh "18 awr".
    static func hours(_ n: Int, _ language: Language = .en) -> String { Message.shellHours.text(language, ["count": String(n)]) }

    /// "8–17"
    static func ages(_ r: ClosedRange<Int>) -> String { r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)" }

    /// Notice in words (see `NoticeLength`): "same-day (4 h)" ("same-day" when `compact`), "18 h", "3 days";
    /// `short` (24 h or less) stands out.
    static func notice(_ length: NoticeLength?, compact: Bool = false, _ language: Language = .en) -> (text: String, short: Bool) {
        switch length {
        case nil: (Message.shellNoticeNotRecorded.text(language), false)
        case .sameDay(let h)?: (compact ? Message.shellNoticeSameDay.text(language)
                                        : Message.shellNoticeSameDayHours.text(language, ["hours": hours(h, language)]), true)
        case .hours(let h)?: (hours(h, language), length!.isShort)
        case .days(let d)?: (days(d, language), false)
        }
    }

    /// Time left before a child must be placed (see `TimeLeft`): "today 17:30 (8 h)", "tomorrow 09:00",
    /// "ended 09:00" (today), "ended 15 Jun", "emergency", "overdue 2 days", "today", "5 days". At most 17 wide.
    static func timeLeft(_ left: TimeLeft, today: Day, _ language: Language = .en) -> String {
        switch left {
        case .endsAt(let at, let h):
            day(at) == today ? Message.shellTimeTodayAt.text(language, ["time": clock(at), "hours": hours(h, language)])
                : inWords(at, today: today, language)
        case .ended(let at): Message.shellTimeEnded.text(language, ["when": day(at) == today ? clock(at) : short(day(at), language)])
        case .emergency: Message.shellTimeEmergency.text(language)
        case .overdue(let n): Message.shellTimeOverdue.text(language, ["days": days(n, language)])
        case .today: Message.shellTimeToday.text(language)
        case .days(let n): days(n, language)
        }
    }

    static func plural(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) " + (n == 1 ? one : (many ?? one + "s"))
    }

    /// An authority by its code: in Welsh its Welsh name where it has one, else (and in English) its English name.
    static func authorityName(code: String, _ language: Language = .en) -> String {
        guard let authority = Geography.wales.authority(code: code) else { return code }
        return language == .cy ? authority.welshName ?? authority.name : authority.name
    }

    /// When a waiting child is needed: "emergency", "by 12 Mar"; "" once placed.
    static func neededBy(_ child: Child, _ language: Language = .en) -> String {
        guard child.status != .placed else { return "" }
        switch child.urgency {
        case .emergency: return Message.shellTimeEmergency.text(language)
        case .neededBy(let d): return Message.shellListNeededBy.text(language, ["date": short(d, language)])
        }
    }

    /// "≈12 mi est." — stored placement miles are road estimates.
    static func miles(_ m: Double) -> String { Distance.formatMiles(m, approximate: true) + " est." }
}

extension Int {
    /// `x` truncated toward zero and clamped to Int's range (NaN is 0): a conversion that cannot trap,
    /// for numbers worked out from stored or typed values.
    init(saturating x: Double) {
        if x.isNaN { self = 0 }
        else if x >= 0x1p63 { self = .max }
        else if x < -0x1p63 { self = .min }
        else { self = Int(x) }
    }
}

extension MatchFlag {
    /// One letter in the ranking's Flags column; `H` there marks a held bed. The legend is in help.
    var code: String {
        switch self {
        case .outOfArea: "O"
        case .keyStage4SchoolMove: "K"
        case .forProfit: "£"
        case .staleVacancy: "S"
        case .approximateLocation: "≈"
        case .separatesSiblings: "X"
        case .oldInspection: "I"
        case .noNeedsRecorded: "N"
        case .residentsConcern: "R"
        }
    }

    /// Help's legend of the Flags column.
    static let legend: [KeyBinding] = [
        KeyBinding([], .legend, Wording(.shellFlagsLegend1), label: Wording(.shellFlagsLabel, ["part": ""])),
        KeyBinding([], .legend, Wording(.shellFlagsLegend2), label: Wording(.shellFlagsLabel, ["part": " (2)"])),
        KeyBinding([], .legend, Wording(.shellFlagsLegend3), label: Wording(.shellFlagsLabel, ["part": " (3)"])),
        KeyBinding([], .legend, Wording(.shellFlagsLegend4), label: Wording(.shellFlagsLabel, ["part": " (4)"])),
    ]
}
