/// The authorities, their land borders and postcode-district centroids, indexed
/// for lookup. Immutable after construction, so one shared instance is safe.
public struct Geography: Sendable {
    /// Built once from the data embedded in GeoData+Generated.swift: the hand-kept authorities (Welsh names,
    /// borders) first, then every other UK area code, so no code a postcode directory carries is a guess.
    public static let wales: Geography = {
        let curated = GeoCSV.authorities(GeoData.authoritiesCSV)
        let curatedLower = GeoCSV.lowerTierCodes(GeoData.lowerTierCodesCSV)
        let uk = GeoCSV.ukAreas(GeoData.ukAreasCSV)
        let known = Set(curated.map(\.code)).union(curatedLower.map(\.0))
        return Geography(
            authorities: curated + uk.authorities.filter { !known.contains($0.code) },
            borders: GeoCSV.borders(GeoData.bordersCSV),
            districts: GeoCSV.districts(GeoData.postcodeDistrictsCSV),
            lowerTierCodes: curatedLower + uk.lowerTierCodes.filter { !known.contains($0.0) }
        )
    }()

    private let ordered: [Authority]
    private let byCode: [String: Authority]
    private let neighbourCodes: [String: Set<String>]
    private let byName: [String: String]
    let districtsByOutward: [String: DistrictCentroid]
    /// District (E07…) and retired codes → the authority that places children there.
    private let upperTier: [String: String]

    /// Builds a geography. Borders are symmetric whichever way round a pair is given.
    public init(authorities: [Authority], borders: [(String, String)], districts: [DistrictCentroid] = [],
                lowerTierCodes: [(String, String)] = []) {
        var up: [String: String] = [:]
        for (code, authority) in lowerTierCodes { up[Self.normalisedCode(code)] = Self.normalisedCode(authority) }
        upperTier = up
        // Welsh first, then by code: the order officers expect in pickers.
        ordered = authorities.sorted {
            ($0.nation == .wales ? 0 : 1, $0.code) < ($1.nation == .wales ? 0 : 1, $1.code)
        }
        var codes: [String: Authority] = [:]
        for a in ordered where codes[a.code] == nil { codes[a.code] = a }
        byCode = codes

        var n: [String: Set<String>] = [:]
        for (a, b) in borders where a != b {
            let a = Self.normalisedCode(a), b = Self.normalisedCode(b)
            n[a, default: []].insert(b)
            n[b, default: []].insert(a)
        }
        neighbourCodes = n

        var names: [String: String] = [:]
        for a in ordered {
            for key in NameKey.keys(for: a) where names[key] == nil { names[key] = a.code }
        }
        byName = names

        var d: [String: DistrictCentroid] = [:]
        for item in districts { d[item.district.uppercased()] = item }
        districtsByOutward = d
    }

    /// All known authorities, Welsh first, each group in ONS code order.
    public var authorities: [Authority] { ordered }

    /// The 22 Welsh principal authorities.
    public var welshAuthorities: [Authority] { ordered.filter { $0.nation == .wales } }

    public func authority(code: String) -> Authority? {
        // Stored codes are already normal: look them up as given before making a normalised copy.
        byCode[code] ?? byCode[Self.normalisedCode(code)]
    }

    /// Finds an authority by English or Welsh name, ignoring case, accents
    /// (Môn = Mon), punctuation and prefixes such as "City of".
    public func authority(named name: String) -> Authority? {
        for key in NameKey.lookupKeys(name) {
            if let code = byName[key] { return byCode[code] }
        }
        return nil
    }

    /// Authorities sharing a land border (or the Menai/Dyfi channel) with `code`, in code order.
    public func neighbours(of code: String) -> [Authority] {
        (neighbourCodes[Self.normalisedCode(code)] ?? [])
            .compactMap { byCode[$0] }
            .sorted { $0.code < $1.code }
    }

    public func borders(_ a: String, _ b: String) -> Bool {
        neighbourCodes[placingCode(a)]?.contains(placingCode(b)) ?? false
    }

    /// The authority that places children in the area a code names: itself for a unitary, county or
    /// Welsh authority; the county for an English district (E07…, as postcode directories give it);
    /// the successor for a code retired by a reorganisation (Somerset's, 2023). Nil for a code
    /// Placefinder does not know.
    public func placingAuthority(code: String) -> Authority? {
        byCode[placingCode(code)]
    }

    /// As `placingAuthority`, or an error naming the code: for data coming in, where an unknown code
    /// must be reported rather than ranked "elsewhere".
    public func resolvedAuthority(code: String) throws(UnknownAuthorityCode) -> Authority {
        guard let a = placingAuthority(code: code) else { throw UnknownAuthorityCode(code: Self.normalisedCode(code)) }
        return a
    }

    /// Every district and retired code Placefinder resolves, with the authority it resolves to, in code order.
    public var lowerTierCodes: [(code: String, authority: String)] {
        upperTier.sorted { $0.key < $1.key }.map { (code: $0.key, authority: $0.value) }
    }

    func placingCode(_ code: String) -> String {
        let c = Self.normalisedCode(code)
        return upperTier[c] ?? c
    }

    /// Approximate centroid and main authority of a postcode district such as "CF10".
    public func districtCentroid(_ outward: String) -> (Coordinate, String)? {
        guard let d = districtsByOutward[outward.trimmingASCIIWhitespace().uppercased()] else { return nil }
        return (d.coordinate, d.authorityCode)
    }

    /// Number of embedded postcode districts (for diagnostics and tests).
    public var districtCount: Int { districtsByOutward.count }

    /// Every embedded postcode district, sorted by district, so callers never see dictionary order.
    public var districts: [DistrictCentroid] {
        districtsByOutward.values.sorted { $0.district < $1.district }
    }

    static func normalisedCode(_ code: String) -> String {
        code.trimmingASCIIWhitespace().uppercased()
    }
}
