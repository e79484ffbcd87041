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
    public static let entries: [Entry] = parse(CatalogueData.tsv)

    /// The rows under the header line, read as bytes: the dashboard's first frame waits for this, and
    /// splitting 1,800 lines by `Character` took 11 ms of the launch.
    static func parse(_ tsv: String) -> [Entry] {
        var tsv = tsv
        return tsv.withUTF8 { bytes in
            var entries: [Entry] = []
            entries.reserveCapacity(2_048)
            var fields: [String] = []
            var start = 0, header = true
            for i in 0...bytes.count where i == bytes.count || bytes[i] == UInt8(ascii: "\t") || bytes[i] == UInt8(ascii: "\n") {
                fields.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                start = i + 1
                guard i == bytes.count || bytes[i] == UInt8(ascii: "\n") else { continue }
                if !header, let key = fields.first, !key.isEmpty {
                    func field(_ n: Int) -> String { n < fields.count ? fields[n] : "" }
                    entries.append(Entry(key: key, en: field(1), cy: field(2), note: field(3)))
                }
                header = false
                fields.removeAll(keepingCapacity: true)
            }
            return entries
        }
    }

    /// `{name}` placeholders in a text, in order of appearance.
    public static func placeholders(_ text: String) -> [String] {
        var found: [String] = []
        _ = fill(text) { found.append($0); return "" }
        return found
    }

    /// `text` with each `{name}` replaced by `value(name)`, in one pass (a value holding braces stays as given).
    static func fill(_ text: String, _ value: (String) -> String) -> String {
        guard text.utf8.contains(UInt8(ascii: "{")) else { return text }
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
