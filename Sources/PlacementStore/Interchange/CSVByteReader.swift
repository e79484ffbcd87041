import Foundation

/// Why a row could not be read. The caller knows the column names, so it words the `ImportError`.
enum CSVReadFailure: Error, Equatable {
    /// Bytes that are not UTF-8, on this physical line.
    case invalidUTF8(line: Int)
    /// A quoted field (0-based position `field`) opened on `line` runs to the end of the file.
    case unclosedQuote(line: Int, field: Int)
    /// A field longer than any real cell: stop before a stray quote pulls the whole file into memory.
    case fieldTooLong(line: Int, field: Int)
    case unreadable
}

/// An RFC 4180 reader working on bytes, for every CSV import.
///
/// Why not CSV.swift's `CSVReader`: it decodes the input one Unicode scalar at a time through an
/// iterator and builds every field as a `String`; on the 2.7-million-row ONS Postcode Directory
/// (52 columns, 5 of them read) that was 76% of a 118 s import. This reader copies runs of plain
/// bytes in bulk, keeps a row as one byte buffer plus field ends, and makes a `String` only for the
/// columns a format reads. It also counts physical lines itself (CR, LF and CRLF end a line, inside
/// quotes too), refuses a quote left open at the end of the file (CSVReader silently swallowed the
/// rest of the file into one field), and stops a runaway field early so memory stays bounded.
///
/// Reading follows CSVReader's rules so files read the same: a quote opens a quoted field only as
/// its first byte, `""` inside one is a quote, a stray quote followed by another byte is kept as
/// text, an empty line is a row of one empty field, a UTF-8 byte order mark at the start is dropped.
struct CSVByteReader {
    /// Longest field kept, in bytes: `maximumFieldLength` characters of up to 4 bytes each.
    static let maximumFieldBytes = maximumFieldLength * 4
    private static let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), cr: UInt8 = 13, lf: UInt8 = 10

    private var chunk: [UInt8] = []
    private var position = 0
    private var exhausted = false
    private let refill: (inout [UInt8]) -> Bool
    private var startedReading = false
    private var nextLine = 1

    /// The current row: field contents (quotes undone) back to back, and where each field ends.
    private(set) var bytes: [UInt8] = []
    private(set) var ends: [Int] = []
    /// The physical line the current row starts on.
    private(set) var line = 1

    /// Reads bytes already in memory.
    init(data: Data) {
        var pending: [UInt8]? = [UInt8](data)
        refill = { buffer in
            guard let next = pending else { return false }
            buffer = next
            pending = nil
            return true
        }
    }

    /// Streams a file in 1 MiB chunks; memory use does not grow with the file.
    init(handle: FileHandle, failed: @escaping () -> Void) {
        refill = { buffer in
            do {
                guard let data = try handle.read(upToCount: 1 << 20), !data.isEmpty else { return false }
                buffer = [UInt8](data)
                return true
            } catch {
                failed()
                return false
            }
        }
    }

    var fieldCount: Int { ends.count }

    func fieldRange(_ i: Int) -> Range<Int> { (i == 0 ? 0 : ends[i - 1])..<ends[i] }

    func fieldByteCount(_ i: Int) -> Int { ends[i] - (i == 0 ? 0 : ends[i - 1]) }

    /// The field as text (already checked to be UTF-8 when the row was read).
    func string(_ i: Int) -> String {
        bytes.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[fieldRange(i)]), as: UTF8.self) }
    }

    /// True when the field is empty or white space only (as `trimmingCharacters(in: .whitespacesAndNewlines)` sees it).
    func isBlank(_ i: Int) -> Bool {
        for b in bytes[fieldRange(i)] {
            if b >= 0x80 { return string(i).trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
            if !(b == 32 || (9...13).contains(b)) { return false }
        }
        return true
    }

    /// Next byte without consuming it, fetching another chunk when this one is used up.
    private mutating func peek() -> UInt8? {
        if position == chunk.count {
            guard !exhausted, refill(&chunk) else { exhausted = true; return nil }
            position = 0
            if !startedReading {
                startedReading = true
                if chunk.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
                if position == chunk.count { return peek() }
            }
            if chunk.isEmpty { return peek() }
        }
        return chunk[position]
    }

    /// Copies bytes from the chunk up to the next one in `stops` (or the chunk's end); returns the
    /// OR of the copied bytes, whose top bit says whether the run may hold non-ASCII text.
    private mutating func copyRun(stoppingAt a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let start = position
        var seen: UInt8 = 0
        chunk.withUnsafeBufferPointer { buffer in
            var i = start
            while i < buffer.count {
                let byte = buffer[i]
                if byte == a || byte == b || byte == c { break }
                seen |= byte
                i += 1
            }
            position = i
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<i]))
        }
        return seen
    }

    /// Reads the next row into `bytes`/`ends`; false at the end of the input.
    mutating func next() throws(CSVReadFailure) -> Bool {
        bytes.removeAll(keepingCapacity: true)
        ends.removeAll(keepingCapacity: true)
        guard peek() != nil else { return false }
        line = nextLine
        var seen: UInt8 = 0
        rowLoop: while true {
            let fieldStart = bytes.count
            let fieldLine = nextLine
            if peek() == Self.quote {
                position += 1
                while true {
                    guard let byte = peek() else { throw .unclosedQuote(line: fieldLine, field: ends.count) }
                    if byte == Self.quote {
                        position += 1
                        let after = peek()
                        if after == Self.quote { bytes.append(Self.quote); position += 1; continue }
                        if after == nil || after == Self.comma || after == Self.cr || after == Self.lf { break }
                        bytes.append(Self.quote)   // a stray quote inside quotes: kept as text
                    } else if byte == Self.cr || byte == Self.lf {
                        bytes.append(byte)
                        position += 1
                        nextLine += 1
                        if byte == Self.cr, peek() == Self.lf { bytes.append(Self.lf); position += 1 }
                    } else {
                        seen |= copyRun(stoppingAt: Self.quote, Self.cr, Self.lf)
                    }
                    if bytes.count - fieldStart > Self.maximumFieldBytes { throw .fieldTooLong(line: line, field: ends.count) }
                }
            } else {
                while true {
                    seen |= copyRun(stoppingAt: Self.comma, Self.cr, Self.lf)
                    if bytes.count - fieldStart > Self.maximumFieldBytes { throw .fieldTooLong(line: line, field: ends.count) }
                    if position < chunk.count || peek() == nil { break }
                }
            }
            ends.append(bytes.count)
            // The byte after the field: a comma starts another field; a line break or the end ends the row.
            switch peek() {
            case Self.comma?:
                position += 1
                continue rowLoop
            case Self.cr?:
                position += 1
                nextLine += 1
                if peek() == Self.lf { position += 1 }
            case Self.lf?:
                position += 1
                nextLine += 1
            default:
                break
            }
            break rowLoop
        }
        if seen & 0x80 != 0 { try checkUTF8() }
        return true
    }

    /// Finds the first field that is not UTF-8 and the physical line of its first bad byte.
    private func checkUTF8() throws(CSVReadFailure) {
        var fieldLine = line
        for i in 0..<ends.count {
            let range = fieldRange(i)
            let valid = bytes.withUnsafeBufferPointer { String(validating: UnsafeBufferPointer(rebasing: $0[range]), as: UTF8.self) != nil }
            if !valid { throw .invalidUTF8(line: fieldLine - 1 + lineOfFirstInvalidUTF8(Data(bytes[range])[...])) }
            fieldLine += lineBreaks(bytes[range])
        }
    }
}

/// Line breaks in some bytes, as an editor counts them (CRLF once).
func lineBreaks(_ bytes: some Sequence<UInt8>) -> Int {
    var count = 0
    var previousCR = false
    for byte in bytes {
        if byte == 13 || (byte == 10 && !previousCR) { count += 1 }
        previousCR = byte == 13
    }
    return count
}
