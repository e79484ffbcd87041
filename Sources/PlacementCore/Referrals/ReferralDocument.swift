import Foundation

/// The formats a referral pack is written in.
public enum ReferralFormat: String, Sendable, CaseIterable {
    case json, md

    public var fileExtension: String { rawValue }
}

/// A referral pack as text: JSON in the Placements Data Standard's shape (its entities at the top level,
/// Placefinder's own sections under "referral"), or a Markdown document an officer can attach to an e-mail.
/// Both are built from the same `ReferralPack`, so they never disagree.
public enum ReferralDocument {
    public static func render(_ pack: ReferralPack, as format: ReferralFormat) -> String {
        switch format {
        case .json: json(pack)
        case .md: markdown(pack)
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

    public static func json(_ pack: ReferralPack) -> String {
        var members: [(String, String)] = [
            ("standard", object([("title", quoted(PlacementsStandardRecord.title)), ("version", quoted(PlacementsStandardRecord.version))], indent: 1)),
        ]
        for entity in pack.standard.entities {
            members.append((entity.name, object(entity.fields.map { ($0.name, value($0.value)) }, indent: 1)))
        }
        let sections = pack.sections.map { s in
            object([("key", quoted(s.key.rawValue)), ("title", quoted(s.key.title)), ("lines", array(s.lines.map(quoted), indent: 4))], indent: 3)
        }
        members.append(("referral", object([
            ("childReference", quoted(pack.childID)),
            ("neededBy", quoted(pack.neededBy.iso)),
            ("sentAt", quoted(iso8601(pack.sentAt))),
            ("sentBy", quoted(pack.sentBy)),
            ("responseDue", quoted(iso8601(pack.responseDue))),
            ("missingInformation", array(pack.missing.map { quoted($0.text) }, indent: 2)),
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

    public static func markdown(_ pack: ReferralPack) -> String {
        var out = "# Placement referral: \(escaped(pack.childID)) (\(escaped(pack.initials)))\n\n"
        out += "\(PlacementsStandardRecord.title) \(PlacementsStandardRecord.version) · sent \(stamp(pack.sentAt)) by \(escaped(pack.sentBy))"
        out += " · response due \(stamp(pack.responseDue)) (UK time)\n\n"
        out += "## Missing information\n\n"
        out += pack.missing.isEmpty ? "Nothing missing.\n\n" : pack.missing.map { "- \($0.text)\n" }.joined() + "\n"
        for section in pack.sections {
            out += "## \(section.key.title)\n\n" + section.lines.map { "- \(escaped($0))\n" }.joined() + "\n"
        }
        out += "## \(PlacementsStandardRecord.title) \(PlacementsStandardRecord.version) fields\n\n"
        out += "| Entity | Field | Value |\n|---|---|---|\n"
        for entity in pack.standard.entities {
            for field in entity.fields {
                let shown: String = switch field.value {
                case .text(let s): s
                case .integer(let n): String(n)
                case .boolean(let b): b ? "yes" : "no"
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
