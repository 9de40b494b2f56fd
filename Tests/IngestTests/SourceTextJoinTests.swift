import Testing

@testable import Ingest

/// Joined lines as bytes, and the trimming the HTML parsers use.
@Suite struct SourceTextJoinTests {
  @Test(arguments: ["\n", "\r\n", "\r"])
  func newlineUTF8IsTheJoinedText(lineBreak: String) {
    let text = ["<tr>第一行", "", "  第三行 ", "末行"].joined(separator: lineBreak) + lineBreak
    let source = SourceText(text: text, path: "a.mht", encoding: .utf8, options: IngestOptions())
    for first in 1...4 {
      for last in first...4 {
        #expect(source.newlineUTF8(from: first, through: last) == Array(source.text(from: first, through: last).utf8))
      }
    }
    #expect(source.newlineUTF8(from: 3, through: 2).isEmpty)
  }

  @Test func trimmingSpacesDropsASCIIBlanksAtBothEnds() {
    #expect(" \t\n 老王(123)\r ".trimmingSpaces == "老王(123)")
    #expect(" \n\t ".trimmingSpaces == "")
    #expect("a b".trimmingSpaces == "a b")
    // A carriage return and line feed make one character, which is not one of the four.
    #expect("x\r\n".trimmingSpaces == "x\r\n")
    #expect(" \u{301}x ".trimmingSpaces == " \u{301}x")
  }
}
