import Testing
@testable import PlacementCore

@Suite("Authority names")
struct AuthorityNameTests {
    let geo = Geography.wales

    @Test(arguments: [
        ("Ynys Mon", "W06000001"), ("Ynys Môn", "W06000001"), ("YNYS MÔN", "W06000001"),
        ("Isle of Anglesey", "W06000001"), ("Anglesey", "W06000001"),
        ("cardiff", "W06000015"), ("Caerdydd", "W06000015"), ("City of Cardiff Council", "W06000015"),
        ("Bro Morgannwg", "W06000014"), ("The Vale of Glamorgan", "W06000014"),
        ("Rhondda Cynon Taff", "W06000016"), ("rhondda cynon taf", "W06000016"),
        ("Castell-nedd Port Talbot", "W06000012"), ("castell nedd port talbot", "W06000012"),
        ("Pen-y-bont ar Ogwr", "W06000013"), ("Sir y Fflint", "W06000005"), ("Wrecsam", "W06000006"),
        ("Merthyr Tudful", "W06000024"), ("Herefordshire", "E06000019"), ("Glasgow", "S12000049"),
    ])
    func resolves(name: String, code: String) {
        #expect(geo.authority(named: name)?.code == code)
    }

    @Test func unknownNamesAreNil() {
        #expect(geo.authority(named: "Atlantis") == nil)
        #expect(geo.authority(named: "") == nil)
        #expect(geo.authority(named: "   ") == nil)
    }

    @Test func bilingualName() {
        #expect(geo.authority(code: "W06000015")?.bilingualName == "Cardiff / Caerdydd")
        #expect(geo.authority(code: "W06000023")?.bilingualName == "Powys")
    }
}
