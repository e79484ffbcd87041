import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

// The ring-round and notice commands: each is one transaction in the store and prints one line of ids.

/// Reads a time the officer typed (Europe/London when no offset is given).
func parseTime(_ text: String, option: String) throws -> Date {
    guard let date = WorkflowTime.parse(text, now: Session.now) else {
        throw UserError(.cliPhraseUserNotTime, ["option": option])
    }
    return date
}

func parseDay(_ text: String, option: String) throws -> Day {
    guard let day = Day(iso: text) else { throw UserError(.cliPhraseUserNotDate, ["option": option]) }
    return day
}

/// "11-17" → 11...17.
func parseAges(_ text: String) throws -> ClosedRange<Int> {
    let parts = text.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 2, let low = parts[0], let high = parts[1], low <= high else {
        throw UserError(.cliPhraseUserAges)
    }
    return low...high
}

/// Accepts the stored spelling (placement_ending) or the hyphenated one (placement-ending).
func parseCode<E: RawRepresentable<String> & CaseIterable>(_ text: String, option: String, as type: E.Type) throws -> E {
    if let value = E(rawValue: text.replacingOccurrences(of: "-", with: "_")) ?? E(rawValue: text) ?? E(rawValue: text.uppercased()) {
        return value
    }
    throw UserError(.cliPhraseUserNotOneOf, ["option": option, "text": text, "values": E.allCases.map(\.rawValue).joined(separator: ", ")])
}

/// An ONS local authority code, Welsh (W06) or English (E06-E10), as `--filled-by` takes it.
func parseAuthorityCode(_ text: String, option: String) throws -> String {
    let code = text.uppercased()
    let prefixes = ["W06", "E06", "E07", "E08", "E09", "E10"]
    guard code.count == 9, prefixes.contains(String(code.prefix(3))), code.dropFirst(3).allSatisfy(\.isNumber),
          !code.hasPrefix("W06") || Geography.wales.authority(code: code) != nil else {
        throw UserError(.cliPhraseUserNotOns, ["option": option, "text": text])
    }
    return code
}

struct NoticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notice", abstract: cliHelp("Log what a provider rang to say, or correct a notice."),
        subcommands: [NoticeAdd.self, NoticeWithdraw.self, NoticeAmend.self])
}

