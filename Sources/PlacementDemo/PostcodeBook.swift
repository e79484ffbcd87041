import PlacementCore
/// Invents postcodes and remembers each one's coordinate and authority, so the dataset can ship
/// its own `PostcodeRecord`s and a store geocodes demo postcodes exactly.
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

    /// A new postcode in one of the authority's districts (a Welsh authority).
    mutating func inAuthority(_ authority: String, _ rng: inout DemoRandom) -> PostcodeRecord {
        let options = districts(in: authority)
        precondition(!options.isEmpty, "no postcode district for \(authority)")
        let d = rng.pick(options)
        return make(outward: d.district, centre: d.coordinate, authority: d.authorityCode, &rng)
    }

    /// A new postcode in the same district as `record` (a school near home, a second household).
    mutating func sameDistrict(as record: PostcodeRecord, _ rng: inout DemoRandom) -> PostcodeRecord {
        let outward = record.postcode.outward
        let centre = districtsByAuthority[record.authorityCode]?.first { $0.district == outward }?.coordinate
            ?? record.coordinate
        return make(outward: outward, centre: centre, authority: record.authorityCode, &rng)
    }

    mutating func english(_ site: DemoPlaces.EnglishSite, _ rng: inout DemoRandom) -> PostcodeRecord {
        make(outward: site.outward, centre: Coordinate(latitude: site.latitude, longitude: site.longitude),
             authority: site.authority, &rng)
    }

    /// Real outward code + invented inward code ("4AB"), placed within about 2 km of the district centre.
    /// A code drawn before is the same postcode again (a postcode covers about 15 homes), at its first
    /// location, so one postcode never has two locations. No redraw: a district holds only 3,600 codes,
    /// and redrawing until a new one turned up never finished once a district was full (issue 9).
    mutating func make(outward: String, centre: Coordinate, authority: String,
                       _ rng: inout DemoRandom) -> PostcodeRecord {
        let inward = "\(rng.int(1...9))\(rng.pick(Self.inwardLetters))\(rng.pick(Self.inwardLetters))"
        guard let postcode = Postcode("\(outward) \(inward)") else { preconditionFailure("bad outward \(outward)") }
        if let earlier = index[postcode.value] { return records[earlier] }
        // About 1.4 km each way: 0.0125° of latitude, 0.02° of longitude at Welsh latitudes.
        let lat = Self.round5(centre.latitude + rng.double(-0.0125...0.0125))
        let lon = Self.round5(centre.longitude + rng.double(-0.02...0.02))
        let record = PostcodeRecord(postcode: postcode, coordinate: Coordinate(latitude: lat, longitude: lon),
                                    authorityCode: authority)
        index[postcode.value] = records.count
        records.append(record)
        return record
    }

    /// ONSPD precision is about 1 m; five decimals keeps encoded output short and stable.
    private static func round5(_ x: Double) -> Double { (x * 100_000).rounded() / 100_000 }

    /// Letters Royal Mail allows in the inward code (not C I K M O V).
    private static let inwardLetters: [Character] = Array("ABDEFGHJLNPQRSTUWXYZ")
}
