import Foundation
import GRDB
import PlacementCore

/// The v4 `children` row. Urgency is two columns ('emergency' | 'needed_by' plus the day) so "who needs a
/// placement by when" can be asked in SQL; needs are three masks (essential, important, desirable).
enum ChildRow {
    static let table = "children"

    /// The columns up to v11 (the v4 backfill writes only these: later ones do not exist yet).
    static let v4Written = [
        "id", "given_name", "family_name", "date_of_birth", "gender", "home_postcode", "placing_authority",
        "school_postcode", "first_language", "welsh_placement", "legal_status", "needs", "sibling_group_id",
        "sibling_must_be_together", "avoid_authorities", "avoid_areas", "minimum_miles_from_home",
        "acceptable_settings", "urgency", "needed_by", "status",
        "essential_mask", "important_mask", "desirable_mask", "settings_mask", "birth_day", "needed_day",
        "verbatim_lists", "home_latitude", "home_longitude", "home_authority", "home_precision",
    ]
    /// v12: what the checks against a home's current residents read (risks to others as a mask, the
    /// living-companions preference, associates to avoid as a JSON list of child ids).
    static let v12Columns = ["risk_to_others_mask", "living_companions", "associates_to_avoid"]
    static let written = v4Written + v12Columns

    /// `verbatim_lists` flags: the JSON must be read for these columns.
    static let needsVerbatim: Int64 = 1, settingsVerbatim: Int64 = 2, avoidAuthoritiesVerbatim: Int64 = 4, avoidAreasVerbatim: Int64 = 8

    static func arguments(_ c: Child, home: GeoLocation?, bits: NeedBits) throws -> [(any DatabaseValueConvertible)?] {
        try v4Arguments(c, home: home, bits: bits)
            + [EnumBits.mask(c.riskToOthers), c.livingCompanions?.rawValue, try JSONColumn.strings(c.associatesToAvoid)]
    }

    static func v4Arguments(_ c: Child, home: GeoLocation?, bits: NeedBits) throws -> [(any DatabaseValueConvertible)?] {
        let neededBy: Day? = if case .neededBy(let day) = c.urgency { day } else { nil }
        let masks = NeedMasks(essential: bits.mask(c.needs(at: .essential)), important: bits.mask(c.needs(at: .important)),
                              desirable: bits.mask(c.needs(at: .desirable)))
        let settings = EnumBits.mask(c.acceptableSettings)
        let verbatim = (canonicalNeeds(masks, bits: bits) == c.needs ? 0 : needsVerbatim)
            | (EnumBits.values(settings, as: Setting.self) == c.acceptableSettings ? 0 : settingsVerbatim)
            | (c.safeguarding.avoidAuthorities.isEmpty ? 0 : avoidAuthoritiesVerbatim)
            | (c.safeguarding.avoidAreas.isEmpty ? 0 : avoidAreasVerbatim)
        return [
            c.id, c.givenName, c.familyName, c.dateOfBirth.iso, c.gender.rawValue, c.homePostcode, c.placingAuthority,
            c.schoolPostcode, c.firstLanguage.rawValue, c.welshPlacement?.rawValue, c.legalStatus.rawValue,
            try JSONColumn.text(c.needs), c.siblingGroup?.groupID, c.siblingGroup?.mustBePlacedTogether,
            try JSONColumn.strings(c.safeguarding.avoidAuthorities), try JSONColumn.text(c.safeguarding.avoidAreas),
            c.safeguarding.minimumMilesFromHome, try JSONColumn.strings(c.acceptableSettings.map(\.rawValue)),
            neededBy == nil ? "emergency" : "needed_by", neededBy?.iso, c.status.rawValue,
            masks.essential, masks.important, masks.desirable, settings, c.dateOfBirth.daysSinceEpoch, neededBy?.daysSinceEpoch,
            verbatim,
        ] + LocationColumns.arguments(home)
    }

