import Foundation
import Testing

@testable import Signals

@Suite struct TextNormalizerTests {
  @Test func foldsFullWidthAndCase() {
    #expect(TextNormalizer.fold("ＵＳＤＴ，ＶＰＮ？１２３！") == "usdt,vpn?123!")
    #expect(TextNormalizer.fold("后台\u{3000}控制") == "后台 控制")
    #expect(TextNormalizer.fold("Éclair ΣΑ") == "éclair σα")
  }

  @Test func foldsTraditionalToSimplified() {
    #expect(TextNormalizer.fold("後臺要能控製輸贏，資金盤") == "后台要能控制输赢,资金盘")
    let normalized = TextNormalizer.normalize("賭\u{200B}博")
    #expect(normalized.string == "赌博")
    #expect(normalized.originalRange(start: 0, end: 2) == 0..<3)
  }

  @Test func simplifiedPairsAreICUsTraditionalSimplifiedTransform() throws {
    var block = String.UnicodeScalarView()
    for value in UInt32(0x4E00)...UInt32(0x9FFF) {
      if let scalar = Unicode.Scalar(value) { block.append(scalar) }
    }
    let converted = try #require(
      String(block).applyingTransform(StringTransform("Traditional-Simplified"), reverse: false))
    let expected = Array(converted.unicodeScalars)
    try #require(expected.count == block.count)
    let mismatches = zip(block, expected).filter { TextNormalizer.fold($0.0) != $0.1 }
    #expect(
      mismatches.isEmpty,
      "\(mismatches.count) characters differ from ICU, e.g. \(mismatches.prefix(3).map { "\($0.0)→\($0.1)" }); regenerate with `swift scripts/gen-simplified-pairs.swift > Sources/Signals/Text/SimplifiedPairs.swift`"
    )
  }

  @Test func removesZeroWidthAndBidiMarks() {
    let text = "控\u{200B}制\u{200D}输\u{202E}赢\u{2060}\u{FEFF}"
    #expect(TextNormalizer.fold(text) == "控制输赢")
  }

  @Test func keepsOffsetsBackToTheOriginal() {
    let text = "\u{FEFF}后台\u{200B}控制ＡＢ"
    let normalized = TextNormalizer.normalize(text)
    #expect(normalized.string == "后台控制ab")
    #expect(normalized.originalOffsets == [1, 2, 4, 5, 6, 7])
    #expect(normalized.originalCount == 8)
    #expect(normalized.originalRange(start: 2, end: 4) == 4..<6)
    #expect(normalized.originalRange(start: 0, end: 6) == 1..<8)
  }

  @Test func leavesChineseTextAlone() {
    let text = "后台要能控制输赢。"
    let normalized = TextNormalizer.normalize(text)
    #expect(normalized.string == text)
    #expect(normalized.originalOffsets == Array(0..<9))
  }

  @Test func mapsByteOffsetsToScalars() {
    let normalized = TextNormalizer.normalize("a后b")
    #expect(normalized.scalarOffsetsByByte() == [0, 1, 1, 1, 2, 3])
  }
}
