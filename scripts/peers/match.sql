-- The SQL peer of `placefinder match CHILD --top 50`: one query computing the engine's thirteen-factor score
-- (default policy, docs/matching.md) over a v4 store, printing the top 50 as `vacancy id|score`, best first.
--
-- Calling convention (sqlite3 3.38 or later, built with math functions, as Debian's and Ubuntu's are):
--   { echo ".parameter set @child 'C0075'"; cat scripts/peers/match.sql; } | sqlite3 STORE
-- Optionally also `.parameter set @now 1764500000` (Unix seconds) to fix the clock; default: now.
-- "Today" is the UTC date of @now (the engine uses Welsh local time: the same outside BST evenings).
--
-- What it shares with the engine: the hard constraints and the factor formulas, the same floating-point
-- order of the weighted sum, the tie-break (score, straight miles, locality tier, id), beds located as stored
-- by v4, provider stability by the store's own aggregate. Simplifications, fine for a peer benchmark:
-- one child (a sibling group that must stay together is ranked by the engine as a group; here the lead
-- child alone), and the school and avoid-area postcodes located by exact directory row only (the engine
-- falls back to district and authority centroids).
.mode list
WITH
clock(now, today) AS (
    SELECT n, CAST(n / 86400 AS INTEGER) FROM (SELECT CAST(COALESCE(@now, unixepoch('now')) AS REAL) AS n)
),
child AS (
    SELECT c.id AS child, c.date_of_birth, c.placing_authority, c.school_postcode, c.welsh_placement, c.urgency,
           c.essential_mask, c.important_mask, c.desirable_mask, c.minimum_miles_from_home, c.avoid_authorities, c.avoid_areas,
           CASE WHEN c.urgency = 'emergency' THEN k.today ELSE MAX(c.needed_day, k.today) END AS needed,
           k.now, k.today,
           -- settings the plan accepts; secure only with a secure order (Child.accepts)
           c.settings_mask & CASE WHEN c.legal_status = 'secure_order' THEN 127 ELSE 127 - 32 END AS plan_mask,
           1 << CASE c.gender WHEN 'female' THEN 0 WHEN 'male' THEN 1 ELSE 2 END AS gender_bit,
           radians(c.home_latitude) AS hlat, radians(c.home_longitude) AS hlon,
           -- the checks against a home's current residents (ResidentRules.swift): risks posed (bit 0 sexual,
           -- 1 criminal), risks the child is at (CSE, CCE), who they can live with, associates to avoid
           c.risk_to_others_mask AS child_poses,
           (((c.essential_mask | c.important_mask | c.desirable_mask) >> (SELECT bit FROM need_catalogue WHERE code = 'CSE')) & 1)
               | ((((c.essential_mask | c.important_mask | c.desirable_mask) >> (SELECT bit FROM need_catalogue WHERE code = 'CCE')) & 1) << 1)
               AS child_at_risk,
           c.living_companions, c.associates_to_avoid, c.birth_day AS child_birth
    FROM children c, clock k
    WHERE c.id = @child
),
-- The children living in each home now: a children's home is one home; a fostering or lodgings provider's
-- beds are households told apart by the bed's postcode (none recorded: no home known).
resident AS (
    SELECT r.child_id,
           CASE WHEN rp.service_type IN ('childrens_home', 'secure_home', 'short_breaks', 'parent_and_child') THEN r.provider_id
                ELSE r.provider_id || '|' || rv.postcode END AS home,
           rc.birth_day, rc.gender, rc.risk_to_others_mask AS poses,
           (((rc.essential_mask | rc.important_mask | rc.desirable_mask) >> (SELECT bit FROM need_catalogue WHERE code = 'CSE')) & 1)
               | ((((rc.essential_mask | rc.important_mask | rc.desirable_mask) >> (SELECT bit FROM need_catalogue WHERE code = 'CCE')) & 1) << 1)
               AS at_risk
    FROM placements r JOIN children rc ON rc.id = r.child_id JOIN providers rp ON rp.id = r.provider_id
         LEFT JOIN vacancies rv ON rv.id = r.vacancy_id, clock k
    WHERE r.actual_end_day IS NULL AND r.undone_at IS NULL AND r.start_day <= k.today
),
home AS (
    SELECT home, COUNT(*) AS n, MIN(birth_day) AS earliest, MAX(birth_day) AS latest,
           (MAX(gender = 'female') | (MAX(gender = 'male') << 1) | (MAX(gender = 'other') << 2)) AS genders,
           (MAX(poses & 1) | MAX(poses & 2)) AS poses, (MAX(at_risk & 1) | MAX(at_risk & 2)) AS at_risk
    FROM resident WHERE home IS NOT NULL GROUP BY home
),
profile AS (
    SELECT ch.*,
           -- age on the day needed (Day.age(on:))
           CAST(strftime('%Y', ch.needed * 86400, 'unixepoch') AS INTEGER) - CAST(substr(ch.date_of_birth, 1, 4) AS INTEGER)
               - (strftime('%m-%d', ch.needed * 86400, 'unixepoch') < substr(ch.date_of_birth, 6, 5)) AS age,
           cos(ch.hlat) * cos(ch.hlon) AS hx, cos(ch.hlat) * sin(ch.hlon) AS hy, sin(ch.hlat) AS hz,
           s.latitude AS slat_deg, radians(s.latitude) AS slat, radians(s.longitude) AS slon,
           EXISTS (SELECT 1 FROM placements p WHERE p.child_id = ch.child AND p.ending = 'breakdown') AS has_breakdown
    FROM child ch LEFT JOIN postcodes s ON s.postcode = ch.school_postcode
),
candidate AS (
    SELECT v.id, v.setting, v.weekly_fee, v.confirmed_seconds + 978307200 AS confirmed,
           v.capability_mask | p.capability_mask AS caps, p.sector, p.welsh_language, v.provider_id,
           -- the rating's grade, 0 best … 3 worst (InspectionRating.grade); 4 when none is recorded
           CASE p.inspection_rating WHEN 'excellent' THEN 0 WHEN 'outstanding' THEN 0 WHEN 'good' THEN 1
               WHEN 'requires_improvement' THEN 2 WHEN 'requires_improvement_to_be_good' THEN 2
               WHEN 'requires_significant_improvement' THEN 3 WHEN 'inadequate' THEN 3 ELSE 4 END AS grade,
           v.located_authority AS authority,
           cos(radians(v.latitude)) * cos(radians(v.longitude)) AS x,
           cos(radians(v.latitude)) * sin(radians(v.longitude)) AS y, sin(radians(v.latitude)) AS z,
           radians(v.latitude) AS vlat, radians(v.longitude) AS vlon,
           v.status, v.hold_child_id, v.hold_expires_seconds, v.available_day, v.takes_emergencies, v.age_min, v.age_max,
           v.gender_mask, v.beds, v.connected_children,
           CASE WHEN p.service_type IN ('childrens_home', 'secure_home', 'short_breaks', 'parent_and_child') THEN p.id
                ELSE p.id || '|' || v.postcode END AS home_key,
           COALESCE(h.n, 0) AS res_n, h.earliest AS res_earliest, h.latest AS res_latest, h.genders AS res_genders,
           h.poses AS res_poses, h.at_risk AS res_at_risk
    FROM vacancies v JOIN providers p ON p.id = v.provider_id
         LEFT JOIN home h ON h.home = CASE WHEN p.service_type IN ('childrens_home', 'secure_home', 'short_breaks', 'parent_and_child')
                                           THEN p.id ELSE p.id || '|' || v.postcode END
    WHERE v.latitude IS NOT NULL
),
weights AS (
    SELECT pr.*,
           -- needs fit counts (at 0) for a child with no needs recorded at all: unknown is not a perfect fit
           CASE WHEN pr.important_mask != 0 OR pr.desirable_mask != 0 OR pr.essential_mask = 0 THEN 4.0 ELSE 0.0 END AS w_needs,
           2.0 AS w_home,
           CASE WHEN pr.slat IS NOT NULL THEN 1.0 ELSE 0.0 END AS w_school,
           2.0 AS w_locality,
           CASE WHEN pr.welsh_placement IS NOT NULL AND pr.welsh_placement != 'essential' THEN 1.0 ELSE 0.0 END AS w_welsh,
           1.0 AS w_stability,
           CASE WHEN pr.has_breakdown THEN 3.0 ELSE 0.0 END AS w_breakdown,
           1.0 AS w_sector,
           CASE WHEN pr.plan_mask & 4 != 0 THEN 2.0 ELSE 0.0 END AS w_kinship,
           0.3 AS w_fresh, 0.3 AS w_cost,
           CASE WHEN EXISTS (SELECT 1 FROM providers WHERE inspection_rating IS NOT NULL) THEN 1.0 ELSE 0.0 END AS w_quality,
           -- fit with current residents: when some home with a vacancy has children living in it
           CASE WHEN EXISTS (SELECT 1 FROM candidate WHERE res_n > 0) THEN 2.0 ELSE 0.0 END AS w_res,
           2 * (SELECT COUNT(*) FROM need_catalogue n WHERE (pr.important_mask >> n.bit) & 1)
               + (SELECT COUNT(*) FROM need_catalogue n WHERE (pr.desirable_mask >> n.bit) & 1) AS possible
    FROM profile pr
),
w AS (
    SELECT weights.*,
           w_needs + w_home + w_school + w_locality + w_welsh + w_stability + w_breakdown + w_sector + w_kinship
               + w_fresh + w_cost + w_quality + w_res AS w_total,
           cos(slat) * cos(slon) AS sx, cos(slat) * sin(slon) AS sy, sin(slat) AS sz
    FROM weights
),
borders(a, b) AS (VALUES
        ('W06000001','W06000002'), ('W06000002','W06000003'), ('W06000002','W06000004'), ('W06000002','W06000008'),
        ('W06000002','W06000023'), ('W06000003','W06000004'), ('W06000004','W06000005'), ('W06000004','W06000006'),
        ('W06000004','W06000023'), ('W06000005','W06000006'), ('W06000005','E06000050'), ('W06000006','W06000023'),
        ('W06000006','E06000050'), ('W06000006','E06000051'), ('W06000008','W06000009'), ('W06000008','W06000010'),
        ('W06000008','W06000023'), ('W06000009','W06000010'), ('W06000010','W06000011'), ('W06000010','W06000012'),
        ('W06000010','W06000023'), ('W06000011','W06000012'), ('W06000012','W06000013'), ('W06000012','W06000016'),
        ('W06000012','W06000023'), ('W06000013','W06000014'), ('W06000013','W06000016'), ('W06000014','W06000015'),
        ('W06000014','W06000016'), ('W06000015','W06000016'), ('W06000015','W06000018'), ('W06000015','W06000022'),
        ('W06000016','W06000018'), ('W06000016','W06000023'), ('W06000016','W06000024'), ('W06000018','W06000019'),
        ('W06000018','W06000020'), ('W06000018','W06000022'), ('W06000018','W06000023'), ('W06000018','W06000024'),
        ('W06000019','W06000020'), ('W06000019','W06000021'), ('W06000019','W06000023'), ('W06000020','W06000021'),
        ('W06000020','W06000022'), ('W06000021','W06000022'), ('W06000021','W06000023'), ('W06000021','E06000019'),
        ('W06000021','E10000013'), ('W06000023','W06000024'), ('W06000023','E06000051'), ('W06000023','E06000019')
),
stability AS (
    SELECT provider_id,
           1.0 / (1 + (SUM(actual_end_day >= w.today - 365 AND ending = 'breakdown')
                       + SUM(actual_end_day >= w.today - 365 AND notice_hours <= 24))
                      / MAX(SUM(MAX(0, MIN(COALESCE(actual_end_day, w.today), w.today) - MAX(start_day, w.today - 365))) / 365.0, 0.5)) AS score
    FROM placements, w
    WHERE start_day <= w.today AND COALESCE(actual_end_day, w.today) >= w.today - 365
    GROUP BY provider_id
),
declined AS (
    SELECT provider_id, vacancy_id FROM contacts, w WHERE contacts.child_id = w.child AND outcome = 'declined'
),
broke_down AS (
    SELECT DISTINCT provider_id FROM placements, w WHERE placements.child_id = w.child AND ending = 'breakdown'
),
avoid_area AS (
    SELECT radians(pc.latitude) AS alat, radians(pc.longitude) AS alon, json_extract(a.value, '$.radiusMiles') AS radius
    FROM w, json_each(w.avoid_areas) a JOIN postcodes pc ON pc.postcode = json_extract(a.value, '$.postcode')
),
measured AS (
    SELECT c.*, w.*,
           2 * asin(MIN(1, sqrt((c.x - w.hx) * (c.x - w.hx) + (c.y - w.hy) * (c.y - w.hy) + (c.z - w.hz) * (c.z - w.hz)) / 2))
               * 3958.8 AS straight,
           CASE c.setting WHEN 'residential' THEN 1 WHEN 'foster' THEN 2 WHEN 'kinship' THEN 4 WHEN 'parent_and_child' THEN 8
               WHEN 'supported_lodgings' THEN 16 WHEN 'secure' THEN 32 ELSE 64 END AS setting_bit,
           CASE c.setting WHEN 'residential' THEN 5000 WHEN 'foster' THEN 900 WHEN 'kinship' THEN 400
               WHEN 'parent_and_child' THEN 3500 WHEN 'supported_lodgings' THEN 700 WHEN 'secure' THEN 8000 ELSE 1500 END AS usual_fee,
           CASE WHEN w.placing_authority = c.authority THEN 0
                WHEN EXISTS (SELECT 1 FROM borders b WHERE (b.a = w.placing_authority AND b.b = c.authority)
                                                     OR (b.b = w.placing_authority AND b.a = c.authority))
                    THEN CASE substr(c.authority, 1, 1) WHEN 'W' THEN 1 WHEN 'E' THEN 2 ELSE 5 END
                ELSE CASE substr(c.authority, 1, 1) WHEN 'W' THEN 3 WHEN 'E' THEN 4 ELSE 5 END END AS tier
    FROM candidate c, w
),
-- The residents' checks broken (defaults: exploitation, associate and gender mix hard; companions and age gap soft).
checked AS (
    SELECT m.*,
           COALESCE(m.res_n > 0 AND ((m.child_poses & m.res_at_risk) != 0 OR (m.child_at_risk & m.res_poses) != 0), 0) AS res_exploitation,
           COALESCE(m.res_n > 0 AND EXISTS (SELECT 1 FROM resident r, json_each(m.associates_to_avoid) a
                                   WHERE r.child_id = a.value AND r.home = m.home_key), 0) AS res_associate,
           COALESCE(m.res_n > 0 AND (m.res_genders & ~m.gender_mask) != 0, 0) AS res_gender_mix,
           COALESCE(m.res_n > 0 AND (m.living_companions = 'solo' OR (m.living_companions = 'older_only' AND m.res_latest > m.child_birth)
                            OR (m.living_companions = 'younger_only' AND m.res_earliest < m.child_birth)), 0) AS res_companions,
           COALESCE(m.res_n > 0 AND MAX(
               CAST(strftime('%Y', m.needed * 86400, 'unixepoch') AS INTEGER) - CAST(strftime('%Y', m.res_earliest * 86400, 'unixepoch') AS INTEGER)
                   - (strftime('%m-%d', m.needed * 86400, 'unixepoch') < strftime('%m-%d', m.res_earliest * 86400, 'unixepoch')) - m.age,
               m.age - (CAST(strftime('%Y', m.needed * 86400, 'unixepoch') AS INTEGER) - CAST(strftime('%Y', m.res_latest * 86400, 'unixepoch') AS INTEGER)
                   - (strftime('%m-%d', m.needed * 86400, 'unixepoch') < strftime('%m-%d', m.res_latest * 86400, 'unixepoch'))),
               0) > MIN(5, m.age_max - m.age_min), 0) AS res_age_gap
    FROM measured m
),
eligible AS (
    SELECT m.* FROM checked m
    WHERE m.status IN ('open', 'held')
      AND NOT (m.hold_expires_seconds IS NOT NULL AND m.hold_expires_seconds + 978307200 > m.now AND m.hold_child_id != m.child)
      AND m.available_day <= m.needed
      AND NOT (m.urgency = 'emergency' AND NOT m.takes_emergencies)
      AND m.plan_mask & m.setting_bit != 0
      AND (m.setting != 'kinship' OR EXISTS (SELECT 1 FROM json_each(m.connected_children) k WHERE k.value = m.child))
      AND m.age BETWEEN m.age_min AND m.age_max
      AND m.gender_bit & m.gender_mask != 0
      AND m.beds >= 1
      AND m.caps & m.essential_mask = m.essential_mask
      AND m.grade != 3
      AND NOT EXISTS (SELECT 1 FROM avoid_area a
                      WHERE 2 * asin(MIN(1, sqrt((m.x - cos(a.alat) * cos(a.alon)) * (m.x - cos(a.alat) * cos(a.alon)) + (m.y - cos(a.alat) * sin(a.alon)) * (m.y - cos(a.alat) * sin(a.alon))
                                                 + (m.z - sin(a.alat)) * (m.z - sin(a.alat))) / 2)) * 3958.8 < a.radius)
      AND NOT EXISTS (SELECT 1 FROM json_each(m.avoid_authorities) x WHERE x.value = m.authority)
      AND (m.minimum_miles_from_home IS NULL OR m.straight >= m.minimum_miles_from_home)
      AND NOT (COALESCE(m.welsh_placement, '') = 'essential' AND m.welsh_language != 'fluent')
      AND NOT EXISTS (SELECT 1 FROM declined d WHERE (d.vacancy_id IS NULL AND d.provider_id = m.provider_id) OR d.vacancy_id = m.id)
      AND NOT (m.res_exploitation OR m.res_associate OR m.res_gender_mix)
),
scored AS (
    SELECT e.id, e.straight, e.tier,
           100 * (e.w_needs * CASE WHEN e.possible > 0 THEN
                      (2.0 * (SELECT COUNT(*) FROM need_catalogue n WHERE ((e.caps & e.important_mask) >> n.bit) & 1)
                       + (SELECT COUNT(*) FROM need_catalogue n WHERE ((e.caps & e.desirable_mask) >> n.bit) & 1)) / e.possible
                      WHEN e.essential_mask = 0 THEN 0.0 ELSE 1.0 END
                  + e.w_home * CASE WHEN e.straight * 1.35 <= 20 THEN 1.0 ELSE power(2.0, -(e.straight * 1.35 - 20) / 25.0) END
                  + e.w_school * CASE WHEN e.slat IS NULL THEN 1.0 ELSE
                        CASE WHEN d_school * 1.35 <= 10 THEN 1.0 ELSE power(2.0, -(d_school * 1.35 - 10) / 25.0) END END
                  + e.w_locality * CASE e.tier WHEN 0 THEN 1.0 WHEN 1 THEN 0.8 WHEN 2 THEN 0.6 WHEN 3 THEN 0.45 WHEN 4 THEN 0.25 ELSE 0.0 END
                  + e.w_welsh * CASE e.welsh_language WHEN 'fluent' THEN 1.0 WHEN 'some' THEN 0.5 ELSE 0.0 END
                  + e.w_stability * COALESCE((SELECT s.score FROM stability s WHERE s.provider_id = e.provider_id), 1.0)
                  + e.w_breakdown * CASE WHEN e.provider_id IN (SELECT provider_id FROM broke_down) THEN 0.0 ELSE 1.0 END
                  + e.w_sector * CASE e.sector WHEN 'local_authority' THEN 1.0 WHEN 'third_sector' THEN 0.7 ELSE 0.4 END
                  + e.w_kinship * CASE WHEN e.setting = 'kinship' THEN 1.0 ELSE 0.0 END
                  + e.w_fresh * MAX(0.0, 1 - MAX(0.0, (e.now - e.confirmed) / 86400) / 30)
                  + e.w_cost * CASE WHEN e.weekly_fee <= e.usual_fee THEN 1.0 ELSE MAX(0.0, 2 - CAST(e.weekly_fee AS REAL) / e.usual_fee) END
                  + e.w_quality * CASE e.grade WHEN 0 THEN 1.0 WHEN 1 THEN 0.8 WHEN 2 THEN 0.3 WHEN 3 THEN 0.0 ELSE 0.5 END
                  + e.w_res * MAX(0.0, 1 - 0.5 * (e.res_companions + e.res_age_gap))
             ) / e.w_total AS score
    FROM (SELECT eligible.*,
                 2 * asin(MIN(1, sqrt((x - sx) * (x - sx) + (y - sy) * (y - sy) + (z - sz) * (z - sz)) / 2)) * 3958.8 AS d_school
          FROM eligible) e
)
SELECT id || '|' || printf('%.1f', score) FROM scored ORDER BY score DESC, straight, tier, id LIMIT 50;
