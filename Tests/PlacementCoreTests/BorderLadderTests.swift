import Testing
@testable import PlacementCore

/// Reg 12 with the codes real data carries: every Welsh authority against every English authority
/// bordering Wales, under each code a postcode directory or a county list may give it.
@Suite("Reg 12 ladder with real English codes")
struct BorderLadderTests {
    let geo = Geography.wales

    /// Which Welsh authorities each English area touches (OS Boundary-Line; stated here, not read from
    /// borders.csv, so a wrong row there fails). Every code a record may carry for the area is listed:
    /// Gloucestershire's county code and each of its districts' (E07…) resolve to the county.
    static let englishBorderAreas: [(codes: [String], name: String, touches: Set<String>)] = [
        (["E06000050"], "Cheshire West and Chester", ["W06000005", "W06000006"]),          // Flintshire, Wrexham
        (["E06000051"], "Shropshire", ["W06000006", "W06000023"]),                         // Wrexham, Powys
        (["E06000019"], "Herefordshire", ["W06000023", "W06000021"]),                      // Powys, Monmouthshire
        (["E10000013", "E07000078", "E07000079", "E07000080", "E07000081", "E07000082", "E07000083"],
         "Gloucestershire", ["W06000021"]),                                                 // Monmouthshire
    ]

    @Test func everyWelshAuthorityAgainstEveryBorderingEnglishCode() throws {
        #expect(geo.welshAuthorities.count == 22)
        for welsh in geo.welshAuthorities {
            for area in Self.englishBorderAreas {
                let expected: LocalityTier = area.touches.contains(welsh.code) ? .borderingEnglish : .elsewhereInEngland
                for code in area.codes {
                    #expect(try geo.checkedLocalityTier(home: welsh.code, placement: code) == expected,
                            "\(welsh.name) → \(area.name) (\(code))")
                    #expect(try geo.resolvedAuthority(code: code).name == area.name)
                }
            }
        }
    }

    /// The district whose own area borders Wales: Forest of Dean (Monmouthshire along the Wye).
    @Test func forestOfDeanIsGloucestershireBorderingMonmouthshire() throws {
        #expect(geo.placingAuthority(code: "E07000080")?.code == "E10000013")
        #expect(try geo.checkedLocalityTier(home: "W06000021", placement: "E07000080") == .borderingEnglish)
        #expect(geo.borders("E07000080", "W06000021"))
        // Same county, different code: in-county for Gloucestershire's own children.
        #expect(geo.localityTier(home: "E10000013", placement: "E07000080") == .inCounty)
    }

    /// Somerset's county and districts became one unitary (E06000066) in April 2023; old records keep the old codes.
    @Test(arguments: ["E10000027", "E07000187", "E07000188", "E07000189", "E07000246"])
    func retiredSomersetCodesResolveToTheUnitary(code: String) throws {
        #expect(try geo.resolvedAuthority(code: code).code == "E06000066")
        #expect(try geo.checkedLocalityTier(home: "W06000015", placement: code) == .elsewhereInEngland)
    }

    @Test func everyLowerTierCodeResolvesToAKnownEnglishAuthority() {
        #expect(geo.lowerTierCodes.count >= 25)
        for entry in geo.lowerTierCodes {
            #expect(geo.authority(code: entry.authority)?.nation == .england, "\(entry.code) → \(entry.authority)")
            #expect(geo.authority(code: entry.code) == nil, "\(entry.code) is both an authority and a lower-tier code")
        }
    }

    @Test func anUnknownCodeIsAnErrorNamingIt() {
        #expect(throws: UnknownAuthorityCode(code: "E07000999")) {
            try geo.checkedLocalityTier(home: "W06000015", placement: "e07000999")
        }
        #expect(throws: UnknownAuthorityCode(code: "W06000017")) {
            try geo.checkedLocalityTier(home: "W06000017", placement: "W06000015")
        }
        #expect(UnknownAuthorityCode(code: "E07000999").description.hasPrefix("E07000999 is not"))
    }

    /// Every other UK area code a postcode directory carries (uk-areas.csv) is known, and sits on the
    /// rung its nation gives it for every Welsh child: never an error, never closer than it is.
    @Test func everyOtherUKCodeIsKnownAndOnItsNationsRung() throws {
        let border = Set(Self.englishBorderAreas.flatMap(\.codes))
        let others = (geo.authorities.map(\.code) + geo.lowerTierCodes.map(\.code))
            .filter { !$0.hasPrefix("W") && !border.contains($0) }
        #expect(others.count > 350)
        for welsh in geo.welshAuthorities {
            for code in others {
                let expected: LocalityTier = code.hasPrefix("E") ? .elsewhereInEngland : .outsideEnglandAndWales
                #expect(try geo.checkedLocalityTier(home: welsh.code, placement: code) == expected, "\(code)")
            }
        }
    }

    /// Two-tier districts resolve to their county; codes retired since 2021 to their successors.
    @Test(arguments: [("E07000105", "E10000016", "Kent"),                 // Ashford district
                      ("E07000028", "E06000063", "Cumberland"),           // Carlisle, retired 2023
                      ("E07000027", "E06000064", "Westmorland and Furness"),
                      ("E07000165", "E06000065", "North Yorkshire"),      // Harrogate, retired 2023
                      ("E08000016", "E08000038", "Barnsley")])            // boundary change, 2024
    func districtsAndRetiredCodesResolve(code: String, authority: String, name: String) throws {
        let a = try geo.resolvedAuthority(code: code)
        #expect(a.code == authority)
        #expect(a.name == name)
    }
}
