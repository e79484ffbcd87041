/// Which of the seed report's rows stands beside an area's figures. Shares fall back to the Wales row,
/// named as such; counts (nights, weeks, places) are shown only for the very area they count.
struct BaselineScope {
    /// The authority whose own row the report prints, when the area is one authority.
    let authority: String?
    let name: String
    let isWales: Bool

    init(_ area: ReportArea, geography: Geography = .wales) {
        switch area {
        case .authority(let code):
            authority = code
            name = geography.authority(code: code)?.name ?? code
            isWales = false
        case .board, .wales:
            authority = nil
            name = "Wales"
            isWales = area == .wales
        }
    }

    /// "Table 4.2, Newport" for the authority's row, else "Table 4.2, Wales".
    func ref(_ source: String) -> String { "\(source), \(name)" }

    /// A reference `ref(_:)` made with the authority named in `language` ("Table 4.2, Casnewydd"), ready for
    /// the catalogue to say the rest; any other reference as it is.
    static func naming(_ ref: String, in language: Language, geography: Geography = .wales) -> String {
        guard language == .cy, let comma = ref.range(of: ", ", options: .backwards),
              let authority = geography.authority(named: String(ref[comma.upperBound...])),
              authority.name == ref[comma.upperBound...], let welsh = authority.welshName else { return ref }
        return ref[..<comma.upperBound] + welsh
    }

    /// A count printed for exactly this area: the authority's row, or the Wales total for Wales.
    func count(_ byAuthority: [String: Int], wales: Int, _ source: String) -> BaselineFigure? {
        if let authority { return byAuthority[authority].map { .count($0, ref(source)) } }
        return isWales ? .count(wales, ref(source)) : nil
    }
}
