import Foundation
import PlacementCore
import Synchronization

/// Vacancy sort orders, cycled with `s`.
public enum VacancySort: Int, CaseIterable, Sendable {
    case availableFrom, fee, confirmed, locality, provider

    public var label: String {
        switch self {
        case .availableFrom: "available from"
        case .fee: "weekly fee"
        case .confirmed: "days since confirmed"
        case .locality: "locality, then provider"
        case .provider: "provider name"
        }
    }

    /// The order's name in the officer's language.
    func screenLabel(_ l: Language) -> String {
        switch self {
        case .availableFrom: Message.screensSortAvailableFrom.text(l)
        case .fee: Message.screensSortFee.text(l)
        case .confirmed: Message.screensSortConfirmed.text(l)
        case .locality: Message.screensSortLocality.text(l)
        case .provider: Message.screensSortProvider.text(l)
        }
    }

    public var next: VacancySort { VacancySort(rawValue: (rawValue + 1) % VacancySort.allCases.count)! }
}

/// Everything keystrokes need about the vacancies, computed once when data arrives:
/// derived columns as flat arrays, a folded search haystack and a permutation per sort.
struct VacancyIndex: Sendable {
    let count: Int
    let providerIndex: [Int32]          // into AppData.providers, -1 when unknown
    let authorityCode: [String]         // where the bed is
    let authorityName: [String]         // distinct names are shared storage
    let region: [Int8]                  // Region.rawValue or -1
    let tier: [UInt8]                   // LocalityTier from the officer's authority
    let capBits: [UInt64]               // provider capabilities ∪ vacancy extras
    let ageLow: [UInt8], ageHigh: [UInt8]
    let availableDay: [Int32]
    let confirmedAt: [Double]
    let fee: [Int32]
    let setting: [UInt8]                // index into Setting.allCases
    let sector: [UInt8]                 // index into Sector.allCases
    let status: [UInt8]                 // index into VacancyStatus.allCases
    let emergencies: [Bool]
    let welshFluent: [Bool]
    let haystack: VacancyHaystack
    let sorted: [[Int32]]               // by VacancySort.rawValue
    /// The widest vacancy id, for the lists' id column (demo and real ids differ in length).
    let idWidth: Int

