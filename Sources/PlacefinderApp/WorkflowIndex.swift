import Foundation
import PlacementCore

/// Provider sort orders, cycled with `s` on the providers list.
public enum ProviderSort: Int, CaseIterable, Sendable {
    case name, openVacancies, shortNotice, breakdowns

    public var label: String {
        switch self {
        case .name: "name"
        case .openVacancies: "open vacancies"
        case .shortNotice: "short-notice endings"
        case .breakdowns: "breakdowns"
        }
    }

    /// The order's name in the officer's language.
    func screenLabel(_ l: Language) -> String {
        switch self {
        case .name: Message.screensSortProviderName.text(l)
        case .openVacancies: Message.screensSortProviderOpen.text(l)
        case .shortNotice: Message.screensSortProviderShortNotice.text(l)
        case .breakdowns: Message.screensSortProviderBreakdowns.text(l)
        }
    }

    public var next: ProviderSort { ProviderSort(rawValue: (rawValue + 1) % ProviderSort.allCases.count)! }
}

/// Providers, computed once per load: counts, stability over 12 months, search text and sorts.
struct ProviderIndex: Sendable {
    let byID: [String: Int]
    let authorityName: [String]
    let openVacancies: [Int]
    let stability: [ProviderStability]
    /// Provider id → vacancy indices (open and held first, then by id).
    let vacancies: [String: [Int]]
    /// Provider id → indices of the children placed there now.
    let currentChildren: [String: [Int]]
    let haystack: SearchHaystack
    /// Folded names for the notice form's provider search.
    let foldedNames: [[UInt8]]
    let sorted: [[Int32]]

    init(data: AppData, today: Day, childByID: [String: Int]) {
        let geo = Geography.wales
        var byID: [String: Int] = [:]
        for (i, p) in data.providers.enumerated() where byID[p.id] == nil { byID[p.id] = i }
        self.byID = byID
        authorityName = data.providers.map { geo.authority(code: $0.authorityCode)?.name ?? $0.authorityCode }
        var open = [Int](repeating: 0, count: data.providers.count)
        var vacancies: [String: [Int]] = [:]
        for (i, v) in data.vacancies.enumerated() {
            vacancies[v.providerID, default: []].append(i)
            if v.status == .open, let p = byID[v.providerID] { open[p] += 1 }
        }
        let vs = data.vacancies
        func live(_ s: VacancyStatus) -> Int { s == .open || s == .held ? 0 : 1 }
        for key in vacancies.keys {
            vacancies[key]!.sort { live(vs[$0].status) != live(vs[$1].status) ? live(vs[$0].status) < live(vs[$1].status) : vs[$0].id < vs[$1].id }
        }
        self.vacancies = vacancies
        openVacancies = open
        let stabilityByID = ProviderStability.compute(data.placements, today: today, windowDays: 365)
        let stability = data.providers.map { stabilityByID[$0.id] ?? ProviderStability() }
        self.stability = stability
        var current: [String: [Int]] = [:]
        for p in data.placements where !p.isUndone && (p.actualEnd == nil || p.actualEnd! > today) {
            if let c = childByID[p.childID] { current[p.providerID, default: []].append(c) }
        }
        for key in current.keys { current[key] = Array(Set(current[key]!)).sorted { data.children[$0].id < data.children[$1].id } }
        currentChildren = current
        var hay = SearchHaystack()
        for (i, p) in data.providers.enumerated() {
            hay.append(fields: [p.name, p.id, p.sector.label, p.regulator.rawValue, p.registrationNumber, authorityName[i],
                                geo.authority(code: p.authorityCode)?.welshName ?? "", p.postcode])
        }
        haystack = hay
        foldedNames = data.providers.map { Fold.bytes($0.name + " " + $0.id) }
        let names = foldedNames
        let base = Array(0..<Int32(data.providers.count))
        func sortBy(_ key: (Int) -> Int) -> [Int32] {
            base.sorted { a, b in
                let ka = key(Int(a)), kb = key(Int(b))
                if ka != kb { return ka > kb }
                let na = names[Int(a)], nb = names[Int(b)]
                return na != nb ? na.lexicographicallyPrecedes(nb) : a < b
            }
        }
        var sorts = [[Int32]](repeating: [], count: ProviderSort.allCases.count)
        sorts[ProviderSort.name.rawValue] = sortBy { _ in 0 }
        sorts[ProviderSort.openVacancies.rawValue] = sortBy { open[$0] }
        sorts[ProviderSort.shortNotice.rawValue] = sortBy { stability[$0].shortNoticeEndings }
        sorts[ProviderSort.breakdowns.rawValue] = sortBy { stability[$0].breakdowns }
        sorted = sorts
    }
}

/// Notices and calls, computed once per load.
struct WorkIndex: Sendable {
    /// Notice indices, newest received first.
    let noticeOrder: [Int]
    /// "child␟provider" → index of the latest call about that child to that provider.
    let latestContact: [String: Int]
    /// "child␟provider" and "child␟provider␟vacancy" → index of the latest decline.
    let latestDecline: [String: Int]
    /// Child id → when their current placement ends, from the latest ending notice about them.
    let endingByChild: [String: Date]
    /// Calls with a call-back not yet answered by a later call, soonest first (`CallBacks.due`).
    let callBacks: [Contact]
    /// Referrals awaiting an answer and offers received (`Referrals.swift`).
    let referrals: ReferralIndex

