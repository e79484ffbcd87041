import Foundation
import GRDB

/// Reads a list column that v4 also stores as a mask. When the list was written the writer compared it with
/// the mask's canonical list (codes by bit); if they differ — another order, a code without a bit — it set the
/// column's flag in `verbatim_lists` and the stored JSON is parsed. Otherwise (the usual case) the list comes
/// from the mask, built once per distinct mask, and its text is never read.
final class MaskedList<Key: Hashable, Value: Decodable> {
    private var cache: [Key: Value] = [:]
    /// Verbatim lists repeat too (the same needs in another order): each distinct text is parsed once.
    private var parsed: [String: Value] = [:]
    private let canonical: (Key) -> Value

    init(canonical: @escaping (Key) -> Value) { self.canonical = canonical }

    func value(_ key: Key, verbatim: Bool, row: Row, index: Int, table: String, column: String) throws -> Value {
        if verbatim {
            guard let text = try? row.decode(String.self, atIndex: index) else { throw StoreError.unreadableValue(table: table, column: column) }
            if let known = parsed[text] { return known }
            let value = try JSONText.decode(Value.self, row: row, index: index, table: table, column: column)
            parsed[text] = value
            return value
        }
        if let known = cache[key] { return known }
        let value = canonical(key)
        cache[key] = value
        return value
    }
}

/// A JSON column parsed (only when a row's `verbatim_lists` flag says so).
enum JSONText {
    static func decode<T: Decodable>(_ type: T.Type, row: Row, index: Int, table: String, column: String) throws -> T {
        let data = try row.withUnsafeData(atIndex: index) { $0.map { Data($0) } }
        guard let data else { throw StoreError.unreadableValue(table: table, column: column) }
        do { return try JSONColumn.decoder.decode(T.self, from: data) } catch {
            throw StoreError.unreadableValue(table: table, column: column)
        }
    }
}
