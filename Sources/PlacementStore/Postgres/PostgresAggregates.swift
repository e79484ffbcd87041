import Foundation
import PlacementCore

/// PostgreSQL-only step "pg16": the report panels a commissioner gets, computed by the server (issue 12).
///
/// Panels 1-5, 9 and 10 need placements, calls and notices, which a commissioner may not read. These functions
/// read them as their owner (SECURITY DEFINER) and give back figures only: one row per figure of a panel's
/// table (`AggregateCell`), each with how many children it rests on so the program can hide small numbers
/// (`SmallNumbers`). No row names a child, carries a child's id, date or a figure of one child alone.
///
/// The area is the list of authorities asked for; `placefinder_report_area` refuses it (42501) unless the
/// login covers every one (checked once per call, in a materialised CTE, not once per row): a commissioner their board or Wales (`placefinder_reports_cover`, from the code
/// they were added with), the administrator and the store's owner everything. Only commissioners and the
/// administrator may call them; the per-placement helpers they share are nobody's to call.
///
/// Each runs with `jit = off`: the planner cannot see through the nested functions, guesses millions of rows, and
/// compiling for them took a second where running takes milliseconds (`placefinder_report_spend` on the demo).
///
/// The groupings follow the panels' own code (Sources/PlacementCore/Reports/*Panel.swift); the mappings from
/// placement type, tier, purpose and route are written out from PlacementCore's enums, so the two cannot
/// drift apart, and PostgresAggregateTests compares every figure with the administrator's own report.
enum PostgresAggregates {
    static let identifier = "pg16"
    static let signature = "(TEXT[], BIGINT, BIGINT)"
    static let functions = ["placefinder_report_nights", "placefinder_report_stability", "placefinder_report_ring_round",
                            "placefinder_report_spend"]
    /// The columns every function returns: where the figure goes, what it is, and how many children it rests on.
    static let cell = """
        report_panel TEXT, panel_table INT, row_index INT, column_index INT, row_label TEXT, figure DOUBLE PRECISION, \
        children_behind BIGINT
        """
    /// A reason for declining is free text: it is named only when given about this many children or more.
    static let namedReasonChildren = SmallNumbers.threshold

    /// What `server init` grants (after the roles exist) and pg16 grants on a server made before it.
    static let grants = functions.map {
        "GRANT EXECUTE ON FUNCTION \($0)\(signature) TO placefinder_commissioner, placefinder_admin;"
    }.joined(separator: "\n")

    static func sql() -> String {
        var sql = """
            CREATE FUNCTION placefinder_report_area(asked TEXT[]) RETURNS TEXT[] LANGUAGE plpgsql STABLE SECURITY DEFINER
                SET search_path = public, pg_temp SET jit = off AS $$
                BEGIN
                    IF placefinder_login_authority(session_user::TEXT) IS NULL OR \(member("placefinder_admin")) THEN
                        RETURN asked;
                    END IF;
                    IF NOT \(member("placefinder_commissioner"))
                       OR EXISTS (SELECT 1 FROM unnest(asked) a WHERE NOT placefinder_reports_cover(a)) THEN
                        RAISE insufficient_privilege;
                    END IF;
                    RETURN asked;
                END $$;

            -- Placements that count in reports (not undone, not ending before they began), placed by the area.
            CREATE FUNCTION placefinder_report_placements(asked TEXT[]) RETURNS TABLE (
                    id TEXT, child_id TEXT, provider_id TEXT, placement_type TEXT, locality_tier BIGINT, start_day BIGINT,
                    end_day BIGINT, notice_hours BIGINT, weekly_cost BIGINT, cost_changes TEXT, purpose TEXT, purchase TEXT,
                    sector INT)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $$
                WITH area AS MATERIALIZED (SELECT unnest(placefinder_report_area(asked)) AS code)
                SELECT p.id, p.child_id, p.provider_id, p.placement_type, p.locality_tier, p.start_day, p.actual_end_day,
                       p.notice_hours, p.weekly_cost, p.cost_changes, p.purpose, p.purchase,
                       \(sector("pr", "COALESCE(p.placing_authority, c.placing_authority)"))
                FROM placements p JOIN children c ON c.id = p.child_id JOIN providers pr ON pr.id = p.provider_id
                WHERE p.undone_by IS NULL AND (p.actual_end_day IS NULL OR p.actual_end_day >= p.start_day)
                  AND COALESCE(p.placing_authority, c.placing_authority) IN (SELECT code FROM area) $$;

            -- The nights each of a family of those placements gives in the period (Nights.swift): up to its end or
            -- the next placement of the same child in the family, whichever is first (no apostrophes here: statements() reads them as quotes).
            CREATE FUNCTION placefinder_report_spans(asked TEXT[], first_day BIGINT, last_day BIGINT, family TEXT)
                RETURNS TABLE (id TEXT, child_id TEXT, placement_type TEXT, locality_tier BIGINT, sector INT,
                               weekly_cost BIGINT, cost_changes TEXT, purpose TEXT, purchase TEXT, lo BIGINT, hi BIGINT)
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $$
                SELECT s.id, s.child_id, s.placement_type, s.locality_tier, s.sector, s.weekly_cost, s.cost_changes,
                       s.purpose, s.purchase, s.lo, s.hi
                FROM (SELECT k.*, GREATEST(k.start_day, first_day) AS lo,
                             LEAST(COALESCE(k.end_day, last_day + 1), last_day + 1,
                                   COALESCE(LEAD(k.start_day) OVER (PARTITION BY k.child_id ORDER BY k.start_day, k.id COLLATE "C"),
                                            last_day + 1)) AS hi
                      FROM placefinder_report_placements(asked) k
                      WHERE family = 'all'
                         OR (family = 'residential' AND k.placement_type IN (\(types { $0.isResidential })))
                         OR (family = 'family' AND k.placement_type IN (\(types { $0 == .foster || $0 == .kinship })))) s
                WHERE s.hi > s.lo $$;

            """
        sql += nights() + stability() + ringRound() + spend()
        for helper in ["placefinder_report_area(TEXT[])", "placefinder_report_placements(TEXT[])",
                       "placefinder_report_spans(TEXT[], BIGINT, BIGINT, TEXT)"] + functions.map({ $0 + signature }) {
            sql += "REVOKE EXECUTE ON FUNCTION \(helper) FROM PUBLIC;\n"
        }
        return sql + PostgresRoles.onAnInitialisedServer(grants)
    }

