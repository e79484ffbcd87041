import Foundation
import GRDB
import PlacementCore

/// What an SSDA903 import did, and every field it read that Placefinder has no place for.
public struct SSDA903ImportReport: Sendable, Equatable {
    public var children = 0
    public var placements = 0
    public var providersMatchedByURN = 0
    public var providersMatchedByPostcode = 0
    public var providersCreated = 0
    /// Children whose period of care ended (REC E…) with no later episode: not children Placefinder places.
    public var childrenLeftCare = 0
    /// What was read but not kept (or kept only approximately), with how many rows held it.
    public var notHeld: [String: Int] = [:]

    /// The summary the command prints, one line each; the unheld fields sorted by name.
    public var lines: [String] { lines(.en) }

    /// The summary in `language` (`cli.ssda903.*`; what was not held is said by its catalogue phrase).
    public func lines(_ language: Language) -> [String] {
        var out = [Message.cliSsda903Imported.text(language, ["children": String(children), "placements": String(placements)]),
                   Message.cliSsda903Providers.text(language, ["urn": String(providersMatchedByURN), "postcode": String(providersMatchedByPostcode),
                                                               "created": String(providersCreated)])]
        if childrenLeftCare > 0 { out.append(Message.cliSsda903LeftCare.text(language, ["count": String(childrenLeftCare)])) }
        for (what, count) in notHeld.sorted(by: { $0.key < $1.key }) {
            out.append((count == 1 ? Message.cliSsda903NotHeldRow : .cliSsda903NotHeldRows)
                .text(language, ["what": Catalogue.phrase(what, language), "count": String(count)]))
        }
        return out
    }

    mutating func note(_ what: String, _ n: Int = 1) { if n > 0 { notHeld[what, default: 0] += n } }
}

extension PlacementDatabase {
    /// Imports an SSDA903 return (Header, Episodes, optionally UASC), all or nothing: every row is read and checked
    /// first, then children, their placements and any providers the return names but the store lacks are written
    /// in one transaction. `authority` is the placing authority of every child; without it, each child's is the
    /// authority of their home postcode (HOME_POST) as the store's postcode directory, or its district, places it.
    /// `today` decides whether a date of birth is in the future or outside the ages Placefinder supports.
    public func importSSDA903(header: URL, episodes: URL, uasc: URL?, authority: String?, user: String,
                              today: Day) throws -> SSDA903ImportReport {
        let read = try SSDA903BatchBuilder.readFiles(header: header, episodes: episodes, uasc: uasc, authority: authority)
        return try write { db in
            var builder = SSDA903BatchBuilder(return: read, headerFile: header.path, episodesFile: episodes.path,
                                              authority: authority, providers: try Self.providers(in: db).values, today: today)
            let directory = try RecordLocator.directoryRows(builder.postcodes, in: db)
            try builder.build(directory: directory, storedChildren: Set(try String.fetchAll(db, sql: "SELECT id FROM children")))
            try Self.insert(builder.batch, audit: builder.audit(user: user), in: db)
            return builder.finalReport
        }
    }
}

extension SSDA903BatchBuilder {
    /// The return's files read and checked, before any transaction: one clear line for the first problem.
    static func readFiles(header: URL, episodes: URL, uasc: URL?, authority: String?) throws -> SSDA903Return {
        func load(_ url: URL) throws -> Data {
            do { return try Data(contentsOf: url) } catch { throw ImportError(file: url.path, line: 0, message: "cannot be opened or read") }
        }
        if let authority, !isAuthorityCode(authority) {
            throw ImportError(file: "--authority", line: 0, message: "\(authority) is not a local authority ONS code (e.g. W06000015)")
        }
        return try SSDA903Reader.read(header: try load(header), headerFile: header.path, episodes: try load(episodes),
                                      episodesFile: episodes.path, uasc: try uasc.map(load), uascFile: uasc?.path)
    }
}

/// Turns a read return into records: episodes into placements (a change of legal status only continues the
/// placement), providers matched or created, children located at home.
struct SSDA903BatchBuilder {
    let read: SSDA903Return
    let headerFile: String
    let episodesFile: String
    let authority: String?
    var providers: [Provider]
    let today: Day
    private(set) var batch = RecordBatch()
    private(set) var report = SSDA903ImportReport()
    private var created: [String: String] = [:]
    private var matchedByURN = Set<String>()
    private var resolver = PostcodeResolver(geography: .wales) { _ in nil }

