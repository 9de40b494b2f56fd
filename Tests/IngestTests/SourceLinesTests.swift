import Testing

@testable import Ingest

/// The line table: the count of break bytes it reserves room by, and the lines it finds.
@Suite struct SourceLinesTests {
  @Test func occurrencesAgreeWithACountByteByByte() {
    var random = MHTTextHeadTests.SeededGenerator(state: 7)
    let alphabet: [UInt8] = [0x0A, 0x0D, 0x0B, 0x09, 0x8A, 0x41, 0xE4, 0x00, 0xFF]
    for length in [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1_000, 4_099] {
      let bytes = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }
      for target: UInt8 in [0x0A, 0x0D, 0x00, 0xFF] {
        for start in 0..<min(length, 3) {
          let slice = Array(bytes[start...])
          let expected = slice.filter { $0 == target }.count
          #expect(slice.withUnsafeBufferPointer { SourceLines.occurrences(of: target, in: $0) } == expected)
        }
      }
    }
  }

  /// A text of nothing but the target fills every lane of a batch of words (255 per lane), the
  /// most the count by lanes must hold, and batches end anywhere in a long text.
  @Test func occurrencesOfATextOfOnlyTheTarget() {
    for length in [8 * 255, 8 * 255 + 1, 8 * 256, 8 * 510 + 7, 8 * 1_000 + 5] {
      let bytes = [UInt8](repeating: 0x0A, count: length)
      #expect(bytes.withUnsafeBufferPointer { SourceLines.occurrences(of: 0x0A, in: $0) } == length)
      #expect(bytes.withUnsafeBufferPointer { SourceLines.occurrences(of: 0x0D, in: $0) } == 0)
    }
  }

  /// `LineIndex` puts every byte on the line `SourceLines` puts it on, whatever the breaks.
  @Test(arguments: ["\n", "\r\n", "\r", "mixed"])
  func lineIndexAgreesWithTheLineTable(lineBreak: String) {
    let lines = ["<tr>第一行", "", "  第三行 ", "末行", "", "x"]
    let breaks = lineBreak == "mixed" ? ["\n", "\r\n", "\r", "\r\n", "\r"] : Array(repeating: lineBreak, count: 5)
    var text = ""
    var lineOfByte: [Int] = []
    for (number, line) in lines.enumerated() {
      let piece = line + (number < breaks.count ? breaks[number] : "")
      text += piece
      lineOfByte += Array(repeating: number + 1, count: piece.utf8.count)
    }
    #expect(SourceLines(text).count == lines.count)
    let index = LineIndex(Array(text.utf8), firstLine: 1)
    #expect((0..<lineOfByte.count).map(index.line(at:)) == lineOfByte)
  }

  /// Line-feed-only texts, read eight bytes at a time, split as a split on `\n` does: every
  /// length around the word size, line feeds at the ends, runs of empty lines.
  @Test func lineFeedTextsSplitAsASplitOnLineFeeds() {
    var random = MHTTextHeadTests.SeededGenerator(state: 11)
    let alphabet = ["\n", "a", "中", "x\n", "\n\n"]
    for length in [0, 1, 2, 7, 8, 9, 16, 17, 40, 300] {
      for _ in 0..<8 {
        let text = (0..<length).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &random)] }.joined()
        var expected = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if text.hasSuffix("\n") || text.isEmpty { expected.removeLast() }
        let lines = SourceLines(text)
        #expect(lines.map(String.init) == expected, "\(text.debugDescription)")
        #expect(lines.indices.allSatisfy { lines.withUTF8(ofLines: $0...$0) { Array($0) } == Array(expected[$0].utf8) })
      }
    }
  }

  /// A range of lines read in place is the text from the first line's start to the last line's
  /// end, its own breaks (LF, CRLF, CR) between: read one call at a time or all in one reader.
  @Test func rangesOfLinesReadInPlace() {
    for text in ["一\n二\r\n三\r四\n\n五", "a\r\nb\r\n", "x", "\n\n", "甲\r乙\r", "一\n二\n三"] {
      let lines = SourceLines(text)
      let bytes = Array(text.utf8)
      var starts: [Int] = []
      var ends: [Int] = []
      var position = 0
      for line in lines {
        starts.append(position)
        position += line.utf8.count
        ends.append(position)
        if position < bytes.count { position += bytes[position] == 0x0D && position + 1 < bytes.count && bytes[position + 1] == 0x0A ? 2 : 1 }
      }
      lines.withLineBytes { reader in
        for first in lines.indices {
          for last in first..<lines.count {
            let expected = Array(bytes[starts[first]..<ends[last]])
            #expect(Array(reader.utf8(ofLines: first...last)) == expected, "\(text.debugDescription) \(first)...\(last)")
            #expect(lines.withUTF8(ofLines: first...last) { Array($0) } == expected)
          }
        }
      }
    }
  }

  @Test func linesOfEveryBreakKind() {
    let lines = SourceLines("一\n二\r\n三\r四\n\n")
    #expect(Array(lines) == ["一", "二", "三", "四", ""])
    #expect(Array(SourceLines("a\nb")) == ["a", "b"])
    #expect(Array(SourceLines("")).isEmpty)
  }
}
