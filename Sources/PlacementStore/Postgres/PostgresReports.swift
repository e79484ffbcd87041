import Foundation
import GRDB
import PlacementCore

/// Who reads a regional server, and what a commissioner reads (issue 12): the shared market for the
/// dashboard, and the aggregate views (PostgresPrivacy.swift) for reports; never a child's record. What each
/// login may read is PostgreSQL's to enforce (grants, row-level security, views); this picks the reads that
/// the login's rights allow, so a commissioner's dashboard opens rather than failing on a refused table.
extension PostgresStore {
    /// A login that is a member of `placefinder_commissioner` directly (as `officer add` makes one). Not
    /// `pg_has_role`, which a superuser passes for every role.
    static let commissionerSQL = """
        SELECT EXISTS (SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid JOIN pg_roles u ON u.oid = m.member
                       WHERE g.rolname = '\(OfficerRole.commissioner.group)' AND u.rolname = session_user)
        """

    static func readerScope(_ tx: PostgresTransaction) throws -> ReaderScope {
        guard let code = try tx.one(String.self, "SELECT placefinder_login_authority(session_user::TEXT)") else { return .everything }
        if try tx.one(Bool.self, commissionerSQL) == true { return .aggregates(ReaderScope.cover(ofCommissioner: code)) }
        return .authority(code)
    }

    public func readerScope() throws -> ReaderScope {
        try read { tx in try Self.readerScope(tx) }
    }

    /// A commissioner's from the aggregate views, as the server filters them for their cover; anyone else's
    /// counted from the records they may read (the same grouping: `AggregateFigures(children:…)`).
    public func aggregateFigures() throws -> AggregateFigures {
        try read { tx in
            guard case .aggregates = try Self.readerScope(tx) else {
                let snapshot = try StoreSnapshot.read(since: nil, from: PostgresReads(tx: tx))
                return AggregateFigures(children: snapshot.children ?? [], placements: snapshot.placements ?? [],
                                        bedAuthority: snapshot.bedAuthority ?? [:], vacancies: snapshot.vacancies ?? [])
            }
            return try Self.aggregateViews(tx)
        }
    }

    /// The summary's counts for a commissioner: children and placements of their cover, the shared market whole.
    static func aggregateCounts(_ tx: PostgresTransaction) throws -> StoreCounts {
        func count(_ sql: String) throws -> Int { try tx.one(Int.self, sql) ?? 0 }
        return StoreCounts(
            children: try count("SELECT COALESCE(SUM(children), 0)::BIGINT FROM report_children"),
            providers: try count("SELECT COUNT(*) FROM providers"),
            openVacancies: try count("SELECT COUNT(*) FROM \(PostgresMarket.schema).vacancies WHERE status = 'open'"),
            placements: try count("SELECT COALESCE(SUM(placements), 0)::BIGINT FROM report_placements"),
            postcodes: try count("SELECT COUNT(*) FROM postcodes"))
    }

    static func aggregateViews(_ tx: PostgresTransaction) throws -> AggregateFigures {
        var figures = AggregateFigures()
        for row in try tx.rows("SELECT authority, status, urgency, children FROM report_children") {
            let r = RowReader(row: row, table: "report_children")
            figures.children.append(.init(authority: try r.value("authority"), status: try r.code("status"),
                                          emergency: try r.value("urgency") as String == "emergency", children: try r.value("children")))
        }
        for row in try tx.rows("""
            SELECT authority, placement_type, locality_tier, CASE WHEN current THEN 1 ELSE 0 END AS current, placements, average_miles
            FROM report_placements
            """) {
            let r = RowReader(row: row, table: "report_placements")
            figures.placements.append(.init(authority: try r.value("authority"), placementType: try r.code("placement_type"),
                                            localityTier: try r.value("locality_tier"), current: try r.value("current") as Int == 1,
                                            placements: try r.value("placements"), averageMiles: try r.optional("average_miles")))
        }
        for row in try tx.rows("SELECT authority, setting, status, vacancies FROM report_vacancies") {
            let r = RowReader(row: row, table: "report_vacancies")
            figures.vacancies.append(.init(authority: try r.value("authority"), setting: try r.code("setting"),
                                           status: try r.code("status"), vacancies: try r.value("vacancies")))
        }
        figures.sort()
        return figures
    }
}

