import Foundation
import PlacementCore

/// notices.csv and contacts.csv: export only. Notices and calls are recorded through the workflow (each
/// one audited), never imported; their corrections appear as rows of their own naming the row they replace.
enum NoticeFormat {
    static let schema = FileLayout(columns: [
        ColumnSpec("id"), ColumnSpec("received_at"), ColumnSpec("logged_by"), ColumnSpec("provider_id"), ColumnSpec("kind"),
        ColumnSpec("child_id"), ColumnSpec("effective_at"), ColumnSpec("reason"), ColumnSpec("vacancy_id"), ColumnSpec("text"),
    ] + CorrectionFormat.columns, personal: true)

    static func row(_ n: ProviderNotice) -> [String] {
        [n.id, formattedTimestamp(n.receivedAt), n.loggedBy, n.providerID, n.kind.rawValue, Cell.optional(n.childID),
         n.effectiveAt.map(formattedTimestamp) ?? "", n.reason?.rawValue ?? "", Cell.optional(n.vacancyID), n.text]
            + CorrectionFormat.cells(n.correction)
    }
}

enum ContactFormat {
    static let schema = FileLayout(columns: [
        ColumnSpec("id"), ColumnSpec("child_id"), ColumnSpec("provider_id"), ColumnSpec("vacancy_id"), ColumnSpec("at"),
        ColumnSpec("outcome"), ColumnSpec("decline_reason"), ColumnSpec("decline_scope"), ColumnSpec("note"),
        ColumnSpec("call_back_at"), ColumnSpec("by"),
    ] + CorrectionFormat.columns + ReferralColumns.columns, personal: true)

    static func row(_ c: Contact) -> [String] {
        [c.id, c.childID, c.providerID, Cell.optional(c.vacancyID), formattedTimestamp(c.at), c.outcome.rawValue,
         Cell.optional(c.declineReason), c.declineScope?.rawValue ?? "", c.note, c.callBackAt.map(formattedTimestamp) ?? "", c.by]
            + CorrectionFormat.cells(c.correction) + ReferralColumns.cells(c)
    }
}

/// A referral's sections (keys, ";"-separated) and deadline; an answer's referral; an offer's fee and start.
enum ReferralColumns {
    static let columns = ["referral_sections", "response_due", "responds_to", "offered_fee", "offered_start"].map { ColumnSpec($0) }

    static func cells(_ c: Contact) -> [String] {
        [c.referral.map { $0.sections.map(\.rawValue).joined(separator: ";") } ?? "", c.referral.map { formattedTimestamp($0.responseDue) } ?? "",
         Cell.optional(c.respondsTo), c.offer.map { String($0.weeklyFee) } ?? "", c.offer?.start.iso ?? ""]
    }
}

enum CorrectionFormat {
    static let columns = ["corrects", "correction", "correction_reason", "corrected_at", "corrected_by"].map { ColumnSpec($0) }

    static func cells(_ c: Correction?) -> [String] {
        [Cell.optional(c?.corrects), c?.kind.rawValue ?? "", Cell.optional(c?.reason), c.map { formattedTimestamp($0.at) } ?? "",
         Cell.optional(c?.by)]
    }
}

extension Interchange {
    public static func csv(notices: [ProviderNotice], formulas: FormulaCells = .neutralised) -> String {
        csvText(header: RecordKind.notices.columns, rows: notices.map(NoticeFormat.row), formulas: formulas)
    }

    public static func csv(contacts: [Contact], formulas: FormulaCells = .neutralised) -> String {
        csvText(header: RecordKind.contacts.columns, rows: contacts.map(ContactFormat.row), formulas: formulas)
    }
}