struct NoticeAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: cliHelp("Log a provider's notice: a placement ending, or a vacancy opened, changed, filled or withdrawn."),
        discussion: cliHelp(.cliAboutNoticeAdd))

    @Option(help: optionHelp(.cliOptProvider)) var provider: String
    @Option(help: optionHelp(.cliOptNoticeKind)) var kind: String
    @Option(help: optionHelp(.cliOptNoticeChild)) var child: String?
    @Option(help: optionHelp(.cliOptNoticeEffective, valueName: "time")) var effective: String?
    @Option(help: optionHelp(.cliOptNoticeReason)) var reason: String?
    @Option(help: optionHelp(.cliOptNoticeVacancy)) var vacancy: String?
    @Option(help: optionHelp(.cliOptNoticeText)) var text: String = ""
    @Option(help: optionHelp(.cliOptNoticeReceived, valueName: "time")) var received: String?
    @Option(help: optionHelp(.cliOptNoticeBeds)) var beds: Int?
    @Option(help: optionHelp(.cliOptNoticeFee)) var fee: Int?
    @Option(help: optionHelp(.cliOptNoticeAvailableFrom, valueName: "date")) var availableFrom: String?
    @Option(help: optionHelp(.cliOptNoticeAges, valueName: "min-max")) var ages: String?
    @Option(help: optionHelp(.cliOptNoticeEmergencies, valueName: "yes|no")) var emergencies: String?
    @Option(help: optionHelp(.cliOptNoticeSetting)) var setting: String?
    @Option(help: optionHelp(.cliOptNoticePostcode)) var postcode: String?
    @Option(help: optionHelp(.cliOptNoticeFilledBy, valueName: "CODE")) var filledBy: String?
    @Option(help: optionHelp(.cliOptExpectedVersion)) var expectedVersion: Int?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let now = Session.now
        let kind = try parseCode(kind, option: "--kind", as: NoticeKind.self)
        let filledByCode = try filledBy.map { try parseAuthorityCode($0, option: "--filled-by") }
        var emergencyFlag: Bool?
        if let emergencies {
            switch emergencies.lowercased() {
            case "yes", "y", "true": emergencyFlag = true
            case "no", "n", "false": emergencyFlag = false
            default: throw UserError(.cliPhraseUserEmergencies)
            }
        }
        let changes = VacancyChanges(beds: beds, weeklyFee: fee, availableFrom: try availableFrom.map { try parseDay($0, option: "--available-from") },
                                     ageRange: try ages.map(parseAges), takesEmergencies: emergencyFlag)
        var newVacancy: VacancyDraft?
        var draftChanges = changes
        if kind == .vacancyOpened && vacancy == nil {
            guard let setting else { throw UserError(.cliPhraseUserNewVacancySetting) }
            guard let ageRange = changes.ageRange else { throw UserError(.cliPhraseUserNewVacancyAges) }
            guard let weeklyFee = changes.weeklyFee else { throw UserError(.cliPhraseUserNewVacancyFee) }
            newVacancy = VacancyDraft(setting: try parseCode(setting, option: "--setting", as: Setting.self), postcode: postcode,
                                      beds: changes.beds ?? 1, ageRange: ageRange, availableFrom: changes.availableFrom ?? Session.day(of: now),
                                      takesEmergencies: changes.takesEmergencies ?? false, weeklyFee: weeklyFee)
            draftChanges = VacancyChanges()
        } else if setting != nil || postcode != nil {
            throw UserError(.cliPhraseUserSettingPostcode)
        }
        let db = try storeOptions.openStore()
        let draft = NoticeDraft(providerID: try db.storedID(provider, of: .provider), kind: kind,
                                receivedAt: try received.map { try parseTime($0, option: "--received") } ?? now,
                                childID: try db.storedID(child, of: .child), effectiveAt: try effective.map { try parseTime($0, option: "--effective") },
                                reason: try reason.map { try parseCode($0, option: "--reason", as: EndReason.self) },
                                vacancyID: try db.storedID(vacancy, of: .vacancy), text: text, changes: draftChanges, newVacancy: newVacancy,
                                filledBy: filledByCode)
        let effects = try db.logNotice(draft, officer: Session.officer, now: now, expectedVacancyVersion: expectedVersion)
        let language = CommandLineLanguage.current
        var line = Message.cliNoticeLogged.text(language, ["notice": effects.notice.id, "kind": kind.label(language)])
        if let child = effects.child, let placement = effects.placement {
            let end = placement.plannedEnd!.iso
            let when = child.urgency.isEmergency ? Message.cliNoticeNeededToday.text(language) : Message.cliNoticeNeededBy.text(language, ["date": end])
            line += Message.cliNoticeEnding.text(language, ["child": child.id, "status": child.status.wordsOnCommandLine(language),
                                                            "placement": placement.id, "end": end, "when": when])
            if let hours = effects.notice.noticeHours { line += Message.cliNoticeHours.text(language, ["hours": String(hours)]) }
        }
        if let vacancy = effects.vacancy {
            let values = ["vacancy": vacancy.id, "status": vacancy.status.wordsOnCommandLine(language), "beds": String(vacancy.beds)]
            let said: Message = switch (effects.vacancyCreated, vacancy.beds == 1) {
            case (true, true): .cliNoticeVacancyCreatedBed
            case (true, false): .cliNoticeVacancyCreatedBeds
            case (false, true): .cliNoticeVacancyBed
            case (false, false): .cliNoticeVacancyBeds
            }
            line += said.text(language, values)
            if let by = vacancy.filledBy { line += Message.cliNoticeFilledBy.text(language, ["authority": by]) }
        }
        say(line)
    }
}

struct ContactCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "contact", abstract: cliHelp("Record a ring-round call, or amend one."),
        subcommands: [ContactAdd.self, ContactAmend.self], aliases: ["call"])
}

