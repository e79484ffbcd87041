/// A calendar date with no time or zone: dates of birth, placement starts and ends.
/// Kept apart from `Date` so that a birthday never shifts with a time zone.
public struct Day: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// year << 9 | month << 5 | day: four bytes, not three words, since every bed and placement holds days
    /// (a placement's three took 88 of its 384 bytes); the packing keeps the calendar order.
    private let packed: UInt32

    public var year: Int { Int(packed >> 9) }
    public var month: Int { Int(packed >> 5 & 0xF) }
    public var day: Int { Int(packed & 0x1F) }

    /// A year past the 23 bits (only a corrupt day count gives one) is clamped rather than trapping.
    private init(unchecked year: Int, month: Int, day: Int) {
        packed = UInt32(min(max(year, 0), 0x7F_FFFF)) << 9 | UInt32(month) << 5 | UInt32(day)
    }

    /// Validating initialiser: rejects impossible dates such as 2025-02-30.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              (1...Day.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.init(unchecked: year, month: month, day: day)
    }

    /// Parses `YYYY-MM-DD` exactly.
    public init?<Text: StringProtocol>(iso: Text) { self.init(isoBytes: iso.utf8) }

    /// `YYYY-MM-DD` byte by byte: the store reads dates for every placement on the way to the screen.
    init?<Bytes: Collection<UInt8>>(isoBytes: Bytes) {
        var digits = (0, 0, 0), position = 0
        for byte in isoBytes {
            defer { position += 1 }
            switch position {
            case 4, 7: guard byte == UInt8(ascii: "-") else { return nil }
            case 0..<10:
                guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
                let digit = Int(byte - UInt8(ascii: "0"))
                if position < 4 { digits.0 = digits.0 * 10 + digit } else if position < 7 { digits.1 = digits.1 * 10 + digit } else { digits.2 = digits.2 * 10 + digit }
            default: return nil
            }
        }
        guard position == 10 else { return nil }
        self.init(year: digits.0, month: digits.1, day: digits.2)
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    public init(daysSinceEpoch z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(unchecked: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public func adding(days: Int) -> Day { Day(daysSinceEpoch: daysSinceEpoch + days) }
    public func days(until other: Day) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// Whole years from `self` (a birthday) to `date`; a 29 February birthday counts on 1 March.
    public func age(on date: Day) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    public var iso: String {
        func pad(_ n: Int, _ width: Int) -> String {
            let s = String(n)
            return String(repeating: "0", count: max(0, width - s.count)) + s
        }
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    public var description: String { iso }

    public static func < (a: Day, b: Day) -> Bool { a.packed < b.packed }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        guard let parsed = Day(iso: raw) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath,
                                                    debugDescription: "not a valid date (YYYY-MM-DD)"))
        }
        self = parsed
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(iso)
    }
}