    init(return read: SSDA903Return, headerFile: String, episodesFile: String, authority: String?, providers: [Provider], today: Day) {
        self.read = read
        self.today = today
        self.headerFile = headerFile
        self.episodesFile = episodesFile
        self.authority = authority
        self.providers = providers
    }

    /// Every postcode the return names: the directory rows `build` needs.
    var postcodes: [String] { read.episodes.flatMap { [$0.homePostcode, $0.placePostcode].compactMap { $0 } } }

    /// The import's audit entry.
    func audit(user: String) -> AuditEntry {
        AuditEntry(user: user, action: "import", recordType: "ssda903", recordID: nil,
                   detail: "\(batch.children.count) children, \(batch.placements.count) placements from an SSDA903 return")
    }

    /// The report, with what the UASC file held that Placefinder does not.
    var finalReport: SSDA903ImportReport {
        var report = report
        report.note("UASC: date ceased to be unaccompanied (DUC)", read.uascRows)
        return report
    }

    /// Builds the batch from the store's directory rows for `postcodes` and the ids of children already stored,
    /// both read in the import's own transaction (either backend).
    mutating func build(directory known: [String: PostcodeRecord], storedChildren: Set<String>) throws {
        resolver = PostcodeResolver(geography: .wales) { known[$0.value] }
        let episodesByChild = Dictionary(grouping: read.episodes, by: \.child)
        for child in read.children {
            if storedChildren.contains(child.id) {
                throw ImportError(file: headerFile, line: child.line, column: "CHILD", message: "this child is already in the store (import adds new children only)")
            }
            let episodes = (episodesByChild[child.id] ?? []).sorted { ($0.start, $0.line) < ($1.start, $1.line) }
            guard let last = episodes.last else {
                throw ImportError(file: headerFile, line: child.line, column: "CHILD", message: "this child has no episodes in the episodes file")
            }
            if let rec = last.rec, rec != "X1" { report.childrenLeftCare += 1; continue }
            for column in child.unheld { report.note(column) }
            try add(child, episodes)
        }
    }

    private func fail(_ e: SSDA903Episode, _ column: String, _ message: String) -> ImportError {
        ImportError(file: episodesFile, line: e.line, column: column, message: message)
    }

    private mutating func add(_ c: SSDA903Child, _ episodes: [SSDA903Episode]) throws {
        let last = episodes[episodes.count - 1]
        guard let home = last.homePostcode else { throw fail(last, "HOME_POST", "is required on a child's latest episode (Placefinder ranks by distance from home)") }
        let homePlace = resolver.locate(raw: home, fallbackAuthority: authority)
        guard let placingAuthority = authority ?? homePlace?.authorityCode, let homePlace else {
            throw fail(last, "HOME_POST", "cannot be located: import postcodes first, or give --authority")
        }
        do { _ = try Geography.wales.resolvedAuthority(code: placingAuthority) } catch { throw fail(last, "HOME_POST", error.description) }
        var placements: [Placement] = []
        var lastRec: String?
        for (k, e) in episodes.enumerated() {
            // One placement at a time: each episode starts when or after the one before it ended.
            if k > 0, episodes[k - 1].end.map({ $0 > e.start }) ?? true {
                throw fail(e, "DECOM", "this child's previous episode (line \(episodes[k - 1].line)) is open or ends after this one starts")
            }
            report.note("CIN (category of need)", e.hasCIN ? 1 : 0)
            if !e.legalStatus.exact { report.note("LS codes held as the nearest Placefinder status") }
            if !e.place.exact { report.note("PLACE codes held as the nearest Placefinder type") }
            if let rec = e.rec, rec != "X1" { report.note("REC: how a period of care ended (held as a planned or breakdown ending)") }
            if e.rne == "L", let previous = placements.last, previous.actualEnd == e.start, lastRec == "X1",
               previous.placementType == e.place.type {
                // A change of legal status only: the same placement goes on; its legal status history is not held.
                report.note("legal status history (RNE L episodes: the child keeps the latest status)")
                placements[placements.count - 1].actualEnd = e.end
                placements[placements.count - 1].endReason = e.reason
                placements[placements.count - 1].ending = ending(e)
                lastRec = e.rec
                continue
            }
            let provider = try providerID(for: e, placingAuthority: placingAuthority)
            let place = providers.first { $0.id == provider }.flatMap { resolver.locate(raw: $0.postcode, fallbackAuthority: $0.authorityCode) }
            // A code the geography lacks is named, never ranked by its prefix.
            var tier = 5
            if let place {
                do { tier = try Geography.wales.checkedLocalityTier(home: placingAuthority, placement: place.authorityCode).rawValue }
                catch { throw fail(e, "PL_POST", error.description) }
            }
            let miles = place.map { (Distance.estimatedRoadMiles(homePlace.coordinate, $0.coordinate) * 10).rounded() / 10 } ?? 0
            placements.append(Placement(id: "903-\(c.id)-\(placements.count + 1)", childID: c.id, providerID: provider, start: e.start,
                                        actualEnd: e.end, endReason: e.reason, ending: ending(e), placementType: e.place.type,
                                        localityTier: tier, milesFromHome: miles))
            lastRec = e.rec
        }
        let current = placements[placements.count - 1]
        let status: ChildStatus = current.isOpen ? .placed : .needsPlacement
        let child = Child(id: c.id, givenName: "", familyName: c.id, dateOfBirth: c.dateOfBirth, gender: c.gender,
                                    homePostcode: home, placingAuthority: placingAuthority, legalStatus: last.legalStatus.status,
                                    acceptableSettings: SSDA903.acceptableSettings(current: current.placementType),
                                    urgency: .neededBy(current.actualEnd ?? current.start), status: status)
        // The same checks as children.csv, worded in 903's columns.
        if let issue = RecordChecks.child(child, today: today).first {
            let column = ["date_of_birth": "DOB", "gender": "SEX", "home_postcode": "HOME_POST"][issue.field] ?? issue.field
            throw ImportError(file: headerFile, line: c.line, column: column, message: issue.problem)
        }
        batch.children.append(child)
        batch.placements += placements
        report.children += 1
        report.placements += placements.count
    }

