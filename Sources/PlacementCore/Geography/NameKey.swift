/// Folds authority names into lookup keys so "Ynys Mon", "Ynys Môn" and
/// "ISLE OF ANGLESEY COUNTY COUNCIL" all find W06000001. Foundation-free:
/// Welsh uses only a handful of diacritics, so a small table covers them.
enum NameKey {
    /// Keys an authority is indexed under: English name, Welsh name, known aliases.
    static func keys(for a: Authority) -> [String] {
        var raw = [a.name]
        if let w = a.welshName { raw.append(w) }
        raw += aliases[a.code] ?? []
        return raw.flatMap(lookupKeys)
    }

    /// The folded name, then the same with courtesy prefixes/suffixes stripped.
    static func lookupKeys(_ name: String) -> [String] {
        let base = fold(name)
        guard !base.isEmpty else { return [] }
        var stripped = base
        for prefix in ["the ", "city and county of ", "city of ", "county of ", "sir "] where stripped.hasPrefix(prefix) {
            stripped = String(stripped.dropFirst(prefix.count))
        }
        for suffix in [" council", " county borough", " county", " city", " borough"] where stripped.hasSuffix(suffix) {
            stripped = String(stripped.dropLast(suffix.count))
        }
        // Keep "sir" forms too: "Sir Benfro" must still match itself after stripping.
        return stripped == base || stripped.isEmpty ? [base] : [base, stripped]
    }

    /// Lower-case, strip diacritics, turn punctuation into single spaces, "&" into "and".
    static func fold(_ s: String) -> String {
        var out = ""
        var pendingSpace = false
        for ch in s.lowercased() {
            let mapped: String
            if let m = diacritics[ch] { mapped = m }
            else if ch == "&" { mapped = "and" }
            else if ch.isLetter || ch.isNumber { mapped = String(ch) }
            else { pendingSpace = !out.isEmpty; continue }
            if pendingSpace { out += " "; pendingSpace = false }
            out += mapped
        }
        return out
    }

    private static let diacritics: [Character: String] = {
        var m: [Character: String] = [:]
        let groups: [(String, String)] = [
            ("âäáàã", "a"), ("êëéè", "e"), ("îïíì", "i"), ("ôöóòõ", "o"),
            ("ûüúù", "u"), ("ŵẅẃẁ", "w"), ("ŷÿýỳ", "y"), ("ç", "c"), ("ñ", "n"),
        ]
        for (chars, base) in groups { for c in chars { m[c] = base } }
        return m
    }()

    /// Spellings seen in council and ONS data that differ from ours.
    private static let aliases: [String: [String]] = [
        "W06000001": ["Anglesey", "Sir Ynys Môn"],
        "W06000014": ["The Vale of Glamorgan"],
        "W06000016": ["Rhondda Cynon Taff", "Rhondda, Cynon, Taff", "RCT"],
        "W06000012": ["Neath Port Talbot County Borough", "NPT"],
        "W06000020": ["Tor-faen"],
        "E06000023": ["City of Bristol", "Bristol, City of"],
        "E06000019": ["County of Herefordshire", "Herefordshire, County of"],
        "E06000050": ["Cheshire West & Chester"],
        "E06000020": ["Telford & Wrekin"],
        "S12000036": ["Edinburgh"],
        "S12000049": ["Glasgow"],
    ]
}
