import Foundation
import PlacementCore
import Testing
@testable import PlacementStore
#if canImport(Glibc)
import Glibc
#endif

@Suite struct OfficerIdentityTests {
    @Test func theOfficerIsTheRealUserIDsAccountWhateverTheEnvironmentSays() throws {
        let expected = try #require(getpwuid(getuid())).pointee.pw_name.map { String(cString: $0) }
        // USER, LOGNAME and SUDO_USER are the caller's to set: they must not change who is recorded.
        let saved = ["USER", "LOGNAME", "SUDO_USER"].map { ($0, ProcessInfo.processInfo.environment[$0]) }
        for (key, _) in saved { setenv(key, "someone-else", 1) }
        defer { for (key, value) in saved { if let value { setenv(key, value, 1) } else { unsetenv(key) } } }
        #expect(OfficerIdentity.account() == expected)
        #expect(OfficerIdentity.account() != "someone-else")
    }

    @Test func aReleaseBuildRefusesTheTestOnlyVariablesInOneLine() throws {
        let officer = try #require(OfficerIdentity.refusal(environment: ["PLACEFINDER_OFFICER": "alice"], testBuild: false))
        #expect(officer.hasPrefix("PLACEFINDER_OFFICER is for test builds only") && !officer.contains("\n"), "\(officer)")
        let both = try #require(OfficerIdentity.refusal(environment: ["PLACEFINDER_OFFICER": "", "PLACEFINDER_NOW": "2026-01-01T00:00:00Z"],
                                                        testBuild: false))
        #expect(both.hasPrefix("PLACEFINDER_OFFICER and PLACEFINDER_NOW are for test builds only"), "\(both)")
        // In Welsh (issue 16), still one line naming the variables as typed.
        let welsh = try #require(OfficerIdentity.refusal(environment: ["PLACEFINDER_OFFICER": "alice"], testBuild: false, language: .cy))
        #expect(welsh == "mae PLACEFINDER_OFFICER ar gyfer adeiladweithiau prawf yn unig a byddai'n gadael i'r trywydd archwilio enwi "
                + "swyddog neu amser arall; dadosodwch ef a rhedeg eto", "\(welsh)")
        let welshBoth = try #require(OfficerIdentity.refusal(environment: ["PLACEFINDER_OFFICER": "a", "PLACEFINDER_NOW": "b"],
                                                             testBuild: false, language: .cy))
        #expect(welshBoth.hasPrefix("mae PLACEFINDER_OFFICER a PLACEFINDER_NOW ar gyfer adeiladweithiau prawf yn unig") && !welshBoth.contains(" and "))
        #expect(OfficerIdentity.refusal(environment: ["USER": "alice", "SUDO_USER": "bob"], testBuild: false) == nil)
        #expect(OfficerIdentity.refusal(environment: ["PLACEFINDER_OFFICER": "alice"], testBuild: true) == nil)
    }
}

/// `store init --group`: the group's officers share the store under their own accounts.
@Suite(.serialized) struct GroupLayoutTests {
    /// A group every test host has; root can put files in any group.
    static let group = "users"

    @Test func aGroupStoreIs2770WithFiles0660InThatGroupAndStaysSo() throws {
        guard geteuid() == 0, let gid = getgrnam(Self.group)?.pointee.gr_gid else { return }
        let previous = setUmask(0o022)
        defer { setUmask(previous) }
        let folder = try TempFolder()
        let path = folder.file("shared/store.sqlite")
        let store = try PlacementDatabase.create(at: path, group: Self.group)
        try store.insert(Fixtures.fullBatch())   // -wal and -shm exist now
        var info = stat()
        #expect(stat(folder.file("shared"), &info) == 0)
        #expect(info.st_mode & 0o7777 == 0o2770 && info.st_gid == gid)
        for file in [path, path + "-wal", path + "-shm"] {
            #expect(stat(file, &info) == 0)
            #expect(info.st_mode & 0o777 == 0o660 && info.st_gid == gid, "\(file): \(String(info.st_mode & 0o777, radix: 8))")
        }
        #expect(PlacementDatabase.permissionWarning(for: path) == nil, "the group layout is not a loose store")
        try store.close()

        // Reopening keeps the group's access (it used to be reset to 0600, locking colleagues out).
        try PlacementDatabase(path: path, create: false).close()
        #expect(FilePrivacy.mode(of: path) == 0o660)
        // Others' bits are still named.
        chmod(path, 0o664)
        #expect(PlacementDatabase.permissionWarning(for: path)?.contains("chmod 660") == true)
    }

    @Test func aPersonalStoreIs0600InA0700FolderAndInitRefusesAnExistingFile() throws {
        let previous = setUmask(0o022)
        defer { setUmask(previous) }
        let folder = try TempFolder()
        let path = folder.file("mine/store.sqlite")
        try PlacementDatabase.create(at: path).close()
        #expect(FilePrivacy.mode(of: folder.file("mine")) == 0o700)
        #expect(FilePrivacy.mode(of: path) == 0o600)
        #expect(throws: StoreError.storeExists(path: path)) { try PlacementDatabase.create(at: path) }
        #expect(throws: StoreError.unknownGroup(name: "no-such-group-xyz")) {
            try PlacementDatabase.create(at: folder.file("other/s.sqlite"), group: "no-such-group-xyz")
        }
    }
}
