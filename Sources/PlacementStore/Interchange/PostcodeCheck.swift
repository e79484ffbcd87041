/// The one place that decides what a valid postcode looks like for import.
///
/// A stand-in until the `geo` branch's `Postcode` type is merged: then this becomes
/// `Postcode(raw).map(String.init(describing:))` or similar, and nothing else changes.
/// Accepts any spacing and case ("cf101aa", "CF10  1AA") and returns the canonical form
/// "CF10 1AA": outward code (A9, A99, AA9, AA99, A9A, AA9A), a space, inward code (9AA).
func normalisedPostcode(_ raw: String) -> String? {
    let compact = raw.uppercased().filter { !$0.isWhitespace }
    guard (5...7).contains(compact.count), compact.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
    let chars = Array(compact)
    let inward = chars.suffix(3)
    let outward = Array(chars.dropLast(3))
    let i = Array(inward)
    guard i[0].isNumber, i[1].isLetter, i[2].isLetter else { return nil }
    // Outward: one or two letters, a digit, then optionally a digit or a letter.
    guard let firstDigit = outward.firstIndex(where: \.isNumber), (1...2).contains(firstDigit),
          outward[..<firstDigit].allSatisfy(\.isLetter) else { return nil }
    let rest = outward[(firstDigit + 1)...]
    guard rest.count <= 1 else { return nil }
    return String(outward) + " " + String(inward)
}

/// The one place that decides what a local authority code looks like, by pattern only:
/// W06 (Welsh principal areas), E06–E09 (English unitaries, districts, metropolitan and London
/// boroughs), E10 (English counties), S12 (Scottish council areas), N09 (Northern Irish
/// districts), each followed by six digits. To be swapped for `Geography.wales.authority(code:)`
/// (for Welsh codes) once the `geo` branch is merged.
func isAuthorityCode(_ code: String) -> Bool {
    let chars = Array(code)
    guard chars.count == 9, chars.allSatisfy(\.isASCII), chars[3...].allSatisfy(\.isNumber) else { return false }
    switch String(chars[0..<3]) {
    case "W06", "E06", "E07", "E08", "E09", "E10", "S12", "N09": return true
    default: return false
    }
}
