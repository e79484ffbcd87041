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

    func reasons() -> [Bilingual] {
        var out = [needs(), distance()]
        if let school = profile.school {
            let miles = school.greatCircleMiles(to: unit) * Distance.roadFactor
            out.append(Bilingual(.coreReasonSchoolMiles) { ["miles": Distance.formatMiles(miles, approximate: approximate, language: $0)] })
        }
        if let level = profile.welshLevel {
            let offer: Message = switch provider.welshLanguage {
            case .fluent: .coreReasonWelshFluent
            case .some: .coreReasonWelshSome
            case .none: .coreReasonWelshNone
            }
            out.append(Bilingual(.coreReasonWelshOffer) { ["offer": offer.text($0), "level": level.label($0)] })
        }
        out.append(stability())
        if let inspection = provider.inspection {
            out.append(Bilingual(.coreReasonRating) {
                ["regulator": provider.regulator.label($0), "rating": inspection.rating.label($0), "date": inspection.date.iso]
            })
        } else {
            out.append(Bilingual(.coreReasonNoRating))
        }
        if profile.brokeDown(provider: columns.gates[index].provider) {
            let earlier = request.history.filter { $0.providerID == provider.id && $0.isBreakdown }.map(\.start).max()
            out.append(earlier.map { day in Bilingual(.coreReasonEarlierBreakdownStarted) { _ in ["date": day.description] } }
                       ?? Bilingual(.coreReasonEarlierBreakdown))
        }
        switch provider.sector {
        case .localAuthority: out.append(Bilingual(.coreReasonSectorInHouse))
        case .thirdSector: out.append(Bilingual(.coreReasonSectorNotForProfit))
        case .private: out.append(Bilingual(provider.profitStatus == .forProfit ? .coreReasonSectorPrivateForProfit : .coreReasonSectorPrivateNotForProfit))
        }
        if vacancy.setting == .kinship { out.append(Bilingual(.coreReasonKinship)) }
        let days = vacancy.daysSinceConfirmed(now: request.now)
        out.append(days == 0 ? Bilingual(.coreReasonConfirmedToday) : days == 1 ? Bilingual(.coreReasonConfirmedYesterday)
                   : Bilingual(.coreReasonConfirmedDaysAgo) { _ in ["days": String(days)] })
        let usual = engine.policy.usualWeeklyFee[vacancy.setting] ?? 0
        out.append(usual > 0
                   ? Bilingual(.coreReasonFeeUsual) { _ in ["fee": Money.pounds(vacancy.weeklyFee), "usual": Money.pounds(usual)] }
                   : Bilingual(.coreReasonFee) { _ in ["fee": Money.pounds(vacancy.weeklyFee)] })
        if let purchase = vacancy.purchase { out.append(Bilingual(words: { purchase.label($0) })) }
        out += residents()
        return out
    }

    /// Who lives there now, as counts and ages only, and each soft rule broken: never a name, initials or id.
    private func residents() -> [Bilingual] {
        guard columns.anyResidents else { return [] }
        let h = columns.home.isEmpty ? -1 : Int(columns.home[index])
        guard h >= 0 else { return [] }
        let home = columns.residents.homes[h]
        guard home.count > 0 else { return [Bilingual(.coreReasonNoResidents)] }
        let needed = Day(daysSinceEpoch: Int(profile.neededDay))
        let oldest = Day(daysSinceEpoch: Int(home.earliestBirth)).age(on: needed)
        let youngest = Day(daysSinceEpoch: Int(home.latestBirth)).age(on: needed)
        let ages = { (language: Language) in
            oldest == youngest ? Message.coreReasonResidentsAged.text(language, ["age": String(oldest)])
                : Message.coreReasonResidentsAgedRange.text(language, ["youngest": String(youngest), "oldest": String(oldest)])
        }
        var out = [home.count == 1 ? Bilingual(.coreReasonResidentsOne) { ["ages": ages($0)] }
                   : Bilingual(.coreReasonResidentsMany) { ["count": String(home.count), "ages": ages($0)] }]
        let broken = profile.residentRules(columns.gates[index], at: index) & profile.residents.soft
        for rule in ResidentRule.allCases where broken & rule.bit != 0 {
            switch rule {
            case .ageGap:
                let limit = min(profile.residents.maxAgeGap, Int(columns.gates[index].ageMax) - Int(columns.gates[index].ageMin))
                out.append(Bilingual(.coreReasonResidentAgeGap) { _ in ["gap": String(profile.residents.gap[h]), "limit": String(limit)] })
            case .exploitation: out.append(Bilingual(.coreReasonResidentExploitation))
            case .livingCompanions:
                let wish = request.children.compactMap(\.livingCompanions).first
                out.append(Bilingual(.coreReasonResidentCompanions) {
                    ["wish": wish?.label($0) ?? Message.coreReasonResidentCompanionsUnknown.text($0)]
                })
            case .associate: out.append(Bilingual(.coreReasonResidentAssociate))
            case .genderMix: out.append(Bilingual(.coreReasonResidentGenderMix))
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

    private func needs() -> Bilingual {
        let catalogue = engine.index.catalogue
        let all = profile.essential.union(profile.important).union(profile.desirable)
        guard !all.isEmpty else { return Bilingual(.coreReasonNoNeeds) }
        let missed = all.subtracting(columns.gates[index].capabilities)
        let counts = ["met": String(all.count - missed.count), "all": String(all.count)]
        guard !missed.isEmpty else { return Bilingual(.coreReasonNeedsMet) { _ in counts } }
        return Bilingual(.coreReasonNeedsMissed) { language in
            let names = catalogue.codes(in: missed).map { code in
                let level: NeedLevel = profile.important.isSuperset(of: catalogue.set([code])) ? .important : .desirable
                return "\(catalogue.name(of: code, language)) (\(level.label(language)))"
            }
            return counts.merging(["missed": names.joined(separator: ", ")]) { a, _ in a }
        }
    }

    private func distance() -> Bilingual {
        let miles = candidate.roadMiles
        let minutes = Int(Distance.estimatedDriveMinutes(roadMiles: miles).rounded())
        return Bilingual(.coreReasonDistance) { language in
            let drive = minutes < 60 ? Message.coreUnitMinutes.text(language, ["minutes": String(minutes)])
                : Message.coreUnitHoursMinutes.text(language, ["hours": String(minutes / 60), "minutes": String(minutes % 60)])
            return ["miles": Distance.formatMiles(miles, approximate: approximate, language: language), "drive": drive,
                    "tier": candidate.tier.label(language)]
        }
    }

    private func stability() -> Bilingual {
        let s = engine.index.stability(of: index)
        let days = engine.policy.stabilityWindowDays
        let window = { (language: Language) in
            days == 365 ? Message.coreReasonWindowYear.text(language) : Message.coreReasonWindowDays.text(language, ["days": String(days)])
        }
        if s.shortNoticeEndings > 0 {
            let ended = Bilingual(s.shortNoticeEndings == 1 ? .coreReasonStabilityShortNoticeOne : .coreReasonStabilityShortNoticeMany) {
                ["count": String(s.shortNoticeEndings), "window": window($0)]
            }
            guard s.breakdowns > 0 else { return ended }
            return ended + Bilingual(s.breakdowns == 1 ? .coreReasonStabilityAlsoBrokeDownOne : .coreReasonStabilityAlsoBrokeDownMany) { _ in
                ["breakdowns": String(s.breakdowns), "placements": String(s.placements)]
            }
        }
        if s.breakdowns > 0 {
            return Bilingual(.coreReasonStabilityBrokeDown) {
                ["breakdowns": String(s.breakdowns), "placements": String(s.placements), "window": window($0)]
            }
        }
        if s.placements > 0 {
            return Bilingual(s.placements == 1 ? .coreReasonStabilityNoBreakdownsOne : .coreReasonStabilityNoBreakdownsMany) {
                ["placements": String(s.placements), "window": window($0)]
            }
        }
        return Bilingual(.coreReasonStabilityNoHistory) { ["window": window($0)] }
    }
}
