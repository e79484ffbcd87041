import Foundation

/// A broken domain rule, named by the field so importers can point at the column.
public struct DomainIssue: Sendable, Hashable, CustomStringConvertible {
    public let field: String
    public let problem: String
    public init(field: String, problem: String) {
        self.field = field
        self.problem = problem
    }
    public var description: String { description(.en) }

    /// The issue in `language`: the field stays the documented column name, the problem is a catalogued
    /// phrase (`core.phrase.problem.*`).
    public func description(_ language: Language) -> String {
        Message.coreDomainIssue.text(language, ["field": field, "problem": Catalogue.phrase(problem, language)])
    }
}

/// Ages Placefinder deals with: children's services up to care leavers in supported lodgings.
public let supportedAges = 0...25

extension Vacancy {
    public func issues(catalogue: NeedCatalogue = .standard) -> [DomainIssue] {
        var found: [DomainIssue] = []
        if beds < 0 { found.append(.init(field: "beds", problem: "must not be negative")) }
        else if !Limits.beds.contains(beds) { found.append(.init(field: "beds", problem: "must be \(Limits.text(Limits.beds))")) }
        if !supportedAges.contains(ageRange.lowerBound) || !supportedAges.contains(ageRange.upperBound) {
            found.append(.init(field: "age_min", problem: "ages must lie within \(supportedAges.lowerBound)-\(supportedAges.upperBound)"))
        }
        if maxSiblingGroup < 1 { found.append(.init(field: "max_sibling_group", problem: "must be at least 1")) }
        else if !Limits.siblingGroup.contains(maxSiblingGroup) {
            found.append(.init(field: "max_sibling_group", problem: "must be \(Limits.text(Limits.siblingGroup))"))
        }
        if weeklyFee < 0 { found.append(.init(field: "weekly_fee", problem: "must not be negative")) }
        else if !Limits.weeklyFee.contains(weeklyFee) {
            found.append(.init(field: "weekly_fee", problem: "must be \(Limits.text(Limits.weeklyFee)) pounds a week"))
        }
        found += nulIssues([("id", id), ("provider_id", providerID), ("hold_child_id", hold?.childID ?? ""),
                            ("hold_officer", hold?.officer ?? "")] + connectedChildIDs.map { ("connected_children", $0) })
        if gendersAccepted.isEmpty { found.append(.init(field: "genders", problem: "must accept at least one gender")) }
        for code in extraCapabilities where !catalogue.contains(code) {
            found.append(.init(field: "capabilities", problem: "unknown need code \(code)"))
        }
        if status == .held && hold == nil { found.append(.init(field: "status", problem: "held without a hold")) }
        return found
    }
}

extension Provider {
    public func issues(catalogue: NeedCatalogue = .standard) -> [DomainIssue] {
        var found: [DomainIssue] = []
        if name.trimmingCharacters(in: .whitespaces).isEmpty { found.append(.init(field: "name", problem: "must not be empty")) }
        found += nulIssues([("id", id), ("name", name), ("registration_number", registrationNumber),
                            ("contact_name", contact.name), ("contact_phone", contact.phone), ("contact_email", contact.email)])
        for code in capabilities where !catalogue.contains(code) {
            found.append(.init(field: "capabilities", problem: "unknown need code \(code)"))
        }
        return found
    }
}

