/// Whose figures a report shows: one authority's, a regional partnership board's, or all of Wales.
/// Placements and children count for the area of their placing authority; beds for the area they are in.
public enum ReportArea: Sendable, Hashable, Codable {
    case authority(String)
    case board(PartnershipBoard)
    case wales

    public func contains(_ authorityCode: String) -> Bool {
        switch self {
        case .authority(let code): authorityCode == code
        case .board(let board): PartnershipBoard.of(authorityCode) == board
        case .wales: PartnershipBoard.of(authorityCode) != nil
        }
    }

    public func label(_ geography: Geography = .wales) -> String {
        switch self {
        case .authority(let code): geography.authority(code: code)?.name ?? code
        case .board(let board): board.label + " (regional partnership board)"
        case .wales: "Wales"
        }
    }

    /// What the command line takes back: an ONS code, a board key, or `wales`.
    public var key: String {
        switch self {
        case .authority(let code): code
        case .board(let board): board.key
        case .wales: "wales"
        }
    }

    /// Parses an ONS code or authority name, a board's key or name, or `wales`; nil for anything else.
    /// A board named like an authority (Powys) is read as the authority: the same 1 footprint either way.
    public static func parse(_ text: String, geography: Geography = .wales) -> ReportArea? {
        let trimmed = text.trimmingASCIIWhitespace()
        if trimmed.lowercased() == "wales" { return .wales }
        if let a = geography.authority(code: trimmed), a.nation == .wales { return .authority(a.code) }
        if let board = PartnershipBoard.named(trimmed), board != .powys { return .board(board) }
        if let a = geography.authority(named: trimmed), a.nation == .wales { return .authority(a.code) }
        return nil
    }

    /// The Welsh authorities in the area, in code order.
    public func authorityCodes(_ geography: Geography = .wales) -> [String] {
        geography.welshAuthorities.map(\.code).filter(contains)
    }
}
