import Foundation
import PlacementCore

/// One Header row of an SSDA903 return.
struct SSDA903Child: Sendable {
    let id: String
    let gender: Gender
    let dateOfBirth: Day
    let line: Int
    /// Columns holding something Placefinder has nowhere to keep (ETHNIC, UPN, MOTHER, MC_DOB).
    let unheld: [String]
}

/// One Episodes row, its codes checked against the 903 lists.
struct SSDA903Episode: Sendable {
    let child: String
    let start: Day
    let rne: String
    let legalStatus: (status: LegalStatus, exact: Bool)
    let hasCIN: Bool
    let place: (type: PlacementType, exact: Bool)
    let providerCode: String
    let end: Day?
    let rec: String?
    let reason: EndReason?
    let homePostcode: String?
    let placePostcode: String?
    let urn: String?
    let line: Int
}

/// The three files of a return as read: every row checked, nothing written yet.
struct SSDA903Return: Sendable {
    var children: [SSDA903Child] = []
    var episodes: [SSDA903Episode] = []
    /// UASC rows (their DUC, date UASC ceased, has no place in Placefinder).
    var uascRows = 0
}

/// Reads the DfE's CSV layout. Column names are matched without regard to case; errors name the file,
/// the line and the column as 903 spells it (DECOM, REC…), never a child's value.
enum SSDA903Reader {
    static let headerLayout = FileLayout(columns: SSDA903Files.headerColumns.map {
        ColumnSpec($0.lowercased(), required: true)
    }, personal: true)
    static let episodesLayout = FileLayout(columns: SSDA903Files.episodeColumns.map {
        ColumnSpec($0.lowercased(), required: ["CHILD", "DECOM", "RNE", "LS", "PLACE", "DEC", "REC"].contains($0))
    }, personal: true)
    static let uascLayout = FileLayout(columns: ["child", "sex", "dob", "duc"].map { ColumnSpec($0, required: $0 == "child") },
                                       personal: true)

    static func read(header: Data, headerFile: String, episodes: Data, episodesFile: String,
                     uasc: Data?, uascFile: String?) throws(ImportError) -> SSDA903Return {
        do {
            return try readFiles(header: header, headerFile: headerFile, episodes: episodes, episodesFile: episodesFile,
                                 uasc: uasc, uascFile: uascFile)
        } catch {
            // The shared reader names columns as it matched them (lower case); 903 spells them in capitals.
            let known = Set(SSDA903Files.headerColumns + SSDA903Files.episodeColumns + ["DUC"])
            guard let column = error.column, known.contains(column.uppercased()) else { throw error }
            throw ImportError(file: error.file, line: error.line, column: column.uppercased(), message: error.message)
        }
    }

    private static func readFiles(header: Data, headerFile: String, episodes: Data, episodesFile: String,
                                  uasc: Data?, uascFile: String?) throws(ImportError) -> SSDA903Return {
        var result = SSDA903Return()
        var seen: [String: Int] = [:]
        try readChecked(header, file: headerFile, schema: headerLayout) { (r: CSVRecord) throws(ImportError) in
            let child = try readChild(r)
            if let first = seen[child.id] {
                throw fail(r, "child", "this child is already on line \(first); one header row per child")
            }
            seen[child.id] = r.line
            result.children.append(child)
        }
        try readChecked(episodes, file: episodesFile, schema: episodesLayout) { (r: CSVRecord) throws(ImportError) in
            let episode = try readEpisode(r)
            if seen[episode.child] == nil { throw fail(r, "child", "has no row in the header file") }
            result.episodes.append(episode)
        }
        if let uasc, let uascFile {
            try readChecked(uasc, file: uascFile, schema: uascLayout) { (r: CSVRecord) throws(ImportError) in
                let id = try required(r, "child")
                if seen[id] == nil { throw fail(r, "child", "has no row in the header file") }
                if let raw = r.optional("duc"), SSDA903.day(raw) == nil { throw fail(r, "duc", "is not a date written DD/MM/YYYY") }
                result.uascRows += 1
            }
        }
        return result
    }

    /// Every row through `body`, refusing NUL bytes, and then checking that the reader delivered as many rows as
    /// the file's bytes hold (`RowCensus`), so a stray quote cannot swallow episodes silently.
    static func readChecked(_ data: Data, file: String, schema: FileLayout,
                            _ body: (CSVRecord) throws(ImportError) -> Void) throws(ImportError) {
        var lines: [Int] = []
        try readRecords(data, file: file, schema: schema) { (r: CSVRecord) throws(ImportError) in
            if let i = r.fields.firstIndex(where: containsNUL) {
                throw r.fail(r.header.columnName(i).uppercased(), "holds a NUL byte; refused (is the file binary or damaged?)")
            }
            try body(r)
            lines.append(r.line)
        }
        let census = RowCensus(data)
        if lines.count != census.dataRowLines.count {
            let unread = census.dataRowLines.first { !lines.contains($0) } ?? census.dataRowLines.last ?? 1
            throw ImportError(file: file, line: unread,
                              message: "the file holds \(census.dataRowLines.count) rows but \(lines.count) were read; nothing was imported")
        }
    }

