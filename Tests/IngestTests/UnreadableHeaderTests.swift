import Foundation
import Testing

@testable import Ingest

/// A record header that cannot be read starts a message of unknown speaker and time, with a
/// warning, instead of joining the message before it (MemoTrace v1 and 2.x, WeFlow and QQ
/// message-manager TXT).
@Suite struct UnreadableHeaderTests {
  /// The words that must never be given to the previous speaker.
  static let words = "钱用U结算，不走公账，后台要能控制输赢"

  /// Damaged MemoTrace headers of 老周's message.
  static let damagedMemoTraceHeaders = [
    "2023-03-01 10:0X:40 老周", "2023-03-01 10:06 老周", "2023/03/01 10:06:40 老周", "2023.03.01 10:06:40 老周",
    "2023-03-01 10:06:40老周", "2023-03-01  10:06:40 老周", "2023-3-1 10:06:40 老周", "2023-03-01 10:06:40 ",
  ]

  /// `text` read as the evidence file `name` (the reader of every damaged-header suite).
  static func read(_ text: String, name: String) -> EvidenceDocument {
    EvidenceReader.read(data: Data(text.utf8), path: name, options: IngestOptions())
  }

  /// Expects `document` to hold the message of `words` on lines `line...endLine` (its body from
  /// `bodyLine`) with no speaker and no time, and one warning for it naming the line.
  static func expectUnreadable(
    _ document: EvidenceDocument, line: Int, bodyLine: Int, endLine: Int, header: String, words: String = words
  ) throws {
    let unit = try #require(document.unit(at: line))
    #expect(unit.kind == .message)
    #expect(unit.speaker == nil && unit.speakerID == nil && unit.time == nil)
    #expect(unit.text == words)
    #expect(unit.firstBodyLine == bodyLine && unit.endLine == endLine)
    #expect(unit.attributes["unreadableHeader"] == header)
    #expect(!document.units.contains { $0.line != line && $0.text.contains(words) })
    let warnings = document.diagnostics.filter { $0.code == "ingest.unreadable-header" }
    #expect(warnings.count == 1)
    #expect(warnings.first?.severity == .warning && warnings.first?.line == line)
    #expect(warnings.first?.message.hasPrefix("line \(line): the message header \"\(header)\" could not be read") == true)
    #expect(warnings.first?.message.contains("speaker and time unknown") == true)
    #expect(document.status == .partial)
    #expect(document.reason?.contains("could not be read") == true)
  }

  @Test(arguments: damagedMemoTraceHeaders)
  func memoTraceV1DamagedHeaderStartsAMessageOfUnknownSpeaker(header: String) throws {
    let text = "2023-03-01 10:05:10 小李\n在吗\n[图片]\n\n\(header)\n\(Self.words)\n\n2023-03-01 10:07:02 小李\n好的\n"
    let document = Self.read(text, name: "老周.txt")
    #expect(document.format == .wechatMemoTraceTXT)
    #expect(document.units.map(\.line) == [1, 5, 8])
    let before = try #require(document.unit(at: 1))
    #expect(before.speaker == "小李" && before.text == "在吗\n[图片]" && before.endLine == 3)
    try Self.expectUnreadable(document, line: 5, bodyLine: 6, endLine: 6, header: header)
    #expect(document.unit(at: 8)?.speaker == "小李")
  }

  @Test func memoTraceV2DamagedHeaderStartsAMessageOfUnknownSpeaker() throws {
    let text = """
      2023-03-01 10:05:10 小李
      【图片】

      2023-03-01 10:06:00
      "老周"撤回了一条消息

      2023-03-01 10:0X:40 老周
      钱用U结算，不走公账，
      后台要能控制输赢

      2023-03-01 10:07:02 小李
      【发起转账】:￥5000.00

      """
    let document = Self.read(text, name: "老周.txt")
    #expect(document.format == .wechatMemoTraceV2TXT)
    #expect(document.units.map(\.line) == [1, 4, 7, 11])
    #expect(document.unit(at: 4)?.kind == .system)
    try Self.expectUnreadable(
      document, line: 7, bodyLine: 8, endLine: 9, header: "2023-03-01 10:0X:40 老周", words: "钱用U结算，不走公账，\n后台要能控制输赢")
    #expect(document.unit(at: 11)?.kind == .transfer)
  }

