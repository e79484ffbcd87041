/// A value kept on the heap, so the record holding it carries one pointer instead of the value's bytes.
/// For fields most records leave nil: a snapshot's arrays hold tens of thousands of records, and an inline
/// optional costs its full size in every one of them. Immutable, so copies share it safely (a change makes a
/// new box), and compared by value.
final class OutOfLine<Value: Hashable & Sendable>: Hashable, Sendable {
    let value: Value

    init(_ value: Value) { self.value = value }

    static func == (a: OutOfLine, b: OutOfLine) -> Bool { a === b || a.value == b.value }
    func hash(into hasher: inout Hasher) { hasher.combine(value) }
}
