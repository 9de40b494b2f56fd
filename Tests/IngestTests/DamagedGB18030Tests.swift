import Foundation
import Testing

@testable import Ingest

/// A GB18030 file with a few bytes that are not GB18030 is read, partial, with the lines named,
/// as damaged UTF-8 is; real UTF-8, Latin-1 and binary data are never taken for damaged GB18030.
@Suite struct DamagedGB18030Tests {
  /// `text` in GB18030.
  static func gb(_ text: String) throws -> [UInt8] { try #require(DecodingInPlaceTests.gb18030(text)) }

  /// A MemoTrace TXT export of `count` messages in GB18030 (three lines each: header, body,
  /// blank) whose message `damaged` (1-based) has `bytes` spliced into its body after `第N条，`,
  /// and whose last message is the inculpatory one.
  static func memoTrace(count: Int, damaged: Int, bytes damage: [UInt8]) throws -> [UInt8] {
    var bytes: [UInt8] = []
    for index in 1...count {
      let speaker = index % 2 == 0 ? "老周" : "小李"
      bytes += try gb("2023-05-01 21:\(String(format: "%02d", index % 60)):12 \(speaker)\n")
      if index == damaged {
        bytes += try gb("第\(index)条，") + damage + gb("OK 明天到\n\n")
      } else if index == count {
        bytes += try gb("银行卡收购，一张八百，跑分结算\n\n")
      } else {
        bytes += try gb("第\(index)条消息，收到\n\n")
      }
    }
    return bytes
  }

  /// A byte that no GB18030 character holds (0xFF), a lead byte before a space, the first two
  /// bytes of a four-byte character before a letter: each one U+FFFD, the chat read.
  @Test(arguments: [
    ([0xFF], "\u{FFFD}OK 明天到", 1), ([0xD6, 0x20], "\u{FFFD} OK 明天到", 1), ([0x81, 0x30], "\u{FFFD}0OK 明天到", 1),
  ])
  func oneBadSequenceLeavesTheChatReadableAndPartial(damage: [UInt8], text: String, bytes: Int) throws {
    let file = try Self.memoTrace(count: 100, damaged: 51, bytes: damage)
    #expect(GB18030.decode(file) == nil)
    let document = EvidenceReader.read(data: Data(file), path: "张三.txt")
    #expect(document.status == .partial)
    #expect(document.format == .wechatMemoTraceTXT)
    #expect(document.encoding == "gb18030")
    #expect(document.units.count == 100)
    #expect(document.units.last?.text == "银行卡收购，一张八百，跑分结算")
    #expect(document.unit(at: 151)?.text == "第51条，" + text)
    let warning = try #require(document.diagnostics.first)
    #expect(warning.code == "invalid-gb18030" && warning.severity == .warning && warning.line == 152)
    #expect(warning.message == "bytes that are not GB18030 on line 152 were replaced by U+FFFD (1 invalid sequence, \(bytes) byte)")
    #expect(document.reason == "parsed with 1 problem: \(warning.message)")
    #expect(document.diagnostics.count == 1)
  }

  /// A character that lost its first byte leaves its second to pair with the next: the words up to
  /// the next ASCII byte come out wrong, one U+FFFD at most where the pairs run out, and the lines
  /// after them are read as written.
  @Test func aLostLeadByteGarblesOnlyItsRun() throws {
    let clean = try Self.memoTrace(count: 100, damaged: 0, bytes: [])
    var bytes = clean
    let body = try Self.gb("第51条消息，收到")
    let start = try #require(bytes.indices.first { bytes[$0...].starts(with: body) })
    bytes.remove(at: start + body.count - 4)
    guard case .damaged(let text, .gb18030, let damage) = TextDecoding.decode(bytes) else {
      Issue.record("expected damaged GB18030")
      return
    }
    #expect(damage.invalidSequences == 1 && damage.lines == [152])
    let lines = SourceLines(text)
    #expect(lines.count == SourceLines(try #require(GB18030.decode(clean))).count)
    #expect(lines[150] == "2023-05-01 21:51:12 小李" && lines[152] == "")
    #expect(lines[151].hasPrefix("第51条消息") && lines[151].hasSuffix("\u{FFFD}"))
  }

  /// A QQ export in GB18030 with CRLF line breaks names the damaged lines as the parser numbers
  /// them, and a folder read gives the document of a read of the bytes.
  @Test func crlfLinesAreNamedAndTheFolderReadMatches() throws {
    let separator = String(repeating: "=", count: 64)
    var lines = [separator, "消息分组:我的好友", separator, "消息对象:阿强", separator, ""]
    for index in 0..<60 {
      lines += ["2023-03-05 9:\(String(format: "%02d", index)):02 \(index % 2 == 0 ? "小李(10001001)" : "阿强(20001001)")", "第\(index)条，收到", ""]
    }
    var bytes = try Self.gb(lines.joined(separator: "\r\n"))
    let marker = try Self.gb("第30条")
    let at = try #require(bytes.indices.first { bytes[$0...].starts(with: marker) })
    bytes.insert(0x80, at: at)
    let document = EvidenceReader.read(data: Data(bytes), path: "全部消息记录.txt")
    #expect(document.format == .qqMessageManagerTXT && document.encoding == "gb18030" && document.status == .partial)
    let warning = try #require(document.diagnostics.first)
    #expect(warning.code == "invalid-gb18030" && warning.line == 6 + 30 * 3 + 2)
    #expect(document.unit(at: 6 + 30 * 3 + 1)?.text == "\u{FFFD}第30条，收到")
    let (temporary, folder, entry) = try StreamedReadingTests.folder("全部消息记录.txt", bytes)
    defer { temporary.remove() }
    #expect(folder.read(entry) == document)
  }

  /// Damage in more than one character in twenty, or fewer than four good characters for each bad
  /// sequence, leaves the file undecodable.
  @Test func muchDamageStaysUndecodable() throws {
    var dense: [UInt8] = []
    for index in 0..<50 { dense += try Self.gb("第\(index)条") + [0xFF] + Self.gb("好\n") }
    #expect(TextDecoding.decode(dense) == .undecodable)
    let few = try Self.gb("老周") + [0xFF, 0x0A, 0xFF] + Self.gb("收到") + [0xFF]
    #expect(TextDecoding.decode(few) == .undecodable)
  }

  /// UTF-8 damaged in too many places to be read, whose Chinese GB18030 would read as other
  /// (well-formed) characters, is never taken for damaged GB18030; nor is Latin-1 text, nor are
  /// bytes that are neither.
  @Test func utf8Latin1AndBinaryAreNeverDamagedGB18030() throws {
    var utf8: [UInt8] = []
    for index in 0..<100 {
      utf8 += Array("2023-05-01 21:40:\(String(format: "%02d", index % 60)) 小李\n第\(index)条，".utf8)
      utf8 += [0xE8, 0x80] + Array("明天".utf8) + [0xE5] + Array("到了".utf8) + [0xE4, 0xBD] + Array("\n\n".utf8)
    }
    #expect(UTF8Damage.measure(utf8[...], givingUpUnlessFew: true) == nil)
    #expect(TextDecoding.decode(utf8) == .undecodable)
    let latin1 = Array("Le café est fermé. À bientôt, société générale.\n".unicodeScalars.map { UInt8($0.value) })
    #expect(TextDecoding.decode(latin1) == .undecodable)
    var random = SplitMix(seed: 0x4742_3138)
    for _ in 0..<50 {
      let bytes = (0..<Int.random(in: 16...4_096, using: &random)).map { _ in UInt8.random(in: 1...255, using: &random) }
      let decoded = TextDecoding.decode(bytes)
      #expect(decoded == .undecodable || decoded == .binary, "\(bytes.prefix(16))")
    }
  }

  /// The measure of a repaired GB18030 text counts its scalars and multi-byte characters as the
  /// text holds them, and lines as `SourceLines` does.
  @Test func countsAreThoseOfTheRepairedText() throws {
    let bytes = try Self.gb("a\r\nb\r中") + [0xFF] + Self.gb("\r\n\n文d") + [0x81] + Self.gb("\re\n") + [0xD6]
    let (text, damage) = try #require(bytes.withUnsafeBufferPointer(GB18030.decodeReplacing))
    #expect(text == "a\r\nb\r中\u{FFFD}\r\n\n文d\u{FFFD}\re\n\u{FFFD}")
    #expect(damage.encoding == .gb18030 && damage.invalidSequences == 3 && damage.invalidBytes == 3)
    #expect(damage.scalars == text.unicodeScalars.count && damage.multibyteCharacters == 2)
    let lines = SourceLines(text)
    #expect(damage.lines == lines.indices.filter { lines[$0].unicodeScalars.contains("\u{FFFD}") }.map { $0 + 1 })
    #expect(damage.lines == [3, 5, 7])
  }
}
