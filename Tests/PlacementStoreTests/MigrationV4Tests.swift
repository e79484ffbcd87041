import Foundation
import GRDB
import PlacementCore
import Testing
@testable import PlacementStore

/// A store written by a v3 Placefinder (lists as JSON, days as text, nothing located) opens, migrates to v4 and
/// reads back the same records, with masks, days, locations and id counters filled.
@Suite struct MigrationV4Tests {
    @Test func aV3StoreMigratesAndKeepsWorking() throws {
        let folder = try TempFolder()
        let path = folder.file("old.sqlite")
        let batch = Fixtures.fullBatch()
        var provider = Fixtures.provider()
        provider.capabilities = ["WEL", "AUT", "TRM"]     // not in catalogue order: must come back as stored
        try LegacyStore.write(path: path, batch: batch, provider: provider,
                              extraNotices: ["N0041", "N7-old"])

        let store = try PlacementDatabase(path: path, create: true)
        #expect(try store.appliedMigrations() == ["v1", "v2", "v3", "v4", "v5", "v6", "v7", "v8", "v9", "v10", "v11", "v12", "v13"])
        #expect(try store.providers() == [provider])
        #expect(try store.children() == batch.children)
        #expect(try store.vacancies() == batch.vacancies)
        #expect(try store.placements() == batch.placements)
        #expect(try store.notices().map(\.id).sorted() == ["N0041", "N1", "N7-old"])

        let (mask, bedAuthority, precision, essential, birthDay) = try store.pool.read { db in
            (try Int64.fetchOne(db, sql: "SELECT capability_mask FROM providers")!,
             try String.fetchOne(db, sql: "SELECT located_authority FROM vacancies WHERE id = 'V1'"),
             try String.fetchOne(db, sql: "SELECT location_precision FROM providers WHERE id = 'P1'"),
             try Int64.fetchOne(db, sql: "SELECT essential_mask FROM children WHERE id = 'C1'")!,
             try Int.fetchOne(db, sql: "SELECT birth_day FROM children WHERE id = 'C1'")!)
        }
        let bits = try store.pool.read { db in try NeedBits.load(db) }
        #expect(Set(bits.codes(mask)) == ["WEL", "AUT", "TRM"])
        #expect(bits.codes(essential) == ["AUT"])
        #expect(birthDay == Fixtures.day("2011-02-28").daysSinceEpoch)
        #expect(precision == "postcode")            // CF10 1AA is in the directory the old store held
        #expect(bedAuthority == "W06000015")        // CF11 is a Cardiff district

        // The workflow carries on from the highest id the old store held.
        let effects = try store.logNotice(NoticeDraft(providerID: "P1", kind: .vacancyFilled, receivedAt: Fixtures.time(0), vacancyID: "V1"),
                                          officer: "alice", now: Fixtures.time(10))
        #expect(effects.notice.id == "N0042")
        #expect(try store.integrityCheck() == ["ok"])
    }

    @Test func needBitsComeFromTheCatalogueTable() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        let rows = try store.pool.read { db in try Row.fetchAll(db, sql: "SELECT code, bit FROM need_catalogue ORDER BY bit") }
        #expect(rows.map { $0[0] as String } == NeedCatalogue.standard.definitions.map(\.code))
        #expect(rows.map { $0[1] as Int } == Array(NeedCatalogue.standard.definitions.indices))
        // Moving a code's bit in the table moves what masks mean: the table, not the build, is the source.
        try store.pool.write { db in
            try db.execute(sql: "UPDATE need_catalogue SET bit = 63 WHERE code = 'AUT'")
        }
        let bits = try store.pool.read { db in try NeedBits.load(db) }
        #expect(bits.mask(["AUT"]) == Int64(bitPattern: 1 << 63))
        #expect(bits.codes(1) == [])
    }
}