    static let read = [
        "id", "given_name", "family_name", "birth_day", "gender", "home_postcode", "placing_authority",
        "school_postcode", "first_language", "welsh_placement", "legal_status", "essential_mask", "important_mask",
        "desirable_mask", "needs", "sibling_group_id", "sibling_must_be_together", "avoid_authorities", "avoid_areas",
        "minimum_miles_from_home", "settings_mask", "acceptable_settings", "urgency", "needed_day", "status", "version",
        "verbatim_lists", "home_latitude", "home_longitude", "home_authority", "home_precision",
        "risk_to_others_mask", "living_companions", "associates_to_avoid",
    ]
    static let select = "SELECT \(read.joined(separator: ", ")) FROM children"

    struct NeedMasks: Hashable { var essential, important, desirable: Int64 }

    /// The needs the masks stand for, by bit, each code at its level.
    static func canonicalNeeds(_ masks: NeedMasks, bits: NeedBits) -> [NeedRequirement] {
        bits.codes(masks.essential | masks.important | masks.desirable).map { code in
            let bit = bits.mask([code])
            let level: NeedLevel = masks.essential & bit != 0 ? .essential : masks.important & bit != 0 ? .important : .desirable
            return NeedRequirement(code: code, level: level)
        }
    }

    final class Decoder {
        let needs: MaskedList<NeedMasks, [NeedRequirement]>
        let settings = MaskedList<Int64, [Setting]>(canonical: { EnumBits.values($0, as: Setting.self) })
        /// No mask: empty unless flagged; a flagged list is parsed once per distinct text.
        let avoidAuthorities = MaskedList<Int64, [String]>(canonical: { _ in [] })
        let avoidAreas = MaskedList<Int64, [AvoidArea]>(canonical: { _ in [] })
        init(bits: NeedBits) {
            needs = MaskedList(canonical: { ChildRow.canonicalNeeds($0, bits: bits) })
        }

        func decode(_ row: Row) throws -> (child: Child, version: Int, home: GeoLocation?) {
            let r = ColumnReader(row: row, table: table, columns: read)
            let urgency: Urgency
            switch try r.value(22, as: String.self) {
            case "emergency": urgency = .emergency
            case "needed_by": urgency = .neededBy(try r.day(23))
            default: throw r.unreadable(22)
            }
            var siblings: SiblingGroup?
            if let groupID: String = try r.optional(15) {
                siblings = SiblingGroup(groupID: groupID, mustBePlacedTogether: try r.value(16))
            }
            let masks = NeedMasks(essential: try r.value(11), important: try r.value(12), desirable: try r.value(13))
            let verbatim: Int64 = try r.value(26)
            func flag(_ f: Int64) -> Bool { verbatim & f != 0 }
            let child = Child(
                id: try r.value(0), givenName: try r.value(1), familyName: try r.value(2), dateOfBirth: try r.day(3),
                gender: try r.code(4), homePostcode: try r.value(5), placingAuthority: try r.value(6),
                schoolPostcode: try r.optional(7), firstLanguage: try r.code(8), welshPlacement: try r.optionalCode(9),
                legalStatus: try r.code(10),
                needs: try needs.value(masks, verbatim: flag(needsVerbatim), row: row, index: 14, table: table, column: read[14]),
                siblingGroup: siblings,
                safeguarding: SafeguardingConstraints(
                    avoidAuthorities: try avoidAuthorities.value(0, verbatim: flag(avoidAuthoritiesVerbatim),
                                                                 row: row, index: 17, table: table, column: read[17]),
                    avoidAreas: try avoidAreas.value(0, verbatim: flag(avoidAreasVerbatim),
                                                     row: row, index: 18, table: table, column: read[18]),
                    minimumMilesFromHome: try r.optional(19)),
                acceptableSettings: try settings.value(try r.value(20), verbatim: flag(settingsVerbatim),
                                                      row: row, index: 21, table: table, column: read[21]),
                urgency: urgency, status: try r.code(24),
                riskToOthers: EnumBits.values(try r.value(31)), livingCompanions: try r.optionalCode(32),
                associatesToAvoid: try associates(r, 33))
            return (child, try r.value(25), try r.location(latitude: 27))
        }

        /// Most children have none: "[]" is not parsed.
        private func associates(_ r: ColumnReader, _ i: Int) throws -> [String] {
            let text: String = try r.value(i)
            guard text != "[]" else { return [] }
            do { return try JSONColumn.decoder.decode([String].self, from: Data(text.utf8)) } catch { throw r.unreadable(i) }
        }
    }
}
