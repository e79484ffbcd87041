import Testing
import PlacementCore

@Suite struct PartnershipBoardTests {
    @Test func everyWelshAuthorityBelongsToExactlyOneBoard() {
        let welsh = Geography.wales.welshAuthorities.map(\.code)
        #expect(welsh.count == 22)
        #expect(Set(PartnershipBoard.byAuthority.keys) == Set(welsh))
        let listed = PartnershipBoard.allCases.flatMap(\.authorityCodes)
        #expect(listed.count == 22 && Set(listed) == Set(welsh))
        let sizes = Dictionary(uniqueKeysWithValues: PartnershipBoard.allCases.map { ($0, $0.authorityCodes.count) })
        #expect(sizes == [.northWales: 6, .westWales: 3, .powys: 1, .westGlamorgan: 2, .cwmTafMorgannwg: 3,
                          .cardiffAndVale: 2, .gwent: 5])
        #expect(PartnershipBoard.of("E06000051") == nil)
    }

    @Test func areasParseFromCodesNamesBoardsAndWales() {
        #expect(ReportArea.parse("W06000022") == .authority("W06000022"))
        #expect(ReportArea.parse("Newport") == .authority("W06000022"))
        #expect(ReportArea.parse("gwent") == .board(.gwent))
        #expect(ReportArea.parse("Cardiff and Vale") == .board(.cardiffAndVale))
        #expect(ReportArea.parse("Powys") == .authority("W06000023"))
        #expect(ReportArea.parse("WALES") == .wales)
        #expect(ReportArea.parse("E06000051") == nil && ReportArea.parse("Atlantis") == nil)
        #expect(ReportArea.board(.gwent).contains("W06000022") && !ReportArea.board(.gwent).contains("W06000015"))
        #expect(!ReportArea.wales.contains("E06000051"))
    }
}
