import PlacementCore
/// A generated child with the located postcodes later stages need.
struct DemoChild {
    var child: Child
    var home: PostcodeRecord
}

/// Children across all 22 placing authorities: more teenagers, many Welsh names, some sibling groups.
struct DemoChildMaker {
    var rng: DemoRandom
    var postcodes: PostcodeBook
    let today: Day

    /// Age weights 0…17: looked-after children are mostly older (teenagers dominate residential care).
    private static let ageWeights: [Double] = [4, 3, 3, 3, 3, 3, 3, 4, 4, 4, 5, 6, 7, 8, 9, 10, 10, 9]

    mutating func make(count: Int) -> [DemoChild] {
        // Every authority places at least one child; the rest follow population.
        var forced = DemoPlaces.areas.map(\.code)
        rng.shuffle(&forced)
        let weights = DemoPlaces.areas.map(\.population)

        // Status quotas (about 25 needing placement and 10 with notice in 150), drawn per family
        // so siblings share a status.
        var needsLeft = Int((Double(count) / 6).rounded()), noticeLeft = Int((Double(count) / 15).rounded())
        var result: [DemoChild] = []
        var family = 0
        while result.count < count {
            let remaining = count - result.count
            let r = rng.unit()
            let size = r < 0.03 && remaining >= 3 ? 3 : (r < 0.10 && remaining >= 2 ? 2 : 1)
            let authority = family < forced.count ? forced[family] : DemoPlaces.areas[rng.weighted(weights)].code
            let s = rng.unit() * Double(remaining)
            let status: ChildStatus
            if s < Double(needsLeft) { status = .needsPlacement; needsLeft -= size }
            else if s < Double(needsLeft + noticeLeft) { status = .noticeReceived; noticeLeft -= size }
            else { status = .placed }
            result += makeFamily(size: size, authority: authority, status: status, familyNumber: family + 1)
            family += 1
        }
        for i in result.indices { result[i].child.id = DemoIDs.make("C", i + 1, width: 4) }
        // Sibling group ids name the lead child, now that ids are final.
        var groupLead: [String: String] = [:]
        for i in result.indices {
            guard let group = result[i].child.siblingGroup else { continue }
            let lead = groupLead[group.groupID] ?? result[i].child.id
            groupLead[group.groupID] = lead
            result[i].child.siblingGroup?.groupID = "SG-\(lead)"
        }
        return result
    }

    private mutating func makeFamily(size: Int, authority: String, status: ChildStatus, familyNumber: Int) -> [DemoChild] {
        let area = DemoPlaces.area(authority)!
        let home = postcodes.inAuthority(authority, &rng)
        let language = firstLanguage(area)
        let welshFamily = language != .english || rng.chance(0.5)
        let familyName = rng.pick(welshFamily ? DemoNames.welshFamilies : DemoNames.englishFamilies)
        let together = size > 1 && rng.chance(0.8)
        let leadAge = Self.ageWeights.indices[rng.weighted(Self.ageWeights)]
        var members: [DemoChild] = []
        var age = size > 1 ? max(leadAge, 2 * (size - 1)) : leadAge
        for _ in 0..<size {
            var child = makeChild(age: age, home: home, authority: authority, area: area, language: language,
                                  familyName: familyName, status: status)
            if size > 1 {
                child.siblingGroup = SiblingGroup(groupID: "F\(familyNumber)", mustBePlacedTogether: together)
                if together && !child.needs.contains(where: { $0.code == "SIB" }) {
                    child.needs.append(NeedRequirement(code: "SIB", level: .important))
                }
                // Groups kept together go to family settings that can take them.
                if together { child.acceptableSettings = [.foster, .kinship] }
            }
            members.append(DemoChild(child: child, home: home))
            age = max(0, age - rng.int(1...3))
        }
        return members
    }

    /// Welsh as a first language follows the share of Welsh speakers, strongest in the north and west.
    private mutating func firstLanguage(_ area: DemoPlaces.Area) -> FirstLanguage {
        let r = rng.unit()
        if r < area.welshSpeakers * 0.6 { return .welsh }
        if r < area.welshSpeakers * 0.9 + 0.02 { return .bilingual }
        return .english
    }

    private mutating func makeChild(age: Int, home: PostcodeRecord, authority: String, area: DemoPlaces.Area,
                                    language: FirstLanguage, familyName: String, status: ChildStatus) -> Child {
        let dob = today.adding(days: -(age * 365 + age / 4 + rng.int(0...364)))
        let age = dob.age(on: today)
        let g = rng.unit()
        let gender: Gender = g < 0.52 ? .male : (g < 0.98 ? .female : .other)
        var language = language
        var familyName = familyName
        var needs = needs(age: age)
        // A few older teenagers arrive alone seeking asylum.
        let asylum = age >= 14 && rng.chance(0.04)
        if asylum {
            language = .other
            familyName = rng.pick(DemoNames.asylumFamilies)
            needs.removeAll { $0.code == "UAS" || $0.code == "FTH" }
            needs += [NeedRequirement(code: "UAS", level: .essential), NeedRequirement(code: "FTH", level: .important)]
        }
        let parent = age >= 16 && gender == .female && !asylum && rng.chance(0.06)
        if parent { needs.append(NeedRequirement(code: "PAC", level: .essential)) }
        let given = givenName(gender: gender, language: language, asylum: asylum)

        let legal = legalStatus(age: age, needs: needs)
        var settings = acceptableSettings(age: age, needs: needs, parent: parent, legal: legal)
        settings = Setting.allCases.filter(settings.contains)

        let school: PostcodeRecord? = (4...16).contains(age)
            ? (rng.chance(0.7) ? postcodes.sameDistrict(as: home, &rng) : postcodes.inAuthority(authority, &rng))
            : nil

        let urgency: Urgency = status == .needsPlacement && rng.chance(0.25)
            ? .emergency : .neededBy(today.adding(days: rng.int(1...60)))

        return Child(
            id: "", givenName: given, familyName: familyName, dateOfBirth: dob, gender: gender,
            homePostcode: home.postcode.value, placingAuthority: authority,
            schoolPostcode: school?.postcode.value, firstLanguage: language,
            welshPlacement: welshPlacement(language), legalStatus: legal, needs: needs,
            safeguarding: safeguarding(age: age, needs: needs, authority: authority),
            acceptableSettings: settings, urgency: urgency, status: status)
    }

