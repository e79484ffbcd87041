import Foundation
#if canImport(Glibc)
import Glibc
#endif
import PlacementCore
import PlacementStore

/// Sends a referral for the command line and the dashboard alike: reads the pack, warns about what is
/// missing, writes the pack's files (0600, never over an existing file), then logs one referral per provider
/// in one transaction. A refused send removes the files it wrote, so nothing is half-done.
enum ReferralSender {
    struct Sent {
        let entries: [Contact]
        let files: [String]
        let missing: [MissingInformation]

        /// "sent referral K0012 to P0004, K0013 to P0007; pack: DIR/referral-C0003-….md (2 missing)"
        var summary: String { summary(.en) }

        func summary(_ language: Language) -> String {
            let who = entries.map { Message.cliReferralTo.text(language, ["referral": $0.id, "provider": $0.providerID]) }.joined(separator: ", ")
            let values = ["who": who, "files": files.joined(separator: ", "), "missing": String(missing.count)]
            return (missing.isEmpty ? Message.cliReferralSent : .cliReferralSentMissing).text(language, values)
        }
    }

    /// `language` is the pack's (Welsh, English or both with Welsh first) and the warnings' (Welsh when the
    /// pack has Welsh).
    static func send(_ draft: ReferralDraft, formats: [ReferralFormat], folder: String, store: any PlacementStoring,
                     officer: String, now: Date, language: ReferralLanguage = .en, warn: (String) -> Void) throws -> Sent {
        let preview = try store.referralPreview(childID: draft.childID, officer: officer, now: now, responseDue: draft.responseDue)
        for gap in preview.pack.missing { warn(gap.text(language.languages[0])) }
        let files = try write(preview.pack, formats: formats, folder: folder, language: language)
        do {
            let sending = try store.sendReferral(draft, officer: officer, now: now, expectedChildVersion: preview.childVersion)
            return Sent(entries: sending.entries, files: files, missing: sending.pack.missing)
        } catch {
            for file in files { unlink(file) }
            throw error
        }
    }

    /// Writes the pack in each format; returns the paths. The folder is created 0700 when missing and an
    /// existing one is left as it is (never widened).
    static func write(_ pack: ReferralPack, formats: [ReferralFormat], folder: String, language: ReferralLanguage = .en) throws -> [String] {
        var isFolder: ObjCBool = false
        if !FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true,
                                                        attributes: [.posixPermissions: 0o700])
            } catch {
                throw UserError(.cliPhraseUserPackCannotCreate, ["folder": folder])
            }
        } else if !isFolder.boolValue {
            throw UserError(.cliPhraseUserNotFolder, ["folder": folder])
        }
        var written: [String] = []
        do {
            for format in formats {
                written.append(try create(in: folder, name: ReferralDocument.fileName(pack, format: format),
                                          contents: ReferralDocument.render(pack, as: format, language: language)))
            }
        } catch {
            for file in written { unlink(file) }
            throw error
        }
        return written
    }

    /// A new file readable by its owner only; a name already taken gets "-2", "-3"… before its extension.
    static func create(in folder: String, name: String, contents: String) throws -> String {
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        for attempt in 1...50 {
            let candidate = attempt == 1 ? name : String(name[..<dot]) + "-\(attempt)" + String(name[dot...])
            let path = (folder as NSString).appendingPathComponent(candidate)
            let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw UserError(.cliPhraseUserPackCannotWrite, ["folder": folder, "why": String(cString: strerror(errno))])
            }
            defer { close(fd) }
            fchmod(fd, 0o600)
            let bytes = Array(contents.utf8)
            var offset = 0
            while offset < bytes.count {
                let n = bytes[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
                if n <= 0 {
                    unlink(path)
                    throw UserError(.cliPhraseUserPackCannotWrite, ["folder": folder, "why": String(cString: strerror(errno))])
                }
                offset += n
            }
            if fsync(fd) != 0 {
                unlink(path)
                throw UserError(.cliPhraseUserPackCannotWrite, ["folder": folder, "why": String(cString: strerror(errno))])
            }
            return path
        }
        throw UserError(.cliPhraseUserPackTooMany, ["folder": folder])
    }
}
