import Foundation
import Testing

@testable import Ingest
import TestSupport

/// Large text files read in pieces give the units, line numbers and hash of a whole read.
@Suite struct StreamedReadingTests {
  /// Small sizes so that a file of a few hundred kilobytes is cut into many pieces.
  static let policy = StreamingPolicy(thresholdBytes: 1_000, pieceBytes: 4_096, maxPieceBytes: 64 * 1_024)

  /// A folder holding one file with `bytes`; the caller removes it.
  static func folder(_ name: String, _ bytes: [UInt8]) throws -> (TemporaryFolder, EvidenceFolder, EvidenceEntry) {
    let temporary = try TemporaryFolder("stream")
    do {
      try Data(bytes).write(to: temporary.url.appendingPathComponent(name))
      let folder = try EvidenceFolder(root: temporary.url, options: IngestOptions())
      let entry = try #require(folder.entries().first)
      return (temporary, folder, entry)
    } catch {
      temporary.remove()
      throw error
    }
  }

  /// A MemoTrace v1 export: messages of one to three lines, quotes, link cards and system
  /// notices, with the speakers and times varied.
  static func memoTraceV1(records: Int) -> String {
    var text = ""
    let names = ["小李", "老周", "王姐"]
    for index in 0..<records {
      let time = String(format: "2023-05-%02d %02d:%02d:%02d", 1 + index / 3_600 % 28, index / 60 % 24, index % 60, index * 7 % 60)
      switch index % 9 {
      case 4:
        text += "\(time) 老周撤回了一条消息\n\n"
      case 5:
        text += "\(time) \(names[index % 3])\n好的\n引用:小李:第\(index)条说的价格\n\n"
      case 7:
        text += "\(time) \(names[index % 3])\n[链接]:title:第\(index)期周报\n            url:https://example.invalid/\(index)\n\n"
      default:
        let lines = (0...(index % 3)).map { "第\(index)条消息的第\($0 + 1)行，接口做了AES加密" }
        text += "\(time) \(names[index % 3])\n\(lines.joined(separator: "\n"))\n\n"
      }
    }
    return text
  }

  /// Reads the entry in pieces; returns the pieces' units and the manifest document.
  static func streamed(_ folder: EvidenceFolder, _ entry: EvidenceEntry, policy: StreamingPolicy = policy) -> (
    units: [TextUnit], pieces: Int, document: EvidenceDocument
  ) {
    var units: [TextUnit] = []
    var pieces = 0
    let document = folder.read(entry, streaming: policy) { piece in
      units += piece.units
      pieces += 1
    }
    return (units, pieces, document)
  }

  @Test func memoTracePiecesGiveTheUnitsOfAWholeRead() throws {
    let (temporary, folder, entry) = try Self.folder("张三.txt", Array(Self.memoTraceV1(records: 2_000).utf8))
    defer { temporary.remove() }
    let whole = folder.read(entry)
    let streamed = Self.streamed(folder, entry)
    #expect(whole.format == .wechatMemoTraceTXT)
    #expect(streamed.pieces > 20)
    #expect(streamed.units.count == whole.units.count)
    #expect(streamed.units == whole.units)
    #expect(streamed.document.units.isEmpty)
    #expect(streamed.document.unitCount == whole.units.count)
    #expect(streamed.document.sha256 == whole.sha256)
    #expect(streamed.document.bytes == whole.bytes)
    #expect(streamed.document.format == whole.format)
    #expect(streamed.document.status == .parsed)
    #expect(streamed.document.diagnostics.map(\.code) == ["streamed"])
    #expect(streamed.units.contains { $0.attributes["quoteLine"] != nil && $0.line > 1_000 })
  }

  /// Diagnostics raised in a later piece quote the file's line numbers, as a whole read does.
  @Test func diagnosticsOfLaterPiecesQuoteFileLines() throws {
    var text = Self.memoTraceV1(records: 1_500)
    text += "2023-05-30 10:00:00 老周\n第一行\n2023-05-30 10:00:05 小李\n接着说\n\n"
    text += "2023-13-45 10:00:00 小李\n时间不对\n\n"
    text += Self.memoTraceV1(records: 300)
    let (temporary, folder, entry) = try Self.folder("张三.txt", Array(text.utf8))
    defer { temporary.remove() }
    let whole = folder.read(entry)
    let streamed = Self.streamed(folder, entry)
    #expect(streamed.pieces > 10)
    #expect(whole.diagnostics.map(\.code).sorted() == ["ingest.bad-time", "ingest.header-like-body-line"])
    #expect(whole.diagnostics.allSatisfy { ($0.line ?? 0) > 3_000 && $0.message.contains("line \($0.line ?? 0)") })
    #expect(streamed.document.diagnostics.filter { $0.code != "streamed" } == whole.diagnostics)
  }

