/// Where the store lives when the officer does not say (XDG Base Directory layout).
extension PlacementDatabase {
    /// `PLACEFINDER_STORE` if set and non-empty, else `$XDG_DATA_HOME/placefinder/placefinder.sqlite`,
    /// else `$HOME/.local/share/placefinder/placefinder.sqlite`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let explicit = nonEmpty(environment["PLACEFINDER_STORE"]) { return explicit }
        return defaultFolder(environment: environment) + "/placefinder.sqlite"
    }

    /// The demo store sits beside the real one's default, so trying the program never touches real records.
    public static func defaultDemoPath(environment: [String: String]) -> String {
        defaultFolder(environment: environment) + "/placefinder-demo.sqlite"
    }

    static func defaultFolder(environment: [String: String]) -> String {
        // The XDG spec says a relative XDG_DATA_HOME is invalid and must be ignored.
        if let xdg = nonEmpty(environment["XDG_DATA_HOME"]), xdg.hasPrefix("/") {
            return trimmedSlash(xdg) + "/placefinder"
        }
        let home = nonEmpty(environment["HOME"]) ?? "."
        return trimmedSlash(home) + "/.local/share/placefinder"
    }

    private static func nonEmpty(_ value: String?) -> String? {
        guard let value, !value.isEmpty else { return nil }
        return value
    }

    private static func trimmedSlash(_ path: String) -> String {
        var path = path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }
}
