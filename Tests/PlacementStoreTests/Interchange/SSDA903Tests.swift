import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

/// A hand-made SSDA903 return with each kind of episode: a change of placement, a change of placement with
/// the same carers, a change of legal status only, and endings of each REC family (X1 and E…).
@Suite("SSDA903 import and export")
struct SSDA903Tests {
    /// fixtures/examples/ssda903/: the return documented in docs/data-format.md.
    static func example(_ name: String) -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        return (try? String(contentsOf: root.appendingPathComponent("fixtures/examples/ssda903/\(name)"), encoding: .utf8)) ?? ""
    }

    static let header = example("header.csv")
    static let episodes = example("episodes.csv")

    struct Files {
        let folder: TempFolder
        let store: PlacementDatabase
        func write(_ name: String, _ text: String) throws -> URL {
            let url = URL(fileURLWithPath: folder.file(name))
            try Data(text.utf8).write(to: url)
            return url
        }
        func importReturn(header: String = SSDA903Tests.header, episodes: String = SSDA903Tests.episodes,
                          uasc: String? = nil) throws -> SSDA903ImportReport {
            try store.importSSDA903(header: try write("header.csv", header), episodes: try write("episodes.csv", episodes),
                                    uasc: try uasc.map { try write("uasc.csv", $0) }, authority: nil, user: "officer1",
                                    today: Day(iso: "2026-11-25")!)
        }
    }

    func files() throws -> Files {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insert(RecordBatch(providers: [Fixtures.provider()]))
        return Files(folder: folder, store: store)
    }

    @Test func eachEpisodeTypeBecomesPlacementsAndEndings() throws {
        let f = try files()
        let report = try f.importReturn(uasc: "CHILD,SEX,DOB,DUC\nB2,F,10/10/2010,10/10/2028\n")
        #expect(report.children == 3)
        #expect(report.childrenLeftCare == 4)   // adopted, independent living, special guardianship, other
        #expect(report.placements == 6)
        #expect(report.providersMatchedByURN == 1)
        #expect(report.notHeld["ETHNIC"] == 1 && report.notHeld["UPN"] == 1)
        #expect(report.notHeld["CIN (category of need)"] == 7)
        #expect(report.notHeld["legal status history (RNE L episodes: the child keeps the latest status)"] == 1)
        #expect(report.notHeld["UASC: date ceased to be unaccompanied (DUC)"] == 1)

        let children = Dictionary(uniqueKeysWithValues: try f.store.children().map { ($0.id, $0) })
        #expect(Set(children.keys) == ["A1", "B2", "D4"])
        let byChild = Dictionary(grouping: try f.store.placements(), by: \.childID).mapValues { $0.sorted { $0.start < $1.start } }

        // A change of placement ends the first (a breakdown, by its reason); a change of legal status only continues the second.
        let a = try #require(byChild["A1"])
        #expect(a.map(\.placementType) == [.U4, .K2])
        #expect(a[0].actualEnd == Day(iso: "2025-09-01") && a[0].endReason == .CREQB && a[0].ending == .breakdown)
        #expect(a[1].isOpen && a[1].providerID == "P1")
        #expect(children["A1"]?.legalStatus == .careOrder && children["A1"]?.status == .placed)
        #expect(children["A1"]?.givenName == "" && children["A1"]?.familyName == "A1")

        // The same carers (T): one provider; the last episode ended X1 with no next, so a placement is needed.
        let b = try #require(byChild["B2"])
        #expect(b.count == 2 && b[0].providerID == b[1].providerID && b[0].ending == .planned && b[1].ending == .breakdown)
        #expect(children["B2"]?.status == .needsPlacement && children["B2"]?.placingAuthority == "W06000002")   // LL57, Bangor: Gwynedd by its district

        // Returned home against the plan (E4B), then a new period of care.
        let d = try #require(byChild["D4"])
        #expect(d.count == 2 && d[0].ending == .breakdown && d[0].endReason == nil && d[1].isOpen)
    }

    @Test func exportSplitsEpisodesAndSaysHowEachEnded() throws {
        let f = try files()
        _ = try f.importReturn()
        let out = try f.store.exportSSDA903(year: CollectionYear(startYear: 2025), authority: nil, user: "officer1")
        let rows = out.episodes.split(separator: "\r\n").map(String.init)
        // Every episode carries the child's current legal status (C2): the history is not held.
        #expect(rows.contains("A1,01/06/2025,S,C2,,U4,PR4,01/09/2025,X1,CREQB,CF10 1AA,CF11 9XR,"))
        // Matched by its URN, the store's provider keeps its own postcode.
        #expect(rows.contains("A1,01/09/2025,P,C2,,K2,PR5,,,,CF10 1AA,CF10 1AA,"))
        #expect(rows.contains("B2,01/08/2025,T,V2,,U4,PR1,10/11/2025,X1,CREQO,LL57 1AA,LL57 2BB,"))
        // A gap before the next placement: the period of care ended, how is not held (E8); the next starts one (S).
        #expect(rows.contains("D4,01/02/2025,S,V2,,U4,PR4,01/05/2025,E8,,SA1 1AA,SA2 0AA,"))
        #expect(rows.contains("D4,01/07/2025,S,V2,,K2,PR4,,,,SA1 1AA,SA6 6AA,"))
        #expect(out.header.hasPrefix("CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\r\nA1,M,01/05/2012,,,,\r\n"))
        #expect(out.children == 3 && out.episodeCount == 6)
        // No placement open in 2023-24: no child in that year's return.
        #expect(try f.store.exportSSDA903(year: CollectionYear(startYear: 2023), authority: nil, user: "officer1").children == 0)
    }

    /// Each bad file names the file, the line and the 903 column, and writes nothing.
    @Test(arguments: [
        ("episodes.csv", "A1,01/06/2025,S", "A1,2025-06-01,S", 2, "DECOM"),
        ("episodes.csv", "01/07/2025,E8,,SA31", "01/07/2025,Z9,,SA31", 12, "REC"),
        ("episodes.csv", "B2,01/08/2025,T,V2", "B2,01/08/2025,Q,V2", 6, "RNE"),
        ("episodes.csv", "D4,01/07/2025,S,V2,N2,K2", "D4,01/07/2025,S,V2,N2,K9", 9, "PLACE"),
        ("episodes.csv", "C3,01/01/2025,S,E1", "X9,01/01/2025,S,E1", 7, "CHILD"),
        ("episodes.csv", ",PR4,01/09/2025,X1,CREQB", ",PR4,01/09/2025,X1,NOPE", 2, "REASON_PLACE_CHANGE"),
        ("episodes.csv", "LL57 1AA,LL57 2BB,\nC3", ",LL57 2BB,\nC3", 6, "HOME_POST"),
        ("header.csv", "G7,U,07/07/2013", "G7,X,07/07/2013", 8, "SEX"),
        ("header.csv", "A1,M,01/05/2012", "A1,M,01/05/2027", 2, "DOB"),
        ("episodes.csv", "A1,01/09/2025,P,C1", "A1,01/08/2025,P,C1", 3, "DECOM"),
        ("episodes.csv", "B2,01/04/2025,S,V2,N4,U6,PR1,01/08/2025,X1,CARPL", "B2,01/04/2025,S,V2,N4,U6,PR1,,,", 6, "DECOM"),
        ("header.csv", "B2,F,10/10/2010", "A1,F,10/10/2010", 3, "CHILD"),
    ])
    func badInputNamesFileLineAndColumn(file: String, find: String, replace: String, line: Int, column: String) throws {
        let f = try files()
        let header = file == "header.csv" ? Self.header.replacingOccurrences(of: find, with: replace) : Self.header
        let episodes = file == "episodes.csv" ? Self.episodes.replacingOccurrences(of: find, with: replace) : Self.episodes
        #expect(header != Self.header || episodes != Self.episodes)
        do {
            _ = try f.importReturn(header: header, episodes: episodes)
            Issue.record("imported a bad \(file)")
        } catch let error as ImportError {
            #expect(error.file.hasSuffix(file))
            #expect(error.line == line)
            #expect(error.column == column)
        }
        #expect(try f.store.children().isEmpty && f.store.placements().isEmpty && f.store.providers().count == 1)
    }

    @Test func aMissingColumnIsNamed() throws {
        let f = try files()
        let episodes = Self.episodes.replacingOccurrences(of: ",DEC,REC,", with: ",DEC,RECX,")
        #expect(throws: ImportError(file: f.folder.file("episodes.csv"), line: 1, column: "REC",
                                    message: "required column is missing from the header")) {
            _ = try f.importReturn(episodes: episodes)
        }
    }

    @Test func aNulByteOrAnUnclosedQuoteIsRefused() throws {
        let f = try files()
        let nul = Self.episodes.replacingOccurrences(of: "N4,U6", with: "N4\u{0},U6")
        #expect(throws: ImportError(file: f.folder.file("episodes.csv"), line: 5, column: "CIN",
                                    message: "holds a NUL byte; refused (is the file binary or damaged?)")) {
            _ = try f.importReturn(episodes: nul)
        }
        let quote = Self.episodes.replacingOccurrences(of: "B2,01/04/2025,S", with: "B2,\"01/04/2025,S")
        #expect(throws: ImportError.self) { _ = try f.importReturn(episodes: quote) }
        #expect(try f.store.children().isEmpty)
    }

    @Test func aChildAlreadyStoredStopsTheWholeImport() throws {
        let f = try files()
        try f.store.insert(RecordBatch(children: [Fixtures.plainChild("D4")]))
        #expect(throws: ImportError.self) { _ = try f.importReturn() }
        #expect(try f.store.children().map(\.id) == ["D4"])
        #expect(try f.store.placements().isEmpty && f.store.providers().count == 1)
    }

    @Test func datesAndYears() {
        #expect(SSDA903.day("29/02/2024") == Day(iso: "2024-02-29"))
        #expect(SSDA903.day("30/02/2024") == nil && SSDA903.day("2024-02-01") == nil)
        #expect(SSDA903.date(Day(iso: "2026-04-01")!) == "01/04/2026")
        #expect(CollectionYear(containing: Day(iso: "2027-03-31")!).startYear == 2026)
        #expect(CollectionYear(containing: Day(iso: "2026-04-01")!).startYear == 2026)
    }
}