  @Test func plainTextWithCRLFAndABOMIsCutAtLines() throws {
    let lines = (1...3_000).map { "第\($0)行 普通的工作记录" }
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array(lines.joined(separator: "\r\n").utf8)
    let (temporary, folder, entry) = try Self.folder("notes.txt", bytes)
    defer { temporary.remove() }
    let whole = folder.read(entry)
    let streamed = Self.streamed(folder, entry)
    #expect(whole.format == .plainText)
    #expect(streamed.pieces > 10)
    #expect(streamed.units == whole.units)
    #expect(streamed.units.last?.line == 3_000)
    #expect(streamed.units.first?.text == "第1行 普通的工作记录")
    #expect(streamed.document.sha256 == whole.sha256)
  }

  @Test func aFileAboveTheParseLimitIsReadInPiecesInsteadOfOnlyHashed() throws {
    let (temporary, _, _) = try Self.folder("big.txt", Array(Self.memoTraceV1(records: 500).utf8))
    defer { temporary.remove() }
    let limited = try EvidenceFolder(root: temporary.url, options: IngestOptions(maxParseBytes: 2_000))
    let entry = try #require(limited.entries().first)
    #expect(limited.read(entry).status == .unsupported)
    let streamed = Self.streamed(limited, entry)
    #expect(streamed.document.status == .parsed)
    #expect(streamed.document.unitCount == 500)
  }

  @Test func aRecordLongerThanTheLargestPieceIsCutWithAWarning() throws {
    let body = (1...400).map { "很长的一条消息的第\($0)行" }.joined(separator: "\n")
    let text = "2023-05-01 10:00:00 小李\n\(body)\n\n2023-05-01 10:01:00 老周\n好的\n\n"
    let (temporary, folder, entry) = try Self.folder("长消息.txt", Array(text.utf8))
    defer { temporary.remove() }
    let policy = StreamingPolicy(thresholdBytes: 1_000, pieceBytes: 1_024, maxPieceBytes: 2_048)
    let streamed = Self.streamed(folder, entry, policy: policy)
    #expect(streamed.document.status == .partial)
    #expect(streamed.document.diagnostics.contains { $0.code == "piece-cut" && $0.severity == .warning })
    #expect(streamed.units.contains { $0.speaker == "老周" && $0.line == 403 })
  }

  /// A file in another encoding is decoded whole and then read in pieces (`DecodedTextPiecesTests`).
  @Test func formatsThatCannotBeCutAreReadWhole() throws {
    let carriageReturns = Array(Self.memoTraceV1(records: 300).replacingOccurrences(of: "\n", with: "\r").utf8)
    let telegram = Array(
      ("{\n \"name\": \"测试\",\n \"type\": \"personal_chat\",\n \"id\": 1,\n \"messages\": [\n"
        + (1...200).map { "  {\"id\": \($0), \"type\": \"message\", \"date\": \"2023-05-01T10:00:00\", \"from\": \"小李\", \"text\": \"第\($0)条\"}" }
        .joined(separator: ",\n") + "\n ]\n}\n").utf8)
    for (name, bytes) in [("cr.txt", carriageReturns), ("result.json", telegram)] {
      let (temporary, folder, entry) = try Self.folder(name, bytes)
      defer { temporary.remove() }
      let streamed = Self.streamed(folder, entry)
      let whole = folder.read(entry)
      #expect(streamed.pieces == 1, "\(name)")
      #expect(streamed.document == whole, "\(name)")
      #expect(streamed.units == whole.units, "\(name)")
    }
  }

  @Test(arguments: EvidenceFolderTests.Change.allCases)
  func aFileThatChangesWhileReadInPiecesIsAnError(change: EvidenceFolderTests.Change) throws {
    let (temporary, _, _) = try Self.folder("张三.txt", Array(Self.memoTraceV1(records: 300).utf8))
    defer { temporary.remove() }
    let folder = try EvidenceFolder(
      root: temporary.url, options: IngestOptions(), io: EvidenceFolderTests.ChangingStatus(change.apply).io)
    let entry = try #require(folder.entries().first)
    let streamed = Self.streamed(folder, entry)
    #expect(streamed.pieces > 1)
    #expect(streamed.document.status == .error)
    #expect(streamed.document.reason?.contains("file changed while it was being read") == true)
    #expect(streamed.document.reason?.contains(change == .size ? "size went from" : change.reason) == true)
  }
}
