import Foundation
import PlacementCore
import PlacementStore

/// What a login gets from `report`, the Reports tab and `audit` on either backend (issue 12): a store file's
/// reader and the server's administrator everything; an officer or manager their own authority's reports,
/// computed from what row-level security lets them read; a commissioner the server's counts for their board
/// or Wales, never a record. One place, so the command line and the dashboard say the same.
enum RegionalAccess {
    /// The report's area when none is asked for: the login's own.
    static func ownArea(_ scope: ReaderScope, _ db: any PlacementStoring) throws -> ReportArea {
        switch scope {
        case .everything: return .authority(try db.setting(StoreSettingKey.officerAuthority) ?? "W06000015")
        case .authority(let code): return .authority(code)
        case .aggregates(let cover): return cover
        }
    }

    /// The panels for `area`, or one line saying why this login does not get them.
    static func reports(_ db: any PlacementStoring, scope: ReaderScope, area: ReportArea, period: ReportPeriod,
                        panels: [ReportPanelKind], now: Date, language: Language) throws -> ReportSet {
        let today = WorkflowTime.day(of: now)
        switch scope {
        case .authority(let own) where area != .authority(own):
            // Row-level security shows them only their own children: another area's figures would be wrong.
            throw UserError(Message.regionalReportOwnAuthorityOnly.text(language, ["authority": label(.authority(own), language),
                                                                                   "area": label(area, language)]))
        case .everything, .authority:
            let data = try db.reportData(today: today, now: now, area: area, matching: panels.contains(.unmetNeed))
            return Reports.compute(data, area: area, period: period, panels: panels)
        case .aggregates(let cover):
            guard cover.covers(area) else {
                throw UserError(Message.regionalReportOutsideCover.text(language, ["cover": label(cover, language), "area": label(area, language)]))
            }
            // Panels 1-5, 9 and 10 are computed by the server (pg16); only a server has commissioners.
            let cells = try (db as? PostgresStore)?.aggregateCells(area: area, period: period, panels: panels) ?? []
            return AggregateReports.compute(try db.aggregateFigures(), cells: cells, area: area, period: period, panels: panels)
        }
    }

    /// A commissioner reads no audit entry (they are about children's records): one line, before anything.
    static func refuseAuditToCommissioners(_ db: any PlacementStoring, language: Language) throws {
        if case .aggregates = try db.readerScope() { throw UserError(Message.regionalAuditCommissioner.text(language)) }
    }

    /// `backup` on a server: PostgreSQL's own tools do it (docs/operations.md, "Regional deployment").
    static func refuseServerBackup(_ options: StoreOptions, language: Language) throws {
        if options.isServer { throw UserError(Message.regionalBackupServer.text(language)) }
    }

    /// An area as the officer reads it: an authority's or Wales's name in Welsh in Welsh.
    static func label(_ area: ReportArea, _ language: Language) -> String {
        switch area {
        case .authority(let code): (language == .cy ? Geography.wales.authority(code: code)?.welshName : nil) ?? area.label()
        case .board(let board): Message.screensReportsBoard.text(language, ["board": board.label])
        case .wales: Message.screensReportsWales.text(language)
        }
    }
}
