import GRDB
import PlacementCore

/// The v4 `providers` row.
enum ProviderRow {
    static let table = "providers"

    /// The columns up to v8 (the v4 backfill writes only these: later ones do not exist yet).
    static let v4Written = [
        "id", "name", "sector", "profit_status", "regulator", "registration_number", "service_type", "postcode",
        "authority_code", "welsh_language", "capabilities", "contact_name", "contact_phone", "contact_email",
        "capability_mask", "verbatim_lists", "latitude", "longitude", "located_authority", "location_precision",
    ]

    /// v9: registered places of a children's home. v10: the regulator's latest inspection.
    static let v9Columns = ["registered_places"]
    static let v10Columns = ["inspection_day", "inspection_rating"]
    static let written = v4Written + v9Columns + v10Columns

    static func arguments(_ p: Provider, location: GeoLocation?, bits: NeedBits) throws -> [(any DatabaseValueConvertible)?] {
        try v4Arguments(p, location: location, bits: bits) + [p.registeredPlaces]
            + [p.inspection?.date.daysSinceEpoch, p.inspection?.rating.rawValue]
    }

    static func v4Arguments(_ p: Provider, location: GeoLocation?, bits: NeedBits) throws -> [(any DatabaseValueConvertible)?] {
        let mask = bits.mask(p.capabilities)
        return [p.id, p.name, p.sector.rawValue, p.profitStatus.rawValue, p.regulator.rawValue, p.registrationNumber,
         p.serviceType.rawValue, p.postcode, p.authorityCode, p.welshLanguage.rawValue, try JSONColumn.strings(p.capabilities),
         p.contact.name, p.contact.phone, p.contact.email, mask, bits.codes(mask) == p.capabilities ? 0 : 1] + LocationColumns.arguments(location)
    }

    static let read = [
        "id", "name", "sector", "profit_status", "regulator", "registration_number", "service_type", "postcode",
        "authority_code", "welsh_language", "capability_mask", "capabilities", "contact_name", "contact_phone",
        "contact_email", "verbatim_lists", "latitude", "longitude", "located_authority", "location_precision",
        "registered_places", "inspection_day", "inspection_rating",
    ]
    static let select = "SELECT \(read.joined(separator: ", ")) FROM providers"

    final class Decoder {
        let capabilities: MaskedList<Int64, [String]>
        init(bits: NeedBits) {
            capabilities = MaskedList(canonical: bits.codes)
        }

        func decode(_ row: Row) throws -> (provider: Provider, location: GeoLocation?) {
            let r = ColumnReader(row: row, table: table, columns: read)
            var inspection: Inspection?
            if let rating: InspectionRating = try r.optionalCode(22) { inspection = Inspection(date: try r.day(21), rating: rating) }
            let provider = Provider(
                id: try r.value(0), name: try r.value(1), sector: try r.code(2),
                profitStatus: try r.code(3) as ProfitStatus, regulator: try r.code(4),
                registrationNumber: try r.value(5), serviceType: try r.code(6), postcode: try r.value(7),
                authorityCode: try r.value(8), welshLanguage: try r.code(9),
                capabilities: try capabilities.value(try r.value(10), verbatim: try r.value(15, as: Int64.self) != 0,
                                                     row: row, index: 11, table: table, column: read[11]),
                contact: ContactDetails(name: try r.value(12), phone: try r.value(13), email: try r.value(14)),
                inspection: inspection,
                registeredPlaces: try r.optional(20))
            return (provider, try r.location(latitude: 16))
        }
    }
}
