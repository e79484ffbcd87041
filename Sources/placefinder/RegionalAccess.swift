import Foundation
import PlacementCore
import PlacementStore

/// The command line's and the dashboard's side of what a login gets on a regional server (issue 12): the rules
/// are the store's (`RegionalReports.swift`); this says a refusal in the officer's language, in one line.
enum RegionalAccess {
    /// The report's area when none is asked for: the login's own.
    static func ownArea(_ scope: ReaderScope, _ db: any PlacementStoring) throws -> ReportArea {
        try db.ownReportArea(scope)
    }

    /// The panels for `area`, or one line saying why this login does not get them.
    static func reports(_ db: any PlacementStoring, scope: ReaderScope, area: ReportArea, period: ReportPeriod,
                        panels: [ReportPanelKind], now: Date, language: Language) throws -> ReportSet {
        try said(language) { try db.reports(as: scope, area: area, period: period, panels: panels, now: now) }
    }

    /// A commissioner reads no audit entry (they are about children's records): one line, before anything.
    static func refuseAuditToCommissioners(_ db: any PlacementStoring, language: Language) throws {
        try said(language) { try db.refuseAuditToCommissioners() }
    }

    /// `backup` on a server: PostgreSQL's own tools do it (docs/operations.md, "Regional deployment").
    static func refuseServerBackup(_ options: StoreOptions, language: Language) throws {
        if options.isServer { throw UserError(Message.regionalBackupServer.text(language)) }
    }

    static func said<T>(_ language: Language, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let refusal as RegionalRefusal { throw UserError(refusal.text(language)) }
    }
}
