import Foundation
import PlacementCore

/// Whole-record checks shared by CSV and JSON import: the domain's own `issues(...)` plus the
/// formats the files promise (postcodes, authority codes, ids, need codes). Field names are the
/// CSV column names. Problems for children never include the child's values.
enum RecordChecks {
    static func id(_ id: String, field: String = "id") -> [DomainIssue] {
        id.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? [.init(field: field, problem: "is required but empty")] : []
    }

    static func postcode(_ value: String, field: String, show: Bool) -> [DomainIssue] {
        normalisedPostcode(value) == value ? []
            : [.init(field: field, problem: (show ? "\"\(value)\" " : "") + "is not a UK postcode written like CF10 1AA")]
    }

    static func authority(_ value: String, field: String, show: Bool) -> [DomainIssue] {
        isAuthorityCode(value) ? []
            : [.init(field: field, problem: (show ? "\"\(value)\" " : "") + "is not a local authority ONS code (e.g. W06000015)")]
    }

    static func provider(_ p: Provider) -> [DomainIssue] {
        id(p.id) + postcode(p.postcode, field: "postcode", show: true)
            + authority(p.authorityCode, field: "authority_code", show: true) + p.issues()
    }

    static func vacancy(_ v: Vacancy) -> [DomainIssue] {
        var found = id(v.id) + id(v.providerID, field: "provider_id")
        if let code = v.postcode { found += postcode(code, field: "postcode", show: true) }
        found += v.issues()
        if let hold = v.hold {
            found += id(hold.childID, field: "hold_child_id") + id(hold.officer, field: "hold_officer")
        }
        return found
    }

    static func child(_ c: Child, today: Day) -> [DomainIssue] {
        var found = id(c.id) + postcode(c.homePostcode, field: "home_postcode", show: false)
            + authority(c.placingAuthority, field: "placing_authority", show: false)
        if let school = c.schoolPostcode { found += postcode(school, field: "school_postcode", show: false) }
        for (i, code) in c.safeguarding.avoidAuthorities.enumerated() where !isAuthorityCode(code) {
            found.append(.init(field: "avoid_authorities", problem: "item \(i + 1) is not a local authority ONS code"))
        }
        for (i, area) in c.safeguarding.avoidAreas.enumerated() where normalisedPostcode(area.postcode) != area.postcode {
            found.append(.init(field: "avoid_areas", problem: "item \(i + 1) is not a UK postcode written like CF10 1AA"))
        }
        var seen = Set<String>()
        for (i, need) in c.needs.enumerated() {
            if !NeedCatalogue.standard.contains(need.code) {
                found.append(.init(field: "needs", problem: "item \(i + 1) is not a need code in the catalogue"))
            } else if !seen.insert(need.code).inserted {
                found.append(.init(field: "needs", problem: "item \(i + 1) repeats a need code"))
            }
        }
        if let group = c.siblingGroup { found += id(group.groupID, field: "sibling_group") }
        // The domain's need problems name the code; ours above do not, so drop its duplicates.
        found += c.issues(today: today).filter { $0.field != "needs" }
        return found
    }

    static func placement(_ p: Placement) -> [DomainIssue] {
        id(p.id) + id(p.childID, field: "child_id") + id(p.providerID, field: "provider_id") + p.issues
    }
}

/// Reads every row of a CSV with `parse`, then checks it and that its id is new in the file.
func readAll<T>(_ data: Data, file: String, schema: FileLayout, id: (T) -> String,
                check: (T) -> [DomainIssue],
                parse: (CSVRecord) throws(ImportError) -> T) throws(ImportError) -> [T] {
    try readAllWithLines(data, file: file, schema: schema, id: id, check: check, parse: parse).values
}

/// As `readAll`, also returning the line each id stands on, so later checks (references into the
/// store) can point at the line too.
func readAllWithLines<T>(_ data: Data, file: String, schema: FileLayout, id: (T) -> String,
                         check: (T) -> [DomainIssue],
                         parse: (CSVRecord) throws(ImportError) -> T) throws(ImportError) -> (values: [T], lines: [String: Int]) {
    var values: [T] = []
    var firstLine: [String: Int] = [:]
    try readRecords(data, file: file, schema: schema) { (record: CSVRecord) throws(ImportError) in
        let value = try parse(record)
        if let issue = check(value).first { throw record.fail(issue.field, issue.problem) }
        let key = id(value)
        if let first = firstLine[key] {
            throw record.fail("id", "\(record.shown(key))is already used on line \(first); ids must be unique in the file")
        }
        firstLine[key] = record.line
        values.append(value)
    }
    return (values, firstLine)
}

