import Foundation
import PlacementCore

/// Why a login does not get what it asked for on a regional server (issue 12), in one line.
public enum RegionalRefusal: Error, Sendable, Hashable {
    /// An officer or manager asked for another area: row-level security shows them their own children only,
    /// so another area's figures would be wrong.
    case ownAuthorityOnly(own: String, asked: ReportArea)
    /// A commissioner asked for an area outside their board or Wales.
    case outsideCover(cover: ReportArea, asked: ReportArea)
    /// A commissioner reads no audit entry (they are about children's records).
    case auditForCommissioner

    public func text(_ language: Language) -> String {
        switch self {
        case .ownAuthorityOnly(let own, let asked):
            Message.regionalReportOwnAuthorityOnly.text(language, ["authority": ReportArea.authority(own).said(language),
                                                                   "area": asked.said(language)])
        case .outsideCover(let cover, let asked):
            Message.regionalReportOutsideCover.text(language, ["cover": cover.said(language), "area": asked.said(language)])
        case .auditForCommissioner:
            Message.regionalAuditCommissioner.text(language)
        }
    }
}

/// What a login gets from `report`, the Reports tab and `audit` on either backend (issue 12): a store file's
/// reader and the server's administrator everything; an officer or manager their own authority's reports,
/// computed from what row-level security lets them read; a commissioner the server's figures for their
/// board or Wales (`AggregateReports`), never a record. One place, so the command line and the dashboard say
/// the same.
extension PlacementStoring {
    /// The report's area when none is asked for: the login's own.
    public func ownReportArea(_ scope: ReaderScope) throws -> ReportArea {
        switch scope {
        case .everything: .authority(try setting(StoreSettingKey.officerAuthority) ?? "W06000015")
        case .authority(let code): .authority(code)
        case .aggregates(let cover): cover
        }
    }

    /// The panels for `area` as `scope` may have them, or a `RegionalRefusal`.
    public func reports(as scope: ReaderScope, area: ReportArea, period: ReportPeriod, panels: [ReportPanelKind],
                        now: Date) throws -> ReportSet {
        switch scope {
        case .authority(let own) where area != .authority(own):
            throw RegionalRefusal.ownAuthorityOnly(own: own, asked: area)
        case .everything, .authority:
            let data = try reportData(today: WorkflowTime.day(of: now), now: now, area: area, matching: panels.contains(.unmetNeed))
            return Reports.compute(data, area: area, period: period, panels: panels)
        case .aggregates(let cover):
            guard cover.covers(area) else { throw RegionalRefusal.outsideCover(cover: cover, asked: area) }
            // Panels 1-5, 9 and 10 are computed by the server (pg16); only a server has commissioners.
            let cells = try aggregateCells(area: area, period: period, panels: panels)
            return AggregateReports.compute(try aggregateFigures(), cells: cells, area: area, period: period, panels: panels)
        }
    }

    /// A commissioner reads no audit entry: refused before anything is read.
    public func refuseAuditToCommissioners() throws {
        if case .aggregates = try readerScope() { throw RegionalRefusal.auditForCommissioner }
    }
}
