import Testing
@testable import PlacementCore

@Suite("Postcodes")
struct PostcodeTests {
    @Test(arguments: [
        ("cf101aa", "CF10 1AA"), ("sw1a1aa", "SW1A 1AA"), ("  ll57 2dg ", "LL57 2DG"),
        (" CF10  1AA ", "CF10 1AA"), ("w1a 0ax", "W1A 0AX"), ("m1 1ae", "M1 1AE"),
        ("b33 8th", "B33 8TH"), ("cr2 6xh", "CR2 6XH"), ("dn55 1pt", "DN55 1PT"),
        ("sa1\t1dp", "SA1 1DP"), ("GIR0AA", "GIR 0AA"),
    ])
    func normalises(raw: String, expected: String) {
        #expect(Postcode(raw)?.value == expected)
        #expect(Postcode(raw)?.description == expected)
    }

    @Test(arguments: [
        ("", PostcodeError.empty), ("   ", .empty), ("CF10", .tooShort), ("12345", .invalidFormat),
        ("CF10 1A", .invalidFormat), ("ABC 123", .invalidFormat), ("CF10 1AAA", .tooLong),
        ("CF10 1AA CF10 1AA CF10 1AA CF10 1AA", .tooLong), ("CF10 1ÂA", .invalidCharacters),
        ("CF10-1AA", .invalidCharacters), ("QF10 1AA", .invalidFormat), ("CF10 1CA", .invalidFormat),
    ])
    func rejects(raw: String, error: PostcodeError) {
        #expect(Postcode(raw) == nil)
        #expect(throws: error) { try Postcode.parse(raw) }
    }

    @Test func errorsNeverEchoTheInput() {
        do {
            _ = try Postcode.parse("ZZZZ ZZZ")
            Issue.record("should have thrown")
        } catch {
            #expect(!error.description.contains("ZZZZ"))
            #expect(!error.description.isEmpty)
        }
    }

    @Test func parts() throws {
        let p = try Postcode.parse("cf10 1aa")
        #expect(p.outward == "CF10")
        #expect(p.area == "CF")
        #expect(p.inward == "1AA")
        #expect(p.sector == "CF10 1")
        let london = try Postcode.parse("SW1A1AA")
        #expect(london.outward == "SW1A")
        #expect(london.area == "SW")
        #expect(try Postcode.parse("M1 1AE").area == "M")
    }

    @Test func naturalOrder() throws {
        let sorted = try ["CF10 1AA", "CF3 4AA", "CF24 2BB", "CF10 0AA", "BS1 1AA"].map { try Postcode.parse($0) }.sorted()
        #expect(sorted.map(\.value) == ["BS1 1AA", "CF3 4AA", "CF10 0AA", "CF10 1AA", "CF24 2BB"])
    }
}