    // MARK: the panels

    /// Panels 1-4: nights of residential care by sector, locality, tier and setting, and a trend by month;
    /// weeks of foster and kinship care by who provides them.
    static func nights() -> String {
        let kinship = ReportSetting.kinship.rawValue
        return """
            CREATE FUNCTION placefinder_report_nights(asked TEXT[], first_day BIGINT, last_day BIGINT) RETURNS TABLE (\(cell))
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $$
                WITH r AS (SELECT s.child_id, s.sector, s.locality_tier::INT AS tier, s.lo, s.hi, s.hi - s.lo AS nights,
                                  \(band("s.locality_tier")) AS band, \(setting("s.placement_type")) AS setting
                           FROM placefinder_report_spans(asked, first_day, last_day, 'residential') s),
                     f AS (SELECT s.child_id, s.hi - s.lo AS nights,
                                  CASE WHEN \(setting("s.placement_type")) = \(kinship) THEN 1
                                       WHEN s.sector IN (0, 1) THEN 0 WHEN s.sector = 2 THEN 2 ELSE 3 END AS provision
                           FROM placefinder_report_spans(asked, first_day, last_day, 'family') s),
                     months AS (SELECT r.child_id, \(monthNumber("m")) AS month,
                                       LEAST(r.hi, \(dayNumber("(m + INTERVAL '1 month')::date"))) - GREATEST(r.lo, \(dayNumber("m::date"))) AS nights
                                FROM r, generate_series(date_trunc('month', (DATE '1970-01-01' + r.lo::INT)::timestamp),
                                                        date_trunc('month', (DATE '1970-01-01' + (r.hi - 1)::INT)::timestamp),
                                                        INTERVAL '1 month') m),
                     first_month AS (SELECT \(monthNumber("(DATE '1970-01-01' + first_day::INT)")) AS month)
                SELECT 'residential-nights', 0, sector, 0, NULL::TEXT, SUM(nights)::float8, COUNT(DISTINCT child_id) FROM r GROUP BY sector
                UNION ALL SELECT 'residential-nights', 1, 0, 0, NULL, SUM(nights)::float8, COUNT(DISTINCT child_id) FROM r HAVING COUNT(*) > 0
                UNION ALL SELECT 'residential-nights', -1, months.month - first_month.month, 0, NULL, SUM(nights)::float8,
                                 COUNT(DISTINCT child_id) FROM months, first_month GROUP BY months.month, first_month.month
                UNION ALL SELECT 'residential-locality', 0, band, 0, NULL, SUM(nights)::float8, COUNT(DISTINCT child_id) FROM r GROUP BY band
                UNION ALL SELECT 'residential-locality', 1 + sector, band, 0, NULL, SUM(nights)::float8, COUNT(DISTINCT child_id)
                          FROM r GROUP BY sector, band
                UNION ALL SELECT 'residential-locality', 5, tier, 0, NULL, SUM(nights)::float8, COUNT(DISTINCT child_id) FROM r GROUP BY tier
                UNION ALL SELECT 'residential-settings', 0, setting, 0, NULL, SUM(nights)::float8, COUNT(DISTINCT child_id) FROM r GROUP BY setting
                UNION ALL SELECT 'residential-settings', 1 + setting, sector, 0, NULL, SUM(nights)::float8, COUNT(DISTINCT child_id)
                          FROM r GROUP BY setting, sector
                UNION ALL SELECT 'foster-weeks', 0, provision, 0, NULL, ROUND(SUM(nights)::numeric / 7, 1)::float8, COUNT(DISTINCT child_id)
                          FROM f GROUP BY provision
                UNION ALL SELECT 'foster-weeks', 1, 0, 0, NULL, ROUND(SUM(nights)::numeric / 7, 1)::float8, COUNT(DISTINCT child_id)
                          FROM f HAVING COUNT(*) > 0 $$;

            """
    }

