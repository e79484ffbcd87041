import Foundation
import PlacementCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Who the audit trail names: the operating-system account of the process's real user id. It is read from
/// the kernel (getuid → getpwuid), never from the environment, so one officer cannot act as another by
/// setting USER, LOGNAME or SUDO_USER.
public enum OfficerIdentity {
    /// Variables that replace the officer and the clock in test builds only.
    public static let testOnlyVariables = ["PLACEFINDER_OFFICER", "PLACEFINDER_NOW"]

    /// The login name of the real user id, or `uid N` for an account with no name.
    public static func account() -> String {
        let uid = getuid()
        if let entry = getpwuid(uid), let name = entry.pointee.pw_name { return String(cString: name) }
        return "uid \(uid)"
    }

    /// One line in `language` saying why a release build will not start, or nil. In a test build the variables
    /// are honoured.
    public static func refusal(environment: [String: String], testBuild: Bool, language: Language = .en) -> String? {
        guard !testBuild else { return nil }
        let set = testOnlyVariables.filter { environment[$0] != nil }
        guard let first = set.first else { return nil }
        return set.count == 1 ? Message.cliTestOnlyOne.text(language, ["variable": first])
            : Message.cliTestOnlyTwo.text(language, ["first": first, "second": set[1]])
    }
}
