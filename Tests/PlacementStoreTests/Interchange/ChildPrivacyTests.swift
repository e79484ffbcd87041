import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

@Suite("Children's rows keep personal values out of errors")
struct ChildPrivacyTests {
    /// children.csv with CH-001 (Gwenllïan Rhys, born 2012-03-14) edited by `edit` on its text.
    func broken(_ from: String, _ to: String) throws -> ImportError? {
        let text = try exampleText("children.csv")
        let row = try #require(text.split(separator: "\n").first { $0.hasPrefix("CH-001,") }.map(String.init))
        let edited = row.replacingOccurrences(of: from, with: to)
        #expect(edited != row)
        let data = Data(text.replacingOccurrences(of: row, with: edited).utf8)
        return importError { _ = try Interchange.readChildren(data, file: "children.csv", today: exampleToday) }
    }

    let personal = ["Gwenllïan", "Rhys", "2012-03-14", "CF24 4HQ", "CF14 3UZ", "CF10 1EP", "CH-001"]

    func expectNoPersonalValues(_ error: ImportError?, column: String, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let error else { Issue.record("expected an error", sourceLocation: sourceLocation); return }
        #expect(error.line == 2, sourceLocation: sourceLocation)
        #expect(error.column == column, sourceLocation: sourceLocation)
        for value in personal {
            #expect(!error.description.contains(value), "\(error) shows \(value)", sourceLocation: sourceLocation)
        }
    }

    @Test func badGender() throws {
        expectNoPersonalValues(try broken(",female,", ",Gwenllïan Rhys,"), column: "gender")
    }

    @Test func badDateOfBirth() throws {
        expectNoPersonalValues(try broken("2012-03-14", "2012-03-14x"), column: "date_of_birth")
        expectNoPersonalValues(try broken("2012-03-14", "2026-03-14"), column: "date_of_birth")   // in the future
    }

    @Test func badPostcodesAndLists() throws {
        expectNoPersonalValues(try broken("CF24 4HQ", "CF24 Rhys"), column: "home_postcode")
        expectNoPersonalValues(try broken("CF10 1EP:2", "CF10 1EP:Gwenllïan"), column: "avoid_areas")
        expectNoPersonalValues(try broken("TRM:essential", "Gwenllïan:essential"), column: "needs")
        expectNoPersonalValues(try broken("TRM:essential", "TRM:Rhys"), column: "needs")
        expectNoPersonalValues(try broken("foster;kinship", "foster;Gwenllïan"), column: "settings")
    }

    @Test func duplicateChildID() throws {
        let text = try exampleText("children.csv").replacingOccurrences(of: "CH-002,Dafydd", with: "CH-001,Dafydd")
        let error = importError { _ = try Interchange.readChildren(Data(text.utf8), file: "children.csv", today: exampleToday) }
        #expect(error?.line == 3 && error?.column == "id")
        #expect(error.map { !$0.description.contains("CH-001") && !$0.description.contains("Dafydd") } == true)
    }

    @Test func jsonChildErrorsDoNotEchoValues() throws {
        var json = Interchange.json(trickyChildren)
        json = json.replacingOccurrences(of: "\"male\"", with: "\"Rhodri\"")
        let error = importError { _ = try Interchange.read(json: Data(json.utf8), as: [Child].self, file: "c.json", today: exampleToday) }
        #expect(error?.column == "gender")
        #expect(error.map { !$0.description.contains("Rhodri") } == true)
    }
}
