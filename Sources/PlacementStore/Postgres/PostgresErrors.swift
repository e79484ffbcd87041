import Foundation
import PostgresNIO

/// PostgreSQL's errors as the store's one-line `StoreError`s: SQLSTATE classes, never the server's message
/// (which can quote values), except for the messages our own schema raises.
enum PostgresErrors {
    static func connecting(_ error: any Error, location: PostgresLocation) -> StoreError {
        guard let psql = error as? PSQLError else {
            return .cannotConnect(server: location.display, why: "no server answered (is it running, and is the address right?)")
        }
        switch psql.code {
        case .server:
            let state = psql.serverInfo?[.sqlState] ?? ""
            let why = switch state {
            case "28P01", "28000": "the server refused the login for \(location.user)"
            case "3D000": "there is no database \(location.database) on the server"
            default: "the server refused the connection (SQLSTATE \(state))"
            }
            return .cannotConnect(server: location.display, why: why)
        case .authMechanismRequiresPassword: return .cannotConnect(server: location.display, why: "the server asks for a password")
        case .sslUnsupported: return .cannotConnect(server: location.display, why: "the server does not offer TLS (sslmode=require)")
        default: return .cannotConnect(server: location.display, why: "no server answered (is it running, and is the address right?)")
        }
    }

    static func sqlState(_ error: any Error) -> String? {
        (error as? PSQLError)?.serverInfo?[.sqlState]
    }

    /// Serialisation failure or deadlock: the transaction lost a race and can simply run again.
    static func isRetryable(_ error: any Error) -> Bool {
        guard let state = sqlState(error) else { return false }
        return state == "40001" || state == "40P01"
    }

    static func mapped(_ error: any Error) -> any Error {
        guard let psql = error as? PSQLError else { return error }
        guard let state = psql.serverInfo?[.sqlState] else {
            return StoreError.cannotConnect(server: "", why: "the connection to the server was lost")
        }
        switch state {
        case "23503": return StoreError.missingReference
        case "23505": return StoreError.duplicate
        case "23502": return StoreError.rejected(reason: "a required value is missing")
        case "23514": return StoreError.rejected(reason: "a value is out of range")
        // P0001: RAISE EXCEPTION in our own triggers (Postgres/PostgresSchema.swift): our words, no values.
        case "P0001": return StoreError.rejected(reason: psql.serverInfo?[.message] ?? "a rule in the store")
        case "42501": return StoreError.rejected(reason: "your database role may not do this")
        case "25006": return StoreError.readOnly
        case "53100": return StoreError.diskFull
        case "40001", "40P01", "55P03": return StoreError.busy
        default: return StoreError.server(code: state)
        }
    }
}
