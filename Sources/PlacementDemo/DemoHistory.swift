import PlacementCore
import Foundation

/// A placement ending a provider has announced but that has not happened yet (a notice to log).
struct PendingEnding {
    var placementIndex: Int
    var reason: EndReason
    var receivedAt: Date
    var effectiveAt: Date
}

/// Placement histories shaped like the seed report (3.19): in the last 12 months 73% of children had
/// one placement, 18% two and 9% three or more. Earlier placements before that are contiguous.
struct DemoHistoryMaker {
    var picker: DemoProviderPicker
    let geography: Geography
    let today: Day
    let now: Date
    var rng: DemoRandom
    var placements: [Placement] = []
    private(set) var pending: [PendingEnding] = []
    /// Recent breakdowns given to each deliberately unstable provider, capped so they stand out without
    /// swallowing the mix.
    private var incidents: [Int: Int] = [:]
    private static let incidentQuota = 4
    /// Placements in the last 12 months per child, drawn as an exact shuffled quota (73/18/6/3%)
    /// rather than independently, so 150 children land close to the report.
    private var yearTally: [Int: Int] = [:]

    init(picker: DemoProviderPicker, geography: Geography, today: Day, now: Date, rng: DemoRandom) {
        self.picker = picker
        self.geography = geography
        self.today = today
        self.now = now
        self.rng = rng
    }

    mutating func make(children: inout [DemoChild]) {
        var groupHistory: [String: [Placement]] = [:]
        var groupPending: [String: PendingEnding] = [:]
        for i in children.indices {
            let c = children[i]
            var history: [Placement] = []
            var template: PendingEnding?
            // Siblings placed together share their history (from the later of birth and each start).
            if let group = c.child.siblingGroup, group.mustBePlacedTogether, let lead = groupHistory[group.groupID] {
                history = copy(lead, to: c.child)
                template = groupPending[group.groupID]
                for p in history {
                    if let pi = picker.indexByID[p.providerID] { picker.record(pi, home: c.child.placingAuthority, nights: nightsInYear(p.start, p.actualEnd)) }
                }
            }
            if history.isEmpty { history = generate(c, yearCount: nextYearCount()) }
            yearTally[min(3, history.filter { $0.overlaps(from: reportStart, to: today) }.count), default: 0] += 1

            let first = placements.count
            for p in history {
                var p = p
                p.id = DemoIDs.make("PL", placements.count + 1, width: 5)
                placements.append(p)
            }
            let last = placements.count - 1
            if placements[last].isOpen && c.child.status == .noticeReceived {
                addPending(placementIndex: last, like: template)
            }
            if placements[last].isOpen {
                children[i].child.urgency = .neededBy(placements[last].plannedEnd ?? placements[last].start)
            }
            if let group = c.child.siblingGroup, groupHistory[group.groupID] == nil {
                groupHistory[group.groupID] = Array(placements[first...])
                if c.child.status == .noticeReceived { groupPending[group.groupID] = pending.last }
            }
        }
    }

    /// Moves residential placements of the year between children's homes (secure homes between secure homes,
    /// parent-and-child units between units) until the mix is as near Tables 4.3 and 4.5 as it gets; siblings
    /// placed together keep their shared home.
    mutating func rebalance(children: [DemoChild]) {
        let byID = Dictionary(children.map { ($0.child.id, $0) }) { a, _ in a }
        let movable = placements.indices.filter { i in
            [.K1, .K2, .R3].contains(placements[i].placementType) && byID[placements[i].childID]?.child.siblingGroup?.mustBePlacedTogether != true
                && !picker.unstable.contains(picker.indexByID[placements[i].providerID] ?? -1)
        }.map { ($0, nightsInYear(placements[$0].start, placements[$0].actualEnd)) }.filter { $0.1 > 0 }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        // Short ones first, then long ones, a few times over: each move only ever brings the mix nearer.
        for (i, nights) in Array(repeating: movable + movable.reversed(), count: 3).joined() {
            guard let c = byID[placements[i].childID], let pi = picker.indexByID[placements[i].providerID],
                  let moved = picker.rebalance(pi, home: c.child.placingAuthority, nights: nights, &rng) else { continue }
            rehouse(i, picker.providers[moved], c)
        }
        exchange(movable, byID)
    }

