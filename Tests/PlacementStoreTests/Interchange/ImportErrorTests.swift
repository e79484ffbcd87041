import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

@Suite("Import errors")
struct ImportErrorTests {
    /// vacancies.csv with row `n` (1-based data row) edited.
    func vacancies(editing n: Int, _ edit: (inout [String]) -> Void) throws -> Data {
        var lines = try exampleText("vacancies.csv").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map(String.init)
        var fields = lines[n].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        precondition(fields.count == header.count, "example row \(n) has quoted commas; pick another")
        edit(&fields)
        lines[n] = fields.joined(separator: ",")
        return Data(lines.joined(separator: "\n").utf8)
    }

    func set(_ column: String, _ value: String) -> (inout [String]) -> Void {
        { row in row[RecordKind.vacancies.columns.firstIndex(of: column)!] = value }
    }

    @Test func reversedAgeRangeNamesLineColumnAndBothAges() throws {
        let data = try vacancies(editing: 3) { row in
            self.set("age_min", "5")(&row)
            self.set("age_max", "3")(&row)
        }
        let error = try #require(importError { _ = try Interchange.readVacancies(data, file: "/tmp/in/vacancies.csv") })
        #expect(error.line == 4)
        #expect(error.column == "age_max")
        #expect(error.description == "vacancies.csv line 4, column age_max: 3 is below age_min 5")
    }

    @Test func negativeBeds() throws {
        let data = try vacancies(editing: 2, set("beds", "-1"))
        let error = try #require(importError { _ = try Interchange.readVacancies(data, file: "vacancies.csv") })
        #expect(error.line == 3 && error.column == "beds")
        #expect(error.message.contains("negative"))
    }

    @Test func impossibleDate() throws {
        let data = try vacancies(editing: 5, set("available_from", "2025-02-30"))
        let error = try #require(importError { _ = try Interchange.readVacancies(data, file: "vacancies.csv") })
        #expect(error.line == 6 && error.column == "available_from")
        #expect(error.message.contains("not a valid date"))
        // Timestamps are held to the same calendar.
        let stamp = try vacancies(editing: 1, set("last_confirmed_at", "2025-02-30T10:00:00Z"))
        let stampError = try #require(importError { _ = try Interchange.readVacancies(stamp, file: "vacancies.csv") })
        #expect(stampError.line == 2 && stampError.column == "last_confirmed_at")
        let noOffset = try vacancies(editing: 1, set("last_confirmed_at", "2025-08-28T09:30:00"))
        #expect(importError { _ = try Interchange.readVacancies(noOffset, file: "vacancies.csv") }?.column == "last_confirmed_at")
    }

    @Test func unknownEnumValue() throws {
        let data = try vacancies(editing: 2, set("setting", "boarding_school"))
        let error = try #require(importError { _ = try Interchange.readVacancies(data, file: "vacancies.csv") })
        #expect(error.line == 3 && error.column == "setting")
        #expect(error.message.contains("boarding_school") && error.message.contains("residential, foster"))
        let gender = try vacancies(editing: 1, set("genders", "female;boys"))
        let genderError = try #require(importError { _ = try Interchange.readVacancies(gender, file: "vacancies.csv") })
        #expect(genderError.column == "genders" && genderError.message.contains("item 2"))
    }

    @Test func unknownNeedCode() throws {
        let data = try vacancies(editing: 1, set("capabilities", "MH;XYZ"))
        let error = try #require(importError { _ = try Interchange.readVacancies(data, file: "vacancies.csv") })
        #expect(error.line == 2 && error.column == "capabilities")
        #expect(error.message.contains("XYZ") && error.message.contains("need code"))
        let providers = providersCSV(["capabilities": "AUT;NOPE"])
        #expect(importError { _ = try Interchange.readProviders(providers, file: "providers.csv") }?.column == "capabilities")
    }

