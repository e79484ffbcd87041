import Foundation
import GRDB
import PlacementCore

/// Typed reads by column index from a cursor row (no name lookups, no Codable): the fast path for whole
/// tables. A bad value still becomes `StoreError.unreadableValue(table, column)`, never a crash.
struct ColumnReader {
    let row: Row
    let table: String
    let columns: [String]

    func value<T: DatabaseValueConvertible & StatementColumnConvertible>(_ i: Int, as type: T.Type = T.self) throws -> T {
        do { return try row.decode(T.self, atIndex: i) } catch { throw unreadable(i) }
    }

    func optional<T: DatabaseValueConvertible & StatementColumnConvertible>(_ i: Int, as type: T.Type = T.self) throws -> T? {
        if row.hasNull(atIndex: i) { return nil }
        return try value(i, as: T.self)
    }

    func code<E: RawRepresentable<String>>(_ i: Int, as type: E.Type = E.self) throws -> E {
        guard let parsed = E(rawValue: try value(i, as: String.self)) else { throw unreadable(i) }
        return parsed
    }

    func optionalCode<E: RawRepresentable<String>>(_ i: Int, as type: E.Type = E.self) throws -> E? {
        if row.hasNull(atIndex: i) { return nil }
        return try code(i, as: E.self)
    }

    func day(_ i: Int) throws -> Day { Day(daysSinceEpoch: try value(i, as: Int.self)) }

    func optionalDay(_ i: Int) throws -> Day? {
        if row.hasNull(atIndex: i) { return nil }
        return try day(i)
    }

    /// v4 timestamps: seconds since Foundation's reference date (exact, no text to parse).
    func seconds(_ i: Int) throws -> Date { Date(timeIntervalSinceReferenceDate: try value(i, as: Double.self)) }

    /// A timestamp stored as GRDB text ('YYYY-MM-DD HH:MM:SS.SSS', UTC), read from its bytes.
    func timestamp(_ i: Int) throws -> Date {
        let parsed = try row.withUnsafeData(atIndex: i) { data in data.flatMap(StoredTime.parse) }
        if let parsed { return parsed }
        // Any other form GRDB accepts (hand-edited rows): its own, slower, parser.
        return try value(i, as: Date.self)
    }

    func optionalTimestamp(_ i: Int) throws -> Date? {
        if row.hasNull(atIndex: i) { return nil }
        return try timestamp(i)
    }

    func location(latitude i: Int) throws -> GeoLocation? {
        guard let lat = try optional(i, as: Double.self), let lon = try optional(i + 1, as: Double.self),
              let authority = try optional(i + 2, as: String.self) else { return nil }
        return GeoLocation(coordinate: Coordinate(latitude: lat, longitude: lon), authorityCode: authority,
                           precision: try code(i + 3))
    }

    func unreadable(_ i: Int) -> StoreError {
        StoreError.unreadableValue(table: table, column: columns.indices.contains(i) ? columns[i] : "?")
    }
}

/// GRDB's text form of a `Date`, parsed without Foundation formatters.
enum StoredTime {
    static func parse(_ bytes: Data) -> Date? {
        // 'YYYY-MM-DD HH:MM:SS' with an optional '.SSS'.
        guard bytes.count == 19 || bytes.count == 23 else { return nil }
        return bytes.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Date? in
            func number(_ from: Int, _ length: Int) -> Int? {
                var n = 0
                for k in from..<(from + length) {
                    let c = raw[k]
                    guard c >= 48, c <= 57 else { return nil }
                    n = n * 10 + Int(c - 48)
                }
                return n
            }
            guard raw[4] == 45, raw[7] == 45, raw[10] == 32 || raw[10] == 84, raw[13] == 58, raw[16] == 58,
                  let y = number(0, 4), let mo = number(5, 2), let d = number(8, 2),
                  let h = number(11, 2), let mi = number(14, 2), let s = number(17, 2),
                  let day = Day(year: y, month: mo, day: d), h < 24, mi < 60, s < 61 else { return nil }
            var ms = 0
            if raw.count == 23 {
                guard raw[19] == 46, let fraction = number(20, 3) else { return nil }
                ms = fraction
            }
            let whole = Double(day.daysSinceEpoch * 86_400 + h * 3_600 + mi * 60 + s)
            return Date(timeIntervalSince1970: whole + Double(ms) / 1_000)
        }
    }
}
