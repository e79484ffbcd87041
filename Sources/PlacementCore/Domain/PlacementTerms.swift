import Foundation

/// Why a placement was made (issue 13 §2): the purposes the seed report's commissioning chapter names.
public enum PlacementPurpose: String, Sendable, Codable, CaseIterable {
    case emergency, assessment
    case shortTerm = "short_term", longTerm = "long_term"
    case respite
    case stepDown = "step_down"

    public var label: String { label(.en) }

}

/// How a placement was bought (seed report 5.10): under the all-Wales framework or spot-purchased.
public enum PurchaseRoute: String, Sendable, Codable, CaseIterable {
    case framework, spot
}

/// A new agreed weekly cost from a day on (a fee uplift, a change of package).
public struct CostChange: Sendable, Hashable, Codable {
    public var from: Day
    public var weeklyCost: Int
    public init(from: Day, weeklyCost: Int) {
        self.from = from
        self.weeklyCost = weeklyCost
    }
}

/// The weekly cost agreed at the start and its later changes, oldest first.
public struct AgreedCost: Sendable, Hashable, Codable {
    public var weekly: Int
    public var changes: [CostChange]

    public init(weekly: Int, changes: [CostChange] = []) {
        self.weekly = weekly
        self.changes = changes.sorted { $0.from < $1.from }
    }

    /// The weekly cost in force on `day`: the latest change on or before it, else the cost agreed at the start.
    public func weekly(on day: Day) -> Int {
        changes.last { $0.from <= day }?.weeklyCost ?? weekly
    }

    /// "2025-06-01:1250;2026-04-01:1300", the form import, export and the store share.
    public var changesText: String {
        changes.map { "\($0.from.iso):\($0.weeklyCost)" }.joined(separator: ";")
    }

    /// Parses `changesText`; nil names nothing, so the caller says which cell is wrong.
    /// Spaces around a date or a cost are allowed; a cost is whole pounds, digits only.
    public static func changes(_ text: String) -> [CostChange]? {
        // One pass over the bytes, no intermediate arrays: the store parses this for most placements on the
        // way to the screen.
        var out: [CostChange] = []
        let bytes = text.utf8
        var itemStart = bytes.startIndex
        while itemStart < bytes.endIndex {
            let itemEnd = bytes[itemStart...].firstIndex(of: UInt8(ascii: ";")) ?? bytes.endIndex
            let item = bytes[itemStart..<itemEnd]
            itemStart = itemEnd < bytes.endIndex ? bytes.index(after: itemEnd) : itemEnd
            if item.isEmpty { continue }
            guard let colon = item.firstIndex(of: UInt8(ascii: ":")),
                  let day = Day(isoBytes: trimmed(item[..<colon])),
                  let cost = wholeNumber(trimmed(item[item.index(after: colon)...])) else { return nil }
            out.append(CostChange(from: day, weeklyCost: cost))
        }
        return out
    }

    private static func trimmed(_ bytes: Substring.UTF8View) -> Substring.UTF8View {
        let isSpace = { (b: UInt8) in b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
        guard let first = bytes.firstIndex(where: { !isSpace($0) }), let last = bytes.lastIndex(where: { !isSpace($0) }) else {
            return bytes[bytes.startIndex..<bytes.startIndex]
        }
        return bytes[first...last]
    }

    private static func wholeNumber(_ bytes: Substring.UTF8View) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 9 else { return nil }
        var value = 0
        for b in bytes {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(b) else { return nil }
            value = value * 10 + Int(b - UInt8(ascii: "0"))
        }
        return value
    }
}

/// What the officer agreed with the provider when placing: cost, purpose, framework or spot.
public struct PlacementTerms: Sendable, Hashable {
    public var weeklyCost: Int?
    public var purpose: PlacementPurpose?
    public var purchase: PurchaseRoute?

    public init(weeklyCost: Int? = nil, purpose: PlacementPurpose? = nil, purchase: PurchaseRoute? = nil) {
        self.weeklyCost = weeklyCost
        self.purpose = purpose
        self.purchase = purchase
    }

    public static let none = PlacementTerms()

    /// What the place form proposes: the fee the provider asks, and emergency when the child's need is one.
    public static func proposed(child: Child, vacancy: Vacancy) -> PlacementTerms {
        let emergency = if case .emergency = child.urgency { true } else { false }
        return PlacementTerms(weeklyCost: vacancy.weeklyFee, purpose: emergency ? .emergency : nil)
    }

    /// These terms with anything left unsaid taken from `proposed`.
    public func filled(from proposed: PlacementTerms) -> PlacementTerms {
        PlacementTerms(weeklyCost: weeklyCost ?? proposed.weeklyCost, purpose: purpose ?? proposed.purpose,
                       purchase: purchase ?? proposed.purchase)
    }
}

extension PlacementPurpose: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.purpose" }
}
