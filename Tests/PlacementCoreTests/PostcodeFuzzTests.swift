import Foundation
import PropertyBased
import Testing
@testable import PlacementCore

/// The postcode parser on hostile and random input: it never crashes, what it accepts is a fixed
/// point (parsing the normalised value gives it back) in the documented shape, and case and spacing
/// never change the verdict. Cases from fuzz/corpus/postcode-strings/ are replayed too.
@Suite struct PostcodeFuzzTests {
    static func checkInvariants(_ raw: String) {
        let parsed = Postcode(raw)
        let thrown: PostcodeError?
        do { _ = try Postcode.parse(raw); thrown = nil } catch { thrown = error }
        #expect((parsed == nil) == (thrown != nil), "init? and parse disagree on \(raw.debugDescription)")
        if let thrown { #expect(!thrown.description.contains(raw) || raw.trimmingCharacters(in: .whitespacesAndNewlines).count < 5, "the error repeats the input") }
        guard let p = parsed else { return }
        #expect(Postcode(p.value) == p, "\(raw.debugDescription) → \(p.value) is not a fixed point")
        #expect(p.value.wholeMatch(of: /[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}/) != nil || p.value == "GIR 0AA", "\(p.value) is not in normal form")
        #expect(Postcode(raw.lowercased()) == p && Postcode(raw.uppercased()) == p)
        #expect(Postcode(raw.filter { $0 != " " }) == p)
        #expect(p.outward + " " + p.inward == p.value && p.value.hasPrefix(p.area) && p.value.hasPrefix(p.sector))
    }

    /// Letters, digits, spaces and a few troublemakers, so a fair share of inputs are accepted.
    static let alphabet: [Character] = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789     \t\n") + ["ŵ", "Ï", "\u{00A0}", "\u{0}", "Е", "１", "-", ","]

    @Test func randomStringsFromAPostcodeAlphabet() async {
        let text = Gen.element(of: Self.alphabet).array(of: 0...12).map { String($0.compactMap { $0 }) }
        await propertyCheck(count: 2_000, input: text) { raw in Self.checkInvariants(raw) }
    }

    /// Strings shaped like postcodes (A9 9AA … AA9A 9AA) with random letters: most are accepted.
    @Test func postcodeShapedStrings() async {
        let letter = Gen.character(in: "A"..."Z"), digit = Gen.character(in: "0"..."9")
        let any = Gen.oneOf(letter, digit)
        let outward = Gen.oneOf(
            zip(letter, digit).map { "\($0)\($1)" },
            zip(letter, digit, any).map { "\($0)\($1)\($2)" },
            zip(letter, letter, digit, any).map { "\($0)\($1)\($2)\($3)" })
        let inward = zip(digit, letter, letter).map { "\($0)\($1)\($2)" }
        let spaces = Gen.element(of: ["", " ", "  ", "\t"]).map { $0 ?? "" }
        await propertyCheck(count: 2_000, input: outward, spaces, inward) { o, s, i in Self.checkInvariants(o + s + i) }
    }

    @Test func randomUnicodeNeverCrashes() async {
        // Two ranges: the generator traps on the surrogate gap (D800–DFFF holds no scalars).
        let scalar = Gen.oneOf(Gen.unicodeScalar(in: "\u{0}"..."\u{D7FF}"), Gen.unicodeScalar(in: "\u{E000}"..."\u{2FFFF}"))
        let text = scalar.array(of: 0...40).map { String(String.UnicodeScalarView($0)) }
        await propertyCheck(count: 1_000, input: text) { raw in Self.checkInvariants(raw) }
    }

    @Test func corpusCasesGiveTheirExpectedValue() throws {
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("fuzz/corpus/postcode-strings/cases.txt")
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: true)
        #expect(lines.count >= 20)
        for line in lines {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            try #require(parts.count == 2, "bad corpus line \(line.debugDescription)")
            let expected = parts[1] == "-" ? nil : parts[1]
            #expect(Postcode(parts[0])?.value == expected, "\(parts[0].debugDescription)")
            Self.checkInvariants(parts[0])
        }
        Self.checkInvariants(String(repeating: "CF10 1EP", count: 10_000))
    }
}
