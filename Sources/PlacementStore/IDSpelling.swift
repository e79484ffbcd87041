import GRDB

/// The kinds of record an officer names by id on the command line.
public enum NamedRecord: String, Sendable, CaseIterable {
    case child = "children", vacancy = "vacancies", provider = "providers"
}

extension PlacementDatabase {
    /// The id as stored for what an officer typed in any case (`c0075` → `C0075`): the exact id when it
    /// exists, else the one id equal to it ignoring ASCII case; otherwise `typed` unchanged, so the caller's
    /// own "no child with id …" still speaks. Only a miss costs a scan.
    public func storedID(_ typed: String, of kind: NamedRecord) throws -> String {
        try read { db in
            if try String.fetchOne(db, sql: "SELECT id FROM \(kind.rawValue) WHERE id = ?", arguments: [typed]) != nil { return typed }
            let found = try String.fetchAll(db, sql: "SELECT id FROM \(kind.rawValue) WHERE id = ? COLLATE NOCASE LIMIT 2", arguments: [typed])
            return found.count == 1 ? found[0] : typed
        }
    }
}
