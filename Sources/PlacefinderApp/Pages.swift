import Foundation
import PlacementCore
import TerminalUI

/// The detail pages as paragraphs of styled spans (wrapped and scrolled by TextBlock).
/// One item of a page: an optional label in a fixed column, then text wrapped with a hanging indent.
struct PageItem: Sendable {
    var label: String?
    var spans: [Span]
    var indent = 0
    /// Marks a choosable row (the provider page's vacancies: the vacancy index).
    var tag: Int? = nil
}

enum Pages {
    static let labelWidth = 14
    static let heading = Style(.header, bold: true)

    /// The regulator's latest rating and when: the worst grade urgent, an inspection older than the policy's
    /// age (the default policy's, as the Matches screen ranks with it) a warning.
    static func inspectionField(_ p: Provider, today: Day, policy: MatchPolicy = .default) -> PageItem {
        guard let inspection = p.inspection else { return field("Inspection", "no rating recorded", style: .muted) }
        let old = inspection.date.days(until: today) > policy.inspectionMaxAgeDays
        return field("Inspection", [
            Span(inspection.rating.label, style: inspection.rating.grade >= 3 ? .urgent : inspection.rating.grade == 0 ? .good : .normal),
            Span(" · inspected \(Format.long(inspection.date))", style: old ? .warning : .normal),
            Span(old ? " · over the policy's age: check the latest report" : "", style: .warning),
        ])
    }

    static func field(_ label: String, _ value: [Span]) -> PageItem { PageItem(label: label, spans: value) }

    /// The child page's line on who the child can live with: what the checks against a home's current residents read.
    static func livingWith(_ c: Child) -> PageItem {
        var parts: [String] = []
        if let companions = c.livingCompanions { parts.append(companions.label) }
        if !c.riskToOthers.isEmpty { parts.append("poses a risk of " + c.riskToOthers.map(\.label).joined(separator: " and ")) }
        if !c.associatesToAvoid.isEmpty { parts.append("not with known associates " + c.associatesToAvoid.joined(separator: ", ")) }
        return field("Living with", parts.isEmpty ? "no restriction recorded" : parts.joined(separator: "; "), style: parts.isEmpty ? .muted : .warning)
    }

    static func field(_ label: String, _ value: String, style: Style = .normal) -> PageItem {
        field(label, [Span(value, style: style)])
    }

    static let blank = PageItem(label: nil, spans: [])

    /// Screen rows for `items` at `width`: (x offset, spans) per row.
    static func layout(_ items: [PageItem], width: Int) -> [(x: Int, spans: [Span], tag: Int?)] {
        var rows: [(x: Int, spans: [Span], tag: Int?)] = []
        for item in items {
            let x = item.label != nil ? labelWidth : item.indent
            let wrapped = item.spans.isEmpty ? [[]] : TextBlock.wrap([item.spans], width: max(1, width - x))
            for (n, line) in wrapped.enumerated() {
                if n == 0, let label = item.label {
                    let pad = String(repeating: " ", count: max(1, x - displayWidth(of: label)))
                    rows.append((0, [Span(label, style: .muted), Span(pad)] + line, item.tag))
                } else {
                    rows.append((x, line, item.tag))
                }
            }
        }
        return rows
    }

    // MARK: Vacancy

    static func vacancyTitle(_ model: Model, _ i: Int) -> String {
        guard let data = model.data, i < data.vacancies.count else { return "Vacancy" }
        let v = data.vacancies[i]
        let name = data.providers.first { $0.id == v.providerID }?.name ?? v.providerID
        return "Vacancy \(v.id) · \(name)"
    }

    /// The stability the ranking scored, shown instead of the page's own 12-month count when the page is
    /// opened from a ranked row.
    struct RankedStability {
        var figures: ProviderStability
        var windowDays: Int
    }

