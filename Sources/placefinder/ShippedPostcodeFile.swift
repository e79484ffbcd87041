import Foundation
import PlacementStore

/// Finds and reads fixtures/geo/postcodes-wales-border.txt, which `store init` and `demo` load into
/// every new store so Welsh and border postcodes are located exactly, never at a district centre (≈).
enum ShippedPostcodeFile {
    static let name = "postcodes-wales-border.txt"

    /// Where it is looked for, first match wins: PLACEFINDER_GEO_DIR; `share/placefinder` beside the
    /// binary's folder (an installed copy); the source checkout this binary was built from.
    static func candidates(environment: [String: String] = ProcessInfo.processInfo.environment) -> [URL] {
        var urls: [URL] = []
        if let dir = environment["PLACEFINDER_GEO_DIR"], !dir.isEmpty {
            urls.append(URL(fileURLWithPath: dir).appendingPathComponent(name))
        }
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        urls.append(binary.deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("share/placefinder").appendingPathComponent(name))
        // Sources/placefinder/ShippedPostcodeFile.swift → the checkout's fixtures/geo.
        let checkout = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        urls.append(checkout.appendingPathComponent("fixtures/geo").appendingPathComponent(name))
        return urls
    }

    /// The parsed rows; a missing or damaged file is one line naming it, before any store is created.
    static func rows() throws -> [PostcodeRow] {
        let urls = candidates()
        guard let url = urls.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw UserError(.cliPostcodeFileMissing, ["name": name, "folders": urls.map { $0.deletingLastPathComponent().path }.joined(separator: ", ")])
        }
        return try Interchange.readShippedPostcodes(url)
    }
}
