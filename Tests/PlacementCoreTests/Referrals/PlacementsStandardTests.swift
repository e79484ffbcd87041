import Foundation
import Testing
@testable import PlacementCore

/// A checker built from the Placements Data Standard's own specification (fixtures/placements-data-standard/
/// placements.json, fetched from SocialCareData/placements-standard with its MIT licence): field names,
/// required fields (cardinality 1..), types and option lists all come from that file, none from here.
struct StandardChecker {
    struct Field {
        let name: String
        let type: String
        let cardinality: String
        let options: [String]?
        var required: Bool { cardinality.hasPrefix("1") }
        var many: Bool { cardinality.hasSuffix("*") }
    }

    let version: String
    let entities: [String: [String: Field]]

    static let specURL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("fixtures/placements-data-standard/placements.json")

    init() throws {
        let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: Self.specURL)) as! [String: Any]
        version = (spec["metadata"] as! [String: Any])["version"] as! String
        var entities: [String: [String: Field]] = [:]
        for entity in spec["entities"] as! [[String: Any]] {
            var fields: [String: Field] = [:]
            for f in entity["fields"] as! [[String: Any]] {
                let field = Field(name: f["name"] as! String, type: f["type"] as! String, cardinality: f["cardinality"] as! String,
                                  options: f["options"] as? [String])
                fields[field.name] = field
            }
            entities[entity["name"] as! String] = fields
        }
        self.entities = entities
    }

    /// Every problem with a pack's JSON, in words ("Risks.riskSelfHarm: Maybe is not an option").
    func problems(_ json: String) throws -> [String] {
        let top = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
        var found: [String] = []
        for key in top.keys.sorted() where entities[key] == nil && key != "standard" && key != "referral" {
            found.append("\(key): not an entity of the standard")
        }
        if ((top["standard"] as? [String: Any])?["version"] as? String) != version { found.append("standard.version is not \(version)") }
        for (name, fields) in entities.sorted(by: { $0.key < $1.key }) {
            guard let object = top[name] else { continue }
            guard let values = object as? [String: Any] else { found.append("\(name): not an object"); continue }
            for key in values.keys.sorted() where fields[key] == nil { found.append("\(name).\(key): not a field of \(name)") }
            for field in fields.values.sorted(by: { $0.name < $1.name }) {
                guard let value = values[field.name] else {
                    if field.required { found.append("\(name).\(field.name): required (\(field.cardinality)) but missing") }
                    continue
                }
                found += check(value, field).map { "\(name).\(field.name): \($0)" }
            }
        }
        return found
    }

    func check(_ value: Any, _ field: Field) -> [String] {
        switch field.type {
        case "Integer":
            guard let n = value as? NSNumber, !isBoolean(n), n.doubleValue == n.doubleValue.rounded() else { return ["not an integer"] }
        case "Boolean":
            guard let n = value as? NSNumber, isBoolean(n) else { return ["not a boolean"] }
        case "String":
            guard value is String else { return ["not a string"] }
        case "Date":
            guard let s = value as? String, Day(iso: s) != nil else { return ["not a date"] }
        case "Categorical":
            let options = field.options ?? []
            if field.many {
                guard let items = value as? [String] else { return ["not a list of options"] }
                if items.isEmpty && field.required { return ["needs at least one option"] }
                return items.filter { !options.contains($0) }.map { "\($0) is not an option" }
            }
            guard let s = value as? String else { return ["not an option"] }
            if !options.contains(s) { return ["\(s) is not an option"] }
        default:
            return ["type \(field.type) unknown to the checker"]
        }
        return []
    }

    /// JSON's true and false arrive as NSNumbers of Objective-C type "c" (char), numbers as "q", "i" or "d".
    func isBoolean(_ n: NSNumber) -> Bool { ["c", "B"].contains(String(cString: n.objCType)) }
}

@Suite struct PlacementsStandardTests {
    /// The referral stage's entities: ActualPlacement and QualityAssurance belong to the placement.
    static let referralEntities: Set<String> = ["PlacementAvailability", "PlacementRequirements", "PlacementRecommendation", "Risks"]

    @Test func theSpecificationIsTheOneFetched() throws {
        let checker = try StandardChecker()
        #expect(checker.version == PlacementsStandardRecord.version)
        #expect(Self.referralEntities.isSubset(of: Set(checker.entities.keys)))
        let licence = try String(contentsOf: StandardChecker.specURL.deletingLastPathComponent().appendingPathComponent("LICENSE"), encoding: .utf8)
        #expect(licence.contains("MIT License"))
    }

    @Test func everyPackIsValidAgainstTheSpecification() throws {
        let checker = try StandardChecker()
        var children = [ReferralChildren.full(), ReferralChildren.sparse(), ReferralChildren.sibling()]
        // Each need alone, each setting first, each legal status, each language, each urgency kind.
        for need in NeedCatalogue.standard.definitions {
            var c = ReferralChildren.sibling()
            c.needs = [.init(code: need.code, level: .essential)]
            children.append(c)
        }
        for setting in Setting.allCases {
            var c = ReferralChildren.full()
            c.acceptableSettings = [setting] + Setting.allCases.filter { $0 != setting }.prefix(2)
            children.append(c)
        }
        for status in LegalStatus.allCases {
            var c = ReferralChildren.full()
            c.legalStatus = status
            children.append(c)
        }
        for language in FirstLanguage.allCases {
            var c = ReferralChildren.sparse()
            c.firstLanguage = language
            c.urgency = .neededBy(ReferralChildren.today.adding(days: 9))
            children.append(c)
        }
        for child in children {
            let pack = ReferralChildren.pack(child, siblings: child.siblingGroup == nil ? [] : [ReferralChildren.sibling()])
            let json = ReferralDocument.json(pack)
            #expect(try checker.problems(json) == [], "\(child.id) \(child.needs.map(\.code))")
            let top = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
            #expect(Set(top.keys).intersection(checker.entities.keys) == Self.referralEntities)
        }
    }

    @Test func theCheckerCatchesWhatTheStandardRefuses() throws {
        let checker = try StandardChecker()
        let good = ReferralDocument.json(ReferralChildren.pack(ReferralChildren.full(), siblings: [ReferralChildren.sibling()]))
        #expect(try checker.problems(good) == [])
        func tampered(_ from: String, _ to: String) throws -> [String] {
            #expect(good.contains(from), "the pack holds \(from)")
            return try checker.problems(good.replacingOccurrences(of: from, with: to))
        }
        #expect(try tampered("\"riskSelfHarm\": \"Risk Present\"", "\"riskSelfHarm\": \"Maybe\"") == ["Risks.riskSelfHarm: Maybe is not an option"])
        #expect(try tampered("\"riskSelfHarm\"", "\"riskSelfharm\"")
                    == ["Risks.riskSelfharm: not a field of Risks", "Risks.riskSelfHarm: required (1..1) but missing"])
        #expect(try tampered("\"homeAdaptation\": false", "\"homeAdaptation\": 0") == ["PlacementRequirements.homeAdaptation: not a boolean"])
        #expect(try tampered("\"childId\": 42", "\"childId\": \"C0042\"") == ["PlacementAvailability.childId: not an integer"])
        #expect(try tampered("\"specificCommunicationRequirements\": [\"Other\"]", "\"specificCommunicationRequirements\": [\"Welsh\"]")
                    == ["PlacementRequirements.specificCommunicationRequirements: Welsh is not an option"])
        #expect(try tampered("\"Risks\"", "\"Risk\"") == ["Risk: not an entity of the standard"])
    }
}
