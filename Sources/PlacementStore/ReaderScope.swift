import Foundation
import PlacementCore

/// What the login reading a store may see. A store file is one authority's, bounded by its file permissions;
/// on a regional server PostgreSQL decides (row-level security, views, grants: PostgresRoles.swift) and this
/// only tells the program which reads make sense, so it can say plainly what a login does not get.
public enum ReaderScope: Sendable, Hashable {
    /// Every record in the store: a store file, or the server's administrator.
    case everything
    /// An officer or manager on a server: their authority's children and their records, and the shared market.
    case authority(String)
    /// A commissioner on a server: the shared market and counts for their cover (a board, or Wales), never a
    /// child's record.
    case aggregates(ReportArea)

    /// A commissioner's cover from the code they were added with: Wales (W92000004) is all Wales, an
    /// authority's code its regional partnership board.
    public static func cover(ofCommissioner code: String) -> ReportArea {
        if code == ReportArea.walesCode { return .wales }
        return PartnershipBoard.of(code).map(ReportArea.board) ?? .authority(code)
    }
}

extension PlacementDatabase {
    public func readerScope() throws -> ReaderScope { .everything }

    /// None: a file's reader reads every record, so its reports are computed from them (`.everything`).
    public func aggregateCells(area: ReportArea, period: ReportPeriod, panels: [ReportPanelKind]) throws -> [AggregateCell] { [] }

    /// The server's aggregate counts, computed from this file's records (for comparison with a server's).
    public func aggregateFigures() throws -> AggregateFigures {
        let snapshot = try snapshot(since: nil)
        return AggregateFigures(children: snapshot.children ?? [], placements: snapshot.placements ?? [],
                                bedAuthority: snapshot.bedAuthority ?? [:], vacancies: snapshot.vacancies ?? [])
    }
}
