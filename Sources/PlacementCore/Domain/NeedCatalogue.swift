/// How much a need or preference matters for this child. Essential needs are hard constraints.
public enum NeedLevel: String, Sendable, Codable, CaseIterable, Comparable {
    case essential, important, desirable

    private var rank: Int {
        switch self {
        case .essential: 0
        case .important: 1
        case .desirable: 2
        }
    }

    public static func < (a: NeedLevel, b: NeedLevel) -> Bool { a.rank < b.rank }
}

/// One entry of the need catalogue. Codes are data: adding a need means adding a row, not a branch.
public struct NeedDefinition: Sendable, Hashable, Codable, Identifiable {
    public let code: String
    public let name: String
    public let description: String
    public var id: String { code }

    /// The name in `language` (`core.need.<code>.name`), or as defined when a local catalogue renamed it.
    public func name(_ language: Language = .en) -> String { localized("name", name, language) }

    /// The description in `language` (`core.need.<code>.description`), or as defined when renamed.
    public func description(_ language: Language = .en) -> String { localized("description", description, language) }

    private func localized(_ field: String, _ english: String, _ language: Language) -> String {
        guard language == .cy, let message = Catalogue.byKey["core.need.\(code.lowercased()).\(field)"], message.entry.en == english else {
            return english
        }
        return message.text(language)
    }

    public init(code: String, name: String, description: String) {
        self.code = code
        self.name = name
        self.description = description
    }
}

/// The catalogue of needs a child can have and a placement can meet.
/// Each code's position gives it a bit, so a capability set fits in a `NeedSet` (up to 64 codes).
public struct NeedCatalogue: Sendable {
    public let definitions: [NeedDefinition]
    private let indexByCode: [String: Int]

    public init(_ definitions: [NeedDefinition]) {
        precondition(definitions.count <= 64, "NeedSet holds at most 64 codes")
        self.definitions = definitions
        self.indexByCode = Dictionary(uniqueKeysWithValues: definitions.enumerated().map { ($1.code, $0) })
    }

    public func definition(_ code: String) -> NeedDefinition? {
        indexByCode[code].map { definitions[$0] }
    }

    public func contains(_ code: String) -> Bool { indexByCode[code] != nil }

    /// The need's name in `language`: a standard need's catalogue row (`core.need.<code>.name`) when the
    /// definition still has the standard English name; a local catalogue's own name otherwise.
    public func name(of code: String, _ language: Language) -> String {
        guard let definition = definition(code) else { return code }
        return definition.name(language)
    }

    /// The bit set of the known codes among `codes`; unknown codes are ignored (validate first).
    public func set(_ codes: some Sequence<String>) -> NeedSet {
        var bits: UInt64 = 0
        for code in codes { if let i = indexByCode[code] { bits |= 1 << UInt64(i) } }
        return NeedSet(bits: bits)
    }

    public func codes(in set: NeedSet) -> [String] {
        definitions.indices.filter { set.bits & (1 << UInt64($0)) != 0 }.map { definitions[$0].code }
    }

    /// The standard catalogue. Sources: the seed report (6.13, 6.29, 7.14) and s.78(3)(b) of the
    /// 2014 Act (religion, culture and language belong in the profile).
    public static let standard = NeedCatalogue([
        .init(code: "AUT", name: "autism", description: "Autism spectrum condition; predictable routine and sensory-aware environment."),
        .init(code: "LD", name: "learning disability", description: "Learning disability needing adapted support and communication."),
        .init(code: "PHYS", name: "accessible home", description: "Physical disability; step-free, adapted or accessible home."),
        .init(code: "EBD", name: "emotional and behavioural needs", description: "Emotional and behavioural needs; trained, consistent carers."),
        .init(code: "SH", name: "self-harm", description: "Risk of self-harm; safety planning and supervision."),
        .init(code: "MH", name: "therapeutic support", description: "Mental health needs; therapeutic or clinical support on hand."),
        .init(code: "TRM", name: "trauma-informed care", description: "Significant trauma; trauma-informed care."),
        .init(code: "CSE", name: "sexual exploitation risk", description: "Risk of child sexual exploitation."),
        .init(code: "CCE", name: "criminal exploitation risk", description: "Risk of criminal exploitation, including county lines."),
        .init(code: "SUB", name: "substance misuse", description: "Substance misuse; access to specialist support."),
        .init(code: "MIS", name: "going missing", description: "History of going missing; missing-from-care protocol."),
        .init(code: "PAC", name: "parent and child", description: "A parent placed with their baby or child."),
        .init(code: "EDU", name: "education on site", description: "Education provided on site."),
        .init(code: "WEL", name: "Welsh language", description: "Care in Welsh (first-language Welsh speaker)."),
        .init(code: "FTH", name: "faith, culture and diet", description: "Faith, cultural or dietary needs respected in daily life."),
        .init(code: "UAS", name: "unaccompanied asylum seeker", description: "Unaccompanied asylum-seeking child; interpreters and immigration support."),
        .init(code: "SIB", name: "sibling group", description: "Able to keep a sibling group together."),
    ])
}

/// A set of need codes as bits of a catalogue; the matching engine tests capabilities with one AND.
public struct NeedSet: Sendable, Hashable {
    public var bits: UInt64
    public init(bits: UInt64 = 0) { self.bits = bits }
    public func isSuperset(of other: NeedSet) -> Bool { bits & other.bits == other.bits }
    public func union(_ other: NeedSet) -> NeedSet { NeedSet(bits: bits | other.bits) }
    public func intersection(_ other: NeedSet) -> NeedSet { NeedSet(bits: bits & other.bits) }
    public func subtracting(_ other: NeedSet) -> NeedSet { NeedSet(bits: bits & ~other.bits) }
    public var count: Int { bits.nonzeroBitCount }
    public var isEmpty: Bool { bits == 0 }
}

/// A need a child has, with how much it matters.
public struct NeedRequirement: Sendable, Hashable, Codable {
    public var code: String
    public var level: NeedLevel
    public init(code: String, level: NeedLevel) {
        self.code = code
        self.level = level
    }
}
