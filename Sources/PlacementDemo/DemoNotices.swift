import PlacementCore
import Foundation

/// About thirty provider notices over the last two weeks, some today: announced endings for children
/// with notice, the endings that just left children without a home, and vacancy news.
struct DemoNoticeMaker {
    let today: Day
    let now: Date
    var rng: DemoRandom

    /// Endings a provider announces; the authority's own decisions (care plan changes) are not provider notices.
    static let providerInitiated: Set<EndReason> = [.CREQB, .CREQO, .CLOSE, .APPRR, .STAND, .ALLEG]

    mutating func make(pending: [PendingEnding], placements: [Placement], vacancies: [Vacancy], target: Int) -> [ProviderNotice] {
        var drafts: [ProviderNotice] = []
        for e in pending {
            let p = placements[e.placementIndex]
            drafts.append(ProviderNotice(id: "", receivedAt: e.receivedAt, loggedBy: rng.pick(DemoNames.officers),
                                         providerID: p.providerID, kind: .placementEnding, childID: p.childID,
                                         effectiveAt: e.effectiveAt, reason: e.reason,
                                         text: "Giving notice: \(e.reason.label)."))
        }
        // Placements that ended in the last fortnight were announced by the provider first.
        let twoWeeksAgo = today.adding(days: -14)
        for p in placements {
            guard let end = p.actualEnd, end >= twoWeeksAgo, let reason = p.endReason, let hours = p.noticeHours,
                  Self.providerInitiated.contains(reason) else { continue }
            let effective = min(DemoHistoryMaker.date(end, hour: 10), now.addingTimeInterval(-600))
            let received = effective.addingTimeInterval(-Double(hours * 3_600 + rng.int(0...50) * 60))
            drafts.append(ProviderNotice(id: "", receivedAt: received, loggedBy: rng.pick(DemoNames.officers),
                                         providerID: p.providerID, kind: .placementEnding, childID: p.childID,
                                         effectiveAt: effective, reason: reason,
                                         text: hours <= 24 ? "Same-day notice: \(reason.label)." : "Notice: \(reason.label)."))
        }
        // Vacancy news fills the rest; a quarter of it arrived today.
        let startOfToday = Double(today.daysSinceEpoch * 86_400)
        let sinceMidnight = max(60, Int(now.timeIntervalSince1970 - startOfToday))
        var tries = 0
        let wanted = drafts.count + max(10, target - drafts.count)
        while drafts.count < wanted, !vacancies.isEmpty, tries < target * 20 {
            tries += 1
            let v = vacancies[rng.below(vacancies.count)]
            guard v.status != .held else { continue }
            let ago = rng.chance(0.25) ? rng.int(0...(sinceMidnight - 1)) : rng.int(0...(14 * 86_400))
            let kind: NoticeKind = switch v.status {
            case .filled: .vacancyFilled
            case .withdrawn: .vacancyWithdrawn
            default: rng.chance(0.7) ? .vacancyOpened : .vacancyChanged
            }
            let text = switch kind {
            case .vacancyOpened: "\(v.setting.label) bed, ages \(v.ageRange.lowerBound)-\(v.ageRange.upperBound), from \(v.availableFrom)."
            case .vacancyChanged: "Age range now \(v.ageRange.lowerBound)-\(v.ageRange.upperBound); weekly fee £\(v.weeklyFee)."
            case .vacancyFilled: "Bed filled."
            default: "Vacancy withdrawn."
            }
            drafts.append(ProviderNotice(id: "", receivedAt: now.addingTimeInterval(-Double(ago)), loggedBy: rng.pick(DemoNames.officers),
                                         providerID: v.providerID, kind: kind, vacancyID: v.id, text: text))
        }
        return DemoIDs.numbered(drafts, prefix: "N", width: 4, time: \.receivedAt) { $0.id = $1 }
    }
}
