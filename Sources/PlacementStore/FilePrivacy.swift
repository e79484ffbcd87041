import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps the store private to the officer's OS account: folder 0700, files 0600.
/// Child records are special-category personal data; a shared host must not expose them to other accounts.
enum FilePrivacy {
    static let fileMode: mode_t = 0o600
    static let folderMode: mode_t = 0o700

    /// Creates the folder holding `path` as 0700 when missing (parents get the usual mode).
    /// An existing folder is left alone: it may be one the administrator set up on purpose.
    static func ensureFolder(for path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty, !FileManager.default.fileExists(atPath: folder) else { return }
        let parent = (folder as NSString).deletingLastPathComponent
        do {
            if !parent.isEmpty {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
        } catch {
            throw StoreError.cannotCreateFolder(path: folder)
        }
        // mkdir honours the umask, so chmod afterwards to be sure of 0700.
        if mkdir(folder, folderMode) != 0 && errno != EEXIST { throw StoreError.cannotCreateFolder(path: folder) }
        if chmod(folder, folderMode) != 0 { throw StoreError.cannotCreateFolder(path: folder) }
    }

    /// Runs `body` with umask 077 so files SQLite creates start out 0600, then restores the umask.
    /// The umask is process-wide: this is done only while opening, never during normal work.
    /// The lock keeps two opens in one process from interleaving and restoring each other's umask.
    static func withPrivateUmask<T>(_ body: () throws -> T) throws -> T {
        try umaskLock.withLock { _ in
            let previous = umask(0o077)
            defer { umask(previous) }
            return try body()
        }
    }

    /// Held while the process umask is temporarily changed (tests take it too when they set one).
    static let umaskLock = Mutex<Void>(())

    /// Sets 0600 on the database and its -wal/-shm files where they exist and belong to us.
    /// SQLite copies the database's mode onto -wal/-shm it recreates later, so one private file keeps them private.
    static func secure(databaseAt path: String) throws {
        for file in [path, path + "-wal", path + "-shm"] {
            var info = stat()
            guard lstat(file, &info) == 0 else { continue }   // not there (yet): nothing to do
            guard info.st_uid == geteuid() else { continue }  // another account's file: not ours to change
            if info.st_mode & 0o777 != fileMode && chmod(file, fileMode) != 0 {
                throw StoreError.cannotSecure(path: file)
            }
        }
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
    public static func permissionWarning(for path: String) -> String? {
        var file = stat()
        guard stat(path, &file) == 0 else { return nil }
        let folderPath = (path as NSString).deletingLastPathComponent.isEmpty ? "." : (path as NSString).deletingLastPathComponent
        var folder = stat()
        let folderKnown = stat(folderPath, &folder) == 0
        let groupOther: mode_t = 0o077
        var problems: [String] = []
        var fixes: [String] = []
        if file.st_uid != geteuid() {
            problems.append("the file belongs to another account (uid \(file.st_uid))")
            fixes.append("have its owner or the administrator chown it to the account that runs Placefinder")
        }
        if file.st_mode & groupOther != 0 {
            problems.append("the file has mode \(octal(file.st_mode & 0o777))")
            fixes.append("chmod 600 \(shellQuoted(path))")
        }
        if folderKnown && folder.st_mode & groupOther != 0 {
            problems.append("its folder has mode \(octal(folder.st_mode & 0o777))")
            fixes.append("chmod 700 \(shellQuoted(folderPath))")
        }
        guard !problems.isEmpty else { return nil }
        return "warning: \(path) may be open to other accounts (\(problems.joined(separator: ", "))); fix: \(fixes.joined(separator: " and "))"
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
