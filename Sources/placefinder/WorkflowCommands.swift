import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

// The ring-round and notice commands: each is one transaction in the store and prints one line of ids.

/// Reads a time the officer typed (Europe/London when no offset is given).
func parseTime(_ text: String, option: String) throws -> Date {
    guard let date = WorkflowTime.parse(text, now: Session.now) else {
        throw UserError("\(option): not a time (use ISO 8601 such as 2026-11-25T17:00, or \"today 17:00\")")
    }
    return date
}

func parseDay(_ text: String, option: String) throws -> Day {
    guard let day = Day(iso: text) else { throw UserError("\(option): not a date (use YYYY-MM-DD)") }
    return day
}

/// "11-17" → 11...17.
func parseAges(_ text: String) throws -> ClosedRange<Int> {
    let parts = text.split(separator: "-").map { Int($0.trimmingCharacters(in: .whitespaces)) }
    guard parts.count == 2, let low = parts[0], let high = parts[1], low <= high else {
        throw UserError("--ages: use MIN-MAX, e.g. 11-17")
    }
    return low...high
}

/// Accepts the stored spelling (placement_ending) or the hyphenated one (placement-ending).
func parseCode<E: RawRepresentable<String> & CaseIterable>(_ text: String, option: String, as type: E.Type) throws -> E {
    if let value = E(rawValue: text.replacingOccurrences(of: "-", with: "_")) ?? E(rawValue: text) ?? E(rawValue: text.uppercased()) {
        return value
    }
    throw UserError("\(option): \(text) is not one of \(E.allCases.map(\.rawValue).joined(separator: ", "))")
}