  @Test func weFlowDamagedHeaderStartsAMessageOfUnknownSpeaker() throws {
    let text = """
      2024-03-01 10:05:10 '小李'
      在吗

      2024/03/01 10:06:40 '老周'
      钱用U结算，不走公账，后台要能控制输赢

      2024-03-01 10:07:02 '小李'
      [转账] ￥100.00 已收款

      """
    let document = Self.read(text, name: "老周.txt")
    #expect(document.format == .wechatWeFlowTXT)
    #expect(document.units.map(\.line) == [1, 4, 7])
    #expect(document.unit(at: 1)?.text == "在吗")
    try Self.expectUnreadable(document, line: 4, bodyLine: 5, endLine: 5, header: "2024/03/01 10:06:40 '老周'")
  }

  /// A QQ export with one damaged header, `header`, after the first message of the block.
  static func qqExport(damaged header: String) -> String {
    let separator = String(repeating: "=", count: 64)
    return [
      "消息记录（此消息记录为文本格式，不支持重新导入）", "", separator, "消息分组:我的好友", separator, "消息对象:阿强", separator, "",
      "2023-03-05 9:10:02 小李(10001001)", "在吗", "", header, "钱用U结算，不走公账，后台要能控制输赢", "",
      "2023-03-05 9:12:00 小李(10001001)", "好", "",
    ].joined(separator: "\n")
  }

  @Test(arguments: [
    "2023-03-05 9:1X:40 阿强(20001001)", "2023-03-05 9:11 阿强(20001001)", "2023.03.05 9:11:40 阿强(20001001)",
    "2023-03-05 下午 3:1?:40 阿强(20001001)", "2023-03-05 9:11:40",
  ])
  func qqDamagedHeaderStartsAMessageOfUnknownSpeaker(header: String) throws {
    let document = Self.read(Self.qqExport(damaged: header), name: "全部消息记录.txt")
    #expect(document.format == .qqMessageManagerTXT)
    #expect(document.units.map(\.line) == [9, 12, 15])
    #expect(document.unit(at: 9)?.text == "在吗" && document.unit(at: 9)?.endLine == 10)
    try Self.expectUnreadable(document, line: 12, bodyLine: 13, endLine: 13, header: header)
    #expect(document.unit(at: 12)?.conversation == "阿强")
    #expect(document.unit(at: 12)?.attributes["qqGroup"] == "我的好友")
  }

  @Test func qqDamagedHeaderRightAfterTheBlockTitleIsAMessageOfItsOwn() throws {
    let separator = String(repeating: "=", count: 64)
    let text = [
      separator, "消息分组:我的好友", separator, "消息对象:阿强", separator, "2023-03-05 9:1X:40 阿强(20001001)", Self.words, "",
      "2023-03-05 9:12:00 小李(10001001)", "好", "",
    ].joined(separator: "\n")
    let document = Self.read(text, name: "全部消息记录.txt")
    #expect(document.units.map(\.line) == [6, 9])
    #expect(!document.diagnostics.contains { $0.code == "ingest.unparsed-line" })
    try Self.expectUnreadable(document, line: 6, bodyLine: 7, endLine: 7, header: "2023-03-05 9:1X:40 阿强(20001001)")
  }

  /// In an "export all" file, a 最近联系人 message repeats one of another block only when its
  /// header is unreadable in the same way; one damaged only in the repeat is kept.
  @Test func qqRecentContactRepeatsOfUnreadableHeaders() throws {
    let separator = String(repeating: "=", count: 64)
    func block(_ group: String, _ messages: [String]) -> [String] {
      [separator, "消息分组:\(group)", separator, "消息对象:阿强", separator, ""] + messages.flatMap { [$0, ""] }
    }
    let readable = "2023-03-05 9:10:02 小李(10001001)\n在吗"
    let damaged = "2023-03-05 9:1X:40 阿强(20001001)\n\(Self.words)"
    let later = "2023-03-05 9:12:00 小李(10001001)\n好"
    let damagedLater = "2023-03-05 9:1?:00 小李(10001001)\n好"
    let text = (block("我的好友", [readable, damaged, later]) + block("最近联系人", [readable, damaged, damagedLater]))
      .joined(separator: "\n")
    let document = Self.read(text, name: "全部消息记录.txt")
    #expect(document.format == .qqMessageManagerTXT)
    #expect(document.units.map(\.text) == ["在吗", Self.words, "好", "好"])
    #expect(document.units.map(\.speaker) == ["小李", nil, "小李", nil])
    // Like a bad time, an unreadable header is warned of on every line it stands on, the dropped repeat's too.
    #expect(document.diagnostics.map(\.code) == Array(repeating: "ingest.unreadable-header", count: 3) + ["ingest.duplicate-block"])
    #expect(document.diagnostics.last?.message.hasPrefix("2 messages of the 最近联系人 block") == true)
  }

