import Foundation

/// Where a file that is not JSON goes wrong, as the line and column an officer's editor shows (both from 1;
/// the column counts characters, not bytes). JSONDecoder says only "The given data was not valid JSON.";
/// JSONSerialization's parser gives the byte: "Invalid value around character 35."
enum JSONErrorPlace {
    static func of(_ data: Data) -> (line: Int, column: Int)? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return nil
        } catch {
            let info = (error as NSError).userInfo
            if let offset = info["NSJSONSerializationErrorIndex"] as? Int { return place(ofByte: offset, in: data) }
            // A truncated file says "Unexpected end of file", which has no place worth naming.
            let words = (info[NSDebugDescriptionErrorKey] as? String) ?? ""
            guard let range = words.range(of: "around character "),
                  let offset = Int(words[range.upperBound...].prefix(while: \.isNumber)) else { return nil }
            return place(ofByte: offset, in: data)
        }
    }

    /// The line and column of byte `offset` (from 0) of `data`.
    static func place(ofByte offset: Int, in data: Data) -> (line: Int, column: Int) {
        let before = Array(data.prefix(max(0, offset)))
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        return (line, String(decoding: before[lineStart...], as: UTF8.self).count + 1)
    }
}