    /// Panel 5: children by placements in the period, endings by notice and sector, providers by same-day endings.
    static func stability() -> String {
        let short = Workflow.shortNoticeHours
        return """
            CREATE FUNCTION placefinder_report_stability(asked TEXT[], first_day BIGINT, last_day BIGINT) RETURNS TABLE (\(cell))
                LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $$
                WITH k AS (SELECT * FROM placefinder_report_placements(asked)),
                     moved AS (SELECT k.child_id, LEAST(COUNT(*), 3)::INT - 1 AS bucket FROM k
                               WHERE k.start_day <= last_day AND COALESCE(k.end_day, last_day) >= first_day GROUP BY k.child_id),
                     ended AS (SELECT k.child_id, k.provider_id, k.sector,
                                      CASE WHEN k.notice_hours IS NULL THEN 3 WHEN k.notice_hours <= \(short) THEN 0
                                           WHEN k.notice_hours < \(7 * 24) THEN 1 ELSE 2 END AS band
                               FROM k WHERE k.end_day BETWEEN first_day AND last_day),
                     ranked AS (SELECT e.provider_id, COUNT(*) FILTER (WHERE e.band = 0) AS short, COUNT(*) AS endings,
                                       COUNT(DISTINCT e.child_id) FILTER (WHERE e.band = 0) AS short_children,
                                       COUNT(DISTINCT e.child_id) AS children,
                                       ROW_NUMBER() OVER (ORDER BY COUNT(*) FILTER (WHERE e.band = 0) DESC, e.provider_id COLLATE "C") - 1 AS place
                                FROM ended e GROUP BY e.provider_id HAVING COUNT(*) FILTER (WHERE e.band = 0) > 0)
                SELECT 'stability', 0, bucket, 0, NULL::TEXT, COUNT(*)::float8, COUNT(*) FROM moved GROUP BY bucket
                UNION ALL SELECT 'stability', 1, band, 0, NULL, COUNT(*)::float8, COUNT(DISTINCT child_id) FROM ended GROUP BY band
                UNION ALL SELECT 'stability', 2, sector, 0, NULL, COUNT(*)::float8, COUNT(DISTINCT child_id) FROM ended GROUP BY sector
                UNION ALL SELECT 'stability', 2, sector, 1, NULL, COUNT(*)::float8, COUNT(DISTINCT child_id) FROM ended
                          WHERE band = 0 GROUP BY sector
                UNION ALL SELECT 'stability', 3, place::INT, 0, pr.name, short::float8, short_children
                          FROM ranked JOIN providers pr ON pr.id = ranked.provider_id WHERE place < 5
                UNION ALL SELECT 'stability', 3, place::INT, 1, pr.name, endings::float8, children
                          FROM ranked JOIN providers pr ON pr.id = ranked.provider_id WHERE place < 5 $$;

            """
    }

