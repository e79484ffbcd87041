import Foundation
import PlacementCore
import Testing
@testable import PlacementStore

@Suite("Byte-level CSV reader")
struct CSVByteReaderTests {
    /// Every row of `data` as text, with the line each starts on.
    func rows(_ data: Data) throws -> [(Int, [String])] {
        var reader = CSVByteReader(data: data)
        var out: [(Int, [String])] = []
        while try reader.next() { out.append((reader.line, (0..<reader.fieldCount).map(reader.string))) }
        return out
    }

    func write(_ data: Data) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("csv-\(UUID().uuidString).csv")
        try data.write(to: url)
        return url
    }

    @Test func quotedCommasNewlinesAndDoubledQuotesWithCRLFAndBOM() throws {
        let text = "\u{FEFF}a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\r\nlines\",\"three\nmore\rlines\"\r\n\r\nlast,\n"
        let read = try rows(Data(text.utf8))
        #expect(read.map(\.0) == [1, 2, 3, 7, 8])
        #expect(read.map(\.1) == [["a", "b"], ["x, y", "say \"hi\""], ["two\r\nlines", "three\nmore\rlines"], [""], ["last", ""]])
    }

    @Test func aQuoteStillOpenAtTheEndOfTheFileNamesTheLineItOpenedOn() throws {
        // Before: the rest of the file vanished into one field and the import succeeded with fewer rows.
        var providers = [UInt8](providersCSV(extraRows: ["PRV-T2,\"Open Home,third_sector", "PRV-T3,Later,third_sector"]))
        providers.removeLast()   // no final newline either
        let error = importError { _ = try Interchange.readProviders(Data(providers), file: "providers.csv") }
        #expect(error == ImportError(file: "providers.csv", line: 3, column: "name", message: "a quote opened on this line is never closed"))

        let onspd = try write(Data("pcds,lat,long,oslaua,doterm\nCF10 1EP,51.4,-3.1,W06000015,\n\"CF10 1EQ,51.4,-3.1,W06000015,\nCF10 1ER,51.4,-3.1,W06000015,\n".utf8))
        defer { try? FileManager.default.removeItem(at: onspd) }
        #expect(importError { try Interchange.readPostcodes(onspd) { _ in } }
                == ImportError(file: onspd.path, line: 3, column: "pcds", message: "a quote opened on this line is never closed"))
    }

    /// Found by a long fuzz run: a header swallowed by an open quote used to name the column with
    /// the swallowed text, line breaks and all. Only a column the format reads is named; others get a number.
    @Test func aFailureInAColumnTheFormatDoesNotReadNamesItByNumber() throws {
        let header = RecordKind.providers.columns.joined(separator: ",")
        let inHeader = Data("id,\"name,sector\nP1,Home,private\n".utf8)
        #expect(importError { _ = try Interchange.readProviders(inHeader, file: "providers.csv") }
                == ImportError(file: "providers.csv", line: 1, column: "2", message: "a quote opened on this line is never closed"))
        let oddColumn = Data((header + ",\"odd\nnote\"\nP1,Home" + String(repeating: ",", count: 14) + ",\"open\n").utf8)
        let error = importError { _ = try Interchange.readProviders(oddColumn, file: "providers.csv") }
        #expect(error == ImportError(file: "providers.csv", line: 3, column: "17", message: "a quote opened on this line is never closed"))
        #expect(error.map { !$0.description.contains("\n") } == true)
    }

    @Test func anOpenQuoteInABigFileStopsAtTheFieldLimitInsteadOfReadingTheRest() throws {
        var text = "pcds,lat,long,oslaua,doterm\n\"CF10 1EP,51.4,-3.1,W06000015,\n"
        text += String(repeating: "CF10 1EQ,51.4,-3.1,W06000015,\n", count: 5_000)
        let url = try write(Data(text.utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        let error = importError { try Interchange.readPostcodes(url) { _ in } }
        #expect(error?.line == 2 && error?.column == "pcds" && error?.message.contains("quote left open") == true)
    }

    /// A streamed file crosses many 1 MiB chunks: quoted fields, CRLF and multi-byte text split
    /// anywhere must read the same as in memory, with the same line numbers.
    @Test func streamingAcrossChunksReadsWhatMemoryReads() throws {
        var text = "\"pcds\",\"lat\",\"long\",\"oslaua\",\"doterm\",\"note\"\r\n"
        var expected: [PostcodeRow] = []
        for i in 0..<40_000 {
            let postcode = "CF\(10 + i % 80) \(i % 10)\(["AB", "DE", "FG", "HJ"][i % 4])"
            let note = i % 7 == 0 ? "\"Tŷ \"\"hen\"\",\r\nail linell\"" : "\"plain, with comma\""
            let terminated = i % 5 == 0 ? "\"200101\"" : "\"\""
            text += "\"\(postcode)\",\"51.\(i % 1000)\",\"-3.1\",\"W06000015\",\(terminated),\(note)\r\n"
            if i % 5 != 0 {
                expected.append(PostcodeRow(postcode: postcode, latitude: Double("51.\(i % 1000)")!, longitude: -3.1, authorityCode: "W06000015"))
            }
        }
        #expect(text.utf8.count > 2 << 20)
        let url = try write(Data(text.utf8))
        defer { try? FileManager.default.removeItem(at: url) }
        var streamed: [PostcodeRow] = []
        try Interchange.readPostcodes(url, batchSize: 7_777) { streamed += $0 }
        #expect(streamed == expected)

        // The bad value on the last line is reported on the line a text editor shows.
        let bad = Data((text + "\"CF1 1AA\",\"north\",\"-3.1\",\"W06000015\",\"\",\"x\"\r\n").utf8)
        let badURL = try write(bad)
        defer { try? FileManager.default.removeItem(at: badURL) }
        let lines = 1 + 40_000 + 40_000 / 7 + 1 + 1
        #expect(importError { try Interchange.readPostcodes(badURL) { _ in } }?.line == lines)
        #expect(importError { try Interchange.readPostcodes(badURL) { _ in } }?.column == "lat")
    }

    @Test func invalidUTF8InsideAQuotedFieldNamesItsOwnLine() throws {
        var data = Data("pcds,lat,long,oslaua,doterm\nCF10 1EP,51.4,-3.1,W06000015,\"a\nb\n".utf8)
        data.append(0xC3)
        data.append(contentsOf: Data("\"\n".utf8))
        let url = try write(data)
        defer { try? FileManager.default.removeItem(at: url) }
        let error = importError { try Interchange.readPostcodes(url) { _ in } }
        #expect(error?.line == 4 && error?.message.contains("UTF-8") == true)
    }
}
