import Foundation
import PlacementCore

/// `placefinder demo --store postgresql://…`: the demo world on a regional server, an officer login per
/// Welsh authority, and the way back to an empty database for the next demo.
extension PostgresStore {
    /// The demo's login for an authority: `demo_` and its English name in lower case (`demo_vale_of_glamorgan`).
    public static func demoOfficerName(for authority: Authority) -> String {
        let words = authority.name.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return "demo_" + words.joined(separator: "_")
    }

    /// One officer login per authority through `addOfficer`; a login an earlier demo left on the server
    /// (roles outlive databases) is given its group and authority again in this database instead.
    public func addDemoOfficers(for authorities: [Authority], by user: String) throws {
        for authority in authorities {
            let name = Self.demoOfficerName(for: authority)
            let exists = try read { tx in try tx.one(Bool.self, "SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)", [name]) } ?? false
            guard exists else {
                try addOfficer(name, authority: authority.code, role: .officer)
                continue
            }
            guard PostgresRoles.isPlainName(name) else { continue }
            try write { tx in
                try tx.execute("GRANT \(OfficerRole.officer.group) TO \(name)")
                try tx.execute("INSERT INTO officer_authorities (role, authority) VALUES ($1, $2)", [name, authority.code])
                try Self.append(AuditEntry(user: user, action: "officer.add", recordType: "officer", recordID: name,
                                           detail: "role officer; authority \(authority.code)"), in: tx)
            }
        }
    }

    /// Empties a database that holds a demo store (the caller checked its demo marker): every table, function
    /// and policy goes with the schema; a new, empty `public` schema takes its place. Needs the database's owner.
    public func dropDemoSchema() throws {
        try write { tx in
            try tx.execute("DROP SCHEMA public CASCADE")
            try tx.execute("CREATE SCHEMA public")
            try tx.execute("GRANT USAGE ON SCHEMA public TO PUBLIC")
        }
    }
}
