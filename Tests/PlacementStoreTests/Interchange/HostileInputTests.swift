import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

/// Files built to hurt: an unterminated quote, spreadsheet formulas, numbers that overflow, NUL bytes.
@Suite("Hostile input")
struct HostileInputTests {
    /// providers.csv with five data rows; `edit` changes the whole text.
    func fiveProviders(_ edit: (String) -> String = { $0 }) -> Data {
        let rows = (1...5).map { "PRV-\($0),Home \($0),third_sector,,CIW,SIN-\($0),childrens_home,CF10 1EP,W06000015,,,,,,p\($0)@example.org" }
        return Data(edit(([RecordKind.providers.columns.joined(separator: ",")] + rows).joined(separator: "\n") + "\n").utf8)
    }

    // MARK: rows read against rows in the file

    @Test func unterminatedQuoteInAFiveRowFileIsAnErrorNotTwoRows() {
        // The quote opens the last field of row 3 and never closes: CSV.swift reads rows 3–5 as one
        // row whose e-mail holds the rest of the file. Before the row census this imported quietly.
        let data = fiveProviders { $0.replacingOccurrences(of: ",p3@", with: ",\"p3@") }
        let error = importError { _ = try Interchange.readProviders(data, file: "providers.csv") }
        #expect(error?.line == 4)
        #expect(error?.column == "contact_email")
        #expect(error?.message.contains("never closed") == true)
    }

    @Test func censusCountsRowsNotLines() {
        // A quoted line break, a doubled quote, CRLF ends, a blank spreadsheet row and a BOM.
        let text = "\u{FEFF}id,name\r\nA,\"two\r\nlines\"\r\n,,\r\nB,\"say \"\"hi\"\"\"\r\nC,x"
        let census = RowCensus(Data(text.utf8))
        #expect(census.dataRowLines == [2, 5, 6])
        #expect(census.dataLines == 4)
    }

    @Test func tallySaysRowsAndLines() throws {
        let result = try readAllWithLines(fiveProviders(), file: "p.csv", schema: ProviderFormat.schema, id: \.id,
                                          check: RecordChecks.provider, parse: ProviderFormat.parse)
        #expect(result.tally == ReadTally(rows: 5, dataLines: 5))
        #expect(ImportReport(imported: 5, rowsRead: 5, dataLines: 5).summary == "5 rows read from 5 lines, 5 imported")
    }

    // MARK: formula cells

    @Test func formulaCellsAreNeutralisedOnExportAndRestoredOnImport() throws {
        var provider = trickyProviders[0]
        provider.name = "=HYPERLINK(\"http://x.example\",\"click\")"
        provider.contact = ContactDetails(name: "@SUM(A1)", phone: "+44 29 2000 0000", email: "-2+3")
        let csv = Interchange.csv(providers: [provider])
        let row = csv.split(separator: "\r\n")[1]
        #expect(row.contains("\"'=HYPERLINK("))
        #expect(row.contains(",'@SUM(A1),'+44 29 2000 0000,'-2+3"))
        #expect(try Interchange.readProviders(Data(csv.utf8), file: "p.csv") == [provider])
        let raw = Interchange.csv(providers: [provider], formulas: .raw)
        #expect(raw.split(separator: "\r\n")[1].contains(",@SUM(A1),+44 29 2000 0000,-2+3"))
    }

