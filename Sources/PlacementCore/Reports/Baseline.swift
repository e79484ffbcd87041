/// A figure from the seed report (ADSS Cymru, *Rebalancing social care: A report on Children's Services*,
/// August 2020; data for 2018-19) shown beside a live one: the value, how it reads, and where it is printed.
public struct BaselineFigure: Sendable, Hashable, Codable {
    /// The number (a percentage for shares); nil for a range such as "100–150".
    public var value: Double?
    /// As shown: "85%", "32,800", "100–150".
    public var text: String
    /// Table or paragraph and the area it is for: "Table 4.2, Newport".
    public var ref: String

    public init(value: Double?, text: String, ref: String) {
        self.value = value
        self.text = text
        self.ref = ref
    }

    static func percent(_ value: Int, _ ref: String) -> BaselineFigure {
        BaselineFigure(value: Double(value), text: "\(value)%", ref: ref)
    }

    static func count(_ value: Int, _ ref: String) -> BaselineFigure {
        BaselineFigure(value: Double(value), text: ReportNumber.grouped(value), ref: ref)
    }
}

/// Every baseline figure the reports use, copied from the seed report's text with its table or paragraph.
/// Only what the text prints: a measure the report does not give has no entry, and shows as "—".
public enum Baseline {
    /// Table 4.1: nights of residential care commissioned, 2018-19, by authority (ONS code); Wales 196,815.
    public static let residentialNights: [String: Int] = [
        "W06000001": 5_221, "W06000002": 5_457, "W06000003": 7_756, "W06000004": 1_492, "W06000005": 9_926,
        "W06000006": 3_059, "W06000023": 12_880, "W06000008": 5_558, "W06000009": 4_039, "W06000010": 2_012,
        "W06000011": 13_106, "W06000012": 3_605, "W06000015": 22_423, "W06000014": 10_978, "W06000013": 7_541,
        "W06000016": 18_051, "W06000024": 3_830, "W06000018": 10_074, "W06000019": 6_206, "W06000020": 4_746,
        "W06000021": 6_055, "W06000022": 32_800,
    ]
    public static let residentialNightsWales = 196_815

    /// Table 4.2: % of residential nights by provider (in house, private sector, third sector), by authority.
    public static let residentialSectorShares: [String: (inHouse: Int, privateSector: Int, thirdSector: Int)] = [
        "W06000001": (0, 100, 0), "W06000002": (10, 83, 7), "W06000003": (19, 81, 0), "W06000004": (0, 100, 0),
        "W06000005": (0, 100, 0), "W06000006": (12, 88, 0), "W06000023": (12, 88, 0), "W06000008": (0, 100, 0),
        "W06000009": (17, 83, 0), "W06000010": (50, 50, 0), "W06000011": (8, 84, 9), "W06000012": (5, 95, 0),
        "W06000015": (8, 91, 0), "W06000014": (0, 84, 16), "W06000013": (47, 44, 10), "W06000016": (21, 79, 0),
        "W06000024": (0, 100, 0), "W06000018": (24, 76, 0), "W06000019": (0, 100, 0), "W06000020": (4, 96, 0),
        "W06000021": (1, 85, 14), "W06000022": (21, 79, 0),
    ]

    /// Table 4.3, looked-after children: nights 19,631 in house (12%), 136,410 private (86%), 1,896 third
    /// sector (2%); 157,937 in all. Placefinder holds looked-after children, so for Wales this row is the match.
    public static let lookedAfterNightsWales = 157_937
    public static let lookedAfterSectorSharesWales = (inHouse: 12, privateSector: 86, thirdSector: 2)

    /// Table 4.4: nights in residential homes 162,701 and other residential settings 31,197 (193,898 in all);
    /// para 4.14: 84% in residential homes. Within each, % by provider (in house, private, third sector).
    public static let childrensHomeNights = 162_701
    public static let otherResidentialNights = 31_197
    public static let childrensHomeSectorShares = (inHouse: 12, privateSector: 86, thirdSector: 2)
    public static let otherResidentialSectorShares = (inHouse: 9, privateSector: 86, thirdSector: 5)

    /// Table 4.5: % of each provider type's nights in-county, out of county in Wales, outside Wales.
    public static let localityShares: [(band: LocalityBand, inHouse: Int, privateSector: Int, thirdSector: Int, total: Int)] = [
        (.inCounty, 98, 20, 52, 31),
        (.elsewhereInWales, 1, 61, 30, 53),
        (.outsideWales, 1, 19, 18, 16),
    ]

    /// Table 4.7: weeks of foster care commissioned, 2018-19, by authority; Wales 275,012.
    public static let fosterWeeks: [String: Int] = [
        "W06000019": 8_188, "W06000013": 14_552, "W06000018": 15_538, "W06000015": 30_698, "W06000010": 37_857,
        "W06000008": 2_545, "W06000003": 8_593, "W06000004": 3_357, "W06000005": 7_786, "W06000002": 8_001,
        "W06000024": 7_120, "W06000021": 5_384, "W06000012": 12_423, "W06000022": 14_623, "W06000009": 5_436,
        "W06000023": 9_029, "W06000016": 28_416, "W06000011": 20_948, "W06000020": 10_921, "W06000014": 9_279,
        "W06000006": 8_632, "W06000001": 5_686,
    ]
    public static let fosterWeeksWales = 275_012

    /// Table 4.8: % of foster weeks by local authority carers, kinship carers, third sector agencies,
    /// commercial agencies, by authority; Wales 49 / 24 / 4 / 23.
    public static let fosterShares: [String: [Int]] = [
        "W06000019": [51, 25, 5, 18], "W06000013": [54, 23, 1, 22], "W06000018": [50, 25, 6, 19],
        "W06000015": [17, 14, 4, 65], "W06000010": [79, 12, 2, 7], "W06000008": [77, 18, 0, 5],
        "W06000003": [37, 37, 3, 23], "W06000004": [62, 19, 0, 19], "W06000005": [51, 38, 1, 10],
        "W06000002": [54, 31, 3, 11], "W06000024": [43, 22, 4, 31], "W06000021": [24, 31, 0, 45],
        "W06000012": [58, 21, 5, 16], "W06000022": [77, 5, 1, 16], "W06000009": [80, 12, 0, 8],
        "W06000023": [55, 20, 3, 21], "W06000016": [33, 37, 6, 24], "W06000011": [47, 34, 4, 14],
        "W06000020": [49, 41, 3, 7], "W06000014": [43, 37, 0, 20], "W06000006": [41, 34, 0, 25],
        "W06000001": [20, 26, 41, 13],
    ]
    public static let fosterSharesWales = [49, 24, 4, 23]

    /// Para 3.19: of looked-after children at 31 March 2019, 73% had one placement in the year, 18% two, 9% three or more.
    public static let placementsInYearShares = [73, 18, 9]

    /// Para 6.4: 603 places in all children's homes in Wales on 31 July 2018, 465 of them in use.
    public static let childrensHomePlacesWales = 603
    public static let childrensHomePlacesInUseWales = 465

    /// Para 6.6: on 31 March 2018, 435 children in care homes in Wales, 325 placed by Welsh commissioners and
    /// 110 (about 25%) by English ones.
    public static let childrenInWelshHomes = 435
    public static let childrenInWelshHomesFromEngland = 110
    public static let childrenInWelshHomesFromEnglandShare = 25

    /// Para 6.9: "100 to 150 calls to find a placement is not unusual".
    public static let callsToFindPlacement = "100–150"
}
