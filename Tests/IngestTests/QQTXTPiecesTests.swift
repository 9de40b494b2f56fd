import Foundation
import Testing

@testable import Ingest
import TestSupport

/// A QQ message-manager TXT file above the streaming threshold is read in pieces that carry the
/// blocks, the `最近联系人` repeats and the sieve from one piece to the next: the units and
/// diagnostics are those of a whole read, with and without a sieve.
@Suite struct QQTXTPiecesTests {
  /// Pieces of a few hundred bytes, so that every block spans many pieces.
  static let tiny = StreamingPolicy(thresholdBytes: 300, pieceBytes: 300, maxPieceBytes: 64 * 1_024)
  /// A policy under which the file is read whole, as before pieces.
  static let whole = StreamingPolicy(thresholdBytes: .max)

  /// One block of an export: its group, its conversation and its messages (header, body).
  struct Block {
    var group: String
    var object: String
    var messages: [(header: String, body: String)]
  }

  /// `count` messages of `sender`s from `start` (minutes into 2016-02-01); every 7th holds 命中,
  /// every 11th runs over two lines, every 13th says 预告 (the stateful sieve's trigger).
  static func messages(_ count: Int, from start: Int, senders: [String]) -> [(header: String, body: String)] {
    (start..<(start + count)).map { index in
      let time = String(format: "2016-02-%02d %02d:%02d:00", 1 + index / 1_440, index / 60 % 24, index % 60)
      let body =
        index % 7 == 0 ? "第\(index)条，命中" : index % 11 == 0 ? "第\(index)条\n第二行" : index % 13 == 0 ? "第\(index)条，预告" : "第\(index)条"
      return (time + " " + senders[index % senders.count], body)
    }
  }

  /// An export of `blocks` with `lineBreak`s; `extra` lines go right after the title.
  static func export(_ blocks: [Block], lineBreak: String = "\n", extra: [String] = []) -> String {
    let separator = QQMessageManagerTXTParser.separator
    var lines = [QQMessageManagerTXTParser.fileTitle, ""] + extra
    for block in blocks {
      lines += [separator, "消息分组:\(block.group)", separator, "消息对象:\(block.object)", separator, ""]
      for message in block.messages { lines += [message.header] + message.body.split(separator: "\n").map(String.init) + [""] }
    }
    return lines.joined(separator: lineBreak) + lineBreak
  }

  /// A friend block of 120 messages (far larger than a piece), a group block of 60, and a
  /// 最近联系人 block repeating every 4th friend message and adding two of its own, last or first.
  static func exportAll(recentFirst: Bool, lineBreak: String = "\n") -> String {
    let friend = messages(120, from: 0, senders: ["老王(12345678)", "我的小号<someone@example.com>"])
    let group = messages(60, from: 500, senders: ["【管理员】阿强(23456789)", "系统消息(10000)", "老王(12345678)"])
    var recentMessages = stride(from: 0, to: friend.count, by: 4).map { friend[$0] }
    recentMessages += [("2016-03-01 10:00:00 老王(12345678)", "只在最近联系人里，命中"), ("2016-03-01 10:00:01 老王(12345678)", "只在最近联系人里")]
    let recent = Block(group: "最近联系人", object: "老王", messages: recentMessages)
    var friendMessages = friend
    friendMessages[30].header = "2016-13-01 00:00:00 老王(12345678)"
    friendMessages[42].body = "第42条\n2016-02-01 00:42:00 老王(12345678)\n接着说"
    var blocks = [Block(group: "我的好友", object: "老王", messages: friendMessages), Block(group: "我的QQ群", object: "项目群", messages: group)]
    blocks.insert(recent, at: recentFirst ? 0 : blocks.count)
    return export(blocks, lineBreak: lineBreak, extra: ["导出时间：某日", "", "导出说明", ""])
  }

  /// A sieve passing bodies that hold 命中, and the body after one that holds 预告: one run over
  /// the whole file, so the pieces must carry it.
  static func statefulSieve(radius: Int) -> UnitSieve {
    UnitSieve(radius: radius, minimumUnits: 0) {
      var announced = false
      return { body in
        let text = String(decoding: body, as: UTF8.self)
        defer { announced = text.contains("预告") }
        return text.contains("命中") || announced
      }
    }
  }

