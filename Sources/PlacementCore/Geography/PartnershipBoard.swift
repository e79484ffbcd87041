/// The seven regional partnership board footprints through which Welsh children's services commission
/// together (Social Services and Well-being (Wales) Act 2014, Part 9). Kept as data beside the four
/// economic regions (`Region`): reports are read by board, filters by economic region.
public enum PartnershipBoard: Int, CaseIterable, Sendable, Codable {
    case northWales, westWales, powys, westGlamorgan, cwmTafMorgannwg, cardiffAndVale, gwent

    public var label: String {
        switch self {
        case .northWales: "North Wales"
        case .westWales: "West Wales"
        case .powys: "Powys"
        case .westGlamorgan: "West Glamorgan"
        case .cwmTafMorgannwg: "Cwm Taf Morgannwg"
        case .cardiffAndVale: "Cardiff and Vale"
        case .gwent: "Gwent"
        }
    }

    /// A short key for the command line (`--area gwent`, `--area cardiff-and-vale`).
    public var key: String {
        switch self {
        case .northWales: "north-wales"
        case .westWales: "west-wales"
        case .powys: "powys"
        case .westGlamorgan: "west-glamorgan"
        case .cwmTafMorgannwg: "cwm-taf-morgannwg"
        case .cardiffAndVale: "cardiff-and-vale"
        case .gwent: "gwent"
        }
    }

    /// ONS code → board for the 22 principal authorities.
    public static let byAuthority: [String: PartnershipBoard] = [
        "W06000001": .northWales,      // Isle of Anglesey
        "W06000002": .northWales,      // Gwynedd
        "W06000003": .northWales,      // Conwy
        "W06000004": .northWales,      // Denbighshire
        "W06000005": .northWales,      // Flintshire
        "W06000006": .northWales,      // Wrexham
        "W06000008": .westWales,       // Ceredigion
        "W06000009": .westWales,       // Pembrokeshire
        "W06000010": .westWales,       // Carmarthenshire
        "W06000023": .powys,           // Powys
        "W06000011": .westGlamorgan,   // Swansea
        "W06000012": .westGlamorgan,   // Neath Port Talbot
        "W06000013": .cwmTafMorgannwg, // Bridgend
        "W06000016": .cwmTafMorgannwg, // Rhondda Cynon Taf
        "W06000024": .cwmTafMorgannwg, // Merthyr Tydfil
        "W06000014": .cardiffAndVale,  // Vale of Glamorgan
        "W06000015": .cardiffAndVale,  // Cardiff
        "W06000018": .gwent,           // Caerphilly
        "W06000019": .gwent,           // Blaenau Gwent
        "W06000020": .gwent,           // Torfaen
        "W06000021": .gwent,           // Monmouthshire
        "W06000022": .gwent,           // Newport
    ]

    public static func of(_ code: String) -> PartnershipBoard? { byAuthority[code] }

    /// The board's authorities, in ONS code order.
    public var authorityCodes: [String] {
        Self.byAuthority.filter { $0.value == self }.keys.sorted()
    }

    /// Finds a board by its key or its label, ignoring case ("Gwent", "cardiff-and-vale").
    public static func named(_ text: String) -> PartnershipBoard? {
        let wanted = text.lowercased().replacingOccurrences(of: " ", with: "-")
        return allCases.first { $0.key == wanted || $0.label.lowercased().replacingOccurrences(of: " ", with: "-") == wanted }
    }
}
