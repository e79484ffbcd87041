import Foundation
import PlacementCore
@testable import PlacementStore

/// A small store for the workflow writes: C1 placed with P1 in Cardiff; C2 and C3 waiting; V1 (P2, Swansea)
/// has one bed; V2 (P2) has two.
enum WorkflowWorld {
    static func time(_ iso: String) -> Date { ISO8601DateFormatter().date(from: iso)! }
    static let now = time("2026-11-25T09:00:00Z")
    static let today = Day(iso: "2026-11-25")!
    /// Cardiff children into Swansea beds: out of county, so every placement needs the panel (reg 12(3)).
    static let panel = PlacementApprovals(panel: "Panel 24 Nov, minute 7")

    static func child(_ id: String, status: ChildStatus) -> Child {
        Child(id: id, givenName: "Gwen", familyName: "Prys", dateOfBirth: Day(iso: "2012-05-01")!, gender: .female,
              homePostcode: "CF10 1AA", placingAuthority: "W06000015", acceptableSettings: [.foster, .residential],
              urgency: .neededBy(Day(iso: "2027-06-01")!), status: status)
    }

    static func vacancy(_ id: String, provider: String = "P2", beds: Int) -> Vacancy {
        Vacancy(id: id, providerID: provider, setting: .residential, postcode: "SA1 1AA", beds: beds, ageRange: 11...17,
                availableFrom: Day(iso: "2026-11-01")!, weeklyFee: 4_500, lastConfirmedAt: time("2026-11-20T10:00:00Z"))
    }

    static var batch: RecordBatch {
        RecordBatch(
            providers: [Fixtures.provider("P1", authority: "W06000015"), Fixtures.provider("P2", authority: "W06000011")],
            vacancies: [vacancy("V1", beds: 1), vacancy("V2", beds: 2), vacancy("V3", provider: "P1", beds: 1)],
            children: [child("C1", status: .placed), child("C2", status: .needsPlacement), child("C3", status: .needsPlacement)],
            placements: [Placement(id: "PL1", childID: "C1", providerID: "P1", start: Day(iso: "2025-03-01")!,
                                   placementType: .K2, localityTier: 0, milesFromHome: 2)],
            postcodes: [StoredPostcode(postcode: "CF10 1AA", latitude: 51.4817, longitude: -3.1803, authorityCode: "W06000015"),
                        StoredPostcode(postcode: "SA1 1AA", latitude: 51.6214, longitude: -3.9436, authorityCode: "W06000011")])
    }

    static func store(in folder: TempFolder, name: String = "s.sqlite") throws -> PlacementDatabase {
        let store = try PlacementDatabase(path: folder.file(name), create: true)
        try store.insert(batch)
        return store
    }

    /// The same world on `backend`.
    static func store(_ backend: Backend, in folder: TempFolder) throws -> any PlacementStoring {
        let store = try backend.freshStore(in: folder)
        try store.insert(batch)
        return store
    }

    /// Two connections to one store of `backend` holding this world, as two officers' processes would have.
    static func twoConnections(_ backend: Backend, in folder: TempFolder) throws -> [any PlacementStoring] {
        switch backend {
        case .sqlite:
            try store(in: folder).close()
            return [try PlacementDatabase(path: folder.file("s.sqlite")), try PlacementDatabase(path: folder.file("s.sqlite"))]
        case .postgres:
            let first = try store(.postgres, in: folder)
            return [first, try PostgresStore((first as! PostgresStore).location)]
        }
    }

    static func sameDayEnding() -> NoticeDraft {
        NoticeDraft(providerID: "P1", kind: .placementEnding, receivedAt: now, childID: "C1",
                    effectiveAt: time("2026-11-25T17:00:00Z"), reason: .CREQB, text: "rang at nine")
    }

    /// Everything a write could touch, to compare before and after a refused or failed write.
    struct Snapshot: Equatable {
        var children: [Child], vacancies: [Vacancy], placements: [Placement], notices: [ProviderNotice], contacts: [Contact]
        var stamps: [[String: RecordStamp]]
        var auditCount: Int

        init(_ store: any PlacementStoring) throws {
            children = try store.children()
            vacancies = try store.vacancies()
            placements = try store.placements()
            notices = try store.notices()
            contacts = try store.contacts()
            stamps = try StampedTable.allCases.map { try store.stamps(of: $0) }
            auditCount = try store.auditEntries(AuditQuery()).count
        }
    }

    /// Makes the store fail at the moment the audit entry `action` is appended: after every record was written.
    static func failOnAudit(_ action: String, in store: PlacementDatabase) throws {
        try store.pool.write { db in
            try db.execute(sql: """
                CREATE TRIGGER forced_failure BEFORE INSERT ON audit_log WHEN NEW.action = '\(action)'
                BEGIN SELECT RAISE(ABORT, 'forced failure'); END
                """)
        }
    }
}

/// Collects results from several threads.
final class Collected<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [T] = []
    func append(_ item: T) { lock.lock(); items.append(item); lock.unlock() }
    var all: [T] { lock.lock(); defer { lock.unlock() }; return items }
}