    init(data: AppData, officerAuthority: String, catalogue: NeedCatalogue = .standard) {
        let geo = Geography.wales
        let vs = data.vacancies
        count = vs.count
        var providerPos: [String: Int32] = [:]
        for (i, p) in data.providers.enumerated() where providerPos[p.id] == nil { providerPos[p.id] = Int32(i) }

        // Per-provider and per-authority values, folded once and shared by their vacancies.
        var foldCache: [UInt32: [UInt8]] = [:]
        func fold(_ s: String) -> [UInt8] { var out: [UInt8] = []; Fold.append(s, to: &out, cache: &foldCache); return out }
        let providerCaps = data.providers.map { catalogue.set($0.capabilities).bits }
        let providerName = data.providers.map { fold($0.name) }
        let providerPostcode = data.providers.map { fold($0.postcode) }
        let settingText = Setting.allCases.map { fold($0.label + " " + $0.rawValue) }
        let capText: [[UInt8]] = catalogue.definitions.map { fold($0.code + " " + $0.name) }
        var authorityNames: [String: String] = [:]
        var authorityFolded: [String: [UInt8]] = [:]
        var tierByAuthority: [String: UInt8] = [:]

        var providerIndex = [Int32](), authorityCode = [String](), authorityName = [String]()
        var region = [Int8](), tier = [UInt8](), capBits = [UInt64](), ageLow = [UInt8](), ageHigh = [UInt8]()
        var availableDay = [Int32](), confirmedAt = [Double](), fee = [Int32](), setting = [UInt8](), sector = [UInt8]()
        var status = [UInt8](), emergencies = [Bool](), welshFluent = [Bool]()
        var idWidth = 0
        providerIndex.reserveCapacity(count); authorityCode.reserveCapacity(count); authorityName.reserveCapacity(count)
        capBits.reserveCapacity(count); availableDay.reserveCapacity(count)
        var hayProvider = [Int32](), haySetting = [UInt8](), hayAuthority = [Int32](), hayNeeds = [Int32]()
        var authorityHay = SearchHaystack(), needsHay = SearchHaystack(), postcodeHay = SearchHaystack()
        var authorityID: [String: Int32] = [:], needsID: [UInt64: Int32] = [:]
        let settingIndex = Dictionary(uniqueKeysWithValues: Setting.allCases.enumerated().map { ($1, UInt8($0)) })
        let sectorIndex = Dictionary(uniqueKeysWithValues: Sector.allCases.enumerated().map { ($1, UInt8($0)) })
        let statusIndex = Dictionary(uniqueKeysWithValues: VacancyStatus.allCases.enumerated().map { ($1, UInt8($0)) })

        for v in vs {
            let pi = providerPos[v.providerID] ?? -1
            let provider = pi >= 0 ? data.providers[Int(pi)] : nil
            let code = data.vacancyAuthority[v.id] ?? provider?.authorityCode ?? ""
            if authorityNames[code] == nil {
                let name = geo.authority(code: code)?.name ?? (code.isEmpty ? "unknown" : code)
                authorityNames[code] = name
                let a = geo.authority(code: code)
                authorityFolded[code] = fold([name, a?.welshName ?? ""].joined(separator: " "))
                tierByAuthority[code] = UInt8(geo.localityTier(home: officerAuthority, placement: code).rawValue)
            }
            providerIndex.append(pi)
            authorityCode.append(code)
            authorityName.append(authorityNames[code]!)
            region.append(Region.of(code).map { Int8($0.rawValue) } ?? -1)
            tier.append(tierByAuthority[code]!)
            let bits = (pi >= 0 ? providerCaps[Int(pi)] : 0) | catalogue.set(v.extraCapabilities).bits
            capBits.append(bits)
            ageLow.append(UInt8(clamping: v.ageRange.lowerBound))
            ageHigh.append(UInt8(clamping: v.ageRange.upperBound))
            availableDay.append(Int32(clamping: v.availableFrom.daysSinceEpoch))
            confirmedAt.append(v.lastConfirmedAt.timeIntervalSince1970)
            fee.append(Int32(clamping: v.weeklyFee))
            setting.append(settingIndex[v.setting]!)
            sector.append(provider.map { sectorIndex[$0.sector]! } ?? UInt8.max)
            status.append(statusIndex[v.status]!)
            emergencies.append(v.takesEmergencies)
            welshFluent.append(provider?.welshLanguage == .fluent)

            // Search fields shared between vacancies are folded once and pointed at.
            hayProvider.append(pi)
            haySetting.append(settingIndex[v.setting]!)
            if authorityID[code] == nil {
                authorityID[code] = Int32(authorityHay.count)
                authorityHay.append(folded: [authorityFolded[code]!])
            }
            hayAuthority.append(authorityID[code]!)
            if needsID[bits] == nil {
                var caps: [UInt8] = []
                var b = bits, i = 0
                while b != 0 {
                    if b & 1 != 0 { if !caps.isEmpty { caps.append(0x20) }; caps += capText[i] }
                    b >>= 1; i += 1
                }
                needsID[bits] = Int32(needsHay.count)
                needsHay.append(folded: [caps])
            }
            hayNeeds.append(needsID[bits]!)
            // Per vacancy: its id and postcode, so "v00043" finds V00043.
            postcodeHay.append(folded: [fold(v.id), v.postcode.map(fold) ?? (pi >= 0 ? providerPostcode[Int(pi)] : [])])
            idWidth = min(12, max(idWidth, v.id.count))
        }
        var providerHay = SearchHaystack(), settingHay = SearchHaystack()
        for name in providerName { providerHay.append(folded: [name]) }
        for text in settingText { settingHay.append(folded: [text]) }
        let hay = VacancyHaystack(provider: hayProvider, setting: haySetting, authority: hayAuthority, needs: hayNeeds,
                                  providers: providerHay, settings: settingHay, authorities: authorityHay, needSets: needsHay,
                                  postcodes: postcodeHay)
        self.providerIndex = providerIndex; self.authorityCode = authorityCode; self.authorityName = authorityName
        self.region = region; self.tier = tier; self.capBits = capBits; self.ageLow = ageLow; self.ageHigh = ageHigh
        self.availableDay = availableDay; self.confirmedAt = confirmedAt; self.fee = fee; self.setting = setting
        self.sector = sector; self.status = status; self.emergencies = emergencies; self.welshFluent = welshFluent
        self.haystack = hay
        self.idWidth = idWidth

        // Provider rank by folded name, so name sorts compare integers.
        let providerOrder = data.providers.indices.sorted {
            let a = providerName[$0], b = providerName[$1]
            return a.lexicographicallyPrecedes(b) || (a == b && $0 < $1)
        }
        var providerRank = [Int32](repeating: 0, count: data.providers.count)
        for (rank, p) in providerOrder.enumerated() { providerRank[p] = Int32(rank) }
        let rank: [Int32] = providerIndex.map { $0 >= 0 ? providerRank[Int($0)] : Int32.max }

        let base = (0..<Int32(count)).map { $0 }
        func sortBy(_ less: (Int, Int) -> Bool?) -> [Int32] {
            base.sorted { a, b in
                let i = Int(a), j = Int(b)
                if let r = less(i, j) { return r }
                if rank[i] != rank[j] { return rank[i] < rank[j] }
                return i < j
            }
        }
        func cmp<T: Comparable>(_ x: T, _ y: T) -> Bool? { x == y ? nil : x < y }
        var sorts = [[Int32]](repeating: [], count: VacancySort.allCases.count)
        sorts[VacancySort.availableFrom.rawValue] = sortBy { cmp(availableDay[$0], availableDay[$1]) ?? cmp(fee[$0], fee[$1]) }
        sorts[VacancySort.fee.rawValue] = sortBy { cmp(fee[$0], fee[$1]) }
        sorts[VacancySort.confirmed.rawValue] = sortBy { cmp(-confirmedAt[$0], -confirmedAt[$1]) }
        sorts[VacancySort.locality.rawValue] = sortBy { cmp(tier[$0], tier[$1]) }
        sorts[VacancySort.provider.rawValue] = sortBy { _, _ in nil }
        sorted = sorts
    }
}

