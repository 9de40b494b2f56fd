import Testing

@testable import Ingest

/// A text saved on one line is read as bounded units, all cited at that line.
@Suite struct PlainTextLongLineTests {
  static func source(_ text: String) -> SourceText {
    SourceText(text: text, path: "notes.txt", encoding: .utf8, options: IngestOptions())
  }

  @Test func aLongLineIsCutAfterSentenceMarksIntoBoundedUnits() {
    let sentences = (0..<3_000).map { "第\($0)句：接口做了加密，数据每天备份。" }
    let line = sentences.joined()
    let outcome = PlainTextParser().parse(Self.source("标题\n" + line + "\n结尾"))
    let long = outcome.units.filter { $0.line == 2 }
    #expect(long.count > 1)
    #expect(long.allSatisfy { $0.text.utf8.count <= PlainTextParser.unitByteLimit })
    #expect(long.dropLast().allSatisfy { $0.text.hasSuffix("。") || $0.text.hasSuffix("，") })
    #expect(long.map(\.text).joined() == line)
    #expect(outcome.units.first?.text == "标题")
    #expect(outcome.units.last?.line == 3)
    #expect(outcome.diagnostics.count == 1)
    #expect(outcome.diagnostics.first?.code == "ingest.long-line")
    #expect(outcome.diagnostics.first?.line == 2)
  }

  @Test func aLineWithoutMarksIsCutOnWholeScalars() {
    let line = String(repeating: "汉", count: 20_000)
    let parts = PlainTextParser.parts(of: Substring(line))
    #expect(parts.count == 4)
    #expect(parts.allSatisfy { $0.utf8.count <= PlainTextParser.unitByteLimit })
    #expect(parts.map(String.init).joined() == line)
  }

  @Test func ordinaryLinesAreOneUnitEach() {
    let outcome = PlainTextParser().parse(Self.source("第一行\n\n第三行"))
    #expect(outcome.units.map(\.line) == [1, 3])
    #expect(outcome.diagnostics.isEmpty)
  }
}