/// A commissioner's snapshot: the shared market as every authority reads it (providers, the masked
/// vacancies, notices naming no child), and no child, placement or call — tables they may not read.
struct MarketOnlyReads: SnapshotReading {
    let market: PostgresReads

    func tableVersions() throws -> [String: Int] { try market.tableVersions() }
    func needBits() throws -> NeedBits { try market.needBits() }
    func providers(bits: NeedBits) throws -> Fetched<Provider> { try market.providers(bits: bits) }

    /// Whole, whatever `rows` asks: a commissioner's market is never cut (`PostgresStore.snapshot`).
    func vacancies(bits: NeedBits, rows: RowSelection) throws -> Fetched<Vacancy> {
        try TableDecoding.vacancies(market.source("SELECT \(VacancyRow.read.joined(separator: ", ")) FROM \(PostgresMarket.schema).vacancies"),
                                    bits: bits)
    }

    func children(bits: NeedBits, rows: RowSelection) throws -> Fetched<Child> { Fetched() }
    func placements(rows: RowSelection) throws -> Fetched<Placement> { Fetched() }
    func contacts() throws -> [Contact] { [] }

    func notices() throws -> [ProviderNotice] {
        try market.tx.rows("""
            SELECT \(NoticeRow.read.joined(separator: ", ")) FROM \(PostgresCommissioners.notices)
            ORDER BY received_at COLLATE "C" DESC, id COLLATE "C"
            """).map(NoticeRow.decode)
    }
}

extension PostgresStore {
    /// One REPEATABLE READ transaction: a commissioner's market, or the records the login may read.
    /// `history`: an officer's first read without the history (`currentSnapshot`), or the history after it.
    static func snapshot(since previous: [String: Int]?, history: HistoryRead, in tx: PostgresTransaction) throws -> StoreSnapshot {
        let reads = PostgresReads(tx: tx)
        guard case .aggregates = try readerScope(tx) else { return try StoreSnapshot.read(since: previous, history: history, from: reads) }
        // A commissioner's market (masked beds, no placements) is read whole.
        var snapshot = try StoreSnapshot.read(since: previous, from: MarketOnlyReads(market: reads))
        snapshot.childRecordsHidden = true
        return snapshot
    }
}

extension PostgresStore {
    /// The figures of panels 1-5, 9 and 10 for `area` and `period`, as the server computes them (migration
    /// pg16, PostgresAggregates.swift): no record, no child's id. The server refuses an area outside the
    /// login's cover (`StoreError.rejected`), whatever the program asks.
    public func aggregateCells(area: ReportArea, period: ReportPeriod,
                               panels: [ReportPanelKind] = ReportPanelKind.allCases) throws -> [AggregateCell] {
        let wanted = Set(panels)
        let functions: [(String, Set<ReportPanelKind>)] = [
            ("placefinder_report_nights", [.residentialNights, .residentialLocality, .residentialSettings, .fosterWeeks]),
            ("placefinder_report_stability", [.stability]), ("placefinder_report_ring_round", [.ringRound]),
            ("placefinder_report_spend", [.spend]),
        ]
        let arguments: [(any DatabaseValueConvertible)?] = [area.authorityCodes().joined(separator: ","),
                                                            period.start.daysSinceEpoch, period.end.daysSinceEpoch]
        return try read { tx in
            var cells: [AggregateCell] = []
            for (function, kinds) in functions where !kinds.isDisjoint(with: wanted) && period.days > 0 {
                for row in try tx.rows("SELECT * FROM \(function)(string_to_array($1, ','), $2, $3)", arguments) {
                    let r = RowReader(row: row, table: function)
                    let kind: ReportPanelKind = try r.code("report_panel")
                    guard wanted.contains(kind) else { continue }
                    cells.append(AggregateCell(panel: kind, table: try r.value("panel_table"), row: try r.value("row_index"),
                                               column: try r.value("column_index"), label: try r.optional("row_label"),
                                               value: try r.value("figure"), children: try r.value("children_behind")))
                }
            }
            return cells
        }
    }
}
