import PlacementCore
/// Where demo people and homes are: population weights, Welsh-speaking shares and English sites.
enum DemoPlaces {
    /// One Welsh authority's weights.
    struct Area {
        let code: String
        /// Census 2021 usual residents, thousands (rounded): how many children and homes it gets.
        let population: Double
        /// Census 2021 share of people aged 3+ able to speak Welsh (rounded): first language and provider Welsh.
        let welshSpeakers: Double
        /// Private children's homes cluster in cheaper, rural and valley areas; a multiplier for them.
        let privateHomeBias: Double
    }

    static let areas: [Area] = [
        .init(code: "W06000001", population: 69, welshSpeakers: 0.56, privateHomeBias: 0.8),  // Anglesey
        .init(code: "W06000002", population: 117, welshSpeakers: 0.64, privateHomeBias: 1.0), // Gwynedd
        .init(code: "W06000003", population: 115, welshSpeakers: 0.25, privateHomeBias: 1.3), // Conwy
        .init(code: "W06000004", population: 96, welshSpeakers: 0.22, privateHomeBias: 1.3),  // Denbighshire
        .init(code: "W06000005", population: 155, welshSpeakers: 0.11, privateHomeBias: 1.0), // Flintshire
        .init(code: "W06000006", population: 135, welshSpeakers: 0.12, privateHomeBias: 1.3), // Wrexham
        .init(code: "W06000008", population: 71, welshSpeakers: 0.45, privateHomeBias: 1.0),  // Ceredigion
        .init(code: "W06000009", population: 124, welshSpeakers: 0.17, privateHomeBias: 1.1), // Pembrokeshire
        .init(code: "W06000010", population: 188, welshSpeakers: 0.40, privateHomeBias: 1.4), // Carmarthenshire
        .init(code: "W06000011", population: 238, welshSpeakers: 0.11, privateHomeBias: 0.9), // Swansea
        .init(code: "W06000012", population: 142, welshSpeakers: 0.13, privateHomeBias: 1.5), // Neath Port Talbot
        .init(code: "W06000013", population: 146, welshSpeakers: 0.10, privateHomeBias: 1.1), // Bridgend
        .init(code: "W06000014", population: 132, welshSpeakers: 0.11, privateHomeBias: 0.7), // Vale of Glamorgan
        .init(code: "W06000015", population: 362, welshSpeakers: 0.12, privateHomeBias: 0.5), // Cardiff
        .init(code: "W06000016", population: 238, welshSpeakers: 0.12, privateHomeBias: 1.3), // Rhondda Cynon Taf
        .init(code: "W06000018", population: 176, welshSpeakers: 0.10, privateHomeBias: 1.2), // Caerphilly
        .init(code: "W06000019", population: 67, welshSpeakers: 0.07, privateHomeBias: 1.0),  // Blaenau Gwent
        .init(code: "W06000020", population: 93, welshSpeakers: 0.09, privateHomeBias: 1.0),  // Torfaen
        .init(code: "W06000021", population: 93, welshSpeakers: 0.09, privateHomeBias: 1.0),  // Monmouthshire
        .init(code: "W06000022", population: 160, welshSpeakers: 0.09, privateHomeBias: 0.8), // Newport
        .init(code: "W06000023", population: 133, welshSpeakers: 0.16, privateHomeBias: 1.8), // Powys
        .init(code: "W06000024", population: 59, welshSpeakers: 0.09, privateHomeBias: 1.0),  // Merthyr Tydfil
    ]

    static func area(_ code: String) -> Area? { areas.first { $0.code == code } }

    /// A plausible English postcode district near an authority's centre. The embedded geography holds
    /// Welsh districts only, so English outward codes and their rough centres are listed here.
    struct EnglishSite {
        let authority: String
        let outward: String
        let latitude: Double
        let longitude: Double
        /// Shares a border with Wales (reg 12(2)(b)); the rest are farther (reg 12(2)(d)).
        let bordersWales: Bool
    }

    static let englishSites: [EnglishSite] = [
        .init(authority: "E06000051", outward: "SY1", latitude: 52.7110, longitude: -2.7490, bordersWales: true),   // Shrewsbury
        .init(authority: "E06000051", outward: "SY11", latitude: 52.8600, longitude: -3.0530, bordersWales: true),  // Oswestry
        .init(authority: "E06000051", outward: "SY8", latitude: 52.3670, longitude: -2.7180, bordersWales: true),   // Ludlow
        .init(authority: "E06000019", outward: "HR1", latitude: 52.0600, longitude: -2.7100, bordersWales: true),   // Hereford
        .init(authority: "E06000019", outward: "HR6", latitude: 52.2270, longitude: -2.7380, bordersWales: true),   // Leominster
        .init(authority: "E06000050", outward: "CH2", latitude: 53.2070, longitude: -2.8700, bordersWales: true),   // Chester
        .init(authority: "E06000050", outward: "CW8", latitude: 53.2590, longitude: -2.5300, bordersWales: true),   // Northwich
        .init(authority: "E10000013", outward: "GL1", latitude: 51.8640, longitude: -2.2380, bordersWales: true),   // Gloucester
        .init(authority: "E10000013", outward: "GL16", latitude: 51.7950, longitude: -2.6150, bordersWales: true),  // Coleford
        .init(authority: "E06000023", outward: "BS5", latitude: 51.4640, longitude: -2.5520, bordersWales: false),  // Bristol
        .init(authority: "E08000025", outward: "B23", latitude: 52.5300, longitude: -1.8320, bordersWales: false),  // Birmingham
        .init(authority: "E06000049", outward: "CW1", latitude: 53.0980, longitude: -2.4410, bordersWales: false),  // Crewe
        .init(authority: "E08000015", outward: "CH41", latitude: 53.3900, longitude: -3.0300, bordersWales: false), // Birkenhead
        .init(authority: "E06000020", outward: "TF1", latitude: 52.7000, longitude: -2.4900, bordersWales: false),  // Telford
        .init(authority: "E10000034", outward: "WR5", latitude: 52.1850, longitude: -2.2000, bordersWales: false),  // Worcester
    ]

    static var borderSites: [EnglishSite] { englishSites.filter(\.bordersWales) }
    static var fartherSites: [EnglishSite] { englishSites.filter { !$0.bordersWales } }
}