/// An ONS local authority code, Welsh (W06) or English (E06-E10), as `--filled-by` takes it.
func parseAuthorityCode(_ text: String, option: String) throws -> String {
    let code = text.uppercased()
    let prefixes = ["W06", "E06", "E07", "E08", "E09", "E10"]
    guard code.count == 9, prefixes.contains(String(code.prefix(3))), code.dropFirst(3).allSatisfy(\.isNumber),
          !code.hasPrefix("W06") || Geography.wales.authority(code: code) != nil else {
        throw UserError("\(option): \(text) is not a local authority ONS code (e.g. W06000015, E06000019)")
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
        discussion: """
            KIND is placement_ending, vacancy_opened, vacancy_changed, vacancy_filled or vacancy_withdrawn. \
            An ending needs --child, --effective and --reason (SSDA903 code, e.g. CREQB): the child's status \
            becomes notice_received and they top the urgent queue (emergency when the ending is today). \
            Vacancy notices need --vacancy (vacancy_opened may instead give --setting, --ages, --fee and \
            --available-from to create one) and refresh when the vacancy was last confirmed. Times are \
            Europe/London unless they carry an offset.
            """)

    @Option(help: "The provider's id.") var provider: String
    @Option(help: "placement_ending | vacancy_opened | vacancy_changed | vacancy_filled | vacancy_withdrawn") var kind: String
    @Option(help: "The child (placement endings).") var child: String?
    @Option(help: ArgumentHelp("When the ending takes effect: ISO 8601 or \"today 17:00\".", valueName: "time")) var effective: String?
    @Option(help: "SSDA903 reason for the ending (ALLEG, APPRR, CARPL, CHILD, CLOSE, CREQB, CREQO, CUSTOD, LAREQ, OTHER, PLACE, STAND).") var reason: String?
    @Option(help: "The vacancy (vacancy notices).") var vacancy: String?
    @Option(help: "What the provider said, in a few words.") var text: String = ""
    @Option(help: ArgumentHelp("When the call came (default: now).", valueName: "time")) var received: String?
    @Option(help: "Beds now offered.") var beds: Int?
    @Option(help: "Weekly fee in pounds.") var fee: Int?
    @Option(help: ArgumentHelp("Available from (YYYY-MM-DD).", valueName: "date")) var availableFrom: String?
    @Option(help: ArgumentHelp("Age range, e.g. 11-17.", valueName: "min-max")) var ages: String?
    @Option(help: ArgumentHelp("Takes same-day emergencies: yes or no.", valueName: "yes|no")) var emergencies: String?
    @Option(help: "Setting of a new vacancy (vacancy_opened without --vacancy).") var setting: String?
    @Option(help: "Postcode of a new vacancy when not the provider's.") var postcode: String?
    @Option(help: ArgumentHelp("vacancy_filled: ONS code of the other authority (Welsh or English) that filled the bed; no child is named.",
                               valueName: "CODE")) var filledBy: String?
    @Option(help: "Expected vacancy version (from the screen); refuses if a colleague changed it since.") var expectedVersion: Int?
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
            default: throw UserError("--emergencies: use yes or no")
            }
        }
        let changes = VacancyChanges(beds: beds, weeklyFee: fee, availableFrom: try availableFrom.map { try parseDay($0, option: "--available-from") },
                                     ageRange: try ages.map(parseAges), takesEmergencies: emergencyFlag)
        var newVacancy: VacancyDraft?
        var draftChanges = changes
        if kind == .vacancyOpened && vacancy == nil {
            guard let setting else { throw UserError("a new vacancy needs --setting (or give --vacancy)") }
            guard let ageRange = changes.ageRange else { throw UserError("a new vacancy needs --ages") }
            guard let weeklyFee = changes.weeklyFee else { throw UserError("a new vacancy needs --fee") }
            newVacancy = VacancyDraft(setting: try parseCode(setting, option: "--setting", as: Setting.self), postcode: postcode,
                                      beds: changes.beds ?? 1, ageRange: ageRange, availableFrom: changes.availableFrom ?? Session.day(of: now),
                                      takesEmergencies: changes.takesEmergencies ?? false, weeklyFee: weeklyFee)
            draftChanges = VacancyChanges()
        } else if setting != nil || postcode != nil {
            throw UserError("--setting and --postcode only describe a new vacancy (vacancy_opened without --vacancy)")
        }
        let db = try storeOptions.openStore()
        let draft = NoticeDraft(providerID: try db.storedID(provider, of: .provider), kind: kind,
                                receivedAt: try received.map { try parseTime($0, option: "--received") } ?? now,
                                childID: try db.storedID(child, of: .child), effectiveAt: try effective.map { try parseTime($0, option: "--effective") },
                                reason: try reason.map { try parseCode($0, option: "--reason", as: EndReason.self) },
                                vacancyID: try db.storedID(vacancy, of: .vacancy), text: text, changes: draftChanges, newVacancy: newVacancy,
                                filledBy: filledByCode)
        let effects = try db.logNotice(draft, officer: Session.officer, now: now, expectedVacancyVersion: expectedVersion)
        var line = Message.cliNoticeLogged.text(CommandLineLanguage.current, ["notice": effects.notice.id, "kind": kind.label(CommandLineLanguage.current)])
        if let child = effects.child, let placement = effects.placement {
            let when = child.urgency.isEmergency ? "needed today (emergency)" : "needed by \(placement.plannedEnd!.iso)"
            line += ": \(child.id) notice_received, \(placement.id) ends \(placement.plannedEnd!.iso), \(when)"
            if let hours = effects.notice.noticeHours { line += ", \(hours) h notice" }
        }
        if let vacancy = effects.vacancy {
            line += ": vacancy \(vacancy.id) \(effects.vacancyCreated ? "created, " : "")\(vacancy.status.rawValue), \(vacancy.beds) bed\(vacancy.beds == 1 ? "" : "s")"
            if let by = vacancy.filledBy { line += ", filled by \(by)" }
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
        discussion: """
            OUTCOME is no_answer, declined, considering, offered or accepted. Any call may carry --note and \
            --call-back (shown on the dashboard when due). A decline needs --reason; with --scope vacancy it \
            rules out only the vacancy discussed, with --scope provider every vacancy of that provider for this \
            child (default: the vacancy when one is given, else the provider).
            """)

    @Option(help: "The child's id.") var child: String
    @Option(help: "The provider's id.") var provider: String
    @Option(help: "The vacancy discussed, if any.") var vacancy: String?
    @Option(help: "no_answer | declined | considering | offered | accepted") var outcome: String
    @Option(help: "Why the provider declined (declined only).") var reason: String?
    @Option(help: "What was said, on any outcome.") var note: String = ""
    @Option(help: ArgumentHelp("When to ring back: ISO 8601 or \"tomorrow 10:00\".", valueName: "time")) var callBack: String?
    @Option(help: ArgumentHelp("What a decline rules out: vacancy or provider.", valueName: "vacancy|provider")) var scope: String?
    @Option(help: ArgumentHelp("When the call was (default: now).", valueName: "time")) var at: String?
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

/// "C0001 / P0002 / V00003 declined (this vacancy), ring back 26 Nov 10:00" — ids and codes only.
func describe(_ c: Contact) -> String {
    var line = "\(c.childID) / \(c.providerID)\(c.vacancyID.map { " / \($0)" } ?? "") \(c.outcome.rawValue)"
    if let scope = c.declineScope { line += scope == .vacancy ? " (this vacancy only)" : " (all of this provider's vacancies)" }
    if let back = c.callBackAt { line += ", call back \(Session.day(of: back).iso) \(WorkflowTime.clock(back))" }
    return line
}

