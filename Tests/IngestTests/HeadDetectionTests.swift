import Testing

@testable import Ingest

/// Which parser the registry picks for a text, on the cases the byte-level detectors decide at
/// their edges: MemoTrace's preamble allowance and generation markers, QQ's frame lines, and the
/// `<` every web page opens with.
@Suite struct HeadDetectionTests {
  private static func format(_ text: String) -> DocumentFormat {
    let source = SourceText(text: text, path: "聊天.txt", encoding: .utf8, options: IngestOptions())
    return ParserRegistry.parser(for: source).format
  }

  private static let memoTraceRecords = """
    2024-05-01 08:00:00 阿明
    好的

    2024-05-01 08:01:00 老K
      [图片]

    2024-05-01 08:02:00 阿明
    收到

    """

  @Test func aMemoTraceChatOpensWithAHeaderOrAShortPreamble() {
    #expect(Self.format(Self.memoTraceRecords) == .wechatMemoTraceTXT)
    let preamble = (1...20).map { "导出说明第\($0)行" }.joined(separator: "\n\n")
    #expect(Self.format(preamble + "\n\n" + Self.memoTraceRecords) == .wechatMemoTraceTXT)
    let tooLong = (1...21).map { "导出说明第\($0)行" }.joined(separator: "\n")
    #expect(Self.format(tooLong + "\n\n" + Self.memoTraceRecords) != .wechatMemoTraceTXT)
  }

  @Test func theSecondGenerationIsToldByItsMarkersAndTimeOnlyRecords() {
    let v2 = """
      2024-05-01 08:00:00 阿明
      【图片】

      2024-05-01 08:01:00
      你撤回了一条消息

      2024-05-01 08:02:00 老K
        引用：阿明：图片

      """
    #expect(Self.format(v2) == .wechatMemoTraceV2TXT)
  }

  @Test(arguments: [
    String(repeating: "=", count: 64) + "\n消息分组:我的好友\n",
    "消息记录（此消息记录为文本格式，不支持重新导入）\n\n",
    "消息对象:老周\n\n",
    "消息对象：老周\n\n",
    "2019-09-23 20:43:38 阿强(23456789)\n晚上好\n\n2019-09-23 20:45:00 小美(34567890)\n早\n",
  ])
  func aQQExportIsToldByAFrameLineOrItsSenders(_ text: String) {
    #expect(Self.format(text) == .qqMessageManagerTXT)
  }

  @Test(arguments: [
    String(repeating: "=", count: 63) + "\n今天的会议纪要\n",
    "消息对象是谁还不清楚\n",
    "消息分组\n",
  ])
  func nearMissesOfAFrameAreNoQQExport(_ text: String) {
    #expect(Self.format(text) != .qqMessageManagerTXT)
  }

  @Test func aWebPageOpensWithATagAfterBlanks() {
    #expect(Self.format("\u{FEFF}\n   <!DOCTYPE HTML>\n<html><body><p>你好</p></body></html>\n") == .html)
    #expect(Self.format("<b>加粗</b> 不是网页\n") == .plainText)
    #expect(Self.format("你好 <html>\n") == .plainText)
  }
}
