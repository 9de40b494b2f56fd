import Foundation
import Testing

@testable import Ingest

/// A UTF-8 file with a few bytes that are not UTF-8 is read, partial, with the lines named;
/// GB18030 text is never taken for damaged UTF-8; bytes that are neither stay undecodable.
@Suite struct DamagedUTF8Tests {
  /// A MemoTrace TXT export of `count` messages (three lines each: header, body, blank); the
  /// body of message `damaged` (1-based) holds a UTF-8 sequence cut after two bytes (E8 80)
  /// before an ASCII byte, and the last message is the inculpatory one.
  static func memoTrace(count: Int, damaged: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    for index in 1...count {
      let speaker = index % 2 == 0 ? "老周" : "小李"
      bytes += Array("2023-05-01 21:\(String(format: "%02d", index % 60)):12 \(speaker)\n".utf8)
      if index == damaged {
        bytes += Array("第\(index)条，".utf8) + [0xE8, 0x80] + Array("OK 明天到\n\n".utf8)
      } else if index == count {
        bytes += Array("银行卡收购，一张八百，跑分结算\n\n".utf8)
      } else {
        bytes += Array("第\(index)条消息，收到\n\n".utf8)
      }
    }
    return bytes
  }

  @Test func oneTruncatedSequenceLeavesTheChatReadableAndPartial() throws {
    let bytes = Self.memoTrace(count: 100, damaged: 51)
    #expect(String(validating: bytes, as: UTF8.self) == nil)
    let document = EvidenceReader.read(data: Data(bytes), path: "张三.txt")
    #expect(document.status == .partial)
    #expect(document.format == .wechatMemoTraceTXT)
    #expect(document.encoding == "utf-8")
    #expect(document.units.count == 100)
    #expect(document.units.last?.text == "银行卡收购，一张八百，跑分结算")
    #expect(document.unit(at: 151)?.text == "第51条，\u{FFFD}OK 明天到")
    let warning = try #require(document.diagnostics.first)
    #expect(warning.code == "invalid-utf8")
    #expect(warning.severity == .warning)
    #expect(warning.line == 152)
    #expect(warning.message == "bytes that are not UTF-8 on line 152 were replaced by U+FFFD (1 invalid sequence, 2 bytes)")
    #expect(document.reason == "parsed with 1 problem: \(warning.message)")
    #expect(document.sha256 == EvidenceReader.sha256Hex(bytes))
  }

  /// The same file in an evidence folder, read where it is (in place, then again as bytes once
  /// the in-place read finds it repaired), gives the same document.
  @Test func theFolderReadMatchesTheByteRead() throws {
    let bytes = Self.memoTrace(count: 100, damaged: 51)
    let (temporary, folder, entry) = try StreamedReadingTests.folder("张三.txt", bytes)
    defer { temporary.remove() }
    let document = folder.read(entry)
    #expect(document == EvidenceReader.read(data: Data(bytes), path: "张三.txt"))
    #expect(document.status == .partial)
  }

  /// A note of a few words with one bad byte is read; with two bad bytes in as few words it is
  /// not taken for UTF-8.
  @Test func aFewWordsWithOneBadByte() {
    let note = Array("见面，老地方\n".utf8) + [0xE4, 0xB8] + Array("\n".utf8)
    guard case .damaged(let text, .utf8, _) = TextDecoding.decode(note) else {
      Issue.record("expected damaged UTF-8")
      return
    }
    #expect(text == "见面，老地方\n\u{FFFD}\n")
    #expect(TextDecoding.decode(Array("见面".utf8) + [0xFF, 0x0A, 0xFE]) == .undecodable)
  }

  @Test func aShortNoteWithOneBadByteIsRead() {
    let bytes = Array("明天下午三点\n".utf8) + Array("老地方见，带上".utf8) + [0xE5] + Array("\n记得删除聊天记录\n".utf8)
    let document = EvidenceReader.read(data: Data(bytes), path: "note.txt")
    #expect(document.status == .partial)
    #expect(document.units.map(\.text).joined(separator: "\n").contains("记得删除聊天记录"))
    #expect(document.diagnostics.first?.line == 2)
  }

  /// An ASCII text with a stray byte that GB18030 does not read either (0xFF) is damaged UTF-8;
  /// one whose stray byte GB18030 reads (0xB0 0xA1, 啊) is GB18030.
  @Test func asciiWithAStrayByte() {
    let lines = (1...30).map { "line \($0) of the note" }
    var bytes = Array(lines.joined(separator: "\n").utf8)
    bytes.insert(0xFF, at: 40)
    guard case .damaged(_, .utf8, let damage) = TextDecoding.decode(bytes) else {
      Issue.record("expected damaged UTF-8")
      return
    }
    #expect(damage.lines == [3])
    var gb = Array(lines.joined(separator: "\n").utf8)
    gb.insert(contentsOf: [0xB0, 0xA1], at: 40)
    #expect(TextDecoding.decode(gb) == .text(String(decoding: gb[..<40], as: UTF8.self) + "啊" + String(decoding: gb[42...], as: UTF8.self), .gb18030))
  }

