import Foundation
import PlacementCore

/// PostgreSQL-only step "pg13": the children of OTHER authorities living in a home, for the checks against a
/// home's current residents (issue 15 §2). Row-level security shows an officer only their own authority's
/// children and placements, yet a Cardiff child joining a Swansea home joins whoever lives there.
///
/// `placefinder_residents_elsewhere(provider_ids)` runs with its owner's rights (exempt from row-level
/// security) and returns, for the placements open today at the providers asked about whose child another
/// authority places, only what the checks read: the provider, the bed's postcode (a foster household's, from
/// the shared vacancy), the age in whole years today (as `Day.age(on:)` counts it), gender, and the risk
/// codes (`RiskToOthers` raw values, comma-separated) the child poses to others and is at. No child id,
/// name, authority, birth date or placement date. The caller's own authority's children are left out: the
/// caller reads them, with ids for the associates rule, through row-level security (`ResidentsQuery`).
/// "Today" is the server's (Welsh calendar), never the caller's: a day chosen by the caller, stepped one at a
/// time, would show the day a child's age turns over (their birthday) and the day a placement began.
///
/// EXECUTE goes to officers, managers and the administrator only (PUBLIC's default is revoked): commissioners
/// see aggregates and never a child's record. The search path is pinned, `pg_temp` last, so no object a
/// caller creates can stand in for a table.
enum PostgresSchemaPG13 {
    static let identifier = "pg13"
    static let function = "placefinder_residents_elsewhere"
    static let signature = "\(function)(TEXT[])"
    /// The function's columns, in order: the whole of what it tells about a child.
    static let columns = ["provider_id", "bed_postcode", "age_years", "gender", "risk_to_others", "at_risk_of"]

    static func sql() -> String {
        """
        CREATE FUNCTION \(function)(provider_ids TEXT[])
            RETURNS TABLE (provider_id TEXT, bed_postcode TEXT, age_years BIGINT, gender TEXT, risk_to_others TEXT, at_risk_of TEXT)
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
            WITH today AS (SELECT (now() AT TIME ZONE 'Europe/London')::DATE AS asked),
            here AS (
                SELECT p.provider_id, v.postcode, c.gender, c.risk_to_others_mask AS poses,
                       c.essential_mask | c.important_mask | c.desirable_mask AS needs,
                       DATE '1970-01-01' + c.birth_day::INTEGER AS born, today.asked
                FROM today, placements p
                JOIN children c ON c.id = p.child_id
                LEFT JOIN vacancies v ON v.id = p.vacancy_id
                WHERE p.provider_id = ANY (provider_ids)
                  AND p.actual_end_day IS NULL AND p.undone_at IS NULL AND p.start_day <= today.asked - DATE '1970-01-01'
                  AND c.placing_authority IS DISTINCT FROM placefinder_login_authority(session_user::TEXT)
            )
            SELECT provider_id, postcode,
                   (extract(year FROM asked) - extract(year FROM born)
                    - CASE WHEN (extract(month FROM asked), extract(day FROM asked)) < (extract(month FROM born), extract(day FROM born))
                           THEN 1 ELSE 0 END)::BIGINT,
                   gender,
                   concat_ws(',', \(poses)),
                   concat_ws(',', \(atRisk))
            FROM here
            ORDER BY 1, 2, 3, 4, 5, 6
            $$;
        REVOKE EXECUTE ON FUNCTION \(signature) FROM PUBLIC;
        -- Where the group roles exist already (made for another database of the server). Server init grants it too.
        DO $$ BEGIN
            IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'placefinder_officer') THEN
                GRANT EXECUTE ON FUNCTION \(signature) TO \(grantees);
            END IF;
        END $$;
        """
    }

    /// The server's today as days since 1970, the day the function's ages are on.
    static let todaySQL = "SELECT (now() AT TIME ZONE 'Europe/London')::DATE - DATE '1970-01-01'"

    static let grantees = "\(PostgresRoles.writers), placefinder_admin"

    /// One CASE per risk, in `RiskToOthers` order: the code when its bit of `poses` is set.
    private static var poses: String {
        RiskToOthers.allCases.enumerated().map { i, risk in
            "CASE WHEN poses & \(1 << i) <> 0 THEN '\(risk.rawValue)' END"
        }.joined(separator: ", ")
    }

    /// One CASE per risk: the code when the child has its at-risk need (CSE, CCE) at any level.
    private static var atRisk: String {
        RiskToOthers.allCases.map { risk in
            "CASE WHEN needs & COALESCE((SELECT 1::BIGINT << n.bit::INTEGER FROM need_catalogue n WHERE n.code = '\(risk.atRiskNeed)'), 0) <> 0 THEN '\(risk.rawValue)' END"
        }.joined(separator: ", ")
    }
}
