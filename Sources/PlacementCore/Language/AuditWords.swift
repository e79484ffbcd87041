/// How the audit trail reads in the officer's language. Entries are kept as written (action names, record
/// types and details in English, under the hash chain, and as `--json` and the docs give them); a Welsh reader
/// gets each action, record type and part of a detail said from the catalogue (`core.audit.*`), with ids,
/// codes and numbers as recorded. A part the catalogue does not know is shown as recorded.
public enum AuditWords {
    public static func action(_ name: String, _ language: Language) -> String {
        word(prefix: "core.audit.action", name, language)
    }

    public static func recordType(_ type: String, _ language: Language) -> String {
        word(prefix: "core.audit.record", type, language)
    }

    /// A detail ("status open→held; child C0019; until 17:00") part by part: parts are separated by "; "
    /// and, within a part, by ", " (an audit read's filters, a report's area and period).
    public static func detail(_ text: String, _ language: Language) -> String {
        guard language != .en else { return text }
        return text.components(separatedBy: "; ").map { part in
            part.components(separatedBy: ", ").map { said($0, language) }.joined(separator: ", ")
        }.joined(separator: "; ")
    }

    static func word(prefix: String, _ name: String, _ language: Language) -> String {
        guard language != .en else { return name }
        return Catalogue.text(key: Catalogue.key(prefix, name), language) ?? name
    }

    /// The detail rows as templates, the most fixed words first ("notice {hours} h" before "notice {id}").
    static let templates: [(template: PhraseTemplate, message: Message)] = Message.allCases
        .filter { $0.entry.key.hasPrefix("core.audit.detail.") }
        .map { (PhraseTemplate($0.entry.en), $0) }
        .sorted { $0.template.literals.joined().count > $1.template.literals.joined().count }

    static func said(_ part: String, _ language: Language) -> String {
        for (template, message) in templates {
            if template.names.isEmpty {
                if part == message.entry.en { return message.text(language) }
            } else if let values = template.match(part) {
                return message.text(language, values)
            }
        }
        return part
    }
}