  @Test func damageAfterAByteOrderMarkIsUTF8WithItsMark() {
    let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("时间,发送人,内容\n".utf8) + [0xC3] + Array(",小李,收到\n".utf8)
    guard case .damaged(let text, .utf8BOM, let damage) = TextDecoding.decode(bytes) else {
      Issue.record("expected damaged UTF-8 with a byte-order mark")
      return
    }
    #expect(text == "时间,发送人,内容\n\u{FFFD},小李,收到\n")
    #expect(damage.lines == [2])
  }

  /// Real GB18030 text, mostly invalid as UTF-8, is never taken for damaged UTF-8: neither
  /// Chinese prose nor a chat log whose lines are mostly ASCII times, nor a long ASCII text
  /// with one Chinese word.
  @Test func gb18030IsNeverDamagedUTF8() throws {
    let prose = String(repeating: "明知他人利用信息网络实施犯罪，为其犯罪提供互联网接入、服务器托管、网络存储、通讯传输等技术支持，或者提供广告推广、支付结算等帮助。", count: 20)
    var chat = ""
    for index in 0..<200 { chat += "2023-05-01 21:40:\(String(format: "%02d", index % 60)) 张三\n好\n\n" }
    let sparse = String(repeating: "The quick brown fox jumps over the lazy dog.\n", count: 100) + "老周\n"
    for text in [prose, chat, sparse, "张三", "银行卡"] {
      let bytes = try #require(DecodingInPlaceTests.gb18030(text))
      #expect(TextDecoding.decode(bytes) == .text(text, .gb18030), "\(text.prefix(10))")
    }
    let varied = Array(
      "老周说明天把卡送过来，一张八百，先别问用途。小李回复收到，转账走对公账户，备注写服务费。"
        + "他们约在地铁站见面，记得带上身份证复印件和手机卡，验证码发到群里，跑分结算按日。")
    for length in 10...40 {
      for start in stride(from: 0, to: varied.count - length, by: 3) {
        let window = String(varied[start..<start + length])
        let bytes = try #require(DecodingInPlaceTests.gb18030(window))
        #expect(TextDecoding.decode(bytes) == .text(window, .gb18030), "\(window)")
      }
    }
    let proseBytes = try #require(DecodingInPlaceTests.gb18030(prose))
    let damage = try #require(UTF8Damage.measure(proseBytes[...]))
    #expect(!damage.showsEncoding && !damage.replacesFew)
    #expect(damage.multibyteCharacters * 2 < damage.invalidSequences)
    #expect(UTF8Damage.measure(proseBytes[...], givingUpUnlessFew: true) == nil)
    let longChat = String(repeating: chat, count: 20)
    let longBytes = try #require(DecodingInPlaceTests.gb18030(longChat))
    #expect(longBytes.count > UTF8Damage.headBytes)
    #expect(UTF8Damage.measure(longBytes[...], givingUpUnlessFew: true) == nil)
    #expect(TextDecoding.decode(longBytes) == .text(longChat, .gb18030))
  }

  /// A large UTF-8 file with damage spread through it is read past its head.
  @Test func damageSpreadThroughALargeFile() throws {
    let bytes = Self.memoTrace(count: 3_000, damaged: 2_900) + Self.memoTrace(count: 3_000, damaged: 10)
    #expect(bytes.count > 2 * UTF8Damage.headBytes)
    guard case .damaged(_, .utf8, let damage) = TextDecoding.decode(bytes) else {
      Issue.record("expected damaged UTF-8")
      return
    }
    #expect(damage.lines == [2_900 * 3 - 1, 9_000 + 10 * 3 - 1])
  }

  /// Bytes that are neither (the fixture: one Chinese character among invalid bytes) stay an
  /// error with the reason.
  @Test func bytesThatAreNoEncodingStayAnError() throws {
    let document = try Fixture.document("bad/undecodable.txt")
    #expect(document.status == .error)
    #expect(document.reason == IngestError.undecodable(path: "bad/undecodable.txt").description)
    let mostlyBad: [UInt8] = Array("你好".utf8) + [0x80, 0x81, 0xFF, 0x0A, 0xFE, 0x80, 0x41]
    #expect(TextDecoding.decode(mostlyBad) == .undecodable)
  }