    /// Panel 9: calls per child searched, declines by reason (a reason named only when given about enough
    /// children: it is free text), and from a placement-ending notice to the child's next placement.
    /// "Most calls for one child" is a figure about one child: never given.
    static func ringRound() -> String {
        """
        CREATE FUNCTION placefinder_report_ring_round(asked TEXT[], first_day BIGINT, last_day BIGINT) RETURNS TABLE (\(cell))
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $$
            WITH area AS MATERIALIZED (SELECT unnest(placefinder_report_area(asked)) AS code),
                 mine AS (SELECT c.id FROM children c WHERE c.placing_authority IN (SELECT code FROM area)),
                 calls AS (SELECT k.child_id, k.outcome, k.decline_reason FROM contacts k JOIN mine ON mine.id = k.child_id
                           WHERE \(localDay("k.at")) BETWEEN first_day AND last_day),
                 per_child AS (SELECT child_id, COUNT(*) AS calls FROM calls GROUP BY child_id),
                 declines AS (SELECT child_id, COALESCE(NULLIF(lower(btrim(COALESCE(decline_reason, ''))), ''), 'no reason given') AS reason
                              FROM calls WHERE outcome = '\(Contact.Outcome.declined.rawValue)'),
                 named AS (SELECT reason, COUNT(*) AS declines, COUNT(DISTINCT child_id) AS children,
                                  ROW_NUMBER() OVER (ORDER BY COUNT(*) DESC, reason COLLATE "C") - 1 AS place
                           FROM declines GROUP BY reason HAVING COUNT(DISTINCT child_id) >= \(namedReasonChildren)),
                 shown AS (SELECT * FROM named WHERE place < 8),
                 waits AS (SELECT n.child_id,
                                  (SELECT MIN(p.start_day) FROM placements p WHERE p.child_id = n.child_id AND p.undone_by IS NULL
                                      AND (p.actual_end_day IS NULL OR p.actual_end_day >= p.start_day)
                                      AND p.start_day >= \(localDay("n.received_at"))) - \(localDay("n.received_at")) AS days
                           FROM notices n JOIN mine ON mine.id = n.child_id
                           WHERE n.kind = '\(NoticeKind.placementEnding.rawValue)' AND \(localDay("n.received_at")) BETWEEN first_day AND last_day)
            SELECT 'ring-round', 0, 0, 0, NULL::TEXT, COUNT(*)::float8, COUNT(*) FROM per_child HAVING COUNT(*) > 0
            UNION ALL SELECT 'ring-round', 0, 1, 0, NULL, SUM(calls)::float8, COUNT(*) FROM per_child HAVING COUNT(*) > 0
            UNION ALL SELECT 'ring-round', 0, 2, 0, NULL, ROUND(SUM(calls)::numeric / COUNT(*), 1)::float8, COUNT(*) FROM per_child HAVING COUNT(*) > 0
            UNION ALL SELECT 'ring-round', 1, place::INT, 0, reason, declines::float8, children FROM shown
            UNION ALL SELECT 'ring-round', 1, 8, 0, 'other reasons', COUNT(*)::float8, COUNT(DISTINCT child_id)
                      FROM declines WHERE reason NOT IN (SELECT reason FROM shown) HAVING COUNT(*) > 0
            UNION ALL SELECT 'ring-round', 2, CASE WHEN days IS NULL THEN 3 WHEN days = 0 THEN 0 WHEN days <= 7 THEN 1 ELSE 2 END, 0, NULL,
                             COUNT(*)::float8, COUNT(DISTINCT child_id)
                      FROM waits GROUP BY 3 $$;

        """
    }

