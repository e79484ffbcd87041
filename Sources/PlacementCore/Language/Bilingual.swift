import Foundation

/// A text written in both languages when it is made, for results computed once and read in either: an
/// explanation or a refusal outlives a switch of language, so it carries both rather than one.
public struct Bilingual: Sendable, Hashable {
    public let en: String
    public let cy: String

    public init(en: String, cy: String) {
        self.en = en
        self.cy = cy
    }

    /// The message in both languages; `values` gives each language's placeholder values (a tier's or a
    /// need's name differs by language, a number does not).
    public init(_ message: Message, _ values: (Language) -> [String: String] = { _ in [:] }) {
        self.init(en: message.text(.en, values(.en)), cy: message.text(.cy, values(.cy)))
    }

    /// Words a value already has in each language (a setting's, a rating's).
    public init(words: (Language) -> String) { self.init(en: words(.en), cy: words(.cy)) }

    /// The same words in both languages: an id or a number.
    public init(verbatim text: String) { self.init(en: text, cy: text) }

    public func text(_ language: Language = .en) -> String { language == .cy ? cy : en }

    /// Both joined by `separator` in each language.
    public static func joined(_ parts: [Bilingual], separator: Bilingual) -> Bilingual {
        Bilingual(en: parts.map(\.en).joined(separator: separator.en), cy: parts.map(\.cy).joined(separator: separator.cy))
    }

    public static func + (a: Bilingual, b: Bilingual) -> Bilingual { Bilingual(en: a.en + b.en, cy: a.cy + b.cy) }
}

extension Catalogue {
    /// Every message by its key, for words keyed by a value's raw value (a setting, a rating) rather than
    /// named in code.
    static let byKey: [String: Message] = Dictionary(Message.allCases.map { ($0.entry.key, $0) }, uniquingKeysWith: { a, _ in a })

    /// The row key of a coded value under `prefix`: lower case, underscores as dots
    /// (`core.setting` and `parent_and_child` → `core.setting.parent.and.child`).
    public static func key(_ prefix: String, _ code: String) -> String {
        var key = prefix + "."
        for character in code.lowercased() { key.append(character == "_" ? "." : character) }
        return key
    }

    /// The message with `key` in `language`, or nil when the catalogue has no such row.
    public static func text(key: String, _ language: Language, _ values: [String: String] = [:]) -> String? {
        byKey[key]?.text(language, values)
    }

    /// Phrase rows: English that code below the interface passes up as words (PlacementCore's
    /// `core.phrase.*`, the command line's `cli.phrase.*` for messages PlacementStore words, the regional
    /// server's aggregate report `regional.phrase.*`).
    static func isPhrase(_ key: String) -> Bool {
        key.hasPrefix("core.phrase.") || key.hasPrefix("cli.phrase.") || key.hasPrefix("regional.phrase.")
    }

    /// Core and phrase rows by their English (the first row wins where two say the same).
    static let coreByEnglish: [String: Message] = Dictionary(
        Message.allCases.filter { $0.entry.key.hasPrefix("core.") || isPhrase($0.entry.key) }.map { ($0.entry.en, $0) },
        uniquingKeysWith: { a, _ in a })

    /// The placeholders of phrase templates that hold words to say in the language in turn (a record's
    /// kind, a tier, a problem); all others hold what was given (an id, a column's name, a number).
    static let wordPlaceholders: Set<String> = ["kind", "tier", "problem", "what", "why", "reason", "status"]

    /// The phrase rows holding placeholders, as templates to match English text against.
    static let phraseTemplates: [(template: PhraseTemplate, message: Message)] = Message.allCases
        .filter { isPhrase($0.entry.key) && !placeholders($0.entry.en).isEmpty }
        .map { (PhraseTemplate($0.entry.en), $0) }

