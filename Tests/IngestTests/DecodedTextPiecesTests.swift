import Foundation
import Testing

@testable import Ingest
import TestSupport

/// A large chat export in GB18030 or UTF-16 is decoded whole and its text read in pieces: the
/// units, unit count, hash, size, encoding and diagnostics of a whole read, but never all its units
/// at once.
@Suite struct DecodedTextPiecesTests {
  static let tiny = StreamingPolicy(thresholdBytes: 300, pieceBytes: 300, maxPieceBytes: 64 * 1_024)
  static let whole = StreamingPolicy(thresholdBytes: .max)

  enum Encoding: String, CaseIterable {
    case gb18030, utf16LE, utf16BE

    /// `text` in this encoding (UTF-16 with its byte-order mark).
    func encode(_ text: String) throws -> [UInt8] {
      switch self {
      case .gb18030: return try #require(DecodingInPlaceTests.gb18030(text))
      case .utf16LE: return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
      case .utf16BE: return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
      }
    }

    var name: String { self == .gb18030 ? "gb18030" : self == .utf16LE ? "utf-16le" : "utf-16be" }
  }

  /// Reads `bytes` as the file `name` whole and in tiny pieces (with `sieve`) and expects the same.
  static func expectSameAsWhole(_ bytes: [UInt8], name: String, encoding: String, sieve: UnitSieve?) throws -> Int {
    let temporary = try TemporaryFolder("decoded")
    defer { temporary.remove() }
    let root = temporary.url
    try Data(bytes).write(to: root.appendingPathComponent(name))
    var folder = try EvidenceFolder(root: root)
    folder.unitSieve = sieve
    let entry = try #require(folder.entries().first)
    let whole = StreamedReadingTests.streamed(folder, entry, policy: Self.whole)
    let pieces = StreamedReadingTests.streamed(folder, entry, policy: Self.tiny)
    #expect(whole.pieces <= 1)
    #expect(pieces.pieces > 5)
    #expect(pieces.units == whole.units)
    #expect(pieces.document.unitCount == whole.document.unitCount)
    #expect(pieces.document.units.isEmpty)
    #expect(pieces.document.sha256 == whole.document.sha256 && pieces.document.bytes == bytes.count)
    #expect(pieces.document.encoding == encoding && whole.document.encoding == encoding)
    #expect(pieces.document.format == whole.document.format && pieces.document.status == whole.document.status)
    #expect(pieces.document.diagnostics.filter { $0.code != "streamed" } == whole.document.diagnostics)
    #expect(pieces.document.diagnostics.contains { $0.code == "streamed" })
    return whole.units.count
  }

  @Test(arguments: Encoding.allCases)
  func memoTraceInAnotherEncodingIsReadInPieces(encoding: Encoding) throws {
    let text = StreamedReadingTests.memoTraceV1(records: 400)
    let units = try Self.expectSameAsWhole(
      try encoding.encode(text), name: "张三.txt", encoding: encoding.name, sieve: nil)
    #expect(units == 400)
  }

  /// QQ TXT carries state from piece to piece and is read again for its surveys: from the
  /// decoded text, which cannot change.
  @Test(arguments: Encoding.allCases)
  func qqExportInAnotherEncodingIsReadInPiecesWithItsCarry(encoding: Encoding) throws {
    for recentFirst in [true, false] {
      let text = QQTXTPiecesTests.exportAll(recentFirst: recentFirst, lineBreak: "\r\n")
      let units = try Self.expectSameAsWhole(
        try encoding.encode(text), name: "全部消息记录.txt", encoding: encoding.name,
        sieve: QQTXTPiecesTests.statefulSieve(radius: 1))
      #expect(units > 50)
    }
  }

  /// Pieces are cut after `\n` only: a text in another encoding whose lines end in a lone `\r`
  /// is read whole, as such a UTF-8 file is.
  @Test func aTextWithLoneCarriageReturnsIsReadWhole() throws {
    let text = StreamedReadingTests.memoTraceV1(records: 300).replacingOccurrences(of: "\n", with: "\r")
    let (temporary, folder, entry) = try StreamedReadingTests.folder("cr.txt", try Encoding.gb18030.encode(text))
    defer { temporary.remove() }
    let streamed = StreamedReadingTests.streamed(folder, entry, policy: Self.tiny)
    let whole = folder.read(entry)
    #expect(streamed.pieces == 1)
    #expect(streamed.document == whole)
    #expect(whole.encoding == "gb18030" && whole.units.count == 300)
  }

  /// GB18030's byte-order mark is not text: a whole read and a read in pieces both drop it, and
  /// the first message is parsed.
  @Test func aGB18030ByteOrderMarkIsDropped() throws {
    let text = StreamedReadingTests.memoTraceV1(records: 300)
    let bytes = try Encoding.gb18030.encode("\u{FEFF}" + text)
    #expect(bytes.starts(with: [0x84, 0x31, 0x95, 0x33]))
    let units = try Self.expectSameAsWhole(bytes, name: "bom.txt", encoding: "gb18030", sieve: nil)
    #expect(units == 300)
  }

  /// A text that still starts with U+FEFF after its byte-order mark is read whole.
  @Test func aTextStartingWithASecondByteOrderMarkIsReadWhole() throws {
    let bytes = try Encoding.utf16LE.encode("\u{FEFF}" + StreamedReadingTests.memoTraceV1(records: 300))
    let (temporary, folder, entry) = try StreamedReadingTests.folder("bom.txt", bytes)
    defer { temporary.remove() }
    let streamed = StreamedReadingTests.streamed(folder, entry, policy: Self.tiny)
    #expect(streamed.pieces == 1)
    #expect(streamed.document == folder.read(entry))
  }

  @Test func decodedTextReadsAndRereadsItsPieces() {
    let pieces = DecodedTextPieces(text: "甲乙丙\nabc", sha256: "ab12", size: 7)
    #expect(pieces.read(upTo: 4) == Array("甲".utf8) + [0xE4])
    #expect(!pieces.isAtEnd)
    #expect(pieces.read(upTo: 100) == Array("乙丙\nabc".utf8).dropFirst(1).map { $0 })
    #expect(pieces.isAtEnd && pieces.consumed == 7)
    #expect(pieces.finish() == ("ab12", nil))
    pieces.rewind()
    #expect(pieces.read(count: 3) == Array("甲".utf8))
    #expect(pieces.read(count: 100) == nil)
  }
}