    static func vacancy(_ model: Model, _ i: Int, ranked: RankedStability? = nil) -> [PageItem] {
        guard let data = model.data, let index = model.index, i < data.vacancies.count else { return [] }
        let v = data.vacancies[i]
        let ix = index.vacancies
        let pi = Int(ix.providerIndex[i])
        let provider: Provider? = pi >= 0 ? data.providers[pi] : nil
        let catalogue = NeedCatalogue.standard
        let tier = LocalityTier(rawValue: Int(ix.tier[i])) ?? .outsideEnglandAndWales
        let today = model.today
        var out: [PageItem] = [PageItem(spans: [Span("Vacancy", style: heading)])]

        var status = [Span(v.status.rawValue, style: v.status == .open ? .good : .muted)]
        if let hold = v.hold, v.isHeld(at: model.now) {
            status.append(Span(" — held for \(hold.childID) by \(hold.officer) until \(Format.long(Format.day(hold.expiresAt))) \(Format.clock(hold.expiresAt))", style: .warning))
        }
        out.append(field("Status", status))
        out.append(field("Setting", v.setting.label))
        var whereSpans = [Span(Geography.wales.authority(code: ix.authorityCode[i])?.bilingualName ?? ix.authorityName[i]),
                          Span(" · "), Span(tier.label, style: tier == .inCounty ? .good : .normal)]
        if let reg = tier.regulationReference { whereSpans.append(Span(" (\(reg), needs panel approval)", style: .muted)) }
        if let pc = v.postcode ?? provider?.postcode { whereSpans.append(Span(" · " + pc)) }
        out.append(field("Where", whereSpans))
        let genders = Gender.allCases.filter { v.gendersAccepted.contains($0) }.map(\.rawValue).joined(separator: ", ")
        out.append(field("Places", "\(Format.plural(v.beds, "bed")) · ages \(Format.ages(v.ageRange)) · \(genders) · sibling group up to \(v.maxSiblingGroup)"))
        let from = v.availableFrom <= today ? "now (from \(Format.long(v.availableFrom)))" : "from \(Format.long(v.availableFrom))"
        out.append(field("Available", [Span(from, style: v.availableFrom <= today ? .good : .normal),
                                       Span(v.takesEmergencies ? " · takes emergencies" : " · no emergencies")]))
        out.append(field("Weekly fee", Money.pounds(v.weeklyFee)))
        if let purchase = v.purchase { out.append(field("Bought", purchase.shortLabel)) }
        let days = v.daysSinceConfirmed(now: model.now)
        out.append(field("Confirmed", [Span(days == 0 ? "today" : "\(Format.plural(days, "day")) ago", style: days > 7 ? .warning : .normal),
                                       Span(" (\(Format.long(Format.day(v.lastConfirmedAt))))", style: .muted)]))
        if !v.extraCapabilities.isEmpty {
            out.append(field("Also meets", v.extraCapabilities.map { catalogue.name(of: $0) }.joined(separator: ", ")))
        }

        out.append(blank)
        out.append(PageItem(spans: [Span("Provider", style: heading)]))
        guard let provider else {
            out.append(field("Provider", "\(v.providerID) (not in the store)", style: .warning))
            return out
        }
        out.append(field("Name", provider.name))
        out.append(field("Sector", "\(provider.sector.label) · \(provider.profitStatus == .forProfit ? "for profit" : "not for profit")"))
        out.append(field("Regulator", "\(provider.regulator.rawValue) · registration \(provider.registrationNumber)"))
        out.append(inspectionField(provider, today: today))
        let home = Geography.wales.authority(code: provider.authorityCode)?.name ?? provider.authorityCode
        out.append(field("Address", provider.postcode.isEmpty ? home : "\(provider.postcode) · \(home)"))
        out.append(field("Phone", provider.contact.phone.isEmpty ? "none recorded" : provider.contact.phone,
                         style: provider.contact.phone.isEmpty ? .muted : Style(.normal, bold: true)))
        let contact = [provider.contact.name, provider.contact.email].filter { !$0.isEmpty }
        out.append(field("Contact", contact.isEmpty ? "none recorded" : contact.joined(separator: " · "), style: contact.isEmpty ? .muted : .normal))
        out.append(field("Welsh", provider.welshLanguage.words, style: provider.welshLanguage == .fluent ? .good : .normal))
        out.append(field("Can meet", provider.capabilities.isEmpty ? "no specialist needs recorded" : provider.capabilities.map { catalogue.name(of: $0) }.joined(separator: ", ")))

        out.append(blank)
        let mine = (index.children.placementsByProvider[provider.id] ?? []).map { data.placements[$0] }
        let s: ProviderStability
        if let ranked {
            out.append(PageItem(spans: [Span("Stability, as the ranking scored it (last \(Format.plural(ranked.windowDays, "day")))", style: heading)]))
            s = ranked.figures
        } else {
            out.append(PageItem(spans: [Span("Stability, last 12 months", style: heading)]))
            s = ProviderStability.compute(mine, today: today, windowDays: 365)[provider.id] ?? ProviderStability()
        }
        var figures = [Span(Format.plural(s.placements, "placement")), Span(" · "),
                       Span(Format.plural(s.breakdowns, "breakdown"), style: s.breakdowns > 0 ? .warning : .normal), Span(" · "),
                       Span(Format.plural(s.shortNoticeEndings, "ending") + " at ≤ 24 h notice", style: s.shortNoticeEndings > 0 ? .urgent : .normal)]
        if ranked != nil { figures.append(Span(String(format: " · stability score %.2f of 1", s.score), style: .muted)) }
        out.append(PageItem(spans: figures))
        let endings = mine.filter { $0.actualEnd != nil }.prefix(5)
        if endings.isEmpty {
            out.append(PageItem(spans: [Span("No endings recorded.", style: .muted)]))
        } else {
            out.append(PageItem(spans: [Span("Last endings", style: .muted)]))
            let theirs = data.notices.filter { $0.providerID == provider.id && $0.kind == .placementEnding }
            for p in endings { out.append(endingLine(p, notices: theirs)) }
        }
        return out
    }

