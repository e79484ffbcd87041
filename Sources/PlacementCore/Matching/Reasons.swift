import Foundation

/// Writes the reasons and flags of one ranked candidate in words an officer would use.
struct ReasonWriter {
    let engine: MatchEngine
    let profile: Profile
    let request: MatchRequest
    let index: Int
    let candidate: RankedCandidate

    private var vacancy: Vacancy { engine.index.vacancies[index] }
    private var provider: Provider { engine.index.provider(of: index) }
    private var columns: CandidateIndex.Columns { engine.index.columns }
    private var unit: UnitVector { columns.units[index] }
    private var approximate: Bool { columns.approximate[index] || request.home.isApproximate }

    func reasons() -> [String] {
        var out = [needs(), distance()]
        if let school = profile.school {
            let miles = school.greatCircleMiles(to: unit) * Distance.roadFactor
            out.append("\(Distance.formatMiles(miles, approximate: approximate)) by road from school (est.)")
        }
        if let level = profile.welshLevel {
            let offer = switch provider.welshLanguage {
            case .fluent: "Welsh-speaking care"
            case .some: "some Welsh spoken"
            case .none: "no Welsh-speaking care"
            }
            out.append("\(offer) (Welsh \(level.rawValue))")
        }
        out.append(stability())
        if let inspection = provider.inspection {
            out.append("\(provider.regulator.rawValue) rating: \(inspection.rating.label) (inspected \(inspection.date.iso))")
        } else {
            out.append("no regulator's rating recorded")
        }
        if profile.brokeDown(provider: columns.gates[index].provider) {
            let earlier = request.history.filter { $0.providerID == provider.id && $0.isBreakdown }.map(\.start).max()
            out.append("this child's earlier placement with this provider broke down" + (earlier.map { " (started \($0))" } ?? ""))
        }
        switch provider.sector {
        case .localAuthority: out.append("local authority (in-house)")
        case .thirdSector: out.append("not-for-profit provider")
        case .private: out.append(provider.profitStatus == .forProfit ? "private, for-profit provider" : "private, not-for-profit provider")
        }
        if vacancy.setting == .kinship { out.append("kinship / connected-person carer (preferred under s.81 of the 2014 Act)") }
        let days = vacancy.daysSinceConfirmed(now: request.now)
        out.append(days == 0 ? "confirmed today" : days == 1 ? "confirmed yesterday" : "confirmed \(days) days ago")
        let usual = engine.policy.usualWeeklyFee[vacancy.setting] ?? 0
        out.append("\(Money.pounds(vacancy.weeklyFee)) a week" + (usual > 0 ? " (usual \(Money.pounds(usual)))" : ""))
        if let purchase = vacancy.purchase { out.append(purchase.label) }
        out += residents()
        return out
    }

    /// Who lives there now, as counts and ages only, and each soft rule broken: never a name, initials or id.
    private func residents() -> [String] {
        guard columns.anyResidents else { return [] }
        let h = columns.home.isEmpty ? -1 : Int(columns.home[index])
        guard h >= 0 else { return [] }
        let home = columns.residents.homes[h]
        guard home.count > 0 else { return ["no other children living here now"] }
        let needed = Day(daysSinceEpoch: Int(profile.neededDay))
        let oldest = Day(daysSinceEpoch: Int(home.earliestBirth)).age(on: needed)
        let youngest = Day(daysSinceEpoch: Int(home.latestBirth)).age(on: needed)
        let ages = oldest == youngest ? "aged \(oldest)" : "aged \(youngest)-\(oldest)"
        var out = [home.count == 1 ? "1 other child living here now, \(ages)" : "\(home.count) other children living here now, \(ages)"]
        let broken = profile.residentRules(columns.gates[index], at: index) & profile.residents.soft
        for rule in ResidentRule.allCases where broken & rule.bit != 0 {
            switch rule {
            case .ageGap:
                let limit = min(profile.residents.maxAgeGap, Int(columns.gates[index].ageMax) - Int(columns.gates[index].ageMin))
                out.append("age gap of \(profile.residents.gap[h]) years with a child living here (the home's purpose and the policy allow \(limit))")
            case .exploitation: out.append("exploitation risk between this child and a child living here")
            case .livingCompanions:
                let wish = request.children.compactMap(\.livingCompanions).first.map(\.label) ?? "who they can live alongside"
                out.append("not who this child can live alongside (\(wish))")
            case .associate: out.append("a known associate this child must not live with is placed here")
            case .genderMix: out.append("the gender mix here would not be one the home is registered for")
            }
        }
        return out
    }

