import Foundation
import PostgresNIO

/// PostgreSQL's errors as the store's one-line `StoreError`s: SQLSTATE classes, never the server's message
/// (which can quote values), except for the messages our own schema raises.
enum PostgresErrors {
    static func connecting(_ error: any Error, location: PostgresLocation) -> StoreError {
        guard let psql = error as? PSQLError else {
            return .cannotConnect(server: location.display, why: StoreReason.noServerAnswered.english())
        }
        switch psql.code {
        case .server:
            let state = psql.serverInfo?[.sqlState] ?? ""
            let why = switch state {
            case "28P01", "28000": StoreReason.loginRefused.english(["user": location.user])
            case "3D000": StoreReason.noSuchDatabase.english(["database": location.database])
            default: StoreReason.connectionRefused.english(["state": state])
            }
            return .cannotConnect(server: location.display, why: why)
        case .authMechanismRequiresPassword: return .cannotConnect(server: location.display, why: StoreReason.asksForPassword.english())
        case .sslUnsupported: return .cannotConnect(server: location.display, why: StoreReason.noTLS.english())
        default: return .cannotConnect(server: location.display, why: StoreReason.noServerAnswered.english())
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
            return StoreError.cannotConnect(server: "", why: StoreReason.connectionLost.english())
        }
        switch state {
        case "23503": return StoreError.missingReference
        case "23505": return StoreError.duplicate
        case "23502": return StoreError.rejected(.requiredValueMissing)
        case "23514": return StoreError.rejected(.valueOutOfRange)
        // P0001: RAISE EXCEPTION in our own triggers (Postgres/PostgresSchema.swift): our words, no values.
        case "P0001": return StoreError.rejected(reason: psql.serverInfo?[.message] ?? StoreReason.ruleInStore.english())
        case "42501": return StoreError.rejected(.roleMayNotDoThis)
        case "25006": return StoreError.readOnly
        case "53100": return StoreError.diskFull
        case "40001", "40P01", "55P03": return StoreError.busy
        default: return StoreError.server(code: state)
        }
    }
}