extension Child {
    public func issues(today: Day, catalogue: NeedCatalogue = .standard) -> [DomainIssue] {
        var found: [DomainIssue] = []
        if givenName.isEmpty && familyName.isEmpty { found.append(.init(field: "given_name", problem: "a name is required")) }
        if dateOfBirth > today { found.append(.init(field: "date_of_birth", problem: "is in the future")) }
        if !supportedAges.contains(dateOfBirth.age(on: today)) {
            found.append(.init(field: "date_of_birth", problem: "age outside \(supportedAges.lowerBound)-\(supportedAges.upperBound)"))
        }
        var seen = Set<String>()
        for need in needs {
            if !catalogue.contains(need.code) { found.append(.init(field: "needs", problem: "unknown need code \(need.code)")) }
            if !seen.insert(need.code).inserted { found.append(.init(field: "needs", problem: "need \(need.code) listed twice")) }
        }
        if acceptableSettings.isEmpty { found.append(.init(field: "settings", problem: "at least one acceptable setting is required")) }
        if let minimum = safeguarding.minimumMilesFromHome, minimum < 0 {
            found.append(.init(field: "min_miles_from_home", problem: "must not be negative"))
        } else if let minimum = safeguarding.minimumMilesFromHome, !Limits.minimumMilesFromHome.contains(minimum) {
            found.append(.init(field: "min_miles_from_home", problem: "must be \(Limits.text(Limits.minimumMilesFromHome)) miles"))
        }
        for area in safeguarding.avoidAreas where area.radiusMiles <= 0 {
            found.append(.init(field: "avoid_areas", problem: "radius must be positive"))
        }
        for area in safeguarding.avoidAreas where area.radiusMiles > Limits.avoidRadiusMiles.upperBound || !area.radiusMiles.isFinite {
            found.append(.init(field: "avoid_areas", problem: "radius must be at most \(Int(Limits.avoidRadiusMiles.upperBound)) miles"))
        }
        if associatesToAvoid.contains(id) {
            found.append(.init(field: "associates_to_avoid", problem: "lists the child themself"))
        }
        found += nulIssues([("id", id), ("given_name", givenName), ("family_name", familyName),
                            ("sibling_group", siblingGroup?.groupID ?? "")] + associatesToAvoid.map { ("associates_to_avoid", $0) })
        return found
    }
}

extension Placement {
    public var issues: [DomainIssue] {
        var found: [DomainIssue] = []
        if let end = actualEnd, end < start { found.append(.init(field: "actual_end", problem: "is before the start")) }
        if let end = plannedEnd, end < start { found.append(.init(field: "planned_end", problem: "is before the start")) }
        if let hours = noticeHours, hours < 0 { found.append(.init(field: "notice_hours", problem: "must not be negative")) }
        else if let hours = noticeHours, !Limits.noticeHours.contains(hours) {
            found.append(.init(field: "notice_hours", problem: "must be \(Limits.text(Limits.noticeHours)) hours"))
        }
        if actualEnd != nil && ending == nil && undone == nil { found.append(.init(field: "ending", problem: "an ended placement needs planned or breakdown")) }
        if actualEnd == nil && (ending != nil || endReason != nil) {
            found.append(.init(field: "actual_end", problem: "an ending or reason is recorded but no end date"))
        }
        if !(0...5).contains(localityTier) { found.append(.init(field: "locality_tier", problem: "must be 0-5")) }
        if milesFromHome < 0 { found.append(.init(field: "miles_from_home", problem: "must not be negative")) }
        else if !Limits.milesFromHome.contains(milesFromHome) {
            found.append(.init(field: "miles_from_home", problem: "must be \(Limits.text(Limits.milesFromHome)) miles"))
        }
        if let undo = undone {
            if actualEnd != start { found.append(.init(field: "actual_end", problem: "an undone placement ends on its start day")) }
            if undo.reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                found.append(.init(field: "undo_reason", problem: "an undone placement needs the reason"))
            }
        }
        found += nulIssues([("id", id), ("child_id", childID), ("provider_id", providerID), ("vacancy_id", vacancyID ?? ""),
                            ("panel_approval", approvals?.panel ?? ""), ("ks4_approval", approvals?.keyStage4 ?? ""),
                            ("exceptional_reason", approvals?.exceptionalReason ?? ""), ("undo_reason", undone?.reason ?? "")])
        return found
    }
}

/// One issue per field holding a NUL byte (see `containsNUL`).
func nulIssues(_ fields: [(String, String)]) -> [DomainIssue] {
    fields.filter { containsNUL($0.1) }.map { DomainIssue(field: $0.0, problem: "holds a NUL byte; refused (is the file binary or damaged?)") }
}

extension Vacancy {
    /// On import: a hold may lapse at most `Limits.holdDays` after `today` (UK day of expiry).
    public func holdIssues(today: Day) -> [DomainIssue] {
        guard let hold, WorkflowTime.day(of: hold.expiresAt) > today.adding(days: Limits.holdDays) else { return [] }
        return [.init(field: "hold_expires_at", problem: "is more than \(Limits.holdDays) days ahead")]
    }
}
