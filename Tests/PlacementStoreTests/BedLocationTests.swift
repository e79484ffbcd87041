import Foundation
import GRDB
import PlacementCore
import Testing
@testable import PlacementStore

/// A bed with no postcode of its own is at its provider's. Imported after the provider (vacancies.csv after
/// providers.csv, as an officer does), it must be located as exactly as `place` locates it; it used to be put
/// at its district's centre, so the ranking offered a bed inside a child's avoid-area that `place` refused.
@Suite struct BedLocationTests {
    @Test func aBedImportedAfterItsProviderIsAtTheProvidersPostcode() throws {
        let folder = try TempFolder()
        let store = try PlacementDatabase(path: folder.file("s.sqlite"), create: true)
        try store.insert(RecordBatch(postcodes: [Fixtures.postcode()]))
        try store.insert(RecordBatch(providers: [Fixtures.provider()]))
        var bed = Fixtures.vacancy()
        bed.postcode = nil
        try store.insert(RecordBatch(vacancies: [bed]))

        let (precision, latitude, longitude) = try store.pool.read { db in
            let row = try Row.fetchOne(db, sql: "SELECT location_precision, latitude, longitude FROM vacancies WHERE id = 'V1'")!
            return (row[0] as String, row[1] as Double, row[2] as Double)
        }
        #expect(precision == "postcode")
        #expect(latitude == Fixtures.postcode().latitude && longitude == Fixtures.postcode().longitude)
    }
}
