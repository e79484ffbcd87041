import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

struct Match: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: cliHelp("Rank every vacancy for a child (or their sibling group) with reasons."),
        discussion: cliHelp(.cliAboutMatch))

    @Argument(help: optionHelp(.cliOptMatchChild)) var childID: String
    @Option(help: optionHelp(.cliOptMatchTop)) var top = 10
    @Flag(help: optionHelp(.cliOptMatchJson)) var json = false
    @Flag(help: optionHelp(.cliOptMatchIncludeExcluded)) var includeExcluded = false
    @Option(help: optionHelp(.cliOptMatchPolicy, valueName: "file")) var policy: String?
    @Flag(help: optionHelp(.cliOptMatchCompare)) var compare = false
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        guard top > 0 else { throw ValidationError(.cliPhraseUsageTop) }
    }

    func run() throws {
        let policy = try loadPolicy()
        let db = try storeOptions.openStore(readOnly: true)
        let (today, now) = (Session.today, Session.now)
        let request = try db.matchRequest(childID: try db.storedID(childID, of: .child), today: today, now: now)
        let engine = try db.matchEngine(today: today, policy: policy)
        let outcome = engine.rankGroup(request, explainTop: max(top, 5))
        // A policy's name is free text from its file, and the audit log can never be corrected: record which
        // policy by fingerprint, never by name.
        // Every child of a sibling group was matched, so every one gets an entry (one transaction).
        try db.audit(request.children.map {
            AuditEntry(user: Session.officer, action: "match", recordType: "child", recordID: $0.id, detail: policyDetail)
        })
        Session.noteIfUnrecorded(db)
        let language = CommandLineLanguage.current
        let report = MatchReport(outcome, engine: engine, top: top, includeExcluded: includeExcluded, language: language)
        if json {
            print(report.json())
            return
        }
        let lead = request.children[0]
        let children = request.children.map { "\($0.id) (\($0.initials), \($0.age(on: today)))" }.joined(separator: " + ")
        let heading = (lead.urgency.isEmergency ? Message.cliMatchHeadingEmergency : .cliMatchHeading).text(language, ["children": children])
        say(report.text(heading: heading, language: language))
        if compare {
            let together: MatchResult = switch outcome {
            case .together(let r): r
            case .split(let t, _, _): t
            }
            say("\n" + BaselineOrders(engine: engine, request: request, top: 5).comparison(with: together, engine: engine, request: request, language: language))
        }
    }

    /// "policy: default", or "policy: custom <fingerprint of the file's bytes>" (FNV-1a, 64 bits).
    var policyDetail: String {
        guard let file = policy, let data = FileManager.default.contents(atPath: file) else { return "policy: default" }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in data { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return "policy: custom " + String(repeating: "0", count: 16 - hex.count) + hex
    }

    func loadPolicy() throws -> MatchPolicy {
        guard let file = policy else { return .default }
        let name = URL(fileURLWithPath: file).lastPathComponent
        guard let data = FileManager.default.contents(atPath: file) else { throw UserError(.cliPhraseUserCannotBeRead, ["name": name]) }
        let decoded: MatchPolicy
        do { decoded = try JSONDecoder().decode(MatchPolicy.self, from: data) } catch let DecodingError.dataCorrupted(context) {
            // Foundation's words are English and name no place: said as an import file's mistake is, by line and column.
            guard !context.codingPath.isEmpty else {
                let place = JSONErrorPlace.of(data)
                throw ImportError(file: file, line: place?.line ?? 0, column: place.map { String($0.column) }, message: "is not valid JSON")
            }
            // The policy's own words ("unknown key price in weights") are catalogued; Foundation's are not, and are
            // said in Welsh by the setting's place alone.
            let language = CommandLineLanguage.current, said = Catalogue.phrase(context.debugDescription, language)
            if language == .en || said != context.debugDescription { throw UserError("\(name): \(said)") }
            throw UserError(.cliPhraseUserPolicyValue, ["name": name, "path": context.codingPath.map(\.stringValue).joined(separator: ".")])
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw UserError(.cliPhraseUserPolicyType, ["name": name, "path": context.codingPath.map(\.stringValue).joined(separator: ".")])
        } catch {
            throw UserError(.cliPhraseUserPolicyInvalid, ["name": name])
        }
        if let problem = decoded.issues.first { throw UserError("\(name): \(Catalogue.phrase(problem, CommandLineLanguage.current))") }
        return decoded
    }
}
