import Foundation
import PlacementCore
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a store's folder says who may use it. `personal`: one account, folder 0700, files 0600.
/// `shared`: a group of officers, folder setgid (2770, or 2750 for a group that only reads) and files
/// 0660 (0640) in that group, as `placefinder store init --group` sets up.
enum StoreLayout: Equatable {
    case personal
    case shared(gid: gid_t, groupWrites: Bool)

    /// Read from the folder holding `path`: setgid with group read and search bits is the shared layout.
    static func of(storeAt path: String) -> StoreLayout {
        var folder = stat()
        guard stat(StoreFile.folder(of: path), &folder) == 0,
              folder.st_mode & S_ISGID != 0, folder.st_mode & 0o050 == 0o050 else { return .personal }
        return .shared(gid: folder.st_gid, groupWrites: folder.st_mode & 0o020 != 0)
    }

    var fileMode: mode_t {
        switch self {
        case .personal: 0o600
        case .shared(_, let groupWrites): groupWrites ? 0o660 : 0o640
        }
    }

    /// The umask that makes SQLite create files with `fileMode` (it asks for 0644 and copies the db's mode later).
    var umask: mode_t {
        switch self {
        case .personal: 0o077
        case .shared(_, let groupWrites): groupWrites ? 0o007 : 0o027
        }
    }
}

/// Keeps the store to the officer's account (or the officers' group): nobody else can read it.
/// Child records are special-category personal data; a shared host must not expose them to other accounts.
enum FilePrivacy {
    static let fileMode: mode_t = 0o600
    static let folderMode: mode_t = 0o700

    /// Creates the folder holding `path` as 0700 when missing (parents get the usual mode).
    /// An existing folder is left alone: it may be one the administrator set up on purpose.
    static func ensureFolder(for path: String) throws {
        try ensureFolder(for: path, mode: folderMode, gid: nil)
    }

    /// Creates the folder holding `path` with `mode`, in group `gid` when given. An existing folder we own
    /// is set to `mode` only when a group is given (`store init --group` makes the layout on purpose).
    static func ensureFolder(for path: String, mode: mode_t, gid: gid_t?) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty else { return }
        if !FileManager.default.fileExists(atPath: folder) {
            let parent = (folder as NSString).deletingLastPathComponent
            do {
                if !parent.isEmpty {
                    try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
                }
            } catch {
                throw StoreError.cannotCreateFolder(path: folder)
            }
            if mkdir(folder, 0o700) != 0 && errno != EEXIST { throw StoreError.cannotCreateFolder(path: folder) }
        } else if gid == nil {
            return
        } else if let gid, let existing = try? folderMode(of: folder), existing.mode == mode, existing.gid == gid {
            return   // already the group's layout (perhaps set up by the administrator, who owns it)
        }
        // chown before chmod: changing the group clears the setgid bit on some systems.
        if let gid, chown(folder, uid_t.max, gid) != 0 { throw StoreError.cannotSecure(path: folder) }
        // mkdir honours the umask, so chmod afterwards to be sure of the mode.
        if chmod(folder, mode) != 0 { throw StoreError.cannotCreateFolder(path: folder) }
    }

    /// Runs `body` with umask 077 so files SQLite creates start out 0600, then restores the umask.
    static func withPrivateUmask<T>(_ body: () throws -> T) throws -> T {
        try withUmask(0o077, body)
    }

    /// Runs `body` under `mask`, then restores the umask.
    /// The umask is process-wide: this is done only while opening, never during normal work.
    /// The lock keeps two opens in one process from interleaving and restoring each other's umask.
    static func withUmask<T>(_ mask: mode_t, _ body: () throws -> T) throws -> T {
        try umaskLock.withLock { _ in
            let previous = umask(mask)
            defer { umask(previous) }
            return try body()
        }
    }

    /// Held while the process umask is temporarily changed (tests take it too when they set one).
    static let umaskLock = Mutex<Void>(())

    /// Sets 0600 on the database and its -wal/-shm files where they exist and belong to us.
    static func secure(databaseAt path: String) throws {
        try secure(databaseAt: path, layout: .personal)
    }

    /// Sets the layout's mode (and, when shared, its group) on the database and its -wal/-shm files where they
    /// exist and belong to us. SQLite copies the database's mode onto -wal/-shm it recreates later, so one
    /// right file keeps them right. Symbolic links are never followed (lstat, and opening refuses them).
    static func secure(databaseAt path: String, layout: StoreLayout) throws {
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard lstat(file, &info) == 0 else { continue }   // not there (yet): nothing to do
            guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError.symlink(path: file) }
            guard info.st_uid == geteuid() else { continue }  // another account's file: not ours to change
            if case .shared(let gid, _) = layout, info.st_gid != gid, chown(file, uid_t.max, gid) != 0 {
                throw StoreError.cannotSecure(path: file)
            }
            if info.st_mode & 0o777 != layout.fileMode && chmod(file, layout.fileMode) != 0 {
                throw StoreError.cannotSecure(path: file)
            }
        }
    }

    private static func folderMode(of path: String) throws -> (mode: mode_t, gid: gid_t) {
        var info = stat()
        guard stat(path, &info) == 0 else { throw StoreError.cannotCreateFolder(path: path) }
        return (info.st_mode & 0o7777, info.st_gid)
    }

    static func mode(of path: String) -> mode_t? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return info.st_mode & 0o777
    }
}

