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
    /// Only `placefinder store init` (or `demo`) creates a store; every other command needs one there.
    case missingStore(path: String)
    /// `store init` never overwrites: a file is already at the path.
    case storeExists(path: String)
    /// The file exists but is not one Placefinder made (empty, another program's database, not SQLite).
    case notAPlacefinderStore(path: String, why: String)
    /// A symbolic link at the store's path (or its -wal/-shm): following it would chmod and write its target.
    case symlink(path: String)
    case isDirectory(path: String)
    /// A read-only open found a store that needs upgrading first.
    case needsMigration(path: String)
    case unknownGroup(name: String)
    case diskFull
    case readOnly
    case readOnlyFolder
    case corrupt
    case cannotOpen
    case writeFailed
    /// A PostgreSQL store (`postgresql://…`) could not be reached or refused the login; `why` names which.
    case cannotConnect(server: String, why: String)
    /// The PostgreSQL server reported an error that is not one of the cases above (`code` is its SQLSTATE).
    case server(code: String)
    /// What this command needs is not yet built for a PostgreSQL store (issue 12); SQLite stores have it.
    case notOnPostgres(what: String)

    public var description: String {
        switch self {
        case .newerSchema(let found, let known):
            "this store was written by a newer Placefinder (schema \(found)); this version knows up to \(known)"
        case .notADatabase(let path): "\(path) is not a Placefinder store (not an SQLite database)"
        case .cannotCreateFolder(let path): "could not create the folder \(path)"
        case .cannotSecure(let path):
            "could not set the owner or mode of \(path), which keep the store to your account (or its group); ask the administrator"
        case .backupExists(let path): "\(path) already exists; choose another name or allow overwriting"
        case .backupDamaged(let path): "the backup at \(path) failed its integrity check and was not kept"
        case .unreadableValue(let table, let column): "a stored value in \(table).\(column) could not be read"
        case .missingReference: "a record refers to another record that is not in the store; nothing was saved"
        case .duplicate: "a record with the same identifier is already in the store; nothing was saved"
        case .rejected(let reason): "the store refused the change: \(reason)"
        case .busy: "the store is busy with another officer's change; try again in a moment"
        case .sqlite(let code): "the store reported an SQLite error (code \(code))"
        case .missingStore(let path):
            "no store at \(path); create one with `placefinder store init --store \(path)` (or `placefinder demo` for a demo)"
        case .storeExists(let path): "\(path) already exists; `store init` only creates a new store"
        case .notAPlacefinderStore(let path, let why): "\(path) is not a Placefinder store (\(why)); check the --store path"
        case .symlink(let path): "\(path) is a symbolic link; give the real path of the store (links are refused so its target is never changed)"
        case .isDirectory(let path): "\(path) is a folder, not a store file; give the path of the store file"
        case .needsMigration(let path):
            "the store at \(path) was made by an older Placefinder and must be upgraded first: run `placefinder store upgrade --store \(path)` as an officer who can write to it"
        case .unknownGroup(let name): "there is no group called \(name) on this host; create it first (groupadd) or check the spelling"
        case .diskFull: "the disk holding the store is full; nothing was saved (free some space, see `df -h`, and try again)"
        case .readOnly: "the store is read-only for you; nothing was saved (ask the administrator for write access, or use a read-only command)"
        case .readOnlyFolder:
            "the store's folder is read-only for you, so SQLite cannot write beside the store; nothing was saved (ask the administrator, or use a read-only command)"
        case .corrupt: "the store file is damaged (SQLite reports corruption); stop using it, keep a copy, and restore the latest backup (docs/operations.md)"
        case .cannotOpen: "the store cannot be opened (its folder may be missing or unreadable, or the path may be a folder); check the --store path"
        case .writeFailed:
            "the store's file could not be read or written (disk full, a file-size limit such as `ulimit -f`, or a disk fault); nothing was saved"
        case .cannotConnect(let server, let why):
            server.isEmpty ? "could not connect to the PostgreSQL store: \(why)" : "could not connect to the PostgreSQL store \(server): \(why)"
        case .server(let code): "the PostgreSQL store reported an error (SQLSTATE \(code)); nothing was saved"
        case .notOnPostgres(let what): "\(what) is not available on a PostgreSQL store yet; use a SQLite store for it"
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
        case .SQLITE_FULL: return StoreError.diskFull
        case .SQLITE_READONLY:
            return db.extendedResultCode == .SQLITE_READONLY_DIRECTORY ? StoreError.readOnlyFolder : StoreError.readOnly
        case .SQLITE_CORRUPT: return StoreError.corrupt
        case .SQLITE_CANTOPEN: return StoreError.cannotOpen
        case .SQLITE_IOERR: return StoreError.writeFailed
        case .SQLITE_CONSTRAINT:
            switch db.extendedResultCode {
            case .SQLITE_CONSTRAINT_FOREIGNKEY: return StoreError.missingReference
            case .SQLITE_CONSTRAINT_PRIMARYKEY, .SQLITE_CONSTRAINT_UNIQUE: return StoreError.duplicate
            case .SQLITE_CONSTRAINT_TRIGGER:
                // Trigger messages are ours (RAISE in Schema.swift), never record contents; each is a StoreReason.
                return StoreError.rejected(reason: db.message ?? StoreReason.ruleInStore.english())
            case .SQLITE_CONSTRAINT_NOTNULL: return StoreError.rejected(.requiredValueMissing)
            case .SQLITE_CONSTRAINT_CHECK: return StoreError.rejected(.valueOutOfRange)
            default: return StoreError.rejected(.constraintFailed)
            }
        default: return StoreError.sqlite(code: db.extendedResultCode.rawValue)
        }
    }

    /// Runs `body`, rethrowing database errors as `StoreError`.
    static func mapping<T>(_ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw from(error) }
    }
}