    /// Then pairs: one placement takes the other's class and the other its class, when that brings the mix
    /// nearer (a year in a council's home elsewhere traded against half a year in-county, say), best pair first.
    private mutating func exchange(_ movable: [(Int, Int)], _ byID: [String: DemoChild]) {
        struct Route: Hashable { var provider: Int, home: String, toClass: Int }
        var canGo: [Route: Bool] = [:]
        let classCount = DemoProviderPicker.residentialTargets.count
        for _ in 0..<40 {
            let who = movable.map { i, _ in (byID[placements[i].childID], picker.indexByID[placements[i].providerID]) }
            let classes: [Int?] = who.map { c, pi in
                guard let c, let pi else { return nil }
                return picker.mixIndex(pi, home: c.child.placingAuthority)
            }
            // Only to a class the child's own authority has a home of.
            var canGoTo = [UInt32](repeating: 0, count: movable.count)
            for k in movable.indices {
                guard classes[k] != nil, let home = who[k].0?.child.placingAuthority, let pi = who[k].1 else { continue }
                for t in 0..<classCount {
                    let route = Route(provider: pi, home: home, toClass: t)
                    if canGo[route] == nil { canGo[route] = !picker.options(pi, home: home, inClass: t).isEmpty }
                    if canGo[route]! { canGoTo[k] |= 1 << UInt32(t) }
                }
            }
            let mix = picker
            guard let (a, b) = DemoExchangeSearch.bestPair(
                classes: classes, nights: movable.map(\.1), canGoTo: canGoTo, below: mix.mixError(moving: []) - 1e-6,
                error: { mix.mixError(moving: [(from: $0, to: $1, nights: Double($2))]) }),
                  let ci = who[a].0, let cj = who[b].0, let ca = classes[a], let cb = classes[b] else { return }
            let toI = picker.options(who[a].1!, home: ci.child.placingAuthority, inClass: cb)
            let toJ = picker.options(who[b].1!, home: cj.child.placingAuthority, inClass: ca)
            let (i, j) = (movable[a].0, movable[b].0)
            picker.move(nights: Double(movable[a].1), from: ca, to: cb)
            picker.move(nights: Double(movable[b].1), from: cb, to: ca)
            rehouse(i, picker.providers[rng.pick(toI)], ci)
            rehouse(j, picker.providers[rng.pick(toJ)], cj)
        }
    }

    private mutating func rehouse(_ i: Int, _ provider: DemoProvider, _ c: DemoChild) {
        placements[i].providerID = provider.provider.id
        placements[i].localityTier = geography.localityTier(home: c.child.placingAuthority, placement: provider.location.authorityCode).rawValue
        placements[i].milesFromHome = (Distance.estimatedRoadMiles(c.home.coordinate, provider.location.coordinate) * 10).rounded() / 10
    }

    private func copy(_ lead: [Placement], to child: Child) -> [Placement] {
        lead.compactMap { p in
            if let end = p.actualEnd, end < child.dateOfBirth { return nil }
            var q = p
            q.childID = child.id
            q.start = max(p.start, child.dateOfBirth)
            if let planned = q.plannedEnd, planned < q.start { q.plannedEnd = nil }
            return q
        }
    }

    // MARK: - One child's timeline

    private mutating func generate(_ c: DemoChild, yearCount: Int) -> [Placement] {
        let child = c.child, dob = child.dateOfBirth
        let windowStart = today.adding(days: -365)
        let lastEnd: Day? = child.status == .needsPlacement ? max(dob, today.adding(days: -rng.int(0...6))) : nil
        let final = lastEnd ?? today

        var k = yearCount
        // A quarter came into care within the year; babies necessarily did.
        let entersThisYear = dob >= windowStart.adding(days: -2) || rng.chance(0.25)
        let s0: Day
        if entersThisYear {
            let lo = max(dob, windowStart.adding(days: 1))
            let hi = max(lo, final.adding(days: -1))
            s0 = lo.adding(days: rng.int(0...lo.days(until: hi)))
        } else {
            s0 = windowStart.adding(days: -rng.int(1...min(1_500, dob.days(until: windowStart) - 1)))
        }
        // Moves within the year fall on distinct days strictly inside it, so exactly k placements overlap it.
        let lo = max(s0, windowStart).adding(days: 1), hi = final.adding(days: -1)
        let room = lo <= hi ? lo.days(until: hi) + 1 : 0
        k = min(k, room + 1)
        var cuts: [Day] = []
        while cuts.count < k - 1 {
            let d = lo.adding(days: rng.below(room))
            if !cuts.contains(d) { cuts.append(d) }
        }
        cuts.sort()

        var starts = [s0] + cuts
        if !entersThisYear {
            let earlier = min([0, 1, 2][rng.weighted([45, 35, 20])], 6 - k)
            for _ in 0..<earlier {
                guard starts[0] > dob else { break }
                starts.insert(max(dob, starts[0].adding(days: -rng.int(60...600))), at: 0)
            }
        }

        var result: [Placement] = []
        for (j, start) in starts.enumerated() {
            let isLast = j == starts.count - 1
            let end: Day? = isLast ? lastEnd : starts[j + 1]
            result.append(placement(for: c, start: start, end: end, isLast: isLast, busyYear: k >= 2))
        }
        return result
    }

