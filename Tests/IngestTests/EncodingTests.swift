import Foundation
import Testing

@testable import Ingest

/// Encoding sniffing (export-formats.md §0.1) and physical line numbering (design §3).
@Suite struct EncodingTests {
  @Test(arguments: [
    ("encodings/utf8.txt", "utf-8"),
    ("encodings/utf8-bom.txt", "utf-8-bom"),
    ("encodings/utf16le-bom.txt", "utf-16le"),
    ("encodings/utf16be-bom.txt", "utf-16be"),
    ("encodings/utf16le.txt", "utf-16le"),
    ("encodings/utf16be.txt", "utf-16be"),
    ("encodings/gb18030-crlf.txt", "gb18030"),
  ])
  func sameChatInEveryEncoding(path: String, encoding: String) throws {
    let document = try Fixture.document(path)
    #expect(document.encoding == encoding)
    #expect(document.status == .parsed)
    #expect(document.format == .qqMessageManagerTXT)
    #expect(document.units.count == 2)
    let first = try #require(document.unit(at: 1))
    #expect(first.text == "银行卡收购，一张八百")
    #expect(first.firstBodyLine == 2)
    #expect(first.speaker == "老王")
    #expect(first.speakerID == "12345678")
    let second = try #require(document.unit(at: 4))
    #expect(second.endLine == 5)
    #expect(second.text == "好的 OK")
    #expect(second.time?.iso8601 == "2016-01-01T12:05:30+08:00")
  }

  @Test func hashAndSizeAreOfTheRawBytes() throws {
    let document = try Fixture.document("encodings/utf16le-bom.txt")
    #expect(document.bytes == 180)
    #expect(document.sha256 == EvidenceReader.sha256Hex(try Fixture.data("encodings/utf16le-bom.txt")))
    #expect(document.sha256.count == 64)
    #expect(EvidenceReader.sha256Hex(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func loneCRAndCRLFEachCountAsOneBreak() throws {
    let document = try Fixture.document("encodings/lone-cr.txt")
    #expect(document.format == .plainText)
    #expect(document.units.map(\.line) == [1, 2, 4, 5, 6])
    #expect(document.units.map(\.text) == ["第一行", "第二行", "第四行", "第五行", "第六行"])
  }

  @Test func lineSplitting() {
    #expect(SourceLines("a\nb\n").map(String.init) == ["a", "b"])
    #expect(SourceLines("a\r\n\r\nb").map(String.init) == ["a", "", "b"])
    #expect(SourceLines("").isEmpty)
    #expect(SourceLines("\n").map(String.init) == [""])
    #expect(SourceLines("甲\r\n乙\r丙\n\n丁\r\r\n戊\r").map(String.init) == ["甲", "乙", "丙", "", "丁", "", "戊"])
    #expect(SourceLines("\r\n\r").map(String.init) == ["", ""])
    #expect(SourceLines("无换行").map(String.init) == ["无换行"])
  }

  /// The lines agree with a split scalar by scalar, on text mixing every kind of break with
  /// multi-byte characters.
  @Test func lineSplittingMatchesAScalarSplit() {
    let pieces = ["甲", "b", "\n", "\r", "\r\n", "乙丙", "", " "]
    var generator = SplitMix(seed: 11)
    for _ in 0..<500 {
      let text = (0..<Int.random(in: 0...12, using: &generator)).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
      var expected: [String] = []
      var current = ""
      var previousReturn = false
      for scalar in text.unicodeScalars {
        if scalar == "\n" && previousReturn {
          previousReturn = false
          continue
        }
        previousReturn = scalar == "\r"
        if scalar == "\n" || scalar == "\r" {
          expected.append(current)
          current = ""
        } else {
          current.unicodeScalars.append(scalar)
        }
      }
      if !current.isEmpty { expected.append(current) }
      #expect(SourceLines(text).map(String.init) == expected, "\(Array(text.utf8))")
    }
  }

  @Test func byteSearch() {
    let text: Substring = "老王: 你好: 再见"
    let range = text.utf8Range(of: ": ")
    #expect(range.map { String(text[..<$0.lowerBound]) } == "老王")
    #expect(text.utf8Contains("再见"))
    #expect(!text.utf8Contains("再见了"))
    #expect(text.utf8Range(of: "") == nil)
  }

  @Test func gb18030DecodesFourByteSequences() {
    // U+20000 (𠀀) is the four-byte GB18030 sequence 95 32 82 36.
    #expect(GB18030.decode([0x95, 0x32, 0x82, 0x36]) == "\u{20000}")
    #expect(GB18030.decode([0xFF]) == nil)
  }
}