    static func endingLine(_ p: Placement, notices: [ProviderNotice]) -> PageItem {
        var spans = [Span(Format.long(p.actualEnd!) + ": ", style: .muted),
                     Span(p.endReason?.label ?? "reason not recorded")]
        let length = noticeLength(of: p, notices: notices)
        let notice = Format.notice(length)
        spans.append(Span(" · "))
        spans.append(Span(notice.text, style: notice.short ? .urgent : (length == nil ? .muted : .normal)))
        if let ending = p.ending {
            spans.append(Span(" · "))
            spans.append(Span(ending.rawValue, style: ending == .breakdown ? .warning : .normal))
        }
        return PageItem(spans: spans, indent: 2)
    }

    // MARK: Child

    static func childTitle(_ model: Model, _ i: Int) -> String {
        guard let data = model.data, i < data.children.count else { return "Child" }
        let c = data.children[i]
        return "Child \(c.id) · " + (model.redact ? c.initials : c.fullName)
    }

    static func child(_ model: Model, _ i: Int) -> [PageItem] {
        guard let data = model.data, let index = model.index, i < data.children.count else { return [] }
        let c = data.children[i]
        let geo = Geography.wales
        let catalogue = NeedCatalogue.standard
        let today = model.today
        var out: [PageItem] = []
        out.append(field("Name", model.redact ? "\(c.initials) (names hidden)" : c.fullName, style: Style(.normal, bold: true)))
        out.append(field("Age", "\(c.age(on: today)) (born \(Format.long(c.dateOfBirth)))" + (c.isKeyStage4(on: today) ? " · Key Stage 4: a school move needs a nominated officer's approval" : "")))
        out.append(field("Home", geo.authority(code: c.placingAuthority)?.bilingualName ?? c.placingAuthority))
        out.append(field("Legal status", c.legalStatus.label))
        var language = "first language " + (c.firstLanguage == .welsh ? "Welsh" : c.firstLanguage == .english ? "English" : c.firstLanguage == .bilingual ? "Welsh and English" : "other")
        if let w = c.welshPlacement { language += " · Welsh-speaking placement \(w.rawValue)" }
        out.append(field("Language", language))
        let urgent = AppData.isUrgent(c, today: today)
        var status = c.status.words
        if c.status != .placed {
            if case .neededBy(let d) = c.urgency, c.status == .needsPlacement { status += " · needed by \(Format.long(d))" }
            let left = TimeLeft.of(c, ending: model.index?.work.endingByChild[c.id], now: model.now)
            status += " · time left: " + Format.timeLeft(left, today: today)
        }
        out.append(field("Status", status, style: urgent ? .urgent : .normal))
        if c.needs.isEmpty {
            out.append(field("Needs", "none recorded", style: .muted))
        } else {
            var first = true
            for level in NeedLevel.allCases {
                let names = c.needs(at: level).map { catalogue.name(of: $0) }
                guard !names.isEmpty else { continue }
                out.append(field(first ? "Needs" : "", [Span(level.rawValue + ": ", style: level == .essential ? Style(.normal, bold: true) : .normal),
                                                        Span(names.joined(separator: ", "))]))
                first = false
            }
        }
        var guards: [String] = []
        if !c.safeguarding.avoidAuthorities.isEmpty {
            guards.append("avoid " + c.safeguarding.avoidAuthorities.map { geo.authority(code: $0)?.name ?? $0 }.joined(separator: ", "))
        }
        for a in c.safeguarding.avoidAreas { guards.append("avoid within \(Distance.formatMiles(a.radiusMiles, approximate: false)) of \(a.postcode)") }
        if let m = c.safeguarding.minimumMilesFromHome { guards.append("at least \(Distance.formatMiles(m, approximate: false)) from home") }
        out.append(field("Safeguarding", guards.isEmpty ? "no constraints recorded" : guards.joined(separator: "; "), style: guards.isEmpty ? .muted : .warning))
        out.append(livingWith(c))
        if let group = c.siblingGroup {
            let others = data.children.filter { $0.id != c.id && $0.siblingGroup?.groupID == group.groupID }
            let names = others.map { "\($0.initials) (\($0.id))" }.joined(separator: ", ")
            out.append(field("Siblings", (names.isEmpty ? "none in the store" : names) + (group.mustBePlacedTogether ? " · must be placed together" : " · may be placed apart")))
        } else {
            out.append(field("Siblings", "none recorded", style: .muted))
        }

        out.append(blank)
        let listed = (index.children.placementsByChild[c.id] ?? []).map { data.placements[$0] }
        // Undone placements are listed, marked as corrected, but count in no total.
        let history = listed.filter { !$0.isUndone }
        let breakdowns = history.filter(\.isBreakdown).count
        let sameDay = history.filter { $0.actualEnd != nil && $0.isShortNotice }.count
        out.append(PageItem(spans: [Span("Placement history, newest first", style: heading)]))
        out.append(field("Totals", [Span(Format.plural(history.count, "placement")), Span(" · "),
                    Span(Format.plural(breakdowns, "breakdown"), style: breakdowns > 0 ? .warning : .normal), Span(" · "),
                    Span(Format.plural(sameDay, "short-notice ending"), style: sameDay > 0 ? .urgent : .normal)]))
        if history.isEmpty { out.append(PageItem(spans: [Span("No placements recorded.", style: .muted)])) }
        let providers = Dictionary(data.providers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let vacancies = Dictionary(data.vacancies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let childNotices = data.notices.filter { $0.childID == c.id && $0.kind == .placementEnding }
        for p in listed {
            out.append(blank)
            let setting = p.vacancyID.flatMap { vacancies[$0]?.setting.label } ?? p.placementType.label
            if let undo = p.undone {
                out.append(PageItem(spans: [Span(Format.long(p.start), style: .muted), Span(" · "),
                            Span(providers[p.providerID]?.name ?? p.providerID, style: .muted), Span(" · " + p.id, style: .muted),
                            Span(" · UNDONE (corrected)", style: .warning)]))
                out.append(PageItem(spans: [Span("undone by \(undo.by) at \(Format.clock(undo.at)): \(undo.reason)", style: .muted)], indent: 4))
            } else {
                let dates = Format.long(p.start) + " – " + (p.actualEnd.map(Format.long) ?? "now")
                out.append(PageItem(spans: [Span(dates, style: Style(.normal, bold: true)), Span(" · "),
                            Span(providers[p.providerID]?.name ?? p.providerID), Span(" · " + setting, style: .muted)]))
                var detail: [Span] = [Span(p.locality.label, style: p.locality == .inCounty ? .good : .normal),
                                      Span(" · " + Format.miles(p.milesFromHome))]
                detail += endingSpans(p, notices: childNotices)
                out.append(PageItem(spans: detail, indent: 4))
            }
            for line in approvalLines(p) { out.append(PageItem(spans: [Span(line, style: .muted)], indent: 4)) }
            if let by = p.placedBy, let at = p.placedAt, p.isOpen, Format.day(at) == model.today {
                out.append(PageItem(spans: [Span("placed today by \(by) as \(p.id) · u undoes it (with a reason)", style: .muted)], indent: 4))
            }
        }
        out += ringRound(model, childID: c.id)
        return out
    }
}

/// The notice a placement's ending was given: from the provider's ending notice on record when there is one
/// (so "same-day" means the calendar day, as in the notices log), else the hours the placement records.
func noticeLength(of p: Placement, notices: [ProviderNotice]) -> NoticeLength? {
    if let end = p.actualEnd, let n = notices.last(where: {
        $0.kind == .placementEnding && $0.childID == p.childID && $0.providerID == p.providerID && $0.effectiveAt.map(Format.day) == end
    }) {
        return n.noticeLength
    }
    return p.noticeHours.map { NoticeLength(hours: $0) }
}

/// The approvals recorded with a placement, one line each, as the officer wrote them.
func approvalLines(_ p: Placement) -> [String] {
    guard let a = p.approvals else { return [] }
    var lines: [String] = []
    if let text = a[.panel] { lines.append("panel approval (reg 12(3)): \(text)") }
    if let text = a[.keyStage4] { lines.append("nominated officer's approval, Key Stage 4 move (reg 11): \(text)") }
    if let text = a[.exceptionalReason] { lines.append("exceptional circumstances (for-profit): \(text)") }
    return lines
}

/// How a placement ended, in words: the reason, the notice given (short notice stands out) and whether it
/// was planned or a breakdown; or that it is the current placement. `notices`: ending notices that may be its.
func endingSpans(_ p: Placement, notices: [ProviderNotice]) -> [Span] {
    guard p.actualEnd != nil else { return [Span(" · current placement", style: .good)] }
    let length = noticeLength(of: p, notices: notices)
    let notice = Format.notice(length)
    var spans = [Span(" · ended: "), Span(p.endReason?.label ?? "reason not recorded"), Span(" · notice: "),
                 Span(notice.text, style: notice.short ? .urgent : (length == nil ? .muted : .normal))]
    if let ending = p.ending {
        spans += [Span(" · "), Span(ending.rawValue, style: ending == .breakdown ? .warning : .good)]
    }
    return spans
}

