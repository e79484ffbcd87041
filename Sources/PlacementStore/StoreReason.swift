import PlacementCore

/// Every reason the store gives in words when it refuses a change or cannot open a store (`StoreError.rejected`,
/// `.notAPlacefinderStore`, `.cannotConnect`, `.notOnPostgres`), each a catalogue row (`core.phrase.store.*`).
/// The error keeps the English (its `description` is one English line, for logs and tests); whoever says it
/// to an officer finds the Welsh by that English (`Catalogue.phrase`). Reasons are written only through this
/// type, so a new one cannot compile without its row, and `StoreReasonTests` checks each one, and every
/// message the schemas' triggers raise, is said in Welsh.
public enum StoreReason: String, CaseIterable, Sendable {
    // The schema's rules, by SQLite constraint kind or PostgreSQL SQLSTATE class.
    case requiredValueMissing, valueOutOfRange, constraintFailed, ruleInStore, roleMayNotDoThis
    // What the schemas' triggers raise (Schema.swift, SchemaV6.swift, AuditChain.swift, Postgres/): the
    // store hands their text on as it is, so each text is a reason here.
    case auditLogUnchangeable, auditLogUndeletable, auditLogAppendOnly, noticesKeptAsRecorded, contactsKeptAsRecorded
    case bedHeldForOwnAuthorityOnly
    // A regional server's administration.
    case checkNeedsAdministrator, officerNameFormat, authorityCodeFormat, noRolesYet
    // Why a file is not a Placefinder store.
    case notARegularFile, emptyFile, unreadableFile, notSQLite, anotherProgramsDatabase, notMadeByPlacefinder
    // Why a PostgreSQL store could not be reached (`user`, `database`, `state` are given as they are).
    case noServerAnswered, loginRefused, noSuchDatabase, connectionRefused, asksForPassword, noTLS, connectionLost
    case notAUnderstoodURL, notAUnderstoodURLExample, notAPostgresURL
    // What is not yet built on PostgreSQL.
    case backupOnPostgres, checkOnPostgres

    public var message: Message {
        switch self {
        case .requiredValueMissing: .corePhraseStoreRequiredValueMissing
        case .valueOutOfRange: .corePhraseStoreValueOutOfRange
        case .constraintFailed: .corePhraseStoreConstraintFailed
        case .ruleInStore: .corePhraseStoreRuleInStore
        case .roleMayNotDoThis: .corePhraseStoreRoleMayNotDoThis
        case .auditLogUnchangeable: .corePhraseStoreAuditUnchangeable
        case .auditLogUndeletable: .corePhraseStoreAuditUndeletable
        case .auditLogAppendOnly: .corePhraseStoreAuditAppendOnly
        case .noticesKeptAsRecorded: .corePhraseStoreNoticesKept
        case .contactsKeptAsRecorded: .corePhraseStoreContactsKept
        case .bedHeldForOwnAuthorityOnly: .corePhraseStoreBedOwnAuthority
        case .checkNeedsAdministrator: .corePhraseStoreCheckNeedsAdmin
        case .officerNameFormat: .corePhraseStoreOfficerName
        case .authorityCodeFormat: .corePhraseStoreAuthorityCode
        case .noRolesYet: .corePhraseStoreNoRoles
        case .notARegularFile: .corePhraseStoreNotRegularFile
        case .emptyFile: .corePhraseStoreEmptyFile
        case .unreadableFile: .corePhraseStoreUnreadableFile
        case .notSQLite: .corePhraseStoreNotSqlite
        case .anotherProgramsDatabase: .corePhraseStoreAnotherProgram
        case .notMadeByPlacefinder: .corePhraseStoreNotPlacefinder
        case .noServerAnswered: .corePhraseStoreNoServer
        case .loginRefused: .corePhraseStoreLoginRefused
        case .noSuchDatabase: .corePhraseStoreNoDatabase
        case .connectionRefused: .corePhraseStoreConnectionRefused
        case .asksForPassword: .corePhraseStoreAsksPassword
        case .noTLS: .corePhraseStoreNoTls
        case .connectionLost: .corePhraseStoreConnectionLost
        case .notAUnderstoodURL: .corePhraseStoreNotUnderstoodUrl
        case .notAUnderstoodURLExample: .corePhraseStoreNotUnderstoodUrlExample
        case .notAPostgresURL: .corePhraseStoreNotPostgresUrl
        case .backupOnPostgres: .corePhraseStoreBackupOnPostgres
        case .checkOnPostgres: .corePhraseStoreCheckOnPostgres
        }
    }

    /// The reason in English, as the error carries it (`values` fill its placeholders: a login, a database, an SQLSTATE).
    public func english(_ values: [String: String] = [:]) -> String { message.text(.en, values) }

    /// The reason a trigger raised, when its text is one of ours.
    public init?(english text: String) {
        guard let reason = Self.allCases.first(where: { $0.english() == text }) else { return nil }
        self = reason
    }
}

extension StoreError {
    /// A refusal for one of the store's own reasons.
    static func rejected(_ reason: StoreReason) -> StoreError { .rejected(reason: reason.english()) }
}
