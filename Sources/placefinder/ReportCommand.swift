import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

/// `placefinder report NAME`: the Reports tab's panels on the command line.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: cliHelp("Print sufficiency reports beside the seed report's 2018-19 baseline."),
        discussion: cliHelp(.cliAboutReport, ["panels": ReportPanelKind.allCases.map(\.rawValue).joined(separator: ", ")]))

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, json }

    @Argument(help: optionHelp(.cliOptReportName, valueName: "name")) var name: String
    @Option(help: optionHelp(.cliOptReportArea, valueName: "area")) var area: String?
    @Option(help: optionHelp(.cliOptReportPeriod, valueName: "period")) var period = "12m"
    @Option(help: optionHelp(.cliOptReportFormat)) var format: Format = .text
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard name == "all" || ReportPanelKind(rawValue: name) != nil else {
            throw ValidationError(.cliReportUnknown, ["name": name, "panels": ReportPanelKind.allCases.map(\.rawValue).joined(separator: ", ")])
        }
        if let area, ReportArea.parse(area) == nil {
            throw ValidationError(.cliReportUnknownArea, ["area": area, "boards": PartnershipBoard.allCases.map(\.key).joined(separator: ", ")])
        }
        guard ReportPeriod.parse(period, today: Session.today) != nil else {
            throw ValidationError(.cliReportUnknownPeriod, ["period": period])
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
        case .text:
            var said = set
            said.areaLabel = Self.areaLabel(chosen, CommandLineLanguage.current)
            say(ReportExport.text(said, language: CommandLineLanguage.current))
        case .csv: print(TableCSV.text(header: ReportExport.csvHeader, rows: ReportExport.csvRows(set)), terminator: "")
        case .json: print(ReportExport.json(set))
        }
    }

    /// The area as the text's heading names it in `language`: an authority by its Welsh name in Welsh. The CSV
    /// and JSON keep the documented English label.
    static func areaLabel(_ area: ReportArea, _ language: Language) -> String {
        guard language == .cy else { return area.label() }
        return switch area {
        case .authority(let code): Geography.wales.authority(code: code).map { $0.welshName ?? $0.name } ?? code
        case .board(let board): Message.cliReportAreaBoard.text(language, ["board": board.label])
        case .wales: Message.cliReportAreaWales.text(language)
        }
    }
}