    @Test func duplicateID() throws {
        let data = try vacancies(editing: 4, set("id", "VAC-002"))
        let error = try #require(importError { _ = try Interchange.readVacancies(data, file: "vacancies.csv") })
        #expect(error.line == 5 && error.column == "id")
        #expect(error.message.contains("line 3"))
    }

    @Test func missingRequiredColumn() throws {
        let text = try exampleText("vacancies.csv").replacingOccurrences(of: ",weekly_fee,", with: ",fee,")
        let error = try #require(importError { _ = try Interchange.readVacancies(Data(text.utf8), file: "vacancies.csv") })
        #expect(error == ImportError(file: "vacancies.csv", line: 1, column: "weekly_fee",
                                     message: "required column is missing from the header"))
    }

    @Test func missingRequiredValueAndBadNumber() throws {
        let empty = try vacancies(editing: 1, set("beds", ""))
        #expect(importError { _ = try Interchange.readVacancies(empty, file: "v.csv") }?.message == "is required but empty")
        let words = try vacancies(editing: 1, set("weekly_fee", "lots"))
        let error = importError { _ = try Interchange.readVacancies(words, file: "v.csv") }
        #expect(error?.column == "weekly_fee" && error?.message.contains("whole number") == true)
    }

    @Test func inspectionsComeWholeAndOnTheirRegulatorsScale() throws {
        let read = try Interchange.readProviders(providersCSV(["inspection_date": "2025-06-12", "inspection_rating": "good"]), file: "p.csv")
        #expect(read.first?.inspection == Inspection(date: Day(iso: "2025-06-12")!, rating: .good))
        let ofstedWord = importError {
            _ = try Interchange.readProviders(providersCSV(["inspection_date": "2025-06-12", "inspection_rating": "outstanding"]), file: "p.csv")
        }
        #expect(ofstedWord?.column == "inspection_rating" && ofstedWord?.line == 2)
        #expect(ofstedWord?.message == "outstanding is not a rating CIW publishes")
        let dateOnly = importError { _ = try Interchange.readProviders(providersCSV(["inspection_date": "2025-06-12"]), file: "p.csv") }
        #expect(dateOnly?.column == "inspection_rating")
        let ratingOnly = importError { _ = try Interchange.readProviders(providersCSV(["inspection_rating": "good"]), file: "p.csv") }
        #expect(ratingOnly?.column == "inspection_date")
        // JSON carries no columns to check as it reads: the record check refuses the same mismatch.
        var wrong = read[0]
        wrong.inspection = Inspection(date: Day(iso: "2025-06-12")!, rating: .inadequate)
        let json = importError { _ = try Interchange.read(json: Data(Interchange.json([wrong]).utf8), as: [Provider].self, file: "p.json") }
        #expect(json?.column == "inspection_rating")
    }

    @Test func badPostcodeAndAuthority() {
        let postcode = importError { _ = try Interchange.readProviders(providersCSV(["postcode": "CF99"]), file: "p.csv") }
        #expect(postcode?.column == "postcode" && postcode?.line == 2)
        let authority = importError { _ = try Interchange.readProviders(providersCSV(["authority_code": "W07000080"]), file: "p.csv") }
        #expect(authority?.column == "authority_code")
    }

    @Test func lineNumbersCountLinesInsideQuotedFields() {
        // Row 1 spans lines 2-4 (a name with two line breaks, one CRLF); row 2 is line 5 and bad.
        let data = providersCSV(["name": "\"Tŷ\nNewydd\r\nHome\""],
                                extraRows: ["PRV-T2,Other,third_sector,,CIW,SIN-2,boarding,CF10 1EP,W06000015,,,,,,"])
        let error = importError { _ = try Interchange.readProviders(data, file: "providers.csv") }
        #expect(error?.line == 5)
        #expect(error?.column == "service_type")
        #expect(error?.description == "providers.csv line 5, column service_type: \"boarding\" is not a known value; expected one of: childrens_home, fostering_agency, la_fostering, supported_lodgings, secure_home, short_breaks, parent_and_child")
    }

    @Test func blankRowsAreSkippedButCounted() {
        let data = providersCSV(extraRows: ["", ",,,", "PRV-T1,Dup,third_sector,,CIW,SIN-2,childrens_home,CF10 1EP,W06000015,,,,,,"])
        let error = importError { _ = try Interchange.readProviders(data, file: "providers.csv") }
        #expect(error?.line == 5 && error?.column == "id")
    }

    @Test func invalidUTF8IsAnErrorWithItsLine() {
        var data = providersCSV(extraRows: ["PRV-T2,Caf", "x"])
        // "Caf\xE9" (Latin-1 é) on line 3.
        let index = data.firstRange(of: Data("Caf".utf8))!.upperBound
        data.insert(0xE9, at: index)
        let error = importError { _ = try Interchange.readProviders(data, file: "providers.csv") }
        #expect(error?.line == 3)
        #expect(error?.message.contains("UTF-8") == true)
    }

    @Test func oversizedFieldIsRejected() {
        let data = providersCSV(["contact_name": String(repeating: "a", count: 10_001)])
        let error = importError { _ = try Interchange.readProviders(data, file: "providers.csv") }
        #expect(error?.line == 2 && error?.column == "contact_name")
        #expect(error?.message.contains("longer than 10000") == true)
        // An unclosed quote swallows the rest of the file into one field.
        let open = providersCSV(["name": "\"Unclosed" + String(repeating: "\nPRV,x,y", count: 2_000)])
        #expect(importError { _ = try Interchange.readProviders(open, file: "providers.csv") }?.column == "name")
    }

    @Test func emptyFileAndTooManyFields() {
        #expect(importError { _ = try Interchange.readProviders(Data(), file: "p.csv") }?.line == 1)
        let data = providersCSV(extraRows: ["PRV-T2,Other,third_sector,,CIW,SIN-2,childrens_home,CF10 1EP,W06000015,,,,,,,surplus"])
        #expect(importError { _ = try Interchange.readProviders(data, file: "p.csv") }?.line == 3)
    }

    @Test func placementRules() throws {
        let text = try exampleText("placements.csv")
        let ended = text.replacingOccurrences(of: "PL-001,CH-001,PRV-001,,2023-04-03,,2025-08-29,CREQB,20,breakdown",
                                              with: "PL-001,CH-001,PRV-001,,2023-04-03,,2022-08-29,CREQB,20,breakdown")
        let error = importError { _ = try Interchange.readPlacements(Data(ended.utf8), file: "placements.csv") }
        #expect(error?.line == 2 && error?.column == "actual_end")
        let tier = text.replacingOccurrences(of: "K2,4,58.5", with: "K2,7,58.5")
        #expect(importError { _ = try Interchange.readPlacements(Data(tier.utf8), file: "placements.csv") }?.column == "locality_tier")
    }

    @Test func jsonErrorsNameTheRecordLineAndField() throws {
        var json = Interchange.json(trickyPlacements)
        json = json.replacingOccurrences(of: "\"2025-01-01\"", with: "\"2025-02-30\"")
        let error = try #require(importError { _ = try Interchange.read(json: Data(json.utf8), as: [Placement].self, file: "p.json") })
        #expect(error.column == "start")
        // The second record starts at the second "  {" line of the pretty output.
        let lines = json.split(separator: "\n", omittingEmptySubsequences: false)
        let starts = lines.indices.filter { lines[$0] == "  {" }
        #expect(starts.count == 2)
        #expect(error.line == starts[1] + 1)
        #expect(error.message.hasPrefix("record 2"))
        let dup = Interchange.json([trickyPlacements[0], trickyPlacements[0]])
        #expect(importError { _ = try Interchange.read(json: Data(dup.utf8), as: [Placement].self, file: "p.json") }?.column == "id")
        #expect(importError { _ = try Interchange.read(json: Data("[{".utf8), as: [Placement].self, file: "p.json") } != nil)
    }
}
