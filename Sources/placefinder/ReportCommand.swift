import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

/// `placefinder report NAME`: the Reports tab's panels on the command line.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: cliHelp("Print sufficiency reports beside the seed report's 2018-19 baseline."),
        discussion: "Panels: \(ReportPanelKind.allCases.map(\.rawValue).joined(separator: ", ")), or all. See docs/reports.md.")

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @Argument(help: ArgumentHelp("A panel's name, or all.", valueName: "name")) var name: String
    @Option(help: ArgumentHelp("An authority's ONS code or name, a regional partnership board (e.g. gwent, north-wales) or wales (default: your authority).",
                               valueName: "area")) var area: String?
    @Option(help: ArgumentHelp("FY2025 (a financial year), 12m (the last 12 months) or today.", valueName: "period")) var period = "12m"
    @Option(help: "text, csv or json.") var format: Format = .text
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard name == "all" || ReportPanelKind(rawValue: name) != nil else {
            throw ValidationError("\(name) is not a report: use all or one of \(ReportPanelKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        if let area, ReportArea.parse(area) == nil {
            throw ValidationError("--area: \(area) is not a Welsh authority, a regional partnership board (\(PartnershipBoard.allCases.map(\.key).joined(separator: ", "))) or wales")
        }
        guard ReportPeriod.parse(period, today: Session.today) != nil else {
            throw ValidationError("--period: \(period) is not FY followed by a year (FY2025), 12m or today")
        }
    }

    func run() throws {
        let db = try storeOptions.openStore(readOnly: true)
        let (today, now) = (Session.today, Session.now)
        // What this login may read decides the default area and what it gets (RegionalAccess.swift).
        let scope = try db.readerScope()
        let chosen = try area.flatMap { ReportArea.parse($0) } ?? RegionalAccess.ownArea(scope, db)
        let kinds = name == "all" ? ReportPanelKind.allCases : [ReportPanelKind(rawValue: name)!]
        let set = try RegionalAccess.reports(db, scope: scope, area: chosen, period: ReportPeriod.parse(period, today: today)!,
                                             panels: kinds, now: now, language: CommandLineLanguage.current)
        if kinds.contains(.unmetNeed) {
            // Unmet need lists waiting children (ids and initials): who looked is recorded, as for a match.
            try db.audit([AuditEntry(user: Session.officer, action: "report", recordType: "report", recordID: name,
                                     detail: "area \(chosen.key), period \(set.period.key)")])
            Session.noteIfUnrecorded(db)
        }
        switch format {
        case .text: say(ReportExport.text(set, language: CommandLineLanguage.current))
        case .csv: print(TableCSV.text(header: ReportExport.csvHeader, rows: ReportExport.csvRows(set)), terminator: "")
        case .json: print(ReportExport.json(set))
        }
    }
}