    @Test func negativeAndSignedNumbersAreNotQuoted() {
        for number in ["-3.5", "+2", "-0", "-1e3"] { #expect(FormulaCells.neutralise(number) == number) }
        #expect(FormulaCells.neutralise("-1+cmd|' /C calc'!A0") == "'-1+cmd|' /C calc'!A0")
    }

    /// Every string of up to four characters over an alphabet of the awkward ones: export then
    /// import is the identity, and import leaves alone every cell export would not have written.
    @Test func neutraliseThenRestoreIsExactForEveryShortString() {
        let alphabet: [String] = ["'", "=", "-", "+", "@", "1", "a", "\t", "."]
        var strings = [""]
        var frontier = [""]
        for _ in 1...4 {
            frontier = frontier.flatMap { s in alphabet.map { s + $0 } }
            strings += frontier
        }
        var wrong: [String] = []
        for s in strings {
            if FormulaCells.restore(FormulaCells.neutralise(s)) != s { wrong.append(s) }
            // A cell export leaves alone must import unchanged.
            if FormulaCells.neutralise(s) == s && FormulaCells.restore(s) != s { wrong.append(s) }
        }
        #expect(wrong.isEmpty, "\(wrong.prefix(5))")
        #expect(FormulaCells.restore("'Tis") == "'Tis")
    }

    // MARK: numbers out of range and NUL bytes

    func placements(miles: String = "3.2", notice: String = "20") -> Data {
        Data("""
            id,child_id,provider_id,vacancy_id,start,planned_end,actual_end,end_reason,notice_hours,ending,placement_type,locality_tier,miles_from_home
            PL-1,CH-1,PRV-1,,2023-04-03,,2025-08-29,CREQB,\(notice),breakdown,K2,0,\(miles)

            """.utf8)
    }

    @Test func milesFromHomeOf1e308IsRefusedAtImport() {
        let error = importError { _ = try Interchange.readPlacements(placements(miles: "1e308"), file: "pl.csv") }
        #expect(error?.line == 2 && error?.column == "miles_from_home")
        #expect(error?.message.contains("0–1000") == true)
        #expect(importError { _ = try Interchange.readPlacements(placements(notice: "9000"), file: "pl.csv") }?.column == "notice_hours")
        #expect(importError { _ = try Interchange.readPlacements(placements(), file: "pl.csv") } == nil)
    }

    @Test func milesOutOfRangeIsRefusedInJSONToo() throws {
        var placement = trickyPlacements[1]
        placement.milesFromHome = 1e308
        let json = Interchange.json([placement])
        let error = importError { _ = try Interchange.read(json: Data(json.utf8), as: [Placement].self, file: "pl.json") }
        #expect(error?.column == "miles_from_home")
    }

    @Test func vacancyNumbersHaveRanges() throws {
        let base = trickyVacancies[1]
        var beds = base; beds.beds = 51
        var fee = base; fee.weeklyFee = 50_001
        var siblings = base; siblings.maxSiblingGroup = 13
        #expect(beds.issues().map(\.field) == ["beds"])
        #expect(fee.issues().map(\.field) == ["weekly_fee"])
        #expect(siblings.issues().map(\.field) == ["max_sibling_group"])
        #expect(base.issues().isEmpty)
        let csv = Interchange.csv(vacancies: [beds], formulas: .raw)
        #expect(importError { _ = try Interchange.readVacancies(Data(csv.utf8), file: "v.csv") }?.column == "beds")
    }

    @Test func childDistancesHaveRanges() {
        var child = trickyChildren[0]
        child.safeguarding.minimumMilesFromHome = 501
        #expect(child.issues(today: exampleToday).map(\.field) == ["min_miles_from_home"])
        child.safeguarding.minimumMilesFromHome = 10
        child.safeguarding.avoidAreas = [AvoidArea(postcode: "CF10 1EP", radiusMiles: 101)]
        #expect(child.issues(today: exampleToday).map(\.field) == ["avoid_areas"])
    }

    @Test func holdsLapsingMoreThanFourteenDaysAheadAreRefusedOnImport() {
        let vacancy = trickyVacancies[0]   // hold expires the day after sampleNow (2025-09-03)
        let csv = Data(Interchange.csv(vacancies: [vacancy]).utf8)
        #expect(importError { _ = try Interchange.readVacancies(csv, file: "v.csv", today: Day(iso: "2025-09-02")!) } == nil)
        let error = importError { _ = try Interchange.readVacancies(csv, file: "v.csv", today: Day(iso: "2025-08-19")!) }
        #expect(error?.column == "hold_expires_at")
    }

    @Test func nulBytesAreRefusedNotTruncated() {
        let data = fiveProviders { $0.replacingOccurrences(of: "Home 2", with: "Home\u{0}2") }
        let error = importError { _ = try Interchange.readProviders(data, file: "providers.csv") }
        #expect(error?.line == 3 && error?.column == "name")
        #expect(error?.message.contains("NUL") == true)
        var provider = trickyProviders[0]
        provider.name = "Cartref\u{0}hidden"
        let json = Interchange.json([provider])
        #expect(importError { _ = try Interchange.read(json: Data(json.utf8), as: [Provider].self, file: "p.json") }?.message.contains("NUL") == true)
        #expect(provider.issues().map(\.field) == ["name"])
    }
}
