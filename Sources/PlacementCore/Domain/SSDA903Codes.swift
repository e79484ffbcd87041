/// The DfE's SSDA903 return (children looked after in England) spelled in Placefinder's terms: how its
/// codes map onto the domain and back. Pure tables; reading and writing the files is `PlacementStore`'s.
/// Placefinder holds one legal status per child and no category of need, ethnicity or UPN; see
/// docs/data-format.md ("SSDA903") for what is kept, what is reported and what is not held.
public enum SSDA903 {
    /// LS: the legal status code written for a Placefinder status. A secure accommodation order is made on
    /// a child already looked after; 903 has no code for it, so the care order beneath it (C2) is written.
    public static func legalStatusCode(_ status: LegalStatus) -> String {
        switch status {
        case .section76: "V2"
        case .interimCareOrder: "C1"
        case .careOrder, .secureOrder: "C2"
        case .placementOrder: "E1"
        case .emergencyProtection: "L2"
        case .remand: "J1"
        }
    }

    /// LS read: Placefinder's status for a code, and whether the code itself is kept (false when several
    /// codes share one status, so the import reports it).
    public static func legalStatus(code: String) -> (status: LegalStatus, exact: Bool)? {
        switch code {
        case "V2": (.section76, true)
        case "V3", "V4": (.section76, false)           // short breaks under s.20 / s.76
        case "C1": (.interimCareOrder, true)
        case "C2": (.careOrder, true)
        case "E1": (.placementOrder, true)
        case "D1": (.placementOrder, false)            // freeing order, placement orders' predecessor
        case "L2": (.emergencyProtection, true)
        case "L1", "L3": (.emergencyProtection, false) // police protection, child assessment order
        case "J1": (.remand, true)
        case "J2", "J3": (.remand, false)              // PACE transfer, sentenced with a residence requirement
        default: nil
        }
    }

    /// SEX: M, F, or U (unknown) for a gender the return cannot state.
    public static func sexCode(_ gender: Gender) -> String {
        switch gender {
        case .male: "M"
        case .female: "F"
        case .other: "U"
        }
    }

    public static func gender(sexCode: String) -> Gender? {
        switch sexCode {
        case "M", "1": .male
        case "F", "2": .female
        case "U": .other
        default: nil
        }
    }

    /// PLACE written for a placement type. The DfE's list no longer has H5 (semi-independent living; rule 146
    /// refuses it): supported accommodation is K3 now, so that is what an export says, and K3 reads back as H5.
    public static func placeCode(_ type: PlacementType) -> String {
        type == .H5 ? "K3" : type.rawValue
    }

    /// PLACE codes of the 903 list that Placefinder has no type for, with the type it holds them as.
    public static func placementType(code: String) -> (type: PlacementType, exact: Bool)? {
        if let exact = PlacementType(rawValue: code) { return (exact, true) }
        switch code {
        case "K3": return (.H5, true)                              // supported accommodation (H5's successor)
        case "A3", "A4", "A5", "A6": return (.U6, false)          // placed for adoption: a family placement
        case "P2", "P3": return (.H5, false)                      // independent living, residential employment
        case "R2", "R5": return (.K2, false)                      // NHS or young offender institution
        case "T0", "T1", "T2", "T3", "T4", "Z11", "Z12", "Z13", "Z14": return (.Z1, false)
        default: return nil
        }
    }

    /// The settings an imported child is matched for, from their current placement type (903 has no field for
    /// what a child may accept next; officers correct it on import of their own children file).
    public static func acceptableSettings(current type: PlacementType) -> [Setting] {
        switch type {
        case .U1, .U2, .U3: [.kinship, .foster]
        case .U4, .U5, .U6, .P1, .Z1: [.foster, .kinship]
        case .K1: [.secure, .residential]
        case .K2, .R1, .S1: [.residential]
        case .R3: [.parentAndChild, .foster]
        case .H5: [.supportedLodgings]
        }
    }

    /// The service type a provider created from a placement type offers.
    public static func serviceType(for type: PlacementType, sector: Sector) -> ServiceType {
        switch type {
        case .U1, .U2, .U3, .U4, .U5, .U6, .P1, .Z1: sector == .localAuthority ? .localAuthorityFostering : .fosteringAgency
        case .K1: .secureHome
        case .K2, .R1, .S1: .childrensHome
        case .R3: .parentAndChild
        case .H5: .supportedLodgings
        }
    }

    /// PLACE_PROVIDER: PR0 with parents, PR1 the child's own authority, PR2 another authority, PR4 private,
    /// PR5 voluntary. (PR3, other public provision, is read as another authority's.)
    public static func providerCode(type: PlacementType, sector: Sector, providerAuthority: String, placingAuthority: String) -> String {
        if type == .P1 { return "PR0" }
        switch sector {
        case .localAuthority: return providerAuthority == placingAuthority ? "PR1" : "PR2"
        case .private: return "PR4"
        case .thirdSector: return "PR5"
        }
    }

    public static func sector(providerCode: String) -> Sector? {
        switch providerCode {
        case "PR0", "PR1", "PR2", "PR3": .localAuthority
        case "PR4": .private
        case "PR5": .thirdSector
        default: nil
        }
    }

    /// REC codes: X1 (the episode ends, the child stays looked after) and the ways a period of care ends.
    public static let careEndingCodes: Set<String> = [
        "E11", "E12", "E13", "E14", "E15", "E16", "E17", "E2", "E3", "E41", "E45", "E46", "E47", "E48",
        "E4A", "E4B", "E5", "E6", "E7", "E8", "E9",
    ]

    /// RNE codes: S starts a period of care; L changes the legal status only; P the placement and carers; T the
    /// placement with the same carers; U and B the legal status and the placement together.
    public static let reasonsForNewEpisode: Set<String> = ["S", "L", "P", "T", "U", "B"]

    /// An episode whose RNE changes the placement (or carer) starts a new Placefinder placement.
    public static func changesPlacement(rne: String) -> Bool { rne != "L" }
}
