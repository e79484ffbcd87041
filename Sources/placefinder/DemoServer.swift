import Foundation
import PlacementCore
import PlacementDemo
import PlacementStore

/// `placefinder demo --store postgresql://…`: the demo world in a PostgreSQL database, set up as `server init`
/// does (roles, row-level security), with one officer login per Welsh authority (`demo_cardiff`, …).
extension Demo {
    /// Builds the demo in the database at `url` (empty, or holding an earlier demo, which is replaced).
    static func writeToServer(_ data: DemoDataset, seed: UInt64, url: String) throws -> PostgresStore {
        try removeOldServerDemo(at: url)
        let postcodes = try ShippedPostcodeFile.rows()
        let store = try PostgresStore.initServer(url: url, defaultUser: OfficerIdentity.account())
        var batch = RecordBatch(data)
        batch.postcodes = postcodes
        try store.insert(batch, audit: AuditEntry(user: Session.officer, action: "demo", recordType: "store", recordID: nil,
                                                  detail: "seed \(seed)"))
        try store.setSetting(demoMarker, "true")
        try store.setSetting(StoreSettingKey.officerAuthority, "W06000015")
        try store.addDemoOfficers(for: Geography.wales.welshAuthorities, by: Session.officer)
        return store
    }

    /// An earlier demo in that database is removed; a database holding any other store is refused.
    static func removeOldServerDemo(at url: String) throws {
        let existing: PostgresStore?
        do {
            existing = try PostgresStore.open(url: url, defaultUser: OfficerIdentity.account())
        } catch StoreError.missingStore {
            return
        }
        guard let existing else { return }
        defer { try? existing.close() }
        guard try existing.setting(demoMarker) == "true" else {
            throw UserError(.cliDemoServerNotADemo, ["server": existing.location.display])
        }
        try existing.dropDemoSchema()
    }

    /// The logins the demo made, one line each, for the officer to open the dashboard as one of them.
    static func serverLines(_ store: PostgresStore) -> [String] {
        Geography.wales.welshAuthorities.map { authority in
            var location = store.location
            location.user = PostgresStore.demoOfficerName(for: authority)
            let name = CommandLineLanguage.current == .cy ? authority.welshName ?? authority.name : authority.name
            return "\(name): \(location.display)"
        }
    }
}