struct ContactAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: cliHelp("Record one call to a provider about a child."),
        discussion: cliHelp(.cliAboutContactAdd))

    @Option(help: optionHelp(.cliOptChild)) var child: String
    @Option(help: optionHelp(.cliOptProvider)) var provider: String
    @Option(help: optionHelp(.cliOptCallVacancy)) var vacancy: String?
    @Option(help: optionHelp(.cliOptCallOutcome)) var outcome: String
    @Option(help: optionHelp(.cliOptCallDeclineReason)) var reason: String?
    @Option(help: optionHelp(.cliOptCallNote)) var note: String = ""
    @Option(help: optionHelp(.cliOptCallBack, valueName: "time")) var callBack: String?
    @Option(help: optionHelp(.cliOptCallScope, valueName: "vacancy|provider")) var scope: String?
    @Option(help: optionHelp(.cliOptCallAt, valueName: "time")) var at: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let now = Session.now
        let db = try storeOptions.openStore()
        let draft = ContactDraft(childID: try db.storedID(child, of: .child), providerID: try db.storedID(provider, of: .provider),
                                 vacancyID: try db.storedID(vacancy, of: .vacancy),
                                 at: try at.map { try parseTime($0, option: "--at") } ?? now,
                                 outcome: try parseCode(outcome, option: "--outcome", as: Contact.Outcome.self), declineReason: reason,
                                 note: note, callBackAt: try callBack.map { try parseTime($0, option: "--call-back") },
                                 declineScope: try scope.map { try parseCode($0, option: "--scope", as: DeclineScope.self) })
        let contact = try db.recordContact(draft, officer: Session.officer, now: now)
        say(Message.cliCallRecorded.text(CommandLineLanguage.current, ["call": contact.id, "what": describe(contact)]))
    }
}

/// "C0001 / P0002 / V00003 declined (this vacancy only), call back 2026-11-26 10:00" — ids and codes only
/// in English; the outcome's words in Welsh.
func describe(_ c: Contact, _ language: Language = CommandLineLanguage.current) -> String {
    var line = "\(c.childID) / \(c.providerID)\(c.vacancyID.map { " / \($0)" } ?? "") \(c.outcome.wordsOnCommandLine(language))"
    if let scope = c.declineScope { line += " " + (scope == .vacancy ? Message.cliCallScopeVacancy : .cliCallScopeProvider).text(language) }
    if let back = c.callBackAt {
        line += Message.cliCallBack.text(language, ["day": Session.day(of: back).iso, "time": WorkflowTime.clock(back)])
    }
    return line
}

struct ContactAmend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: cliHelp("Correct a recorded call: a new record replaces it; the original is kept."),
        discussion: cliHelp(.cliAboutContactAmend))

    @Argument(help: optionHelp(.cliOptCallId)) var id: String
    @Option(help: optionHelp(.cliOptCorrectionReason)) var reason: String
    @Option(help: optionHelp(.cliOptCallOutcome)) var outcome: String?
    @Option(help: optionHelp(.cliOptCallNoteAmend)) var note: String?
    @Option(help: optionHelp(.cliOptCallDeclineReason)) var declineReason: String?
    @Option(help: optionHelp(.cliOptCallBack, valueName: "time")) var callBack: String?
    @Flag(help: optionHelp(.cliOptCallNoCallBack)) var noCallBack = false
    @Option(help: optionHelp(.cliOptCallScope, valueName: "vacancy|provider")) var scope: String?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if noCallBack && callBack != nil { throw ValidationError(.cliGiveOneOf, ["first": "--call-back", "second": "--no-call-back"]) }
    }

    func run() throws {
        let amendment = ContactAmendment(
            outcome: try outcome.map { try parseCode($0, option: "--outcome", as: Contact.Outcome.self) }, note: note,
            declineReason: declineReason, callBackAt: try callBack.map { try parseTime($0, option: "--call-back") },
            clearCallBack: noCallBack, declineScope: try scope.map { try parseCode($0, option: "--scope", as: DeclineScope.self) })
        let db = try storeOptions.openStore()
        let amended = try db.amendContact(id: id, amendment, reason: reason, officer: Session.officer, now: Session.now)
        say(cliText(.cliCallAmended, ["call": id, "new": amended.id, "what": describe(amended)]))
    }
}

struct NoticeWithdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: cliHelp("Withdraw a notice logged in error: it is kept, marked withdrawn, and no longer counts."),
        discussion: cliHelp(.cliAboutNoticeWithdraw))

    @Argument(help: optionHelp(.cliOptNoticeId)) var id: String
    @Option(help: optionHelp(.cliOptNoticeWithdrawReason)) var reason: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let db = try storeOptions.openStore()
        let effects = try db.withdrawNotice(id: id, reason: reason, officer: Session.officer, now: Session.now)
        say(cliText(.cliNoticeWithdrew, ["notice": id, "record": effects.notice.id]) + noticeEffectText(effects))
    }
}

