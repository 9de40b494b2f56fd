import Foundation
import Testing

@testable import Ingest

/// WhatsApp TXT and WechatExporter TXT hand their units over in batches while they parse: the
/// batches hold the units of a whole parse, sieved or not, with the same diagnostics.
@Suite struct ChatTextBatchTests {
  /// The two chat text formats.
  enum Format: String, CaseIterable, CustomTestStringConvertible {
    case whatsApp, wechatExporter
    var testDescription: String { rawValue }
  }

  /// A chat of `count` entries: every 97th body holds `命中`, every 10th entry spans three lines
  /// (one blank), every 50th is a notice unless `noticeAt` is given (then only that one is), and
  /// entry 7 has a bad time.
  static func chat(_ format: Format, count: Int, lineBreak: String = "\n", noticeAt: Int? = nil) -> String {
    let lines = (0..<count).map { index in
      let body = "第\(index)条" + (index % 97 == 0 ? "，命中" : "，平常的话")
      let more = index % 10 == 3 ? "\(lineBreak)补充一句\(lineBreak)\(lineBreak)再补一句" : ""
      let notice = noticeAt.map { $0 == index } ?? (index % 50 == 49)
      let (day, hour, minute) = (1 + index / 1_440 % 28, index / 60 % 24, index % 60)
      switch format {
      case .whatsApp:
        let header = "\(day)/6/23, \(index == 7 ? 25 : hour):\(String(format: "%02d", minute)) - "
        return header + (notice ? "Messages and calls are end-to-end encrypted." : "\(index % 2 == 0 ? "小李" : "老周"): ") + body + more
      case .wechatExporter:
        if notice { return "\"老周\" 撤回了一条消息" }
        let time = String(format: "2023-06-%02d %02d:%02d:00", day, index == 7 ? 25 : hour, minute)
        return "\(index % 2 == 0 ? "小李" : "老周") (\(time)):" + body + more
      }
    }
    let title = format == .wechatExporter ? ["项目群 - 微信聊天记录", ""] : []
    return (title + lines).joined(separator: lineBreak) + lineBreak
  }

  /// A sieve passing bodies that hold `token`.
  static func sieve(minimumUnits: Int, radius: Int = 2, token: String = "命中") -> UnitSieve {
    UnitSieve(radius: radius, minimumUnits: minimumUnits) {
      { body in String(decoding: body, as: UTF8.self).contains(token) }
    }
  }

  static func source(_ format: Format, _ text: String, sieve: UnitSieve?) -> SourceText {
    let path = format == .whatsApp ? "WhatsApp Chat with 项目群.txt" : "项目群/index.txt"
    var source = SourceText(text: text, path: path, encoding: .utf8, options: IngestOptions())
    source.sieve = sieve
    return source
  }

  /// The batches `source` is handed over in, and the outcome's units (the last ones) and diagnostics.
  static func batches(_ source: SourceText) -> (batches: [[TextUnit]], rest: [TextUnit], diagnostics: [Diagnostic]) {
    let parser = ParserRegistry.parser(for: source)
    var batches: [[TextUnit]] = []
    let outcome = parser.parse(source) { batches.append($0) }
    return (batches, outcome.units, outcome.diagnostics)
  }

  @Test(arguments: Format.allCases, ["\n", "\r\n"])
  func batchesHoldTheUnitsOfAWholeParse(format: Format, lineBreak: String) {
    let text = Self.chat(format, count: 20_000, lineBreak: lineBreak)
    let unsieved = Self.batches(Self.source(format, text, sieve: nil))
    let messages = unsieved.batches.flatMap { $0 } + unsieved.rest
    for sieve in [nil, Self.sieve(minimumUnits: 2_000)] {
      let source = Self.source(format, text, sieve: sieve)
      let whole = ParserRegistry.parser(for: source).parse(source)
      let (batches, rest, diagnostics) = Self.batches(source)
      #expect(batches.allSatisfy { $0.count == UnitBatches.standardSize })
      // A run of unread messages ends where a batch is handed over.
      #expect(
        SieveParity.expanded(batches.flatMap { $0 } + rest, along: messages)
          == SieveParity.expanded(whole.units, along: messages))
      #expect(TextUnit.count(of: whole.units) == 20_000)
      if sieve == nil { #expect(batches.count == 2 && batches.flatMap { $0 } + rest == whole.units) }
      #expect(diagnostics == whole.diagnostics && diagnostics.map(\.code) == ["ingest.bad-time"])
      #expect(whole.units.contains { $0.kind == .elided } == (sieve != nil))
    }
  }

  @Test(arguments: Format.allCases)
  func theSieveCountsTheMessagesOfTheWholeFile(format: Format) {
    let text = Self.chat(format, count: 9_000)
    let sieved = Self.batches(Self.source(format, text, sieve: Self.sieve(minimumUnits: 8_999)))
    #expect(TextUnit.count(of: sieved.batches.flatMap { $0 } + sieved.rest) == 9_000)
    #expect(sieved.rest.contains { $0.kind == .elided })
    let whole = Self.batches(Self.source(format, text, sieve: Self.sieve(minimumUnits: 9_000)))
    #expect(!(whole.batches.flatMap { $0 } + whole.rest).contains { $0.kind == .elided })
  }

  @Test func aNoticeOpeningABatchTakesTheTimeOfTheMessageBefore() throws {
    let text = Self.chat(.wechatExporter, count: 9_000, noticeAt: UnitBatches.standardSize)
    for sieve in [nil, Self.sieve(minimumUnits: 0, radius: 0, token: "撤回")] {
      let (batches, rest, _) = Self.batches(Self.source(.wechatExporter, text, sieve: sieve))
      // Read whole, the notice opens the second batch; sieved, the message before it is part of
      // a run of unread messages.
      let units = batches.flatMap { $0 } + rest
      let position = try #require(units.firstIndex { $0.kind == .system })
      let notice = units[position]
      #expect(notice.attributes["timeFrom"] == "previous message")
      #expect(notice.time?.iso8601 == "2023-06-06T16:31:00+08:00")
      #expect(TextUnit.count(of: Array(units[..<position])) == UnitBatches.standardSize)
      #expect(position > 0 && (units[position - 1].kind == .elided) == (sieve != nil))
      if sieve == nil { #expect(batches.count == 1 && rest.first == notice) }
    }
  }
}