struct ContactAmend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: cliHelp("Correct a recorded call: a new record replaces it; the original is kept."),
        discussion: """
            Give what changes and --reason for the correction. The call's time and caller stay; changing the \
            outcome away from declined drops the decline's reason and scope. Only the latest record of a call \
            can be amended.
            """)

    @Argument(help: "The call's id (K…).") var id: String
    @Option(help: "Why the record is corrected.") var reason: String
    @Option(help: "no_answer | declined | considering | offered | accepted") var outcome: String?
    @Option(help: "What was said.") var note: String?
    @Option(help: "Why the provider declined (declined only).") var declineReason: String?
    @Option(help: ArgumentHelp("When to ring back: ISO 8601 or \"tomorrow 10:00\".", valueName: "time")) var callBack: String?
    @Flag(help: "Remove the call-back time.") var noCallBack = false
    @Option(help: ArgumentHelp("What a decline rules out: vacancy or provider.", valueName: "vacancy|provider")) var scope: String?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if noCallBack && callBack != nil { throw ValidationError("give --call-back or --no-call-back, not both") }
    }

    func run() throws {
        let amendment = ContactAmendment(
            outcome: try outcome.map { try parseCode($0, option: "--outcome", as: Contact.Outcome.self) }, note: note,
            declineReason: declineReason, callBackAt: try callBack.map { try parseTime($0, option: "--call-back") },
            clearCallBack: noCallBack, declineScope: try scope.map { try parseCode($0, option: "--scope", as: DeclineScope.self) })
        let db = try storeOptions.openStore()
        let amended = try db.amendContact(id: id, amendment, reason: reason, officer: Session.officer, now: Session.now)
        say("amended call \(id) as \(amended.id): \(describe(amended))")
    }
}

struct NoticeWithdraw: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "withdraw",
        abstract: cliHelp("Withdraw a notice logged in error: it is kept, marked withdrawn, and no longer counts."),
        discussion: """
            A withdrawn placement ending stops counting: the placement's planned end falls back to the child's \
            other current ending notice, or, with none, is cleared and the child is placed again (off the urgent \
            list). A vacancy notice's change to the vacancy is not undone; log a vacancy notice to put it right.
            """)

    @Argument(help: "The notice's id (N…).") var id: String
    @Option(help: "Why it is withdrawn.") var reason: String
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let db = try storeOptions.openStore()
        let effects = try db.withdrawNotice(id: id, reason: reason, officer: Session.officer, now: Session.now)
        say("withdrew notice \(id) (\(effects.notice.id))" + noticeEffectText(effects))
    }
}

struct NoticeAmend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "amend",
        abstract: cliHelp("Correct a notice: a new record replaces it; the original is kept."),
        discussion: """
            An ending may have its --effective time, --end-reason and --text amended (a new effective time moves \
            the planned end and the child's urgency); a vacancy notice only its --text. --received corrects when \
            the call came.
            """)

    @Argument(help: "The notice's id (N…).") var id: String
    @Option(help: "Why the record is corrected.") var reason: String
    @Option(help: ArgumentHelp("When the ending takes effect.", valueName: "time")) var effective: String?
    @Option(help: "SSDA903 reason for the ending.") var endReason: String?
    @Option(help: "What the provider said.") var text: String?
    @Option(help: ArgumentHelp("When the call came.", valueName: "time")) var received: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let amendment = NoticeAmendment(text: text, effectiveAt: try effective.map { try parseTime($0, option: "--effective") },
                                        reason: try endReason.map { try parseCode($0, option: "--end-reason", as: EndReason.self) },
                                        receivedAt: try received.map { try parseTime($0, option: "--received") })
        let db = try storeOptions.openStore()
        let effects = try db.amendNotice(id: id, amendment, reason: reason, officer: Session.officer, now: Session.now)
        say("amended notice \(id) as \(effects.notice.id)" + noticeEffectText(effects))
    }
}

/// What a correction did to the child and placement, in ids and codes.
func noticeEffectText(_ effects: NoticeEffects) -> String {
    guard let child = effects.child, let placement = effects.placement else { return "" }
    let end = placement.plannedEnd.map { "ends \($0.iso)" } ?? "no planned end"
    return ": \(child.id) \(child.status.rawValue), \(placement.id) \(end)"
}

