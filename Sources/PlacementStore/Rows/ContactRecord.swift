import Foundation
import GRDB
import PlacementCore

/// `contacts` row ⇄ `Contact` (one call of the ring-round).
struct ContactRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "contacts"
    var value: Contact

    init(_ value: Contact) { self.value = value }

    init(row: Row) throws {
        let r = RowReader(row: row, table: Self.databaseTableName)
        value = Contact(
            id: try r.value("id"), childID: try r.value("child_id"), providerID: try r.value("provider_id"),
            vacancyID: try r.optional("vacancy_id"), at: try r.value("at"), outcome: try r.code("outcome"),
            declineReason: try r.optional("decline_reason"), by: try r.value("by"))
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = value.id
        container["child_id"] = value.childID
        container["provider_id"] = value.providerID
        container["vacancy_id"] = value.vacancyID
        container["at"] = value.at
        container["outcome"] = value.outcome.rawValue
        container["decline_reason"] = value.declineReason
        container["by"] = value.by
    }
}