    private func ending(_ e: SSDA903Episode) -> Placement.Ending? {
        guard e.end != nil else { return nil }
        if e.rec == "E4B" { return .breakdown }   // returned home, not as the care plan intended
        return (e.reason?.isTypicallyBreakdown ?? false) ? .breakdown : .planned
    }

    /// The store's provider with this URN, else the one at this postcode of the same sector and type, else a new one.
    private mutating func providerID(for e: SSDA903Episode, placingAuthority: String) throws -> String {
        if let urn = e.urn, let found = providers.first(where: { $0.registrationNumber.uppercased() == urn }) {
            if !batch.providers.contains(where: { $0.id == found.id }), matchedByURN.insert(found.id).inserted {
                report.providersMatchedByURN += 1
            }
            return found.id
        }
        guard let postcode = e.placePostcode else { throw fail(e, "PL_POST", "is required to find or record the provider") }
        guard let sector = SSDA903.sector(providerCode: e.providerCode) else {
            throw fail(e, "PLACE_PROVIDER", "is required to record a provider the store does not hold")
        }
        let service = SSDA903.serviceType(for: e.place.type, sector: sector)
        let key = "\(postcode)|\(sector.rawValue)|\(service.rawValue)|\(e.urn ?? "")"
        if let id = created[key] { return id }
        if let found = providers.first(where: { $0.postcode == postcode && $0.sector == sector && $0.serviceType == service }) {
            report.providersMatchedByPostcode += 1
            created[key] = found.id
            return found.id
        }
        let located = resolver.locate(raw: postcode, fallbackAuthority: nil)
        guard let area = e.providerCode == "PR1" ? placingAuthority : located?.authorityCode else {
            throw fail(e, "PL_POST", "cannot be located: import postcodes first")
        }
        let taken = Set(providers.map(\.id))
        var n = providers.count + 1
        while taken.contains(Self.providerID(n)) { n += 1 }
        let provider = Provider(id: Self.providerID(n), name: "SSDA903 \(e.providerCode) provider at \(postcode)", sector: sector,
                                regulator: area.hasPrefix("W") ? .ciw : .ofsted, registrationNumber: e.urn ?? "",
                                serviceType: service, postcode: postcode, authorityCode: area)
        providers.append(provider)
        batch.providers.append(provider)
        created[key] = provider.id
        report.providersCreated += 1
        return provider.id
    }

    static func providerID(_ n: Int) -> String { "P903-\(n)" }
}
