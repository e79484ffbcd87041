import PlacementCore
/// Kinship and connected-person carers are approved for particular children (s.81 of the 2014 Act), so each
/// demo kinship vacancy is connected to a child of its provider's authority — preferring children who
/// still need a home and whose plan accepts kinship care — and to that child's siblings.
enum DemoKinship {
    static func connect(_ vacancies: [Vacancy], providers: [Provider], children: [Child]) -> [Vacancy] {
        let authorityOf = Dictionary(providers.map { ($0.id, $0.authorityCode) }) { first, _ in first }
        let byAuthority = Dictionary(grouping: children, by: \.placingAuthority).mapValues { group in
            group.sorted { a, b in
                let (wa, wb) = (wants(a), wants(b))
                return wa != wb ? wa : a.id < b.id
            }
        }
        var used: [String: Int] = [:]
        return vacancies.map { vacancy in
            guard vacancy.setting == .kinship, let authority = authorityOf[vacancy.providerID],
                  let candidates = byAuthority[authority], !candidates.isEmpty else { return vacancy }
            let n = used[authority, default: 0]
            used[authority] = n + 1
            let child = candidates[n % candidates.count]
            var connected = [child.id]
            if let group = child.siblingGroup {
                connected += children.filter { $0.siblingGroup?.groupID == group.groupID && $0.id != child.id }.map(\.id).sorted()
            }
            var linked = vacancy
            linked.connectedChildIDs = connected
            return linked
        }
    }

    private static func wants(_ child: Child) -> Bool {
        child.status != .placed && child.acceptableSettings.contains(.kinship)
    }
}