  /// `text` read with `policy` and `sieve` from a folder holding it as `name`: every unit handed
  /// over, how many pieces, and the manifest document.
  static func read(_ text: String, name: String = "全部消息记录.txt", policy: StreamingPolicy, sieve: UnitSieve?) throws -> (
    units: [TextUnit], pieces: Int, document: EvidenceDocument
  ) {
    let temporary = try TemporaryFolder("qqpieces")
    defer { temporary.remove() }
    let folder = temporary.url
    try Data(text.utf8).write(to: folder.appendingPathComponent(name))
    var evidence = try EvidenceFolder(root: folder)
    evidence.unitSieve = sieve
    let entry = try #require(evidence.entries().first)
    return StreamedReadingTests.streamed(evidence, entry, policy: policy)
  }

  /// Expects the read in tiny pieces to give the units, unit count, hash, format and diagnostics
  /// (besides the `streamed` note) of the whole read; returns both.
  @discardableResult
  static func expectSameAsWhole(_ text: String, sieve: UnitSieve?) throws -> (whole: [TextUnit], pieces: [TextUnit], diagnostics: [Diagnostic]) {
    let whole = try read(text, policy: Self.whole, sieve: sieve)
    let pieces = try read(text, policy: tiny, sieve: sieve)
    #expect(whole.document.format == .qqMessageManagerTXT)
    #expect(pieces.pieces > 5)
    #expect(pieces.units.count == whole.units.count)
    #expect(pieces.units == whole.units)
    #expect(pieces.document.unitCount == whole.units.count)
    #expect(pieces.document.sha256 == whole.document.sha256 && pieces.document.bytes == whole.document.bytes)
    #expect(pieces.document.format == whole.document.format && pieces.document.status == whole.document.status)
    #expect(pieces.document.diagnostics.filter { $0.code != "streamed" } == whole.document.diagnostics)
    #expect(pieces.document.diagnostics.last?.code == "streamed")
    return (whole.units, pieces.units, whole.document.diagnostics)
  }

