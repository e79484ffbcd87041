/// The UK nation an authority belongs to; the reg 12 ladder depends on it.
public enum Nation: String, Sendable, Codable, CaseIterable {
    case wales, england, scotland, northernIreland

    /// Nation implied by an ONS/GSS code's first letter (W, E, S, N).
    /// Used for codes missing from the embedded list, so an unlisted English
    /// authority still ranks as "England" rather than "outside England and Wales".
    public init?(onsCode code: String) {
        switch code.trimmingASCIIWhitespace().uppercased().first {
        case "W": self = .wales
        case "E": self = .england
        case "S": self = .scotland
        case "N": self = .northernIreland
        default: return nil
        }
    }
}

extension StringProtocol {
    /// Foundation-free trim of spaces, tabs and newlines (PlacementCore avoids Foundation).
    func trimmingASCIIWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }),
              let end = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[start...end])
    }
}