  /// The invalid sequences counted are those the standard library replaces, one U+FFFD each,
  /// and the scalars counted are those of the repaired text.
  @Test func countsMatchTheStandardLibrarysRepair() {
    var random = SplitMix(seed: 0x5554_4638)
    let fragments: [[UInt8]] = [
      Array("a".utf8), Array("\n".utf8), Array("中".utf8), Array("é".utf8), Array("😀".utf8), [0xE8, 0x80], [0xF0, 0x9F],
      [0xF0, 0x9F, 0x98], [0x80], [0xBF], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFF], [0xE0, 0x80, 0x80],
      [0xC2], [0xF5, 0x80],
    ]
    for _ in 0..<500 {
      let bytes = (0..<Int.random(in: 1...40, using: &random)).flatMap { _ in fragments.randomElement(using: &random) ?? [] }
      let repaired = String(decoding: bytes, as: UTF8.self)
      guard let damage = UTF8Damage.measure(bytes[...]) else {
        Issue.record("no measure without giving up")
        return
      }
      #expect(damage.invalidSequences == repaired.unicodeScalars.filter { $0 == "\u{FFFD}" }.count, "\(bytes)")
      #expect(damage.scalars == repaired.unicodeScalars.count, "\(bytes)")
    }
  }

  /// Lines are counted as `SourceLines` counts them (LF, CRLF and lone CR, each one break), and
  /// the lines named are those of the decoded text that hold a replacement.
  @Test func damagedLinesAreTheDecodedTextsLines() throws {
    let bytes: [UInt8] = Array("a\r\nb\rc".utf8) + [0xFF] + Array("\r\n\nd".utf8) + [0xC3] + [0x80, 0x80] + Array("\re\n".utf8) + [0xFE]
    let damage = try #require(UTF8Damage.measure(bytes[...]))
    let lines = SourceLines(String(decoding: bytes, as: UTF8.self))
    let replaced = lines.indices.filter { lines[$0].unicodeScalars.contains("\u{FFFD}") }.map { $0 + 1 }
    #expect(damage.lines == replaced)
    #expect(damage.lines == [3, 5, 7])
    #expect(damage.lineCount == 3 && damage.invalidSequences == 3)
    #expect(
      damage.diagnostic(path: "a.txt").message
        == "bytes that are not UTF-8 on lines 3, 5 and 7 were replaced by U+FFFD (3 invalid sequences, 3 bytes)")
    #expect(damage.diagnostic(path: "a.txt", lineOffset: 100).line == 103)
  }

  /// Beyond ten damaged lines the first ten are named and the rest counted.
  @Test func manyDamagedLinesAreCounted() throws {
    let line: [UInt8] = Array("第一行内容很长很长".utf8) + [0xFF, 0x0A]
    let bytes = Array((1...25).map { _ in line }.joined())
    let damage = try #require(UTF8Damage.measure(bytes[...]))
    #expect(damage.lineCount == 25 && damage.lines == Array(1...10))
    #expect(damage.diagnostic(path: "a.txt").message.hasPrefix("bytes that are not UTF-8 on 25 lines (first 1, 2, 3, 4, 5, 6, 7, 8, 9, 10)"))
  }

  /// A file read in pieces names the lines of each piece that held bytes that are not UTF-8, in
  /// the same words as a file read whole, and yields the units of a whole read; a bad byte in the
  /// first piece (after byte 40) does not make it be read whole.
  @Test(arguments: [40, 30_000])
  func piecesNameTheDamagedLines(after offset: Int) throws {
    var bytes = Array(StreamedReadingTests.memoTraceV1(records: 600).utf8)
    let target = try #require(bytes.indices.first { $0 > offset && bytes[$0] == 0x0A })
    bytes.insert(0xFF, at: target)
    let line = bytes[..<target].filter { $0 == 0x0A }.count + 1
    let (temporary, folder, entry) = try StreamedReadingTests.folder("张三.txt", bytes)
    defer { temporary.remove() }
    let streamed = StreamedReadingTests.streamed(folder, entry)
    #expect(streamed.pieces > 2)
    #expect(streamed.document.status == .partial)
    let warnings = streamed.document.diagnostics.filter { $0.code == "invalid-utf8" }
    #expect(warnings.map(\.line) == [line])
    #expect(warnings.first?.message == "bytes that are not UTF-8 on line \(line) were replaced by U+FFFD (1 invalid sequence, 1 byte)")
    let whole = EvidenceReader.read(data: Data(bytes), path: "张三.txt")
    #expect(whole.status == .partial)
    #expect(streamed.units.map(\.text) == whole.units.map(\.text))
    #expect(streamed.units.map(\.line) == whole.units.map(\.line))
  }
}
