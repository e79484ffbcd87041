import Foundation
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

    /// One line saying why a release build will not start, or nil. In a test build the variables are honoured.
    public static func refusal(environment: [String: String], testBuild: Bool) -> String? {
        guard !testBuild else { return nil }
        let set = testOnlyVariables.filter { environment[$0] != nil }
        guard !set.isEmpty else { return nil }
        return "\(set.joined(separator: " and ")) \(set.count == 1 ? "is" : "are") for test builds only and would let the audit trail name another officer or time; unset \(set.count == 1 ? "it" : "them") and run again"
    }
}
