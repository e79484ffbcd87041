/// Why a string is not a UK postcode. Carries no copy of the input on purpose.
public enum PostcodeError: Error, Equatable, CustomStringConvertible {
    case empty
    case tooShort
    case tooLong
    /// Something other than ASCII letters, digits and spaces.
    case invalidCharacters
    /// Right length and characters, wrong pattern (e.g. "ABC 123").
    case invalidFormat

    public var description: String {
        switch self {
        case .empty: "No postcode given."
        case .tooShort: "Postcode is too short: a UK postcode has 5 to 7 letters and digits, e.g. CF10 1AA."
        case .tooLong: "Postcode is too long: a UK postcode has 5 to 7 letters and digits, e.g. CF10 1AA."
        case .invalidCharacters: "Postcode may only contain letters, digits and spaces."
        case .invalidFormat: "Not a valid UK postcode format (expected e.g. CF10 1AA or SW1A 1AA)."
        }
    }
}
