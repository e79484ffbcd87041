import Foundation
import PlacementCore

/// vacancies.csv: one row per place a provider offers.
enum VacancyFormat {
    static let schema = FileLayout(columns: [
        ColumnSpec("id", required: true),
        ColumnSpec("provider_id", required: true),
        ColumnSpec("setting", required: true),
        ColumnSpec("postcode"),
        ColumnSpec("beds", required: true),
        ColumnSpec("age_min", required: true),
        ColumnSpec("age_max", required: true),
        ColumnSpec("genders", required: true),
        ColumnSpec("max_sibling_group"),
        ColumnSpec("capabilities"),
        ColumnSpec("available_from", required: true),
        ColumnSpec("takes_emergencies"),
        ColumnSpec("weekly_fee", required: true),
        ColumnSpec("last_confirmed_at", required: true),
        ColumnSpec("status"),
        ColumnSpec("hold_child_id"),
        ColumnSpec("hold_officer"),
        ColumnSpec("hold_expires_at"),
        ColumnSpec("connected_children"),
        ColumnSpec("purchase_mode"),
        // v9: another authority (Welsh or English) that filled the bed outside Placefinder; no child named.
        ColumnSpec("filled_by_authority"),
    ], personal: false)

    static func parse(_ r: CSVRecord) throws(ImportError) -> Vacancy {
        let id = try r.required("id")
        let providerID = try r.required("provider_id")
        let setting = try r.enumValue("setting", Setting.self)
        let postcode = try r.optionalPostcode("postcode")
        let beds = try r.int("beds")
        if beds < 0 { throw r.fail("beds", "\(beds) must not be negative") }
        let ageMin = try r.int("age_min")
        let ageMax = try r.int("age_max")
        if ageMax < ageMin { throw r.fail("age_max", "\(ageMax) is below age_min \(ageMin)") }
        var genders = Set<Gender>()
        for (i, raw) in r.list("genders").enumerated() {
            genders.insert(try r.parseEnum("genders", raw, Gender.self, item: i + 1))
        }
        if genders.isEmpty { throw r.fail("genders", "is required but empty (e.g. female;male;other)") }
        let maxSiblings = try r.optionalInt("max_sibling_group") ?? 1
        let capabilities = try r.needCodes("capabilities")
        let availableFrom = try r.day("available_from")
        let emergencies = try r.bool("takes_emergencies", default: false)
        let fee = try r.int("weekly_fee")
        let confirmed = try r.timestamp("last_confirmed_at")
        let status = try r.optionalEnum("status", VacancyStatus.self) ?? .open
        let hold = try parseHold(r)
        let connected = r.list("connected_children")
        let purchase = try r.optionalEnum("purchase_mode", PurchaseMode.self)
        let filledBy = try r.optional("filled_by_authority").map { raw throws(ImportError) in try r.parseAuthority("filled_by_authority", raw) }
        return Vacancy(id: id, providerID: providerID, setting: setting, postcode: postcode, beds: beds,
                       ageRange: ageMin...ageMax, gendersAccepted: genders, maxSiblingGroup: maxSiblings,
                       extraCapabilities: capabilities, availableFrom: availableFrom,
                       takesEmergencies: emergencies, weeklyFee: fee, lastConfirmedAt: confirmed,
                       status: status, hold: hold, connectedChildIDs: connected, purchase: purchase, filledBy: filledBy)
    }

    /// A hold needs all three hold columns or none.
    private static func parseHold(_ r: CSVRecord) throws(ImportError) -> Hold? {
        let child = r.optional("hold_child_id"), officer = r.optional("hold_officer")
        let expires = try r.optionalTimestamp("hold_expires_at")
        if child == nil && officer == nil && expires == nil { return nil }
        guard let child else { throw r.fail("hold_child_id", "is required when a hold is recorded") }
        guard let officer else { throw r.fail("hold_officer", "is required when a hold is recorded") }
        guard let expires else { throw r.fail("hold_expires_at", "is required when a hold is recorded") }
        return Hold(childID: child, officer: officer, expiresAt: expires)
    }

    static func row(_ v: Vacancy) -> [String] {
        [v.id, v.providerID, v.setting.rawValue, Cell.optional(v.postcode), String(v.beds),
         String(v.ageRange.lowerBound), String(v.ageRange.upperBound),
         Cell.list(Gender.allCases.filter(v.gendersAccepted.contains).map(\.rawValue)),
         String(v.maxSiblingGroup), Cell.list(v.extraCapabilities), v.availableFrom.iso,
         Cell.bool(v.takesEmergencies), String(v.weeklyFee), formattedTimestamp(v.lastConfirmedAt),
         v.status.rawValue, Cell.optional(v.hold?.childID), Cell.optional(v.hold?.officer),
         v.hold.map { formattedTimestamp($0.expiresAt) } ?? "", Cell.list(v.connectedChildIDs), Cell.optional(v.purchase?.rawValue),
         Cell.optional(v.filledBy)]
    }
}
