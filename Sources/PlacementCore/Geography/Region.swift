/// The four regions officers filter by. One table, so the grouping is stated once: the
/// Welsh Government's economic regions (North Wales; Mid Wales; South West Wales — the
/// Swansea Bay City Region; South East Wales — the Cardiff Capital Region, which includes
/// Bridgend and Merthyr Tydfil).
public enum Region: Int, CaseIterable, Sendable {
    case north, mid, southWest, southEast

    /// The region in English (`label(_:)` for either language).
    public var label: String { label(.en) }

    /// ONS code → region for the 22 principal authorities.
    public static let byAuthority: [String: Region] = [
        "W06000001": .north,     // Isle of Anglesey
        "W06000002": .north,     // Gwynedd
        "W06000003": .north,     // Conwy
        "W06000004": .north,     // Denbighshire
        "W06000005": .north,     // Flintshire
        "W06000006": .north,     // Wrexham
        "W06000008": .mid,       // Ceredigion
        "W06000023": .mid,       // Powys
        "W06000009": .southWest, // Pembrokeshire
        "W06000010": .southWest, // Carmarthenshire
        "W06000011": .southWest, // Swansea
        "W06000012": .southWest, // Neath Port Talbot
        "W06000013": .southEast, // Bridgend
        "W06000014": .southEast, // Vale of Glamorgan
        "W06000015": .southEast, // Cardiff
        "W06000016": .southEast, // Rhondda Cynon Taf
        "W06000018": .southEast, // Caerphilly
        "W06000019": .southEast, // Blaenau Gwent
        "W06000020": .southEast, // Torfaen
        "W06000021": .southEast, // Monmouthshire
        "W06000022": .southEast, // Newport
        "W06000024": .southEast, // Merthyr Tydfil
    ]

    public static func of(_ code: String) -> Region? { byAuthority[code] }
}