    func flags() -> [MatchFlag] {
        var out: [MatchFlag] = []
        if candidate.tier != .inCounty { out.append(.outOfArea) }
        if let school = profile.school,
           school.greatCircleMiles(to: unit) * Distance.roadFactor >= engine.policy.schoolMoveMiles {
            let needed = Day(daysSinceEpoch: Int(profile.neededDay))
            if request.children.contains(where: { $0.isKeyStage4(on: needed) }) { out.append(.keyStage4SchoolMove) }
        }
        if provider.profitStatus == .forProfit { out.append(.forProfit) }
        if vacancy.daysSinceConfirmed(now: request.now) > engine.policy.staleAfterDays { out.append(.staleVacancy) }
        if approximate { out.append(.approximateLocation) }
        if profile.noNeedsRecorded { out.append(.noNeedsRecorded) }
        if let inspection = provider.inspection, inspection.date.days(until: request.today) > engine.policy.inspectionMaxAgeDays {
            out.append(.oldInspection)
        }
        if profile.residentRules(columns.gates[index], at: index) & profile.residents.soft != 0 { out.append(.residentsConcern) }
        return out
    }

    private func needs() -> String {
        let catalogue = engine.index.catalogue
        let all = profile.essential.union(profile.important).union(profile.desirable)
        guard !all.isEmpty else { return "no needs recorded: the fit to needs scores 0 until they are" }
        let missed = all.subtracting(columns.gates[index].capabilities)
        var text = "meets \(all.count - missed.count) of \(all.count) needs"
        if !missed.isEmpty {
            let names = catalogue.codes(in: missed).map { code in
                let level: NeedLevel = profile.important.isSuperset(of: catalogue.set([code])) ? .important : .desirable
                return "\(catalogue.name(of: code)) (\(level.rawValue))"
            }
            text += "; misses " + names.joined(separator: ", ")
        }
        return text
    }

    private func distance() -> String {
        let miles = candidate.roadMiles
        let minutes = Int(Distance.estimatedDriveMinutes(roadMiles: miles).rounded())
        let drive = minutes < 60 ? "\(minutes) min" : "\(minutes / 60) h \(minutes % 60) min"
        return "\(Distance.formatMiles(miles, approximate: approximate)) by road (est., about \(drive) drive), \(candidate.tier.label)"
    }

    private func stability() -> String {
        let s = engine.index.stability(of: index)
        let window = engine.policy.stabilityWindowDays == 365 ? "the last 12 months" : "the last \(engine.policy.stabilityWindowDays) days"
        if s.shortNoticeEndings > 0 {
            return "this provider ended \(s.shortNoticeEndings) placement\(s.shortNoticeEndings == 1 ? "" : "s") at short notice (24 h or less) in \(window)"
                + (s.breakdowns > 0 ? "; \(s.breakdowns) breakdown\(s.breakdowns == 1 ? "" : "s") of \(s.placements) placements" : "")
        }
        if s.breakdowns > 0 {
            return "\(s.breakdowns) of this provider's \(s.placements) placements broke down in \(window)"
        }
        if s.placements > 0 { return "no breakdowns in \(s.placements) placement\(s.placements == 1 ? "" : "s") in \(window)" }
        return "no placement history with this provider in \(window)"
    }
}
