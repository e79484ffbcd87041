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

    public static let fields = makeFields(.en)
    static let welshFields = makeFields(.cy)

    /// The panel's fields in `l`; the same fields and options, in the same order, in either language.
    static func panelFields(_ l: Language) -> [FilterField] { l == .cy ? welshFields : fields }

    private static func makeFields(_ l: Language) -> [FilterField] {
        let any = Message.screensFilterAny.text(l)
        return [
            FilterField(name: Message.screensFilterSetting.text(l), options: [any] + Setting.allCases.map { $0.label(l) }),
            FilterField(name: Message.screensFilterSector.text(l), options: [any] + Sector.allCases.map { $0.label(l) }),
            FilterField(name: Message.screensFilterArea.text(l), options: [Message.screensFilterAnywhere.text(l)] + Region.allCases.map { $0.label(l) }
                        + authorities.map { l == .cy ? ($0.welshName ?? $0.name) : $0.name }),
            FilterField(name: Message.screensFilterAge.text(l), options: [any] + (0...17).map { Message.screensFilterAgeValue.text(l, ["age": String($0)]) }),
            FilterField(name: Message.screensFilterNeed.text(l), options: [any] + NeedCatalogue.standard.definitions.map { "\($0.name) (\($0.code))" }),
            FilterField(name: Message.screensFilterAvailableBy.text(l), options: [Message.screensFilterAnyDate.text(l)] + availableDays.map {
                $0 == 0 ? Message.screensToday.text(l) : Message.screensFilterTodayPlus.text(l, ["days": ScreenWords.days($0, l)])
            }),
            FilterField(name: Message.screensFilterEmergencies.text(l), options: [Message.screensFilterEither.text(l), Message.screensFilterYes.text(l)]),
            FilterField(name: Message.screensFilterWelsh.text(l), options: [Message.screensFilterEither.text(l), Message.screensFilterWelshFluent.text(l)]),
            FilterField(name: Message.screensFilterConfirmedWithin.text(l), options: [Message.screensFilterAnyTime.text(l)] + confirmedDays.map { ScreenWords.days($0, l) }),
            FilterField(name: Message.screensFilterLocality.text(l), options: [any] + LocalityTier.allCases.map { $0.label(l) }),
            // "open only" is what the dashboard's grid counts (its Enter sets it).
            FilterField(name: Message.screensFilterStatuses.text(l), options: [Message.screensFilterOpenAndHeld.text(l), Message.screensFilterAllStatuses.text(l),
                                                                               Message.screensFilterOpenOnly.text(l)]),
        ]
    }

    /// The active filters in a few words each, for the line above the table.
    static func summary(_ sel: [Int], today: Day, _ l: Language = .en) -> [String] {
        var parts: [String] = []
        let shown = panelFields(l)
        for f in VacancyFilter.allCases where sel[f.rawValue] != 0 {
            let v = sel[f.rawValue]
            switch f {
            case .setting, .sector, .area, .age, .locality: parts.append(shown[f.rawValue].options[v])
            case .need: parts.append(Message.screensFilterMeets.text(l, ["need": NeedCatalogue.standard.definitions[v - 1].name(l)]))
            case .availableBy: parts.append(Message.screensFilterAvailableByDate.text(l, ["date": Format.short(today.adding(days: availableDays[v - 1]), l)]))
            case .emergencies: parts.append(Message.screensFilterTakesEmergencies.text(l))
            case .welsh: parts.append(Message.screensFilterWelshSpeaking.text(l))
            case .confirmedWithin: parts.append(Message.screensFilterConfirmedDays.text(l, ["days": String(confirmedDays[v - 1])]))
            case .statuses: parts.append(v == 1 ? Message.screensFilterAllStatuses.text(l) : Message.screensFilterOpenOnly.text(l))
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

    public static let fields = makeFields(.en)
    static let welshFields = makeFields(.cy)

    static func panelFields(_ l: Language) -> [FilterField] { l == .cy ? welshFields : fields }

    private static func makeFields(_ l: Language) -> [FilterField] {
        [
            FilterField(name: Message.screensFilterStatus.text(l), options: [Message.screensFilterAny.text(l)] + ChildStatus.allCases.map { $0.label(l) }),
            FilterField(name: Message.screensFilterHomeAuthority.text(l), options: [Message.screensFilterAny.text(l)]
                        + Geography.wales.welshAuthorities.map { l == .cy ? ($0.welshName ?? $0.name) : $0.name }),
            FilterField(name: Message.screensFilterPlacements.text(l), options: [Message.screensFilterAnyNumber.text(l), Message.screensFilterThreeOrMore.text(l)]),
        ]
    }

    static func summary(_ sel: [Int], _ l: Language = .en) -> [String] {
        var parts: [String] = []
        let shown = panelFields(l)
        if sel[0] != 0 { parts.append(shown[0].options[sel[0]]) }
        if sel[1] != 0 { parts.append(Message.screensFilterHome.text(l, ["authority": shown[1].options[sel[1]]])) }
        if sel[2] != 0 { parts.append(Message.screensFilterThreePlus.text(l)) }
        return parts
    }

    static func passes(_ row: ChildRow, _ sel: [Int]) -> Bool {
        if sel[0] != 0, row.status != ChildStatus.allCases[sel[0] - 1] { return false }
        if sel[1] != 0, row.authorityCode != Geography.wales.welshAuthorities[sel[1] - 1].code { return false }
        if sel[2] != 0, row.recentPlacements < 3 { return false }
        return true
    }
}
