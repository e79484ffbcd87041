import PlacementCore
import PlacementStore

extension StoreError {
    /// The store's refusal in `language` (PlacementStore words it in English; the command line says it).
    func description(_ language: Language) -> String {
        guard language != .en else { return description }
        let said: (message: Message, values: [String: String]) = switch self {
        case .newerSchema(let found, let known): (.cliStoreNewerSchema, ["found": found, "known": known])
        case .notADatabase(let path): (.cliStoreNotADatabase, ["path": path])
        case .cannotCreateFolder(let path): (.cliStoreCannotCreateFolder, ["path": path])
        case .cannotSecure(let path): (.cliStoreCannotSecure, ["path": path])
        case .backupExists(let path): (.cliStoreBackupExists, ["path": path])
        case .backupDamaged(let path): (.cliStoreBackupDamaged, ["path": path])
        case .unreadableValue(let table, let column): (.cliStoreUnreadableValue, ["table": table, "column": column])
        case .missingReference: (.cliStoreMissingReference, [:])
        case .duplicate: (.cliStoreDuplicate, [:])
        case .rejected(let reason): (.cliStoreRejected, ["reason": Catalogue.phrase(reason, language)])
        case .busy: (.cliStoreBusy, [:])
        case .sqlite(let code): (.cliStoreSqlite, ["code": String(code)])
        case .missingStore(let path): (.cliStoreMissingStore, ["path": path])
        case .storeExists(let path): (.cliStoreStoreExists, ["path": path])
        case .notAPlacefinderStore(let path, let why): (.cliStoreNotAPlacefinderStore, ["path": path, "why": Catalogue.phrase(why, language)])
        case .symlink(let path): (.cliStoreSymlink, ["path": path])
        case .isDirectory(let path): (.cliStoreIsDirectory, ["path": path])
        case .needsMigration(let path): (.cliStoreNeedsMigration, ["path": path])
        case .unknownGroup(let name): (.cliStoreUnknownGroup, ["name": name])
        case .diskFull: (.cliStoreDiskFull, [:])
        case .readOnly: (.cliStoreReadOnly, [:])
        case .readOnlyFolder: (.cliStoreReadOnlyFolder, [:])
        case .corrupt: (.cliStoreCorrupt, [:])
        case .cannotOpen: (.cliStoreCannotOpen, [:])
        case .writeFailed: (.cliStoreWriteFailed, [:])
        case .cannotConnect(let server, let why):
            // The server is named by its URL, or (a URL that could not be read) by the option it came from, in words.
            server.isEmpty ? (.cliStoreCannotConnectUnnamed, ["why": Catalogue.phrase(why, language)])
                : (.cliStoreCannotConnect, ["server": server.contains("://") ? server : Catalogue.phrase(server, language),
                                            "why": Catalogue.phrase(why, language)])
        case .server(let code): (.cliStoreServer, ["code": code])
        case .notOnPostgres(let what): (.cliStoreNotOnPostgres, ["what": Catalogue.phrase(what, language)])
        }
        return said.message.text(language, said.values)
    }
}
