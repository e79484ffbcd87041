import Foundation
import PlacementCore

/// providers.csv: one row per registered provider.
enum ProviderFormat {
    static let schema = FileLayout(columns: [
        ColumnSpec("id", required: true),
        ColumnSpec("name", required: true),
        ColumnSpec("sector", required: true),
        ColumnSpec("profit_status"),
        ColumnSpec("regulator"),
        ColumnSpec("registration_number", required: true),
        ColumnSpec("service_type", required: true),
        ColumnSpec("postcode", required: true),
        ColumnSpec("authority_code", required: true),
        ColumnSpec("authority_name", exportOnly: true),
        ColumnSpec("welsh_language"),
        ColumnSpec("capabilities"),
        ColumnSpec("contact_name"),
        ColumnSpec("contact_phone"),
        ColumnSpec("contact_email"),
        ColumnSpec("inspection_date"),
        ColumnSpec("inspection_rating"),
        ColumnSpec("registered_places"),
    ], personal: false)

    static func parse(_ r: CSVRecord) throws(ImportError) -> Provider {
        let regulator = try r.optionalEnum("regulator", Regulator.self) ?? .ciw
        return Provider(
            id: try r.required("id"),
            name: try r.required("name"),
            sector: try r.enumValue("sector", Sector.self),
            profitStatus: try r.optionalEnum("profit_status", ProfitStatus.self),
            regulator: regulator,
            registrationNumber: try r.required("registration_number"),
            serviceType: try r.enumValue("service_type", ServiceType.self),
            postcode: try r.postcode("postcode"),
            authorityCode: try r.authority("authority_code"),
            welshLanguage: try r.optionalEnum("welsh_language", WelshCapability.self) ?? WelshCapability.none,
            capabilities: try r.needCodes("capabilities"),
            contact: ContactDetails(name: r.text("contact_name"), phone: r.text("contact_phone"),
                                    email: r.text("contact_email")),
            inspection: try inspection(r, regulator: regulator),
            registeredPlaces: try places(r))
    }

    private static func places(_ r: CSVRecord) throws(ImportError) -> Int? {
        let n = try r.optionalInt("registered_places")
        if let n, n < 0 { throw r.fail("registered_places", "\(n) must not be negative") }
        return n
    }

    /// Both inspection columns or neither; the rating must be one the provider's regulator publishes.
    private static func inspection(_ r: CSVRecord, regulator: Regulator) throws(ImportError) -> Inspection? {
        let date = try r.optionalDay("inspection_date")
        let rating = try r.optionalEnum("inspection_rating", InspectionRating.self)
        switch (date, rating) {
        case (nil, nil): return nil
        case (nil, _): throw r.fail("inspection_date", "is required when an inspection rating is recorded")
        case (_, nil): throw r.fail("inspection_rating", "is required when an inspection date is recorded")
        case (let date?, let rating?):
            guard rating.isPublished(by: regulator) else {
                throw r.fail("inspection_rating", "\(rating.rawValue) is not a rating \(regulator.rawValue) publishes")
            }
            return Inspection(date: date, rating: rating)
        }
    }

    static func row(_ p: Provider, authorityName: AuthorityNaming) -> [String] {
        [p.id, p.name, p.sector.rawValue, p.profitStatus.rawValue, p.regulator.rawValue, p.registrationNumber,
         p.serviceType.rawValue, p.postcode, p.authorityCode, authorityName(p.authorityCode) ?? "",
         p.welshLanguage.rawValue, Cell.list(p.capabilities), p.contact.name, p.contact.phone, p.contact.email,
         p.inspection?.date.iso ?? "", p.inspection?.rating.rawValue ?? "", p.registeredPlaces.map(String.init) ?? ""]
    }
}