  /// Body lines after a blank line that open with a year, a date, an amount or a clock stay in
  /// their message, in every one of these formats.
  @Test(arguments: [
    "2023年的账还没结清", "2023-03-01 之前把钱转过去", "2023-03-01 10点前打款", "100块一单，量大从优", "12:30 开会",
    "2023.5万的流水走完了", "20230301 10:06:40 到账",
  ])
  func bodyLinesOpeningWithNumbersStayInTheirMessage(line: String) throws {
    let memoTrace = Self.read("2023-03-01 10:05:10 小李\n先说好\n\n\(line)\n\n2023-03-01 10:07:02 老周\n好的\n", name: "老周.txt")
    let weFlow = Self.read("2024-03-01 10:05:10 '小李'\n先说好\n\n\(line)\n\n2024-03-01 10:07:02 '老周'\n好的\n", name: "老周.txt")
    let qq = Self.read(
      "2023-03-05 09:10:02 小李(10001001)\n先说好\n\n\(line)\n\n2023-03-05 09:12:00 老周(20001001)\n好的\n", name: "全部消息记录.txt")
    #expect(memoTrace.format == .wechatMemoTraceTXT)
    #expect(weFlow.format == .wechatWeFlowTXT)
    #expect(qq.format == .qqMessageManagerTXT)
    for document in [memoTrace, weFlow, qq] {
      #expect(document.status == .parsed)
      #expect(document.diagnostics.isEmpty)
      #expect(document.units.map(\.line) == [1, 6])
      #expect(document.units.first?.speaker == "小李")
      #expect(document.units.first?.text == "先说好\n\n\(line)")
      #expect(document.units.first?.endLine == 4)
    }
  }

  /// A damaged header with no blank line before it is body text, as a readable one is there
  /// (which is noted); a damaged header with no body keeps the text after its date and clock.
  @Test func damagedHeaderInsideABodyStaysAndOneWithoutBodyKeepsItsRest() throws {
    let text = """
      2023-03-01 10:05:10 小李
      在吗
      2023-03-01 10:0X:40 老周

      2023-03-01 10:0X:41 "老周" 撤回了一条消息

      2023-03-01 10:07:02 小李
      好的

      """
    let document = Self.read(text, name: "老周.txt")
    #expect(document.units.map(\.line) == [1, 5, 7])
    #expect(document.unit(at: 1)?.text == "在吗\n2023-03-01 10:0X:40 老周")
    let notice = try #require(document.unit(at: 5))
    #expect(notice.text == "\"老周\" 撤回了一条消息")
    #expect(notice.speaker == nil && notice.time == nil && notice.endLine == 5)
    #expect(document.diagnostics.map(\.code) == ["ingest.unreadable-header"])
    #expect(document.diagnostics.first?.message.contains("the message on line 5 is kept") == true)
  }

  /// Which messages of `largeMemoTrace` have a damaged header: those whose index modulo 211 is
  /// one of these.
  static let damagedPositions: Set<Int> = [5, 17, 40, 99]

  /// How many of the first `count` messages of `largeMemoTrace` have a damaged header.
  static func damagedCount(_ count: Int) -> Int { (0..<count).filter { damagedPositions.contains($0 % 211) }.count }

  /// A MemoTrace v1 export of `count` messages, some with a damaged header (`damagedPositions`:
  /// full-width colons, no seconds, slashes, no space before the name), every 97th holding 命中
  /// and every 13th a blank line and lines opening with numbers in its body.
  static func largeMemoTrace(count: Int) -> String {
    (0..<count).map { index in
      let time = String(format: "2023-05-%02d %02d:%02d:%02d", 1 + index / 3_600 % 28, index / 60 % 24, index % 60, index * 7 % 60)
      let name = index % 2 == 0 ? "小李" : "老周"
      let header: String
      switch index % 211 {
      case 5: header = time.replacingOccurrences(of: ":", with: "：") + " " + name
      case 17: header = String(time.dropLast(3)) + " " + name
      case 40: header = time.replacingOccurrences(of: "-", with: "/") + " " + name
      case 99: header = time + name
      default: header = time + " " + name
      }
      let body = index % 97 == 0 ? "第\(index)条，命中" : index % 13 == 0 ? "第\(index)条\n\n2023年的账\n12:30 开会" : "第\(index)条，平常的话"
      return header + "\n" + body + "\n"
    }.joined(separator: "\n")
  }

