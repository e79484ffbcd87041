import PlacementCore
/// The demo's provider categories and how many of each to make.
enum ProviderKind: Int, CaseIterable, Sendable {
    case residentialPrivate, residentialLA, residentialThird
    case fosterLA, kinship, fosterAgency, fosterThird
    case parentAndChild, supportedLodgings, secure, shortBreaks

    /// Share of all providers. Residential homes (38%) split 85/13/2 private/council/third sector
    /// (seed report 4.4, Table 4.2); fostering (50%) split 49/24/23/4 council/kinship/agency/third
    /// sector (4.22, Table 4.8). The remaining 12% are the smaller services.
    var share: Double {
        switch self {
        case .residentialPrivate: 0.38 * 0.85
        case .residentialLA: 0.38 * 0.13
        case .residentialThird: 0.38 * 0.02
        case .fosterLA: 0.50 * 0.49
        case .kinship: 0.50 * 0.24
        case .fosterAgency: 0.50 * 0.23
        case .fosterThird: 0.50 * 0.04
        case .parentAndChild: 0.03
        case .supportedLodgings: 0.04
        case .secure: 0.01
        case .shortBreaks: 0.04
        }
    }

    var setting: Setting {
        switch self {
        case .residentialPrivate, .residentialLA, .residentialThird: .residential
        case .fosterLA, .fosterAgency, .fosterThird: .foster
        case .kinship: .kinship
        case .parentAndChild: .parentAndChild
        case .supportedLodgings: .supportedLodgings
        case .secure: .secure
        case .shortBreaks: .shortBreak
        }
    }

    var serviceType: ServiceType {
        switch self {
        case .residentialPrivate, .residentialLA, .residentialThird: .childrensHome
        case .fosterLA, .kinship: .localAuthorityFostering
        case .fosterAgency, .fosterThird: .fosteringAgency
        case .parentAndChild: .parentAndChild
        case .supportedLodgings: .supportedLodgings
        case .secure: .secureHome
        case .shortBreaks: .shortBreaks
        }
    }

    var isResidential: Bool { setting == .residential }
    var isFostering: Bool { setting == .foster || setting == .kinship }

    /// Needs this kind of service commonly meets; residential homes carry the specialist ones.
    var capabilityPool: [String] {
        switch self {
        case .residentialPrivate, .residentialLA, .residentialThird:
            ["AUT", "LD", "EBD", "SH", "MH", "TRM", "CSE", "CCE", "SUB", "MIS", "EDU", "FTH"]
        case .fosterLA, .fosterAgency, .fosterThird: ["AUT", "LD", "PHYS", "EBD", "TRM", "FTH", "UAS", "SIB"]
        case .kinship: ["SIB", "FTH"]
        case .parentAndChild: ["PAC", "TRM", "LD"]
        case .supportedLodgings: ["UAS", "MIS", "FTH"]
        case .secure: ["SH", "MH", "CCE", "CSE", "SUB", "MIS", "EDU", "TRM"]
        case .shortBreaks: ["AUT", "LD", "PHYS"]
        }
    }

    var capabilityCount: ClosedRange<Int> {
        switch self {
        case .residentialPrivate, .residentialLA, .residentialThird: 3...7
        case .secure: 5...8
        case .kinship: 0...1
        case .parentAndChild: 1...3
        default: 1...3
        }
    }

    /// Relative number of vacancies a provider of this kind advertises; kinship vacancies are few.
    var vacancyWeight: Double {
        switch self {
        case .residentialPrivate: 1.0
        case .residentialLA, .residentialThird: 0.8
        case .fosterLA: 2.2
        case .kinship: 0.1
        case .fosterAgency: 1.6
        case .fosterThird: 1.2
        case .parentAndChild: 0.5
        case .supportedLodgings: 0.6
        case .secure: 0.4
        case .shortBreaks: 0.5
        }
    }

    /// Largest-remainder apportionment of `total` providers by `share`: exact, deterministic counts.
    static func counts(total: Int) -> [ProviderKind: Int] {
        let exact = allCases.map { Double(total) * $0.share }
        var counts = exact.map { Int($0) }
        let order = allCases.indices.sorted { (exact[$0] - Double(counts[$0]), -$0) > (exact[$1] - Double(counts[$1]), -$1) }
        for i in order.prefix(max(0, total - counts.reduce(0, +))) { counts[i] += 1 }
        var result: [ProviderKind: Int] = [:]
        for (i, kind) in allCases.enumerated() { result[kind] = counts[i] }
        return result
    }
}