struct NoticeAmend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: cliHelp("Correct a notice: a new record replaces it; the original is kept."),
        discussion: cliHelp(.cliAboutNoticeAmend))

    @Argument(help: optionHelp(.cliOptNoticeId)) var id: String
    @Option(help: optionHelp(.cliOptCorrectionReason)) var reason: String
    @Option(help: optionHelp(.cliOptNoticeAmendEffective, valueName: "time")) var effective: String?
    @Option(help: optionHelp(.cliOptNoticeAmendEndReason)) var endReason: String?
    @Option(help: optionHelp(.cliOptNoticeAmendText)) var text: String?
    @Option(help: optionHelp(.cliOptNoticeAmendReceived, valueName: "time")) var received: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let amendment = NoticeAmendment(text: text, effectiveAt: try effective.map { try parseTime($0, option: "--effective") },
                                        reason: try endReason.map { try parseCode($0, option: "--end-reason", as: EndReason.self) },
                                        receivedAt: try received.map { try parseTime($0, option: "--received") })
        let db = try storeOptions.openStore()
        let effects = try db.amendNotice(id: id, amendment, reason: reason, officer: Session.officer, now: Session.now)
        say(cliText(.cliNoticeAmended, ["notice": id, "new": effects.notice.id]) + noticeEffectText(effects))
    }
}

/// What a correction did to the child and placement, in ids and codes.
func noticeEffectText(_ effects: NoticeEffects) -> String {
    guard let child = effects.child, let placement = effects.placement else { return "" }
    let language = CommandLineLanguage.current
    let end = placement.plannedEnd.map { Message.cliNoticeEnds.text(language, ["date": $0.iso]) } ?? Message.cliNoticeNoPlannedEnd.text(language)
    return Message.cliNoticeEffect.text(language, ["child": child.id, "status": child.status.wordsOnCommandLine(language),
                                                   "placement": placement.id, "end": end])
}

struct HoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold",
        abstract: cliHelp("Hold a vacancy for a child while you decide, or release your hold."),
        discussion: cliHelp(.cliAboutHold))

    @Argument(help: optionHelp(.cliOptVacancyId)) var vacancy: String
    @Option(help: optionHelp(.cliOptHoldChild)) var child: String?
    @Option(help: optionHelp(.cliOptHoldUntil, valueName: "time")) var until: String?
    @Flag(help: optionHelp(.cliOptHoldRelease)) var release = false
    @Option(help: optionHelp(.cliOptExpectedVersion)) var expectedVersion: Int?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if release && (child != nil || until != nil) { throw ValidationError(.cliHoldReleaseAlone) }
        if !release && child == nil { throw ValidationError(.cliHoldNeedsChild) }
    }

    func run() throws {
        let now = Session.now
        let db = try storeOptions.openStore()
        let vacancy = try db.storedID(vacancy, of: .vacancy)
        if release {
            let released = try db.releaseHold(vacancyID: vacancy, officer: Session.officer, now: now, expectedVersion: expectedVersion)
            let status = released.status.wordsOnCommandLine(CommandLineLanguage.current)
            say(Message.cliHoldReleased.text(CommandLineLanguage.current, ["vacancy": released.id, "status": status]))
            return
        }
        let expiry = try until.map { try parseTime($0, option: "--until") }
        let held = try db.hold(vacancyID: vacancy, childID: try db.storedID(child!, of: .child), officer: Session.officer, now: now, until: expiry,
                               expectedVersion: expectedVersion)
        let hold = held.hold!
        let sameDay = Session.day(of: hold.expiresAt) == Session.day(of: now)
        let until = (sameDay ? "" : Session.day(of: hold.expiresAt).iso + " ") + WorkflowTime.clock(hold.expiresAt)
        say(Message.cliHoldHeld.text(CommandLineLanguage.current, ["vacancy": held.id, "child": hold.childID, "until": until]))
    }
}

