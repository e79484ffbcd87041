import Foundation

/// An approval the law asks for before a placement starts; the matching engine flags the same three.
public enum ApprovalKind: String, Sendable, Codable, CaseIterable {
    /// Out-of-area placement: a panel must approve it first (reg 12(3), SI 2015/1818).
    case panel
    /// A move that disrupts education in Key Stage 4 needs the nominated officer's approval (reg 11).
    case keyStage4 = "key_stage_4"
    /// A for-profit provider needs exceptional circumstances (Health and Social Care (Wales) Act 2025).
    case exceptionalReason = "exceptional_reason"

    /// What is missing, in words ("the panel's approval"), in English (`what(_:)` for either language).
    public var what: String { what(.en) }

    public func what(_ language: Language) -> String { catalogueWords(language) }
}

/// One approval a placement needs, and why (shown to the officer and in the refusal).
public struct ApprovalNeed: Sendable, Hashable {
    public var kind: ApprovalKind
    /// "out of county: bordering Welsh LA (reg 12(3))".
    public var why: String

    public init(kind: ApprovalKind, why: String) {
        self.kind = kind
        self.why = why
    }

    /// Why, in `language` (the English reasons are catalogued phrases, `core.phrase.approval.*`).
    public func why(_ language: Language) -> String { Catalogue.phrase(why, language) }
}

/// The approvals recorded with a placement: each the officer's reference text (panel minute, who
/// approved, the exceptional reason). Who recorded them and when are the placement's `placedBy`/`placedAt`.
public struct PlacementApprovals: Sendable, Hashable, Codable {
    public var panel: String?
    public var keyStage4: String?
    public var exceptionalReason: String?

    public init(panel: String? = nil, keyStage4: String? = nil, exceptionalReason: String? = nil) {
        self.panel = panel
        self.keyStage4 = keyStage4
        self.exceptionalReason = exceptionalReason
    }

    public static let none = PlacementApprovals()

    /// The text for `kind`, trimmed; nil when blank.
    public subscript(kind: ApprovalKind) -> String? {
        get {
            let raw = switch kind {
            case .panel: panel
            case .keyStage4: keyStage4
            case .exceptionalReason: exceptionalReason
            }
            let text = raw?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            return text.isEmpty ? nil : text
        }
        set {
            switch kind {
            case .panel: panel = newValue
            case .keyStage4: keyStage4 = newValue
            case .exceptionalReason: exceptionalReason = newValue
            }
        }
    }

    /// Only what `needs` asks for, trimmed (an approval nobody needed is not recorded); nil when empty.
    func kept(for needs: [ApprovalNeed]) -> PlacementApprovals? {
        var out = PlacementApprovals()
        for need in needs { out[need.kind] = self[need.kind] }
        return out == .none ? nil : out
    }

    /// The kinds recorded, in a fixed order.
    public var kinds: [ApprovalKind] { ApprovalKind.allCases.filter { self[$0] != nil } }
}

/// How a placement was undone the day it was made.
public struct PlacementUndo: Sendable, Hashable, Codable {
    public var by: String
    public var at: Date
    public var reason: String

    public init(by: String, at: Date, reason: String) {
        self.by = by
        self.at = at
        self.reason = reason
    }
}

/// How the child's current placement ends when no provider's notice says: the officer decides.
public enum MoveKind: String, Sendable, Codable, CaseIterable {
    /// The authority moves the child as planned (CARPL, change to the care plan).
    case planned
    /// The placement broke down without a notice from the provider (OTHER).
    case breakdown
}

extension ApprovalKind: CatalogueWorded {
    public static var catalogueKeyPrefix: String { "core.approval" }
}
