import PlacementCore

/// What the checks against a home's current residents read, given to the demo's children after everything
/// else is made (its own random stream, so every other demo value stays as it was): some children living in
/// homes pose a risk to others, some children waiting say who they can live alongside, and some at risk of
/// criminal exploitation have a known associate living in a children's home.
struct DemoResidents {
    var rng: DemoRandom

    mutating func profile(_ children: inout [Child], placements: [Placement], providers: [Provider], today: Day) {
        let homes = Set(providers.filter { $0.serviceType == .childrensHome }.map(\.id))
        let living = Dictionary(placements.filter { $0.isOpen && !$0.isUndone && $0.start <= today }.map { ($0.childID, $0.providerID) }) { a, _ in a }
        let position = Dictionary(children.enumerated().map { ($1.id, $0) }) { a, _ in a }
        // Children in a children's home, by id order: the associates a waiting child may have.
        let inHomes = children.filter { living[$0.id].map(homes.contains) == true }.map(\.id).sorted()
        for i in children.indices {
            let c = children[i]
            let age = c.age(on: today)
            if c.status != .needsPlacement, living[c.id] != nil {
                // Residents: about one in six teenagers in a home poses a risk to others.
                if age >= 12, rng.chance(0.16) {
                    let sexual = c.needs.contains { $0.code == "CSE" } || rng.chance(0.35)
                    children[i].riskToOthers = [sexual ? .sexual : .criminal]
                }
            } else if c.status == .needsPlacement {
                let draw = rng.unit()
                if draw < 0.06 { children[i].livingCompanions = .solo }
                else if draw < 0.10 { children[i].livingCompanions = age >= 12 ? .youngerOnly : .olderOnly }
                if c.needs.contains(where: { $0.code == "CCE" }) || rng.chance(0.12), !inHomes.isEmpty {
                    let associate = inHomes[rng.below(inHomes.count)]
                    if associate != c.id, position[associate] != nil { children[i].associatesToAvoid = [associate] }
                }
            }
        }
    }
}
