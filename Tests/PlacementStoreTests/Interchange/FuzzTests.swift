import Foundation
import GRDB
import PlacementCore
import PropertyBased
import Testing
@testable import PlacementStore

/// Hostile input for the importers: random bytes, random mutations of the example files, and the
/// committed corpus in fuzz/corpus/. Each input either imports completely or throws an ImportError
/// that points somewhere sensible; nothing crashes, and a failed import leaves the store untouched.
///
/// The run is bounded (a few seconds in a debug build) so CI runs it with `swift test`. For a longer
/// run set PLACEFINDER_FUZZ_ITERATIONS (e.g. 20000); PLACEFINDER_FUZZ_SEED picks another mutation stream.
@Suite struct FuzzTests {
    static let environment = ProcessInfo.processInfo.environment
    static let iterations = environment["PLACEFINDER_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 200
    static let baseSeed = environment["PLACEFINDER_FUZZ_SEED"].flatMap(UInt64.init) ?? 0x5AFE_C0DE
    static let corpus = packageRoot.appendingPathComponent("fuzz/corpus")

    static let csvKinds: [RecordKind] = [.providers, .vacancies, .children, .placements]

    /// Parses `data` as `kind` the way the importer does, returning how many records it read.
    static func parse(_ kind: RecordKind, _ data: Data) throws(ImportError) -> Int {
        let file = kind.fileName
        switch kind {
        case .providers: return try Interchange.readProviders(data, file: file).count
        case .vacancies: return try Interchange.readVacancies(data, file: file).count
        case .children: return try Interchange.readChildren(data, file: file, today: exampleToday).count
        case .placements: return try Interchange.readPlacements(data, file: file).count
        case .notices, .contacts: return 0   // export only: never parsed
        case .postcodes:
            let folder = URL(fileURLWithPath: NSTemporaryDirectory() + "placefinder-fuzz-\(UUID().uuidString)")
            let url = folder.appendingPathComponent(file)
            defer { try? FileManager.default.removeItem(at: folder) }
            do {
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try data.write(to: url)
            } catch { preconditionFailure("cannot write \(url.path)") }
            var count = 0
            do { try Interchange.readPostcodes(url, batchSize: 3) { count += $0.count } } catch let error as ImportError {
                throw error
            } catch {
                preconditionFailure("readPostcodes threw a non-ImportError: \(error)")
            }
            return count
        }
    }

    /// Physical lines in `data` as an editor counts them (CR, LF or CRLF end a line).
    static func physicalLines(_ data: Data) -> Int {
        var lines = 1, previousCR = false
        for byte in data {
            if byte == 13 || (byte == 10 && !previousCR) { lines += 1 }
            previousCR = byte == 13
        }
        return lines
    }

    /// The example children's names: a children.csv error must never repeat them.
    static let childNames: [String] = {
        guard let text = try? exampleText("children.csv") else { return [] }
        return text.split(whereSeparator: \.isNewline).dropFirst().flatMap { line in
            line.split(separator: ",").dropFirst().prefix(2).map(String.init)
        }.filter { $0.count >= 5 }
    }()

    /// What every outcome must satisfy: a count, or an ImportError that names a line within the file.
    static func checkOutcome(_ kind: RecordKind, _ data: Data, _ label: @autoclosure () -> String) -> Int? {
        do {
            let count = try parse(kind, data)
            #expect(count >= 0)
            return count
        } catch {
            #expect(error.line >= 0, "\(label()): line \(error.line)")
            #expect(error.line <= physicalLines(data) + 1, "\(label()): line \(error.line) past the end")
            #expect(error.line >= 1 || kind == .postcodes, "\(label()): in-memory files always have a line")
            if let column = error.column {
                #expect(!column.isEmpty && !column.contains("\n"), "\(label()): column \(column.debugDescription)")
            }
            let description = error.description
            #expect(!description.contains("\n") && !description.contains("\r"), "\(label()): \(description)")
            #expect(description.hasPrefix(kind.fileName), "\(label()): \(description)")
            if kind == .children {
                for name in childNames { #expect(!description.contains(name), "\(label()): repeats a name: \(description)") }
            }
            return nil
        }
    }

    // MARK: Random bytes

    @Test func randomBytesNeverCrashAnyReader() async {
        let bytes = Gen.uint8().array(of: 0...400)
        await propertyCheck(count: Self.iterations, input: bytes, Gen.element(of: Self.csvKinds + [.postcodes])) { raw, kind in
            guard let kind else { return }
            _ = Self.checkOutcome(kind, Data(raw), "\(kind) from \(raw.count) random bytes")
        }
    }

    /// Random bytes after a valid header: the row-level paths, not just "missing column".
    @Test func randomRowsUnderAValidHeaderNeverCrash() async {
        let bytes = Gen.uint8().array(of: 0...300)
        await propertyCheck(count: Self.iterations, input: bytes, Gen.element(of: Self.csvKinds + [.postcodes])) { raw, kind in
            guard let kind else { return }
            let data = Data((kind.columns.joined(separator: ",") + "\n").utf8) + Data(raw)
            _ = Self.checkOutcome(kind, data, "\(kind) header + \(raw)")
        }
    }

    // MARK: Mutations of the example files

    @Test func mutatedExamplesImportWhollyOrFailWithALine() async throws {
        let examples = try Dictionary(uniqueKeysWithValues: (Self.csvKinds + [.postcodes]).map { ($0, try example($0.fileName)) })
        await propertyCheck(count: Self.iterations * 2, input: Gen.uint64(), Gen.element(of: Self.csvKinds + [.postcodes])) { seed, kind in
            guard let kind, let original = examples[kind] else { return }
            var rng = FuzzRandom(seed: seed ^ Self.baseSeed)
            let mutated = Mutator.mutate(original, using: &rng)
            _ = Self.checkOutcome(kind, mutated, "\(kind) mutation seed \(seed)")
        }
    }

    /// Through the store: a mutated file either adds exactly what the reader read, or adds nothing at all
    /// (no rows, no audit entry). Each run starts from a copy of a store holding the file's prerequisites.
    @Test func mutatedImportsAreAllOrNothingInTheStore() async throws {
        let folder = try TempFolder()
        let prerequisites: [RecordKind: [RecordKind]] = [
            .providers: [], .children: [], .postcodes: [], .vacancies: [.providers, .children],
            .placements: [.providers, .children, .vacancies],
        ]
        var bases: [RecordKind: String] = [:]
        for (kind, needs) in prerequisites {
            let path = folder.file("base-\(kind.rawValue)/s.sqlite")
            let store = try PlacementDatabase(path: path, create: true)
            for need in needs {
                try store.importFile(need, from: packageRoot.appendingPathComponent("fixtures/examples/\(need.fileName)"),
                                     user: "fuzz", today: exampleToday)
            }
            try store.close()
            bases[kind] = path
        }
        let examples = try Dictionary(uniqueKeysWithValues: (Self.csvKinds + [.postcodes]).map { ($0, try example($0.fileName)) })
        let count = max(20, Self.iterations / 3)
        await propertyCheck(count: count, input: Gen.uint64(), Gen.element(of: Self.csvKinds + [.postcodes])) { seed, kind in
            guard let kind, let original = examples[kind], let base = bases[kind] else { return }
            var rng = FuzzRandom(seed: seed ^ Self.baseSeed)
            let mutated = Mutator.mutate(original, using: &rng)
            let run = folder.file("run-\(UUID().uuidString)")
            try FileManager.default.createDirectory(atPath: run, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: run) }
            try FileManager.default.copyItem(atPath: base, toPath: run + "/s.sqlite")
            let file = URL(fileURLWithPath: run + "/" + kind.fileName)
            try mutated.write(to: file)

            let store = try PlacementDatabase(path: run + "/s.sqlite", create: true)
            defer { try? store.close() }
            func rows() throws -> (Int, Int) {
                try store.pool.read { db in
                    (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM \(kind.rawValue)") ?? 0,
                     try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM audit_log") ?? 0)
                }
            }
            let before = try rows()
            let read = Self.checkOutcome(kind, mutated, "\(kind) store seed \(seed)")
            do {
                let imported = try store.importFile(kind, from: file, user: "fuzz", today: exampleToday)
                let after = try rows()
                // Postcodes are upserted: a repeated postcode is written twice but stored once.
                let added = after.0 - before.0
                #expect((kind == .postcodes ? added <= imported : added == imported) && after.1 == before.1 + 1,
                        "\(kind) seed \(seed): \(added) rows stored for \(imported) imported")
                #expect(read == imported || kind == .postcodes && read.map { $0 >= imported } == true,
                        "\(kind) seed \(seed): store took \(imported), reader read \(read.map(String.init) ?? "an error")")
            } catch is ImportError {
                #expect(try rows() == before, "\(kind) seed \(seed): a failed import changed the store")
            } catch is StoreError {
                // A constraint the file format does not check (e.g. a duplicate postcode): still nothing written.
                #expect(try rows() == before, "\(kind) seed \(seed): a refused import changed the store")
            }
        }
    }

