import Foundation
import GRDB

/// What can go wrong with the store, worded for an officer: one line, no record contents, no SQL.
public enum StoreError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file has migrations this build does not know: it was written by a newer Placefinder.
    case newerSchema(found: String, known: String)
    case notADatabase(path: String)
    case cannotCreateFolder(path: String)
    case cannotSecure(path: String)
    case backupExists(path: String)
    case backupDamaged(path: String)
    /// A stored value could not be read back (hand-edited or damaged file).
    case unreadableValue(table: String, column: String)
    /// A batch refers to a record that is not in the store (or in the batch before it).
    case missingReference
    /// A record with the same identifier is already stored.
    case duplicate
    /// A value broke a rule the schema enforces (such as a NOT NULL column or the append-only audit log).
    case rejected(reason: String)
    case busy
    case sqlite(code: Int32)

    public var description: String {
        switch self {
        case .newerSchema(let found, let known):
            "this store was written by a newer Placefinder (schema \(found)); this version knows up to \(known)"
        case .notADatabase(let path): "\(path) is not a Placefinder store (not an SQLite database)"
        case .cannotCreateFolder(let path): "could not create the folder \(path)"
        case .cannotSecure(let path): "could not make \(path) private to you (mode 0600)"
        case .backupExists(let path): "\(path) already exists; choose another name or allow overwriting"
        case .backupDamaged(let path): "the backup at \(path) failed its integrity check and was not kept"
        case .unreadableValue(let table, let column): "a stored value in \(table).\(column) could not be read"
        case .missingReference: "a record refers to another record that is not in the store; nothing was saved"
        case .duplicate: "a record with the same identifier is already in the store; nothing was saved"
        case .rejected(let reason): "the store refused the change: \(reason)"
        case .busy: "the store is busy with another officer's change; try again in a moment"
        case .sqlite(let code): "the store reported an SQLite error (code \(code))"
        }
    }
}

extension StoreError {
    /// Turns GRDB's errors, whose descriptions carry SQL, into one-line store errors.
    static func from(_ error: any Error) -> any Error {
        guard let db = error as? DatabaseError else { return error }
        switch db.resultCode {
        case .SQLITE_BUSY, .SQLITE_LOCKED: return StoreError.busy
        case .SQLITE_NOTADB: return StoreError.sqlite(code: db.extendedResultCode.rawValue)
        case .SQLITE_CONSTRAINT:
            switch db.extendedResultCode {
            case .SQLITE_CONSTRAINT_FOREIGNKEY: return StoreError.missingReference
            case .SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_UNIQUE: return StoreError.duplicate
            case .SQLITE_CONSTRAINT_TRIGGER:
                // Trigger messages are ours (RAISE in Schema.swift), never record contents.
                return StoreError.rejected(reason: db.message ?? "a rule in the store")
            case .SQLITE_CONSTRAINT_NOTNULL: return StoreError.rejected(reason: "a required value is missing")
            case .SQLITE_CONSTRAINT_CHECK: return StoreError.rejected(reason: "a value is out of range")
            default: return StoreError.rejected(reason: "a constraint failed")
            }
        default: return StoreError.sqlite(code: db.extendedResultCode.rawValue)
        }
    }

    /// Runs `body`, rethrowing database errors as `StoreError`.
    static func mapping<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw from(error) }
    }
}
