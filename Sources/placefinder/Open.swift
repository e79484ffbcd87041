import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

/// Opens the store. Until the terminal UI lands, prints a summary: counts by authority and setting.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "Open the store (prints a summary of open vacancies by authority and setting).")

    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let db = try storeOptions.openExisting()
        print(try Summary.text(db))
    }
}

enum Summary {
    static func text(_ db: PlacementDatabase) throws -> String {
        let counts = try db.counts()
        let rows = try db.openVacancyCounts()
        let settings = Setting.allCases
        var byAuthority: [String: [Setting: Int]] = [:]
        for row in rows { byAuthority[row.authorityCode, default: [:]][row.setting, default: 0] += row.count }
        var lines = [
            "Store: \(db.path)",
            "\(counts.children) children, \(counts.providers) providers, \(counts.openVacancies) open vacancies, \(counts.placements) placements, \(counts.postcodes) postcodes",
            "",
            "Open vacancies by authority and setting:",
        ]
        let short = ["resi", "foster", "kin", "P&C", "lodg", "secure", "break"]
        lines.append(pad("Authority", 28) + settings.indices.map { pad(short[$0], 7, right: true) }.joined() + pad("total", 7, right: true))
        let geography = Geography.wales
        let codes = byAuthority.keys.sorted { a, b in
            let (wa, wb) = (a.hasPrefix("W"), b.hasPrefix("W"))
            return wa != wb ? wa : a < b
        }
        for code in codes {
            let name = geography.authority(code: code)?.name ?? code
            let cells = settings.map { byAuthority[code]?[$0] ?? 0 }
            lines.append(pad(name, 28) + cells.map { pad($0 == 0 ? "·" : String($0), 7, right: true) }.joined()
                         + pad(String(cells.reduce(0, +)), 7, right: true))
        }
        return lines.joined(separator: "\n")
    }

    static func pad(_ s: String, _ width: Int, right: Bool = false) -> String {
        let cut = s.count > width ? String(s.prefix(width - 1)) + "…" : s
        let fill = String(repeating: " ", count: width - cut.count)
        return right ? fill + cut : cut + fill
    }
}