    // MARK: The committed corpus

    /// Every file in fuzz/corpus/<kind>/: `ok-…` files import completely, `bad-…` files fail with a line.
    @Test func corpusFilesBehaveAsTheirNamesSay() throws {
        var seen = 0
        for kind in Self.csvKinds + [.postcodes] {
            let folder = Self.corpus.appendingPathComponent(kind.rawValue)
            let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(!names.isEmpty, "no corpus for \(kind)")
            for name in names {
                let data = try Data(contentsOf: folder.appendingPathComponent(name))
                let outcome = Self.checkOutcome(kind, data, "\(kind)/\(name)")
                if name.hasPrefix("ok-") { #expect(outcome != nil && outcome! > 0, "\(kind)/\(name) should import") }
                if name.hasPrefix("bad-") { #expect(outcome == nil, "\(kind)/\(name) should be refused, read \(outcome ?? -1)") }
                seen += 1
            }
        }
        #expect(seen >= 40)
    }

    @Test func hostileCasesAreRefusedAtTheRightColumn() throws {
        func error(_ kind: RecordKind, _ name: String) throws -> ImportError? {
            let data = try Data(contentsOf: Self.corpus.appendingPathComponent("\(kind.rawValue)/\(name)"))
            do { _ = try Self.parse(kind, data); return nil } catch { return error }
        }
        let expected: [(RecordKind, String, Int, String?)] = [
            (.children, "bad-impossible-date-2025-02-30.csv", 2, "date_of_birth"),
            (.children, "bad-needed-by-2025-02-30.csv", 2, "needed_by"),
            (.children, "bad-newline-inside-name-then-bad-date.csv", 2, "date_of_birth"),
            (.children, "bad-oversized-name.csv", 2, "given_name"),
            (.children, "bad-future-birth.csv", 2, "date_of_birth"),
            (.children, "bad-duplicate-id.csv", 3, "id"),
            (.children, "bad-latin1-name.csv", 2, nil),
            (.children, "bad-empty-file.csv", 1, nil),
            (.children, "bad-missing-required-column.csv", 1, "date_of_birth"),
            (.vacancies, "bad-negative-beds.csv", 2, "beds"),
            (.vacancies, "bad-timestamp-2025-02-30.csv", 2, "last_confirmed_at"),
            (.vacancies, "bad-timestamp-without-offset.csv", 2, "last_confirmed_at"),
            (.placements, "bad-ends-before-start.csv", 2, "actual_end"),
            (.postcodes, "bad-latitude-not-a-number.csv", 3, "lat"),
            (.postcodes, "bad-invalid-utf8-late.csv", 5, nil),
        ]
        for (kind, name, line, column) in expected {
            let found = try #require(try error(kind, name), "\(name) was accepted")
            #expect(found.line == line, "\(name): \(found)")
            if let column { #expect(found.column == column, "\(name): \(found)") }
        }
        // Age ranges the wrong way round name one of the two age columns.
        let reversed = try #require(try error(.vacancies, "bad-age-range-reversed.csv"))
        #expect(reversed.line == 2 && reversed.column?.hasPrefix("age_") == true, "\(reversed)")
    }
}

/// SplitMix64: small, fast and deterministic, so a failing seed can be replayed.
struct FuzzRandom: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Byte-level mutations aimed at what CSV parsers and our checks get wrong.
enum Mutator {
    static let tokens: [[UInt8]] = [
        "\"", "\"\"", ",", ",,,,", "\n", "\r", "\r\n", ";", ":", "\u{FEFF}", "ŵ", "ŷ", "Ï", "Gwenllïan ap Gwŷn",
        "2025-02-30", "2024-02-29", "0000-00-00", "-1", "0", "15", "25", "26", "99999999999999999999", "nan", "inf", "1e308",
        "-0", " ", "", "W06000007", "W06000015", "E06000019", "held", "emergency", "placed", "notice_received",
        "CF10 1EP", "cf101ep", "GIR 0AA", "AUT:essential;AUT:desirable", "XYZ", "=HYPERLINK(\"x\")", "\u{0}",
        "2025-08-29T11:00:00", "2025-08-29T11:00:00+01:00", "2025-13-01T00:00:00Z", "\"a\nb\"", "\"unterminated",
    ].map { Array($0.utf8) } + [[0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82]]
        + [Array(repeating: UInt8(ascii: "a"), count: 10_001)]

    static func mutate(_ data: Data, using rng: inout FuzzRandom) -> Data {
        var bytes = [UInt8](data)
        for _ in 0..<Int.random(in: 1...4, using: &rng) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &rng)
            switch Int.random(in: 0..<8, using: &rng) {
            case 0 where !bytes.isEmpty:   // flip a byte
                bytes[at] = UInt8.random(in: 0...255, using: &rng)
            case 1:   // insert a token
                bytes.insert(contentsOf: tokens.randomElement(using: &rng)!, at: at)
            case 2 where !bytes.isEmpty:   // delete a range
                bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &rng)))
            case 3:   // duplicate a line
                let lines = split(bytes)
                if let line = lines.randomElement(using: &rng) { bytes += [10] + line }
            case 4:   // replace one field with a token
                bytes = replaceField(bytes, at: at, with: tokens.randomElement(using: &rng)!)
            case 5 where !bytes.isEmpty:   // truncate
                bytes.removeSubrange(at...)
            case 6:   // swap two lines
                var lines = split(bytes)
                if lines.count > 1 {
                    let (a, b) = (Int.random(in: 0..<lines.count, using: &rng), Int.random(in: 0..<lines.count, using: &rng))
                    lines.swapAt(a, b)
                    bytes = Array(lines.joined(separator: [10]))
                }
            default:   // replace a field in the header: a renamed, lost or repeated column
                let header = bytes.firstIndex(of: 10) ?? bytes.count
                if header > 0 { bytes = replaceField(bytes, at: Int.random(in: 0..<header, using: &rng), with: tokens.randomElement(using: &rng)!) }
            }
        }
        return Data(bytes)
    }

    static func split(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: 10, omittingEmptySubsequences: false).map(Array.init)
    }

    /// Replaces the comma-separated field around `at` (quotes ignored: mutations need not respect them).
    static func replaceField(_ bytes: [UInt8], at: Int, with token: [UInt8]) -> [UInt8] {
        guard !bytes.isEmpty else { return token }
        let separators: Set<UInt8> = [44, 10, 13]
        var start = min(at, bytes.count - 1), end = start
        while start > 0 && !separators.contains(bytes[start - 1]) { start -= 1 }
        while end < bytes.count && !separators.contains(bytes[end]) { end += 1 }
        var copy = bytes
        copy.replaceSubrange(start..<end, with: token)
        return copy
    }
}
