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

    /// "12 Mar"
    static func short(_ day: Day) -> String { "\(day.day) \(months[day.month - 1])" }

    /// "12 Mar 2025"
    static func long(_ day: Day) -> String { "\(day.day) \(months[day.month - 1]) \(day.year)" }

    /// "8–17"
    static func ages(_ r: ClosedRange<Int>) -> String { r.lowerBound == r.upperBound ? "\(r.lowerBound)" : "\(r.lowerBound)–\(r.upperBound)" }

    /// Notice in words (see `NoticeLength`): "same-day (4 h)" ("same-day" when `compact`), "18 h", "3 days";
    /// `short` (24 h or less) stands out.
    static func notice(_ length: NoticeLength?, compact: Bool = false) -> (text: String, short: Bool) {
        switch length {
        case nil: ("notice not recorded", false)
        case .sameDay(let h)?: (compact ? "same-day" : "same-day (\(h) h)", true)
        case .hours(let h)?: ("\(h) h", length!.isShort)
        case .days(let d)?: (d == 1 ? "1 day" : "\(d) days", false)
        }
    }

    /// Time left before a child must be placed (see `TimeLeft`): "today 17:30 (8 h)", "tomorrow 09:00",
    /// "ended 09:00" (today), "ended 15 Jun", "emergency", "overdue 2 days", "today", "5 days". At most 17 wide.
    static func timeLeft(_ left: TimeLeft, today: Day) -> String {
        switch left {
        case .endsAt(let at, let hours):
            day(at) == today ? "today \(clock(at)) (\(hours) h)" : whenInWords(at, today: today)
        case .ended(let at): "ended " + (day(at) == today ? clock(at) : short(day(at)))
        case .emergency: "emergency"
        case .overdue(let days): "overdue " + plural(days, "day")
        case .today: "today"
        case .days(let days): plural(days, "day")
        }
    }

    static func plural(_ n: Int, _ one: String, _ many: String? = nil) -> String {
        "\(n) " + (n == 1 ? one : (many ?? one + "s"))
    }

    /// "≈12 mi est." — stored placement miles are road estimates.
    static func miles(_ m: Double) -> String { Distance.formatMiles(m, approximate: true) + " est." }
}

extension ChildStatus {
    /// The status in words.
    var words: String {
        switch self {
        case .placed: "placed"
        case .needsPlacement: "needs placement"
        case .noticeReceived: "notice received"
        }
    }
}

extension Setting {
    /// Narrow-screen label (80 columns).
    var shortLabel: String {
        switch self {
        case .residential: "resi home"
        case .foster: "foster"
        case .kinship: "kinship"
        case .parentAndChild: "P&C"
        case .supportedLodgings: "lodgings"
        case .secure: "secure"
        case .shortBreak: "short brk"
        }
    }
}

extension LocalityTier {
    /// Narrow-screen label (80 columns); the full `label` is used from 100 columns.
    var shortLabel: String {
        switch self {
        case .inCounty: "in-county"
        case .borderingWelsh: "border W"
        case .borderingEnglish: "border E"
        case .otherWelsh: "other W"
        case .elsewhereInEngland: "England"
        case .outsideEnglandAndWales: "outside"
        }
    }
}

extension WelshCapability {
    var words: String {
        switch self {
        case .none: "no Welsh"
        case .some: "some Welsh"
        case .fluent: "fluent Welsh"
        }
    }
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
        KeyBinding([], .legend, "H held · O out of area (reg 12) · K KS4 school move", label: "Flags"),
        KeyBinding([], .legend, "£ for-profit · S unconfirmed 7+ days · ≈ approx. place", label: "Flags (2)"),
        KeyBinding([], .legend, "X separates siblings · I old inspection · N no needs recorded", label: "Flags (3)"),
        KeyBinding([], .legend, "R a concern with the children living there", label: "Flags (4)"),
    ]
}
