import Foundation
import GRDB
import PlacementCore

/// The v4 `vacancies` row: one column list for writes and one for reads, by index.
enum VacancyRow {
    static let table = "vacancies"

    /// Written on insert and update (version and stamps are the workflow's: see Stamps.swift).
    /// The columns up to v8 (the v4 backfill writes only these).
    static let v4Written = [
        "id", "provider_id", "setting", "postcode", "beds", "age_min", "age_max", "genders_accepted",
        "max_sibling_group", "extra_capabilities", "available_from", "takes_emergencies", "weekly_fee",
        "last_confirmed_at", "status", "hold_child_id", "hold_officer", "hold_expires_at", "connected_children",
        "capability_mask", "gender_mask", "available_day", "confirmed_seconds", "hold_expires_seconds",
        "verbatim_lists", "latitude", "longitude", "located_authority", "location_precision",
    ]

    /// `verbatim_lists` flags: the JSON must be read for these columns.
    static let capabilitiesVerbatim: Int64 = 1, connectionsVerbatim: Int64 = 2

    /// v9: the other authority that filled the bed outside Placefinder. v10: how the bed is bought.
    static let v9Columns = ["filled_by"]
    static let v10Columns = ["purchase_mode"]
    static let written = v4Written + v9Columns + v10Columns

    static func arguments(_ v: Vacancy, location: GeoLocation?, bits: NeedBits) throws -> [(any DatabaseValueConvertible)?] {
        try v4Arguments(v, location: location, bits: bits) + [v.filledBy, v.purchase?.rawValue]
    }

    static func v4Arguments(_ v: Vacancy, location: GeoLocation?, bits: NeedBits) throws -> [(any DatabaseValueConvertible)?] {
        // A set has no order: store it sorted so the same set always gives the same text.
        let genders = v.gendersAccepted.map(\.rawValue).sorted()
        let mask = bits.mask(v.extraCapabilities)
        let verbatim = (bits.codes(mask) == v.extraCapabilities ? 0 : capabilitiesVerbatim)
            | (v.connectedChildIDs.isEmpty ? 0 : connectionsVerbatim)
        return [
            v.id, v.providerID, v.setting.rawValue, v.postcode, v.beds, v.ageRange.lowerBound, v.ageRange.upperBound,
            try JSONColumn.strings(genders), v.maxSiblingGroup, try JSONColumn.strings(v.extraCapabilities),
            v.availableFrom.iso, v.takesEmergencies, v.weeklyFee, v.lastConfirmedAt, v.status.rawValue,
            v.hold?.childID, v.hold?.officer, v.hold?.expiresAt, try JSONColumn.strings(v.connectedChildIDs),
            mask, EnumBits.mask(v.gendersAccepted), v.availableFrom.daysSinceEpoch,
            v.lastConfirmedAt.timeIntervalSinceReferenceDate, v.hold?.expiresAt.timeIntervalSinceReferenceDate, verbatim,
        ] + LocationColumns.arguments(location)
    }

    static let read = [
        "id", "provider_id", "setting", "postcode", "beds", "age_min", "age_max", "gender_mask", "max_sibling_group",
        "capability_mask", "extra_capabilities", "available_day", "takes_emergencies", "weekly_fee", "confirmed_seconds",
        "status", "hold_child_id", "hold_officer", "hold_expires_seconds", "connected_children", "version",
        "verbatim_lists", "latitude", "longitude", "located_authority", "location_precision", "filled_by",
        "purchase_mode",
    ]
    static let select = "SELECT \(read.joined(separator: ", ")) FROM vacancies"

    /// Decodes rows of `select`; one per read, since it caches list texts.
    final class Decoder {
        let capabilities: MaskedList<Int64, [String]>
        /// No mask: empty unless flagged; a flagged list is parsed once per distinct text.
        let connections = MaskedList<Int64, [String]>(canonical: { _ in [] })
        /// The eight possible gender sets, built once.
        let genderSets = (0..<8).map { Set(EnumBits.values(Int64($0), as: Gender.self)) }
        init(bits: NeedBits) {
            capabilities = MaskedList(canonical: bits.codes)
        }

        func decode(_ row: Row) throws -> (vacancy: Vacancy, version: Int, location: GeoLocation?) {
            let r = ColumnReader(row: row, table: table, columns: read)
            let ageMin: Int = try r.value(5), ageMax: Int = try r.value(6)
            guard ageMin <= ageMax else { throw r.unreadable(6) }
            let verbatim: Int64 = try r.value(21)
            var hold: Hold?
            if let childID: String = try r.optional(16) {
                hold = Hold(childID: childID, officer: try r.value(17), expiresAt: try r.seconds(18))
            }
            let vacancy = Vacancy(
                id: try r.value(0), providerID: try r.value(1), setting: try r.code(2), postcode: try r.optional(3),
                beds: try r.value(4), ageRange: ageMin...ageMax,
                gendersAccepted: genderSets[Int(try r.value(7, as: Int64.self) & 7)],
                maxSiblingGroup: try r.value(8),
                extraCapabilities: try capabilities.value(try r.value(9), verbatim: verbatim & capabilitiesVerbatim != 0,
                                                         row: row, index: 10, table: table, column: read[10]),
                availableFrom: try r.day(11), takesEmergencies: try r.value(12), weeklyFee: try r.value(13),
                lastConfirmedAt: try r.seconds(14), status: try r.code(15), hold: hold,
                connectedChildIDs: try connections.value(0, verbatim: verbatim & connectionsVerbatim != 0,
                                                         row: row, index: 19, table: table, column: read[19]),
                purchase: try r.optionalCode(27), filledBy: try r.optional(26))
            return (vacancy, try r.value(20), try r.location(latitude: 22))
        }
    }
}

/// The four location columns (latitude, longitude, authority, precision) every located table ends with.
enum LocationColumns {
    static func arguments(_ location: GeoLocation?) -> [(any DatabaseValueConvertible)?] {
        [location?.coordinate.latitude, location?.coordinate.longitude, location?.authorityCode, location?.precision.rawValue]
    }
}