    private mutating func placement(for c: DemoChild, start: Day, end: Day?, isLast: Bool, busyYear: Bool) -> Placement {
        let child = c.child
        let age = child.dateOfBirth.age(on: start)
        let current = isLast && end == nil
        let windowStart = today.adding(days: -365)

        var reason: EndReason?
        if let end {
            let pBreakdown = isLast ? 0.7 : (end >= windowStart && busyYear ? 0.55 : 0.3)
            reason = rng.chance(pBreakdown) ? breakdownReason(age: age) : plannedReason()
        }
        let breakdown = reason?.isTypicallyBreakdown ?? false
        let recentBreakdown = breakdown && (end ?? today) >= windowStart

        let wanted = setting(age: age, allowed: current ? child.acceptableSettings : nil)
        let allowKinship = !current || child.acceptableSettings.contains(.kinship)
        let favour = recentBreakdown ? picker.unstable.filter { incidents[$0, default: 0] < Self.incidentQuota } : []
        // Nights this placement gives in the report's last 12 months (its day after a year ago to today).
        let pi = picker.pick(wanted, home: child.placingAuthority, allowKinship: allowKinship, favour: favour,
                             nights: nightsInYear(start, end), &rng)
        if favour.contains(pi) { incidents[pi, default: 0] += 1 }
        let provider = picker.providers[pi]
        let setting = provider.kind.setting

        var noticeHours: Int?
        var plannedEnd: Day?
        if let end, let reason {
            var hours = breakdown ? breakdownNotice() : plannedNotice()
            if recentBreakdown && picker.unstable.contains(pi) && rng.chance(0.7) { hours = rng.pick([2, 4, 6, 12, 20]) }
            // A 28-day notice on a three-day emergency placement would be odd: cap by the placement's length.
            hours = min(hours, max(24, start.days(until: end) * 24))
            noticeHours = hours
            plannedEnd = reason.isTypicallyBreakdown ? (rng.chance(0.4) ? end.adding(days: rng.int(30...365)) : nil) : end
        } else if current {
            plannedEnd = child.status == .noticeReceived ? nil : (rng.chance(0.25) ? today.adding(days: rng.int(30...365)) : nil)
        }

        return Placement(
            id: "", childID: child.id, providerID: provider.provider.id, start: start, plannedEnd: plannedEnd,
            actualEnd: end, endReason: reason, noticeHours: noticeHours,
            ending: reason.map { $0.isTypicallyBreakdown ? .breakdown : .planned },
            placementType: placementType(setting), 
            localityTier: geography.localityTier(home: child.placingAuthority, placement: provider.location.authorityCode).rawValue,
            milesFromHome: (Distance.estimatedRoadMiles(c.home.coordinate, provider.location.coordinate) * 10).rounded() / 10)
    }

    /// The first day of the report's last 12 months (the day after a year ago).
    private var reportStart: Day {
        (Day(year: today.year - 1, month: today.month, day: today.day) ?? Day(year: today.year - 1, month: 2, day: 28)!).adding(days: 1)
    }

    /// Nights a placement gives in the report's last 12 months.
    func nightsInYear(_ start: Day, _ end: Day?) -> Int {
        let from = max(start, reportStart).daysSinceEpoch, to = min(end ?? today.adding(days: 1), today.adding(days: 1)).daysSinceEpoch
        return max(0, to - from)
    }

    /// Placements in the year for the next child: whichever of one, two, three or more is furthest behind
    /// para 3.19 (73 / 18 / 9%), counting the children made so far as they came out (siblings copied, moves capped).
    private mutating func nextYearCount() -> Int {
        let total = Double(yearTally.values.reduce(0, +) + 1)
        let targets: [(Int, Double)] = [(1, 0.73), (2, 0.18), (3, 0.09)]
        let bucket = targets.max { $0.1 * total - Double(yearTally[$0.0, default: 0]) < $1.1 * total - Double(yearTally[$1.0, default: 0]) }!.0
        return bucket < 3 ? bucket : (rng.chance(1.0 / 3) ? 4 : 3)
    }

