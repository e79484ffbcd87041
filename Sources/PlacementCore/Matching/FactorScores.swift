/// One candidate's score on each factor, 0…1, as plain stored values so the hot loop allocates nothing.
struct FactorScores {
    var needsFit = 1.0, distanceFromHome = 1.0, distanceFromSchool = 1.0, locality = 1.0
    var welshLanguage = 1.0, providerStability = 1.0, previousBreakdown = 1.0, sector = 1.0
    var kinship = 1.0, freshness = 1.0, cost = 1.0

    subscript(_ factor: Factor) -> Double {
        switch factor {
        case .needsFit: needsFit
        case .distanceFromHome: distanceFromHome
        case .distanceFromSchool: distanceFromSchool
        case .locality: locality
        case .welshLanguage: welshLanguage
        case .providerStability: providerStability
        case .previousBreakdown: previousBreakdown
        case .sector: sector
        case .kinship: kinship
        case .freshness: freshness
        case .cost: cost
        }
    }
}
