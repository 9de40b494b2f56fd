import Foundation
import Testing

@testable import Ingest
import TestSupport

/// A `UnitSieve` lets the MemoTrace TXT parsers build whole only the messages a scan needs; the
/// others keep their place, lines and conversation.
@Suite struct UnitSieveTests {
  /// A v1 chat of `count` records: every 97th body holds `命中` (one of them over two lines),
  /// every 10th record is a notice (no body); `lineBreak` separates lines.
  static func chat(count: Int, lineBreak: String = "\n") -> String {
    (0..<count).map { index in
      let time = String(format: "2023-06-01 %02d:%02d:%02d", index / 3_600, index / 60 % 60, index % 60)
      if index % 10 == 5 { return "\(time) \"老周\" 撤回了一条消息" }
      if index == 194 { return "\(time) 小李\(lineBreak)第一行\(lineBreak)命中在第二行" }
      return "\(time) \(index % 2 == 0 ? "小李" : "老周")\(lineBreak)第\(index)条\(index % 97 == 0 ? "，命中" : "，平常的话")"
    }.joined(separator: lineBreak + lineBreak) + lineBreak
  }

  /// A sieve passing bodies that hold `命中`, counting the tests it makes.
  static func sieve(radius: Int, minimumUnits: Int) -> UnitSieve {
    UnitSieve(radius: radius, minimumUnits: minimumUnits) {
      { body in Array(body).firstRange(of: Array("命中".utf8)) != nil }
    }
  }

  static func read(_ text: String, sieve: UnitSieve?) -> EvidenceDocument {
    var source = SourceText(text: text, path: "群聊.txt", encoding: .utf8, options: IngestOptions())
    source.sieve = sieve
    let units = MemoTraceTXTParser().parse(source).units
    return EvidenceDocument(path: "群聊.txt", sha256: "", bytes: 0, format: .wechatMemoTraceTXT, status: .parsed, units: units)
  }

  @Test(arguments: ["\n", "\r\n"])
  func elidedUnitsKeepTheirPlaceAndTheOthersAreUnchanged(lineBreak: String) {
    let text = Self.chat(count: 3_000, lineBreak: lineBreak)
    let whole = Self.read(text, sieve: nil).units
    let runs = Self.read(text, sieve: Self.sieve(radius: 2, minimumUnits: 2_000)).units
    let sieved = SieveParity.expanded(runs, along: whole)
    #expect(sieved.count == whole.count)
    let hits = Set(whole.indices.filter { whole[$0].text.contains("命中") })
    #expect(hits.count == 28)
    // Each stretch of unread messages between the windows around the passes is one run.
    let near = Set(hits.flatMap { max(0, $0 - 2)...min(whole.count - 1, $0 + 2) })
    let stretches = whole.indices.filter { !near.contains($0) && ($0 == 0 || near.contains($0 - 1)) }
    #expect(runs.count == near.count + stretches.count)
    for index in whole.indices {
      let near = hits.contains { abs($0 - index) <= 2 }
      if near {
        #expect(sieved[index] == whole[index])
      } else {
        #expect(sieved[index].kind == .elided)
        #expect(sieved[index].text.isEmpty && sieved[index].speaker == nil)
        #expect(sieved[index].line == whole[index].line && sieved[index].endLine == whole[index].endLine)
        #expect(sieved[index].time == nil && sieved[index].conversation == whole[index].conversation)
      }
    }
    #expect(sieved.filter { $0.kind == .elided }.count > 2_500)
  }

  @Test func anElidedRecordWithABadTimeKeepsItsDiagnostic() {
    let text = Self.chat(count: 3_000).replacingOccurrences(of: "2023-06-01 00:00:07", with: "2023-13-01 00:00:07")
    var source = SourceText(text: text, path: "群聊.txt", encoding: .utf8, options: IngestOptions())
    let whole = MemoTraceTXTParser().parse(source)
    source.sieve = Self.sieve(radius: 0, minimumUnits: 0)
    let sieved = MemoTraceTXTParser().parse(source)
    #expect(whole.diagnostics.map(\.code) == ["ingest.bad-time"])
    #expect(sieved.diagnostics == whole.diagnostics)
    #expect(SieveParity.expanded(sieved.units, along: whole.units)[7].kind == .elided && whole.units[7].time == nil)
  }

  @Test func aPieceOfAtMostMinimumUnitsIsReadWhole() {
    let text = Self.chat(count: 1_500)
    #expect(Self.read(text, sieve: Self.sieve(radius: 0, minimumUnits: 1_500)).units == Self.read(text, sieve: nil).units)
    #expect(Self.read(text, sieve: Self.sieve(radius: 0, minimumUnits: 1_499)).units.contains { $0.kind == .elided })
  }

