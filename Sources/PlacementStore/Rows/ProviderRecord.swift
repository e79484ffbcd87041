import GRDB
import PlacementCore

/// `providers` row ⇄ `Provider`.
struct ProviderRecord: FetchableRecord, PersistableRecord {
    static let databaseTableName = "providers"
    var value: Provider

    init(_ value: Provider) { self.value = value }

    init(row: Row) throws {
        let r = RowReader(row: row, table: Self.databaseTableName)
        value = Provider(
            id: try r.value("id"), name: try r.value("name"), sector: try r.code("sector"),
            profitStatus: try r.code("profit_status") as ProfitStatus, regulator: try r.code("regulator"),
            registrationNumber: try r.value("registration_number"), serviceType: try r.code("service_type"),
            postcode: try r.value("postcode"), authorityCode: try r.value("authority_code"),
            welshLanguage: try r.code("welsh_language"), capabilities: try r.json("capabilities"),
            contact: ContactDetails(name: try r.value("contact_name"), phone: try r.value("contact_phone"),
                                    email: try r.value("contact_email")))
    }

    func encode(to container: inout PersistenceContainer) throws {
        container["id"] = value.id
        container["name"] = value.name
        container["sector"] = value.sector.rawValue
        container["profit_status"] = value.profitStatus.rawValue
        container["regulator"] = value.regulator.rawValue
        container["registration_number"] = value.registrationNumber
        container["service_type"] = value.serviceType.rawValue
        container["postcode"] = value.postcode
        container["authority_code"] = value.authorityCode
        container["welsh_language"] = value.welshLanguage.rawValue
        container["capabilities"] = try JSONColumn.text(value.capabilities)
        container["contact_name"] = value.contact.name
        container["contact_phone"] = value.contact.phone
        container["contact_email"] = value.contact.email
    }
}
