import Foundation
import GRDB
import PlacementCore

/// Whom "changed by … — reload" names on a regional store: a colleague of the reader's own authority by
/// name, anyone else only by their authority (officers of one authority are not named to another).
public enum ChangeAuthor {
    /// `officer` when they place for `readerAuthority`, or when their authority is unknown (a store without
    /// roles, a row stamped before pg11); otherwise the name of `officerAuthority`.
    public static func shown(officer: String?, officerAuthority: String?, readerAuthority: String?,
                             geography: Geography = .wales) -> String? {
        guard officer != nil, let officerAuthority, officerAuthority != readerAuthority else { return officer }
        return geography.authority(code: officerAuthority)?.name ?? officerAuthority
    }
}

extension PostgresStore {
    /// A record's stamp as the connected login may be told it: `updated_authority` (pg11) against the
    /// login's own authority decides whether `updatedBy` is the officer or their authority.
    static func stamp(of table: StampedTable, id: String, in tx: PostgresTransaction) throws -> RecordStamp? {
        let sql = """
            SELECT version, updated_by, updated_at, updated_authority,
                   placefinder_login_authority(session_user::TEXT) AS reader_authority
            FROM \(table.rawValue) WHERE id = $1
            """
        guard let row = try tx.rows(sql, [id]).first else { return nil }
        var stamp = try PlacementDatabase.stamp(from: row, table: table)
        stamp.updatedBy = ChangeAuthor.shown(officer: stamp.updatedBy, officerAuthority: row["updated_authority"],
                                             readerAuthority: row["reader_authority"])
        return stamp
    }
}
