import Foundation
import Testing
@testable import PlacementStore

/// A record's authority code decides its reg 12 rung, so import accepts the codes Placefinder can place
/// on the ladder (including an English district's E07… code) and names any other.
@Suite("Authority codes on import")
struct AuthorityCodeImportTests {
    func providers(authority: String) -> Data {
        let lines = try! String(contentsOf: packageRoot.appendingPathComponent("fixtures/examples/providers.csv"), encoding: .utf8)
            .split(separator: "\n").prefix(2).map(String.init)
        return Data((lines[0] + "\n" + lines[1].replacingOccurrences(of: ",W06000015,", with: ",\(authority),") + "\n").utf8)
    }

    @Test func aDistrictCodeOfABorderCountyIsAccepted() throws {
        let read = try Interchange.readProviders(providers(authority: "E07000080"), file: "providers.csv")
        #expect(read.first?.authorityCode == "E07000080")
    }

    @Test func anUnknownCodeIsNamedNotRankedByItsPrefix() {
        #expect(throws: ImportError(file: "providers.csv", line: 2, column: "authority_code",
                                    message: "E07000999 is not a local authority code Placefinder knows (add it to fixtures/geo)")) {
            try Interchange.readProviders(providers(authority: "E07000999"), file: "providers.csv")
        }
    }
}