    /// The provider has given notice on the child's current placement: it ends in 0-4 days.
    private mutating func addPending(placementIndex: Int, like template: PendingEnding?) {
        var p = placements[placementIndex]
        if let template {
            // A sibling placed alongside: the same notice covers both children.
            p.plannedEnd = placements[template.placementIndex].plannedEnd
            p.noticeHours = placements[template.placementIndex].noticeHours
            placements[placementIndex] = p
            var copy = template
            copy.placementIndex = placementIndex
            pending.append(copy)
            return
        }
        var endDay = today.adding(days: rng.int(0...4))
        var effective = Self.date(endDay, hour: 17)
        if effective.timeIntervalSince(now) < 3_600 {
            endDay = endDay.adding(days: 1)
            effective = Self.date(endDay, hour: 17)
        }
        let reason = rng.weighted([(EndReason.CREQB, 45), (.CREQO, 30), (.CLOSE, 10), (.ALLEG, 10), (.STAND, 5)])
        let sameDay = rng.int(6...24)
        var hours = rng.weighted([(sameDay, 30), (48, 15), (72, 15), (168, 25), (336, 15)])
        // Received before now and not before the placement began.
        let minHours = Int((effective.timeIntervalSince(now) / 3_600).rounded(.up)) + 1
        let maxHours = Int(effective.timeIntervalSince(Self.date(p.start, hour: 9)) / 3_600)
        hours = max(minHours, min(hours, maxHours))
        let received = effective.addingTimeInterval(-Double(hours * 3_600 + rng.int(0...50) * 60))
        p.plannedEnd = endDay
        p.noticeHours = hours
        placements[placementIndex] = p
        pending.append(PendingEnding(placementIndex: placementIndex, reason: reason, receivedAt: received, effectiveAt: effective))
    }

    static func date(_ day: Day, hour: Int) -> Date {
        Date(timeIntervalSince1970: Double(day.daysSinceEpoch * 86_400 + hour * 3_600))
    }

    // MARK: - Choices

    /// Family placements for younger children; residential and semi-independent settings for teenagers.
    private mutating func setting(age: Int, allowed: [Setting]?) -> Setting {
        var table: [(Setting, Double)] = switch age {
        case ..<8: [(.foster, 100)]
        case 8...12: [(.foster, 80), (.residential, 20)]
        case 13...15: [(.foster, 52), (.residential, 48)]
        default: [(.foster, 35), (.residential, 40), (.supportedLodgings, 20), (.parentAndChild, 5)]
        }
        if let allowed {
            // Wales has one small secure home: most children on a secure order live in an open home most nights.
            if allowed.contains(.secure) { table.append((.secure, 25)) }
            if allowed.contains(.parentAndChild) { table.append((.parentAndChild, 80)) }
            let ok = table.filter { s, _ in allowed.contains(s) || (s == .foster && allowed.contains(.kinship)) }
            if ok.isEmpty { return allowed.first { $0 != .shortBreak } ?? .foster }
            table = ok
        } else {
            table.removeAll { $0.0 == .secure && age < 12 }
        }
        return rng.weighted(table)
    }

    private mutating func breakdownReason(age: Int) -> EndReason {
        var table: [(EndReason, Double)] = [(.CREQB, 35), (.CHILD, 12), (.CREQO, 15), (.ALLEG, 8), (.STAND, 6),
                                            (.CLOSE, 6), (.APPRR, 5)]
        if age >= 12 { table.append((.CUSTOD, 4)) }
        return rng.weighted(table)
    }

    private mutating func plannedReason() -> EndReason {
        rng.weighted([(EndReason.CARPL, 60), (.LAREQ, 15), (.PLACE, 8), (.OTHER, 17)])
    }

    /// Breakdowns often come at same-day notice (seed report 6.11); planned moves usually at 28 days.
    private mutating func breakdownNotice() -> Int {
        let sameDay = rng.pick([0, 2, 4, 6, 12, 18, 24])
        return rng.weighted([(sameDay, 40), (48, 15), (72, 10), (168, 15), (336, 10), (672, 10)])
    }

    private mutating func plannedNotice() -> Int {
        rng.weighted([(672, 55), (336, 15), (1_344, 10), (168, 15), (48, 5)])
    }

    private mutating func placementType(_ setting: Setting) -> PlacementType {
        switch setting {
        case .foster: rng.chance(0.4) ? .U4 : .U6
        case .kinship: rng.chance(0.3) ? .U1 : .U3
        case .residential: .K2
        case .secure: .K1
        case .parentAndChild: .R3
        case .supportedLodgings: .H5
        case .shortBreak: .Z1
        }
    }
}
