import Foundation

/// Call-backs an officer agreed with a provider ("ring back at 10:00").
public enum CallBacks {
    /// Current calls with a call-back due by `until` that no later call to the same provider about the
    /// same child has answered, soonest first (overdue ones first of all).
    public static func due(_ contacts: [Contact], until: Date) -> [Contact] {
        let current = Corrections.current(contacts)
        var latest: [String: Contact] = [:]
        for c in current {
            let key = c.childID + "\u{1F}" + c.providerID
            if let seen = latest[key], (seen.at, seen.id) > (c.at, c.id) { continue }
            latest[key] = c
        }
        return latest.values.filter { $0.callBackAt.map { $0 <= until } ?? false }
            .sorted { ($0.callBackAt!, $0.id) < ($1.callBackAt!, $1.id) }
    }
}
