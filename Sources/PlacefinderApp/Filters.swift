import PlacementCore

/// One field of a filter panel: a name and its values; value 0 means "no filter".
public struct FilterField: Sendable, Equatable {
    public var name: String
    public var options: [String]
}

/// Vacancy filter fields, in panel order.
public enum VacancyFilter: Int, CaseIterable, Sendable {
    case setting, sector, area, age, need, availableBy, emergencies, welsh, confirmedWithin, locality, statuses

    static let availableDays = [0, 3, 7, 14, 28, 56]
    static let confirmedDays = [1, 3, 7, 14, 30]
    static let authorities = Geography.wales.welshAuthorities

    public static let fields: [FilterField] = [
        FilterField(name: "Setting", options: ["any"] + Setting.allCases.map(\.label)),
        FilterField(name: "Sector", options: ["any"] + Sector.allCases.map(\.label)),
        FilterField(name: "Area", options: ["anywhere"] + Region.allCases.map(\.label) + authorities.map(\.name)),
        FilterField(name: "Child's age", options: ["any"] + (0...17).map { "age \($0)" }),
        FilterField(name: "Must meet need", options: ["any"] + NeedCatalogue.standard.definitions.map { "\($0.name) (\($0.code))" }),
        FilterField(name: "Available by", options: ["any date"] + availableDays.map { $0 == 0 ? "today" : "today + \($0) days" }),
        FilterField(name: "Takes emergencies", options: ["either", "yes"]),
        FilterField(name: "Welsh-speaking", options: ["either", "provider fluent in Welsh"]),
        FilterField(name: "Confirmed within", options: ["any time"] + confirmedDays.map { $0 == 1 ? "1 day" : "\($0) days" }),
        FilterField(name: "Locality", options: ["any"] + LocalityTier.allCases.map(\.label)),
        // "open only" is what the dashboard's grid counts (its Enter sets it).
        FilterField(name: "Statuses", options: ["open and held", "all statuses", "open only"]),
    ]

    /// The active filters in a few words each, for the line above the table.
    static func summary(_ sel: [Int], today: Day) -> [String] {
        var parts: [String] = []
        for f in VacancyFilter.allCases where sel[f.rawValue] != 0 {
            let v = sel[f.rawValue]
            switch f {
            case .setting, .sector, .area, .age, .locality: parts.append(fields[f.rawValue].options[v])
            case .need: parts.append("meets " + NeedCatalogue.standard.definitions[v - 1].name)
            case .availableBy: parts.append("available by " + Format.short(today.adding(days: availableDays[v - 1])))
            case .emergencies: parts.append("takes emergencies")
            case .welsh: parts.append("Welsh-speaking")
            case .confirmedWithin: parts.append("confirmed ≤ \(confirmedDays[v - 1]) d")
            case .statuses: parts.append(v == 1 ? "all statuses" : "open only")
            }
        }
        return parts
    }

    /// Which vacancies pass the panel's filters (1 = passes), over the whole index.
    static func mask(_ sel: [Int], index ix: VacancyIndex, today: Day, now: Double) -> [UInt8] {
        let setting = sel[VacancyFilter.setting.rawValue] - 1
        let sector = sel[VacancyFilter.sector.rawValue] - 1
        let area = sel[VacancyFilter.area.rawValue]
        let regionWanted = area >= 1 && area <= Region.allCases.count ? Int8(area - 1) : nil
        let authorityWanted = area > Region.allCases.count ? authorities[area - 1 - Region.allCases.count].code : nil
        let age = sel[VacancyFilter.age.rawValue] - 1
        let need = sel[VacancyFilter.need.rawValue] - 1
        let byDay = sel[VacancyFilter.availableBy.rawValue] == 0 ? nil : Int32(today.adding(days: availableDays[sel[VacancyFilter.availableBy.rawValue] - 1]).daysSinceEpoch)
        let emergencies = sel[VacancyFilter.emergencies.rawValue] == 1
        let welsh = sel[VacancyFilter.welsh.rawValue] == 1
        let confirmedSince = sel[VacancyFilter.confirmedWithin.rawValue] == 0 ? nil : now - Double(confirmedDays[sel[VacancyFilter.confirmedWithin.rawValue] - 1]) * 86_400
        let allStatuses = sel[VacancyFilter.statuses.rawValue] == 1
        let openOnly = sel[VacancyFilter.statuses.rawValue] == 2
        let locality = sel[VacancyFilter.locality.rawValue] - 1
        let openRaw = UInt8(VacancyStatus.allCases.firstIndex(of: .open)!), heldRaw = UInt8(VacancyStatus.allCases.firstIndex(of: .held)!)
        let needBit: UInt64 = need >= 0 ? 1 << UInt64(need) : 0

        var mask = [UInt8](repeating: 0, count: ix.count)
        for i in 0..<ix.count {
            if !allStatuses, ix.status[i] != openRaw, openOnly || ix.status[i] != heldRaw { continue }
            if locality >= 0, Int(ix.tier[i]) != locality { continue }
            if setting >= 0, ix.setting[i] != UInt8(setting) { continue }
            if sector >= 0, ix.sector[i] != UInt8(sector) { continue }
            if let regionWanted, ix.region[i] != regionWanted { continue }
            if let authorityWanted, ix.authorityCode[i] != authorityWanted { continue }
            if age >= 0, !(Int(ix.ageLow[i])...Int(ix.ageHigh[i])).contains(age) { continue }
            if needBit != 0, ix.capBits[i] & needBit == 0 { continue }
            if let byDay, ix.availableDay[i] > byDay { continue }
            if emergencies, !ix.emergencies[i] { continue }
            if welsh, !ix.welshFluent[i] { continue }
            if let confirmedSince, ix.confirmedAt[i] < confirmedSince { continue }
            mask[i] = 1
        }
        return mask
    }
}

/// Children filter fields, in panel order.
public enum ChildFilter: Int, CaseIterable, Sendable {
    case status, authority, stability

    public static let fields: [FilterField] = [
        FilterField(name: "Status", options: ["any"] + ChildStatus.allCases.map(\.words)),
        FilterField(name: "Home authority", options: ["any"] + Geography.wales.welshAuthorities.map(\.name)),
        FilterField(name: "Placements (12 months)", options: ["any number", "3 or more"]),
    ]

    static func summary(_ sel: [Int]) -> [String] {
        var parts: [String] = []
        if sel[0] != 0 { parts.append(fields[0].options[sel[0]]) }
        if sel[1] != 0 { parts.append("home " + fields[1].options[sel[1]]) }
        if sel[2] != 0 { parts.append("3+ placements in 12 months") }
        return parts
    }

    static func passes(_ row: ChildRow, _ sel: [Int]) -> Bool {
        if sel[0] != 0, row.status != ChildStatus.allCases[sel[0] - 1] { return false }
        if sel[1] != 0, row.authorityCode != Geography.wales.welshAuthorities[sel[1] - 1].code { return false }
        if sel[2] != 0, row.recentPlacements < 3 { return false }
        return true
    }
}
