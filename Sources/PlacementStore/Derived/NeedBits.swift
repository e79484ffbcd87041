import GRDB
import PlacementCore

/// Need code ⇄ bit position as recorded in `need_catalogue.bit` (schema v4): the store's masks mean what
/// that table says, whatever order a later build's catalogue lists its codes in.
struct NeedBits: Sendable {
    private let bitByCode: [String: Int]
    private let codeByBit: [String?]

    init(_ pairs: [(code: String, bit: Int)]) {
        bitByCode = Dictionary(pairs.map { ($0.code, $0.bit) }) { first, _ in first }
        var codes = [String?](repeating: nil, count: 64)
        for (code, bit) in pairs where (0..<64).contains(bit) { codes[bit] = code }
        codeByBit = codes
    }

    static func load(_ db: Database) throws -> NeedBits {
        let rows = try Row.fetchAll(db, sql: "SELECT code, bit FROM need_catalogue WHERE bit IS NOT NULL")
        return NeedBits(rows.map { (code: $0[0], bit: $0[1]) })
    }

    /// The mask of the codes the table knows; unknown codes have no bit (the list text keeps them).
    func mask(_ codes: some Sequence<String>) -> Int64 {
        var bits: UInt64 = 0
        for code in codes { if let bit = bitByCode[code] { bits |= 1 << UInt64(bit) } }
        return Int64(bitPattern: bits)
    }

    /// The codes of `mask`, lowest bit first (the canonical order of a stored list).
    func codes(_ mask: Int64) -> [String] {
        var bits = UInt64(bitPattern: mask), found: [String] = []
        while bits != 0 {
            let bit = bits.trailingZeroBitCount
            if let code = codeByBit[bit] { found.append(code) }
            bits &= bits - 1
        }
        return found
    }
}

/// Masks of the small enums, bit = position in `allCases` (as the matching engine's own masks).
enum EnumBits {
    static func mask<E: CaseIterable & Equatable>(_ values: some Sequence<E>) -> Int64 {
        let all = Array(E.allCases)
        return values.reduce(0) { $0 | (1 << Int64(all.firstIndex(of: $1)!)) }
    }

    static func values<E: CaseIterable>(_ mask: Int64, as type: E.Type = E.self) -> [E] {
        E.allCases.enumerated().filter { mask & (1 << Int64($0.offset)) != 0 }.map(\.element)
    }
}
