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
        discussion: cliHelp(.cliAboutReferralSend))

    @Argument(help: optionHelp(.cliOptChild)) var child: String
    @Option(name: .customLong("to"), help: optionHelp(.cliOptReferralTo, valueName: "vacancy"))
    var vacancies: [String] = []
    @Option(help: optionHelp(.cliOptReferralDeadline, valueName: "time")) var deadline: String?
    @Option(help: optionHelp(.cliOptReferralFormat, valueName: "json|md")) var format: String?
    @Option(name: .short, help: optionHelp(.cliOptReferralOutput, valueName: "dir")) var output: String
    @Flag(help: optionHelp(.cliOptReferralBilingual)) var bilingual = false
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if vacancies.isEmpty { throw ValidationError(.cliPhraseUsageGiveTo) }
    }

    func run() throws {
        let now = Session.now
        let language = CommandLineLanguage.current
        let db = try storeOptions.openStore()
        let formats = try format.map { [try parseCode($0, option: "--format", as: ReferralFormat.self)] } ?? ReferralFormat.allCases
        let childID = try db.storedID(child, of: .child)
        let ids = try vacancies.map { try db.storedID($0, of: .vacancy) }
        guard let record = try db.child(id: childID) else { throw UserError(.cliPhraseUserUnknownChild, ["id": childID]) }
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

    @Option(help: optionHelp(.cliOptReferralListChild)) var child: String?
    @OptionGroup var storeOptions: StoreOptions

    func run() throws {
        let now = Session.now
        let db = try storeOptions.openStore()
        let calls = try child.map { try db.contacts(childID: try db.storedID($0, of: .child)) } ?? db.contacts()
        let waiting = ReferralQueue.awaiting(calls, now: now)
        guard !waiting.isEmpty else {
            say(cliText(.cliReferralNoneWaiting))
            return
        }
        for w in waiting {
            let r = w.referral
            let due = r.referral!.responseDue
            var line = "\(r.id)  \(r.childID)  \(r.providerID)  \(r.vacancyID ?? "-")  "
                + cliText(.cliReferralSentDue, ["sent": stamp(r.at), "by": r.by, "due": stamp(due)])
            if w.isOverdue { line += "  " + cliText(.cliReferralOverdue) }
            if let q = w.question { line += "  " + cliText(.cliReferralQuestion, ["id": q.id, "at": stamp(q.at)]) }
            say(line)
        }
    }

    func stamp(_ date: Date) -> String { "\(Session.day(of: date).iso) \(WorkflowTime.clock(date))" }
}

struct ReferralRespond: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "respond",
        abstract: cliHelp("Log a provider's answer to a referral: an offer, a decline or a question."),
        discussion: cliHelp(.cliAboutReferralRespond))

    @Argument(help: optionHelp(.cliOptReferralId)) var referral: String
    @Flag(help: optionHelp(.cliOptReferralOffer)) var offer = false
    @Option(help: optionHelp(.cliOptReferralFee)) var fee: Int?
    @Option(help: optionHelp(.cliOptReferralStart, valueName: "YYYY-MM-DD")) var start: String?
    @Option(help: optionHelp(.cliOptReferralDecline)) var decline: String?
    @Option(help: optionHelp(.cliOptReferralQuestion)) var question: String?
    @Option(help: optionHelp(.cliOptReferralNote)) var note: String = ""
    @Option(help: optionHelp(.cliOptReferralAt, valueName: "time")) var at: String?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        let chosen = [offer, decline != nil, question != nil].filter { $0 }.count
        if chosen != 1 { throw ValidationError(.cliReferralExactlyOne) }
        if offer && (fee == nil || start == nil) { throw ValidationError(.cliReferralOfferNeeds) }
        if !offer && (fee != nil || start != nil) { throw ValidationError(.cliReferralFeeWithOffer) }
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
        var line = cliText(.cliReferralLogged, ["answer": answer.id, "referral": answer.respondsTo ?? referral, "what": describe(answer)])
        if let o = answer.offer { line += cliText(.cliReferralOfferTerms, ["fee": String(o.weeklyFee), "start": o.start.iso]) }
        say(line)
    }
}