struct HoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold",
        abstract: cliHelp("Hold a vacancy for a child while you decide, or release your hold."),
        discussion: """
            A hold lasts until 23:59 today (Europe/London) unless --until says otherwise; holding again for the \
            same child extends it. Only the holder can release a hold before it expires.
            """)

    @Argument(help: "The vacancy's id.") var vacancy: String
    @Option(help: "The child to hold it for.") var child: String?
    @Option(help: ArgumentHelp("When the hold lapses: ISO 8601 or \"today 17:00\".", valueName: "time")) var until: String?
    @Flag(help: "Release the hold instead.") var release = false
    @Option(help: "Expected vacancy version (from the screen); refuses if a colleague changed it since.") var expectedVersion: Int?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if release && (child != nil || until != nil) { throw ValidationError("--release takes no --child or --until") }
        if !release && child == nil { throw ValidationError("give --child to hold, or --release") }
    }

    func run() throws {
        let now = Session.now
        let db = try storeOptions.openStore()
        let vacancy = try db.storedID(vacancy, of: .vacancy)
        if release {
            let released = try db.releaseHold(vacancyID: vacancy, officer: Session.officer, now: now, expectedVersion: expectedVersion)
            let status = CommandLineLanguage.current == .en ? released.status.rawValue : released.status.label(CommandLineLanguage.current)
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
        discussion: """
            Takes a bed (the vacancy is filled at none), releases the hold, sets the child placed, and ends \
            their open placement on the start day: with the provider's notice, its reason and notice hours, \
            a breakdown when the reason usually is one or the notice was 24 hours or less. A child already \
            placed with no notice needs --planned-move (CARPL) or --breakdown (OTHER). \
            When the placement needs an approval it is refused until you give it: --panel-approval for an \
            out-of-county bed (reg 12(3)), --ks4-approval for a Key Stage 4 school move (reg 11), \
            --exceptional-reason for a for-profit provider. Each is stored with the placement.
            """)

    @Argument(help: "The child's id.") var child: String
    @Argument(help: "The vacancy's id.") var vacancy: String
    @Option(help: ArgumentHelp("First day of the placement (default: today).", valueName: "YYYY-MM-DD")) var start: String?
    @Flag(help: "Move a child who is placed and has no notice, as planned (CARPL).") var plannedMove = false
    @Flag(help: "A child who is placed and has no notice: their placement broke down (OTHER).") var breakdown = false
    @Option(help: ArgumentHelp("The panel's approval of an out-of-county placement (reg 12(3)): date, minute or reference.",
                               valueName: "TEXT")) var panelApproval: String?
    @Option(help: ArgumentHelp("The nominated officer's approval of a Key Stage 4 school move (reg 11).", valueName: "TEXT"))
    var ks4Approval: String?
    @Option(help: ArgumentHelp("Why a for-profit provider: the exceptional circumstances.", valueName: "TEXT"))
    var exceptionalReason: String?
    @Option(help: ArgumentHelp("The weekly cost agreed with the provider, in pounds (default: the vacancy's fee).", valueName: "POUNDS"))
    var weeklyCost: Int?
    @Option(help: ArgumentHelp("emergency, assessment, short_term, long_term, respite or step_down (default: emergency when the child's need is).",
                               valueName: "PURPOSE")) var purpose: String?
    @Flag(help: "Bought under the all-Wales framework.") var framework = false
    @Flag(help: "Spot-purchased, outside the framework.") var spot = false
    @Option(help: "Expected vacancy version (from the screen); refuses if a colleague changed it since.") var expectedVersion: Int?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if plannedMove && breakdown { throw ValidationError("give --planned-move or --breakdown, not both") }
        if framework && spot { throw ValidationError("give --framework or --spot, not both") }
        if let weeklyCost, weeklyCost < 0 { throw ValidationError("--weekly-cost must not be negative") }
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
        var line = Message.cliPlaced.text(CommandLineLanguage.current, ["child": effects.child.id, "vacancy": effects.vacancy.id,
                                                                         "placement": effects.placement.id, "start": startDay.iso])
        for ended in effects.ended {
            line += "; ended \(ended.id): \(ended.ending!.rawValue) (\(ended.endReason!.rawValue)"
                + (ended.noticeHours.map { ", \($0) h notice" } ?? "") + ")"
        }
        if effects.vacancy.status == .filled { line += "; \(effects.vacancy.id) now filled" }
        if let cost = effects.placement.cost { line += "; agreed \(Money.pounds(cost.weekly)) a week" }
        let recorded = effects.placement.approvals?.kinds ?? []
        if !recorded.isEmpty { line += "; approvals recorded: \(recorded.map(Self.option).joined(separator: ", "))" }
        let unneeded = approvals.kinds.filter { !recorded.contains($0) }
        if !unneeded.isEmpty { line += "; not needed, not recorded: \(unneeded.map(Self.option).joined(separator: ", "))" }
        say(line)
    }
}
