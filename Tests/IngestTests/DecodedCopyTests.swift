import Foundation
import Testing

@testable import Ingest
import TestSupport

/// A text file in GB18030, UTF-16 or Big5 within the parse limit that is read in pieces is read
/// through a UTF-8 copy (`TranscodedCopy`) instead of from its text decoded in memory, with the
/// same units, line numbers, diagnostics, status, hash, size and encoding. Each file is read both
/// ways in the same folder (the size from which a copy is made lowered to 1,000 bytes, or raised
/// out of reach) and as a file large enough to be decoded again from the file is
/// (`RereadDecoding`, lowered the same way); pieces are 1,000 bytes, so small synthetic chats take
/// the paths of files of tens of megabytes.
@Suite(.serialized) struct DecodedCopyTests {
  static let policy = StreamingPolicy(thresholdBytes: 1_000, pieceBytes: 1_000, maxPieceBytes: 64 * 1_024)

  /// What reading a file gave: the units handed over, how many pieces, the manifest document, and
  /// whether a copy lay in the copy folder while pieces were handed over.
  struct Reading {
    var units: [TextUnit]
    var pieces: Int
    var document: EvidenceDocument
    var copied: Bool
  }

  /// Reads `bytes` as the only file, `name`, of a folder whose parse limit is `limit`, through a
  /// copy or as before; the copy is made in `copyFolder` when given, else in a folder of its own
  /// that must be empty again at the end.
  static func read(
    _ bytes: [UInt8], name: String, throughCopy: Bool, limit: Int = IngestOptions().maxParseBytes, copyFolder: URL? = nil,
    sieve: UnitSieve? = nil
  ) throws -> Reading {
    let rootFolder = try TemporaryFolder("copypath")
    defer { rootFolder.remove() }
    let copiesFolder = try TemporaryFolder("copies")
    defer { copiesFolder.remove() }
    let (root, copies) = (rootFolder.url, copiesFolder.url)
    try Data(bytes).write(to: root.appendingPathComponent(name))
    var folder = try EvidenceFolder(root: root, options: IngestOptions(maxParseBytes: limit))
    folder.decodedCopyFolder = copyFolder ?? copies
    folder.decodedCopyFromBytes = throughCopy ? 1_000 : .max
    folder.unitSieve = sieve
    let entry = try #require(folder.entries().first)
    var units: [TextUnit] = []
    var pieces = 0
    var copied = false
    let document = folder.read(entry, streaming: policy) { piece in
      units += piece.units
      pieces += 1
      if !copied { copied = !((try? FileManager.default.contentsOfDirectory(atPath: copies.path)) ?? []).isEmpty }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: copies.path).isEmpty, "\(name): a copy was left behind")
    return Reading(units: units, pieces: pieces, document: document, copied: copied)
  }

  /// Expects `bytes` read through a copy to give what they give read as before, and what the
  /// reader gives decoding them again from the file and cutting the text into pieces; returns the
  /// reading through the copy.
  @discardableResult
  static func expectSameBothWays(_ bytes: [UInt8], name: String, encoding: String) throws -> Reading {
    let copied = try read(bytes, name: name, throughCopy: true)
    let before = try read(bytes, name: name, throughCopy: false)
    let reread = try LargeDamagedGB18030Tests.readInPieces(bytes, name: name)
    #expect(copied.copied && !before.copied, "\(name)")
    #expect(copied.pieces > 3, "\(name)")
    #expect(copied.units == before.units && copied.units == reread.units, "\(name)")
    #expect(copied.document.diagnostics == before.document.diagnostics, "\(name)")
    #expect(copied.document.diagnostics == reread.document.diagnostics, "\(name)")
    #expect(copied.document.diagnostics.contains { $0.code == "streamed" }, "\(name)")
    #expect(copied.document.unitCount == before.document.unitCount, "\(name)")
    #expect(copied.document.status == before.document.status && copied.document.reason == before.document.reason, "\(name)")
    #expect(copied.document.format == before.document.format, "\(name)")
    #expect(copied.document.encoding == encoding && before.document.encoding == encoding, "\(name)")
    #expect(copied.document.sha256 == TranscodedPiecesTests.sha256(bytes), "\(name)")
    #expect(copied.document.sha256 == before.document.sha256, "\(name)")
    #expect(copied.document.bytes == bytes.count && before.document.bytes == bytes.count, "\(name)")
    return copied
  }

  /// `text` encoded as `charset` by iconv.
  static func encode(_ text: String, as charset: String) throws -> [UInt8] {
    try #require(DecodingInPlaceTests.encoded(text, as: charset), "iconv cannot encode the text as \(charset)")
  }

  /// A MemoTrace chat in traditional Chinese of `records` messages whose full-width punctuation
  /// (in GB18030's user-defined area when the bytes are Big5) is dense enough that GB18030 does
  /// not read its Big5 bytes as plausible text.
  static func traditionalChat(records: Int) -> String {
    (0..<records).map { index in
      let time = String(
        format: "2023-05-%02d %02d:%02d:%02d", 1 + index / 1_440 % 28, index / 60 % 24, index % 60, index * 7 % 60)
      let speaker = index % 2 == 0 ? "老王" : "小陳"
      return "\(time) \(speaker)\n好，好，收到。第\(index)條：帳戶明天要用，密碼發給你。\n\n"
    }.joined()
  }

  @Test func aGB18030ChatIsReadThroughACopyAsBefore() throws {
    let chat = try LargeDamagedGB18030Tests.chat(count: 300, damage: [:])
    let read = try Self.expectSameBothWays(chat, name: "张三.txt", encoding: "gb18030")
    #expect(read.document.status == .parsed && read.units.contains { $0.text.contains("银行卡收购") })
    let memoTrace = try LargeDamagedGB18030Tests.gb(StreamedReadingTests.memoTraceV1(records: 400))
    try Self.expectSameBothWays(memoTrace, name: "李四.txt", encoding: "gb18030")
    try Self.expectSameBothWays([0x84, 0x31, 0x95, 0x33] + chat, name: "bom.txt", encoding: "gb18030")
  }

  /// Damaged GB18030 is repaired through the copy as its text decoded in memory is: each invalid
  /// sequence one U+FFFD, the same `invalid-gb18030` warning naming the same lines, `partial`.
  @Test func damagedGB18030IsRepairedThroughACopyAsBefore() throws {
    for (name, bytes) in try LargeDamagedGB18030Tests.damagedChats() {
      let read = try Self.expectSameBothWays(bytes, name: "\(name).txt", encoding: "gb18030")
      #expect(read.document.status == .partial, "\(name)")
      #expect(read.document.diagnostics.first?.code == "invalid-gb18030", "\(name)")
      if name == "first message" { #expect(read.units.contains { $0.text.contains("\u{FFFD}") }) }
    }
  }

  @Test func utf16ChatsAreReadThroughACopyAsBefore() throws {
    let text = StreamedReadingTests.memoTraceV1(records: 300)
    let littleEndian = text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
    let bigEndian = text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
    try Self.expectSameBothWays([0xFF, 0xFE] + littleEndian, name: "le.txt", encoding: "utf-16le")
    try Self.expectSameBothWays([0xFE, 0xFF] + bigEndian, name: "be.txt", encoding: "utf-16be")
    try Self.expectSameBothWays(littleEndian, name: "le-no-mark.txt", encoding: "utf-16le")
  }

  /// QQ "export all" is read again for its surveys: from the copy, as from the text in memory.
  @Test func aQQExportInGB18030IsReadAgainThroughItsCopyAsBefore() throws {
    for recentFirst in [true, false] {
      let text = QQTXTPiecesTests.exportAll(recentFirst: recentFirst, lineBreak: "\r\n")
      try Self.expectSameBothWays(try LargeDamagedGB18030Tests.gb(text), name: "全部消息记录.txt", encoding: "gb18030")
    }
  }

  /// A scan's sieve builds whole only the messages it needs: through the copy as before.
  @Test func aSievedQQExportIsReadThroughItsCopyAsBefore() throws {
    let bytes = try LargeDamagedGB18030Tests.gb(QQTXTPiecesTests.exportAll(recentFirst: true, lineBreak: "\r\n"))
    let sieve = QQTXTPiecesTests.statefulSieve(radius: 1)
    let copied = try Self.read(bytes, name: "全部消息记录.txt", throughCopy: true, sieve: sieve)
    let before = try Self.read(bytes, name: "全部消息记录.txt", throughCopy: false, sieve: sieve)
    #expect(copied.copied && !before.copied && copied.pieces > 3)
    #expect(copied.units == before.units && !copied.units.isEmpty)
    #expect(copied.document.diagnostics == before.document.diagnostics)
    #expect(copied.document.unitCount == before.document.unitCount && copied.document.status == before.document.status)
  }

  /// Bytes GB18030 does not read as plausible text are tried as Big5 for the copy too, within
  /// the parse limit and above it.
  @Test func big5IsTriedWhenGB18030IsNotPlausible() throws {
    let text = Self.traditionalChat(records: 200)
    let bytes = try Self.encode(text, as: Big5.charset)
    #expect(GB18030.decode(bytes).map(TextDecoding.isPlausibleText) != true)
    let read = try Self.expectSameBothWays(bytes, name: "老王.txt", encoding: "big5")
    #expect(read.units == EvidenceReader.read(data: Data(text.utf8), path: "老王.txt").units)
    #expect(read.units.contains { $0.text.contains("帳戶明天要用") })
    let aboveLimit = try Self.read(bytes, name: "老王.txt", throughCopy: false, limit: 2_000)
    #expect(aboveLimit.copied && aboveLimit.pieces > 3)
    #expect(aboveLimit.units == read.units)
    #expect(aboveLimit.document.encoding == "big5" && aboveLimit.document.status == .parsed)
    #expect(aboveLimit.document.sha256 == read.document.sha256 && aboveLimit.document.bytes == bytes.count)
  }

  /// What a whole read does not cut into pieces is read as before, with no copy left: a NUL byte
  /// after the first 64 KiB (binary data), a page that is not a chat, lone carriage returns, a
  /// second byte-order mark.
  @Test func whatIsNotCutIntoPiecesIsReadAsBefore() throws {
    let chat = try LargeDamagedGB18030Tests.chat(count: 2_500, damage: [:])
    #expect(chat.count > TextDecoding.sniffLength)
    var page = "<!DOCTYPE html><html><head><title>聊天记录</title></head><body>\n"
    for index in 0..<300 { page += "<p>第\(index)条：银行卡收购，一张八百</p>\n" }
    page += "</body></html>\n"
    let memoTrace = StreamedReadingTests.memoTraceV1(records: 300)
    let loneReturns = memoTrace.replacingOccurrences(of: "\n", with: "\r")
    let cases: [(String, [UInt8])] = [
      ("nul.txt", chat + [0x00] + chat),
      ("page.html", try LargeDamagedGB18030Tests.gb(page)),
      ("cr.txt", try LargeDamagedGB18030Tests.gb(loneReturns)),
      ("second-mark.txt", try LargeDamagedGB18030Tests.gb("\u{FEFF}\u{FEFF}" + memoTrace)),
    ]
    for (name, bytes) in cases {
      let copied = try Self.read(bytes, name: name, throughCopy: true)
      let before = try Self.read(bytes, name: name, throughCopy: false)
      #expect(!copied.copied, "\(name)")
      #expect(copied.document == before.document, "\(name)")
      #expect(copied.units == before.units, "\(name)")
    }
  }

  /// A copy that cannot be made leaves a file within the parse limit read as before, its text
  /// decoded in memory, with a note saying why.
  @Test func aCopyThatCannotBeMadeLeavesTheFileReadAsBefore() throws {
    let bytes = try LargeDamagedGB18030Tests.chat(count: 300, damage: [:])
    let nowhere = FileManager.default.temporaryDirectory.appendingPathComponent("mingjian-missing-\(UUID().uuidString)")
    let failed = try Self.read(bytes, name: "张三.txt", throughCopy: true, copyFolder: nowhere)
    let before = try Self.read(bytes, name: "张三.txt", throughCopy: false)
    #expect(failed.units == before.units && !failed.units.isEmpty)
    #expect(failed.document.status == before.document.status && failed.document.status == .parsed)
    let note = try #require(failed.document.diagnostics.last)
    #expect(note.code == "decoded-copy" && note.severity == .note)
    #expect(note.message.hasPrefix("its UTF-8 copy could not be made in \(nowhere.path)"))
    #expect(failed.document.diagnostics.dropLast() == before.document.diagnostics)
  }

  /// Bytes a whole read takes for UTF-8, valid or damaged in a few places, get no GB18030 copy,
  /// though GB18030 would read them as plausible text.
  @Test func bytesAWholeReadTakesForUTF8AreNotCopied() throws {
    let ascii = Array(String(repeating: "2023-05-01 10:00:00 Li\nok, see you at 10\n\n", count: 200).utf8)
    let fewChinese = ascii + (try LargeDamagedGB18030Tests.gb("明天见，收到了")) + [0xFF] + ascii
    guard case .utf8 = TextDecoding.sniff(ascii), case .damagedUTF8(_, .utf8, _) = TextDecoding.sniff(fewChinese) else {
      Issue.record("expected UTF-8 and damaged UTF-8")
      return
    }
    #expect(GB18030.decode(ascii).map(TextDecoding.isPlausibleText) == true)
    for bytes in [ascii, fewChinese] {
      try LargeDamagedGB18030Tests.withFile(bytes) { path in
        let head = TranscodedCopy.Head(bytes: 1_000) { _ in true }
        let before = try TranscodedPiecesTests.copies()
        let made = TranscodedCopy.make(plan: .gb18030, in: FileManager.default.temporaryDirectory, head: head) {
          SequentialFile(path: path, io: .system)
        }
        if case .copied(let copy) = made { copy.remove() }
        guard case .none(reason: nil) = made else {
          Issue.record("a copy was made of bytes a whole read takes for UTF-8")
          return
        }
        #expect(try TranscodedPiecesTests.copies().subtracting(before).isEmpty)
      }
    }
  }
}
