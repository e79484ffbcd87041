import GRDB
import PlacementCore

/// Reads of whole records, in a stable order so screens and exports do not shuffle between runs.
extension PlacementDatabase {
    public func providers() throws -> [Provider] {
        try read { db in try ProviderRecord.fetchAll(db, sql: "SELECT * FROM providers ORDER BY name, id").map(\.value) }
    }

    public func vacancies() throws -> [Vacancy] {
        try read { db in try VacancyRecord.fetchAll(db, sql: "SELECT * FROM vacancies ORDER BY provider_id, id").map(\.value) }
    }

    public func children() throws -> [Child] {
        try read { db in try ChildRecord.fetchAll(db, sql: "SELECT * FROM children ORDER BY id").map(\.value) }
    }

    public func child(id: String) throws -> Child? {
        try read { db in
            try ChildRecord.fetchOne(db, sql: "SELECT * FROM children WHERE id = ?", arguments: [id])?.value
        }
    }

    public func placements() throws -> [Placement] {
        try read { db in
            try PlacementRecord.fetchAll(db, sql: "SELECT * FROM placements ORDER BY child_id, start, id").map(\.value)
        }
    }

    /// A child's placement history, oldest first.
    public func placements(childID: String) throws -> [Placement] {
        try read { db in
            try PlacementRecord.fetchAll(db, sql: "SELECT * FROM placements WHERE child_id = ? ORDER BY start, id",
                                         arguments: [childID]).map(\.value)
        }
    }

    /// Provider notices, newest first.
    public func notices() throws -> [ProviderNotice] {
        try read { db in
            try NoticeRecord.fetchAll(db, sql: "SELECT * FROM notices ORDER BY received_at DESC, id").map(\.value)
        }
    }

    /// The ring-round for a child, in call order.
    public func contacts(childID: String) throws -> [Contact] {
        try read { db in
            try ContactRecord.fetchAll(db, sql: "SELECT * FROM contacts WHERE child_id = ? ORDER BY at, id",
                                       arguments: [childID]).map(\.value)
        }
    }
}