  @Test func aNoticeIsTestedOnItsHeaderLine() {
    let text = (0..<30).map { index in
      "2023-06-01 10:00:\(String(format: "%02d", index)) " + (index == 7 ? "\"老周\" 命中了一条消息" : "小李\n平常的话")
    }.joined(separator: "\n\n")
    let runs = Self.read(text, sieve: Self.sieve(radius: 0, minimumUnits: 0)).units
    #expect(runs.map(\.span) == [7, 1, 22])
    let units = SieveParity.expanded(runs, along: Self.read(text, sieve: nil).units)
    #expect(units.indices.filter { units[$0].kind != .elided } == [7])
    #expect(units[7].kind == .system)
  }

  @Test func wholeMessagesCoverTheRadiusAroundEachPass() {
    let sieve = Self.sieve(radius: 1, minimumUnits: 0)
    let whole = sieve.wholeMessages(count: 8) { [0, 4, 5].contains($0) }
    #expect(whole == [true, true, false, true, true, true, true, false])
    #expect(Self.sieve(radius: 3, minimumUnits: 8).wholeMessages(count: 8) { _ in false } == Array(repeating: true, count: 8))
  }

  @Test func aFolderReadForAScanSievesStreamedPiecesButPlainReadsDoNot() throws {
    let temporary = try TemporaryFolder("sieve")
    defer { temporary.remove() }
    let folder = temporary.url
    try Self.chat(count: 6_000).write(to: folder.appendingPathComponent("群聊.txt"), atomically: true, encoding: .utf8)
    var evidence = try EvidenceFolder(root: folder)
    evidence.unitSieve = Self.sieve(radius: 0, minimumUnits: 0)
    let entry = try #require(evidence.entries().first)
    let plain = evidence.read(entry)
    #expect(!plain.units.contains { $0.kind == .elided })
    var streamed: [TextUnit] = []
    let manifest = evidence.read(entry, streaming: StreamingPolicy(thresholdBytes: 50_000, pieceBytes: 40_000)) {
      streamed += $0.units
    }
    #expect(manifest.unitCount == plain.units.count && TextUnit.count(of: streamed) == plain.units.count)
    #expect(SieveParity.expanded(streamed, along: plain.units).map(\.line) == plain.units.map(\.line))
    #expect(streamed.filter { $0.kind != .elided } == plain.units.filter { $0.text.contains("命中") })
    #expect(manifest.sha256 == plain.sha256)
  }

  /// The chat fixtures of the parsers that take a sieve, read with one that passes a message
  /// when it holds `token`, give the same units where they pass (and around them, none here),
  /// elided units of the same lines elsewhere, and the same diagnostics.
  @Test(arguments: [
    "wechat-memotrace/张三.txt", "wechat-memotrace/partial.txt", "wechat-memotrace/聊天记录/李四(wxid_example01)/李四.txt",
    "whatsapp-txt/WhatsApp Chat with Alex.txt", "whatsapp-txt/ambiguous.txt", "wechatexporter/张三/index.txt",
    "wechat-memotrace/张三-weflow.txt", "wechat-dump/张三.txt", "qq-txt/全部消息记录.txt", "qq-txt/recent-contacts.txt",
    "qq-txt/clock12.txt",
  ])
  func fixturesReadWithASieveKeepWhatPasses(path: String) throws {
    let text = String(decoding: try Fixture.data(path), as: UTF8.self)
    var source = SourceText(text: text, path: path, encoding: .utf8, options: IngestOptions())
    let parser = ParserRegistry.parser(for: source)
    let whole = parser.parse(source)
    let token = whole.units.first { $0.kind == .message }?.text.prefix(1) ?? "的"
    source.sieve = UnitSieve(radius: 0, minimumUnits: 0) {
      { body in String(decoding: body, as: UTF8.self).contains(token) }
    }
    let sieved = parser.parse(source)
    #expect(sieved.diagnostics == whole.diagnostics)
    let units = SieveParity.expanded(sieved.units, along: whole.units)
    #expect(units.count == whole.units.count)
    #expect(units.contains { $0.kind == .elided })
    for (kept, reference) in zip(units, whole.units) {
      #expect(kept.line == reference.line && kept.endLine == reference.endLine)
      if kept.kind == .elided {
        #expect(!reference.text.contains(token))
      } else {
        #expect(kept == reference)
      }
    }
  }
}

