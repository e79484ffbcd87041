import Foundation
import GRDB
import PlacementCore
import Testing
@testable import PlacementStore

@Suite struct StoreRoundTripTests {
    @Test(arguments: Backend.configured) func everyRecordTypeRoundTripsExactly(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try backend.freshStore(in: folder)
        let batch = Fixtures.fullBatch()
        try store.insert(batch)

        #expect(try store.providers() == batch.providers)
        #expect(try store.vacancies() == batch.vacancies)
        #expect(try store.children() == batch.children)
        #expect(try store.child(id: "C1") == Fixtures.child())
        #expect(try store.child(id: "C2") == Fixtures.plainChild())
        #expect(try store.child(id: "nobody") == nil)
        #expect(try store.placements() == batch.placements)
        #expect(try store.placements(childID: "C1") == batch.placements)
        #expect(try store.placements(childID: "C2") == [])
        #expect(try store.notices() == batch.notices)
        #expect(try store.contacts(childID: "C1") == batch.contacts)
        #expect(try store.contacts() == batch.contacts)
        if let db = store as? PlacementDatabase {
            #expect(try db.postcode("CF10 1AA") == Fixtures.postcode())
            #expect(try db.postcode("CF10 1AB") == nil)
        }
    }

    @Test(arguments: Backend.configured) func optionalFieldsLeftEmptyRoundTrip(_ backend: Backend) throws {
        let folder = try TempFolder()
        let store = try backend.freshStore(in: folder)
        let provider = Provider(id: "P9", name: "Council fostering", sector: .localAuthority,
                                registrationNumber: "", serviceType: .localAuthorityFostering,
                                postcode: "LL55 1AA", authorityCode: "W06000002")
        let vacancy = Vacancy(id: "V9", providerID: "P9", setting: .foster, beds: 1, ageRange: 0...0,
                              availableFrom: Fixtures.day("2025-02-28"), weeklyFee: 0, lastConfirmedAt: Fixtures.time(0))
        let placement = Placement(id: "PL9", childID: "C2", providerID: "P9", start: Fixtures.day("2024-02-29"),
                                  placementType: .U4, localityTier: 0, milesFromHome: 0)
        let notice = ProviderNotice(id: "N9", receivedAt: Fixtures.time(1), loggedBy: "o", providerID: "P9",
                                    kind: .vacancyOpened)
        let contact = Contact(id: "K9", childID: "C2", providerID: "P9", at: Fixtures.time(2), outcome: .noAnswer, by: "o")
        try store.insert(RecordBatch(providers: [provider], vacancies: [vacancy], children: [Fixtures.plainChild()],
                                     placements: [placement], notices: [notice], contacts: [contact]))
        #expect(try store.providers() == [provider])
        #expect(try store.vacancies() == [vacancy])
        #expect(try store.placements(childID: "C2") == [placement])
        #expect(try store.notices() == [notice])
        #expect(try store.contacts(childID: "C2") == [contact])
    }

    @Test func listsAreStoredAsJSONAndDaysAsISOText() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insert(Fixtures.fullBatch())
        let row = try store.pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM children WHERE id = 'C1'")! }
        #expect(row["date_of_birth"] as String == "2011-02-28")
        #expect(row["needed_by"] as String == "2025-08-15")
        #expect(row["acceptable_settings"] as String == #"["foster","residential"]"#)
        #expect(row["needs"] as String == #"[{"code":"AUT","level":"essential"},{"code":"EDU","level":"desirable"}]"#)
        let genders = try store.pool.read { db in try String.fetchOne(db, sql: "SELECT genders_accepted FROM vacancies WHERE id = 'V1'") }
        #expect(genders == #"["female","other"]"#)
    }

    @Test func aBatchWithOneBadRowChangesNothing() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insert(RecordBatch(providers: [Fixtures.provider()], children: [Fixtures.child()]))
        let before = try store.counts()

        var bad = RecordBatch(providers: [Fixtures.provider("P2")], vacancies: [Fixtures.vacancy("V5", provider: "P2"),
                                                                            Fixtures.vacancy("V6", provider: "missing")],
                              children: [Fixtures.plainChild()], postcodes: [Fixtures.postcode()])
        #expect(throws: StoreError.missingReference) {
            try store.insert(bad, audit: AuditEntry(user: "officer1", action: "import", recordType: "batch"))
        }
        #expect(try store.counts() == before)
        #expect(try store.auditEntries().isEmpty)

        bad = RecordBatch(children: [Fixtures.plainChild("C9"), Fixtures.child("C1")])   // C1 already stored
        #expect(throws: StoreError.duplicate) { try store.insert(bad) }
        #expect(try store.counts() == before)
        #expect(try store.child(id: "C9") == nil)
    }

    @Test func batchAuditEntryIsWrittenWithTheRows() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insert(Fixtures.fullBatch(),
                         audit: AuditEntry(user: "officer1", action: "import", recordType: "batch", detail: "7 kinds"))
        let entries = try store.auditEntries(user: "officer1")
        #expect(entries.count == 1)
        #expect(entries.first?.action == "import")
    }

    @Test func countsAndOpenVacancySummary() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        var batch = Fixtures.fullBatch()
        batch.providers.append(Fixtures.provider("P2", authority: "W06000011"))
        var foster = Fixtures.vacancy("V3", provider: "P2")
        foster.setting = .foster
        foster.postcode = nil
        var elsewhere = Fixtures.vacancy("V4", provider: "P2")
        elsewhere.postcode = "CF10 1AA"   // a household in Cardiff, agency in Swansea
        batch.vacancies += [foster, elsewhere]
        try store.insert(batch)

        #expect(try store.counts() == StoreCounts(children: 2, providers: 2, openVacancies: 3, placements: 1, postcodes: 1))
        let summary = try store.openVacancyCounts().map { "\($0.authorityCode) \($0.setting.rawValue) \($0.count)" }
        #expect(summary == ["W06000011 foster 1", "W06000015 residential 2"])
    }

    @Test func settingsSetReplaceAndRemove() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        #expect(try store.setting(StoreSettingKey.officerAuthority) == nil)
        try store.setSetting(StoreSettingKey.officerAuthority, "W06000015")
        try store.setSetting(StoreSettingKey.officerAuthority, "W06000011")
        #expect(try store.setting(StoreSettingKey.officerAuthority) == "W06000011")
        try store.setSetting(StoreSettingKey.officerAuthority, nil)
        #expect(try store.setting(StoreSettingKey.officerAuthority) == nil)
    }

    @Test func postcodesReplaceOnReload() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insertPostcodes([Fixtures.postcode(), Fixtures.postcode("SA1 1AA")])
        var moved = Fixtures.postcode()
        moved.authorityCode = "W06000014"
        #expect(try store.insertPostcodes([moved]) == 1)
        #expect(try store.postcodeCount() == 2)
        #expect(try store.postcode("CF10 1AA") == moved)
    }

    @Test func aDamagedValueGivesOneLineWithoutContents() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insert(RecordBatch(children: [Fixtures.child()]))
        // A list the masks cannot give back (verbatim_lists = 1) is read from its JSON text.
        try store.pool.write { db in try db.execute(sql: "UPDATE children SET needs = '{broken', verbatim_lists = 1 WHERE id = 'C1'") }
        #expect(throws: StoreError.unreadableValue(table: "children", column: "needs")) { try store.children() }
        try store.pool.write { db in try db.execute(sql: "UPDATE children SET verbatim_lists = 0, gender = 'Llŷr' WHERE id = 'C1'") }
        #expect(throws: StoreError.unreadableValue(table: "children", column: "gender")) { try store.children() }
    }
}
