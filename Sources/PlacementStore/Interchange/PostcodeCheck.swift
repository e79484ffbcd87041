import PlacementCore

/// The one place that decides what a valid postcode looks like for import: `Postcode`'s rules,
/// returning the canonical form "CF10 1AA".
func normalisedPostcode(_ raw: String) -> String? {
    Postcode(raw)?.value
}

/// The one place that decides what a local authority code looks like. Welsh codes must be one of
/// the 22 principal areas (W06000007 and W06000017 are unused); others are checked by pattern —
/// E06–E09 (English unitaries, districts, metropolitan and London boroughs), E10 (English counties),
/// S12 (Scottish council areas), N09 (Northern Irish districts) — because the ONS Postcode Directory
/// names English districts the embedded geography does not list.
func isAuthorityCode(_ code: String) -> Bool {
    let chars = Array(code)
    guard chars.count == 9, chars.allSatisfy(\.isASCII), chars[3...].allSatisfy(\.isNumber) else { return false }
    switch String(chars[0..<3]) {
    case "W06": return Geography.wales.authority(code: code) != nil
    case "E06", "E07", "E08", "E09", "E10", "S12", "N09": return true
    default: return false
    }
}
