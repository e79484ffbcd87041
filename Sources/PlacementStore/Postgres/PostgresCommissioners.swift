import Foundation

/// PostgreSQL-only step "pg15": a commissioner opens the dashboard on the shared market (issue 12).
///
/// Commissioners read counts for their board or Wales (PostgresPrivacy.swift) and never a child's record. The
/// dashboard also shows them what every authority shares: providers, vacancies (through the masked market
/// view, PostgresMarket.swift) and the notices that name no child. So they may read `providers`, `postcodes`,
/// `need_catalogue`, `settings` and the change counters, the masked view, and vacancy notices through
/// `placefinder_market_notices()` (runs as its owner; `notices` itself keeps row-level security that reads
/// `children`, which a commissioner may not). `children`, `placements`, `contacts`, `audit_log` stay closed.
///
/// A commissioner places for no authority: `placefinder_authority()` answers NULL for them, so every mask of
/// the market view hides every hold's child, kinship children and other officers' names from them, whatever
/// code their cover was given with (an authority's code names its board).
enum PostgresCommissioners {
    static let identifier = "pg15"
    static let notices = "placefinder_market_notices()"

    /// What `server init` grants (after the roles exist) and pg15 grants on a server made before it.
    static let grants = """
        GRANT SELECT ON providers, postcodes, need_catalogue, settings, table_versions TO placefinder_commissioner;
        GRANT EXECUTE ON FUNCTION \(notices) TO placefinder_commissioner;
        """

    /// The authority a login's row-level security follows: the one it places for; none for a commissioner.
    static let authorityFunction = """
        CREATE OR REPLACE FUNCTION placefinder_authority() RETURNS TEXT LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public AS $f$
            SELECT authority FROM officer_authorities
            WHERE role = session_user AND NOT pg_has_role(session_user, 'placefinder_commissioner', 'MEMBER') $f$;
        """

    static func sql() -> String {
        """
        CREATE FUNCTION \(notices) RETURNS SETOF notices LANGUAGE sql STABLE SECURITY DEFINER
            SET search_path = public, pg_temp AS $$ SELECT * FROM notices WHERE child_id IS NULL $$;
        REVOKE EXECUTE ON FUNCTION \(notices) FROM PUBLIC;
        -- A server made before pg15 (its roles and officer_authorities exist): what server init now makes.
        DO $$ BEGIN
            IF to_regclass('public.officer_authorities') IS NOT NULL THEN
                \(authorityFunction)
                \(grants)
            END IF;
        END $$;
        """
    }
}