struct PlaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "place",
        abstract: cliHelp("Place a child into a vacancy: one change that starts the placement and ends the last one."),
        discussion: cliHelp(.cliAboutPlace))

    @Argument(help: optionHelp(.cliOptChild)) var child: String
    @Argument(help: optionHelp(.cliOptVacancyId)) var vacancy: String
    @Option(help: optionHelp(.cliOptPlaceStart, valueName: "YYYY-MM-DD")) var start: String?
    @Flag(help: optionHelp(.cliOptPlacePlannedMove)) var plannedMove = false
    @Flag(help: optionHelp(.cliOptPlaceBreakdown)) var breakdown = false
    @Option(help: optionHelp(.cliOptPlacePanelApproval, valueName: "TEXT")) var panelApproval: String?
    @Option(help: optionHelp(.cliOptPlaceKs4Approval, valueName: "TEXT")) var ks4Approval: String?
    @Option(help: optionHelp(.cliOptPlaceExceptionalReason, valueName: "TEXT")) var exceptionalReason: String?
    @Option(help: optionHelp(.cliOptPlaceWeeklyCost, valueName: "POUNDS")) var weeklyCost: Int?
    @Option(help: optionHelp(.cliOptPlacePurpose, valueName: "PURPOSE")) var purpose: String?
    @Flag(help: optionHelp(.cliOptPlaceFramework)) var framework = false
    @Flag(help: optionHelp(.cliOptPlaceSpot)) var spot = false
    @Option(help: optionHelp(.cliOptExpectedVersion)) var expectedVersion: Int?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if plannedMove && breakdown { throw ValidationError(.cliGiveOneOf, ["first": "--planned-move", "second": "--breakdown"]) }
        if framework && spot { throw ValidationError(.cliGiveOneOf, ["first": "--framework", "second": "--spot"]) }
        if let weeklyCost, weeklyCost < 0 { throw ValidationError(.cliPlaceWeeklyCostNegative) }
    }

    /// The option that supplies each approval, for refusals that say what to type.
    static func option(_ kind: ApprovalKind) -> String {
        switch kind {
        case .panel: "--panel-approval"
        case .keyStage4: "--ks4-approval"
        case .exceptionalReason: "--exceptional-reason"
        }
    }

    func run() throws {
        let now = Session.now
        let startDay = try start.map { try parseDay($0, option: "--start") } ?? Session.day(of: now)
        let db = try storeOptions.openStore()
        let approvals = PlacementApprovals(panel: panelApproval, keyStage4: ks4Approval, exceptionalReason: exceptionalReason)
        let move: MoveKind? = plannedMove ? .planned : breakdown ? .breakdown : nil
        let terms = PlacementTerms(weeklyCost: weeklyCost, purpose: try purpose.map { try parseCode($0, option: "--purpose", as: PlacementPurpose.self) },
                                   purchase: framework ? .framework : spot ? .spot : nil)
        let effects = try db.place(childID: try db.storedID(child, of: .child), vacancyID: try db.storedID(vacancy, of: .vacancy),
                                   start: startDay, officer: Session.officer, now: now, move: move, approvals: approvals,
                                   terms: terms, expectedVacancyVersion: expectedVersion)
        let language = CommandLineLanguage.current
        var line = Message.cliPlaced.text(language, ["child": effects.child.id, "vacancy": effects.vacancy.id,
                                                     "placement": effects.placement.id, "start": startDay.iso])
        for ended in effects.ended {
            let how = language == .en ? ended.ending!.rawValue : (ended.ending! == .breakdown ? Message.cliEndingBreakdown : .cliEndingPlanned).text(language)
            let values = ["placement": ended.id, "how": how, "reason": ended.endReason!.rawValue, "hours": ended.noticeHours.map(String.init) ?? ""]
            line += (ended.noticeHours == nil ? Message.cliPlaceEnded : .cliPlaceEndedNotice).text(language, values)
        }
        if effects.vacancy.status == .filled { line += Message.cliPlaceNowFilled.text(language, ["vacancy": effects.vacancy.id]) }
        if let cost = effects.placement.cost { line += Message.cliPlaceAgreed.text(language, ["cost": Money.pounds(cost.weekly)]) }
        let recorded = effects.placement.approvals?.kinds ?? []
        if !recorded.isEmpty { line += Message.cliPlaceApprovalsRecorded.text(language, ["options": recorded.map(Self.option).joined(separator: ", ")]) }
        let unneeded = approvals.kinds.filter { !recorded.contains($0) }
        if !unneeded.isEmpty { line += Message.cliPlaceNotNeeded.text(language, ["options": unneeded.map(Self.option).joined(separator: ", ")]) }
        say(line)
    }
}
