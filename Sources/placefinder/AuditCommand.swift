import ArgumentParser
import Foundation
import PlacementCore
import PlacementStore

/// `placefinder audit`: the audit trail, for a data-subject access request or an investigation.
struct AuditLog: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: cliHelp("List the audit trail: who did what to which record, and when (times in UK time)."),
        discussion: cliHelp(.cliAboutAudit))

    @Option(help: optionHelp(.cliOptAuditChild, valueName: "id"))
    var child: String?
    @Option(help: optionHelp(.cliOptAuditUser, valueName: "name")) var user: String?
    @Option(help: optionHelp(.cliOptAuditSince, valueName: "YYYY-MM-DD")) var since: String?
    @Flag(help: optionHelp(.cliOptAuditJson)) var json = false
    @Flag(help: optionHelp(.cliOptAuditHead))
    var head = false
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if let since, Day(iso: since) == nil {
            throw ValidationError(.cliAuditSinceInvalid)
        }
    }

    func run() throws {
        let sinceDate = since.flatMap(Day.init(iso:)).map(Self.startOfDayInUK)
        // Either backend; on a server, row-level security decides which entries this login reads.
        let db = try storeOptions.openStore(readOnly: true)
        if head {
            print(try db.auditHead()?.text ?? cliText(.cliAuditEmpty))
            return
        }
        try RegionalAccess.refuseAuditToCommissioners(db, language: CommandLineLanguage.current)
        // The filters are typed text (an officer may type a child's name): the entry records the id looked up,
        // or "unknown id", never the text itself.
        let child = try db.storedID(self.child, of: .child)
        let knownChild = try child.map { try db.child(id: $0) != nil }
        var filters: [String] = []
        if let child { filters.append(knownChild == true ? "child \(child)" : "child unknown id") }
        if let user { filters.append(try db.isKnownOfficer(user) ? "user \(user)" : "user unknown id") }
        if let since { filters.append("since \(since)") }
        // Recorded before anything is shown: no listing leaves without its own entry.
        try db.audit([AuditEntry(user: Session.officer, action: "audit.read", recordType: knownChild == true ? "child" : "audit_log",
                                 recordID: knownChild == true ? child : nil,
                                 detail: filters.isEmpty ? "all entries" : filters.joined(separator: ", "))])
        Session.noteIfUnrecorded(db)
        let entries = try db.auditEntries(AuditQuery(childID: child, user: user, since: sinceDate))
        if json { print(Self.json(entries)) } else { say(Self.table(entries, language: CommandLineLanguage.current)) }
    }

    static func startOfDayInUK(_ day: Day) -> Date {
        WorkflowTime.date(day, hour: 0, minute: 0) ?? Date.distantPast
    }

    /// `2026-11-25 09:00:00 GMT` (or BST in summer).
    static func ukTime(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_GB_POSIX")
        formatter.timeZone = WorkflowTime.zone
        formatter.dateFormat = "yyyy-MM-dd HH:mm:ss zzz"
        return formatter.string(from: date)
    }

    /// ISO 8601 with the UK offset: `2026-07-01T10:00:00+01:00`.
    static func ukISO(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(timeZone: WorkflowTime.zone))
    }

    /// The trail as a table in the officer's language: headings, and each action, record type and detail
    /// said through `AuditWords` (in English as recorded: the documented action names `--json` and the docs
    /// share); ids and account names as recorded.
    static func table(_ entries: [AuditEntry], language: Language = .en) -> String {
        let header = [Message.cliAuditColumnTime, .cliAuditColumnUser, .cliAuditColumnAction, .cliAuditColumnRecordType,
                      .cliAuditColumnRecordId, .cliAuditColumnDetail].map { $0.text(language) }
        let rows = entries.map { e in
            [ukTime(e.at), e.user, AuditWords.action(e.action, language), AuditWords.recordType(e.recordType, language),
             e.recordID ?? "-", AuditWords.detail(e.detail ?? "", language)].map(TerminalText.line)
        }
        // Every column but the last is padded to its widest cell.
        var widths = header.map(\.count)
        for row in rows { for i in 0..<(row.count - 1) { widths[i] = max(widths[i], row[i].count) } }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, cell in
                i == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[i] - cell.count)
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
        var lines = [line(header)] + rows.map(line)
        lines.append((entries.count == 1 ? Message.cliAuditCountOne : .cliAuditCount).text(language, ["count": String(entries.count)]))
        return lines.joined(separator: "\n")
    }

    struct JSONEntry: Encodable {
        let id: Int64?
        let time: String
        let user: String
        let action: String
        let recordType: String
        let recordID: String?
        let detail: String?
    }

    static func json(_ entries: [AuditEntry]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let values = entries.map {
            JSONEntry(id: $0.id, time: ukISO($0.at), user: $0.user, action: $0.action, recordType: $0.recordType,
                      recordID: $0.recordID, detail: $0.detail)
        }
        return (try? String(decoding: encoder.encode(values), as: UTF8.self)) ?? "[]"
    }

}

/// `placefinder check`: SQLite's integrity checks plus Placefinder's own rules.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: cliHelp("Check the store: SQLite integrity, foreign keys and Placefinder's consistency rules."),
        discussion: cliHelp(.cliAboutCheck))

    @Option(help: optionHelp(.cliOptCheckAuditHead, valueName: "ID:HASH"))
    var auditHead: String?
    @OptionGroup var storeOptions: StoreOptions

    func validate() throws {
        if let auditHead, AuditHead(text: auditHead) == nil {
            throw ValidationError(.cliCheckAuditHeadInvalid)
        }
    }

    func run() throws {
        let language = CommandLineLanguage.current
        say(storeOptions.isServer ? Message.cliCheckCheckingServer.text(language) : Message.cliCheckChecking.text(language, ["path": storeOptions.path]))
        do {
            // Read-only: checking never migrates, chmods or records anything.
            let db = try storeOptions.openStore(readOnly: true)
            let report = try db.consistencyReport(now: Session.now)
            say(report.text(language))
            if let head = auditHead.flatMap(AuditHead.init(text:)), let problem = try db.auditHeadProblem(head) {
                say(ConsistencyReport.problemLine(Message.cliCheckAuditHeadHeld.text(language), language)
                    + "\n         - " + Catalogue.phrase(problem, language))
                throw ExitCode(1)
            }
            if !report.isClean { throw ExitCode(1) }
        } catch StoreError.corrupt {
            say(ConsistencyReport.problemLine(Message.cliCheckCorrupt.text(language), language))
            throw ExitCode(1)
        }
    }
}
