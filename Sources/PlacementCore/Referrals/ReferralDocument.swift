import Foundation

/// The formats a referral pack is written in.
public enum ReferralFormat: String, Sendable, CaseIterable {
    case json, md

    public var fileExtension: String { rawValue }
}

/// The language a referral document is written in: one of the two, or both with Welsh first (the Welsh
/// Language Standards' convention for bilingual text, issue 16 §7).
public enum ReferralLanguage: String, Sendable, CaseIterable {
    case en, cy, bilingual

    /// The languages in the order the document gives them.
    public var languages: [Language] {
        switch self {
        case .en: [.en]
        case .cy: [.cy]
        case .bilingual: [.cy, .en]
        }
    }

    public init(_ language: Language) { self = language == .cy ? .cy : .en }
}

/// A referral pack as text: JSON in the Placements Data Standard's shape (its entities at the top level,
/// Placefinder's own sections under "referral"), or a Markdown document an officer can attach to an e-mail.
/// Both are built from the same `ReferralPack`, so they never disagree.
public enum ReferralDocument {
    public static func render(_ pack: ReferralPack, as format: ReferralFormat, language: ReferralLanguage = .en) -> String {
        switch format {
        case .json: json(pack, language: language)
        case .md: markdown(pack, language: language)
        }
    }

    /// A file name that says what it is without naming the child: "referral-C0003-20261130-1005.md".
    public static func fileName(_ pack: ReferralPack, format: ReferralFormat) -> String {
        let day = WorkflowTime.day(of: pack.sentAt).iso.replacingOccurrences(of: "-", with: "")
        let time = WorkflowTime.clock(pack.sentAt).replacingOccurrences(of: ":", with: "")
        let safeID = String(pack.childID.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) })
        return "referral-\(safeID)-\(day)-\(time).\(format.fileExtension)"
    }

    static func stamp(_ date: Date) -> String { "\(WorkflowTime.day(of: date).iso) \(WorkflowTime.clock(date))" }

    // MARK: JSON

    /// Titles and lines in the first of `language`'s languages; a bilingual document adds the English as
    /// `titleEnglish` and `linesEnglish` (the Standard's own fields stay its coded values).
    public static func json(_ pack: ReferralPack, language: ReferralLanguage = .en) -> String {
        let first = language.languages[0]
        var members: [(String, String)] = [
            ("standard", object([("title", quoted(PlacementsStandardRecord.title)), ("version", quoted(PlacementsStandardRecord.version))], indent: 1)),
        ]
        for entity in pack.standard.entities {
            members.append((entity.name, object(entity.fields.map { ($0.name, value($0.value)) }, indent: 1)))
        }
        let sections = pack.sections.map { s -> String in
            var fields: [(String, String)] = [("key", quoted(s.key.rawValue)), ("title", quoted(s.key.title(first))),
                                              ("lines", array(s.lines(first).map(quoted), indent: 4))]
            if language == .bilingual {
                fields += [("titleEnglish", quoted(s.key.title)), ("linesEnglish", array(s.lines.map(quoted), indent: 4))]
            }
            return object(fields, indent: 3)
        }
        members.append(("referral", object([
            ("childReference", quoted(pack.childID)),
            ("neededBy", quoted(pack.neededBy.iso)),
            ("sentAt", quoted(iso8601(pack.sentAt))),
            ("sentBy", quoted(pack.sentBy)),
            ("responseDue", quoted(iso8601(pack.responseDue))),
            ("missingInformation", array(pack.missing.map { quoted($0.text(first)) }, indent: 2)),
            ("sections", array(sections, indent: 2)),
        ], indent: 1)))
        return object(members, indent: 0) + "\n"
    }

    static func value(_ v: StandardValue) -> String {
        switch v {
        case .text(let s): quoted(s)
        case .integer(let n): String(n)
        case .boolean(let b): b ? "true" : "false"
        case .list(let items): "[" + items.map(quoted).joined(separator: ", ") + "]"
        }
    }

    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func object(_ members: [(String, String)], indent: Int) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let body = members.map { "\(pad)\(quoted($0.0)): \($0.1)" }.joined(separator: ",\n")
        return "{\n" + body + "\n" + String(repeating: "  ", count: indent) + "}"
    }

    static func array(_ items: [String], indent: Int) -> String {
        guard !items.isEmpty else { return "[]" }
        let pad = String(repeating: "  ", count: indent + 1)
        return "[\n" + items.map { pad + $0 }.joined(separator: ",\n") + "\n" + String(repeating: "  ", count: indent) + "]"
    }

    static func iso8601(_ date: Date) -> String {
        let f = ISO8601DateFormatter()
        f.formatOptions = [.withInternetDateTime]
        return f.string(from: date)
    }

    // MARK: Markdown

    /// In one language, or both with Welsh first: each heading "Cymraeg / English", each line in Welsh with
    /// its English beneath.
    public static func markdown(_ pack: ReferralPack, language: ReferralLanguage = .en) -> String {
        let languages = language.languages
        func both(_ text: (Language) -> String) -> String { languages.map(text).joined(separator: " / ") }
        func items(_ lines: (Language) -> [String]) -> String {
            let columns = languages.map(lines)
            return columns[0].indices.map { i in
                "- \(escaped(columns[0][i]))\n" + (columns.count > 1 ? "  _\(escaped(columns[1][i]))_\n" : "")
            }.joined()
        }
        let standard = "\(PlacementsStandardRecord.title) \(PlacementsStandardRecord.version)"
        var out = "# " + both { Message.coreReferralDocTitle.text($0, ["id": escaped(pack.childID), "initials": escaped(pack.initials)]) } + "\n\n"
        out += both { Message.coreReferralDocSent.text($0, ["standard": standard, "sent": stamp(pack.sentAt), "by": escaped(pack.sentBy),
                                                             "due": stamp(pack.responseDue)]) } + "\n\n"
        out += "## " + both { Message.coreReferralDocMissing.text($0) } + "\n\n"
        out += pack.missing.isEmpty ? both { Message.coreReferralDocNothingMissing.text($0) } + "\n\n"
            : items { language in pack.missing.map { $0.text(language) } } + "\n"
        for section in pack.sections {
            out += "## " + both { section.key.title($0) } + "\n\n" + items { section.lines($0) } + "\n"
        }
        out += "## " + both { Message.coreReferralDocFields.text($0, ["standard": standard]) } + "\n\n"
        out += "| " + both { Message.coreReferralDocEntity.text($0) } + " | " + both { Message.coreReferralDocField.text($0) } + " | "
            + both { Message.coreReferralDocValue.text($0) } + " |\n|---|---|---|\n"
        for entity in pack.standard.entities {
            for field in entity.fields {
                let shown: String = switch field.value {
                case .text(let s): s
                case .integer(let n): String(n)
                case .boolean(let b): both { (b ? Message.coreReferralDocYes : .coreReferralDocNo).text($0) }
                case .list(let items): items.joined(separator: ", ")
                }
                out += "| \(entity.name) | \(field.name) | \(escaped(shown).replacingOccurrences(of: "|", with: "\\|")) |\n"
            }
        }
        return out
    }

    /// Text from the store cannot start Markdown of its own (a heading, a link) in the document.
    static func escaped(_ s: String) -> String {
        var out = ""
        for ch in s {
            if "\\`*_[]<>#".contains(ch) { out.append("\\") }
            out.append(ch == "\n" ? " " : ch)
        }
        return out
    }
}
