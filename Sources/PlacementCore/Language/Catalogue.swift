/// The one catalogue of what an officer reads, in Welsh and English (l10n/messages.tsv, embedded by
/// scripts/generate-catalogue.sh). A view asks for a `Message` in the officer's language; it never
/// holds a literal, so no screen can ship in one language only.
public enum Catalogue {
    /// One entry: both languages and the translator's note, from the TSV row of the message's key.
    public struct Entry: Sendable, Equatable {
        public let key: String
        public let en: String
        public let cy: String
        public let note: String
    }

    /// Every entry in `Message` order, parsed once. GeneratedCatalogueTests keeps rows and cases in step.
    public static let entries: [Entry] = CatalogueData.tsv.split(separator: "\n").dropFirst().compactMap { line in
        let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        guard let key = f.first, !key.isEmpty else { return nil }
        return Entry(key: key, en: f.count > 1 ? f[1] : "", cy: f.count > 2 ? f[2] : "", note: f.count > 3 ? f[3] : "")
    }

    /// `{name}` placeholders in a text, in order of appearance.
    public static func placeholders(_ text: String) -> [String] {
        var found: [String] = []
        _ = fill(text) { found.append($0); return "" }
        return found
    }

    /// `text` with each `{name}` replaced by `value(name)`, in one pass (a value holding braces stays as given).
    static func fill(_ text: String, _ value: (String) -> String) -> String {
        var out = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out += rest[..<open]
            out += value(String(rest[rest.index(after: open)..<close]))
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}

extension Message {
    public var entry: Catalogue.Entry { Catalogue.entries[rawValue] }

    /// The message in `language`, each `{name}` replaced by `values[name]` (values are shown as given:
    /// escape control characters before passing text that came from outside).
    public func text(_ language: Language, _ values: [String: String] = [:]) -> String {
        Catalogue.fill(language == .cy ? entry.cy : entry.en) { values[$0] ?? "{\($0)}" }
    }
}
