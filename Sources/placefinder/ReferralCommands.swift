import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

// `placefinder referral send | list | respond`: referral packs to providers and their answers, each a
// ring-round entry (docs/data-format.md, "Referrals").

struct ReferralCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "referral",
        abstract: cliHelp("Send a child's referral pack to providers, list referrals awaiting an answer, log an answer."),
        subcommands: [ReferralSend.self, ReferralList.self, ReferralRespond.self])
}

struct ReferralSend: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "send",
        abstract: cliHelp("Write the child's referral pack and log a referral to each provider of the vacancies named."),
        discussion: """
            The pack is drawn from the store: needs, risks, education, language, culture and faith, sibling group, \
            what the placement must offer and the date needed, in the Placements Data Standard v2's shape (JSON) \
            and as a Markdown document (both unless --format names one). What the store lacks is listed on the \
            pack and warned about here first. Files are created 0600 in DIR (created 0700 if missing; an \
            existing folder keeps its permissions) and never overwritten. Each provider gets one referral entry \
            in the ring-round log with a response deadline (default: 2 hours in an emergency, else 24 hours).
            """)

    @Argument(help: "The child's id.") var child: String
    @Option(name: .customLong("to"), help: ArgumentHelp("A vacancy to refer to (repeat for more; one referral per provider).", valueName: "vacancy"))
    var vacancies: [String] = []
    @Option(help: ArgumentHelp("When the provider should answer by: ISO 8601 or \"tomorrow 12:00\".", valueName: "time")) var deadline: String?
    @Option(help: ArgumentHelp("Write only this format.", valueName: "json|md")) var format: String?
    @Option(name: .short, help: ArgumentHelp("The folder to write the pack into.", valueName: "dir")) var output: String
    @Flag(help: "Write the pack in Welsh and English, Welsh first (else in the --lang language).") var bilingual = false
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if vacancies.isEmpty { throw ValidationError("give at least one --to VACANCY") }
    }

    func run() throws {
        let now = Session.now
        let language = CommandLineLanguage.current
        let db = try storeOptions.openStore()
        let formats = try format.map { [try parseCode($0, option: "--format", as: ReferralFormat.self)] } ?? ReferralFormat.allCases
        let childID = try db.storedID(child, of: .child)
        let ids = try vacancies.map { try db.storedID($0, of: .vacancy) }
        guard let record = try db.child(id: childID) else { throw UserError("no child with id \(childID)") }
        let due = try deadline.map { try parseTime($0, option: "--deadline") }
            ?? ReferralDraft.defaultResponseDue(now: now, emergency: record.urgency.isEmergency)
        let sent = try ReferralSender.send(ReferralDraft(childID: childID, vacancyIDs: ids, responseDue: due), formats: formats,
                                           folder: output, store: db, officer: Session.officer, now: now,
                                           language: bilingual ? .bilingual : ReferralLanguage(language),
                                           warn: { FileHandle.standardError.write(Data((Message.cliWarning.text(language, ["warning": $0]) + "\n").utf8)) })
        say(sent.summary(language))
    }
}

struct ReferralList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: cliHelp("Referrals awaiting a provider's answer, overdue first."))

    @Option(help: "Only this child's referrals.") var child: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let now = Session.now
        let db = try storeOptions.openStore()
        let calls = try child.map { try db.contacts(childID: try db.storedID($0, of: .child)) } ?? db.contacts()
        let waiting = ReferralQueue.awaiting(calls, now: now)
        guard !waiting.isEmpty else {
            say("no referral awaits an answer")
            return
        }
        for w in waiting {
            let r = w.referral
            let due = r.referral!.responseDue
            var line = "\(r.id)  \(r.childID)  \(r.providerID)  \(r.vacancyID ?? "-")  sent \(stamp(r.at)) by \(r.by)  due \(stamp(due))"
            if w.isOverdue { line += "  OVERDUE" }
            if let q = w.question { line += "  question \(q.id) \(stamp(q.at))" }
            say(line)
        }
    }

    func stamp(_ date: Date) -> String { "\(Session.day(of: date).iso) \(WorkflowTime.clock(date))" }
}

struct ReferralRespond: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond",
        abstract: cliHelp("Log a provider's answer to a referral: an offer, a decline or a question."),
        discussion: """
            REFERRAL is the id `referral send` and `referral list` print (K…). An offer needs --fee (weekly, whole \
            pounds) and --start (YYYY-MM-DD); a decline needs --reason and rules the vacancy out for the child, as a \
            declined call does; a question is logged as "considering" with the question as its note, and the \
            referral still awaits an answer.
            """)

    @Argument(help: "The referral's id.") var referral: String
    @Flag(help: "The provider offers the placement.") var offer = false
    @Option(help: "The weekly fee offered, in whole pounds.") var fee: Int?
    @Option(help: ArgumentHelp("The day the placement could start.", valueName: "YYYY-MM-DD")) var start: String?
    @Option(help: "The provider declines, for this reason.") var decline: String?
    @Option(help: "The provider asks this question.") var question: String?
    @Option(help: "A note on an offer.") var note: String = ""
    @Option(help: ArgumentHelp("When the provider answered (default: now).", valueName: "time")) var at: String?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        let chosen = [offer, decline != nil, question != nil].filter { $0 }.count
        if chosen != 1 { throw ValidationError("give exactly one of --offer, --decline REASON or --question TEXT") }
        if offer && (fee == nil || start == nil) { throw ValidationError("--offer needs --fee and --start") }
        if !offer && (fee != nil || start != nil) { throw ValidationError("--fee and --start go with --offer") }
    }

    func run() throws {
        let now = Session.now
        let db = try storeOptions.openStore()
        let response: ReferralResponse
        if offer, let fee, let start {
            response = .offer(ReferralOffer(weeklyFee: fee, start: try parseDay(start, option: "--start")), note: note)
        } else if let decline {
            response = .decline(reason: decline)
        } else {
            response = .question(question ?? "")
        }
        let answer = try db.respondToReferral(id: referral.uppercased(), response, officer: Session.officer,
                                              at: try at.map { try parseTime($0, option: "--at") } ?? now, now: now)
        var line = "logged \(answer.id) for referral \(answer.respondsTo ?? referral): \(describe(answer))"
        if let o = answer.offer { line += ", £\(o.weeklyFee)/wk from \(o.start.iso)" }
        say(line)
    }
}
