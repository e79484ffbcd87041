import Foundation
import PlacementCore

/// The regional server's privacy rules beyond "a child's rows stay with its authority" (PostgresRoles.swift),
/// each a view or policy the database enforces whatever SQL an officer sends (issue 12):
/// - `provider_calls_today`: that a provider was rung today, and by which authority; not about whom.
/// - `beds_filled`: a bed filled by a placement, and by "another authority" unless it is the reader's own.
/// - the audit trail: an officer or manager reads their own authority's entries, the administrator's
///   entries about store-wide things, and entries about records of their own children; nothing else.
/// - `report_children`, `report_placements`, `report_vacancies`: counts by authority, for managers (their
///   authority) and commissioners (their board's authorities, or all Wales for W92000004); never a record.
/// Views run with their owner's rights, which row-level security exempts: each one shows only columns that
/// name no child, and filters by `placefinder_authority()` / `placefinder_reports_cover()` itself.
enum PostgresPrivacy {
    /// A commissioner given this code sees all of Wales (the ONS code for Wales).
    static let wales = "W92000004"
    /// Store-wide record types whose administrator entries every officer may read (imports, set-up).
    static let storeWideRecordTypes = ["store", "providers", "vacancies", "postcodes", "officer"]
    static let reportViews = ["report_children", "report_placements", "report_vacancies"]

    static func script() -> String {
        var sql = """
            CREATE TABLE authority_boards (authority TEXT PRIMARY KEY, board TEXT NOT NULL);
            GRANT SELECT ON authority_boards TO placefinder_admin;

            """
        for (authority, board) in PartnershipBoard.byAuthority.sorted(by: { $0.key < $1.key }) {
            sql += "INSERT INTO authority_boards (authority, board) VALUES ('\(authority)', '\(board.key)');\n"
        }
        sql += """
            -- Whether the aggregates cover authority code: for a manager their own, for a commissioner their board or Wales.
            CREATE FUNCTION placefinder_reports_cover(code TEXT) RETURNS boolean LANGUAGE sql STABLE SECURITY DEFINER
                SET search_path = public AS $$
                SELECT COALESCE((
                    SELECT CASE WHEN pg_has_role(session_user, 'placefinder_commissioner', 'MEMBER')
                                THEN me.authority IN ('\(wales)', code) OR EXISTS (
                                    SELECT 1 FROM authority_boards mine JOIN authority_boards theirs ON theirs.board = mine.board
                                    WHERE mine.authority = me.authority AND theirs.authority = code)
                                ELSE me.authority = code END
                    FROM officer_authorities me WHERE me.role = session_user), false) $$;

            CREATE VIEW report_children WITH (security_barrier) AS
                SELECT placing_authority AS authority, status, urgency, COUNT(*) AS children
                FROM children WHERE placefinder_reports_cover(placing_authority)
                GROUP BY placing_authority, status, urgency;
            CREATE VIEW report_placements WITH (security_barrier) AS
                SELECT c.placing_authority AS authority, p.placement_type, p.locality_tier,
                       (p.actual_end_day IS NULL) AS current, COUNT(*) AS placements,
                       ROUND(AVG(p.miles_from_home)::numeric, 1)::double precision AS average_miles
                FROM placements p JOIN children c ON c.id = p.child_id
                WHERE p.undone_at IS NULL AND placefinder_reports_cover(c.placing_authority)
                GROUP BY c.placing_authority, p.placement_type, p.locality_tier, (p.actual_end_day IS NULL);
            CREATE VIEW report_vacancies WITH (security_barrier) AS
                SELECT COALESCE(v.located_authority, p.authority_code) AS authority, v.setting, v.status, COUNT(*) AS vacancies
                FROM vacancies v JOIN providers p ON p.id = v.provider_id
                WHERE placefinder_reports_cover(COALESCE(v.located_authority, p.authority_code))
                GROUP BY COALESCE(v.located_authority, p.authority_code), v.setting, v.status;
            GRANT SELECT ON \(reportViews.joined(separator: ", ")) TO placefinder_manager, placefinder_commissioner, placefinder_admin;

            -- Today in Wales (calls are stored as UTC text). A withdrawn call never happened.
            CREATE VIEW provider_calls_today WITH (security_barrier) AS
                SELECT k.provider_id, c.placing_authority AS authority, k.at
                FROM contacts k JOIN children c ON c.id = k.child_id
                WHERE k.corrects IS NULL
                  AND (k.at::timestamp AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/London')::date
                      = (now() AT TIME ZONE 'Europe/London')::date
                  AND NOT EXISTS (SELECT 1 FROM contacts w WHERE w.corrects = k.id AND w.correction_kind = 'withdrawn');
            CREATE VIEW beds_filled WITH (security_barrier) AS
                SELECT p.vacancy_id, p.provider_id,
                       CASE WHEN c.placing_authority = (SELECT placefinder_authority()) THEN c.placing_authority
                            ELSE '\(PostgresMarket.anotherAuthority)' END AS filled_by
                FROM placements p JOIN children c ON c.id = p.child_id
                WHERE p.vacancy_id IS NOT NULL AND p.actual_end_day IS NULL AND p.undone_at IS NULL;
            GRANT SELECT ON provider_calls_today, beds_filled TO \(PostgresRoles.writers), placefinder_admin;

            ALTER TABLE audit_log ENABLE ROW LEVEL SECURITY;
            CREATE POLICY appended_as_self ON audit_log FOR INSERT WITH CHECK (db_user = session_user);
            CREATE POLICY own_authority ON audit_log FOR SELECT USING (
                (SELECT o.authority FROM officer_authorities o WHERE o.role = db_user) = placefinder_authority()
                OR (NOT EXISTS (SELECT 1 FROM officer_authorities o WHERE o.role = db_user)
                    AND record_type IN (\(storeWideRecordTypes.map { "'\($0)'" }.joined(separator: ", "))))
                OR (record_type = 'child' AND EXISTS (SELECT 1 FROM children c WHERE c.id = record_id))
                OR (record_type = 'placement' AND EXISTS (SELECT 1 FROM placements p WHERE p.id = record_id))
                OR (record_type = 'contact' AND EXISTS (SELECT 1 FROM contacts k WHERE k.id = record_id)));
            CREATE POLICY administer ON audit_log TO placefinder_admin USING (true) WITH CHECK (true);

            """
        return sql
    }
}
