import Foundation
import PlacementCore

/// The parts of the store interface not yet built on PostgreSQL: each refuses with one line naming what,
/// so a command on a PostgreSQL store fails clearly rather than half-working. Each moves out of this file
/// when it is built (docs/operations.md, "Regional server (PostgreSQL)", lists what works).
extension PostgresStore {
    private func pending(_ what: String) -> StoreError { .notOnPostgres(what: what) }

    public func backup(to destination: String, overwrite: Bool) throws {
        throw pending(StoreReason.backupOnPostgres.english())
    }
    public func integrityCheck() throws -> [String] { throw pending(StoreReason.checkOnPostgres.english()) }
}

extension PostgresStore: PlacementStoring {}
