import Foundation
import GRDB
import PlacementCore

/// Reads typed values from a row and turns any bad value into `StoreError.unreadableValue(table, column)`,
/// so a hand-edited or damaged file gives a one-line error instead of a crash or an SQL dump.
struct RowReader {
    let row: Row
    let table: String

    func value<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T {
        do { return try row.decode(T.self, forColumn: column) } catch { throw unreadable(column) }
    }

    func optional<T: DatabaseValueConvertible>(_ column: String, as type: T.Type = T.self) throws -> T? {
        do { return try row.decode(T?.self, forColumn: column) } catch { throw unreadable(column) }
    }

    func code<E: RawRepresentable<String>>(_ column: String, as type: E.Type = E.self) throws -> E {
        guard let parsed = E(rawValue: try value(column, as: String.self)) else { throw unreadable(column) }
        return parsed
    }

    func optionalCode<E: RawRepresentable<String>>(_ column: String, as type: E.Type = E.self) throws -> E? {
        guard let raw = try optional(column, as: String.self) else { return nil }
        guard let parsed = E(rawValue: raw) else { throw unreadable(column) }
        return parsed
    }

    func day(_ column: String) throws -> Day {
        guard let parsed = Day(iso: try value(column, as: String.self)) else { throw unreadable(column) }
        return parsed
    }

    func optionalDay(_ column: String) throws -> Day? {
        guard let raw = try optional(column, as: String.self) else { return nil }
        guard let parsed = Day(iso: raw) else { throw unreadable(column) }
        return parsed
    }

    func json<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T {
        let text = try value(column, as: String.self)
        do { return try JSONColumn.decoder.decode(T.self, from: Data(text.utf8)) } catch { throw unreadable(column) }
    }

    private func unreadable(_ column: String) -> StoreError {
        StoreError.unreadableValue(table: table, column: column)
    }
}

/// JSON text for list-valued columns. Sorted keys keep the text stable, so equal values store equal text.
enum JSONColumn {
    static let decoder = JSONDecoder()

    static func text<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A list of codes or ids as the encoder above writes it, without building an encoder per row (bulk
    /// inserts write hundreds of thousands); anything needing escapes goes through the encoder.
    static func strings(_ values: [String]) throws -> String {
        guard values.allSatisfy({ $0.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C && $0 != 0x2F } }) else {
            return try text(values)
        }
        return "[" + values.map { "\"\($0)\"" }.joined(separator: ",") + "]"
    }
}
