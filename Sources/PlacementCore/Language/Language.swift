/// The two languages of Placefinder's interface, equal in standing (Welsh Language Standards).
public enum Language: String, CaseIterable, Sendable, Codable {
    case cy, en

    /// The other language: what the switch key changes to.
    public var other: Language { self == .cy ? .en : .cy }

    /// The language an officer asked for, in order: `--lang`, then `PLACEFINDER_LANG`, then the locale
    /// (`LC_ALL`, `LC_MESSAGES`, `LANG`, the first one set, as POSIX orders them), else English.
    /// An unknown `--lang` or `PLACEFINDER_LANG` value is an error naming it; an unknown locale is not
    /// (a shell's `C.UTF-8` says nothing about the officer's language).
    public static func chosen(flag: String?, setting: String?, locale: [String?]) throws(UnknownLanguage) -> Language {
        for given in [flag, setting] {
            guard let given, !given.isEmpty else { continue }
            guard let language = Language(code: given) else { throw UnknownLanguage(value: given) }
            return language
        }
        guard let locale = locale.lazy.compactMap({ $0 }).first(where: { !$0.isEmpty }) else { return .en }
        return Language(code: String(locale.prefix { $0 != "_" && $0 != "." && $0 != "@" })) ?? .en
    }

    /// `cy`, `en` and their ISO 639-2 and English names, any case.
    public init?(code: String) {
        switch code.lowercased() {
        case "cy", "cym", "wel", "welsh", "cymraeg": self = .cy
        case "en", "eng", "english", "saesneg": self = .en
        default: return nil
        }
    }
}

/// A language value Placefinder does not offer, named.
public struct UnknownLanguage: Error, Sendable, Equatable, CustomStringConvertible {
    public let value: String
    public init(value: String) { self.value = value }
    public var description: String { "\(VisibleText.line(value)) is not a language Placefinder offers: use cy (Cymraeg) or en (English)" }
}
