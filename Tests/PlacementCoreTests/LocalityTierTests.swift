import Testing
@testable import PlacementCore

@Suite("Reg 12 locality ladder")
struct LocalityTierTests {
    let geo = Geography.wales

    @Test(arguments: [
        ("W06000015", "W06000015", LocalityTier.inCounty),            // Cardiff → Cardiff
        ("W06000015", "W06000014", .borderingWelsh),                  // Cardiff → Vale of Glamorgan
        ("W06000021", "E06000019", .borderingEnglish),                // Monmouthshire → Herefordshire
        ("W06000002", "W06000021", .otherWelsh),                      // Gwynedd → Monmouthshire
        ("W06000005", "E06000052", .elsewhereInEngland),              // Flintshire → Cornwall
        ("W06000006", "S12000049", .outsideEnglandAndWales),          // Wrexham → Glasgow
        ("W06000006", "N09000003", .outsideEnglandAndWales),          // Wrexham → Belfast
        ("W06000001", "W06000002", .borderingWelsh),                  // Anglesey → Gwynedd
        ("W06000015", "E06000019", .elsewhereInEngland),              // Cardiff → Herefordshire: not a neighbour
    ])
    func ladder(home: String, placement: String, expected: LocalityTier) {
        #expect(geo.localityTier(home: home, placement: placement) == expected)
    }

    @Test func codesAreCaseAndSpaceInsensitive() {
        #expect(geo.localityTier(home: " w06000015", placement: "W06000015 ") == .inCounty)
    }

    @Test func unknownCodesFallBackToTheirPrefix() {
        #expect(geo.localityTier(home: "W06000015", placement: "E07000999") == .elsewhereInEngland)
        #expect(geo.localityTier(home: "W06000015", placement: "S12000999") == .outsideEnglandAndWales)
        #expect(geo.localityTier(home: "W06000015", placement: "X99") == .outsideEnglandAndWales)
        #expect(geo.localityTier(home: "W06000015", placement: "") == .outsideEnglandAndWales)
    }

    @Test func orderFollowsRegulation() {
        #expect(LocalityTier.allCases == LocalityTier.allCases.sorted())
        #expect(LocalityTier.inCounty < .borderingWelsh)
        #expect(LocalityTier.borderingEnglish < .otherWelsh)
        #expect(LocalityTier.elsewhereInEngland < .outsideEnglandAndWales)
        #expect(!LocalityTier.inCounty.isOutOfArea)
        #expect(LocalityTier.allCases.dropFirst().allSatisfy { $0.isOutOfArea })
        #expect(Set(LocalityTier.allCases.map(\.label)).count == LocalityTier.allCases.count)
        #expect(LocalityTier.borderingWelsh.label == "bordering Welsh LA")
    }
}
