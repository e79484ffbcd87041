/// A syntactically valid UK postcode in normalised form ("CF10 1AA").
/// Validation is format-only (BS 7666 patterns); whether the postcode exists is
/// for the ONS Postcode Directory lookup to say.
public struct Postcode: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// Upper case, one space before the 3-character inward code.
    public let value: String

    /// Accepts any case and spacing ("cf101aa", " CF10  1AA "); nil if not a UK postcode.
    public init?(_ raw: String) {
        guard let p = try? Postcode.parse(raw) else { return nil }
        self = p
    }

    private init(normalised: String) { value = normalised }

    /// Like `init?` but says why a string was rejected. The error never contains
    /// the input: home postcodes of children are personal data and must not leak into logs.
    public static func parse(_ raw: String) throws(PostcodeError) -> Postcode {
        // Cap before any work so a pasted paragraph is rejected cheaply.
        guard raw.utf8.count <= 32 else { throw .tooLong }
        var compact: [UInt8] = []
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"): continue
            case UInt8(ascii: "a")...UInt8(ascii: "z"): compact.append(byte - 32)
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): compact.append(byte)
            default: throw .invalidCharacters
            }
        }
        if compact.isEmpty { throw .empty }
        if compact.count < 5 { throw .tooShort }
        if compact.count > 7 { throw .tooLong }

        let outward = Array(compact.dropLast(3)), inward = Array(compact.suffix(3))
        let special = outward == Array("GIR".utf8) && inward == Array("0AA".utf8)
        guard special || (Self.isValidOutward(outward) && Self.isValidInward(inward)) else {
            throw .invalidFormat
        }
        return Postcode(normalised: String(decoding: outward, as: UTF8.self) + " " + String(decoding: inward, as: UTF8.self))
    }

    /// The district, e.g. "CF10".
    public var outward: String { String(value.prefix { $0 != " " }) }
    /// The last three characters, e.g. "1AA".
    public var inward: String { String(value.suffix(3)) }
    /// The postcode area, e.g. "CF".
    public var area: String { String(value.prefix { $0.isLetter }) }
    /// The sector, e.g. "CF10 1".
    public var sector: String { String(value.dropLast(2)) }

    public var description: String { value }

    /// Natural order: area, then district number (CF3 before CF10), then the rest.
    public static func < (lhs: Postcode, rhs: Postcode) -> Bool {
        (lhs.area, lhs.districtNumber, lhs.outward, lhs.inward)
            < (rhs.area, rhs.districtNumber, rhs.outward, rhs.inward)
    }

    private var districtNumber: Int {
        Int(String(outward.dropFirst(area.count).prefix { $0.isNumber })) ?? 0
    }

    public init(from decoder: Decoder) throws {
        let raw = try decoder.singleValueContainer().decode(String.self)
        do { self = try Postcode.parse(raw) } catch {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: error.description))
        }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(value)
    }

    // MARK: - Format rules (Royal Mail / BS 7666)

    private static func letters(_ s: String) -> Set<UInt8> { Set(s.utf8) }
    private static let pos1 = letters("ABCDEFGHIJKLMNOPRSTUWYZ")   // not Q V X
    private static let pos2 = letters("ABCDEFGHKLMNOPQRSTUVWXY")   // not I J Z
    private static let pos3 = letters("ABCDEFGHJKPSTUW")           // A9A
    private static let pos4 = letters("ABEHMNPRVWXY")              // AA9A
    private static let inwardLetters = letters("ABDEFGHJLNPQRSTUWXYZ") // not C I K M O V

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    /// A9, A99, A9A, AA9, AA99, AA9A.
    private static func isValidOutward(_ o: [UInt8]) -> Bool {
        guard let first = o.first, pos1.contains(first) else { return false }
        switch o.count {
        case 2: return isDigit(o[1])
        case 3:
            if isDigit(o[1]) { return isDigit(o[2]) || pos3.contains(o[2]) }
            return pos2.contains(o[1]) && isDigit(o[2])
        case 4:
            guard pos2.contains(o[1]), isDigit(o[2]) else { return false }
            return isDigit(o[3]) || pos4.contains(o[3])
        default: return false
        }
    }

    /// 9AA.
    private static func isValidInward(_ i: [UInt8]) -> Bool {
        i.count == 3 && isDigit(i[0]) && inwardLetters.contains(i[1]) && inwardLetters.contains(i[2])
    }
}
