import Testing
@testable import PlacefinderApp

@Suite struct VacancySearchTests {
    /// The shared-fields haystack answers exactly as one flat text per vacancy (fields kept apart) would.
    @Test func sharedFieldsMatchLikeTheFlatText() {
        let hay = Fixtures.model().index!.vacancies.haystack
        var flat = SearchHaystack()
        func entry(_ h: SearchHaystack, _ i: Int) -> [UInt8] { Array(h.bytes[Int(h.offsets[i])..<Int(h.offsets[i + 1])]) }
        for v in 0..<hay.count {
            flat.append(folded: [hay.provider[v] >= 0 ? entry(hay.providers, Int(hay.provider[v])) : [],
                                 entry(hay.settings, Int(hay.setting[v])), entry(hay.authorities, Int(hay.authority[v])),
                                 entry(hay.needSets, Int(hay.needs[v])), entry(hay.postcodes, v)])
        }
        // Every substring of up to four bytes of the text, plus some that span two fields or none.
        var needles: Set<[UInt8]> = [Fold.bytes("zzz"), Fold.bytes("care foster"), Fold.bytes("ll57")]
        for n in 1...4 { for i in 0...(flat.bytes.count - n) where !flat.bytes[i..<(i + n)].contains(0x1F) { needles.insert(Array(flat.bytes[i..<(i + n)])) } }
        let all = Array(0..<Int32(hay.count))
        let odd = all.filter { $0 % 2 == 1 }
        for needle in needles {
            #expect(hay.filter(all, containing: needle) == flat.filter(all, containing: needle), "\(String(decoding: needle, as: UTF8.self))")
            #expect(hay.filter(odd, containing: needle) == flat.filter(odd, containing: needle))
        }
        #expect(needles.count > 100)
    }
}
