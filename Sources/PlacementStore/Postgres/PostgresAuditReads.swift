import Foundation
import GRDB

/// Reading the audit trail on a regional server, beside the append (PostgresWrites.swift) and the head and
/// check of every authority's chain (PostgresChecks.swift). The listing itself
/// is `auditEntries`, under row-level security: an officer or manager reads their authority's entries
/// (PostgresPrivacy.swift), the administrator all of them; a commissioner none.
extension PostgresStore {
    /// An account on this host, a database login, or a name the trail this login reads already holds.
    public func isKnownOfficer(_ name: String) throws -> Bool {
        if getpwnam(name) != nil { return true }
        return try read { tx in
            try tx.one(Bool.self, """
                SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1 AND rolcanlogin)
                    OR EXISTS (SELECT 1 FROM audit_log WHERE os_user = $1)
                """, [name]) ?? false
        }
    }
}
