extension Geography {
    /// Where a placement in `placement` sits on the reg 12 ladder for a child
    /// whose responsible authority is `home` (both ONS codes). See `LocalityTier`.
    ///
    /// Codes missing from the embedded list fall back to their prefix: an unknown
    /// W… code counts as "other Welsh", E… as "elsewhere in England", and anything
    /// else (S…, N…, unrecognised) as outside England and Wales — the least
    /// preferred tier, so bad data never makes a placement look closer than it is.
    public func localityTier(home: String, placement: String) -> LocalityTier {
        let home = Self.normalisedCode(home)
        let placement = Self.normalisedCode(placement)
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
