import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

@Suite("Example files")
struct ExampleFileTests {
    @Test func everyExampleFileParsesAndReferencesExist() throws {
        let providers = try Interchange.readProviders(try example("providers.csv"), file: "providers.csv")
        let vacancies = try Interchange.readVacancies(try example("vacancies.csv"), file: "vacancies.csv")
        let children = try Interchange.readChildren(try example("children.csv"), file: "children.csv", today: exampleToday)
        let placements = try Interchange.readPlacements(try example("placements.csv"), file: "placements.csv")
        var postcodes: [PostcodeRow] = []
        try Interchange.readPostcodes(packageRoot.appendingPathComponent("fixtures/examples/postcodes.csv")) { postcodes += $0 }

        #expect(providers.count == 6)
        #expect(vacancies.count == 7)
        #expect(children.count == 6)
        #expect(placements.count == 6)
        #expect(postcodes.count == 10)   // 12 rows: one terminated, one without coordinates

        let providerIDs = Set(providers.map(\.id)), childIDs = Set(children.map(\.id)), vacancyIDs = Set(vacancies.map(\.id))
        #expect(vacancies.allSatisfy { providerIDs.contains($0.providerID) })
        #expect(vacancies.compactMap(\.hold).allSatisfy { childIDs.contains($0.childID) })
        #expect(placements.allSatisfy { childIDs.contains($0.childID) && providerIDs.contains($0.providerID) })
        #expect(placements.compactMap(\.vacancyID).allSatisfy(vacancyIDs.contains))
        // Every postcode used by providers and children is in the sample directory.
        let known = Set(postcodes.map(\.postcode))
        #expect(providers.allSatisfy { known.contains($0.postcode) })
        #expect(children.allSatisfy { known.contains($0.homePostcode) })

        // Quoted comma and Welsh diacritics come through.
        #expect(providers.contains { $0.name == "Teulu, Tŷ a Chalon Fostering" })
        #expect(children.contains { $0.givenName == "Gwenllïan" })
        #expect(children.contains { $0.givenName == "Rhodri" && $0.familyName == "ap Gwŷn" })
        #expect(children.contains { $0.familyName == "Price, née O'Brien" })
        let ffion = try #require(children.first { $0.id == "CH-005" })
        #expect(ffion.safeguarding.avoidAreas == [AvoidArea(postcode: "NP20 4UR", radiusMiles: 10),
                                                  AvoidArea(postcode: "CF10 1EP", radiusMiles: 5)])
        #expect(ffion.needs.first == NeedRequirement(code: "CCE", level: .essential))
        #expect(ffion.urgency == .emergency)
        let held = try #require(vacancies.first { $0.id == "VAC-003" })
        #expect(held.hold?.officer == "a.bevan")
        #expect(held.lastConfirmedAt == Date(timeIntervalSince1970: 1_756_461_600))   // 2025-08-29T11:00:00+01:00
    }

    @Test func docsDescribeEveryColumn() throws {
        let docs = try String(contentsOf: packageRoot.appendingPathComponent("docs/data-format.md"), encoding: .utf8)
        for kind in RecordKind.allCases {
            #expect(docs.contains("## \(kind.fileName)") || docs.contains("`\(kind.fileName)`"), "\(kind.fileName)")
            for column in kind.columns {
                #expect(docs.contains("| `\(column)` |"), "\(kind.rawValue).\(column) not documented")
            }
        }
    }

    @Test func exampleHeadersAreInTheDocumentedOrder() throws {
        for kind in RecordKind.allCases where kind != .postcodes && kind.importable {
            let header = try exampleText(kind.fileName).split(separator: "\n").first.map(String.init)
            #expect(header == kind.columns.joined(separator: ","))
        }
    }
}
