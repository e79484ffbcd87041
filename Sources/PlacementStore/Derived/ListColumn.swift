import Foundation
import GRDB

/// Reads a list column that v4 also stores as a mask. The mask gives the list directly when the stored JSON
/// is exactly the canonical text for that mask (compared byte for byte, without parsing; cached per mask);
/// otherwise — an unknown code, another order — the JSON is parsed, so nothing stored is ever lost.
final class ListColumn<Key: Hashable, Value: Decodable> {
    private var cache: [Key: (text: [UInt8], value: Value)] = [:]
    private let canonical: (Key) -> Value
    private let text: (Value) throws -> String

    init(canonical: @escaping (Key) -> Value, text: @escaping (Value) throws -> String) {
        self.canonical = canonical
        self.text = text
    }

    func value(_ key: Key, row: Row, index: Int, table: String, column: String) throws -> Value {
        let entry: (text: [UInt8], value: Value)
        if let cached = cache[key] {
            entry = cached
        } else {
            let value = canonical(key)
            entry = (Array(try text(value).utf8), value)
            cache[key] = entry
        }
        let matches = try row.withUnsafeData(atIndex: index) { data -> Bool? in
            guard let data else { return nil }
            return data.elementsEqual(entry.text)
        }
        guard let matches else { throw StoreError.unreadableValue(table: table, column: column) }
        if matches { return entry.value }
        return try JSONText.decode(Value.self, row: row, index: index, table: table, column: column)
    }
}

/// JSON list columns without a mask (rarely non-empty): "[]" is read without parsing.
enum JSONText {
    static func decode<T: Decodable>(_ type: T.Type, row: Row, index: Int, table: String, column: String) throws -> T {
        let data = try row.withUnsafeData(atIndex: index) { $0.map { Data($0) } }
        guard let data else { throw StoreError.unreadableValue(table: table, column: column) }
        do { return try JSONColumn.decoder.decode(T.self, from: data) } catch {
            throw StoreError.unreadableValue(table: table, column: column)
        }
    }

    static let emptyList = Array("[]".utf8)

    static func list<T: Decodable>(_ type: [T].Type, row: Row, index: Int, table: String, column: String) throws -> [T] {
        let empty = try row.withUnsafeData(atIndex: index) { $0.map { $0.elementsEqual(emptyList) } }
        if empty == true { return [] }
        return try decode(type, row: row, index: index, table: table, column: column)
    }
}
