import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

@Suite("Round trips")
struct InterchangeRoundTripTests {
    @Test func providersCSVAndJSON() throws {
        let examples = try Interchange.readProviders(try example("providers.csv"), file: "providers.csv")
        for values in [examples, trickyProviders] {
            let csv = Interchange.csv(providers: values)
            #expect(try Interchange.readProviders(Data(csv.utf8), file: "p.csv") == values)
            let json = Interchange.json(values)
            #expect(try Interchange.read(json: Data(json.utf8), as: [Provider].self, file: "p.json") == values)
        }
    }

    @Test func vacanciesCSVAndJSON() throws {
        let examples = try Interchange.readVacancies(try example("vacancies.csv"), file: "vacancies.csv")
        for values in [examples, trickyVacancies] {
            let csv = Interchange.csv(vacancies: values)
            #expect(try Interchange.readVacancies(Data(csv.utf8), file: "v.csv") == values)
            let json = Interchange.json(values)
            #expect(try Interchange.read(json: Data(json.utf8), as: [Vacancy].self, file: "v.json") == values)
        }
    }

    @Test func childrenCSVAndJSON() throws {
        let examples = try Interchange.readChildren(try example("children.csv"), file: "children.csv", today: exampleToday)
        for values in [examples, trickyChildren] {
            let csv = Interchange.csv(children: values)
            #expect(try Interchange.readChildren(Data(csv.utf8), file: "c.csv", today: exampleToday) == values)
            let json = Interchange.json(values)
            #expect(try Interchange.read(json: Data(json.utf8), as: [Child].self, file: "c.json", today: exampleToday) == values)
        }
    }

    @Test func placementsCSVAndJSON() throws {
        let examples = try Interchange.readPlacements(try example("placements.csv"), file: "placements.csv")
        for values in [examples, trickyPlacements] {
            let csv = Interchange.csv(placements: values)
            #expect(try Interchange.readPlacements(Data(csv.utf8), file: "pl.csv") == values)
            let json = Interchange.json(values)
            #expect(try Interchange.read(json: Data(json.utf8), as: [Placement].self, file: "pl.json") == values)
        }
    }

    @Test func postcodesCSV() throws {
        var rows: [PostcodeRow] = []
        try Interchange.readPostcodes(packageRoot.appendingPathComponent("fixtures/examples/postcodes.csv")) { rows += $0 }
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pc-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(at: url) }
        try Interchange.csv(postcodes: rows).write(to: url, atomically: true, encoding: .utf8)
        var again: [PostcodeRow] = []
        try Interchange.readPostcodes(url) { again += $0 }
        #expect(again == rows)
    }

    @Test func quotesCommasLineBreaksAndDiacriticsAreQuotedPerRFC4180() {
        let csv = Interchange.csv(providers: trickyProviders)
        #expect(csv.contains("\"Cartref \"\"Tŷ Gwyn\"\", Llanelli\""))
        #expect(csv.contains("\"Siân's Home,\nSecond line\""))
        #expect(csv.hasPrefix(RecordKind.providers.columns.joined(separator: ",") + "\r\n"))
        #expect(csv.hasSuffix("\r\n"))
    }

    @Test func authorityNameHookFillsTheNameColumnAndImportIgnoresIt() throws {
        let csv = Interchange.csv(providers: trickyProviders) { $0 == "W06000010" ? "Carmarthenshire, Sir Gâr" : nil }
        #expect(csv.contains(",W06000010,\"Carmarthenshire, Sir Gâr\","))
        #expect(try Interchange.readProviders(Data(csv.utf8), file: "p.csv") == trickyProviders)
    }

    @Test func jsonIsPrettySortedWithISODates() {
        let json = Interchange.json(trickyPlacements)
        #expect(json.contains("\"start\" : \"2024-02-29\""))
        let vacancies = Interchange.json(trickyVacancies)
        #expect(vacancies.contains("\"lastConfirmedAt\" : \"2025-09-02T08:00:00Z\""))
        let keys = json.split(separator: "\n").filter { $0.hasPrefix("    \"") }.prefix(4).map { String($0) }
        #expect(keys == keys.sorted())
    }

    @Test func columnsAreFoundByNameInAnyOrderAndExtrasIgnored() throws {
        let csv = """
        Notes,Service_Type, postcode ,id,name,sector,registration_number,authority_code,Extra
        "free text, ignored",fostering_agency,sa1 3sn,P-9,Cwmni Maethu,third_sector,SIN-7,w06000011,x\r
        """
        let providers = try Interchange.readProviders(Data(csv.utf8), file: "p.csv")
        #expect(providers == [Provider(id: "P-9", name: "Cwmni Maethu", sector: .thirdSector, registrationNumber: "SIN-7",
                                       serviceType: .fosteringAgency, postcode: "SA1 3SN", authorityCode: "W06000011")])
    }

    @Test func postcodeAndAuthorityChecks() {
        #expect(normalisedPostcode("cf101aa") == "CF10 1AA")
        #expect(normalisedPostcode(" sa1  3sn ") == "SA1 3SN")
        #expect(normalisedPostcode("W1A 1AA") == "W1A 1AA")
        #expect(normalisedPostcode("EC1A 1BB") == "EC1A 1BB")
        #expect(normalisedPostcode("CF10") == nil)
        #expect(normalisedPostcode("12345") == nil)
        #expect(normalisedPostcode("CF10 1A1") == nil)
        #expect(isAuthorityCode("W06000015"))
        #expect(isAuthorityCode("E06000019") && isAuthorityCode("E10000034") && isAuthorityCode("S12000033") && isAuthorityCode("N09000003"))
        #expect(!isAuthorityCode("W06000015 ") && !isAuthorityCode("W05000015") && !isAuthorityCode("E01000001") && !isAuthorityCode("W0600001"))
    }
}