/// One row of the children list, formatted when data arrives (children number in the
/// hundreds or low thousands, so rows are cheap to keep).
struct ChildRow: Sendable {
    let index: Int                      // into AppData.children
    let id: String
    let initials: String
    let age: Int
    let authorityCode: String
    let authorityName: String
    let status: ChildStatus
    /// When a placement is needed (nil once placed): the list words it in the officer's language.
    let needed: Urgency?
    let urgent: Bool
    let recentPlacements: Int           // placements running at any time in the last 12 months
}

struct ChildIndex: Sendable {
    let rows: [ChildRow]                // list order: notices first, then need by date, then placed
    let haystack: SearchHaystack        // entry i is rows[i]
    /// Child id → indices into AppData.placements, newest first.
    let placementsByChild: [String: [Int]]
    /// Provider id → indices into AppData.placements, newest ending first.
    let placementsByProvider: [String: [Int]]
    let childByID: [String: Int]

    init(data: AppData, today: Day) {
        let geo = Geography.wales
        var byChild: [String: [Int]] = [:]
        var byProvider: [String: [Int]] = [:]
        let ps = data.placements
        // By index, field by field: iterating the records themselves copied each one (every string retained).
        for i in ps.indices {
            byChild[ps[i].childID, default: []].append(i)
            // An undone placement is a correction on the child's page only: no provider history counts it.
            if !ps[i].isUndone { byProvider[ps[i].providerID, default: []].append(i) }
        }
        for key in byChild.keys {
            byChild[key]!.sort { ps[$0].start != ps[$1].start ? ps[$0].start > ps[$1].start : ps[$0].id > ps[$1].id }
        }
        // Running placements (no end) first; the end as a day number, not a Day made afresh per comparison.
        let endKey = ps.map { $0.actualEnd?.daysSinceEpoch ?? Int.max }
        for key in byProvider.keys {
            byProvider[key]!.sort { endKey[$0] != endKey[$1] ? endKey[$0] > endKey[$1] : ps[$0].id > ps[$1].id }
        }
        placementsByChild = byChild
        placementsByProvider = byProvider
        let cs = data.children
        childByID = Self.positions(of: cs)

        let yearAgo = today.adding(days: -365)
        var rows: [ChildRow] = cs.indices.map { i in
            let recent = (byChild[cs[i].id] ?? []).filter { !ps[$0].isUndone && ps[$0].overlaps(from: yearAgo, to: today) }.count
            return ChildRow(index: i, id: cs[i].id, initials: cs[i].initials, age: cs[i].dateOfBirth.age(on: today),
                            authorityCode: cs[i].placingAuthority,
                            authorityName: geo.authority(code: cs[i].placingAuthority)?.name ?? cs[i].placingAuthority,
                            status: cs[i].status, needed: cs[i].status == .placed ? nil : cs[i].urgency, urgent: cs[i].isUrgent(today: today),
                            recentPlacements: recent)
        }
        func statusRank(_ s: ChildStatus) -> Int { s == .noticeReceived ? 0 : s == .needsPlacement ? 1 : 2 }
        // Keys computed once and a permutation sorted: comparing through the children themselves copied two
        // whole records per comparison (half the index's time at 7,000 children).
        let keys = rows.map { r in
            (rank: statusRank(r.status), needed: r.status == .placed ? 0 : data.children[r.index].urgency.neededDay(today: today).daysSinceEpoch)
        }
        let order = rows.indices.sorted { a, b in
            if keys[a].rank != keys[b].rank { return keys[a].rank < keys[b].rank }
            if keys[a].needed != keys[b].needed { return keys[a].needed < keys[b].needed }
            return rows[a].id < rows[b].id
        }
        rows = order.map { rows[$0] }
        self.rows = rows
        var hay = SearchHaystack()
        for r in rows {
            // Names are searchable so "the caller said Lowri" finds her; the list still shows initials only.
            hay.append(fields: [r.id, r.initials, data.children[r.index].givenName, data.children[r.index].familyName, r.authorityName,
                                geo.authority(code: r.authorityCode)?.welshName ?? "", r.status.label(.en)])
        }
        haystack = hay
    }

