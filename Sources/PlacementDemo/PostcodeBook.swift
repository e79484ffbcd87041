import PlacementCore
/// Hands out real postcodes (from `PostcodeSample`, drawn from the ONS directory) for the demo's
/// fictional homes, carers, schools and children, and remembers each one's coordinate and authority,
/// so distances and locality in the demo are real ones and a store locates every demo postcode exactly.
struct PostcodeBook {
    /// In order of first use: deterministic without sorting.
    private(set) var records: [PostcodeRecord] = []
    private var index: [String: Int] = [:]
    /// Welsh districts of each authority, in district order.
    private let districtsByAuthority: [String: [DistrictCentroid]]

    init(geography: Geography) {
        var byAuthority: [String: [DistrictCentroid]] = [:]
        for d in geography.districts where d.authorityCode.hasPrefix("W") {
            byAuthority[d.authorityCode, default: []].append(d)
        }
        districtsByAuthority = byAuthority
    }

    func districts(in authority: String) -> [DistrictCentroid] { districtsByAuthority[authority] ?? [] }

    /// A real postcode in one of the authority's districts (a Welsh authority).
    mutating func inAuthority(_ authority: String, _ rng: inout DemoRandom) -> PostcodeRecord {
        let options = districts(in: authority)
        precondition(!options.isEmpty, "no postcode district for \(authority)")
        let d = rng.pick(options)
        return make(outward: d.district, authority: d.authorityCode, &rng)
    }

    /// Another real postcode in the same district and authority as `record` (a school near home, a second household).
    mutating func sameDistrict(as record: PostcodeRecord, _ rng: inout DemoRandom) -> PostcodeRecord {
        make(outward: record.postcode.outward, authority: record.authorityCode, &rng)
    }

    /// A real postcode in the site's district, recorded under the site's authority (for a two-tier area
    /// the county, which places children; the directory's district code resolves to it, see Geography).
    mutating func english(_ site: DemoPlaces.EnglishSite, _ rng: inout DemoRandom) -> PostcodeRecord {
        make(outward: site.outward, authority: site.authority, &rng)
    }

    /// One of the district's real postcodes in `authority` (a district can span two authorities). A code
    /// drawn before is the same postcode again (a postcode covers about 15 homes), so one postcode never
    /// has two locations. Takes the same five draws as the invented codes before it did, so the rest of
    /// the seeded world (names, needs, vacancies) is unchanged by the switch to real postcodes.
    mutating func make(outward: String, authority: String, _ rng: inout DemoRandom) -> PostcodeRecord {
        let digit = rng.int(1...9)
        let letter1 = rng.below(Self.inwardLetterCount), letter2 = rng.below(Self.inwardLetterCount)
        _ = rng.double(-1...1); _ = rng.double(-1...1)
        let candidates = Self.candidates(outward: outward, authority: authority)
        precondition(!candidates.isEmpty, "no real postcode for \(outward) in \(authority)")
        let real = candidates[(digit * 400 + letter1 * 20 + letter2) % candidates.count]
        if let earlier = index[real.postcode.value] { return records[earlier] }
        let record = PostcodeRecord(postcode: real.postcode, coordinate: real.coordinate, authorityCode: authority)
        index[real.postcode.value] = records.count
        records.append(record)
        return record
    }

    /// The district's sampled postcodes in the authority; for an English site whose postcodes carry
    /// district codes (Gloucestershire's E07…), every sampled postcode of the district.
    static func candidates(outward: String, authority: String) -> [PostcodeRecord] {
        let inDistrict = sample[outward] ?? []
        let exact = inDistrict.filter { $0.authorityCode == authority }
        return exact.isEmpty && !authority.hasPrefix("W") ? inDistrict : exact
    }

    /// The generated sample by outward code, located by the same grid conversion as the shipped file.
    static let sample: [String: [PostcodeRecord]] = {
        var byOutward: [String: [PostcodeRecord]] = [:]
        for line in PostcodeSample.csv.split(separator: "\n") {
            let f = line.split(separator: ",")
            guard f.count == 4, let postcode = Postcode(String(f[0])),
                  let e = Double(f[2]), let n = Double(f[3]) else { preconditionFailure("bad sample line \(line)") }
            byOutward[postcode.outward, default: []].append(
                PostcodeRecord(postcode: postcode, coordinate: OSGrid.wgs84(easting: e, northing: n), authorityCode: String(f[1])))
        }
        return byOutward
    }()

    /// The old invented codes drew from the 20 letters Royal Mail allows in the inward code.
    private static let inwardLetterCount = 20
}
