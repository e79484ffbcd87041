import ArgumentParser
import Foundation
import PlacementCore
import PlacementDemo
import PlacementStore

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: cliHelp(.cliHelpDemo),
        discussion: cliHelp(.cliAboutDemo))

    @OptionGroup var storeOptions: StoreOptions
    @Option(help: optionHelp(.cliOptDemoSeed)) var seed: UInt64 = 2026
    @Option(help: optionHelp(.cliOptDemoProviders)) var providers = 200
    @Option(help: optionHelp(.cliOptDemoVacancies)) var vacancies = 600
    @Option(help: optionHelp(.cliOptDemoChildren)) var children = 150
    @Flag(name: .customLong("no-tui"), help: optionHelp(.cliOptDemoNoTui)) var noTUI = false
    @OptionGroup var ui: UIOptions

    static let demoMarker = "demo_store"

    func validate() throws {
        guard (1...20_000).contains(providers) else { throw ValidationError(.cliDemoProvidersRange) }
        guard (0...1_000_000).contains(vacancies) else { throw ValidationError(.cliDemoVacanciesRange) }
        guard (1...100_000).contains(children) else { throw ValidationError(.cliDemoChildrenRange) }
    }

    func run() throws {
        let path = storeOptions.store ?? PlacementDatabase.defaultDemoPath(environment: ProcessInfo.processInfo.environment)
        if !PostgresLocation.isURL(path) { try Self.removeOldDemo(at: path) }
        let started = ContinuousClock.now
        let (today, now) = (Session.today, Session.now)
        let data = DemoGenerator.generate(DemoOptions(seed: seed, providers: providers, vacancies: vacancies,
                                                      children: children, today: today, now: now))
        let generated = ContinuousClock.now
        let db: any PlacementStoring = PostgresLocation.isURL(path)
            ? try Self.writeToServer(data, seed: seed, url: path)
            : try Self.write(data, seed: seed, to: path)
        let writeSeconds = (ContinuousClock.now - generated).milliseconds / 1000
        let seconds = (ContinuousClock.now - started).milliseconds / 1000
        if noTUI {
            if let server = db as? PostgresStore {
                // The officers' logins, one per authority: open the dashboard as any of them.
                say(server.location.display)
                for line in Self.serverLines(server) { FileHandle.standardError.write(Data("  \(line)\n".utf8)) }
            } else {
                say(path)
            }
            let built = cliText(.cliDemoBuilt, ["seconds": String(format: "%.2f", seconds), "generated": String(format: "%.2f", seconds - writeSeconds),
                                                "written": String(format: "%.2f", writeSeconds), "providers": String(data.providers.count),
                                                "vacancies": String(data.vacancies.count), "children": String(data.children.count),
                                                "placements": String(data.placements.count)])
            FileHandle.standardError.write(Data((built + "\n").utf8))
            return
        }
        try ui.present(db)
    }

    /// Writes a generated world as a new demo store (one transaction) and marks it as a demo.
    static func write(_ data: DemoDataset, seed: UInt64, to path: String) throws -> PlacementDatabase {
        let postcodes = try ShippedPostcodeFile.rows()
        let db = try PlacementDatabase(path: path, create: true)
        try db.installShippedPostcodes(postcodes)
        try db.insert(RecordBatch(data), audit: AuditEntry(user: Session.officer, action: "demo", recordType: "store", recordID: nil,
                                                           detail: "seed \(seed)"))
        try db.setSetting(demoMarker, "true")
        if try db.setting(StoreSettingKey.officerAuthority) == nil {
            try db.setSetting(StoreSettingKey.officerAuthority, "W06000015")
        }
        return db
    }

    /// Removes a previous demo store; refuses anything else.
    static func removeOldDemo(at path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let isDemo = (try? PlacementDatabase(path: path, create: false).setting(demoMarker)) == "true"
        guard isDemo else {
            throw UserError(.cliDemoNotADemo, ["path": path])
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }
}