    /// Child id → position in `children` (the first, should an id repeat).
    static func positions(of children: [Child]) -> [String: Int] {
        var ids: [String: Int] = [:]
        ids.reserveCapacity(children.count)
        for i in children.indices where ids[children[i].id] == nil { ids[children[i].id] = i }
        return ids
    }
}

/// Both indexes, plus the day they were computed for.
struct DataIndex: Sendable {
    var vacancies: VacancyIndex
    var children: ChildIndex
    var openVacancies: Int
    var providers: ProviderIndex
    var work: WorkIndex
    var dashboard: DashboardIndex

    /// `previous`: the index of the snapshot `data` was read after, for the same authority and day; each
    /// part that read none of the tables `data` read again is kept as it is (shared, not copied), so a
    /// colleague's call rebuilds only the calls' part and two full indexes never coexist.
    init(data: AppData, officerAuthority: String, now: Date, today: Day, previous: DataIndex? = nil) {
        func kept<Part>(_ part: KeyPath<DataIndex, Part>, reads tables: Set<String>) -> Part? {
            guard let previous, let reread = data.reread, reread.isDisjoint(with: tables) else { return nil }
            return previous[keyPath: part]
        }
        // Four independent parts on two threads (the machine has at least two cores), the costliest first by
        // the rows each reads, each thread taking the next part when it is free: children dominate at 7,000
        // children, the vacancies at 50,000.
        let vacancies = Handoff<VacancyIndex>(), children = Handoff<ChildIndex>()
        let providers = Handoff<ProviderIndex>(), work = Handoff<WorkIndex>()
        var parts: [(cost: Int, build: @Sendable () -> Void)] = []
        if let part = kept(\.vacancies, reads: ["vacancies", "providers"]) { vacancies.put(part) } else {
            parts.append((data.vacancies.count * 5, { vacancies.put(VacancyIndex(data: data, officerAuthority: officerAuthority)) }))
        }
        if let part = kept(\.children, reads: ["children", "placements"]) { children.put(part) } else {
            parts.append((data.children.count * 10 + data.placements.count * 2, { children.put(ChildIndex(data: data, today: today)) }))
        }
        if let part = kept(\.providers, reads: ["providers", "vacancies", "placements", "children"]) { providers.put(part) } else {
            parts.append((data.providers.count + data.placements.count * 2, {
                providers.put(ProviderIndex(data: data, today: today, childByID: ChildIndex.positions(of: data.children)))
            }))
        }
        if let part = kept(\.work, reads: ["notices", "contacts"]) { work.put(part) } else {
            parts.append(((data.notices.count + data.contacts.count) * 8, { work.put(WorkIndex(data: data)) }))
        }
        let queue = Mutex(parts.sorted { $0.cost > $1.cost }.map(\.build)[...])
        if !parts.isEmpty {
            DispatchQueue.concurrentPerform(iterations: min(2, parts.count)) { _ in
                while let build = queue.withLock({ $0.popFirst() }) { build() }
            }
        }
        self.vacancies = vacancies.take()
        self.children = children.take()
        self.providers = providers.take()
        self.work = work.take()
        openVacancies = data.vacancies.reduce(0) { $0 + ($1.status == .open ? 1 : 0) }
        dashboard = DashboardIndex(data: data, now: now, today: today, vacancies: self.vacancies, children: self.children,
                                   work: self.work)
    }
}

/// A store snapshot with every index the screens need (search bytes, sort orders, the dashboard's
/// queues) already built: ~150 ms at 50,000 vacancies, so the runtime builds it on its loading queue
/// and a key press never waits for it.
public struct IndexedData: Sendable {
    public let data: AppData
    let index: DataIndex
    /// What the index was built for; `update` rebuilds if the model's authority or day differ.
    let authority: String
    let today: Day

    /// `previous`: the index of the snapshot `data` was read after (`AppData.reread`); its parts that
    /// read no table read again are kept when it was built for the same authority and day.
    public init(data: AppData, authority: String, now: Date, previous: IndexedData? = nil) {
        self.data = data
        self.authority = authority
        let today = Format.day(now)
        self.today = today
        let reusable = previous.flatMap { $0.authority == authority && $0.today == today ? $0.index : nil }
        index = DataIndex(data: data, officerAuthority: authority, now: now, today: today, previous: reusable)
    }
}

/// One value handed from a worker thread to the thread waiting for it.
private final class Handoff<Value: Sendable>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var value: Value?

    func put(_ value: Value) {
        self.value = value
        ready.signal()
    }

    func take() -> Value {
        ready.wait()
        return value!
    }
}
