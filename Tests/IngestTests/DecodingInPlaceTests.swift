import Foundation
import Testing

@testable import Ingest

/// UTF-16 and iconv decoding write straight into the text's storage and give what the standard
/// library's validating decoders give, failures included.
@Suite struct DecodingInPlaceTests {
  /// Characters of every UTF-8 length as code units (surrogate pairs for the last two), and, now
  /// and then, a lone high or low surrogate.
  static let characters: [[UInt16]] = [[0x41], [0x0A], [0xE9], [0x3A3], [0x94F6], [0x8DD1], [0xFF21], [0xFFFD], [0xD83D, 0xDE00], [0xD840, 0xDC00]]
  static let lone: [[UInt16]] = [[0xD83D], [0xDE00]]

  @Test func utf16GivesTheStandardLibrarysTextOrFailure() {
    var random = SplitMix(seed: 0x5554_4631)
    var decoded = 0
    var failed = 0
    for round in 0..<4_000 {
      let units = (0..<Int.random(in: 0...30, using: &random)).flatMap { _ in
        Int.random(in: 0..<40, using: &random) == 0
          ? Self.lone.randomElement(using: &random)! : Self.characters.randomElement(using: &random)!
      }
      let expected = String(validating: units, as: UTF16.self)
      for littleEndian in [true, false] {
        let bytes = units.flatMap { unit -> [UInt8] in
          let low = UInt8(unit & 0xFF)
          let high = UInt8(unit >> 8)
          return littleEndian ? [low, high] : [high, low]
        }
        #expect(TextDecoding.utf16(bytes[...], littleEndian: littleEndian) == expected, "round \(round)")
        // A slice that does not start at index 0, as after a byte-order mark.
        let afterFirst = String(validating: units.dropFirst(), as: UTF16.self)
        #expect(TextDecoding.utf16(bytes.dropFirst(2), littleEndian: littleEndian) == afterFirst, "round \(round)")
      }
      if expected == nil { failed += 1 } else { decoded += 1 }
    }
    #expect(decoded > 500 && failed > 500)
    #expect(TextDecoding.utf16([0x41][...], littleEndian: true) == nil)
  }

  @Test func gb18030GivesTheTextOfEveryEncodedSample() throws {
    var random = SplitMix(seed: 0x4742_3138)
    let alphabet = Array("银行卡收购一张八百好的OK\n\r\t 𠀀😀é€、，。〇ＡＢ【】跑分")
    for round in 0..<500 {
      let text = String((0..<Int.random(in: 0...60, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
      let bytes = try #require(Self.gb18030(text))
      #expect(GB18030.decode(bytes) == text, "round \(round)")
      #expect(GB18030.decode(bytes[...]) == text, "round \(round)")
    }
    #expect(GB18030.decode([0xD2, 0xF8, 0xD0]) == nil)
    #expect(GB18030.decode([UInt8]()) == "")
    #expect(Iconv.decode(Array("abc".utf8), from: "NO-SUCH-CHARSET") == nil)
    // Windows-1252's € is one byte that becomes three in UTF-8.
    #expect(Iconv.decode([0x80, 0x80, 0x41], from: "WINDOWS-1252") == "€€A")
  }

  /// `text` encoded as GB18030 by iconv.
  static func gb18030(_ text: String) -> [UInt8]? { encoded(text, as: "GB18030") }

  /// `text` encoded as `charset` by iconv; nil when iconv cannot encode it.
  static func encoded(_ text: String, as charset: String) -> [UInt8]? {
    let descriptor = iconv_open(charset, "UTF-8")
    guard let descriptor, descriptor != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(descriptor) }
    var input = Array(text.utf8).map { CChar(bitPattern: $0) }
    var output = [CChar](repeating: 0, count: input.count * 4 + 16)
    let outputCount = output.count
    let written: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        var inPointer = inBuffer.baseAddress
        var outPointer = outBuffer.baseAddress
        var inLeft = inBuffer.count
        var outLeft = outputCount
        guard iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
        return outputCount - outLeft
      }
    }
    return written.map { output.prefix($0).map { UInt8(bitPattern: $0) } }
  }
}
