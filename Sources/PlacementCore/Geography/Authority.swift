/// A local authority identified by its ONS (GSS) code, e.g. W06000015 for Cardiff.
/// Codes, not names, are the keys everywhere: names have Welsh and English forms
/// and many spellings ("Rhondda Cynon Taf"/"Taff").
public struct Authority: Sendable, Hashable, Codable, Identifiable {
    /// ONS code, e.g. "W06000015".
    public let code: String
    /// English name, e.g. "Cardiff".
    public let name: String
    /// Welsh name for Welsh authorities ("Caerdydd"); nil elsewhere.
    public let welshName: String?
    public let nation: Nation
    /// Rough centre of the area; only used when nothing more precise is known.
    public let centroid: Coordinate

    public var id: String { code }

    public init(code: String, name: String, welshName: String?, nation: Nation, centroid: Coordinate) {
        self.code = code
        self.name = name
        self.welshName = welshName
        self.nation = nation
        self.centroid = centroid
    }

    /// "Cardiff / Caerdydd" where the names differ, else the English name.
    public var bilingualName: String {
        guard let welshName, welshName != name else { return name }
        return "\(name) / \(welshName)"
    }
}
