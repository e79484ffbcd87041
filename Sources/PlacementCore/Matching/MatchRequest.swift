import Foundation

/// What the engine needs to know about one child (or a sibling group placed together) beyond the
/// vacancies: locations already resolved, the calls already made and the child's history.
public struct MatchRequest: Sendable {
    /// One child, or every member of a group that must be placed together (the first is the lead).
    public var children: [Child]
    public var home: GeoLocation
    /// Each child's school, by child id (the lead's counts for a group placed together).
    public var schools: [String: GeoLocation]
    public var avoidAreas: [ResolvedAvoidArea]
    public var today: Day
    public var now: Date
    /// Providers and vacancies recorded as having declined this child.
    public var declinedProviderIDs: Set<String>
    public var declinedVacancyIDs: Set<String>
    /// The children's earlier placements, to find providers they broke down with.
    public var history: [Placement]

    public init(children: [Child], home: GeoLocation, schools: [String: GeoLocation] = [:],
                avoidAreas: [ResolvedAvoidArea] = [], today: Day, now: Date,
                declinedProviderIDs: Set<String> = [], declinedVacancyIDs: Set<String> = [],
                history: [Placement] = []) {
        precondition(!children.isEmpty, "a match needs a child")
        self.children = children
        self.home = home
        self.schools = schools
        self.avoidAreas = avoidAreas
        self.today = today
        self.now = now
        self.declinedProviderIDs = declinedProviderIDs
        self.declinedVacancyIDs = declinedVacancyIDs
        self.history = history
    }

    /// Builds a request by resolving the lead child's postcodes; nil (with the field) when home cannot be located.
    public static func resolving(children: [Child], today: Day, now: Date, contacts: [Contact] = [],
                                 history: [Placement] = [],
                                 locate: (_ postcode: String, _ fallbackAuthority: String?) -> GeoLocation?) -> Result<MatchRequest, MatchError> {
        let lead = children[0]
        guard let home = locate(lead.homePostcode, lead.placingAuthority) else { return .failure(.homeNotLocated(childID: lead.id)) }
        let ids = Set(children.map(\.id))
        // Amended calls count as amended; a decline covers its vacancy or, by default, the whole provider.
        let declines = Corrections.current(contacts).filter { ids.contains($0.childID) && $0.outcome == .declined }
        var areas: [ResolvedAvoidArea] = []
        var schools: [String: GeoLocation] = [:]
        for child in children {
            schools[child.id] = child.schoolPostcode.flatMap { locate($0, child.placingAuthority) }
            for area in child.safeguarding.avoidAreas {
                guard let centre = locate(area.postcode, nil) else { return .failure(.avoidAreaNotLocated(childID: child.id)) }
                areas.append(ResolvedAvoidArea(childID: child.id, location: centre, radiusMiles: area.radiusMiles))
            }
        }
        return .success(MatchRequest(
            children: children, home: home, schools: schools, avoidAreas: areas,
            today: today, now: now,
            declinedProviderIDs: Set(declines.filter { $0.effectiveDeclineScope == .provider }.map(\.providerID)),
            declinedVacancyIDs: Set(declines.filter { $0.effectiveDeclineScope == .vacancy }.compactMap(\.vacancyID)),
            history: history.filter { ids.contains($0.childID) && !$0.isUndone }))
    }
}

/// A safeguarding avoid-area with its centre located, and whose it is.
public struct ResolvedAvoidArea: Sendable, Hashable {
    public var childID: String
    public var location: GeoLocation
    public var radiusMiles: Double
    public init(childID: String, location: GeoLocation, radiusMiles: Double) {
        self.childID = childID
        self.location = location
        self.radiusMiles = radiusMiles
    }
}

public enum MatchError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownChild(String)
    case alreadyPlaced(childID: String)
    case homeNotLocated(childID: String)
    case avoidAreaNotLocated(childID: String)

    public var description: String { description(.en) }

    public func description(_ language: Language) -> String {
        switch self {
        case .unknownChild(let id): Message.coreMatchErrorUnknownChild.text(language, ["id": id])
        case .alreadyPlaced(let id): Message.coreMatchErrorAlreadyPlaced.text(language, ["id": id])
        case .homeNotLocated(let id): Message.coreMatchErrorHomeNotLocated.text(language, ["id": id])
        case .avoidAreaNotLocated(let id): Message.coreMatchErrorAvoidAreaNotLocated.text(language, ["id": id])
        }
    }
}