extension PlacementDatabase {
    /// A one-line warning when an existing store at `path` is open to other accounts: the file or its
    /// folder readable or writable by group or others, or the file owned by another account. Nil when
    /// the store is private (or missing). Call it before opening: opening tightens a file we own to 0600,
    /// but never the folder, and never another account's file.
    /// In `language` (`cli.permission.*`); commands, modes and ids as typed.
    public static func permissionWarning(for path: String, language: Language = .en) -> String? {
        var file = stat()
        guard stat(path, &file) == 0 else { return nil }
        let folderPath = StoreFile.folder(of: path)
        var folder = stat()
        let folderKnown = stat(folderPath, &folder) == 0
        var problems: [String] = []
        var fixes: [String] = []
        if case .shared(let gid, _) = StoreLayout.of(storeAt: path) {
            // A group's store: colleagues' files and group bits are expected; others' bits and a foreign group are not.
            if file.st_gid != gid {
                problems.append(Message.cliPermissionForeignGroup.text(language, ["gid": String(file.st_gid), "folder": String(gid)]))
                fixes.append("chgrp \(gid) \(shellQuoted(path))")
            }
            if file.st_mode & 0o007 != 0 {
                problems.append(Message.cliPermissionFileMode.text(language, ["mode": octal(file.st_mode & 0o777)]))
                fixes.append("chmod 660 \(shellQuoted(path))")
            }
            if folderKnown && folder.st_mode & 0o007 != 0 {
                problems.append(Message.cliPermissionFolderMode.text(language, ["mode": octal(folder.st_mode & 0o7777)]))
                fixes.append("chmod 2770 \(shellQuoted(folderPath))")
            }
        } else {
            let groupOther: mode_t = 0o077
            if file.st_uid != geteuid() {
                problems.append(Message.cliPermissionOwner.text(language, ["uid": String(file.st_uid)]))
                fixes.append(Message.cliPermissionChown.text(language))
            }
            if file.st_mode & groupOther != 0 {
                problems.append(Message.cliPermissionFileMode.text(language, ["mode": octal(file.st_mode & 0o777)]))
                fixes.append("chmod 600 \(shellQuoted(path))")
            }
            if folderKnown && folder.st_mode & groupOther != 0 {
                problems.append(Message.cliPermissionFolderMode.text(language, ["mode": octal(folder.st_mode & 0o777)]))
                fixes.append("chmod 700 \(shellQuoted(folderPath))")
            }
        }
        guard !problems.isEmpty else { return nil }
        return Message.cliPermissionWarning.text(language, ["path": path, "problems": problems.joined(separator: ", "),
                                                            "fixes": fixes.joined(separator: " " + Message.cliPermissionAnd.text(language) + " ")])
    }

    private static func octal(_ mode: mode_t) -> String {
        let digits = String(mode, radix: 8)
        return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    private static func shellQuoted(_ path: String) -> String {
        let safe = path.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "/._-+@%:,".contains($0)) }
        return safe ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