    static func fail(_ r: CSVRecord, _ column: String, _ message: String) -> ImportError {
        r.fail(column.uppercased(), message)
    }

    static func required(_ r: CSVRecord, _ column: String) throws(ImportError) -> String {
        guard let value = r.optional(column) else { throw fail(r, column, "is required but empty") }
        return value
    }

    static func date(_ r: CSVRecord, _ column: String) throws(ImportError) -> Day? {
        guard let raw = r.optional(column) else { return nil }
        guard let day = SSDA903.day(raw) else { throw fail(r, column, "is not a date written DD/MM/YYYY") }
        return day
    }

    static func code(_ r: CSVRecord, _ column: String) -> String? { r.optional(column)?.uppercased() }

    static func readChild(_ r: CSVRecord) throws(ImportError) -> SSDA903Child {
        let id = try required(r, "child")
        let sex = try required(r, "sex").uppercased()
        guard let gender = SSDA903.gender(sexCode: sex) else { throw fail(r, "sex", "must be M, F or U") }
        guard let dob = try date(r, "dob") else { throw fail(r, "dob", "is required but empty") }
        let unheld = ["ethnic", "upn", "mother", "mc_dob"].filter { r.optional($0) != nil }.map { $0.uppercased() }
        return SSDA903Child(id: id, gender: gender, dateOfBirth: dob, line: r.line, unheld: unheld)
    }

    static func readEpisode(_ r: CSVRecord) throws(ImportError) -> SSDA903Episode {
        let child = try required(r, "child")
        guard let start = try date(r, "decom") else { throw fail(r, "decom", "is required but empty") }
        let rne = try required(r, "rne").uppercased()
        guard SSDA903.reasonsForNewEpisode.contains(rne) else { throw fail(r, "rne", "must be S, L, P, T, U or B") }
        let lsCode = try required(r, "ls").uppercased()
        guard let legal = SSDA903.legalStatus(code: lsCode) else { throw fail(r, "ls", "is not an SSDA903 legal status code (C1, C2, V2…)") }
        let placeCode = try required(r, "place").uppercased()
        guard let place = SSDA903.placementType(code: placeCode) else { throw fail(r, "place", "is not an SSDA903 placement type code (U1…U6, K2…)") }
        let providerCode = code(r, "place_provider") ?? ""
        if !providerCode.isEmpty && SSDA903.sector(providerCode: providerCode) == nil {
            throw fail(r, "place_provider", "must be PR0, PR1, PR2, PR3, PR4 or PR5")
        }
        let end = try date(r, "dec")
        if let end, end < start { throw fail(r, "dec", "is before DECOM") }
        let rec = code(r, "rec")
        switch (end, rec) {
        case (nil, nil): break
        case (nil, _?): throw fail(r, "rec", "is recorded but DEC is empty")
        case (_?, nil): throw fail(r, "rec", "is required when DEC is recorded")
        case (_?, let rec?):
            if rec != "X1" && !SSDA903.careEndingCodes.contains(rec) { throw fail(r, "rec", "is not an SSDA903 reason episode ceased (X1, E11…E9)") }
        }
        var reason: EndReason?
        if let raw = code(r, "reason_place_change") {
            guard let value = EndReason(rawValue: raw) else { throw fail(r, "reason_place_change", "is not an SSDA903 reason for placement change (CARPL, CREQB…)") }
            guard rec == "X1" else { throw fail(r, "reason_place_change", "is recorded but REC is not X1") }
            reason = value
        }
        let home = try postcode(r, "home_post"), placed = try postcode(r, "pl_post")
        let urn = code(r, "urn").flatMap { $0 == "XXXXXXX" ? nil : $0 }
        return SSDA903Episode(child: child, start: start, rne: rne, legalStatus: legal, hasCIN: r.optional("cin") != nil,
                              place: place, providerCode: providerCode, end: end, rec: rec, reason: reason,
                              homePostcode: home, placePostcode: placed, urn: urn, line: r.line)
    }

    static func postcode(_ r: CSVRecord, _ column: String) throws(ImportError) -> String? {
        guard let raw = r.optional(column) else { return nil }
        guard let value = normalisedPostcode(raw) else { throw fail(r, column, "is not a UK postcode written like CF10 1AA") }
        return value
    }
}
