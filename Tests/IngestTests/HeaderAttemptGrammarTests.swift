import Foundation
import Testing

@testable import Ingest

/// The grammar of `HeaderAttempt`: which lines after a blank line are damaged MemoTrace, WeFlow
/// or QQ headers (a message of unknown speaker, with a warning) and which are everyday body text.
@Suite struct HeaderAttemptGrammarTests {
  /// Damaged headers of 老周's message, each with the length of the date and clock it opens with.
  static let attempts: [(line: String, timestamp: String)] = [
    ("２０２３-03-01 10:06:40 老周", "２０２３-03-01 10:06:40"),
    ("２０２３－０３－０１　１０：０６：４０ 老周", "２０２３－０３－０１　１０：０６：４０"),
    ("2023-0３-01 10:06:40 老周", "2023-0３-01 10:06:40"),
    ("23-03-01 10:06:40 老周", "23-03-01 10:06:40"),
    ("23/3/1 10:06:40 老周", "23/3/1 10:06:40"),
    ("2023-03-0110:06:40 老周", "2023-03-0110:06:40"),
    ("2023/03/0110:06 老周", "2023/03/0110:06"),
    ("03-01 10:06:40 老周", "03-01 10:06:40"),
    ("3/1 10:06:4X 老周", "3/1 10:06:4X"),
    ("2023-03-01 10:0X:40 老周", "2023-03-01 10:0X:40"),
    ("2023-03-01 10:06 老周", "2023-03-01 10:06"),
    ("2023.03.01 10:06:40 老周", "2023.03.01 10:06:40"),
    ("2023-03-01T10:06:40 老周", "2023-03-01T10:06:40"),
    ("2023-03-01　10:06:40 老周", "2023-03-01　10:06:40"),
    ("2023-03-01 10：06：40 老周", "2023-03-01 10：06：40"),
    ("2023-03-05 下午 3:1?:40 阿强(20001001)", "2023-03-05 下午 3:1?:40"),
    ("23-03-05 9:11:40 阿强(20001001)", "23-03-05 9:11:40"),
    ("2023-03-05下午3:11:40 阿强(20001001)", "2023-03-05下午3:11:40"),
  ]

  /// Everyday lines a message may hold after a blank line, opening with numbers, dates or clocks.
  static let everydayLines = [
    "23年3月1日开会", "12-30 10:00 开会", "3-1 到账", "2023.5万的流水走完了", "130-0000-0000 打这个", "13000000000 是新号",
    "0755-0000-0000 转分机", "10:06 到", "12:30 开会", "2023年的账还没结清", "2023-03-01 之前把钱转过去", "2023-03-01 10点前打款",
    "20230301 10:06:40 到账", "5.20 13:14 发红包", "12.5-13.0 元一单", "100块一单，量大从优", "3.5-4.5 10:00 前给",
    "1.5万 10:00:00 前到账", "2023-3-1 5点到", "7-11 买水", "10-12 10:30 面试", "2023-03 10:06:40 对账", "２０２３年的账",
  ]

  @Test func attemptsOpenWithTheirDateAndClock() {
    for (line, timestamp) in Self.attempts {
      #expect(HeaderAttempt.timestampLength(line[...]) == timestamp.utf8.count, "\(line)")
    }
  }

  @Test(arguments: everydayLines)
  func everydayLinesAreNoAttempt(line: String) {
    #expect(HeaderAttempt.timestampLength(line[...]) == nil)
  }

  /// `text` read as the evidence file `name`.
  @Test(arguments: attempts.map(\.line))
  func memoTraceDamagedHeaderStartsAMessageOfUnknownSpeaker(header: String) throws {
    let text = "2023-03-01 10:05:10 小李\n在吗\n\n\(header)\n\(UnreadableHeaderTests.words)\n\n2023-03-01 10:07:02 小李\n好的\n"
    let document = UnreadableHeaderTests.read(text, name: "老周.txt")
    #expect(document.format == .wechatMemoTraceTXT)
    #expect(document.units.map(\.line) == [1, 4, 7])
    try UnreadableHeaderTests.expectUnreadable(document, line: 4, bodyLine: 5, endLine: 5, header: header)
  }

  /// QQ reads a header with an ideographic space before its clock (its grammar's `\s+`).
  @Test(arguments: attempts.map(\.line).filter { $0 != "2023-03-01　10:06:40 老周" })
  func qqDamagedHeaderStartsAMessageOfUnknownSpeaker(header: String) throws {
    let document = UnreadableHeaderTests.read(UnreadableHeaderTests.qqExport(damaged: header), name: "全部消息记录.txt")
    #expect(document.format == .qqMessageManagerTXT)
    #expect(document.units.map(\.line) == [9, 12, 15])
    try UnreadableHeaderTests.expectUnreadable(document, line: 12, bodyLine: 13, endLine: 13, header: header)
  }

  /// Each everyday line, after a blank line in a message, stays in that message in MemoTrace,
  /// WeFlow and QQ exports alike.
  @Test(arguments: everydayLines)
  func everydayLinesStayInTheirMessage(line: String) {
    let memoTrace = UnreadableHeaderTests.read("2023-03-01 10:05:10 小李\n先说好\n\n\(line)\n\n2023-03-01 10:07:02 老周\n好的\n", name: "老周.txt")
    let weFlow = UnreadableHeaderTests.read("2024-03-01 10:05:10 '小李'\n先说好\n\n\(line)\n\n2024-03-01 10:07:02 '老周'\n好的\n", name: "老周.txt")
    let qq = UnreadableHeaderTests.read(
      "2023-03-05 09:10:02 小李(10001001)\n先说好\n\n\(line)\n\n2023-03-05 09:12:00 老周(20001001)\n好的\n", name: "全部消息记录.txt")
    #expect(memoTrace.format == .wechatMemoTraceTXT)
    #expect(weFlow.format == .wechatWeFlowTXT)
    #expect(qq.format == .qqMessageManagerTXT)
    for document in [memoTrace, weFlow, qq] {
      #expect(document.status == .parsed)
      #expect(document.diagnostics.isEmpty)
      #expect(document.units.map(\.line) == [1, 6])
      #expect(document.units.first?.text == "先说好\n\n\(line)")
    }
  }
}
