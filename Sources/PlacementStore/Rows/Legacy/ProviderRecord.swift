import GRDB
import PlacementCore

/// A pre-v4 `providers` row (lists as JSON, days as text), read once by the v4 migration to fill the new columns.
struct ProviderRecord: FetchableRecord {
    static let databaseTableName = "providers"
    var value: Provider

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
}