    static func key(_ parts: String...) -> String { parts.joined(separator: "\u{1F}") }

    init(data: AppData) {
        let ns = data.notices
        // Each notice once, as its chain now stands (a withdrawn one as its withdrawal); calls as amended.
        let replacedNotices = Set(ns.compactMap { $0.correction?.corrects })
        noticeOrder = ns.indices.filter { !replacedNotices.contains(ns[$0].id) }
            .sorted { ns[$0].receivedAt != ns[$1].receivedAt ? ns[$0].receivedAt > ns[$1].receivedAt : ns[$0].id > ns[$1].id }
        var ending: [String: Date] = [:]
        // Oldest first, so the latest current notice about a child wins; a withdrawn one sets no ending.
        for i in noticeOrder.reversed() where ns[i].kind == .placementEnding && ns[i].correction?.kind != .withdrawn {
            if let child = ns[i].childID, let at = ns[i].effectiveAt { ending[child] = at }
        }
        endingByChild = ending
        var latest: [String: Int] = [:], declines: [String: Int] = [:]
        let cs = data.contacts
        let replacedCalls = Set(cs.compactMap { $0.correction?.corrects })
        func newer(_ i: Int, than j: Int?) -> Bool { j.map { cs[i].at > cs[$0].at || (cs[i].at == cs[$0].at && cs[i].id > cs[$0].id) } ?? true }
        for (i, c) in cs.enumerated() where replacedCalls.isEmpty || !replacedCalls.contains(c.id) {
            let k = Self.key(c.childID, c.providerID)
            if newer(i, than: latest[k]) { latest[k] = i }
            if c.outcome == .declined {
                let dk = c.effectiveDeclineScope == .vacancy ? c.vacancyID.map { Self.key(c.childID, c.providerID, $0) } ?? k : k
                if newer(i, than: declines[dk]) { declines[dk] = i }
            }
        }
        latestContact = latest
        latestDecline = declines
        callBacks = CallBacks.due(cs, until: .distantFuture)
        referrals = ReferralIndex(contacts: cs)
    }
}

/// The dashboard's panels, computed once per load (and when the day changes).
struct DashboardIndex: Sendable {
    /// Urgent children (`Child.isUrgent`, the top bar's count): emergencies first, then by the day needed.
    let urgent: [Int]
    /// Notice indices received today, newest first.
    let todayNotices: [Int]
    /// Open vacancies by setting (row, `Setting.allCases` order) and locality tier (column).
    let grid: [[Int]]
    /// Open vacancies not confirmed for over 7 days, least recently confirmed first.
    let stale: [Int]
    /// Vacancies whose hold ends today, soonest first.
    let holdsToday: [Int]
    /// Child indices with 3 or more placements in 12 months, most first.
    let unstable: [Int]
    /// Referrals awaiting an answer, soonest due first (the overdue lead).
    let referrals: [ReferralQueue.Waiting]

    init(data: AppData, now: Date, today: Day, vacancies: VacancyIndex, children: ChildIndex, work: WorkIndex) {
        let cs = data.children
        urgent = cs.indices.filter { cs[$0].isUrgent(today: today) }.sorted { a, b in
            let ea = cs[a].urgency.isEmergency, eb = cs[b].urgency.isEmergency
            if ea != eb { return ea }
            // The recorded date, not clamped to today, so the most overdue come first.
            func needed(_ c: Child) -> Day { if case .neededBy(let d) = c.urgency { d } else { today } }
            let da = needed(cs[a]), db = needed(cs[b])
            if da != db { return da < db }
            return cs[a].id < cs[b].id
        }
        todayNotices = work.noticeOrder.filter { Format.day(data.notices[$0].receivedAt) == today && data.notices[$0].correction?.kind != .withdrawn }
        var grid = [[Int]](repeating: [Int](repeating: 0, count: LocalityTier.allCases.count), count: Setting.allCases.count)
        let settingRow = Dictionary(uniqueKeysWithValues: Setting.allCases.enumerated().map { ($1, $0) })
        var stale: [Int] = []
        var holds: [Int] = []
        for (i, v) in data.vacancies.enumerated() {
            if v.status == .open {
                grid[settingRow[v.setting]!][Int(vacancies.tier[i])] += 1
                if v.daysSinceConfirmed(now: now) > 7 { stale.append(i) }
            }
            if let hold = v.hold, v.isHeld(at: now), Format.day(hold.expiresAt) == today { holds.append(i) }
        }
        self.grid = grid
        let vs = data.vacancies
        self.stale = stale.sorted { vs[$0].lastConfirmedAt != vs[$1].lastConfirmedAt ? vs[$0].lastConfirmedAt < vs[$1].lastConfirmedAt : vs[$0].id < vs[$1].id }
        holdsToday = holds.sorted { vs[$0].hold!.expiresAt != vs[$1].hold!.expiresAt ? vs[$0].hold!.expiresAt < vs[$1].hold!.expiresAt : vs[$0].id < vs[$1].id }
        unstable = children.rows.filter { $0.recentPlacements >= 3 }
            .sorted { $0.recentPlacements != $1.recentPlacements ? $0.recentPlacements > $1.recentPlacements : $0.id < $1.id }
            .map(\.index)
        referrals = work.referrals.awaiting
    }
}