  @Test func sievedReadOfDamagedHeadersKeepsWhatPassesAndEveryDiagnostic() {
    let text = Self.largeMemoTrace(count: 3_000)
    var source = SourceText(text: text, path: "老周.txt", encoding: .utf8, options: IngestOptions())
    let whole = MemoTraceTXTParser().parse(source)
    source.sieve = SieveParity.sieve(passing: "命中", radius: 1)
    let sieved = MemoTraceTXTParser().parse(source)
    #expect(whole.units.count == 3_000)
    #expect(whole.diagnostics.count == Self.damagedCount(3_000))
    #expect(Set(whole.diagnostics.map(\.code)) == ["ingest.unreadable-header"])
    #expect(whole.units.filter { $0.speaker == nil }.count == whole.diagnostics.count)
    #expect(sieved.diagnostics == whole.diagnostics)
    let hits = SieveParity.expectKept(sieved.units, whole.units, token: "命中", radius: 1)
    #expect(hits.count == 31)
  }

  @Test func damagedHeadersReadInPiecesGiveTheUnitsAndDiagnosticsOfAWholeRead() throws {
    let (whole, streamed, pieces, manifest) = try SieveParity.readWholeAndInPieces(
      Self.largeMemoTrace(count: 4_000), name: "老周.txt")
    #expect(whole.format == .wechatMemoTraceTXT)
    #expect(pieces > 3)
    #expect(streamed == whole.units)
    #expect(whole.status == .partial && manifest.status == .partial)
    let streamedDiagnostics = manifest.diagnostics.filter { $0.code != "streamed" }
    #expect(streamedDiagnostics.sorted { ($0.line ?? 0) < ($1.line ?? 0) } == whole.diagnostics)
    #expect(whole.diagnostics.count == Self.damagedCount(4_000))
  }

  @Test func qqDamagedHeadersReadInPiecesAndSievedGiveTheUnitsOfAWholeRead() throws {
    let separator = String(repeating: "=", count: 64)
    let messages = (0..<4_000).map { index in
      let time = String(format: "2016-02-%02d %02d:%02d:%02d", 1 + index / 86_400, index / 3_600 % 24, index / 60 % 60, index % 60)
      let header = index % 173 == 3 ? String(time.dropLast()) + "X" : time
      let body = index % 89 == 0 ? "第\(index)条，命中" : "第\(index)条，平常的话"
      return header + " " + (index % 2 == 0 ? "老王(12345678)" : "小李(10001001)") + "\n" + body
    }
    let text = [separator, "消息分组:我的好友", separator, "消息对象:老王", separator, ""].joined(separator: "\n") + "\n"
      + messages.joined(separator: "\n\n") + "\n"
    let (whole, streamed, pieces, manifest) = try SieveParity.readWholeAndInPieces(text, name: "全部消息记录.txt")
    #expect(whole.format == .qqMessageManagerTXT)
    #expect(pieces > 3)
    #expect(streamed == whole.units)
    let damaged = (0..<4_000).filter { $0 % 173 == 3 }.count
    #expect(whole.units.filter { $0.speaker == nil }.count == damaged)
    #expect(whole.diagnostics.filter { $0.code == "ingest.unreadable-header" }.count == damaged)
    #expect(manifest.diagnostics.filter { $0.code != "streamed" } == whole.diagnostics)
    var source = SourceText(text: text, path: "全部消息记录.txt", encoding: .utf8, options: IngestOptions())
    let unsieved = QQMessageManagerTXTParser().parse(source)
    source.sieve = SieveParity.sieve(passing: "命中", radius: 1)
    let sieved = QQMessageManagerTXTParser().parse(source)
    #expect(unsieved.units == whole.units)
    #expect(sieved.diagnostics == unsieved.diagnostics)
    SieveParity.expectKept(sieved.units, unsieved.units, token: "命中", radius: 1)
  }
}
