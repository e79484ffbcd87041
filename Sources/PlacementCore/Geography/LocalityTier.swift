/// Order of preference for where a Welsh looked-after child is placed.
///
/// Care Planning, Placement and Case Review (Wales) Regulations 2015
/// (SI 2015/1818, W. 261), reg 12: a responsible authority may place a child
/// outside its area only if no placement within it can meet the child's needs
/// (reg 12(1)); it must then seek one "in accordance with the following order of
/// preference" (reg 12(2)):
/// (a) a local authority whose area borders that of the responsible authority;
/// (b) a local authority in England whose area borders it;
/// (c) any other local authority (in these Regulations, a Welsh one);
/// (d) a local authority in England;
/// (e) subject to s.124 of the 2014 Act, outside England and Wales.
/// Out-of-area decisions also need panel approval before they take effect (reg 12(3)).
///
/// Raw values follow that order, so `<` means "more preferred".
public enum LocalityTier: Int, Sendable, Codable, CaseIterable, Comparable {
    case inCounty = 0
    case borderingWelsh       // reg 12(2)(a)
    case borderingEnglish     // reg 12(2)(b)
    case otherWelsh           // reg 12(2)(c)
    case elsewhereInEngland   // reg 12(2)(d)
    case outsideEnglandAndWales // reg 12(2)(e)

    public static func < (lhs: LocalityTier, rhs: LocalityTier) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Short label for lists and badges, in English (`label(_:)` for either language).
    public var label: String { label(.en) }

    public func label(_ language: Language) -> String {
        let message: Message = switch self {
        case .inCounty: .coreTierInCounty
        case .borderingWelsh: .coreTierBorderingWelsh
        case .borderingEnglish: .coreTierBorderingEnglish
        case .otherWelsh: .coreTierOtherWelsh
        case .elsewhereInEngland: .coreTierElsewhereInEngland
        case .outsideEnglandAndWales: .coreTierOutsideEnglandAndWales
        }
        return message.text(language)
    }

    /// Reg 12 limb that applies, for notes and panel papers ("reg 12(2)(a)").
    public var regulationReference: String? {
        switch self {
        case .inCounty: nil
        case .borderingWelsh: "reg 12(2)(a)"
        case .borderingEnglish: "reg 12(2)(b)"
        case .otherWelsh: "reg 12(2)(c)"
        case .elsewhereInEngland: "reg 12(2)(d)"
        case .outsideEnglandAndWales: "reg 12(2)(e)"
        }
    }

    /// Every tier but in-county is an out-of-area placement needing panel approval (reg 12(3)).
    public var isOutOfArea: Bool { self != .inCounty }
}

extension Placement {
    /// The stored tier as the reg 12 ladder (rows are validated to 0…5 on the way in).
    public var locality: LocalityTier { LocalityTier(rawValue: localityTier) ?? .outsideEnglandAndWales }
}
