extension Geography {
    /// Where a placement in `placement` sits on the reg 12 ladder for a child
    /// whose responsible authority is `home` (both ONS codes). See `LocalityTier`.
    ///
    /// Every UK area code is embedded (fixtures/geo/uk-areas.csv) and every write checks its codes
    /// (`checkedLocalityTier`, the importers), and `placefinder check` names any stored code the
    /// geography lacks; so the prefix fallback here (W… "other Welsh", E… "elsewhere in England",
    /// else outside England and Wales, never closer than it is) is reached only by a store that
    /// check reports, never silently.
    ///
    /// A district code (E07…) or a retired code counts as the authority that places children there
    /// (`placingAuthority`), so a Forest of Dean postcode ranks as Gloucestershire: bordering Monmouthshire.
    public func localityTier(home: String, placement: String) -> LocalityTier {
        let home = placingCode(home)
        let placement = placingCode(placement)
        if !home.isEmpty, home == placement { return .inCounty }

        let nation = authority(code: placement)?.nation ?? Nation(onsCode: placement)
        if borders(home, placement) {
            switch nation {
            case .wales: return .borderingWelsh
            case .england: return .borderingEnglish
            default: break
            }
        }
        switch nation {
        case .wales: return .otherWelsh
        case .england: return .elsewhereInEngland
        case .scotland, .northernIreland, nil: return .outsideEnglandAndWales
        }
    }
}

extension Geography {
    /// The reg 12 rung, refusing a code Placefinder does not know (either side) with an error naming it,
    /// rather than guessing from its prefix: for imports and checks, where a wrong rung must not pass silently.
    public func checkedLocalityTier(home: String, placement: String) throws(UnknownAuthorityCode) -> LocalityTier {
        _ = try resolvedAuthority(code: home)
        _ = try resolvedAuthority(code: placement)
        return localityTier(home: home, placement: placement)
    }
}

/// A local authority code missing from Placefinder's geography (fixtures/geo): named, never guessed.
public struct UnknownAuthorityCode: Error, Sendable, Equatable, CustomStringConvertible {
    public let code: String
    public init(code: String) { self.code = code }
    public var description: String { "\(code.isEmpty ? "an empty code" : code) is not a local authority code Placefinder knows (fixtures/geo/authorities.csv, lower-tier-codes.csv)" }
}