    /// Panel 10: what the placements cost in the period, each night at the weekly cost in force that night ÷ 7
    /// (a placement's pounds rounded to the penny, as SpendPanel does), by sector, setting, route and purpose.
    static func spend() -> String {
        """
        CREATE FUNCTION placefinder_report_spend(asked TEXT[], first_day BIGINT, last_day BIGINT) RETURNS TABLE (\(cell))
            LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp SET jit = off AS $$
            WITH s AS (SELECT * FROM placefinder_report_spans(asked, first_day, last_day, 'all')),
                 changes AS (SELECT s.id, (btrim(split_part(x, ':', 1))::date - DATE '1970-01-01')::BIGINT AS from_day,
                                    btrim(split_part(x, ':', 2))::numeric AS weekly
                             FROM s, regexp_split_to_table(s.cost_changes, ';') x WHERE s.weekly_cost IS NOT NULL AND btrim(x) <> ''),
                 -- Each costed span cut where its cost changes: the first run at the cost in force on its first night.
                 points AS (SELECT s.id, s.lo AS t,
                                   COALESCE((SELECT c.weekly FROM changes c WHERE c.id = s.id AND c.from_day <= s.lo
                                             ORDER BY c.from_day DESC LIMIT 1), s.weekly_cost) AS weekly
                            FROM s WHERE s.weekly_cost IS NOT NULL
                            UNION ALL SELECT c.id, c.from_day, c.weekly FROM changes c JOIN s ON s.id = c.id
                                      WHERE c.from_day > s.lo AND c.from_day < s.hi),
                 runs AS (SELECT p.id, COALESCE(LEAD(p.t) OVER (PARTITION BY p.id ORDER BY p.t), s.hi) - p.t AS nights, p.weekly
                          FROM points p JOIN s ON s.id = p.id),
                 priced AS (SELECT s.id, s.child_id, s.sector, \(setting("s.placement_type")) AS setting,
                                   \(indexCase("s.purchase", PurchaseRoute.allCases.map(\.rawValue))) AS route,
                                   \(indexCase("s.purpose", PlacementPurpose.allCases.map(\.rawValue))) AS purpose,
                                   ROUND(SUM(r.nights * r.weekly) / 7, 2) AS pounds, s.hi - s.lo AS nights
                            FROM s JOIN runs r ON r.id = s.id GROUP BY s.id, s.child_id, s.sector, s.placement_type, s.purchase, s.purpose, s.lo, s.hi),
                 uncosted AS (SELECT s.child_id, s.hi - s.lo AS nights FROM s WHERE s.weekly_cost IS NULL)
            SELECT 'spend', 0, sector, 0, NULL::TEXT, SUM(pounds)::float8, COUNT(DISTINCT child_id) FROM priced GROUP BY sector
            UNION ALL SELECT 'spend', 1, setting, sector, NULL, SUM(pounds)::float8, COUNT(DISTINCT child_id) FROM priced GROUP BY setting, sector
            UNION ALL SELECT 'spend', 2, route, 0, NULL, SUM(pounds)::float8, COUNT(DISTINCT child_id) FROM priced GROUP BY route
            UNION ALL SELECT 'spend', 3, purpose, 0, NULL, SUM(pounds)::float8, COUNT(DISTINCT child_id) FROM priced GROUP BY purpose
            UNION ALL SELECT 'spend', 4, 0, 0, NULL, SUM(pounds)::float8, COUNT(DISTINCT child_id) FROM priced HAVING COUNT(*) > 0
            UNION ALL SELECT 'spend', 4, 0, 1, NULL, SUM(nights)::float8, COUNT(DISTINCT child_id) FROM priced HAVING COUNT(*) > 0
            UNION ALL SELECT 'spend', 4, 1, 1, NULL, SUM(nights)::float8, COUNT(DISTINCT child_id) FROM uncosted HAVING COUNT(*) > 0 $$;

        """
    }

    // MARK: PlacementCore's groupings, written out as SQL

    static func member(_ group: String) -> String {
        """
        EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
                WHERE g.rolname = '\(group)' AND u.rolname = session_user)
        """
    }

    /// `ReportSector(provider:placingAuthority:)`.
    static func sector(_ provider: String, _ placing: String) -> String {
        """
        CASE \(provider).sector WHEN '\(Sector.localAuthority.rawValue)' THEN CASE WHEN \(provider).authority_code = \(placing) \
        THEN \(ReportSector.inHouse.rawValue) ELSE \(ReportSector.otherCouncil.rawValue) END \
        WHEN '\(Sector.thirdSector.rawValue)' THEN \(ReportSector.notForProfit.rawValue) ELSE \(ReportSector.privateSector.rawValue) END
        """
    }

    static func types(_ keep: (ReportSetting) -> Bool) -> String {
        PlacementType.allCases.filter { keep(ReportSetting($0)) }.map { "'\($0.rawValue)'" }.joined(separator: ", ")
    }

    /// `ReportSetting(placementType)`.
    static func setting(_ column: String) -> String {
        "CASE \(column) " + PlacementType.allCases.map { "WHEN '\($0.rawValue)' THEN \(ReportSetting($0).rawValue)" }.joined(separator: " ")
            + " END"
    }

    /// `LocalityBand(tier)`.
    static func band(_ column: String) -> String {
        "CASE \(column) " + LocalityTier.allCases.map { "WHEN \($0.rawValue) THEN \(LocalityBand($0).rawValue)" }.joined(separator: " ")
            + " END"
    }

    /// A code's position in `codes`; past the end for none (the "not recorded" row).
    static func indexCase(_ column: String, _ codes: [String]) -> String {
        "CASE \(column) " + codes.enumerated().map { "WHEN '\($1)' THEN \($0)" }.joined(separator: " ") + " ELSE \(codes.count) END"
    }

    /// A timestamp column (GRDB's UTC text) as the day number of its day in Wales (`WorkflowTime.day(of:)`).
    static func localDay(_ column: String) -> String {
        "(((\(column))::timestamp AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/London')::date - DATE '1970-01-01')::BIGINT"
    }

    static func dayNumber(_ date: String) -> String { "((\(date)) - DATE '1970-01-01')::BIGINT" }

    static func monthNumber(_ date: String) -> String {
        "(EXTRACT(YEAR FROM \(date)) * 12 + EXTRACT(MONTH FROM \(date)))::INT"
    }
}
