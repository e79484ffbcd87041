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

    static func field(_ label: String, _ value: [Span]) -> PageItem { PageItem(label: label, spans: value) }

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

    static func vacancy(_ model: Model, _ i: Int) -> [PageItem] {
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
        let contact = [provider.contact.name, provider.contact.phone, provider.contact.email].filter { !$0.isEmpty }
        out.append(field("Contact", contact.isEmpty ? "none recorded" : contact.joined(separator: " · "), style: contact.isEmpty ? .muted : .normal))
        out.append(field("Welsh", provider.welshLanguage.words, style: provider.welshLanguage == .fluent ? .good : .normal))
        out.append(field("Can meet", provider.capabilities.isEmpty ? "no specialist needs recorded" : provider.capabilities.map { catalogue.name(of: $0) }.joined(separator: ", ")))

        out.append(blank)
        out.append(PageItem(spans: [Span("Stability, last 12 months", style: heading)]))
        let mine = (index.children.placementsByProvider[provider.id] ?? []).map { data.placements[$0] }
        let s = ProviderStability.compute(mine, today: today, windowDays: 365)[provider.id] ?? ProviderStability()
        out.append(PageItem(spans: [Span(Format.plural(s.placements, "placement")), Span(" · "),
                    Span(Format.plural(s.breakdowns, "breakdown"), style: s.breakdowns > 0 ? .warning : .normal), Span(" · "),
                    Span(Format.plural(s.shortNoticeEndings, "ending") + " at ≤ 24 h notice", style: s.shortNoticeEndings > 0 ? .urgent : .normal)]))
        let endings = mine.filter { $0.actualEnd != nil }.prefix(5)
        if endings.isEmpty {
            out.append(PageItem(spans: [Span("No endings recorded.", style: .muted)]))
        } else {
            out.append(PageItem(spans: [Span("Last endings", style: .muted)]))
            for p in endings { out.append(endingLine(p)) }
        }
        return out
    }

    static func endingLine(_ p: Placement) -> PageItem {
        var spans = [Span(Format.long(p.actualEnd!) + ": ", style: .muted),
                     Span(p.endReason?.label ?? "reason not recorded")]
        let notice = Format.notice(hours: p.noticeHours)
        spans.append(Span(" · "))
        spans.append(Span(notice.text, style: notice.sameDay ? .urgent : (p.noticeHours == nil ? .muted : .normal)))
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
            switch c.urgency {
            case .emergency: status += " · emergency"
            case .neededBy(let d): status += " · needed by \(Format.long(d))"
            }
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
        if let group = c.siblingGroup {
            let others = data.children.filter { $0.id != c.id && $0.siblingGroup?.groupID == group.groupID }
            let names = others.map { "\($0.initials) (\($0.id))" }.joined(separator: ", ")
            out.append(field("Siblings", (names.isEmpty ? "none in the store" : names) + (group.mustBePlacedTogether ? " · must be placed together" : " · may be placed apart")))
        } else {
            out.append(field("Siblings", "none recorded", style: .muted))
        }

        out.append(blank)
        let history = (index.children.placementsByChild[c.id] ?? []).map { data.placements[$0] }
        let breakdowns = history.filter(\.isBreakdown).count
        let sameDay = history.filter { $0.actualEnd != nil && $0.isShortNotice }.count
        out.append(PageItem(spans: [Span("Placement history, newest first", style: heading)]))
        out.append(field("Totals", [Span(Format.plural(history.count, "placement")), Span(" · "),
                    Span(Format.plural(breakdowns, "breakdown"), style: breakdowns > 0 ? .warning : .normal), Span(" · "),
                    Span(Format.plural(sameDay, "same-day ending"), style: sameDay > 0 ? .urgent : .normal)]))
        if history.isEmpty { out.append(PageItem(spans: [Span("No placements recorded.", style: .muted)])) }
        let providers = Dictionary(data.providers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let vacancies = Dictionary(data.vacancies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for p in history {
            out.append(blank)
            let dates = Format.long(p.start) + " – " + (p.actualEnd.map(Format.long) ?? "now")
            let setting = p.vacancyID.flatMap { vacancies[$0]?.setting.label } ?? p.placementType.label
            out.append(PageItem(spans: [Span(dates, style: Style(.normal, bold: true)), Span(" · "),
                        Span(providers[p.providerID]?.name ?? p.providerID), Span(" · " + setting, style: .muted)]))
            var detail: [Span] = [Span(p.locality.label, style: p.locality == .inCounty ? .good : .normal),
                                  Span(" · " + Format.miles(p.milesFromHome))]
            detail += endingSpans(p)
            out.append(PageItem(spans: detail, indent: 4))
        }
        out += ringRound(model, childID: c.id)
        return out
    }
}

/// How a placement ended, in words: the reason, the notice given (same-day stands out) and whether it
/// was planned or a breakdown; or that it is the current placement.
func endingSpans(_ p: Placement) -> [Span] {
    guard p.actualEnd != nil else { return [Span(" · current placement", style: .good)] }
    let notice = Format.notice(hours: p.noticeHours)
    var spans = [Span(" · ended: "), Span(p.endReason?.label ?? "reason not recorded"), Span(" · notice: "),
                 Span(notice.text, style: notice.sameDay ? .urgent : (p.noticeHours == nil ? .muted : .normal))]
    if let ending = p.ending {
        spans += [Span(" · "), Span(ending.rawValue, style: ending == .breakdown ? .warning : .good)]
    }
    return spans
}
