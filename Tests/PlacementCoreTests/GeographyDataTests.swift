import Testing
@testable import PlacementCore

@Suite("Embedded geography data")
struct GeographyDataTests {
    let geo = Geography.wales

    @Test func exactlyTwentyTwoWelshAuthoritiesWithWelshNames() {
        let welsh = geo.welshAuthorities
        #expect(welsh.count == 22)
        #expect(Set(welsh.map(\.code)).count == 22)
        #expect(welsh.allSatisfy { $0.code.hasPrefix("W06") })
        #expect(welsh.allSatisfy { !($0.welshName ?? "").isEmpty })
        #expect(geo.authority(code: "W06000007") == nil)
        #expect(geo.authority(code: "W06000017") == nil)
        let expected = (1...24).filter { $0 != 7 && $0 != 17 }.map { n in
            "W060000" + (n < 10 ? "0\(n)" : "\(n)")
        }
        #expect(welsh.map(\.code) == expected)
    }

    @Test(arguments: [
        ("W06000001", "Isle of Anglesey", "Ynys Môn"), ("W06000002", "Gwynedd", "Gwynedd"),
        ("W06000003", "Conwy", "Conwy"), ("W06000004", "Denbighshire", "Sir Ddinbych"),
        ("W06000005", "Flintshire", "Sir y Fflint"), ("W06000006", "Wrexham", "Wrecsam"),
        ("W06000008", "Ceredigion", "Ceredigion"), ("W06000009", "Pembrokeshire", "Sir Benfro"),
        ("W06000010", "Carmarthenshire", "Sir Gaerfyrddin"), ("W06000011", "Swansea", "Abertawe"),
        ("W06000012", "Neath Port Talbot", "Castell-nedd Port Talbot"),
        ("W06000013", "Bridgend", "Pen-y-bont ar Ogwr"), ("W06000014", "Vale of Glamorgan", "Bro Morgannwg"),
        ("W06000015", "Cardiff", "Caerdydd"), ("W06000016", "Rhondda Cynon Taf", "Rhondda Cynon Taf"),
        ("W06000018", "Caerphilly", "Caerffili"), ("W06000019", "Blaenau Gwent", "Blaenau Gwent"),
        ("W06000020", "Torfaen", "Torfaen"), ("W06000021", "Monmouthshire", "Sir Fynwy"),
        ("W06000022", "Newport", "Casnewydd"), ("W06000023", "Powys", "Powys"),
        ("W06000024", "Merthyr Tydfil", "Merthyr Tudful"),
    ])
    func codeNameMapping(code: String, name: String, welsh: String) {
        let a = geo.authority(code: code)
        #expect(a?.name == name)
        #expect(a?.welshName == welsh)
        #expect(a?.nation == .wales)
    }

    @Test func welshAuthoritiesComeFirst() {
        let all = geo.authorities
        #expect(Array(all.prefix(22)) == geo.welshAuthorities)
        #expect(all.dropFirst(22).allSatisfy { $0.nation != .wales })
        #expect(Set(all.map(\.code)).count == all.count)
    }

    @Test func englishBorderAndOtherNationsPresent() {
        for code in ["E06000050", "E06000051", "E06000019", "E10000013", "E06000052"] {
            #expect(geo.authority(code: code)?.nation == .england, "\(code)")
        }
        #expect(geo.authority(code: "S12000049")?.nation == .scotland)
        #expect(geo.authority(code: "S12000036")?.nation == .scotland)
        #expect(geo.authority(code: "N09000003")?.nation == .northernIreland)
    }

    @Test func centroidsLieInGreatBritainOrNorthernIreland() {
        for a in geo.authorities {
            #expect((49.8...61).contains(a.centroid.latitude), "\(a.name)")
            #expect((-8.2...1.8).contains(a.centroid.longitude), "\(a.name)")
        }
        for a in geo.welshAuthorities {
            #expect((51.3...53.5).contains(a.centroid.latitude), "\(a.name)")
            #expect((-5.4 ... -2.6).contains(a.centroid.longitude), "\(a.name)")
        }
    }

    @Test func bordersAreSymmetricAndEveryWelshAuthorityHasANeighbour() {
        for a in geo.authorities {
            for n in geo.neighbours(of: a.code) {
                #expect(geo.borders(n.code, a.code), "\(a.name)–\(n.name)")
                #expect(geo.neighbours(of: n.code).contains(a))
            }
        }
        for a in geo.welshAuthorities {
            #expect(!geo.neighbours(of: a.code).isEmpty, "\(a.name) has no neighbours")
        }
        #expect(!geo.borders("W06000015", "W06000015"))
    }

    @Test func knownBorders() {
        let cardiff = Set(geo.neighbours(of: "W06000015").map(\.code))
        #expect(cardiff == ["W06000014", "W06000016", "W06000018", "W06000022"])
        #expect(geo.neighbours(of: "W06000001").map(\.code) == ["W06000002"]) // Menai Strait
        #expect(geo.borders("W06000021", "E06000019")) // Monmouthshire–Herefordshire
        #expect(geo.borders("W06000021", "E10000013")) // Monmouthshire–Gloucestershire
        #expect(geo.borders("W06000006", "E06000050")) // Wrexham–Cheshire West
        #expect(geo.borders("W06000006", "E06000051")) // Wrexham–Shropshire
        #expect(geo.borders("W06000005", "E06000050")) // Flintshire–Cheshire West
        #expect(geo.borders("W06000023", "E06000051")) // Powys–Shropshire
        #expect(geo.borders("W06000023", "E06000019")) // Powys–Herefordshire
        #expect(!geo.borders("W06000015", "W06000011")) // Cardiff–Swansea
        #expect(!geo.borders("W06000009", "W06000023")) // Pembrokeshire–Powys
    }

    @Test func postcodeDistrictsCoverWalesAndPointAtKnownAuthorities() {
        #expect(geo.districtCount >= 150)
        for d in geo.districtsByOutward.values {
            #expect(geo.authority(code: d.authorityCode) != nil, "\(d.district)")
        }
        for area in ["CF", "SA", "NP", "LD", "LL", "SY", "CH"] {
            #expect(geo.districtsByOutward.keys.contains { $0.hasPrefix(area) }, "\(area)")
        }
        #expect(geo.districtCentroid("cf10")?.1 == "W06000015")
        #expect(geo.districtCentroid("LL57")?.1 == "W06000002")
        #expect(geo.districtCentroid("ZZ99") == nil)
    }
}
