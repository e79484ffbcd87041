import Foundation
import PlacementCore

/// The SSDA903 Header and Episodes files for one collection year (1 April to 31 March), written from
/// Placefinder's records. Columns, codes and dates (DD/MM/YYYY) follow the DfE's CSV layout; fields
/// Placefinder does not hold (ETHNIC, UPN, MOTHER, MC_DOB, CIN) are left empty. docs/data-format.md says why.
public struct SSDA903Files: Sendable, Equatable {
    public let header: String
    public let episodes: String
    public let children: Int
    public let episodeCount: Int

    public static let headerColumns = ["CHILD", "SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"]
    public static let episodeColumns = ["CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC",
                                        "REASON_PLACE_CHANGE", "HOME_POST", "PL_POST", "URN"]
}

/// The collection year starting 1 April of `startYear`.
public struct CollectionYear: Sendable, Hashable {
    public let startYear: Int
    public init(startYear: Int) { self.startYear = startYear }
    public var first: Day { Day(year: startYear, month: 4, day: 1)! }
    public var last: Day { Day(year: startYear + 1, month: 3, day: 31)! }
    /// The year `day` falls in.
    public init(containing day: Day) { startYear = day.month >= 4 ? day.year : day.year - 1 }
}

extension SSDA903 {
    /// 903 dates: DD/MM/YYYY.
    static func date(_ day: Day) -> String {
        let iso = day.iso
        return "\(iso.suffix(2))/\(iso.dropFirst(5).prefix(2))/\(iso.prefix(4))"
    }

    static func day(_ text: String) -> Day? {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 2, parts[1].count == 2, parts[2].count == 4 else { return nil }
        return Day(iso: "\(parts[2])-\(parts[1])-\(parts[0])")
    }

    /// Episodes are written for every child with a placement open at some time in the year. A child's
    /// episodes run back to the start of the period of care their first in-year placement belongs to
    /// (placements end to end), so the return says where that period began (RNE S) and the files read back
    /// into an empty store write out again unchanged.
    public static func files(year: CollectionYear, children: [Child], placements: [Placement], providers: [Provider],
                             authority: String? = nil) -> SSDA903Files {
        let providerByID = Dictionary(providers.map { ($0.id, $0) }) { first, _ in first }
        let byChild = Dictionary(grouping: placements.filter { !$0.isUndone }, by: \.childID)
        var headerRows: [[String]] = [], episodeRows: [[String]] = []
        for child in children.sorted(by: { $0.id < $1.id }) where authority == nil || child.placingAuthority == authority {
            let history = (byChild[child.id] ?? []).sorted { ($0.start, $0.id) < ($1.start, $1.id) }
            let chosen = episodesInReturn(history, year: year)
            guard !chosen.isEmpty else { continue }
            headerRows.append([child.id, sexCode(child.gender), date(child.dateOfBirth), "", "", "", ""])
            for i in chosen {
                let p = history[i]
                let previous = i > 0 ? history[i - 1] : nil
                let next = i + 1 < history.count ? history[i + 1] : nil
                let continues = previous.map { $0.actualEnd == p.start } ?? false
                let rne = !continues ? "S" : (previous?.providerID == p.providerID ? "T" : "P")
                let provider = providerByID[p.providerID]
                var dec = "", rec = "", reason = ""
                if let end = p.actualEnd, end <= year.last {
                    dec = date(end)
                    // X1: the child stays looked after (the next placement starts that day, or Placefinder is still
                    // finding one). A later start after a gap means the period of care ended: how is not held (E8).
                    let stillInCare = next.map { $0.start == end } ?? true
                    rec = stillInCare ? "X1" : "E8"
                    if stillInCare { reason = p.endReason?.rawValue ?? "" }
                }
                let place = provider?.postcode ?? ""
                let urn = provider.map { urnCode($0, type: p.placementType) } ?? ""
                let providerCode = provider.map {
                    Self.providerCode(type: p.placementType, sector: $0.sector, providerAuthority: $0.authorityCode,
                                      placingAuthority: child.placingAuthority)
                } ?? ""
                episodeRows.append([child.id, date(p.start), rne, legalStatusCode(child.legalStatus), "", placeCode(p.placementType),
                                    providerCode, dec, rec, reason, child.homePostcode, place, urn])
            }
        }
        return SSDA903Files(header: csvText(header: SSDA903Files.headerColumns, rows: headerRows),
                            episodes: csvText(header: SSDA903Files.episodeColumns, rows: episodeRows),
                            children: headerRows.count, episodeCount: episodeRows.count)
    }

    /// Indices (into `history`, sorted by start) of the episodes a return for `year` carries.
    static func episodesInReturn(_ history: [Placement], year: CollectionYear) -> [Int] {
        guard let firstInYear = history.firstIndex(where: { $0.start <= year.last && ($0.actualEnd ?? year.last) >= year.first })
        else { return [] }
        var start = firstInYear
        while start > 0, history[start - 1].actualEnd == history[start].start { start -= 1 }
        return (start..<history.count).filter { history[$0].start <= year.last }
    }

    /// URN: Ofsted's number for a placement with an Ofsted-registered provider; empty for placements outside
    /// England (Care Inspectorate Wales registers those) and for placements with parents (P1) or in NHS care (R1), which 903 records no URN for.
    static func urnCode(_ provider: Provider, type: PlacementType) -> String {
        guard provider.regulator == .ofsted, !provider.registrationNumber.isEmpty else { return "" }
        return [.P1, .R1].contains(type) ? "" : provider.registrationNumber
    }
}
