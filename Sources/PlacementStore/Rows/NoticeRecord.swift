import Foundation
import GRDB
import PlacementCore

/// `notices` row ⇄ `ProviderNotice`.
struct NoticeRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "notices"
    var value: ProviderNotice

    init(_ value: ProviderNotice) { self.value = value }

    init(row: Row) throws {
        let r = RowReader(row: row, table: Self.databaseTableName)
        value = ProviderNotice(
            id: try r.value("id"), receivedAt: try r.value("received_at"), loggedBy: try r.value("logged_by"),
            providerID: try r.value("provider_id"), kind: try r.code("kind"), childID: try r.optional("child_id"),
            effectiveAt: try r.optional("effective_at"), reason: try r.optionalCode("reason"),
            vacancyID: try r.optional("vacancy_id"), text: try r.value("text"))
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = value.id
        container["received_at"] = value.receivedAt
        container["logged_by"] = value.loggedBy
        container["provider_id"] = value.providerID
        container["kind"] = value.kind.rawValue
        container["child_id"] = value.childID
        container["effective_at"] = value.effectiveAt
        container["reason"] = value.reason?.rawValue
        container["vacancy_id"] = value.vacancyID
        container["text"] = value.text
    }
}
