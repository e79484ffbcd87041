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
    static func inspectionField(_ p: Provider, today: Day, policy: MatchPolicy = .default, _ l: Language = .en) -> PageItem {
        let label = Message.screensPageInspection.text(l)
        guard let inspection = p.inspection else { return field(label, Message.screensPageNoRating.text(l), style: .muted) }
        let old = inspection.date.days(until: today) > policy.inspectionMaxAgeDays
        return field(label, [
            Span(inspection.rating.label(l), style: inspection.rating.grade >= 3 ? .urgent : inspection.rating.grade == 0 ? .good : .normal),
            Span(Message.screensPageInspected.text(l, ["date": Format.long(inspection.date, l)]), style: old ? .warning : .normal),
            Span(old ? Message.screensPageInspectionOld.text(l) : "", style: .warning),
        ])
    }

    static func field(_ label: String, _ value: [Span]) -> PageItem { PageItem(label: label, spans: value) }

    /// The child page's line on who the child can live with: what the checks against a home's current residents read.
    static func livingWith(_ c: Child, _ l: Language = .en) -> PageItem {
        var parts: [String] = []
        if let companions = c.livingCompanions { parts.append(companions.label(l)) }
        if !c.riskToOthers.isEmpty {
            parts.append(Message.screensChildRiskOf.text(l, ["risks": c.riskToOthers.map { $0.label(l) }.joined(separator: Message.screensAnd.text(l))]))
        }
        if !c.associatesToAvoid.isEmpty { parts.append(Message.screensChildNotWithAssociates.text(l, ["ids": c.associatesToAvoid.joined(separator: ", ")])) }
        return field(Message.screensChildLivingWith.text(l), parts.isEmpty ? Message.screensChildNoRestriction.text(l) : parts.joined(separator: "; "),
                     style: parts.isEmpty ? .muted : .warning)
    }

    static func field(_ label: String, _ value: String, style: Style = .normal) -> PageItem {
        field(label, [Span(value, style: style)])
    }

    static let blank = PageItem(label: nil, spans: [])

    /// Screen rows for `items` at `width`: (x offset, spans) per row.
    static func layout(_ items: [PageItem], width: Int) -> [(x: Int, spans: [Span], tag: Int?)] {
        var rows: [(x: Int, spans: [Span], tag: Int?)] = []
        // The label column widens only for a label that would not fit it (longer Welsh labels).
        let widest = items.compactMap { $0.label.map { displayWidth(of: $0) } }.max() ?? 0
        let column = widest >= labelWidth ? widest + 2 : labelWidth
        for item in items {
            let x = item.label != nil ? column : item.indent
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
        let l = model.language
        guard let data = model.data, i < data.vacancies.count else { return Message.screensVacancyHeading.text(l) }
        let v = data.vacancies[i]
        let name = data.providers.first { $0.id == v.providerID }?.name ?? v.providerID
        return Message.screensVacancyTitle.text(l, ["id": v.id, "name": name])
    }

    /// The stability the ranking scored, shown instead of the page's own 12-month count when the page is
    /// opened from a ranked row.
    struct RankedStability {
        var figures: ProviderStability
        var windowDays: Int
    }

    /// "3 placements · 1 breakdown · 0 endings at ≤ 24 h notice", each figure styled by what it warns of.
    /// `childWording`: the child page's "short-notice endings" rather than "endings at ≤ 24 h notice".
    static func stabilityFigures(placements: Int, breakdowns: Int, shortNotice: Int, _ l: Language, childWording: Bool = false) -> [Span] {
        let endings = childWording
            ? ScreenWords.count(shortNotice, one: .screensCountShortEndingOne, two: .screensCountShortEndingTwo, many: .screensCountShortEndingMany, l)
            : ScreenWords.count(shortNotice, one: .screensCountEndingNoticeOne, two: .screensCountEndingNoticeTwo, many: .screensCountEndingNoticeMany, l)
        return [Span(ScreenWords.count(placements, one: .screensCountPlacementOne, two: .screensCountPlacementTwo, many: .screensCountPlacementMany, l)),
                Span(" · "),
                Span(ScreenWords.count(breakdowns, one: .screensCountBreakdownOne, two: .screensCountBreakdownTwo, many: .screensCountBreakdownMany, l),
                     style: breakdowns > 0 ? .warning : .normal),
                Span(" · "),
                Span(endings, style: shortNotice > 0 ? .urgent : .normal)]
    }

    static func vacancy(_ model: Model, _ i: Int, ranked: RankedStability? = nil) -> [PageItem] {
        guard let data = model.data, let index = model.index, i < data.vacancies.count else { return [] }
        let l = model.language
        let v = data.vacancies[i]
        let ix = index.vacancies
        let pi = Int(ix.providerIndex[i])
        let provider: Provider? = pi >= 0 ? data.providers[pi] : nil
        let catalogue = NeedCatalogue.standard
        let tier = LocalityTier(rawValue: Int(ix.tier[i])) ?? .outsideEnglandAndWales
        let today = model.today
        var out: [PageItem] = [PageItem(spans: [Span(Message.screensVacancyHeading.text(l), style: heading)])]

        var status = [Span(v.status.label(l), style: v.status == .open ? .good : .muted)]
        if let hold = v.hold, v.isHeld(at: model.now) {
            status.append(Span(Message.screensVacancyHeldFor.text(l, ["child": hold.childID, "officer": hold.officer,
                                                                      "date": Format.long(Format.day(hold.expiresAt), l), "time": Format.clock(hold.expiresAt)]),
                               style: .warning))
        }
        out.append(field(Message.screensPageStatus.text(l), status))
        out.append(field(Message.screensPageSetting.text(l), v.setting.label(l)))
        var whereSpans = [Span(ScreenWords.bilingualAuthority(ix.authorityCode[i], fallback: ix.authorityName[i], l)),
                          Span(" · "), Span(tier.label(l), style: tier == .inCounty ? .good : .normal)]
        if let reg = tier.regulationReference {
            whereSpans.append(Span(Message.screensVacancyNeedsPanel.text(l, ["reg": ScreenWords.regulation(reg, l)]), style: .muted))
        }
        if let pc = v.postcode ?? provider?.postcode { whereSpans.append(Span(" · " + pc)) }
        out.append(field(Message.screensPageWhere.text(l), whereSpans))
        let genders = Gender.allCases.filter { v.gendersAccepted.contains($0) }.map { $0.label(l) }.joined(separator: ", ")
        out.append(field(Message.screensPagePlaces.text(l), Message.screensVacancyPlaces.text(l, [
            "beds": ScreenWords.count(v.beds, one: .screensCountBedOne, two: .screensCountBedTwo, many: .screensCountBedMany, l),
            "ages": Format.ages(v.ageRange), "genders": genders, "n": String(v.maxSiblingGroup)])))
        let from = v.availableFrom <= today ? Message.screensVacancyNowFrom.text(l, ["date": Format.long(v.availableFrom, l)])
            : Message.screensFromDate.text(l, ["date": Format.long(v.availableFrom, l)])
        out.append(field(Message.screensPageAvailable.text(l), [
            Span(from, style: v.availableFrom <= today ? .good : .normal),
            Span(v.takesEmergencies ? Message.screensVacancyTakesEmergencies.text(l) : Message.screensVacancyNoEmergencies.text(l))]))
        out.append(field(Message.screensPageWeeklyFee.text(l), Money.pounds(v.weeklyFee)))
        if let purchase = v.purchase { out.append(field(Message.screensPageBought.text(l), purchase.shortLabel(l))) }
        let days = v.daysSinceConfirmed(now: model.now)
        out.append(field(Message.screensPageConfirmed.text(l), [
            Span(days == 0 ? Message.screensToday.text(l) : Message.screensAgo.text(l, ["time": ScreenWords.days(days, l)]), style: days > 7 ? .warning : .normal),
            Span(" (\(Format.long(Format.day(v.lastConfirmedAt), l)))", style: .muted)]))
        if !v.extraCapabilities.isEmpty {
            out.append(field(Message.screensPageAlsoMeets.text(l), v.extraCapabilities.map { catalogue.name(of: $0, l) }.joined(separator: ", ")))
        }

        out.append(blank)
        out.append(PageItem(spans: [Span(Message.screensProviderHeading.text(l), style: heading)]))
        guard let provider else {
            out.append(field(Message.screensProviderHeading.text(l), Message.screensNotInStore.text(l, ["id": v.providerID]), style: .warning))
            return out
        }
        out.append(field(Message.screensPageName.text(l), provider.name))
        out.append(field(Message.screensPageSector.text(l), "\(provider.sector.label(l)) · \(provider.profitStatus.label(l))"))
        out.append(field(Message.screensPageRegulator.text(l),
                         Message.screensRegistration.text(l, ["regulator": provider.regulator.label(l), "number": provider.registrationNumber])))
        out.append(inspectionField(provider, today: today, l))
        let home = ScreenWords.authority(provider.authorityCode, fallback: provider.authorityCode, l)
        out.append(field(Message.screensPageAddress.text(l), provider.postcode.isEmpty ? home : "\(provider.postcode) · \(home)"))
        out.append(field(Message.screensPagePhone.text(l), provider.contact.phone.isEmpty ? Message.screensNoneRecorded.text(l) : provider.contact.phone,
                         style: provider.contact.phone.isEmpty ? .muted : Style(.normal, bold: true)))
        let contact = [provider.contact.name, provider.contact.email].filter { !$0.isEmpty }
        out.append(field(Message.screensPageContact.text(l), contact.isEmpty ? Message.screensNoneRecorded.text(l) : contact.joined(separator: " · "),
                         style: contact.isEmpty ? .muted : .normal))
        out.append(field(Message.screensPageWelsh.text(l), provider.welshLanguage.label(l), style: provider.welshLanguage == .fluent ? .good : .normal))
        out.append(field(Message.screensPageCanMeet.text(l), provider.capabilities.isEmpty ? Message.screensNoSpecialistNeeds.text(l)
                         : provider.capabilities.map { catalogue.name(of: $0, l) }.joined(separator: ", ")))

        out.append(blank)
        if data.historyPending { out.append(PageItem(spans: [Span(Message.screensHistoryLoading.text(l), style: .warning)])) }
        let mine = (index.children.placementsByProvider[provider.id] ?? []).map { data.placements[$0] }
        let s: ProviderStability
        if let ranked {
            out.append(PageItem(spans: [Span(Message.screensStabilityRanked.text(l, ["days": ScreenWords.days(ranked.windowDays, l)]), style: heading)]))
            s = ranked.figures
        } else {
            out.append(PageItem(spans: [Span(Message.screensStabilityYear.text(l), style: heading)]))
            s = ProviderStability.compute(mine, today: today, windowDays: 365)[provider.id] ?? ProviderStability()
        }
        var figures = stabilityFigures(placements: s.placements, breakdowns: s.breakdowns, shortNotice: s.shortNoticeEndings, l)
        if ranked != nil { figures.append(Span(Message.screensStabilityScore.text(l, ["score": String(format: "%.2f", s.score)]), style: .muted)) }
        out.append(PageItem(spans: figures))
        let endings = mine.filter { $0.actualEnd != nil }.prefix(5)
        if endings.isEmpty {
            out.append(PageItem(spans: [Span(Message.screensNoEndings.text(l), style: .muted)]))
        } else {
            out.append(PageItem(spans: [Span(Message.screensLastEndings.text(l), style: .muted)]))
            let theirs = data.notices.filter { $0.providerID == provider.id && $0.kind == .placementEnding }
            for p in endings { out.append(endingLine(p, notices: theirs, l)) }
        }
        return out
    }

    static func endingLine(_ p: Placement, notices: [ProviderNotice], _ l: Language = .en) -> PageItem {
        var spans = [Span(Format.long(p.actualEnd!, l) + ": ", style: .muted),
                     Span(p.endReason?.label(l) ?? Message.screensReasonNotRecorded.text(l))]
        let length = noticeLength(of: p, notices: notices)
        let notice = ScreenWords.notice(length, l)
        spans.append(Span(" · "))
        spans.append(Span(notice.text, style: notice.short ? .urgent : (length == nil ? .muted : .normal)))
        if let ending = p.ending {
            spans.append(Span(" · "))
            spans.append(Span(ending.label(l), style: ending == .breakdown ? .warning : .normal))
        }
        return PageItem(spans: spans, indent: 2)
    }

    // MARK: Child

    static func childTitle(_ model: Model, _ i: Int) -> String {
        let l = model.language
        guard let data = model.data, i < data.children.count else { return Message.screensChildHeading.text(l) }
        let c = data.children[i]
        return Message.screensChildTitle.text(l, ["id": c.id, "name": model.redact ? c.initials : c.fullName])
    }

    static func child(_ model: Model, _ i: Int) -> [PageItem] {
        guard let data = model.data, let index = model.index, i < data.children.count else { return [] }
        let l = model.language
        let c = data.children[i]
        let catalogue = NeedCatalogue.standard
        let today = model.today
        var out: [PageItem] = []
        out.append(field(Message.screensPageName.text(l), model.redact ? Message.screensNamesHidden.text(l, ["initials": c.initials]) : c.fullName,
                         style: Style(.normal, bold: true)))
        out.append(field(Message.screensPageAge.text(l), Message.screensChildAge.text(l, ["age": String(c.age(on: today)), "date": Format.long(c.dateOfBirth, l)])
                         + (c.isKeyStage4(on: today) ? Message.screensChildKeyStage4.text(l) : "")))
        out.append(field(Message.screensPageHome.text(l), ScreenWords.bilingualAuthority(c.placingAuthority, fallback: c.placingAuthority, l)))
        out.append(field(Message.screensPageLegalStatus.text(l), c.legalStatus.label(l)))
        var language = Message.screensChildFirstLanguage.text(l, ["language": c.firstLanguage.label(l)])
        if let w = c.welshPlacement { language += Message.screensChildWelshPlacement.text(l, ["level": w.label(l)]) }
        out.append(field(Message.screensPageLanguage.text(l), language))
        let urgent = AppData.isUrgent(c, today: today)
        var status = c.status.label(l)
        if c.status != .placed {
            if case .neededBy(let d) = c.urgency, c.status == .needsPlacement { status += Message.screensChildNeededBy.text(l, ["date": Format.long(d, l)]) }
            let left = TimeLeft.of(c, ending: model.index?.work.endingByChild[c.id], now: model.now)
            status += Message.screensChildTimeLeft.text(l, ["time": ScreenWords.timeLeft(left, today: today, l)])
        }
        out.append(field(Message.screensPageStatus.text(l), status, style: urgent ? .urgent : .normal))
        if c.needs.isEmpty {
            out.append(field(Message.screensPageNeeds.text(l), Message.screensNoneRecorded.text(l), style: .muted))
        } else {
            var first = true
            for level in NeedLevel.allCases {
                let names = c.needs(at: level).map { catalogue.name(of: $0, l) }
                guard !names.isEmpty else { continue }
                out.append(field(first ? Message.screensPageNeeds.text(l) : "",
                                 [Span(level.label(l) + ": ", style: level == .essential ? Style(.normal, bold: true) : .normal),
                                  Span(names.joined(separator: ", "))]))
                first = false
            }
        }
        var guards: [String] = []
        if !c.safeguarding.avoidAuthorities.isEmpty {
            guards.append(Message.screensChildAvoid.text(l, ["places": c.safeguarding.avoidAuthorities.map { ScreenWords.authority($0, fallback: $0, l) }.joined(separator: ", ")]))
        }
        for a in c.safeguarding.avoidAreas {
            guards.append(Message.screensChildAvoidWithin.text(l, ["miles": Distance.formatMiles(a.radiusMiles, approximate: false), "postcode": a.postcode]))
        }
        if let m = c.safeguarding.minimumMilesFromHome {
            guards.append(Message.screensChildAtLeastFromHome.text(l, ["miles": Distance.formatMiles(m, approximate: false)]))
        }
        out.append(field(Message.screensPageSafeguarding.text(l), guards.isEmpty ? Message.screensNoConstraints.text(l) : guards.joined(separator: "; "),
                         style: guards.isEmpty ? .muted : .warning))
        out.append(livingWith(c, l))
        if let group = c.siblingGroup {
            let others = data.children.filter { $0.id != c.id && $0.siblingGroup?.groupID == group.groupID }
            let names = others.map { "\($0.initials) (\($0.id))" }.joined(separator: ", ")
            out.append(field(Message.screensPageSiblings.text(l), (names.isEmpty ? Message.screensChildNoSiblingsInStore.text(l) : names)
                             + (group.mustBePlacedTogether ? Message.screensChildTogether.text(l) : Message.screensChildApart.text(l))))
        } else {
            out.append(field(Message.screensPageSiblings.text(l), Message.screensNoneRecorded.text(l), style: .muted))
        }

        out.append(blank)
        let listed = (index.children.placementsByChild[c.id] ?? []).map { data.placements[$0] }
        // Undone placements are listed, marked as corrected, but count in no total.
        let history = listed.filter { !$0.isUndone }
        let breakdowns = history.filter(\.isBreakdown).count
        let sameDay = history.filter { $0.actualEnd != nil && $0.isShortNotice }.count
        out.append(PageItem(spans: [Span(Message.screensChildHistoryHeading.text(l), style: heading)]))
        if data.historyPending { out.append(PageItem(spans: [Span(Message.screensHistoryLoading.text(l), style: .warning)])) }
        out.append(field(Message.screensPageTotals.text(l), stabilityFigures(placements: history.count, breakdowns: breakdowns, shortNotice: sameDay, l, childWording: true)))
        if history.isEmpty { out.append(PageItem(spans: [Span(Message.screensNoPlacements.text(l), style: .muted)])) }
        let providers = Dictionary(data.providers.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let vacancies = Dictionary(data.vacancies.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let childNotices = data.notices.filter { $0.childID == c.id && $0.kind == .placementEnding }
        for p in listed {
            out.append(blank)
            let setting = p.vacancyID.flatMap { vacancies[$0]?.setting.label(l) } ?? p.placementType.label(l)
            if let undo = p.undone {
                out.append(PageItem(spans: [Span(Format.long(p.start, l), style: .muted), Span(" · "),
                            Span(providers[p.providerID]?.name ?? p.providerID, style: .muted), Span(" · " + p.id, style: .muted),
                            Span(Message.screensChildUndone.text(l), style: .warning)]))
                out.append(PageItem(spans: [Span(Message.screensChildUndoneBy.text(l, ["by": undo.by, "time": Format.clock(undo.at), "reason": undo.reason]), style: .muted)],
                                    indent: 4))
            } else {
                let dates = Format.long(p.start, l) + " – " + (p.actualEnd.map { Format.long($0, l) } ?? Message.screensNow.text(l))
                out.append(PageItem(spans: [Span(dates, style: Style(.normal, bold: true)), Span(" · "),
                            Span(providers[p.providerID]?.name ?? p.providerID), Span(" · " + setting, style: .muted)]))
                var detail: [Span] = [Span(p.locality.label(l), style: p.locality == .inCounty ? .good : .normal),
                                      Span(" · " + ScreenWords.miles(p.milesFromHome, l))]
                detail += endingSpans(p, notices: childNotices, l)
                out.append(PageItem(spans: detail, indent: 4))
            }
            for line in approvalLines(p, l) { out.append(PageItem(spans: [Span(line, style: .muted)], indent: 4)) }
            if let by = p.placedBy, let at = p.placedAt, p.isOpen, Format.day(at) == model.today {
                out.append(PageItem(spans: [Span(Message.screensChildPlacedToday.text(l, ["by": by, "id": p.id]), style: .muted)], indent: 4))
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
func approvalLines(_ p: Placement, _ l: Language = .en) -> [String] {
    guard let a = p.approvals else { return [] }
    var lines: [String] = []
    if let text = a[.panel] { lines.append(Message.screensApprovalPanel.text(l, ["text": text])) }
    if let text = a[.keyStage4] { lines.append(Message.screensApprovalKeyStage4.text(l, ["text": text])) }
    if let text = a[.exceptionalReason] { lines.append(Message.screensApprovalExceptional.text(l, ["text": text])) }
    return lines
}

/// How a placement ended, in words: the reason, the notice given (short notice stands out) and whether it
/// was planned or a breakdown; or that it is the current placement. `notices`: ending notices that may be its.
func endingSpans(_ p: Placement, notices: [ProviderNotice], _ l: Language = .en) -> [Span] {
    guard p.actualEnd != nil else { return [Span(Message.screensCurrentPlacement.text(l), style: .good)] }
    let length = noticeLength(of: p, notices: notices)
    let notice = ScreenWords.notice(length, l)
    var spans = [Span(Message.screensEnded.text(l)), Span(p.endReason?.label(l) ?? Message.screensReasonNotRecorded.text(l)),
                 Span(Message.screensNoticeLabel.text(l)),
                 Span(notice.text, style: notice.short ? .urgent : (length == nil ? .muted : .normal))]
    if let ending = p.ending {
        spans += [Span(" · "), Span(ending.label(l), style: ending == .breakdown ? .warning : .good)]
    }
    return spans
}