  @Test(arguments: [false, true], ["\n", "\r\n"])
  func piecesGiveTheUnitsAndDiagnosticsOfAWholeRead(recentFirst: Bool, lineBreak: String) throws {
    let (units, _, diagnostics) = try Self.expectSameAsWhole(Self.exportAll(recentFirst: recentFirst, lineBreak: lineBreak), sieve: nil)
    #expect(units.count == 182)
    #expect(
      diagnostics.map(\.code) == ["ingest.unparsed-line", "ingest.header-like-body-line", "ingest.bad-time", "ingest.duplicate-block"])
    #expect(diagnostics.last?.message.hasPrefix("30 messages of the 最近联系人 block") == true)
    #expect(Set(units.map(\.conversation)) == ["老王", "项目群"])
    #expect(units.filter { $0.attributes["qqGroup"] == "最近联系人" }.map(\.text) == ["只在最近联系人里，命中", "只在最近联系人里"])
    #expect(units.contains { $0.kind == .system } && units.contains { $0.attributes["memberTitle"] == "管理员" })
    var carry = QQPieceCarry(path: "全部消息记录.txt", sieve: nil)
    let source = SourceText(
      text: Self.exportAll(recentFirst: recentFirst, lineBreak: lineBreak), path: "全部消息记录.txt", encoding: .utf8, options: IngestOptions())
    carry.survey(source, lineOffset: 0, round: 0)
    #expect(carry.endSurvey(round: 0) == false)
  }

  @Test(arguments: [false, true], [0, 1, 3])
  func sievedPiecesElideWhatAWholeSievedReadElides(recentFirst: Bool, radius: Int) throws {
    let text = Self.exportAll(recentFirst: recentFirst)
    let plain = try Self.read(text, policy: Self.whole, sieve: nil).units
    let stateless = try Self.expectSameAsWhole(text, sieve: SieveParity.sieve(passing: "命中", radius: radius))
    SieveParity.expectKept(stateless.pieces, plain, token: "命中", radius: radius)
    let stateful = try Self.expectSameAsWhole(text, sieve: Self.statefulSieve(radius: radius))
    #expect(stateful.pieces.filter { $0.kind != .elided }.count > stateless.pieces.filter { $0.kind != .elided }.count)
  }

  @Test func aSmallFileIsNotSievedInPiecesEither() throws {
    let text = Self.exportAll(recentFirst: false)
    let sieve = UnitSieve(radius: 0, minimumUnits: 182) { { _ in false } }
    let (units, _, _) = try Self.expectSameAsWhole(text, sieve: sieve)
    #expect(!units.contains { $0.kind == .elided })
    let smaller = UnitSieve(radius: 0, minimumUnits: 181) { { _ in false } }
    #expect(try Self.expectSameAsWhole(text, sieve: smaller).pieces.allSatisfy { $0.kind == .elided })
  }

  @Test func aConversationNamedAfterItsMessagesAndBlocksWithoutOneAreThoseOfAWholeRead() throws {
    let separator = QQMessageManagerTXTParser.separator
    let late = Self.messages(40, from: 0, senders: ["老王(12345678)"]).map { $0.header + "\n" + $0.body }
    let text =
      ([QQMessageManagerTXTParser.fileTitle, "", separator, "消息分组:我的好友", separator, ""] + late
        + ["消息对象:后来才写的对象", "", separator, "消息分组:最近联系人", separator, ""] + late.prefix(10)).joined(separator: "\n\n") + "\n"
    let (units, _, diagnostics) = try Self.expectSameAsWhole(text, sieve: nil)
    #expect(units.prefix(40).allSatisfy { $0.conversation == "后来才写的对象" })
    #expect(units.suffix(10).allSatisfy { $0.conversation == "全部消息记录" })
    #expect(diagnostics.isEmpty)
  }

  @Test(arguments: [false, true])
  func aConversationNamedLateDecidesTheRepeatsAfterASecondSurvey(named: Bool) throws {
    let separator = QQMessageManagerTXTParser.separator
    let chat = Self.messages(40, from: 0, senders: ["老王(12345678)"]).map { $0.header + "\n" + $0.body }
    let text =
      ([QQMessageManagerTXTParser.fileTitle, "", separator, "消息分组:最近联系人", separator, "消息对象:老王", separator, ""] + chat.prefix(10)
        + [separator, "消息分组:我的好友", separator, ""] + chat + (named ? ["消息对象:老王"] : [])).joined(separator: "\n\n") + "\n"
    let (units, _, diagnostics) = try Self.expectSameAsWhole(text, sieve: SieveParity.sieve(passing: "命中", radius: 1))
    #expect(units.count == (named ? 40 : 50))
    #expect(diagnostics.map(\.code) == (named ? ["ingest.duplicate-block"] : []))
    var carry = QQPieceCarry(path: "全部消息记录.txt", sieve: nil)
    carry.survey(SourceText(text: text, path: "全部消息记录.txt", encoding: .utf8, options: IngestOptions()), lineOffset: 0, round: 0)
    #expect(carry.endSurvey(round: 0) == named)
  }

  @Test func aFileWithoutRecentContactsNeedsOneSurvey() throws {
    let text = Self.export([Block(group: "我的好友", object: "老王", messages: Self.messages(200, from: 0, senders: ["老王(12345678)"]))])
    let (units, _, diagnostics) = try Self.expectSameAsWhole(text, sieve: SieveParity.sieve(passing: "命中", radius: 2))
    #expect(units.count == 200 && diagnostics.isEmpty)
  }

  @Test func keysTellMessagesApartByConversationTimeSenderAndText() throws {
    let text = "2016-02-01 10:00:00 老王(12345678)\n你好\n第二行\n\n2016-02-01 10:00:00 老王(12345678)\n你好\n\n"
      + "2016-02-01 10:00:00 老王(87654321)\n你好\n第二行\n\n2016-02-01 10:00:00 老王(12345678)\n你好\n第二行\n"
    let source = SourceText(text: text, path: "a.txt", encoding: .utf8, options: IngestOptions())
    let records = QQBlocks.split(source).records.records
    let keys = records.map { MessageKey($0, conversation: "老王", source: source) }
    #expect(Set(keys).count == 3 && keys[0] == keys[3])
    #expect(MessageKey(records[0], conversation: "老李", source: source) != keys[0])
    let crlf = SourceText(text: text.replacingOccurrences(of: "\n", with: "\r\n"), path: "a.txt", encoding: .utf8, options: IngestOptions())
    #expect(MessageKey(QQBlocks.split(crlf).records.records[0], conversation: "老王", source: crlf) == keys[0])
  }
}
