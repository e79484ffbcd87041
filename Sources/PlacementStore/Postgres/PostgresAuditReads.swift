import Foundation
import GRDB

/// Reading the audit trail on a regional server, beside the append (PostgresWrites.swift). The listing itself
/// is `auditEntries`, under row-level security: an officer or manager reads their authority's entries
/// (PostgresPrivacy.swift), the administrator all of them; a commissioner none.
extension PostgresStore {
    /// The true last entry, whoever may read it: `placefinder_audit_tail()` (pg12) gives its id and hash,
    /// never its contents, to every login, as it does to every appender.
    public func auditHead() throws -> AuditHead? {
        try read { tx in
            guard let row = try tx.rows("SELECT id, hash FROM placefinder_audit_tail()").first else { return nil }
            return AuditHead(entryID: row[0], hash: row[1])
        }
    }

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