/// Writes a store as Placefinder v3 did: schema up to v3, rows in that schema's text forms.
enum LegacyStore {
    static func write(path: String, batch: RecordBatch, provider: Provider, extraNotices: [String]) throws {
        let queue = try DatabaseQueue(path: path)
        try Schema.migrator.migrate(queue, upTo: "v3")
        try queue.write { db in
            func json(_ value: some Encodable) throws -> String { try JSONColumn.text(value) }
            for p in [provider] {
                try db.execute(sql: """
                    INSERT INTO providers (id, name, sector, profit_status, regulator, registration_number, service_type, postcode,
                        authority_code, welsh_language, capabilities, contact_name, contact_phone, contact_email)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [p.id, p.name, p.sector.rawValue, p.profitStatus.rawValue, p.regulator.rawValue, p.registrationNumber,
                                     p.serviceType.rawValue, p.postcode, p.authorityCode, p.welshLanguage.rawValue, try json(p.capabilities),
                                     p.contact.name, p.contact.phone, p.contact.email])
            }
            for c in batch.children {
                let neededBy: String? = if case .neededBy(let d) = c.urgency { d.iso } else { nil }
                try db.execute(sql: """
                    INSERT INTO children (id, given_name, family_name, date_of_birth, gender, home_postcode, placing_authority,
                        school_postcode, first_language, welsh_placement, legal_status, needs, sibling_group_id, sibling_must_be_together,
                        avoid_authorities, avoid_areas, minimum_miles_from_home, acceptable_settings, urgency, needed_by, status)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: StatementArguments([
                        c.id, c.givenName, c.familyName, c.dateOfBirth.iso, c.gender.rawValue, c.homePostcode, c.placingAuthority,
                        c.schoolPostcode, c.firstLanguage.rawValue, c.welshPlacement?.rawValue, c.legalStatus.rawValue, try json(c.needs),
                        c.siblingGroup?.groupID, c.siblingGroup?.mustBePlacedTogether, try json(c.safeguarding.avoidAuthorities),
                        try json(c.safeguarding.avoidAreas), c.safeguarding.minimumMilesFromHome, try json(c.acceptableSettings),
                        neededBy == nil ? "emergency" : "needed_by", neededBy, c.status.rawValue,
                    ] as [(any DatabaseValueConvertible)?]))
            }
            for v in batch.vacancies {
                try db.execute(sql: """
                    INSERT INTO vacancies (id, provider_id, setting, postcode, beds, age_min, age_max, genders_accepted, max_sibling_group,
                        extra_capabilities, available_from, takes_emergencies, weekly_fee, last_confirmed_at, status, hold_child_id,
                        hold_officer, hold_expires_at, connected_children)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: StatementArguments([
                        v.id, v.providerID, v.setting.rawValue, v.postcode, v.beds, v.ageRange.lowerBound, v.ageRange.upperBound,
                        try json(v.gendersAccepted.map(\.rawValue).sorted()), v.maxSiblingGroup, try json(v.extraCapabilities),
                        v.availableFrom.iso, v.takesEmergencies, v.weeklyFee, v.lastConfirmedAt, v.status.rawValue, v.hold?.childID,
                        v.hold?.officer, v.hold?.expiresAt, try json(v.connectedChildIDs),
                    ] as [(any DatabaseValueConvertible)?]))
            }
            for p in batch.placements {
                try db.execute(sql: """
                    INSERT INTO placements (id, child_id, provider_id, vacancy_id, start, planned_end, actual_end, end_reason,
                        notice_hours, ending, placement_type, locality_tier, miles_from_home)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: StatementArguments([
                        p.id, p.childID, p.providerID, p.vacancyID, p.start.iso, p.plannedEnd?.iso, p.actualEnd?.iso,
                        p.endReason?.rawValue, p.noticeHours, p.ending?.rawValue, p.placementType.rawValue, p.localityTier, p.milesFromHome,
                    ] as [(any DatabaseValueConvertible)?]))
            }
            for n in batch.notices.map(\.id) + extraNotices {
                try db.execute(sql: "INSERT INTO notices (id, received_at, logged_by, provider_id, kind) VALUES (?, ?, 'x', 'P1', 'vacancy_filled')",
                               arguments: [n, Fixtures.time(0)])
            }
            for p in batch.postcodes {
                try db.execute(sql: "INSERT INTO postcodes (postcode, latitude, longitude, authority_code) VALUES (?, ?, ?, ?)",
                               arguments: [p.postcode, p.latitude, p.longitude, p.authorityCode])
            }
        }
        try queue.close()
    }
}

extension LegacyStore {
    /// Writes `batch` (no placements) as a store before v10 held it: providers and vacancies without the v10
    /// columns, located and masked as today.
    static func insertBeforeV10(_ batch: RecordBatch, in db: Database) throws {
        let bits = try NeedBits.load(db)
        var locator = try RecordLocator(postcodes: try RecordLocator.postcodes(of: batch, in: db), providers: batch.providers, in: db)
        for p in batch.providers {
            let values = try ProviderRow.arguments(p, location: locator.provider(p), bits: bits)
            try RowWriter.insert(ProviderRow.table, ProviderRow.v4Written, Array(values.prefix(ProviderRow.v4Written.count)), in: db)
        }
        for c in batch.children { try RowWriter.insert(ChildRow.table, ChildRow.v4Written, ChildRow.v4Arguments(c, home: locator.home(c), bits: bits), in: db) }
        for v in batch.vacancies {
            let values = try VacancyRow.arguments(v, location: try locator.bed(v, in: db), bits: bits)
            try RowWriter.insert(VacancyRow.table, VacancyRow.v4Written, Array(values.prefix(VacancyRow.v4Written.count)), in: db)
        }
        for n in batch.notices { try PlacementDatabase.insertNotice(n, in: db) }
        for c in batch.contacts { try PlacementDatabase.insertContact(c, in: db) }
    }
}