    /// `english` in `language`, for words workflow code passes as English ("a reason", "a declined call",
    /// "out of county, other Welsh LA (reg 12(3))"): a core or phrase row with that English, or a phrase
    /// template it fits with each value said in the language in turn (templates in catalogue order, so the
    /// most general go last); otherwise as given (an id, a number).
    public static func phrase(_ english: String, _ language: Language) -> String {
        guard language != .en else { return english }
        if let message = coreByEnglish[english] { return message.text(language) }
        // Several templates can fit ("beds: must not be negative" fits "{value} must not be negative" and
        // "{field}: {problem}"): the reading that says most of the text in the language wins, then the
        // template with more fixed words, then the earlier row. Each value is shorter than the text, so this ends.
        var best: (translated: Int, literal: Int, text: String)?
        for (template, message) in phraseTemplates {
            guard let values = template.match(english) else { continue }
            var translated = 0
            var said = values
            for (name, value) in values where wordPlaceholders.contains(name) {
                said[name] = phrase(value, language)
                if said[name] != value { translated += 1 }
            }
            let literal = template.literals.reduce(0) { $0 + $1.count }
            if best.map({ (translated, literal) > ($0.translated, $0.literal) }) ?? true {
                best = (translated, literal, message.text(language, said))
            }
        }
        return best?.text ?? english
    }
}

/// An English text with `{name}` placeholders, matched against finished text to recover the values.
struct PhraseTemplate: Sendable {
    /// The literal text around the placeholders: one more than `names`.
    let literals: [String]
    let names: [String]

    init(_ text: String) {
        var literals = [""], names: [String] = []
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            literals[literals.count - 1] += rest[..<open]
            names.append(String(rest[rest.index(after: open)..<close]))
            literals.append("")
            rest = rest[rest.index(after: close)...]
        }
        literals[literals.count - 1] += rest
        self.literals = literals
        self.names = names
    }

    /// The values that turn the template into `text`, or nil when it does not fit (each value non-empty,
    /// taken up to the next literal's first occurrence; the last literal must end the text).
    func match(_ text: String) -> [String: String]? {
        guard text.hasPrefix(literals[0]), text.hasSuffix(literals[literals.count - 1]),
              text.count >= literals[0].count + literals[literals.count - 1].count else { return nil }
        var rest = Substring(text.dropFirst(literals[0].count).dropLast(literals[literals.count - 1].count))
        var values: [String: String] = [:]
        for (i, name) in names.enumerated() {
            let value: Substring
            if i == names.count - 1 {
                value = rest
                rest = ""
            } else {
                guard let found = rest.range(of: literals[i + 1]) else { return nil }
                value = rest[..<found.lowerBound]
                rest = rest[found.upperBound...]
            }
            guard !value.isEmpty else { return nil }
            values[name] = String(value)
        }
        return values
    }
}

/// A value whose words for an officer are catalogue rows keyed `<prefix>.<raw value>` (lower case,
/// underscores as dots: `core.setting.parent.and.child`), so adding a case without its row fails a test.
public protocol CatalogueWorded: RawRepresentable, CaseIterable where RawValue == String {
    static var catalogueKeyPrefix: String { get }
}

extension CatalogueWorded {
    /// The row key of this value's words.
    public var catalogueKey: String { Catalogue.key(Self.catalogueKeyPrefix, rawValue) }

    /// This value's words in `language` (its raw value if the row were missing; a test forbids that).
    public func catalogueWords(_ language: Language = .en) -> String {
        Catalogue.text(key: catalogueKey, language) ?? rawValue
    }

    /// What an officer reads for this value in `language`: its catalogue row.
    public func label(_ language: Language = .en) -> String { catalogueWords(language) }

    /// The row key of this value's short words, for narrow columns: `<prefix>.short.<raw value>`.
    public var shortCatalogueKey: String {
        Catalogue.key(Self.catalogueKeyPrefix + ".short", rawValue)
    }

    /// This value's short words in `language` (its full words where it has no short row).
    public func catalogueShortWords(_ language: Language = .en) -> String {
        Catalogue.text(key: shortCatalogueKey, language) ?? catalogueWords(language)
    }
}