    private mutating func givenName(gender: Gender, language: FirstLanguage, asylum: Bool) -> String {
        if asylum { return rng.pick(gender == .female ? DemoNames.asylumGirls : DemoNames.asylumBoys) }
        if gender == .other { return rng.pick(DemoNames.neutral) }
        let welsh = language == .welsh || (language == .bilingual && rng.chance(0.7)) || rng.chance(0.3)
        switch (gender, welsh) {
        case (.female, true): return rng.pick(DemoNames.welshGirls)
        case (.female, false): return rng.pick(DemoNames.englishGirls)
        case (_, true): return rng.pick(DemoNames.welshBoys)
        default: return rng.pick(DemoNames.englishBoys)
        }
    }

    /// 0-4 needs, in catalogue order, from those common at the child's age.
    private mutating func needs(age: Int) -> [NeedRequirement] {
        let pool: [String] = switch age {
        case ..<5: ["AUT", "PHYS", "TRM", "LD"]
        case 5...11: ["AUT", "LD", "PHYS", "EBD", "MH", "TRM", "FTH"]
        default: ["AUT", "LD", "EBD", "SH", "MH", "TRM", "CSE", "CCE", "SUB", "MIS", "EDU", "FTH"]
        }
        let count = [0, 1, 2, 3, 4][rng.weighted([15, 30, 30, 15, 10])]
        return rng.sample(pool, count: min(count, age < 5 ? 2 : 4)).map {
            NeedRequirement(code: $0, level: rng.weighted([(NeedLevel.essential, 30), (.important, 45), (.desirable, 25)]))
        }
    }

    private mutating func welshPlacement(_ language: FirstLanguage) -> NeedLevel? {
        switch language {
        case .welsh: rng.weighted([(NeedLevel.essential, 45), (.important, 45), (.desirable, 10)])
        case .bilingual: rng.weighted([(NeedLevel?.some(.important), 30), (.some(.desirable), 40), (nil, 30)])
        default: rng.chance(0.04) ? .desirable : nil
        }
    }

    private mutating func legalStatus(age: Int, needs: [NeedRequirement]) -> LegalStatus {
        let risky = needs.contains { ["SH", "CCE", "MIS"].contains($0.code) }
        if age >= 12 && risky && rng.chance(0.12) { return .secureOrder }
        if age >= 15 && needs.contains(where: { $0.code == "CCE" }) && rng.chance(0.15) { return .remand }
        var table: [(LegalStatus, Double)] = [(.careOrder, 45), (.interimCareOrder, 20), (.section76, age >= 12 ? 28 : 15),
                                              (.emergencyProtection, 4)]
        if age < 8 { table.append((.placementOrder, 8)) }
        return rng.weighted(table)
    }

    private mutating func acceptableSettings(age: Int, needs: [NeedRequirement], parent: Bool,
                                             legal: LegalStatus) -> [Setting] {
        if legal == .secureOrder { return [.secure, .residential] }
        if parent { return [.parentAndChild, .foster] }
        let complex = needs.contains { ["EBD", "SH", "MH", "CSE", "CCE", "MIS", "SUB"].contains($0.code) }
        var settings: [Setting] = [.foster]
        switch age {
        case ..<8:
            settings.append(.kinship)
        case 8...12:
            settings.append(.kinship)
            if complex || rng.chance(0.2) { settings.append(.residential) }
        case 13...15:
            settings.append(.residential)
            if rng.chance(0.5) { settings.append(.kinship) }
        default:
            settings += [.residential, .supportedLodgings]
            if rng.chance(0.3) { settings.append(.kinship) }
        }
        if needs.contains(where: { ["AUT", "LD", "PHYS"].contains($0.code) }) && rng.chance(0.3) { settings.append(.shortBreak) }
        return settings
    }

    /// About one child in ten must be kept away from home: county lines (avoid the home authority,
    /// 20-40 miles away) or a named area (seed report 6.29, 7.14).
    private mutating func safeguarding(age: Int, needs: [NeedRequirement], authority: String) -> SafeguardingConstraints {
        let exploited = needs.contains { $0.code == "CCE" || $0.code == "CSE" }
        guard (exploited && rng.chance(0.6)) || (age >= 8 && rng.chance(0.05)) else { return .init() }
        if needs.contains(where: { $0.code == "CCE" }) || rng.chance(0.3) {
            return SafeguardingConstraints(avoidAuthorities: [authority], minimumMilesFromHome: Double(rng.int(20...40)))
        }
        let area = postcodes.inAuthority(authority, &rng)
        return SafeguardingConstraints(avoidAreas: [AvoidArea(postcode: area.postcode.value, radiusMiles: Double(rng.int(3...10)))])
    }
}
