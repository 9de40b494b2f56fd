import Testing

@testable import Report

/// `ByteScan`'s word-at-a-time tests answer as a byte-at-a-time look would, whatever byte sits at
/// whatever place, in a word or past the last one, among ASCII and multi-byte text.
@Suite struct ByteScanTests {
  /// The bytes looked for, their neighbours, and the same with the high bit set.
  static let probes: [UInt8] = [
    0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x22, 0x23, 0x2B, 0x2C, 0x2D, 0x5B, 0x5C, 0x5D, 0x7F,
    0x80, 0x8A, 0x8D, 0x9F, 0xA0, 0xA2, 0xAC, 0xDC, 0xE4, 0xFF,
  ]

  /// Background texts: ASCII letters and the UTF-8 of ideographs.
  static let backgrounds: [[UInt8]] = [Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN".utf8), Array("控制输赢按结算不走公账".utf8)]

  @Test func eachProbeAtEachPlaceOfEachLengthIsFoundAsByteByByte() {
    for background in Self.backgrounds {
      for length in 0...background.count {
        var text = Array(background[..<length])
        Self.expectSameAnswers(text)
        for place in 0..<length {
          for probe in Self.probes {
            let kept = text[place]
            text[place] = probe
            Self.expectSameAnswers(text)
            text[place] = kept
          }
        }
      }
    }
  }

  /// Checks each test of `ByteScan` on `text` against a look at each byte.
  static func expectSameAnswers(_ text: [UInt8]) {
    text.withUnsafeBufferPointer { bytes in
      #expect(ByteScan.needsJSONEscape(bytes) == text.contains { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C })
      #expect(ByteScan.holdsQuote(bytes) == text.contains(0x22))
      #expect(ByteScan.needsCSVQuotes(bytes) == text.contains { $0 == 0x2C || $0 == 0x0A || $0 == 0x0D })
    }
  }
}
